#pragma once
// The k-means feature matrix built from per-customer RFM metrics.
#include <cstddef>
#include <string>
#include <vector>

#include "core/status.h"
#include "segment/rfm_input.h"

namespace segdash::segment {

/// A dense row-major rows x cols matrix of doubles (no Eigen in public headers).
struct FeatureMatrix {
    std::size_t rows = 0;
    std::size_t cols = 0;
    std::vector<double> data;
    std::vector<std::string> names;
    std::vector<double> mean;  // of each transformed column before z-scoring
    std::vector<double> scale; // population standard deviation (1 when not z-scored or constant)

    double at(std::size_t r, std::size_t c) const { return data[r * cols + c]; }
};

/// Transforms of the three RFM features. Negative values (a purchase after the
/// analysis date, returns exceeding sales) are clipped to 0 before log1p.
struct FeatureOptions {
    bool logRecency = true;
    bool logFrequency = true;
    bool logMonetary = true;
    bool zScore = true;
};

// Columns: recency (days), frequency (orders), monetary (currency units).
core::Result<FeatureMatrix> buildRfmFeatures(const std::vector<RfmInput> &inputs,
                                             const FeatureOptions &options = {});

} // namespace segdash::segment
