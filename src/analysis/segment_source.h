#pragma once
// Glue between the store and the segmentation engine for `segdash segment`: builds the
// RFM inputs (the engine knows no store) and the external ids shown to the user.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "segment/rfm_input.h"
#include "store/store.h"

namespace segdash::analysis {

/// What to read: the analysis date (default: the day after the last order counted) and
/// an optional inclusive date range of orders. Without a range the per-customer stats
/// kept by the import are used; with one, orders are streamed and aggregated here.
struct SegmentSourceOptions {
    std::optional<core::Date> asOf;
    std::optional<core::Date> from;
    std::optional<core::Date> to;
};

/// The RFM inputs plus what the summary needs to say about them.
struct SegmentSource {
    segment::RfmInputSet set;
    std::vector<std::string> customerLabels; // external id per input (same order)
    core::Date analysisDate;
    std::int64_t customersInStore = 0;
    std::int64_t customersWithoutPurchase = 0; // in the store (or range) but never bought
    std::int64_t ordersInRange = 0;            // only when a range was given
    bool fromStats = true;
};

// Errors: no orders in the store (or in the range), store read failures.
core::Result<SegmentSource> loadSegmentSource(store::Store &store, const SegmentSourceOptions &options);

} // namespace segdash::analysis
