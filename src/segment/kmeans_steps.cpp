// The k-means pieces. The assignment step is the hot loop: distances come from
// ||x||^2 - 2 x.c + ||c||^2 with one matrix product per block of rows, split over threads.
#include <Eigen/Dense>

#include <algorithm>
#include <limits>
#include <thread>

#include "segment/kmeans.h"
#include "segment/random.h"

namespace segdash::segment {

namespace {

using RowMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
constexpr std::size_t kBlockRows = 1024;

double squaredDistance(const double *a, const double *b, std::size_t cols) {
    double s = 0;
    for (std::size_t c = 0; c < cols; ++c)
        s += (a[c] - b[c]) * (a[c] - b[c]);
    return s;
}

void copyRow(const DataView &data, std::size_t row, std::vector<double> &centres, int slot) {
    std::copy_n(data.data + row * data.cols, data.cols, centres.begin() + static_cast<std::ptrdiff_t>(slot * data.cols));
}

// Labels and squared distances for rows [begin, end), which are whole blocks; the
// inertia of block b goes to blockInertia[b] so the total does not depend on threads.
// A row-major m x cols block is, in memory, a column-major cols x m matrix, so
// C * X^T (k x m) needs no copy. A coefficient-based (lazy) product with column-major
// C vectorises along k and beats a packed GEMM for an inner dimension of 3; Cols = 3
// (the RFM features) gets a fixed inner size that Eigen unrolls.
template <int Cols>
void assignRange(const DataView &data, const Eigen::MatrixXd &centres, const Eigen::VectorXd &centreNorms,
                 std::size_t begin, std::size_t end, int *labels, double *dist2, double *blockInertia) {
    using Block = Eigen::Matrix<double, Cols, Eigen::Dynamic>;
    using Centres = Eigen::Matrix<double, Eigen::Dynamic, Cols>;
    const Centres c = centres;
    const Eigen::Index k = centres.rows();
    Eigen::MatrixXd cross(k, static_cast<Eigen::Index>(kBlockRows));
    for (std::size_t b = begin; b < end; b += kBlockRows) {
        const auto m = static_cast<Eigen::Index>(std::min(kBlockRows, end - b));
        Eigen::Map<const Block> xt(data.data + b * data.cols, centres.cols(), m);
        cross.leftCols(m).noalias() = c.lazyProduct(xt);
        const Eigen::VectorXd rowNorms = xt.colwise().squaredNorm().transpose();
        double inertia = 0;
        for (Eigen::Index i = 0; i < m; ++i) {
            const double *dots = cross.data() + i * k;
            int best = 0;
            double bestD = centreNorms[0] - 2.0 * dots[0];
            for (Eigen::Index j = 1; j < k; ++j) {
                // Branch-free: with random-looking data a branch here mispredicts often.
                const double d = centreNorms[j] - 2.0 * dots[j];
                const bool closer = d < bestD;
                best = closer ? static_cast<int>(j) : best;
                bestD = closer ? d : bestD;
            }
            const double d = std::max(0.0, bestD + rowNorms[i]);
            labels[b + static_cast<std::size_t>(i)] = best;
            dist2[b + static_cast<std::size_t>(i)] = d;
            inertia += d;
        }
        blockInertia[b / kBlockRows] = inertia;
    }
}

} // namespace

std::vector<double> initRandomRows(const DataView &data, int k, std::mt19937_64 &rng) {
    std::vector<double> centres(static_cast<std::size_t>(k) * data.cols);
    for (int c = 0; c < k; ++c)
        copyRow(data, uniformIndex(rng, data.rows), centres, c);
    return centres;
}

std::vector<double> initKMeansPlusPlus(const DataView &data, int k, std::mt19937_64 &rng) {
    std::vector<double> centres(static_cast<std::size_t>(k) * data.cols);
    copyRow(data, uniformIndex(rng, data.rows), centres, 0);
    std::vector<double> d2(data.rows);
    for (std::size_t r = 0; r < data.rows; ++r)
        d2[r] = squaredDistance(data.data + r * data.cols, centres.data(), data.cols);
    for (int c = 1; c < k; ++c) {
        double total = 0;
        for (double v : d2)
            total += v;
        std::size_t pick = data.rows - 1;
        if (total > 0) {
            // D^2 sampling: the first row whose running sum passes u.
            const double u = uniformDouble(rng) * total;
            double running = 0;
            for (std::size_t r = 0; r < data.rows; ++r) {
                running += d2[r];
                if (running > u && d2[r] > 0) {
                    pick = r;
                    break;
                }
            }
        } else {
            pick = uniformIndex(rng, data.rows);
        }
        copyRow(data, pick, centres, c);
        const double *centre = centres.data() + static_cast<std::size_t>(c) * data.cols;
        for (std::size_t r = 0; r < data.rows; ++r)
            d2[r] = std::min(d2[r], squaredDistance(data.data + r * data.cols, centre, data.cols));
    }
    return centres;
}

double assignNearest(const DataView &data, const std::vector<double> &centres, int k, std::vector<int> &labels,
                     std::vector<double> &dist2, int threads) {
    labels.resize(data.rows);
    dist2.resize(data.rows);
    const Eigen::MatrixXd c = Eigen::Map<const RowMatrix>(centres.data(), k, static_cast<Eigen::Index>(data.cols));
    const Eigen::VectorXd norms = c.rowwise().squaredNorm();
    const std::size_t blocks = (data.rows + kBlockRows - 1) / kBlockRows;
    std::vector<double> blockInertia(blocks, 0.0);
    const std::size_t parts = std::clamp<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), 1, blocks);
    const std::size_t blocksPer = (blocks + parts - 1) / parts;
    auto work = [&](std::size_t p) {
        const std::size_t begin = p * blocksPer * kBlockRows;
        const std::size_t end = std::min(data.rows, (p + 1) * blocksPer * kBlockRows);
        if (begin >= end)
            return;
        if (data.cols == 3)
            assignRange<3>(data, c, norms, begin, end, labels.data(), dist2.data(), blockInertia.data());
        else
            assignRange<Eigen::Dynamic>(data, c, norms, begin, end, labels.data(), dist2.data(), blockInertia.data());
    };
    std::vector<std::thread> workers;
    for (std::size_t p = 1; p < parts; ++p)
        workers.emplace_back(work, p);
    work(0);
    for (auto &w : workers)
        w.join();
    double inertia = 0;
    for (double v : blockInertia)
        inertia += v;
    return inertia;
}

