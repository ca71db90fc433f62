// The segment labels `segdash metrics` groups by: the RFM segments or k-means clusters
// computed exactly as `segdash segment` does, mapped onto the dataset's customers.
// Customers without a purchase get the extra segment "No purchase", so the segments
// cover every customer.
#include <algorithm>

#include "analysis/segment_source.h"
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
                                                    const std::string &scheme) {
    auto rules = segment::builtinScheme(scheme);
    if (!rules.ok()) return rules.status();
    auto scores = segment::scoreRfm(source.set.inputs, segment::RfmOptions{});
    if (!scores.ok()) return scores.status();
    auto assigned = segment::assignSegments(*rules, scores->scores);
    if (!assigned.ok()) return assigned.status();
    return mapLabels(source, data, assigned->segmentNames, assigned->segmentOfCustomer);
}

core::Result<segment::Segmentation> kmeansSegmentation(const SegmentSource &source, const segment::Dataset &data,
                                                       std::optional<int> k) {
    auto features = segment::buildRfmFeatures(source.set.inputs);
    if (!features.ok()) return features.status();
    const segment::DataView view{features->data.data(), features->rows, features->cols};
    segment::KMeansOptions options;
    if (k) {
        options.k = *k;
    } else {
        segment::KSelectionOptions ks;
        ks.kMax = std::min<int>(ks.kMax, static_cast<int>(features->rows));
        if (ks.kMax < ks.kMin) return core::Status::error("too few customers for k-means");
        auto chosen = segment::chooseK(view, ks);
        if (!chosen.ok()) return chosen.status();
        options.k = chosen->suggestedK;
    }
    if (static_cast<std::size_t>(options.k) > features->rows)
        return core::Status::error("k = " + std::to_string(options.k) + " but only " +
                                   std::to_string(features->rows) + " customers");
    auto model = segment::runKMeans(view, options);
    if (!model.ok()) return model.status();
    auto profiles = segment::profileClusters(source.set.inputs, *features, model->labels, model->k);
    if (!profiles.ok()) return profiles.status();
    std::vector<std::string> names;
    for (const auto &p : *profiles) names.push_back(p.name);
    return mapLabels(source, data, names, model->labels);
}

} // namespace segdash::cli
