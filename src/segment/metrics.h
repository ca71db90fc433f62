#pragma once
// Shared pieces of the per-segment metrics (metrics_sales.h, metrics_retention.h,
// metrics_engagement.h, metrics_products.h, metrics_headline.h). Every metric reads a
// finalized Dataset through a Selection (filter.h) and returns plain values; a ratio
// whose denominator is zero is std::nullopt ("n/a"). Exact definitions: docs/metrics.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "segment/dataset.h"
#include "segment/filter.h"

namespace segdash::segment {

/// Segment labels per customer index (-1 = in no segment) and the segment names.
/// Labels come from any scheme: RFM segments (segment_scheme.h), k-means clusters, ...
struct Segmentation {
    std::vector<std::string> names;
    std::vector<int> label;
};

/// Settings shared by the metrics. asOf is the analysis date (churn is judged on it).
struct MetricsOptions {
    core::Date asOf;
    int churnDays = 180;         // churned = no sale order in the churnDays days before asOf
    int attributionDays = 30;    // campaign attribution window after a click, in days
    double crossSellMinShare = 0.3;
};

// num / den, or nullopt when den is zero.
inline std::optional<double> ratio(double num, double den) {
    if (den == 0) return std::nullopt;
    return num / den;
}

inline double units(std::int64_t moneyUnits) { return static_cast<double>(moneyUnits) / core::Money::kScale; }

// Months as one integer, year * 12 + (month - 1), and back to "YYYY-MM".
int monthIndex(std::int32_t day);
std::string monthText(int monthIndex);

// The group of every customer for a per-segment computation: the segment label when
// the customer is selected and labelled, else -1.
std::vector<int> groupsOf(const Selection &sel, const Segmentation &seg);

} // namespace segdash::segment
