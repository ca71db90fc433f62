#include "analysis/timeline_source.h"

#include <algorithm>

#include "analysis/rules_membership.h"
#include "segment/rfm_input.h"

namespace segdash::analysis {
namespace {

using Members = std::vector<std::pair<core::Id, std::string>>;

// The plain scoring path over the import's per-customer stats (all orders counted).
core::Result<std::optional<Members>> membersFromStats(store::Store &store, const segment::SegmentScheme &scheme,
                                                      const segment::RfmOptions &rfm, core::Date asOf) {
    segment::RfmInputSet set; // built while streaming: 2M full stats rows are never held
    auto status = store.forEachCustomerStats([&](const core::CustomerStats &s) {
        segment::appendRfmInput(set, s, asOf);
        return true;
    });
    if (!status) return status;
    if (set.inputs.empty()) return std::optional<Members>();
    auto scores = segment::scoreRfm(set.inputs, rfm);
    if (!scores) return scores.status();
    auto assigned = segment::assignSegments(scheme, scores->scores);
    if (!assigned) return assigned.status();
    Members members;
    members.reserve(set.inputs.size());
    for (std::size_t i = 0; i < set.inputs.size(); ++i)
        members.emplace_back(set.inputs[i].customerId, assigned->segmentNames[assigned->segmentOfCustomer[i]]);
    return std::optional<Members>(std::move(members));
}

// The timeline engine with one snapshot: orders on or before asOf only.
core::Result<std::optional<Members>> membersFromOrders(store::Store &store, const segment::SegmentScheme &scheme,
                                                       const segment::RfmOptions &rfm, core::Date asOf) {
    auto source = loadTimelineSource(store);
    if (!source) return source.status();
    segment::TimelineOptions options;
    options.rfm = rfm;
    options.scheme = scheme;
    options.snapshots = {asOf};
    options.keepLabels = {asOf};
    const std::size_t customers = source->customerIds.size();
    auto result = segment::computeTimeline(std::move(source->orders), customers, options);
    if (!result) return result.status();
    if (result->snapshots.front().customers == 0) return std::optional<Members>();
    Members members;
    const auto &labels = result->labels.front().segment;
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] != segment::kNotCustomer) members.emplace_back(source->customerIds[i], result->segmentNames[labels[i]]);
    return std::optional<Members>(std::move(members));
}

} // namespace

core::Result<TimelineSource> loadTimelineSource(store::Store &store, const core::ProgressFn &progress) {
    TimelineSource out;
    std::vector<core::Id> idOfOrder; // customer id per record until indices are known
    std::int64_t seen = 0;
    bool cancelled = false;
    auto status = store.forEachOrder([&](const core::Order &o) {
        if (++seen % 65536 == 0 && !core::reportProgress(progress, seen, 0)) return !(cancelled = true);
        if (o.customerId == 0) {
            ++out.anonymousOrders;
            return true;
        }
        const core::Date d = o.placedAt.date();
        out.orders.push_back({0, d, o.revenue, o.kind});
        idOfOrder.push_back(o.customerId);
        if (!out.firstOrder || d < *out.firstOrder) out.firstOrder = d;
        if (!out.lastOrder || *out.lastOrder < d) out.lastOrder = d;
        return true;
    });
    if (!status) return status;
    if (cancelled) return core::Status::error("cancelled");
    out.customerIds = idOfOrder;
    std::sort(out.customerIds.begin(), out.customerIds.end());
    out.customerIds.erase(std::unique(out.customerIds.begin(), out.customerIds.end()), out.customerIds.end());
    for (std::size_t i = 0; i < out.orders.size(); ++i)
        out.orders[i].customer = static_cast<std::uint32_t>(
            std::lower_bound(out.customerIds.begin(), out.customerIds.end(), idOfOrder[i]) - out.customerIds.begin());
    return out;
}

core::Result<std::optional<RecordedMembership>> recordRfmMembership(store::Store &store, const std::string &schemeName,
                                                                    const segment::RfmOptions &rfm,
                                                                    std::optional<core::Date> asOf) {
    auto scheme = segment::builtinScheme(schemeName);
    if (!scheme) return scheme.status();
    RecordedMembership recorded;
    recorded.scheme = schemeName;
    core::Result<std::optional<Members>> members = std::optional<Members>();
    if (asOf) {
        recorded.asOf = *asOf;
        members = membersFromOrders(store, *scheme, rfm, *asOf);
    } else {
        auto newest = store.lastOrderTime();
        if (!newest) return newest.status();
        if (!*newest) return std::optional<RecordedMembership>();
        recorded.asOf = (*newest)->date().addDays(1);
        members = membersFromStats(store, *scheme, rfm, recorded.asOf);
    }
    if (!members) return members.status();
    if (!*members) return std::optional<RecordedMembership>();
    recorded.customers = static_cast<std::int64_t>((*members)->size());
    auto update = store.recordMembership(schemeName, recorded.asOf, **members);
    if (!update) return update.status();
    recorded.update = *update;
    return std::optional<RecordedMembership>(recorded);
}

core::Result<std::optional<RecordedMembership>> recordImportMembership(store::Store &store) {
    auto rfm = recordRfmMembership(store, "rfm-10", segment::RfmOptions::uniform(segment::BinMethod::Quantile, 5));
    if (!rfm || !*rfm) return rfm;
    // The user's rule schemes are re-evaluated on the same date (rules_membership.h).
    if (auto rules = recordRulesMembership(store, (*rfm)->asOf); !rules) return rules.status();
    return rfm;
}

} // namespace segdash::analysis
