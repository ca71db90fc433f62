#pragma once
// What `segdash metrics` computes and shows: every metric for every segment of one
// segmentation under one filter, as a readable table, or as CSV / JSON rows.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "core/status.h"
#include "segment/metrics_engagement.h"
#include "segment/metrics_headline.h"
#include "segment/metrics_products.h"
#include "segment/metrics_retention.h"
#include "segment/metrics_sales.h"

namespace segdash::cli {

/// All results of one run.
struct MetricsBundle {
    std::string scheme;
    segment::MetricsOptions options;
    std::int64_t selectedCustomers = 0;
    std::int64_t selectedOrders = 0;
    std::vector<segment::SegmentSales> sales;          // per segment, then "All"
    std::vector<segment::SegmentRetention> retention;  // per segment, then "All"
    std::vector<segment::SegmentEngagement> engagement; // per segment, then "All"
    segment::MarketingRoi roi;
    std::vector<segment::SegmentMix> mix;
    std::vector<std::vector<segment::CategoryAdoption>> crossSell; // per segment
    std::vector<segment::MonthSales> trend;
    segment::CohortMatrix cohorts;
    segment::HeadlineKpis headline;
};

// Runs every metric; the dataset must be finalized.
MetricsBundle computeMetrics(const segment::Dataset &data, const segment::Selection &sel,
                             const segment::Segmentation &seg, const segment::MetricsOptions &options,
                             const std::string &scheme);

/// One value of the long form: section (sales, retention, ...), segment, item (month,
/// category, campaign or ""), metric name and value (nullopt = n/a).
struct ReportRow {
    std::string section;
    std::string segment;
    std::string item;
    std::string metric;
    std::optional<std::string> value;
    bool isText = false;
};

std::vector<ReportRow> reportRows(const MetricsBundle &bundle);

// CSV: section,segment,item,metric,value ("n/a" when not available).
core::Status writeMetricsCsv(const std::string &path, const std::vector<ReportRow> &rows);
// JSON: {"section": [{"segment": .., "item": .., "<metric>": value|null, ..}, ..], ..}.
core::Status writeMetricsJson(const std::string &path, const std::vector<ReportRow> &rows);

void printMetricsTable(std::ostream &out, const MetricsBundle &bundle);

} // namespace segdash::cli
