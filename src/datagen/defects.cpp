#include "datagen/defects.h"

#include <algorithm>
#include <cctype>
#include <vector>

#include "datagen/context.h"

namespace segdash::datagen {
namespace {

constexpr const char *kKindNames[] = {"duplicate_email", "duplicate_id", "country_variant", "blank_optional",
                                      "blank_required", "stray_quote", "wrong_field_count", "bad_number",
                                      "bad_date"};

struct CountryVariants {
    const char *iso;
    std::vector<const char *> variants;
};

const std::vector<CountryVariants> kCountryVariants{
    {"PL", {"Polska", "Poland", "PL ", "pl", "POL", "Polnad"}},
    {"DE", {"Germany", "Deutschland", "DE ", "Niemcy", "GER", "Germnay"}},
    {"GB", {"U.K.", "UK", "United Kingdom", "Great Britain", "England"}},
    {"IE", {"EIRE", "Ireland", "Irlandia", "IRL"}},
    {"US", {"USA", "U.S.", "United States", "US "}},
    {"FR", {"France", "Francja", "FRA"}},
    {"NL", {"Netherlands", "Holland", "Holandia"}},
    {"CZ", {"Czechy", "Czech Republic", "Czechia"}},
};

ColumnType typeOf(const TableWriter &w, int c) { return w.spec().columns[std::size_t(c)].type; }
bool filled(const TableWriter &w, int c) { return !w.fields()[std::size_t(c)].empty(); }

} // namespace

DefectInjector::DefectInjector(const GeneratorOptions &options, TableWriter &out)
    : m_rng(Rng::derive(options.seed, 7, 0)), m_rate(options.dirtyRate), m_customers(options.customers), m_out(out) {}

void DefectInjector::onRow(TableWriter &w) {
    if (!w.spec().dirtyable || !m_rng.chance(m_rate)) return;
    const bool customers = w.spec().columns.data() == customersTable().columns.data();
    // Customers get the identity defects; every table gets the format defects.
    static constexpr double kCustomerWeights[] = {3, 1, 3, 2, 1, 1, 1, 1, 1};
    static constexpr double kOtherWeights[] = {0, 0, 0, 3, 1, 1, 1, 2, 2};
    const auto kind = Kind(m_rng.weighted(customers ? kCustomerWeights : kOtherWeights));
    // A row can lack a column fit for the chosen defect; fall back to a blank.
    if (!inject(w, kind)) blank(w, false);
}

bool DefectInjector::inject(TableWriter &w, Kind kind) {
    switch (kind) {
    case Kind::DuplicateEmail: return duplicate(w, false);
    case Kind::DuplicateId: return duplicate(w, true);
    case Kind::CountryVariant: return countryVariant(w);
    case Kind::BlankOptional: return blank(w, false);
    case Kind::BlankRequired: return blank(w, true);
    case Kind::StrayQuote: return strayQuote(w);
    case Kind::WrongFieldCount: return wrongFieldCount(w);
    case Kind::BadNumber: return badValue(w, false);
    case Kind::BadDate: return badValue(w, true);
    }
    return false;
}

int DefectInjector::pickColumn(TableWriter &w, bool (*accept)(const TableWriter &, int)) {
    int candidates[64];
    int n = 0;
    for (int c = 0; c < int(w.fields().size()) && n < 64; ++c)
        if (filled(w, c) && accept(w, c)) candidates[n++] = c;
    return n ? candidates[m_rng.index(std::size_t(n))] : -1;
}

void DefectInjector::record(TableWriter &w, std::int64_t line, int col, Kind kind, std::string_view original,
                            std::string_view injected) {
    using namespace col;
    m_out.text(kDfFile, w.spec().file);
    m_out.integer(kDfLine, line);
    m_out.integer(kDfColumn, col + 1);
    m_out.text(kDfColumnName, col < int(w.spec().columns.size()) ? w.header(col) : "(extra)");
    m_out.text(kDfKind, kKindNames[int(kind)]);
    m_out.text(kDfOriginal, original);
    m_out.text(kDfInjected, injected);
    m_out.endRow();
    ++m_count;
}

bool DefectInjector::duplicate(TableWriter &w, bool sameId) {
    auto &extra = w.addExtraRow();
    extra = w.fields();
    const std::int64_t line = w.nextLine() + 1;
    if (sameId) {
        record(w, line, col::kCustId, Kind::DuplicateId, extra[col::kCustId], extra[col::kCustId]);
        return true;
    }
    extra[col::kCustId] = formatId("C", m_customers + ++m_duplicates, 6);
    std::string email = extra[col::kEmail];
    switch (m_rng.index(3)) {
    case 0: std::transform(email.begin(), email.end(), email.begin(), [](unsigned char c) { return char(std::toupper(c)); }); break;
    case 1: email = " " + email; break;
    default: email[0] = char(std::toupper(static_cast<unsigned char>(email[0]))); email += "  "; break;
    }
    extra[col::kEmail] = email;
    record(w, line, col::kEmail, Kind::DuplicateEmail, w.fields()[col::kEmail], email);
    return true;
}

bool DefectInjector::countryVariant(TableWriter &w) {
    std::string &value = w.fields()[col::kCountry];
    if (value.empty()) return false;
    const std::string original = value;
    for (const auto &cv : kCountryVariants)
        if (original == cv.iso) value = m_rng.pick(cv.variants);
    if (value == original) value = m_rng.chance(0.5) ? original + " " : std::string(1, char(std::tolower(original[0]))) + original.substr(1);
    record(w, w.nextLine(), col::kCountry, Kind::CountryVariant, original, value);
    return true;
}

bool DefectInjector::blank(TableWriter &w, bool required) {
    const int c = required ? pickColumn(w, [](const TableWriter &t, int c) { return t.spec().columns[std::size_t(c)].required; })
                           : pickColumn(w, [](const TableWriter &t, int c) { return !t.spec().columns[std::size_t(c)].required; });
    if (c < 0) return false;
    const std::string original = w.fields()[std::size_t(c)];
    w.blank(c);
    record(w, w.nextLine(), c, required ? Kind::BlankRequired : Kind::BlankOptional, original, "");
    return true;
}

bool DefectInjector::strayQuote(TableWriter &w) {
    const char delim = w.dialect() == Dialect::Polish ? ';' : ',';
    const int c = pickColumn(w, [](const TableWriter &t, int c) { return typeOf(t, c) == ColumnType::Text; });
    if (c < 0) return false;
    std::string &value = w.fields()[std::size_t(c)];
    if (value.find(delim) != std::string::npos || value.find('"') != std::string::npos) return false;
    const std::string original = value;
    std::size_t at = 1 + m_rng.index(value.size()); // never first: that would open a quoted field
    while (at < value.size() && (static_cast<unsigned char>(value[at]) & 0xC0) == 0x80) ++at; // UTF-8 boundary
    value.insert(at, "\"");
    w.markRaw(c);
    record(w, w.nextLine(), c, Kind::StrayQuote, original, value);
    return true;
}

bool DefectInjector::wrongFieldCount(TableWriter &w) {
    auto &f = w.fields();
    const int n = int(f.size());
    if (m_rng.chance(0.5)) {
        f.emplace_back(m_rng.chance(0.5) ? "N/A" : "x");
        record(w, w.nextLine(), n, Kind::WrongFieldCount, "", f.back());
    } else {
        const std::string original = f.back();
        f.pop_back();
        record(w, w.nextLine(), n - 1, Kind::WrongFieldCount, original, "");
    }
    return true;
}

bool DefectInjector::badValue(TableWriter &w, bool date) {
    const bool pl = w.dialect() == Dialect::Polish;
    const int c = date ? pickColumn(w, [](const TableWriter &t, int c) {
                             return typeOf(t, c) == ColumnType::Date || typeOf(t, c) == ColumnType::Timestamp; })
                       : pickColumn(w, [](const TableWriter &t, int c) {
                             const auto ty = typeOf(t, c);
                             return ty == ColumnType::Money || ty == ColumnType::Integer || ty == ColumnType::Decimal; });
    if (c < 0) return false;
    std::string &value = w.fields()[std::size_t(c)];
    const std::string original = value;
    static const char *kBadDatesEn[] = {"0000-00-00", "2023-02-30", "31/13/2023", "not a date", "2023-13-01"};
    static const char *kBadDatesPl[] = {"00.00.0000", "30.02.2023", "2023/13/31", "brak daty", "32.01.2023"};
    static const char *kBadNumbers[] = {"n/a", "#VALUE!", "--", "?", "NaN"};
    if (date) value = pl ? m_rng.pick(kBadDatesPl) : m_rng.pick(kBadDatesEn);
    else {
        switch (m_rng.index(4)) {
        case 0: value = m_rng.pick(kBadNumbers); break;
        case 1: value = original + (pl ? ",5" : ".5") + (pl ? ",1" : ".1"); break; // two decimal points
        case 2: value = pl ? original + " zł" : "€" + original; break;
        default: value = original + "x"; break;
        }
    }
    if (value == original) value += "?";
    record(w, w.nextLine(), c, date ? Kind::BadDate : Kind::BadNumber, original, value);
    return true;
}

} // namespace segdash::datagen
