#pragma once
// k-means features chosen by name from the per-customer metrics of a Dataset (the rule
// metrics of rules.h plus engagement), with the log1p and z-score transforms, and
// cluster profiles over any such choice. Exact definitions: docs/segmentation.md.
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "segment/dataset.h"
#include "segment/features.h"

namespace segdash::segment {

/// The feature names buildCustomerFeatures() knows, in a fixed order: recency,
/// frequency, monetary, aov, avg_quarterly_order_value, tenure, margin,
/// orders_last_90_days, engagement.
const std::vector<std::string> &availableCustomerFeatures();
bool isCustomerFeature(const std::string &name);

/// Transforms applied to every chosen feature: log1p (negatives clipped to 0 first),
/// then z-scores with the population standard deviation. customers, when not empty,
/// restricts the rows to these dataset indexes in this order (those without a sale
/// order on or before asOf are still left out).
struct CustomerFeatureOptions {
    bool log = true;
    bool zScore = true;
    std::vector<std::int32_t> customers;
};

/// The chosen features of the purchasing customers. matrix.names are the chosen names;
/// original holds the untransformed values (days, orders, currency units, counts),
/// rows x cols row-major; sd is the population standard deviation of each transformed
/// column (matrix.mean its mean), whether or not the matrix was z-scored.
struct CustomerFeatures {
    FeatureMatrix matrix;
    std::vector<std::int32_t> customers; // dataset customer index of each row
    std::vector<double> original;
    std::vector<double> sd;
    bool log = true; // whether the columns were log1p-transformed

    double originalAt(std::size_t r, std::size_t c) const { return original[r * matrix.cols + c]; }
};

// Per customer index: e-mail opens + e-mail clicks + web visits + social interactions
// on or before asOf. The dataset must be finalized.
std::vector<double> engagementCounts(const Dataset &data, core::Date asOf);

// Errors: no names, an unknown or repeated name (the message lists the available ones),
// no purchasing customer, and, with zScore, a constant feature (named).
core::Result<CustomerFeatures> buildCustomerFeatures(const Dataset &data, core::Date asOf,
                                                     const std::vector<std::string> &names,
                                                     const CustomerFeatureOptions &options = {});

/// One cluster over chosen features: mean original value and mean z-score per feature
/// (z = (mean transformed value - column mean) / column sd, so it is a z-score also
/// when the matrix was not standardised; 0 for a constant column).
struct FeatureClusterProfile {
    int cluster = 0;
    std::int64_t size = 0;
    double share = 0;
    std::vector<double> meanOriginal;
    std::vector<double> meanZ;
    std::string name;
};

// Name from mean z-scores (threshold +-0.5), one word per feature in the order chosen.
// recency, frequency, monetary always give a word as in nameFromProfile() ("cooling",
// "occasional", "mid value" in between); the other features only when beyond the
// threshold: "large orders"/"small orders" (aov), "high quarterly value"/"low quarterly
// value", "long-standing"/"new" (tenure), "high margin"/"low margin", "active lately"/
// "quiet lately" (orders_last_90_days), "engaged"/"unengaged". "average" when no word.
std::string nameFromFeatures(const std::vector<std::string> &names, const std::vector<double> &meanZ,
                             double meanFrequency);

// Profiles of clusters 0..k-1 (labels: one per row). Repeated names get " #2", " #3".
core::Result<std::vector<FeatureClusterProfile>> profileFeatureClusters(const CustomerFeatures &features,
                                                                        const std::vector<int> &labels, int k);

} // namespace segdash::segment
