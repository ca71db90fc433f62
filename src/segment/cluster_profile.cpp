#include "segment/cluster_profile.h"

#include <map>

namespace segdash::segment {

namespace {

const char *level(double z, const char *high, const char *mid, const char *low) {
    if (z > 0.5)
        return high;
    if (z < -0.5)
        return low;
    return mid;
}

void makeNamesUnique(std::vector<ClusterProfile> &profiles) {
    std::map<std::string, int> seen;
    for (auto &p : profiles) {
        const int n = ++seen[p.name];
        if (n > 1)
            p.name += " #" + std::to_string(n);
    }
}

} // namespace

std::string nameFromProfile(double zRecency, double zFrequency, double zMonetary, double meanFrequency) {
    std::string name = level(zRecency, "lapsed", "cooling", "recent");
    name += ", ";
    name += level(zFrequency, "frequent", "occasional", meanFrequency < 1.5 ? "one-off" : "infrequent");
    name += ", ";
    name += level(zMonetary, "high value", "mid value", "low value");
    return name;
}

core::Result<std::vector<ClusterProfile>> profileClusters(const std::vector<RfmInput> &inputs,
                                                          const FeatureMatrix &features,
                                                          const std::vector<int> &labels, int k) {
    if (labels.size() != inputs.size() || features.rows != inputs.size() || features.cols < 3)
        return core::Status::error("profiles need one label and one feature row per customer");
    std::vector<ClusterProfile> profiles(static_cast<std::size_t>(k));
    for (int c = 0; c < k; ++c) {
        profiles[static_cast<std::size_t>(c)].cluster = c;
        profiles[static_cast<std::size_t>(c)].meanZ.assign(features.cols, 0.0);
    }
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (labels[i] < 0 || labels[i] >= k)
            return core::Status::error("cluster label out of range");
        auto &p = profiles[static_cast<std::size_t>(labels[i])];
        ++p.size;
        p.meanRecencyDays += inputs[i].recencyDays;
        p.meanFrequency += static_cast<double>(inputs[i].frequency);
        p.meanMonetary += inputs[i].monetary.toDouble();
        for (std::size_t c = 0; c < features.cols; ++c)
            p.meanZ[c] += features.at(i, c);
    }
    for (auto &p : profiles) {
        p.share = static_cast<double>(p.size) / static_cast<double>(inputs.size());
        if (p.size > 0) {
            const auto n = static_cast<double>(p.size);
            p.meanRecencyDays /= n;
            p.meanFrequency /= n;
            p.meanMonetary /= n;
            for (double &z : p.meanZ)
                z /= n;
        }
        p.name = p.size > 0 ? nameFromProfile(p.meanZ[0], p.meanZ[1], p.meanZ[2], p.meanFrequency) : "empty";
    }
    makeNamesUnique(profiles);
    return profiles;
}

core::Result<CrossTable> crossTabulate(const std::vector<ClusterProfile> &clusters, const std::vector<int> &labels,
                                       const SegmentAssignment &segments) {
    if (labels.size() != segments.segmentOfCustomer.size())
        return core::Status::error("cross-table needs the clusters and segments of the same customers");
    CrossTable t;
    for (const auto &c : clusters)
        t.rowNames.push_back(c.name);
    t.colNames = segments.segmentNames;
    t.counts.assign(t.rowNames.size() * t.colNames.size(), 0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const auto r = static_cast<std::size_t>(labels[i]);
        const auto c = static_cast<std::size_t>(segments.segmentOfCustomer[i]);
        if (r >= t.rowNames.size() || c >= t.colNames.size())
            return core::Status::error("cluster or segment index out of range");
        ++t.counts[r * t.colNames.size() + c];
    }
    return t;
}

} // namespace segdash::segment