namespace {

// Per-cluster sums and counts of rows [begin, end).
void accumulate(const DataView &data, const std::vector<int> &labels, std::size_t begin, std::size_t end,
                std::vector<double> &sums, std::vector<std::int64_t> &counts) {
    for (std::size_t r = begin; r < end; ++r) {
        const auto l = static_cast<std::size_t>(labels[r]);
        ++counts[l];
        for (std::size_t c = 0; c < data.cols; ++c)
            sums[l * data.cols + c] += data.data[r * data.cols + c];
    }
}

} // namespace

std::vector<int> updateMeans(const DataView &data, const std::vector<int> &labels, int k,
                             std::vector<double> &centres) {
    // Always two halves summed in the same order, so centres do not depend on threads.
    const std::size_t half = data.rows / 2;
    const std::size_t cells = static_cast<std::size_t>(k) * data.cols;
    std::vector<double> sums(cells, 0.0), sums2(cells, 0.0);
    std::vector<std::int64_t> counts(static_cast<std::size_t>(k), 0), counts2(counts);
    if (data.rows >= 2 * kBlockRows) {
        std::thread second([&] { accumulate(data, labels, half, data.rows, sums2, counts2); });
        accumulate(data, labels, 0, half, sums, counts);
        second.join();
    } else {
        accumulate(data, labels, 0, half, sums, counts);
        accumulate(data, labels, half, data.rows, sums2, counts2);
    }
    for (std::size_t i = 0; i < cells; ++i)
        sums[i] += sums2[i];
    for (std::size_t j = 0; j < counts.size(); ++j)
        counts[j] += counts2[j];
    std::vector<int> empty;
    for (int j = 0; j < k; ++j) {
        const auto cj = static_cast<std::size_t>(j);
        if (counts[cj] == 0) {
            empty.push_back(j);
            continue;
        }
        for (std::size_t c = 0; c < data.cols; ++c)
            centres[cj * data.cols + c] = sums[cj * data.cols + c] / static_cast<double>(counts[cj]);
    }
    return empty;
}

int reseedEmptyClusters(const DataView &data, const std::vector<int> &empty, int k, std::vector<double> &centres,
                        std::vector<int> &labels, std::vector<double> &dist2) {
    std::vector<std::int64_t> counts(static_cast<std::size_t>(k), 0);
    for (int l : labels)
        ++counts[static_cast<std::size_t>(l)];
    int moved = 0;
    for (int target : empty) {
        std::size_t far = data.rows;
        double farD = -1;
        for (std::size_t r = 0; r < data.rows; ++r) {
            if (counts[static_cast<std::size_t>(labels[r])] > 1 && dist2[r] > farD) {
                farD = dist2[r];
                far = r;
            }
        }
        if (far == data.rows)
            break; // every cluster holds a single row: nothing to move
        --counts[static_cast<std::size_t>(labels[far])];
        ++counts[static_cast<std::size_t>(target)];
        labels[far] = target;
        dist2[far] = 0;
        copyRow(data, far, centres, target);
        ++moved;
    }
    return moved;
}

} // namespace segdash::segment
