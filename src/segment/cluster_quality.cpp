#include "segment/cluster_quality.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <thread>

#include "segment/random.h"

namespace segdash::segment {

namespace {

// Silhouette values of rows [begin, end) into s.
void silhouetteRange(const DataView &data, const std::vector<int> &labels, const std::vector<std::int64_t> &sizes,
                     std::size_t begin, std::size_t end, std::vector<double> &s) {
    std::vector<double> sums(sizes.size());
    for (std::size_t i = begin; i < end; ++i) {
        std::fill(sums.begin(), sums.end(), 0.0);
        const double *xi = data.data + i * data.cols;
        for (std::size_t j = 0; j < data.rows; ++j) {
            const double *xj = data.data + j * data.cols;
            double d = 0;
            for (std::size_t c = 0; c < data.cols; ++c)
                d += (xi[c] - xj[c]) * (xi[c] - xj[c]);
            sums[static_cast<std::size_t>(labels[j])] += std::sqrt(d);
        }
        const auto own = static_cast<std::size_t>(labels[i]);
        if (sizes[own] <= 1) {
            s[i] = 0;
            continue;
        }
        const double a = sums[own] / static_cast<double>(sizes[own] - 1);
        double b = INFINITY;
        for (std::size_t c = 0; c < sizes.size(); ++c)
            if (c != own && sizes[c] > 0)
                b = std::min(b, sums[c] / static_cast<double>(sizes[c]));
        const double denom = std::max(a, b);
        s[i] = denom > 0 ? (b - a) / denom : 0.0;
    }
}

} // namespace

core::Result<double> silhouetteScore(const DataView &data, const std::vector<int> &labels, int k, int threads) {
    if (labels.size() != data.rows || data.rows == 0)
        return core::Status::error("silhouette needs one label per row");
    std::vector<std::int64_t> sizes(static_cast<std::size_t>(std::max(k, 0)), 0);
    for (int l : labels) {
        if (l < 0 || l >= k)
            return core::Status::error("label out of range in silhouette");
        ++sizes[static_cast<std::size_t>(l)];
    }
    if (std::count_if(sizes.begin(), sizes.end(), [](std::int64_t n) { return n > 0; }) < 2)
        return core::Status::error("silhouette needs at least two non-empty clusters");
    std::vector<double> s(data.rows, 0.0);
    const std::size_t parts = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), 1, data.rows);
    const std::size_t per = (data.rows + parts - 1) / parts;
    std::vector<std::thread> workers;
    for (std::size_t p = 1; p < parts; ++p)
        workers.emplace_back([&, p] {
            silhouetteRange(data, labels, sizes, p * per, std::min(data.rows, (p + 1) * per), s);
        });
    silhouetteRange(data, labels, sizes, 0, std::min(data.rows, per), s);
    for (auto &w : workers)
        w.join();
    return std::accumulate(s.begin(), s.end(), 0.0) / static_cast<double>(data.rows);
}

std::vector<std::size_t> sampleRows(std::size_t rows, std::size_t count, std::uint64_t seed) {
    std::vector<std::size_t> index(rows);
    std::iota(index.begin(), index.end(), 0);
    if (count >= rows)
        return index;
    std::mt19937_64 rng(seed);
    for (std::size_t i = 0; i < count; ++i)
        std::swap(index[i], index[i + uniformIndex(rng, rows - i)]);
    index.resize(count);
    std::sort(index.begin(), index.end());
    return index;
}

core::Result<double> silhouetteSampled(const DataView &data, const std::vector<int> &labels, int k,
                                       std::size_t sampleSize, std::uint64_t seed, int threads) {
    if (data.rows <= sampleSize)
        return silhouetteScore(data, labels, k, threads);
    if (labels.size() != data.rows)
        return core::Status::error("silhouette needs one label per row");
    const auto rows = sampleRows(data.rows, sampleSize, seed);
    std::vector<double> sub(rows.size() * data.cols);
    std::vector<int> subLabels(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::copy_n(data.data + rows[i] * data.cols, data.cols, sub.begin() + static_cast<std::ptrdiff_t>(i * data.cols));
        subLabels[i] = labels[rows[i]];
    }
    return silhouetteScore(DataView{sub.data(), rows.size(), data.cols}, subLabels, k, threads);
}

core::Result<double> adjustedRandIndex(const std::vector<int> &a, const std::vector<int> &b) {
    if (a.size() != b.size())
        return core::Status::error("adjusted Rand index needs two labelings of the same rows");
    auto pairs = [](double n) { return n * (n - 1) / 2; };
    std::map<std::pair<int, int>, double> cells;
    std::map<int, double> rowSums, colSums;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ++cells[{a[i], b[i]}];
        ++rowSums[a[i]];
        ++colSums[b[i]];
    }
    double index = 0, sumA = 0, sumB = 0;
    for (const auto &[key, n] : cells)
        index += pairs(n);
    for (const auto &[key, n] : rowSums)
        sumA += pairs(n);
    for (const auto &[key, n] : colSums)
        sumB += pairs(n);
    const double total = pairs(static_cast<double>(a.size()));
    const double expected = total > 0 ? sumA * sumB / total : 0;
    const double maximum = (sumA + sumB) / 2;
    if (maximum == expected)
        return 1.0; // both partitions trivial (all singletons or one cluster): identical
    return (index - expected) / (maximum - expected);
}

} // namespace segdash::segment
