#include "segment/features.h"

#include <algorithm>
#include <cmath>

namespace segdash::segment {

namespace {

double transformed(double v, bool log) {
    return log ? std::log1p(std::max(0.0, v)) : v;
}

// Mean and population standard deviation of column c; z-scores it in place.
void standardise(FeatureMatrix &m, std::size_t c, bool zScore) {
    double sum = 0;
    for (std::size_t r = 0; r < m.rows; ++r)
        sum += m.at(r, c);
    const double mean = sum / static_cast<double>(m.rows);
    double ss = 0;
    for (std::size_t r = 0; r < m.rows; ++r)
        ss += (m.at(r, c) - mean) * (m.at(r, c) - mean);
    double sd = std::sqrt(ss / static_cast<double>(m.rows));
    if (sd <= 1e-12 * std::max(1.0, std::abs(mean)))
        sd = 0; // a constant column up to rounding of the mean

    m.mean[c] = mean;
    m.scale[c] = zScore && sd > 0 ? sd : 1.0;
    if (!zScore)
        return;
    for (std::size_t r = 0; r < m.rows; ++r)
        m.data[r * m.cols + c] = sd > 0 ? (m.at(r, c) - mean) / sd : 0.0;
}

} // namespace

core::Result<FeatureMatrix> buildRfmFeatures(const std::vector<RfmInput> &inputs, const FeatureOptions &options) {
    if (inputs.empty())
        return core::Status::error("no customers to cluster");
    FeatureMatrix m;
    m.rows = inputs.size();
    m.cols = 3;
    m.names = {"recency", "frequency", "monetary"};
    m.data.resize(m.rows * m.cols);
    m.mean.assign(m.cols, 0);
    m.scale.assign(m.cols, 1);
    for (std::size_t r = 0; r < m.rows; ++r) {
        m.data[r * 3 + 0] = transformed(inputs[r].recencyDays, options.logRecency);
        m.data[r * 3 + 1] = transformed(static_cast<double>(inputs[r].frequency), options.logFrequency);
        m.data[r * 3 + 2] = transformed(inputs[r].monetary.toDouble(), options.logMonetary);
    }
    for (std::size_t c = 0; c < m.cols; ++c)
        standardise(m, c, options.zScore);
    return m;
}

} // namespace segdash::segment
