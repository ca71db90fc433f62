#include "analysis/load_dataset.h"

#include <algorithm>
#include <vector>

namespace segdash::analysis {
namespace {

using segment::Dataset;
using segment::kNoIndex;

// Orders stream in ascending id order, so orderIds[i] is the store id of dataset order
// i and stays sorted: lines find their order by binary search (a hash map of 10M ids
// would cost several hundred MB).
core::Status loadOrders(store::Store &store, Dataset &data, std::vector<core::Id> &orderIds) {
    return store.forEachOrder([&](const core::Order &o) {
        const auto c = o.customerId == 0 ? kNoIndex : data.customerIndex(o.customerId);
        if (o.customerId != 0 && c == kNoIndex) return true;
        data.addOrder(c, o.placedAt.date(), o.revenue, o.cost, o.kind);
        orderIds.push_back(o.id);
        return true;
    });
}

core::Status loadLines(store::Store &store, Dataset &data, const std::vector<core::Id> &orderIds) {
    return store.forEachOrderLine([&](const core::OrderLine &l) {
        const auto it = std::lower_bound(orderIds.begin(), orderIds.end(), l.orderId);
        if (it != orderIds.end() && *it == l.orderId)
            data.addLine(static_cast<std::int32_t>(it - orderIds.begin()), l.category, l.productCode, l.quantity,
                         l.unitPrice);
        return true;
    });
}

core::Status loadCrm(store::Store &store, Dataset &data, int step, const core::ProgressFn &progress) {
    const auto customer = [&data](core::Id id) { return id == 0 ? kNoIndex : data.customerIndex(id); };
    core::Status s = core::Status::success();
    if (step == 0)
        s = store.forEachOpportunity([&](const core::Opportunity &o) {
            data.addOpportunity(customer(o.customerId), o.amount, o.won, o.createdOn, o.closedOn);
            return true;
        });
    else if (step == 1)
        s = store.forEachInteraction([&](const core::Interaction &i) {
            data.addInteraction(customer(i.customerId), i.kind, i.at.date(), i.campaignExternalId);
            return true;
        });
    else if (step == 2)
        s = store.forEachSurvey([&](const core::SurveyResponse &r) {
            data.addSurvey(customer(r.customerId), r.answeredOn, r.nps, r.csat);
            return true;
        });
    else
        s = store.forEachCampaign([&](const core::Campaign &c) {
            data.addCampaign(c.externalId, c.channel, c.cost, c.startsOn, c.endsOn);
            return true;
        });
    if (!s.ok()) return s;
    return core::reportProgress(progress, 3 + step + 1, 7) ? core::Status::success() : core::Status::error("cancelled");
}

} // namespace

core::Result<segment::Dataset> loadDataset(store::Store &store, const core::ProgressFn &progress) {
    Dataset data; // no summary() first: it scans and counts every table just to size vectors
    const auto cancelled = [&](int done) { return !core::reportProgress(progress, done, 7); };
    auto s = store.forEachCustomer([&](const core::Customer &c) {
        data.addCustomer(c);
        return true;
    });
    if (!s.ok()) return s;
    if (cancelled(1)) return core::Status::error("cancelled");
    std::vector<core::Id> orderIds;
    if (s = loadOrders(store, data, orderIds); !s.ok()) return s;
    if (cancelled(2)) return core::Status::error("cancelled");
    if (s = loadLines(store, data, orderIds); !s.ok()) return s;
    orderIds = {};
    if (cancelled(3)) return core::Status::error("cancelled");
    for (int step = 0; step < 4; ++step)
        if (s = loadCrm(store, data, step, progress); !s.ok()) return s;
    data.finalize();
    return data;
}

} // namespace segdash::analysis
