#include "segment/rfm_input.h"

namespace segdash::segment {

void appendRfmInput(RfmInputSet &set, const core::CustomerStats &s, core::Date analysisDate) {
    if (!s.lastPurchase) {
        ++set.excludedNoPurchase;
        return;
    }
    RfmInput in;
    in.customerId = s.customerId;
    in.recencyDays = analysisDate.days - s.lastPurchase->date().days;
    in.frequency = s.purchaseCount;
    in.monetary = s.netRevenue;
    if (in.recencyDays < 0) ++set.purchaseAfterAnalysis;
    set.inputs.push_back(in);
}

RfmInputSet buildRfmInputs(const std::vector<core::CustomerStats> &stats, core::Date analysisDate) {
    RfmInputSet set;
    set.inputs.reserve(stats.size());
    for (const auto &s : stats) appendRfmInput(set, s, analysisDate);
    return set;
}

} // namespace segdash::segment
