#pragma once
// Internal to the timeline: scores one snapshot's customers into named segments without
// the per-dimension reports of scoreRfm(), and with a selection-based quantile path.
#include <cstdint>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/status.h"
#include "segment/rfm_scoring.h"
#include "segment/segment_scheme.h"

namespace segdash::segment {

/// Turns recency/frequency/monetary columns into segment indices. Quantile breaks come
/// from order statistics (nth_element) instead of a full sort: same breaks, same bins as
/// binQuantile(). Rank and fixed binning use binRank()/binFixed() as they are.
class SnapshotScorer {
public:
    static core::Result<SnapshotScorer> create(const RfmOptions &options, const SegmentScheme &scheme);

    const std::vector<std::string> &segmentNames() const { return m_names; }

    // segmentOut[i] = segment of item i. `ids` only break rank ties. Columns must be
    // non-empty and of equal length.
    core::Status score(const std::vector<double> &recency, const std::vector<double> &frequency,
                       const std::vector<double> &monetary, const std::vector<core::Id> &ids,
                       std::vector<std::int16_t> &segmentOut) const;

private:
    RfmOptions m_options;
    int m_binCount[3] = {0, 0, 0};
    std::vector<std::string> m_names;
    std::vector<std::int16_t> m_table; // (r-1, f-1, m-1) -> segment
};

// The breaks binQuantile() would use (type-7 quantiles + 1), from order statistics.
std::vector<double> quantileBreaks(const std::vector<double> &values, int bins);

} // namespace segdash::segment
