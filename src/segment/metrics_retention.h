#pragma once
// Retention and churn per segment as of the analysis date, and cohort retention by
// acquisition month. Definitions: docs/metrics.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "segment/metrics.h"

namespace segdash::segment {

/// Buyers are selected customers with a selected sale order before asOf; a buyer is
/// churned when asOf - (day of the last such order) > churnDays, else retained.
struct SegmentRetention {
    std::string segment;
    std::int64_t buyers = 0;
    std::int64_t retained = 0;
    std::int64_t churned = 0;
    std::optional<double> retentionRate; // retained / buyers
    std::optional<double> churnRate;     // churned / buyers
};

std::vector<SegmentRetention> retentionBySegment(const Dataset &data, const Selection &sel, const Segmentation &seg,
                                                 const MetricsOptions &options);
SegmentRetention retentionTotal(const Dataset &data, const Selection &sel, const MetricsOptions &options);

/// Cohort = month of the acquisition day (acquiredOn, else the first sale order) of a
/// selected customer acquired before asOf. share[r][k] = the share of cohort r's
/// customers with a selected sale order in month cohort + k, for k = 0 up to the month
/// of asOf - 1.
struct CohortMatrix {
    std::vector<std::string> cohorts; // "YYYY-MM", ascending
    std::vector<std::int64_t> sizes;
    std::vector<std::vector<double>> share;
};

// With `segment` set, only that segment's customers.
CohortMatrix cohortRetention(const Dataset &data, const Selection &sel, const Segmentation &seg,
                             const MetricsOptions &options, std::optional<int> segment = std::nullopt);

} // namespace segdash::segment
