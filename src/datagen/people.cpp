#include <algorithm>
#include <charconv>
#include <cmath>

#include "datagen/context.h"

namespace segdash::datagen {
namespace {

constexpr double kSizeWeightsKey[] = {0.02, 0.10, 0.28, 0.35, 0.25};
constexpr double kSizeWeightsOther[] = {0.38, 0.30, 0.18, 0.10, 0.04};
// web, paid search, referral, trade show, outbound, partner
constexpr double kChannelWeightsKey[] = {0.05, 0.05, 0.15, 0.30, 0.30, 0.15};
constexpr double kChannelWeightsOther[] = {0.35, 0.25, 0.18, 0.07, 0.07, 0.08};
constexpr double kOrderChannelWeights[] = {0.45, 0.15, 0.12, 0.18, 0.10};

std::uint64_t fnv1a(std::string_view s) {
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

bool isLegalSuffix(const char *suffix) {
    const std::string_view s(suffix);
    return s.starts_with("Sp") || s.starts_with("S.A") || s.starts_with("s.c");
}

std::string makeCompany(Context &ctx, Rng &rng, const std::string &surname) {
    const auto &v = ctx.voc;
    const std::string word = rng.chance(0.3) ? surname : std::string(rng.pick(v.companyWords));
    const char *suffix = rng.pick(v.companySuffixes);
    if (ctx.opt.dialect == Dialect::Polish && !isLegalSuffix(suffix)) return std::string(suffix) + " " + word;
    return word + " " + suffix;
}

// Keeps e-mails unique: a hash already seen (a real duplicate or a rare false
// positive) gets the customer number appended, which no other address can have.
std::string makeEmail(Context &ctx, Rng &rng, const std::string &first, const std::string &last,
                      const std::string &company, const char *tld, std::int64_t index) {
    std::string local = asciiSlug(first, '.') + "." + asciiSlug(last, '.');
    std::string domain = rng.chance(0.25) ? std::string(rng.pick(ctx.voc.freemail))
                                          : asciiSlug(company, '-') + "." + tld;
    const std::uint64_t h = fnv1a(local + "@" + domain);
    auto &bits = ctx.emailBits;
    const std::uint64_t bit = h % (bits.size() * 64);
    if (bits[bit / 64] >> (bit % 64) & 1) local += std::to_string(index + 1);
    bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
    return local + "@" + domain;
}

std::string makePhone(Rng &rng, const char *prefix) {
    std::string p = prefix;
    for (int g = 0; g < 3; ++g) {
        p.push_back(' ');
        for (int k = 0; k < 3; ++k) p.push_back(char('0' + (g == 0 && k == 0 ? rng.uniformInt(2, 9) : rng.uniformInt(0, 9))));
    }
    return p;
}

const char *ageBand(int age) {
    if (age < 25) return "18-24";
    if (age < 35) return "25-34";
    if (age < 45) return "35-44";
    if (age < 55) return "45-54";
    if (age < 65) return "55-64";
    return "65+";
}

} // namespace

std::string formatId(const char *prefix, std::int64_t number, int width) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, number);
    const int digits = int(r.ptr - buf);
    std::string s(prefix);
    if (digits < width) s.append(std::size_t(width - digits), '0');
    s.append(buf, r.ptr);
    return s;
}

core::Timestamp momentOf(double day) {
    const double whole = std::floor(day);
    const auto secondOfDay = std::int64_t(7 * 3600 + (day - whole) * 14 * 3600);
    return core::Timestamp{std::int64_t(whole) * 86400 + secondOfDay};
}

