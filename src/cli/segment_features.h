#pragma once
// `segdash segment --method kmeans --features aov,engagement,...`: k-means on features
// chosen from the per-customer metrics (segment/feature_select.h) instead of the RFM
// columns of the store's stats. The customers and the CSV stay those of the RFM scoring.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cli/segment_report.h"
#include "store/store.h"

namespace segdash::cli {

/// The chosen features, their transforms and the k-means settings of the command line.
struct MetricKMeansSettings {
    std::vector<std::string> features; // empty = the classic RFM path
    bool log = true;
    bool zScore = true;
    std::optional<int> k; // nullopt = chosen with chooseK over kMin..kMax
    int kMin = 2;
    int kMax = 10;
    int nInit = 4;
    std::uint64_t seed = 42;
    std::string dumpFeatures; // hidden --dump-features FILE
};

// k given (s.k), or chosen by chooseK over s.kMin..s.kMax; then the final model on all
// rows with s.nInit restarts and s.seed. Only the k-means fields of `s` are read.
core::Result<KMeansOutcome> fitKMeans(const segment::DataView &view, const MetricKMeansSettings &s);

// Loads the store's Dataset, builds the features of source's customers as of
// source.analysisDate and clusters them. Labels and profiles follow source.set.inputs;
// km.featureNames / km.featureProfiles hold the profiles over the chosen features. Fails
// when a scored customer has no sale order on or before the analysis date.
core::Result<KMeansOutcome> clusterOnMetrics(store::Store &store, const SegmentSource &source,
                                             const MetricKMeansSettings &settings);

} // namespace segdash::cli
