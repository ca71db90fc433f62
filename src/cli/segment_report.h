#pragma once
// What `segdash segment` prints and writes: the per-customer CSV, the segment summary,
// the binning report and the k-means choice and cluster profiles.
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "analysis/segment_source.h"
#include "core/status.h"
#include "segment/cluster_profile.h"
#include "segment/feature_select.h"
#include "segment/features.h"
#include "segment/k_selection.h"
#include "segment/kmeans.h"
#include "segment/rfm_scoring.h"
#include "segment/segment_scheme.h"

namespace segdash::cli {

using analysis::SegmentSource;

/// The scored customers: source, scores and named segments (same order).
struct RfmOutcome {
    const SegmentSource &source;
    segment::RfmResult scores;
    segment::SegmentAssignment segments;
    std::string schemeName;
};

/// The k-means side: how k was chosen, the final model and its cluster profiles.
/// featureNames is set when the features were chosen from the metrics (--features
/// aov,...): featureProfiles then describe the clusters over those features.
struct KMeansOutcome {
    std::optional<segment::KSelection> selection; // set when k was chosen automatically
    segment::KMeansResult model;
    std::vector<segment::ClusterProfile> profiles;
    std::vector<std::string> featureNames;
    std::vector<segment::FeatureClusterProfile> featureProfiles;
};

void printSummary(std::ostream &out, const RfmOutcome &rfm);
void printBinning(std::ostream &out, const segment::RfmResult &scores);
void printKMeans(std::ostream &out, const KMeansOutcome &km);

// customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_score,
// segment (+ cluster, cluster_name when km is given). Monetary is exact.
core::Status writeSegmentCsv(const std::string &path, const RfmOutcome &rfm, const KMeansOutcome *km);
// customer_id + the standardised feature columns, for cross-checks against other tools.
core::Status writeFeatureCsv(const std::string &path, const SegmentSource &source,
                             const segment::FeatureMatrix &features);

// Exact money text without trailing zeros past the cents: 12.5 -> "12.50", 0.001 -> "0.001".
std::string exactMoney(core::Money m);

} // namespace segdash::cli
