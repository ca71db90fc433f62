#pragma once
// What each k-means cluster looks like, in original units and in z-scores, with an
// automatic name, and how clusters line up with the named RFM segments.
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "segment/features.h"
#include "segment/rfm_input.h"
#include "segment/segment_scheme.h"

namespace segdash::segment {

/// One cluster's profile. meanZ holds the mean feature value per column of the
/// feature matrix (z-scores with the default transforms).
struct ClusterProfile {
    int cluster = 0;
    std::int64_t size = 0;
    double share = 0;
    double meanRecencyDays = 0;
    double meanFrequency = 0;
    double meanMonetary = 0; // currency units
    std::vector<double> meanZ;
    std::string name;
};

/// Counts of customers per (cluster, segment); counts is rows x cols, row-major.
struct CrossTable {
    std::vector<std::string> rowNames;
    std::vector<std::string> colNames;
    std::vector<std::int64_t> counts;

    std::int64_t at(std::size_t r, std::size_t c) const { return counts[r * colNames.size() + c]; }
};

// Name from the mean z-scores of recency, frequency, monetary: beyond +-0.5 a feature
// is "recent"/"lapsed", "frequent"/"one-off" (or "infrequent" when the mean frequency
// is 1.5 orders or more), "high value"/"low value"; in between "cooling", "occasional",
// "mid value". Example: "recent, frequent, high value".
std::string nameFromProfile(double zRecency, double zFrequency, double zMonetary, double meanFrequency);

// Profiles of clusters 0..k-1; features must have the recency, frequency, monetary
// columns built from the same inputs. Repeated names get " #2", " #3".
core::Result<std::vector<ClusterProfile>> profileClusters(const std::vector<RfmInput> &inputs,
                                                          const FeatureMatrix &features,
                                                          const std::vector<int> &labels, int k);

core::Result<CrossTable> crossTabulate(const std::vector<ClusterProfile> &clusters, const std::vector<int> &labels,
                                       const SegmentAssignment &segments);

} // namespace segdash::segment
