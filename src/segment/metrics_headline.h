#pragma once
// Headline KPIs over the whole selection (not per segment). Definitions: docs/metrics.md.
#include <cstdint>
#include <optional>

#include "core/date.h"
#include "segment/metrics.h"

namespace segdash::segment {

/// Customer movement in a date range R = [from, to], over selected customers and the
/// orders passing every filter criterion but the date range ("first sale" = the
/// customer's first such sale order ever):
///  - newCustomers: first sale in R;
///  - returning: first sale before R and a sale order in R;
///  - lost: a sale order in the period of equal length just before R and none in R.
struct CustomerFlow {
    core::Date from;
    core::Date to;
    std::int64_t newCustomers = 0;
    std::int64_t returning = 0;
    std::int64_t lost = 0;
};

struct FlowChange {
    std::int64_t change = 0;        // current - previous
    std::optional<double> changePct; // change / previous x 100
};

/// The headline figures. R is the filter's range; an open end is the first day with an
/// order passing the other criteria, or asOf - 1.
struct HeadlineKpis {
    std::optional<double> top20RevenueShare;  // net revenue of the top ceil(20%) buyers / all
    std::optional<double> averageLifetimeValue; // net revenue / selected customers
    std::optional<double> revenuePerCustomer;   // net revenue / buyers (>= 1 selected order)
    std::optional<double> newCustomersPerDay;   // current.newCustomers / days in R
    CustomerFlow current;                        // R
    CustomerFlow previous;                       // the period of equal length before R
    FlowChange newChange, returningChange, lostChange;
};

HeadlineKpis headlineKpis(const Dataset &data, const Selection &sel, const MetricsOptions &options);

// The movement in [from, to] (exposed for tests and for other ranges).
CustomerFlow customerFlow(const Dataset &data, const Selection &sel, core::Date from, core::Date to);

} // namespace segdash::segment
