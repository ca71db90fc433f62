#include "segment/rfm_binning.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "segment/r_quantile.h"

namespace segdash::segment {

const char *toString(BinMethod method) {
    switch (method) {
    case BinMethod::Quantile: return "quantile";
    case BinMethod::Rank: return "rank";
    case BinMethod::Fixed: return "fixed";
    }
    return "quantile";
}

bool binMethodFromString(const std::string &text, BinMethod &out) {
    for (auto m : {BinMethod::Quantile, BinMethod::Rank, BinMethod::Fixed}) {
        if (text == toString(m)) {
            out = m;
            return true;
        }
    }
    return false;
}

namespace {

std::int64_t countEqual(const std::vector<double> &sorted, double v) {
    auto range = std::equal_range(sorted.begin(), sorted.end(), v);
    return range.second - range.first;
}

// Shared by Quantile and Fixed: bins [lower_i, upper_i) with lower = {min, breaks...},
// upper = {breaks..., max + 1}; an item's bin is the number of breaks <= its value.
DimensionBins binByBreaks(const std::vector<double> &values, const std::vector<double> &sorted,
                          const std::vector<double> &breaks, BinMethod method) {
    DimensionBins out;
    const int n = static_cast<int>(breaks.size()) + 1;
    out.report.method = method;
    out.report.binCount = n;
    out.report.bins.resize(n);
    for (int i = 0; i < n; ++i) {
        auto &b = out.report.bins[i];
        b.score = i + 1;
        b.lower = i == 0 ? sorted.front() : breaks[i - 1];
        b.upper = i == n - 1 ? sorted.back() + 1 : breaks[i];
    }
    out.binOfItem.resize(values.size());
    for (std::size_t j = 0; j < values.size(); ++j) {
        const int bin = static_cast<int>(std::upper_bound(breaks.begin(), breaks.end(), values[j]) - breaks.begin());
        out.binOfItem[j] = bin;
        ++out.report.bins[bin].count;
    }
    for (double b : breaks)
        out.report.boundaries.push_back({b, 0, countEqual(sorted, b)});
    return out;
}

std::vector<double> sortedCopy(const std::vector<double> &values) {
    std::vector<double> s = values;
    std::sort(s.begin(), s.end());
    return s;
}

// Boundary k sits at the first row of bin k; it splits a tie when the row before it
// has the same value, and then counts that whole equal-value group.
std::vector<BoundaryInfo> rankBoundaries(const std::vector<double> &values, const std::vector<std::size_t> &order,
                                         const std::vector<std::size_t> &start) {
    const auto sorted = sortedCopy(values);
    std::vector<BoundaryInfo> boundaries;
    for (std::size_t i = 1; i + 1 < start.size(); ++i) {
        BoundaryInfo info;
        const std::size_t cut = start[i];
        if (cut < values.size()) {
            info.value = values[order[cut]];
            if (cut > 0 && values[order[cut - 1]] == info.value)
                info.tied = countEqual(sorted, info.value);
        } else {
            info.value = sorted.back();
        }
        boundaries.push_back(info);
    }
    return boundaries;
}

} // namespace

core::Result<DimensionBins> binQuantile(const std::vector<double> &values, int bins) {
    if (values.empty())
        return core::Status::error("no customers to score");
    if (bins < 3 || bins > 10)
        return core::Status::error("number of bins must be between 3 and 10, got " + std::to_string(bins));
    const auto sorted = sortedCopy(values);
    const auto probs = rSeqProbs(bins);
    std::vector<double> quantiles, breaks;
    for (int k = 1; k < bins; ++k) {
        quantiles.push_back(rQuantileType7(sorted, probs[k]));
        breaks.push_back(quantiles.back() + 1);
    }
    auto out = binByBreaks(values, sorted, breaks, BinMethod::Quantile);
    for (std::size_t k = 0; k < quantiles.size(); ++k) {
        out.report.boundaries[k].quantile = quantiles[k];
        out.report.boundaries[k].tied = countEqual(sorted, quantiles[k]);
    }
    return out;
}

core::Result<DimensionBins> binFixed(const std::vector<double> &values, const std::vector<double> &breaks) {
    if (values.empty())
        return core::Status::error("no customers to score");
    if (breaks.empty() || breaks.size() > 9)
        return core::Status::error("fixed bins need 1 to 9 breakpoints, got " + std::to_string(breaks.size()));
    for (std::size_t k = 0; k < breaks.size(); ++k) {
        if (!std::isfinite(breaks[k]))
            return core::Status::error("fixed breakpoints must be finite numbers");
        if (k > 0 && !(breaks[k] > breaks[k - 1]))
            return core::Status::error("fixed breakpoints must be strictly increasing");
    }
    return binByBreaks(values, sortedCopy(values), breaks, BinMethod::Fixed);
}

core::Result<DimensionBins> binRank(const std::vector<double> &values, const std::vector<core::Id> &ids, int bins) {
    if (values.empty())
        return core::Status::error("no customers to score");
    if (ids.size() != values.size())
        return core::Status::error("rank binning needs one id per value");
    if (bins < 3 || bins > 10)
        return core::Status::error("number of bins must be between 3 and 10, got " + std::to_string(bins));
    const std::size_t total = values.size();
    std::vector<std::size_t> order(total);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return values[a] != values[b] ? values[a] < values[b] : ids[a] < ids[b];
    });
    DimensionBins out;
    out.report.method = BinMethod::Rank;
    out.report.binCount = bins;
    out.report.bins.resize(bins);
    out.binOfItem.resize(total);
    // NTILE: the first (total mod bins) bins hold one item more.
    const std::size_t base = total / bins, extra = total % bins;
    std::vector<std::size_t> start(bins + 1, 0);
    for (int i = 0; i < bins; ++i)
        start[i + 1] = start[i] + base + (static_cast<std::size_t>(i) < extra ? 1 : 0);
    for (int i = 0; i < bins; ++i) {
        auto &b = out.report.bins[i];
        b.score = i + 1;
        b.upperInclusive = true;
        b.count = static_cast<std::int64_t>(start[i + 1] - start[i]);
        if (b.count > 0) {
            b.lower = values[order[start[i]]];
            b.upper = values[order[start[i + 1] - 1]];
        }
        for (std::size_t r = start[i]; r < start[i + 1]; ++r)
            out.binOfItem[order[r]] = i;
    }
    out.report.boundaries = rankBoundaries(values, order, start);
    return out;
}

} // namespace segdash::segment
