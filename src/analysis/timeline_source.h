#pragma once
// Glue between the store and the segments-over-time engine: orders streamed from the
// store into compact records, and the RFM membership recorded in the store's history
// (used by `segdash segments --record`, after every `segdash import`, and by the app).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/progress.h"
#include "core/status.h"
#include "segment/rfm_scoring.h"
#include "segment/timeline.h"
#include "store/store.h"

namespace segdash::analysis {

/// Every customer order of the store in compact form; customer index i is customerIds[i]
/// (ascending ids, so rank ties break as in `segdash segment`).
struct TimelineSource {
    std::vector<segment::PurchaseRecord> orders;
    std::vector<core::Id> customerIds;
    std::optional<core::Date> firstOrder; // over customer orders
    std::optional<core::Date> lastOrder;
    std::int64_t anonymousOrders = 0;     // not in `orders`: nobody to segment
};

core::Result<TimelineSource> loadTimelineSource(store::Store &store, const core::ProgressFn &progress = {});

/// What recordRfmMembership() stored.
struct RecordedMembership {
    std::string scheme;
    core::Date asOf;
    std::int64_t customers = 0;
    store::MembershipUpdate update;
};

// The RFM segments of all purchasing customers as of `asOf` (orders on or before it),
// recorded in the membership history under the scheme's name. Without asOf: the day
// after the last order, from the per-customer stats the import keeps (no order scan).
// Returns nullopt when the store holds no customer with a purchase.
core::Result<std::optional<RecordedMembership>> recordRfmMembership(store::Store &store, const std::string &schemeName,
                                                                    const segment::RfmOptions &rfm,
                                                                    std::optional<core::Date> asOf = {});

// What `segdash import` calls after a successful import: rfm-10, 5 quantile bins, as of
// the day after the last order; then every stored rule scheme on the same date.
core::Result<std::optional<RecordedMembership>> recordImportMembership(store::Store &store);

} // namespace segdash::analysis
