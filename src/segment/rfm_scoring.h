#pragma once
// RFM scoring: recency, frequency and monetary each binned into scores 1..N.
#include <cstdint>
#include <vector>

#include "core/progress.h"
#include "core/status.h"
#include "segment/rfm_binning.h"
#include "segment/rfm_input.h"

namespace segdash::segment {

/// How one dimension is binned: method, number of bins (Quantile, Rank: 3..10) or
/// the breakpoints (Fixed: 1..9 strictly increasing values in natural units: days,
/// orders, currency units).
struct DimensionSpec {
    BinMethod method = BinMethod::Quantile;
    int bins = 5;
    std::vector<double> breaks;
};

/// Options of scoreRfm(); the defaults reproduce rfm_table_order() of the R package.
struct RfmOptions {
    DimensionSpec recency;
    DimensionSpec frequency;
    DimensionSpec monetary;

    static RfmOptions uniform(BinMethod method, int bins);
};

/// One customer's scores. Recency is scored in reverse (most recent = highest score);
/// rfmScore = r * 100 + f * 10 + m as in the R package (ambiguous when a dimension has
/// 10 bins, exactly as there).
struct RfmScore {
    core::Id customerId = 0;
    int r = 0;
    int f = 0;
    int m = 0;
    int rfmScore = 0;
};

/// Scores in input order and what was used to produce them.
struct RfmResult {
    std::vector<RfmScore> scores;
    DimensionReport recency;
    DimensionReport frequency;
    DimensionReport monetary;
};

// Monetary values are binned as doubles in currency units (Money::toDouble()), like
// the R package's amounts. Progress is reported once per dimension; cancelling
// returns the error "cancelled".
core::Result<RfmResult> scoreRfm(const std::vector<RfmInput> &inputs, const RfmOptions &options,
                                 const core::ProgressFn &progress = {});

} // namespace segdash::segment
