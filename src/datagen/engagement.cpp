// Campaigns, the interactions around them (e-mail sends/opens/clicks, web visits,
// social actions, calls, meetings) and the sales pipeline (opportunities).
#include <algorithm>
#include <cmath>

#include "datagen/context.h"

namespace segdash::datagen {
namespace {

constexpr std::size_t kMaxInteractionsPerCustomer = 60;
constexpr double kDaysPerYear = 365.25;
// Campaign channel: cost range (EUR) and length in days.
constexpr double kCampaignCost[4][2] = {{300, 1500}, {1500, 6000}, {2500, 9000}, {8000, 30000}};
constexpr int kCampaignDays[4] = {7, 30, 45, 2};

struct IaRec {
    std::int64_t seconds;
    int kind; // core::InteractionKind order
    int campaign; // -1 none
    int detail;   // index into the kind's detail list, -1 none
};

// The campaign of `channel` running on `day`, or -1.
int activeCampaign(const Context &ctx, int channel, std::int32_t day) {
    for (std::size_t i = 0; i < ctx.campaignList.size(); ++i) {
        const auto &c = ctx.campaignList[i];
        if (c.channel == channel && c.startsOn.days <= day && day <= c.endsOn.days) return int(i);
    }
    return -1;
}

void emails(Context &ctx, Rng &rng, const Person &p, std::vector<IaRec> &out) {
    const GroupProfile &g = groupProfiles()[p.group];
    const auto &h = ctx.history;
    const double target = p.group == 0 ? 0.30 : 0.15;
    for (std::size_t i = 0; i < ctx.campaignList.size(); ++i) {
        const auto &c = ctx.campaignList[i];
        if (c.channel != 0) continue;
        const double sendDay = c.startsOn.days + 0.1 + rng.uniform() * 0.1;
        if (sendDay < h.acquiredAt || sendDay >= ctx.dataEnd || !rng.chance(target)) continue;
        const std::int64_t sent = momentOf(sendDay).seconds;
        out.push_back({sent, 0, int(i), -1});
        const bool alive = sendDay < h.dropoutAt;
        if (!rng.chance(alive ? g.openRate : 0.04)) continue;
        const std::int64_t opened = sent + 60 + std::int64_t(rng.exponential(1.0 / (8 * 3600)));
        if (opened >= ctx.endSeconds()) continue;
        out.push_back({opened, 1, int(i), -1});
        if (!rng.chance(g.clickRate)) continue;
        const std::int64_t clicked = opened + rng.uniformInt(5, 600);
        if (clicked < ctx.endSeconds()) out.push_back({clicked, 2, int(i), int(rng.index(8))});
    }
}

// A Poisson stream of `kind` while the customer is alive and the data runs.
void stream(Context &ctx, Rng &rng, double perYear, int kind, int campaignChannel, std::vector<IaRec> &out) {
    const auto &h = ctx.history;
    const double stop = std::min(h.dropoutAt, ctx.dataEnd);
    if (perYear <= 0) return;
    for (double t = h.acquiredAt + rng.exponential(perYear / kDaysPerYear); t < stop;
         t += rng.exponential(perYear / kDaysPerYear)) {
        const int camp = campaignChannel >= 0 && rng.chance(0.5) ? activeCampaign(ctx, campaignChannel, std::int32_t(t)) : -1;
        out.push_back({momentOf(t).seconds, kind, camp, int(rng.index(8))});
    }
}

void writeIaRow(Context &ctx, const Person &p, const IaRec &r) {
    const auto &v = ctx.voc;
    auto &w = *ctx.interactions;
    using namespace col;
    w.text(kIaCust, p.id);
    w.text(kIaKind, v.interactionKinds[r.kind]);
    w.timestamp(kIaTime, core::Timestamp{r.seconds});
    if (r.campaign >= 0) w.text(kIaCampaign, ctx.campaignList[r.campaign].id);
    if (r.detail >= 0) {
        const auto &list = r.kind == 4 ? v.socialActions : r.kind >= 5 ? v.callTopics : v.webPages;
        w.text(kIaDetail, list[std::size_t(r.detail) % list.size()]);
    }
    w.endRow();
}

} // namespace

void makeCampaigns(Context &ctx) {
    Rng rng = Rng::derive(ctx.opt.seed, 9, 0);
    const auto &v = ctx.voc;
    int number = 0;
    for (core::Date month{std::int32_t(ctx.dataStart)}; month.days < ctx.dataEnd; month = month.endOfMonth().addDays(1)) {
        const int m = month.month();
        for (int channel = 0; channel < 4; ++channel) {
            const bool runs = channel == 0 || (channel == 1 && m % 3 == 1) || (channel == 2 && m % 4 == 2) ||
                              (channel == 3 && (m == 3 || m == 10));
            if (!runs) continue;
            CampaignInfo c;
            c.id = formatId("CMP-", ++number, 3);
            c.channel = channel;
            c.startsOn = month.addDays(rng.uniformInt(0, 10));
            c.endsOn = c.startsOn.addDays(kCampaignDays[channel] - 1);
            auto &w = *ctx.campaigns;
            using namespace col;
            w.text(kCampId, c.id);
            w.text(kCampName, std::string(v.campaignThemes[std::size_t(m - 1)]) + " " + std::to_string(month.year()));
            w.text(kCampChannel, v.campaignChannels[channel]);
            const double cost = rng.uniform(kCampaignCost[channel][0], kCampaignCost[channel][1]) * ctx.moneyFactor();
            w.money(kCampCost, core::Money::fromDouble(std::round(cost)));
            w.date(kStartsOn, c.startsOn);
            w.date(kEndsOn, c.endsOn);
            w.text(kTarget, rng.pick(v.audiences));
            w.endRow();
            ctx.campaignList.push_back(std::move(c));
        }
    }
    ctx.summary.campaigns = std::int64_t(ctx.campaignList.size());
}

void writeInteractions(Context &ctx, Rng &rng, const Person &p) {
    static thread_local std::vector<IaRec> rows;
    rows.clear();
    const GroupProfile &g = groupProfiles()[p.group];
    emails(ctx, rng, p, rows);
    stream(ctx, rng, g.visitsPerYear, 3, 2, rows);
    stream(ctx, rng, g.socialPerYear, 4, 1, rows);
    stream(ctx, rng, g.callsPerYear, 5, -1, rows);
    stream(ctx, rng, g.meetingsPerYear, 6, -1, rows);
    // Most purchases in the web shop follow a visit in the day before.
    for (double t : ctx.history.purchases)
        if (rng.chance(0.4)) rows.push_back({momentOf(t).seconds - rng.uniformInt(300, 86400), 3, -1, 1});
    std::sort(rows.begin(), rows.end(), [](const IaRec &a, const IaRec &b) {
        return a.seconds != b.seconds ? a.seconds < b.seconds : a.kind < b.kind;
    });
    // Cap very active customers to their most recent interactions (keeps files modest).
    const std::size_t first = rows.size() > kMaxInteractionsPerCustomer ? rows.size() - kMaxInteractionsPerCustomer : 0;
    for (std::size_t i = first; i < rows.size(); ++i) writeIaRow(ctx, p, rows[i]);
    ctx.summary.interactions += std::int64_t(rows.size() - first);
}

namespace {

// Moves a deal through the pipeline from `created`; returns 0 open, 1 won, 2 lost,
// with the stage reached and the day it closed (or stopped at the end of the data).
int runPipeline(const Context &ctx, Rng &rng, const GroupProfile &g, double created, int &stage, double &at) {
    static constexpr double kAdvance[] = {0.75, 0.70, 0.70};
    stage = 0;
    at = created;
    for (;;) {
        at += 3 + rng.exponential(1.0 / 12.0);
        if (at >= ctx.dataEnd) return 0;
        if (!rng.chance(stage < 3 ? kAdvance[stage] : g.winRate)) return 2;
        if (stage == 3) return 1;
        ++stage;
    }
}

} // namespace

void writeOpportunities(Context &ctx, Rng &rng, const Person &p) {
    static constexpr double kStageProbability[] = {0.1, 0.2, 0.4, 0.7};
    const GroupProfile &g = groupProfiles()[p.group];
    const auto &h = ctx.history;
    const auto &v = ctx.voc;
    const double stop = std::min(h.dropoutAt, ctx.dataEnd);
    const double rate = g.oppsPerYear / kDaysPerYear;
    for (double t = h.acquiredAt + rng.exponential(rate); t < stop; t += rng.exponential(rate)) {
        int stage = 0;
        double at = t;
        const int status = runPipeline(ctx, rng, g, t, stage, at);
        auto &w = *ctx.opportunities;
        using namespace col;
        w.text(kOppId, formatId("OP-", ++ctx.nextOppNo, 6));
        w.text(kOppCust, p.id);
        const auto &category = ctx.cat.categories[std::size_t(rng.pick(p.favouriteCategories))];
        const std::string who = p.company.empty() ? p.name : p.company;
        w.text(kOppName, who + " - " + rng.pick(v.oppKinds) + " " + category);
        w.text(kOppStage, v.oppStages[status == 0 ? stage : status == 1 ? 4 : 5]);
        const double amount = std::exp(rng.normal(std::log(1500.0 * (p.group == 0 ? 4 : 1)), 0.7)) * ctx.moneyFactor();
        w.money(kAmount, core::Money::fromDouble(std::max(100.0, std::round(amount / 100) * 100)));
        w.decimal(kProbability, status == 0 ? kStageProbability[stage] : status == 1 ? 1.0 : 0.0, 2);
        w.date(kCreatedOn, core::Date{std::int32_t(t)});
        if (status != 0) w.date(kClosedOn, core::Date{std::int32_t(at)});
        w.text(kStatus, v.oppStatus[status]);
        w.text(kOwner, v.salesReps[rng.chance(0.9) ? p.rep : rng.index(v.salesReps.size())]);
        w.endRow();
        ++ctx.summary.opportunities;
    }
}

} // namespace segdash::datagen
