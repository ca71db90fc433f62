#include "segment/metrics_sales.h"

#include <algorithm>
#include <cstdlib>
#include <map>

namespace segdash::segment {
namespace {

struct Acc {
    std::int64_t customers = 0, buyers = 0, saleOrders = 0, gapDays = 0, gaps = 0, cacCustomers = 0;
    std::int64_t revenue = 0, costedRevenue = 0, margin = 0, cac = 0, cacRevenue = 0;
};

void addCustomer(const Dataset &data, const Selection &sel, std::size_t c, Acc &a) {
    const auto &o = data.orders;
    ++a.customers;
    std::int64_t revenue = 0;
    std::int32_t previousSale = kNoDate;
    bool bought = false;
    for (auto j = data.customers.orderBegin[c]; j < data.customers.orderBegin[c + 1]; ++j) {
        const auto i = static_cast<std::size_t>(j);
        if (!sel.order[i]) continue;
        bought = true;
        revenue += o.revenue[i];
        if (o.cost[i] != kNoMoney) {
            a.costedRevenue += o.revenue[i];
            a.margin += o.revenue[i] - o.cost[i];
        }
        if (o.kind[i] != kSale) continue;
        ++a.saleOrders;
        if (previousSale != kNoDate) {
            a.gapDays += o.day[i] - previousSale; // orders are sorted by day per customer
            ++a.gaps;
        }
        previousSale = o.day[i];
    }
    a.revenue += revenue;
    a.buyers += bought ? 1 : 0;
    if (data.customers.acquisitionCost[c] != kNoMoney) {
        ++a.cacCustomers;
        a.cac += data.customers.acquisitionCost[c];
        a.cacRevenue += revenue;
    }
}

SegmentSales finish(const std::string &name, const Acc &a, std::int64_t allCustomers, std::int64_t allRevenue) {
    SegmentSales s;
    s.segment = name;
    s.customers = a.customers;
    s.customerShare = ratio(static_cast<double>(a.customers), static_cast<double>(allCustomers));
    s.buyers = a.buyers;
    s.revenue = core::Money::fromUnits(a.revenue);
    s.revenueShare = ratio(static_cast<double>(a.revenue), static_cast<double>(allRevenue));
    s.saleOrders = a.saleOrders;
    s.averageOrderValue = ratio(units(a.revenue), static_cast<double>(a.saleOrders));
    s.ordersPerCustomer = ratio(static_cast<double>(a.saleOrders), static_cast<double>(a.customers));
    s.meanDaysBetweenPurchases = ratio(static_cast<double>(a.gapDays), static_cast<double>(a.gaps));
    s.lifetimeValue = ratio(units(a.revenue), static_cast<double>(a.customers));
    s.costedRevenue = core::Money::fromUnits(a.costedRevenue);
    s.margin = core::Money::fromUnits(a.margin);
    s.marginPct = ratio(static_cast<double>(a.margin) * 100.0, static_cast<double>(a.costedRevenue));
    s.customersWithCac = a.cacCustomers;
    s.acquisitionCost = core::Money::fromUnits(a.cac);
    s.averageCac = ratio(units(a.cac), static_cast<double>(a.cacCustomers));
    s.clvToCac = ratio(static_cast<double>(a.cacRevenue), static_cast<double>(a.cac));
    return s;
}

std::vector<Acc> accumulate(const Dataset &data, const Selection &sel, const std::vector<int> &groups, int k) {
    std::vector<Acc> acc(static_cast<std::size_t>(k));
    for (std::size_t c = 0; c < groups.size(); ++c)
        if (groups[c] >= 0) addCustomer(data, sel, c, acc[static_cast<std::size_t>(groups[c])]);
    return acc;
}

std::int64_t selectedRevenue(const Dataset &data, const Selection &sel) {
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < data.orders.size(); ++i)
        if (sel.order[i]) sum += data.orders.revenue[i];
    return sum;
}

} // namespace

std::vector<SegmentSales> salesBySegment(const Dataset &data, const Selection &sel, const Segmentation &seg) {
    const auto acc = accumulate(data, sel, groupsOf(sel, seg), static_cast<int>(seg.names.size()));
    const auto allRevenue = selectedRevenue(data, sel);
    std::vector<SegmentSales> out;
    for (std::size_t g = 0; g < acc.size(); ++g) out.push_back(finish(seg.names[g], acc[g], sel.customers, allRevenue));
    return out;
}

SegmentSales salesTotal(const Dataset &data, const Selection &sel) {
    std::vector<int> groups(sel.customer.size(), -1);
    for (std::size_t c = 0; c < groups.size(); ++c) groups[c] = sel.customer[c] ? 0 : -1;
    const auto acc = accumulate(data, sel, groups, 1);
    return finish("All", acc[0], sel.customers, selectedRevenue(data, sel));
}

std::vector<MonthSales> salesTrend(const Dataset &data, const Selection &sel, const Segmentation &seg,
                                   std::optional<int> segment) {
    const auto groups = segment ? groupsOf(sel, seg) : std::vector<int>{};
    std::map<int, std::pair<std::int64_t, std::int64_t>> byMonth; // revenue, sale orders
    const auto &o = data.orders;
    for (std::size_t i = 0; i < o.size(); ++i) {
        if (!sel.order[i]) continue;
        if (segment && groups[static_cast<std::size_t>(o.customer[i])] != *segment) continue;
        auto &m = byMonth[monthIndex(o.day[i])];
        m.first += o.revenue[i];
        m.second += o.kind[i] == kSale ? 1 : 0;
    }
    std::vector<MonthSales> out;
    if (byMonth.empty()) return out;
    std::optional<std::int64_t> previous;
    for (int m = byMonth.begin()->first; m <= byMonth.rbegin()->first; ++m) {
        const auto it = byMonth.find(m);
        const auto [revenue, orders] = it != byMonth.end() ? it->second : std::pair<std::int64_t, std::int64_t>{0, 0};
        MonthSales row;
        row.month = monthText(m);
        row.revenue = core::Money::fromUnits(revenue);
        row.saleOrders = orders;
        row.averageDealSize = ratio(units(revenue), static_cast<double>(orders));
        if (previous) row.growthPct = ratio(static_cast<double>(revenue - *previous) * 100.0,
                                            static_cast<double>(std::llabs(*previous)));
        previous = revenue;
        out.push_back(row);
    }
    return out;
}

} // namespace segdash::segment
