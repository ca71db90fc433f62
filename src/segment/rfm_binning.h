#pragma once
// Binning of one RFM dimension into ordered bins: R-package quantiles, NTILE-style
// ranks or user breakpoints. Bins are numbered 0.. in ascending value; the caller
// turns bin numbers into scores (recency is scored in reverse).
#include <cstdint>
#include <string>
#include <vector>

#include "core/records.h"
#include "core/status.h"

namespace segdash::segment {

enum class BinMethod { Quantile, Rank, Fixed };

const char *toString(BinMethod method);
bool binMethodFromString(const std::string &text, BinMethod &out);

/// One bin as reported to the user. For Quantile and Fixed the bin is [lower, upper)
/// (closed on the left, as in the R package); for Rank it is [lower, upper], the
/// smallest and largest value that fell in it (both 0 when the bin is empty).
struct BinInfo {
    int score = 0;
    double lower = 0;
    double upper = 0;
    bool upperInclusive = false;
    std::int64_t count = 0;
};

/// A boundary between bin k and k+1. `value` is the cut (a break for Quantile and
/// Fixed, the first value of the upper bin for Rank). `tied` counts customers sitting
/// on it: Quantile = customers whose value equals the type-7 quantile the break was
/// made from (all of them go to the lower bin); Fixed = customers exactly on the break
/// (they go to the upper bin); Rank = customers of one equal-value group that the cut
/// split across the two bins (0 when no group was split).
struct BoundaryInfo {
    double value = 0;
    double quantile = 0; // Quantile only: the type-7 quantile before the R package's +1
    std::int64_t tied = 0;
};

/// What was used to score one dimension: thresholds, counts, ties and collapsed bins.
struct DimensionReport {
    BinMethod method = BinMethod::Quantile;
    int binCount = 0;
    std::vector<BinInfo> bins;             // ascending by value
    std::vector<BoundaryInfo> boundaries;  // binCount - 1 entries
    std::vector<int> collapsedScores;      // scores of bins nobody fell in, ascending
};

/// A report plus the bin (0-based, ascending value) of every input item.
struct DimensionBins {
    DimensionReport report;
    std::vector<int> binOfItem;
};

// R package rfm 0.3.0: breaks = quantile(x, seq(0,1,len=bins+1), type 7) without the
// first and last, plus one; bins [min, b1), [b1, b2), ..., [b_last, max + 1).
core::Result<DimensionBins> binQuantile(const std::vector<double> &values, int bins);

// SQL NTILE over the values sorted ascending with ties broken by ascending id: the
// first N mod bins bins get one item more. With fewer items than bins the top bins
// stay empty and are reported as collapsed.
core::Result<DimensionBins> binRank(const std::vector<double> &values,
                                    const std::vector<core::Id> &ids, int bins);

// User breakpoints, strictly increasing: [min, b1), [b1, b2), ..., [b_last, max + 1),
// the same convention as the R package's custom thresholds.
core::Result<DimensionBins> binFixed(const std::vector<double> &values,
                                     const std::vector<double> &breaks);

} // namespace segdash::segment
