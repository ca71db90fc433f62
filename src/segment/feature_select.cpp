#include "segment/feature_select.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "segment/rules.h"

namespace segdash::segment {
namespace {

const std::string kEngagement = "engagement";

std::string availableList() {
    std::string list;
    for (const auto &n : availableCustomerFeatures()) list += (list.empty() ? "" : ", ") + n;
    return list;
}

// The metric of one customer by feature name (engagement is read elsewhere).
double metricByName(const RuleMetrics &m, const std::string &name) {
    if (name == "recency") return m.recencyDays;
    if (name == "frequency") return m.frequency;
    if (name == "monetary") return m.monetary;
    if (name == "aov") return m.aov;
    if (name == "avg_quarterly_order_value") return m.avgQuarterlyOrderValue;
    if (name == "tenure") return m.tenureDays;
    if (name == "margin") return m.margin;
    return m.ordersLast90Days;
}

core::Status checkNames(const std::vector<std::string> &names) {
    if (names.empty()) return core::Status::error("no features chosen; available: " + availableList());
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (!isCustomerFeature(names[i]))
            return core::Status::error("unknown feature '" + names[i] + "'; available: " + availableList());
        if (std::find(names.begin(), names.begin() + static_cast<std::ptrdiff_t>(i), names[i]) !=
            names.begin() + static_cast<std::ptrdiff_t>(i))
            return core::Status::error("feature '" + names[i] + "' is chosen twice");
    }
    return core::Status::success();
}

// The rows: the requested customers (or all) that have a sale order on or before asOf.
std::vector<std::int32_t> purchasingRows(const Dataset &data, const std::vector<RuleMetrics> &metrics,
                                         const std::vector<std::int32_t> &requested) {
    std::vector<std::int32_t> rows;
    auto keep = [&](std::int32_t c) {
        const auto i = static_cast<std::size_t>(c);
        if (c >= 0 && i < data.customers.size() && metrics[i].frequency > 0) rows.push_back(c);
    };
    if (requested.empty())
        for (std::size_t c = 0; c < data.customers.size(); ++c) keep(static_cast<std::int32_t>(c));
    else
        for (std::int32_t c : requested) keep(c);
    return rows;
}

// Mean and population sd of transformed column c; z-scores it when asked. A constant
// column (up to rounding of the mean) has sd 0: an error when z-scoring.
core::Status standardise(CustomerFeatures &f, std::size_t c, bool zScore) {
    FeatureMatrix &m = f.matrix;
    double sum = 0;
    for (std::size_t r = 0; r < m.rows; ++r) sum += m.at(r, c);
    const double mean = sum / static_cast<double>(m.rows);
    double ss = 0;
    for (std::size_t r = 0; r < m.rows; ++r) ss += (m.at(r, c) - mean) * (m.at(r, c) - mean);
    double sd = std::sqrt(ss / static_cast<double>(m.rows));
    if (sd <= 1e-12 * std::max(1.0, std::abs(mean))) sd = 0;
    m.mean[c] = mean;
    f.sd[c] = sd;
    if (!zScore) return core::Status::success();
    if (sd == 0)
        return core::Status::error("feature '" + m.names[c] + "' has the same value for every customer: "
                                   "its z-score is undefined; leave it out");
    m.scale[c] = sd;
    for (std::size_t r = 0; r < m.rows; ++r) m.data[r * m.cols + c] = (m.at(r, c) - mean) / sd;
    return core::Status::success();
}

const char *level(double z, const char *high, const char *mid, const char *low) {
    if (z > 0.5) return high;
    if (z < -0.5) return low;
    return mid;
}

// The word of one feature; nullptr when the feature says nothing (mid level of an extra).
const char *featureWord(const std::string &name, double z, double meanFrequency) {
    if (name == "recency") return level(z, "lapsed", "cooling", "recent");
    if (name == "frequency") return level(z, "frequent", "occasional", meanFrequency < 1.5 ? "one-off" : "infrequent");
    if (name == "monetary") return level(z, "high value", "mid value", "low value");
    if (name == "aov") return level(z, "large orders", nullptr, "small orders");
    if (name == "avg_quarterly_order_value") return level(z, "high quarterly value", nullptr, "low quarterly value");
    if (name == "tenure") return level(z, "long-standing", nullptr, "new");
    if (name == "margin") return level(z, "high margin", nullptr, "low margin");
    if (name == "orders_last_90_days") return level(z, "active lately", nullptr, "quiet lately");
    return level(z, "engaged", nullptr, "unengaged");
}

// Sums to means, the mean transformed value to a z-score against the whole column, and
// the name.
void finishProfile(FeatureClusterProfile &p, const CustomerFeatures &features) {
    const FeatureMatrix &m = features.matrix;
    p.share = static_cast<double>(p.size) / static_cast<double>(m.rows);
    if (p.size == 0) {
        p.name = "empty";
        return;
    }
    const auto n = static_cast<double>(p.size);
    for (std::size_t j = 0; j < m.cols; ++j) {
        p.meanOriginal[j] /= n;
        const double sd = features.sd[j];
        p.meanZ[j] = sd > 0 ? (p.meanZ[j] / n - m.mean[j]) / sd : 0.0;
    }
    const auto freq = std::find(m.names.begin(), m.names.end(), "frequency");
    const double meanFrequency =
        freq == m.names.end() ? 0.0 : p.meanOriginal[static_cast<std::size_t>(freq - m.names.begin())];
    p.name = nameFromFeatures(m.names, p.meanZ, meanFrequency);
}

} // namespace

