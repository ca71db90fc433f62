#include "analysis/segment_source.h"

#include <algorithm>
#include <unordered_map>

namespace segdash::analysis {
namespace {

bool inRange(core::Date d, const SegmentSourceOptions &o) {
    return (!o.from || d >= *o.from) && (!o.to || d <= *o.to);
}

std::string rangeText(const SegmentSourceOptions &o) {
    return (o.from ? o.from->toIso() : std::string("the first order")) + " and " +
           (o.to ? o.to->toIso() : std::string("the last order"));
}

// The aggregates the import keeps, recomputed over the orders inside the range only.
void addOrder(core::CustomerStats &s, const core::Order &o) {
    if (o.kind == core::OrderKind::Sale) {
        ++s.purchaseCount;
        s.grossRevenue += o.revenue;
        if (!s.firstPurchase || o.placedAt < *s.firstPurchase) s.firstPurchase = o.placedAt;
        if (!s.lastPurchase || o.placedAt > *s.lastPurchase) s.lastPurchase = o.placedAt;
    } else {
        ++s.returnCount;
        s.returnsValue += o.revenue;
    }
    s.netRevenue += o.revenue;
}

struct Aggregated {
    std::vector<core::CustomerStats> stats;
    std::optional<core::Timestamp> lastOrder;
    std::int64_t orders = 0;
};

core::Result<Aggregated> aggregateRange(store::Store &store, const SegmentSourceOptions &options) {
    std::unordered_map<core::Id, core::CustomerStats> byCustomer;
    Aggregated out;
    auto status = store.forEachOrder([&](const core::Order &o) {
        if (!inRange(o.placedAt.date(), options)) return true;
        ++out.orders;
        if (!out.lastOrder || o.placedAt > *out.lastOrder) out.lastOrder = o.placedAt;
        if (o.customerId == 0) return true; // anonymous revenue: nobody to score
        auto &s = byCustomer[o.customerId];
        s.customerId = o.customerId;
        addOrder(s, o);
        return true;
    });
    if (!status.ok()) return status;
    out.stats.reserve(byCustomer.size());
    for (auto &[id, s] : byCustomer) out.stats.push_back(s);
    std::sort(out.stats.begin(), out.stats.end(),
              [](const core::CustomerStats &a, const core::CustomerStats &b) { return a.customerId < b.customerId; });
    return out;
}

// External ids for the scored customers; a customer known only by e-mail shows that.
core::Status labelCustomers(store::Store &store, SegmentSource &source) {
    std::unordered_map<core::Id, std::size_t> row;
    for (std::size_t i = 0; i < source.set.inputs.size(); ++i) row.emplace(source.set.inputs[i].customerId, i);
    source.customerLabels.assign(source.set.inputs.size(), std::string());
    source.customersInStore = 0;
    auto status = store.forEachCustomerKey([&](core::Id id, const std::string &externalId, const std::string &email) {
        ++source.customersInStore;
        const auto it = row.find(id);
        if (it != row.end())
            source.customerLabels[it->second] = !externalId.empty() ? externalId
                                                : !email.empty()    ? email
                                                                    : "#" + std::to_string(id);
        return true;
    });
    return status;
}

} // namespace

core::Result<SegmentSource> loadSegmentSource(store::Store &store, const SegmentSourceOptions &options) {
    auto newest = store.lastOrderTime(); // not summary(): that scans and counts every table
    if (!newest.ok()) return newest.status();
    if (!*newest) return core::Status::error("the store holds no orders: import orders before segmenting");
    SegmentSource source;
    source.fromStats = !options.from && !options.to;
    if (source.fromStats) {
        // Streamed: each stats row becomes a compact RFM input as it arrives.
        source.analysisDate = options.asOf ? *options.asOf : (*newest)->date().addDays(1);
        auto status = store.forEachCustomerStats([&](const core::CustomerStats &s) {
            segment::appendRfmInput(source.set, s, source.analysisDate);
            return true;
        });
        if (!status.ok()) return status;
    } else {
        auto range = aggregateRange(store, options);
        if (!range.ok()) return range.status();
        if (range->orders == 0) return core::Status::error("no orders between " + rangeText(options));
        source.ordersInRange = range->orders;
        source.analysisDate = options.asOf ? *options.asOf : range->lastOrder->date().addDays(1);
        source.set = segment::buildRfmInputs(range->stats, source.analysisDate);
    }
    if (auto s = labelCustomers(store, source); !s.ok()) return s;
    source.customersWithoutPurchase = source.customersInStore - static_cast<std::int64_t>(source.set.inputs.size());
    if (source.set.inputs.empty())
        return core::Status::error(source.fromStats ? "no customer has a purchase (sale order) in the store"
                                                    : "no customer has a purchase between " + rangeText(options));
    return source;
}

} // namespace segdash::analysis
