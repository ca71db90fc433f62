#include "cli/segment_features.h"

#include <algorithm>

#include "analysis/load_dataset.h"
#include "segment/k_selection.h"

namespace segdash::cli {

core::Result<KMeansOutcome> fitKMeans(const segment::DataView &view, const MetricKMeansSettings &s) {
    KMeansOutcome km;
    segment::KMeansOptions options;
    options.nInit = s.nInit;
    options.seed = s.seed;
    if (s.k) {
        options.k = *s.k;
    } else {
        segment::KSelectionOptions ks;
        ks.kMin = s.kMin;
        ks.kMax = std::min<int>(s.kMax, static_cast<int>(view.rows));
        ks.nInit = s.nInit;
        ks.seed = s.seed;
        if (ks.kMax < ks.kMin) return core::Status::error("too few customers for --k-range");
        auto chosen = segment::chooseK(view, ks);
        if (!chosen.ok()) return chosen.status();
        options.k = chosen->suggestedK;
        km.selection = std::move(*chosen);
    }
    if (static_cast<std::size_t>(options.k) > view.rows)
        return core::Status::error("k = " + std::to_string(options.k) + " but only " + std::to_string(view.rows) +
                                   " customers");
    auto model = segment::runKMeans(view, options);
    if (!model.ok()) return model.status();
    km.model = std::move(*model);
    return km;
}

namespace {

// The RFM-style profiles the CSV writer reads (names), from the feature profiles plus
// the source's recency, frequency and monetary in original units.
std::vector<segment::ClusterProfile> rfmProfiles(const SegmentSource &source, const KMeansOutcome &km) {
    std::vector<segment::ClusterProfile> out(km.featureProfiles.size());
    for (std::size_t c = 0; c < out.size(); ++c) {
        const auto &f = km.featureProfiles[c];
        out[c].cluster = f.cluster;
        out[c].size = f.size;
        out[c].share = f.share;
        out[c].meanZ = f.meanZ;
        out[c].name = f.name;
    }
    for (std::size_t i = 0; i < source.set.inputs.size(); ++i) {
        auto &p = out[static_cast<std::size_t>(km.model.labels[i])];
        p.meanRecencyDays += source.set.inputs[i].recencyDays;
        p.meanFrequency += static_cast<double>(source.set.inputs[i].frequency);
        p.meanMonetary += source.set.inputs[i].monetary.toDouble();
    }
    for (auto &p : out) {
        const double n = p.size > 0 ? static_cast<double>(p.size) : 1.0;
        p.meanRecencyDays /= n;
        p.meanFrequency /= n;
        p.meanMonetary /= n;
    }
    return out;
}

// The features of exactly the source's customers, in the source's order.
core::Result<segment::CustomerFeatures> sourceFeatures(const segment::Dataset &data, const SegmentSource &source,
                                                       const MetricKMeansSettings &s) {
    segment::CustomerFeatureOptions options;
    options.log = s.log;
    options.zScore = s.zScore;
    options.customers.reserve(source.set.inputs.size());
    for (const auto &in : source.set.inputs) options.customers.push_back(data.customerIndex(in.customerId));
    auto features = segment::buildCustomerFeatures(data, source.analysisDate, s.features, options);
    if (!features.ok()) return features.status();
    const std::size_t missing = source.set.inputs.size() - features->customers.size();
    if (missing > 0)
        return core::Status::error(std::to_string(missing) + " scored customers have no sale order on or before " +
                                   source.analysisDate.toIso() + ": choose a later --as-of for metric features");
    return features;
}

} // namespace

core::Result<KMeansOutcome> clusterOnMetrics(store::Store &store, const SegmentSource &source,
                                             const MetricKMeansSettings &settings) {
    auto data = analysis::loadDataset(store);
    if (!data.ok()) return data.status();
    auto features = sourceFeatures(*data, source, settings);
    if (!features.ok()) return features.status();
    const segment::FeatureMatrix &f = features->matrix;
    if (!settings.dumpFeatures.empty())
        if (auto w = writeFeatureCsv(settings.dumpFeatures, source, f); !w.ok()) return w;
    auto km = fitKMeans(segment::DataView{f.data.data(), f.rows, f.cols}, settings);
    if (!km.ok()) return km.status();
    auto profiles = segment::profileFeatureClusters(*features, km->model.labels, km->model.k);
    if (!profiles.ok()) return profiles.status();
    km->featureNames = f.names;
    km->featureProfiles = std::move(*profiles);
    km->profiles = rfmProfiles(source, *km);
    return km;
}

} // namespace segdash::cli
