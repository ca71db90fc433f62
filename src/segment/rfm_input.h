#pragma once
// The per-customer input of RFM scoring, independent of the store.
#include <cstdint>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/records.h"

namespace segdash::segment {

/// One customer's recency (days since the last purchase), frequency (number of sale
/// orders) and monetary value (net revenue, may be negative when returns exceed sales).
struct RfmInput {
    core::Id customerId = 0;
    std::int32_t recencyDays = 0;
    std::int64_t frequency = 0;
    core::Money monetary;
};

/// The inputs built from per-customer aggregates, with the customers left out.
struct RfmInputSet {
    std::vector<RfmInput> inputs;
    std::int64_t excludedNoPurchase = 0;   // no last purchase date: cannot be scored
    std::int64_t purchaseAfterAnalysis = 0; // kept, with a negative recency
};

// recency = analysisDate - date(lastPurchase) in days; customers without a purchase
// are excluded and counted.
RfmInputSet buildRfmInputs(const std::vector<core::CustomerStats> &stats, core::Date analysisDate);
// The same, one customer at a time: for streaming millions of stats rows without keeping them.
void appendRfmInput(RfmInputSet &set, const core::CustomerStats &stats, core::Date analysisDate);

} // namespace segdash::segment
