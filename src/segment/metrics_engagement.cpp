#include "segment/metrics_engagement.h"

#include <algorithm>
#include <unordered_map>

namespace segdash::segment {
namespace {

bool dayCounts(const Selection &sel, std::int32_t day) {
    if (day == kNoDate) return !sel.from && !sel.to;
    return sel.inRange(day);
}

void addOpportunities(const Dataset &data, const Selection &sel, const std::vector<int> &groups,
                      std::vector<SegmentEngagement> &out) {
    const auto &p = data.opportunities;
    for (std::size_t i = 0; i < p.size(); ++i) {
        if (p.customer[i] == kNoIndex || groups[static_cast<std::size_t>(p.customer[i])] < 0) continue;
        auto &e = out[static_cast<std::size_t>(groups[static_cast<std::size_t>(p.customer[i])])];
        if (!dayCounts(sel, p.status[i] == kOpen ? p.createdOn[i] : p.closedOn[i])) continue;
        if (p.status[i] == kOpen) {
            ++e.openOpportunities;
            e.openValue += core::Money::fromUnits(p.amount[i]);
        } else if (p.status[i] == kWon) {
            ++e.won;
            e.wonValue += core::Money::fromUnits(p.amount[i]);
        } else {
            ++e.lost;
        }
    }
}

void addInteractions(const Dataset &data, const Selection &sel, const std::vector<int> &groups,
                     std::vector<SegmentEngagement> &out) {
    const auto &t = data.interactions;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.customer[i] == kNoIndex || groups[static_cast<std::size_t>(t.customer[i])] < 0) continue;
        if (!sel.inRange(t.day[i])) continue;
        auto &e = out[static_cast<std::size_t>(groups[static_cast<std::size_t>(t.customer[i])])];
        switch (static_cast<core::InteractionKind>(t.kind[i])) {
        case core::InteractionKind::EmailSent: ++e.emailsSent; break;
        case core::InteractionKind::EmailOpen: ++e.emailOpens; break;
        case core::InteractionKind::EmailClick: ++e.emailClicks; break;
        case core::InteractionKind::WebVisit: ++e.webVisits; break;
        case core::InteractionKind::Social: ++e.social; break;
        default: break;
        }
    }
}

void addSurveys(const Dataset &data, const Selection &sel, const std::vector<int> &groups,
                std::vector<SegmentEngagement> &out, std::vector<std::int64_t> &csatSum) {
    const auto &t = data.surveys;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.customer[i] == kNoIndex || groups[static_cast<std::size_t>(t.customer[i])] < 0) continue;
        if (!sel.inRange(t.day[i])) continue;
        const auto g = static_cast<std::size_t>(groups[static_cast<std::size_t>(t.customer[i])]);
        auto &e = out[g];
        if (t.nps[i] >= 0) {
            ++e.npsResponses;
            e.promoters += t.nps[i] >= 9 ? 1 : 0;
            e.detractors += t.nps[i] <= 6 ? 1 : 0;
        }
        if (t.csat[i] >= 0) {
            ++e.csatResponses;
            csatSum[g] += t.csat[i];
        }
    }
}

void finish(SegmentEngagement &e, std::int64_t csatSum) {
    const auto d = [](std::int64_t v) { return static_cast<double>(v); };
    e.winRate = ratio(d(e.won), d(e.won + e.lost));
    e.averageDealSize = ratio(e.wonValue.toDouble(), d(e.won));
    e.openRate = ratio(d(e.emailOpens), d(e.emailsSent));
    e.clickRate = ratio(d(e.emailClicks), d(e.emailsSent));
    e.webVisitsPerCustomer = ratio(d(e.webVisits), d(e.customers));
    e.socialPerCustomer = ratio(d(e.social), d(e.customers));
    e.nps = ratio(d(e.promoters - e.detractors) * 100.0, d(e.npsResponses));
    e.meanCsat = ratio(d(csatSum), d(e.csatResponses));
}

std::vector<SegmentEngagement> compute(const Dataset &data, const Selection &sel, const std::vector<int> &groups,
                                       const std::vector<std::string> &names) {
    std::vector<SegmentEngagement> out(names.size());
    for (std::size_t g = 0; g < names.size(); ++g) out[g].segment = names[g];
    for (const int g : groups)
        if (g >= 0) ++out[static_cast<std::size_t>(g)].customers;
    addOpportunities(data, sel, groups, out);
    addInteractions(data, sel, groups, out);
    std::vector<std::int64_t> csatSum(names.size(), 0);
    addSurveys(data, sel, groups, out, csatSum);
    for (std::size_t g = 0; g < out.size(); ++g) finish(out[g], csatSum[g]);
    return out;
}

} // namespace

std::vector<SegmentEngagement> engagementBySegment(const Dataset &data, const Selection &sel, const Segmentation &seg) {
    return compute(data, sel, groupsOf(sel, seg), seg.names);
}

SegmentEngagement engagementTotal(const Dataset &data, const Selection &sel) {
    std::vector<int> groups(sel.customer.size());
    for (std::size_t c = 0; c < groups.size(); ++c) groups[c] = sel.customer[c] ? 0 : -1;
    return compute(data, sel, groups, {"All"})[0];
}

} // namespace segdash::segment