void makePerson(Context &ctx, Rng &rng, std::int64_t index, Person &p) {
    const auto &v = ctx.voc;
    p.id = formatId("C", index + 1, 6);
    p.group = pickGroup(rng);
    const bool key = p.group == 0;
    const bool female = rng.chance(0.5);
    const std::string first = female ? rng.pick(v.femaleFirst) : rng.pick(v.maleFirst);
    const std::string surname = rng.pick(v.surnames);
    const std::string last = female ? femaleSurname(surname, ctx.opt.dialect) : surname;
    p.name = first + " " + last;
    p.company = rng.chance(0.03) ? std::string() : makeCompany(ctx, rng, surname);
    p.place = int(rng.weighted(ctx.placeWeights));
    p.email = makeEmail(ctx, rng, first, last, p.company.empty() ? last : p.company,
                        v.places[p.place].tld, index);
    p.phone = rng.chance(0.08) ? std::string() : makePhone(rng, v.places[p.place].phonePrefix);
    p.industry = int(rng.index(v.industries.size()));
    p.size = int(rng.weighted(key ? kSizeWeightsKey : kSizeWeightsOther));
    p.channel = int(rng.weighted(key ? kChannelWeightsKey : kChannelWeightsOther));
    p.rep = int(rng.index(v.salesReps.size()));
    p.orderChannel = key && rng.chance(0.6) ? 3 : int(rng.weighted(kOrderChannelWeights));
    const int age = std::clamp(int(std::lround(rng.normal(43, 10))), 20, 75);
    p.age = age;
    p.birthYear = rng.chance(0.2) ? 0 : core::Date{std::int32_t(ctx.dataEnd)}.year() - age;
    p.ageBandKnown = p.birthYear != 0 || rng.chance(0.6);
    for (auto &c : p.favouriteCategories) c = int(rng.index(ctx.cat.categories.size()));
}

void writeCustomer(Context &ctx, const Person &p) {
    auto &w = *ctx.customers;
    const auto &v = ctx.voc;
    const auto &h = ctx.history;
    Rng rng = Rng::derive(ctx.opt.seed, 5, std::uint64_t(ctx.summary.customers));
    const Place &place = v.places[p.place];
    using namespace col;
    w.text(kCustId, p.id);
    w.text(kName, p.name);
    w.text(kEmail, p.email);
    w.text(kPhone, p.phone);
    w.text(kCompany, p.company);
    w.text(kIndustry, v.industries[p.industry]);
    w.text(kSize, v.sizeBands[p.size]);
    w.text(kCountry, place.country);
    w.text(kRegion, place.region);
    w.text(kCity, place.city);
    if (p.birthYear > 0) w.integer(kBirthYear, p.birthYear);
    if (p.ageBandKnown) w.text(kAgeBand, ageBand(p.age));
    const Channel &ch = v.channels[p.channel];
    w.text(kChannel, ch.label);
    w.date(kAcquiredOn, core::Date{std::int32_t(std::floor(h.acquiredAt))});
    w.money(kAcqCost, core::Money::fromDouble(std::round(rng.uniform(ch.costMin, ch.costMax) * 100) / 100));
    w.text(kSalesRep, v.salesReps[p.rep]);
    const double last = h.purchases.empty() ? h.acquiredAt : h.purchases.back();
    const int stage = ctx.dataEnd - h.acquiredAt < 90 ? 0 : ctx.dataEnd - last < 180 ? 1 : ctx.dataEnd - last < 365 ? 2 : 3;
    w.text(kStage, v.lifecycle[stage]);
    w.endRow();
}

void writeGroundTruth(Context &ctx, const Person &p) {
    auto &w = *ctx.truth;
    const auto &h = ctx.history;
    using namespace col;
    const bool alive = h.dropoutAt >= ctx.dataEnd;
    w.text(kGtCust, p.id);
    w.text(kGtGroup, groupProfiles()[p.group].name);
    w.decimal(kGtLambda, h.lambdaPerYear, 4);
    if (!alive) w.date(kGtDropout, core::Date{std::int32_t(std::floor(h.dropoutAt))});
    w.integer(kGtAlive, alive ? 1 : 0);
    w.integer(kGtFuture, h.futurePurchases);
    w.decimal(kGtMu, h.muPerYear, 4);
    w.date(kGtAcquired, core::Date{std::int32_t(std::floor(h.acquiredAt))});
    w.endRow();
}

} // namespace segdash::datagen
