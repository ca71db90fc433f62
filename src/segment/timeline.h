#pragma once
// Segments over time: the RFM segment of every customer as of a series of snapshot
// dates, from compact order records, in one sweep over the orders sorted by date.
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/progress.h"
#include "core/records.h"
#include "core/status.h"
#include "segment/rfm_scoring.h"
#include "segment/segment_scheme.h"

namespace segdash::segment {

/// One order in compact form. `customer` is an index 0..customerCount-1; give indices
/// in ascending customer id so rank binning breaks ties as scoreRfm() does.
struct PurchaseRecord {
    std::uint32_t customer = 0;
    core::Date date;
    core::Money revenue; // negative for returns and cancellations
    core::OrderKind kind = core::OrderKind::Sale;
};

enum class SnapshotStep { Month, Week };

// Every month end (or week end: Sunday) from the one on or after `first` to the one on
// or after `last`, ascending. Empty when last < first.
std::vector<core::Date> snapshotDates(core::Date first, core::Date last, SnapshotStep step);

/// What to compute. Snapshots ascending and distinct; each `keepLabels` date must be
/// one of them (its per-customer segments are returned, e.g. for a migration matrix).
struct TimelineOptions {
    RfmOptions rfm;
    SegmentScheme scheme;
    std::vector<core::Date> snapshots;
    std::vector<core::Date> keepLabels;
};

/// Segment sizes at one snapshot date D. A customer counts from their first sale order
/// on or before D; recency = D - last sale date (a purchase on D gives 0), frequency =
/// sale orders, monetary = net revenue of all their orders up to D.
struct SnapshotSizes {
    core::Date date;
    std::int64_t customers = 0;          // with a sale order on or before date
    std::vector<std::int64_t> counts;    // per segment (TimelineResult::segmentNames)
    std::vector<core::Money> revenue;    // per segment: net revenue of the period's orders
    core::Money periodRevenue;           // all orders in the period (previous snapshot, date]
};

inline constexpr std::int16_t kNotCustomer = -1;

/// The segment index of every customer (by customer index) at one date, or kNotCustomer.
struct CustomerLabels {
    core::Date date;
    std::vector<std::int16_t> segment;
};

/// Sizes per snapshot, and the labels asked for in TimelineOptions::keepLabels (same order).
struct TimelineResult {
    std::vector<std::string> segmentNames; // rule names in first-appearance order, then "Others"
    std::vector<SnapshotSizes> snapshots;
    std::vector<CustomerLabels> labels;
};

// Orders are taken by value and sorted by date once; per-customer aggregates are
// updated as the sweep passes each snapshot, and bins are recomputed per snapshot with
// the same method, bins and breaks as scoreRfm() (identical scores). Orders after the
// last snapshot are ignored. Progress once per snapshot; cancelling returns "cancelled".
core::Result<TimelineResult> computeTimeline(std::vector<PurchaseRecord> orders, std::size_t customerCount,
                                             const TimelineOptions &options, const core::ProgressFn &progress = {});

inline constexpr const char *kNewCustomerRow = "new";

/// From-segment x to-segment customer counts between two dates. Rows are the segments
/// and last "new" (not a customer at `from`); columns are the segments. Row totals are
/// the sizes at `from` (plus the new customers), column totals the sizes at `to`.
struct MigrationMatrix {
    core::Date from;
    core::Date to;
    std::vector<std::string> rowNames;
    std::vector<std::string> columnNames;
    std::vector<std::vector<std::int64_t>> counts; // [row][column]
    std::vector<std::int64_t> rowTotals;
    std::vector<std::int64_t> columnTotals;
    std::int64_t total = 0;
};

// Error when the label vectors differ in length, a label is out of range, or a
// customer of `from` is not a customer at `to` (from after to).
core::Result<MigrationMatrix> migrationMatrix(const std::vector<std::string> &segmentNames,
                                              const CustomerLabels &from, const CustomerLabels &to);

} // namespace segdash::segment
