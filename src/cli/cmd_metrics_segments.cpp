// The segment labels `segdash metrics` groups by: the RFM segments or k-means clusters
// computed exactly as `segdash segment` does, mapped onto the dataset's customers.
// Customers without a purchase get the extra segment "No purchase", so the segments
// cover every customer.
#include <algorithm>

#include "analysis/segment_source.h"
#include "cli/segment_features.h"
#include "segment/cluster_profile.h"
#include "segment/dataset.h"
#include "segment/features.h"
#include "segment/k_selection.h"
#include "segment/kmeans.h"
#include "segment/metrics.h"
#include "segment/rfm_scoring.h"
#include "segment/segment_scheme.h"

namespace segdash::cli {

using namespace analysis; // the store-to-engine glue (src/analysis)
namespace {

segment::Segmentation mapLabels(const SegmentSource &source, const segment::Dataset &data,
                                std::vector<std::string> names, const std::vector<int> &labelOfInput) {
    segment::Segmentation seg;
    const int none = static_cast<int>(names.size());
    names.emplace_back("No purchase");
    seg.names = std::move(names);
    seg.label.assign(data.customers.size(), none);
    for (std::size_t i = 0; i < source.set.inputs.size(); ++i) {
        const auto c = data.customerIndex(source.set.inputs[i].customerId);
        if (c != segment::kNoIndex) seg.label[static_cast<std::size_t>(c)] = labelOfInput[i];
    }
    return seg;
}

} // namespace

core::Result<segment::Segmentation> rfmSegmentation(const SegmentSource &source, const segment::Dataset &data,
                                                    const segment::SegmentScheme &rules) {
    auto scores = segment::scoreRfm(source.set.inputs, segment::RfmOptions{});
    if (!scores.ok()) return scores.status();
    auto assigned = segment::assignSegments(rules, scores->scores);
    if (!assigned.ok()) return assigned.status();
    return mapLabels(source, data, assigned->segmentNames, assigned->segmentOfCustomer);
}

core::Result<segment::Segmentation> kmeansSegmentation(const SegmentSource &source, const segment::Dataset &data,
                                                       std::optional<int> k) {
    auto features = segment::buildRfmFeatures(source.set.inputs);
    if (!features.ok()) return features.status();
    const segment::DataView view{features->data.data(), features->rows, features->cols};
    MetricKMeansSettings fit; // the same choose-k-then-fit path as `segdash segment`
    fit.k = k;
    auto fitted = fitKMeans(view, fit);
    if (!fitted.ok()) return fitted.status();
    const segment::KMeansResult *model = &fitted->model;
    auto profiles = segment::profileClusters(source.set.inputs, *features, model->labels, model->k);
    if (!profiles.ok()) return profiles.status();
    std::vector<std::string> names;
    for (const auto &p : *profiles) names.push_back(p.name);
    return mapLabels(source, data, names, model->labels);
}

} // namespace segdash::cli