const std::vector<std::string> &availableCustomerFeatures() {
    static const std::vector<std::string> kNames = {
        "recency", "frequency", "monetary", "aov", "avg_quarterly_order_value", "tenure", "margin",
        "orders_last_90_days", kEngagement};
    return kNames;
}

bool isCustomerFeature(const std::string &name) {
    const auto &all = availableCustomerFeatures();
    return std::find(all.begin(), all.end(), name) != all.end();
}

std::vector<double> engagementCounts(const Dataset &data, core::Date asOf) {
    using K = core::InteractionKind;
    std::vector<double> out(data.customers.size(), 0.0);
    const auto &t = data.interactions;
    for (std::size_t i = 0; i < t.size(); ++i) {
        const auto kind = static_cast<K>(t.kind[i]);
        const bool counts = kind == K::EmailOpen || kind == K::EmailClick || kind == K::WebVisit || kind == K::Social;
        const std::int32_t c = t.customer[i];
        if (counts && c >= 0 && static_cast<std::size_t>(c) < out.size() && t.day[i] <= asOf.days)
            out[static_cast<std::size_t>(c)] += 1;
    }
    return out;
}

core::Result<CustomerFeatures> buildCustomerFeatures(const Dataset &data, core::Date asOf,
                                                     const std::vector<std::string> &names,
                                                     const CustomerFeatureOptions &options) {
    if (auto s = checkNames(names); !s) return s;
    if (!data.finalized()) return core::Status::error("the dataset is not finalized");
    const std::vector<RuleMetrics> metrics = ruleMetrics(data, asOf);
    const bool wantEngagement = std::find(names.begin(), names.end(), kEngagement) != names.end();
    const std::vector<double> engagement = wantEngagement ? engagementCounts(data, asOf) : std::vector<double>{};

    CustomerFeatures f;
    f.customers = purchasingRows(data, metrics, options.customers);
    if (f.customers.empty()) return core::Status::error("no customer with a sale order on or before " + asOf.toIso());
    FeatureMatrix &m = f.matrix;
    m.rows = f.customers.size();
    m.cols = names.size();
    m.names = names;
    m.data.resize(m.rows * m.cols);
    m.mean.assign(m.cols, 0.0);
    m.scale.assign(m.cols, 1.0);
    f.sd.assign(m.cols, 0.0);
    f.original.resize(m.rows * m.cols);
    f.log = options.log;
    for (std::size_t r = 0; r < m.rows; ++r) {
        const auto c = static_cast<std::size_t>(f.customers[r]);
        for (std::size_t j = 0; j < m.cols; ++j) {
            const double v = names[j] == kEngagement ? engagement[c] : metricByName(metrics[c], names[j]);
            f.original[r * m.cols + j] = v;
            m.data[r * m.cols + j] = options.log ? std::log1p(std::max(0.0, v)) : v;
        }
    }
    for (std::size_t j = 0; j < m.cols; ++j)
        if (auto s = standardise(f, j, options.zScore); !s) return s;
    return f;
}

std::string nameFromFeatures(const std::vector<std::string> &names, const std::vector<double> &meanZ,
                             double meanFrequency) {
    std::string name;
    for (std::size_t j = 0; j < names.size() && j < meanZ.size(); ++j)
        if (const char *word = featureWord(names[j], meanZ[j], meanFrequency))
            name += (name.empty() ? "" : ", ") + std::string(word);
    return name.empty() ? "average" : name;
}

core::Result<std::vector<FeatureClusterProfile>> profileFeatureClusters(const CustomerFeatures &features,
                                                                        const std::vector<int> &labels, int k) {
    const FeatureMatrix &m = features.matrix;
    if (labels.size() != m.rows || k < 1) return core::Status::error("profiles need one label per feature row");
    std::vector<FeatureClusterProfile> profiles(static_cast<std::size_t>(k));
    for (std::size_t c = 0; c < profiles.size(); ++c) {
        profiles[c].cluster = static_cast<int>(c);
        profiles[c].meanOriginal.assign(m.cols, 0.0);
        profiles[c].meanZ.assign(m.cols, 0.0); // the sum of transformed values until finishProfile()
    }
    for (std::size_t r = 0; r < m.rows; ++r) {
        if (labels[r] < 0 || labels[r] >= k) return core::Status::error("cluster label out of range");
        auto &p = profiles[static_cast<std::size_t>(labels[r])];
        ++p.size;
        for (std::size_t j = 0; j < m.cols; ++j) {
            const double v = features.originalAt(r, j);
            p.meanOriginal[j] += v;
            p.meanZ[j] += features.log ? std::log1p(std::max(0.0, v)) : v;
        }
    }
    std::map<std::string, int> seen;
    for (auto &p : profiles) {
        finishProfile(p, features);
        if (const int n = ++seen[p.name]; n > 1) p.name += " #" + std::to_string(n);
    }
    return profiles;
}

} // namespace segdash::segment
