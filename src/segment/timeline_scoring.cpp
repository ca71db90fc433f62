#include "segment/timeline_scoring.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "segment/r_quantile.h"

namespace segdash::segment {
namespace {

int binCountOf(const DimensionSpec &spec) {
    return spec.method == BinMethod::Fixed ? static_cast<int>(spec.breaks.size()) + 1 : spec.bins;
}

core::Status checkSpec(const DimensionSpec &spec, const char *name) {
    if (spec.method == BinMethod::Fixed) {
        // binFixed() validates the breaks; one probe value is enough to run it.
        auto probe = binFixed({0.0}, spec.breaks);
        return probe ? core::Status::success() : core::Status::error(std::string(name) + ": " + probe.message());
    }
    if (spec.bins < 3 || spec.bins > 10)
        return core::Status::error(std::string(name) + ": number of bins must be between 3 and 10, got " +
                                   std::to_string(spec.bins));
    return core::Status::success();
}

// The values at the given 0-based sorted positions (ascending, may repeat), by
// successive nth_element calls on the shrinking right part: O(n) per position at most.
std::map<std::size_t, double> orderStatistics(std::vector<double> work, const std::vector<std::size_t> &positions) {
    std::map<std::size_t, double> out;
    auto begin = work.begin();
    for (std::size_t pos : positions) {
        if (out.count(pos)) continue;
        auto nth = work.begin() + static_cast<std::ptrdiff_t>(pos);
        std::nth_element(begin, nth, work.end());
        out[pos] = *nth;
        begin = nth + 1;
    }
    return out;
}

// Quantile bins: the number of breaks <= value, as binByBreaks() in rfm_binning.cpp.
void binByBreaks(const std::vector<double> &values, const std::vector<double> &breaks, std::vector<int> &bins) {
    bins.resize(values.size());
    for (std::size_t i = 0; i < values.size(); ++i)
        bins[i] = static_cast<int>(std::upper_bound(breaks.begin(), breaks.end(), values[i]) - breaks.begin());
}

core::Status binDimension(const std::vector<double> &values, const std::vector<core::Id> &ids,
                          const DimensionSpec &spec, std::vector<int> &bins) {
    if (spec.method == BinMethod::Quantile) {
        binByBreaks(values, quantileBreaks(values, spec.bins), bins);
        return core::Status::success();
    }
    auto result = spec.method == BinMethod::Rank ? binRank(values, ids, spec.bins) : binFixed(values, spec.breaks);
    if (!result) return result.status();
    bins = std::move(result->binOfItem);
    return core::Status::success();
}

} // namespace

std::vector<double> quantileBreaks(const std::vector<double> &values, int bins) {
    const auto probs = rSeqProbs(bins);
    const std::size_t n = values.size();
    // The same double operations as rQuantileType7(), on positions instead of a sorted copy.
    std::vector<std::size_t> positions;
    for (int k = 1; k < bins; ++k) {
        const double index = 1.0 + static_cast<double>(n - 1) * probs[k];
        positions.push_back(static_cast<std::size_t>(std::floor(index)) - 1);
        positions.push_back(static_cast<std::size_t>(std::ceil(index)) - 1);
    }
    std::sort(positions.begin(), positions.end());
    const auto at = orderStatistics(values, positions);
    std::vector<double> breaks;
    for (int k = 1; k < bins; ++k) {
        const double index = 1.0 + static_cast<double>(n - 1) * probs[k];
        const double lo = std::floor(index);
        const double xlo = at.at(static_cast<std::size_t>(lo) - 1);
        const double xhi = at.at(static_cast<std::size_t>(std::ceil(index)) - 1);
        const double h = index - lo;
        const double q = (!(index > lo) || xhi == xlo) ? xlo : (1.0 - h) * xlo + h * xhi;
        breaks.push_back(q + 1);
    }
    return breaks;
}

core::Result<SnapshotScorer> SnapshotScorer::create(const RfmOptions &options, const SegmentScheme &scheme) {
    SnapshotScorer s;
    s.m_options = options;
    const DimensionSpec *specs[3] = {&options.recency, &options.frequency, &options.monetary};
    const char *names[3] = {"recency", "frequency", "monetary"};
    for (int d = 0; d < 3; ++d) {
        if (auto status = checkSpec(*specs[d], names[d]); !status) return status;
        s.m_binCount[d] = binCountOf(*specs[d]);
    }
    // Every (r, f, m) cell classified once through assignSegments(): same names, same order.
    std::vector<RfmScore> cells;
    for (int r = 1; r <= s.m_binCount[0]; ++r)
        for (int f = 1; f <= s.m_binCount[1]; ++f)
            for (int m = 1; m <= s.m_binCount[2]; ++m) cells.push_back({0, r, f, m, r * 100 + f * 10 + m});
    auto assigned = assignSegments(scheme, cells);
    if (!assigned) return assigned.status();
    s.m_names = assigned->segmentNames;
    for (int seg : assigned->segmentOfCustomer) s.m_table.push_back(static_cast<std::int16_t>(seg));
    return s;
}

core::Status SnapshotScorer::score(const std::vector<double> &recency, const std::vector<double> &frequency,
                                   const std::vector<double> &monetary, const std::vector<core::Id> &ids,
                                   std::vector<std::int16_t> &segmentOut) const {
    if (recency.empty()) return core::Status::error("no customers to score");
    std::vector<int> r, f, m;
    if (auto s = binDimension(recency, ids, m_options.recency, r); !s) return core::Status::error("recency: " + s.message());
    if (auto s = binDimension(frequency, ids, m_options.frequency, f); !s)
        return core::Status::error("frequency: " + s.message());
    if (auto s = binDimension(monetary, ids, m_options.monetary, m); !s)
        return core::Status::error("monetary: " + s.message());
    segmentOut.resize(recency.size());
    const int nf = m_binCount[1], nm = m_binCount[2];
    for (std::size_t i = 0; i < recency.size(); ++i) {
        // Recency is scored in reverse: bin k of n gets score n - k; cell index uses score - 1.
        const int rIndex = m_binCount[0] - 1 - r[i];
        segmentOut[i] = m_table[static_cast<std::size_t>((rIndex * nf + f[i]) * nm + m[i])];
    }
    return core::Status::success();
}

} // namespace segdash::segment
