#pragma once
// Per-segment sales figures (customers, revenue, order value, frequency, lifetime value,
// margin, acquisition cost) and the monthly sales trend. Definitions: docs/metrics.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "segment/metrics.h"

namespace segdash::segment {

/// One segment's sales figures over the selected customers and orders. Revenue is net
/// (sales + returns + cancellations); "sale orders" count kind sale only.
struct SegmentSales {
    std::string segment;
    std::int64_t customers = 0;
    std::optional<double> customerShare;        // customers / selected customers
    std::int64_t buyers = 0;                    // customers with >= 1 selected order
    core::Money revenue;
    std::optional<double> revenueShare;         // revenue / net revenue of all selected orders
    std::int64_t saleOrders = 0;
    std::optional<double> averageOrderValue;    // revenue / saleOrders (currency units)
    std::optional<double> ordersPerCustomer;    // saleOrders / customers
    std::optional<double> meanDaysBetweenPurchases; // pooled gaps between consecutive sale orders
    std::optional<double> lifetimeValue;        // revenue / customers (historical, currency units)
    core::Money costedRevenue;                  // revenue of the orders with a known cost
    core::Money margin;                         // costedRevenue - their cost
    std::optional<double> marginPct;            // margin / costedRevenue
    std::int64_t customersWithCac = 0;          // customers with a known acquisition cost
    core::Money acquisitionCost;                // sum over those customers
    std::optional<double> averageCac;           // acquisitionCost / customersWithCac
    std::optional<double> clvToCac;             // their revenue / their acquisitionCost
};

// One row per segment name, in Segmentation order.
std::vector<SegmentSales> salesBySegment(const Dataset &data, const Selection &sel, const Segmentation &seg);
// The same figures over every selected customer (segment "All"), labelled or not.
SegmentSales salesTotal(const Dataset &data, const Selection &sel);

/// One calendar month of the selected orders.
struct MonthSales {
    std::string month;                      // "YYYY-MM"
    core::Money revenue;                    // net
    std::int64_t saleOrders = 0;
    std::optional<double> averageDealSize;  // revenue / saleOrders
    std::optional<double> growthPct;        // (revenue - previous) / |previous| x 100
};

// Every month from the first to the last selected order (months without orders
// included, with zeros). With `segment` set, only that segment's customers count.
std::vector<MonthSales> salesTrend(const Dataset &data, const Selection &sel, const Segmentation &seg,
                                   std::optional<int> segment = std::nullopt);

} // namespace segdash::segment
