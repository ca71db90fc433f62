#pragma once
// k-means (Lloyd) with k-means++ initialisation, restarts and seeded, repeatable
// results. Initialisation, assignment and update are separate, swappable functions
// working on plain row-major arrays; Eigen is used only inside the .cpp files.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "core/progress.h"
#include "core/status.h"

namespace segdash::segment {

/// A read-only view of a row-major rows x cols matrix.
struct DataView {
    const double *data = nullptr;
    std::size_t rows = 0;
    std::size_t cols = 0;
};

/// Options of runKMeans(). The convergence test stops when the summed squared shift
/// of the centres is <= tolerance x the mean per-column variance of the data.
struct KMeansOptions {
    int k = 4;
    int nInit = 4;
    int maxIterations = 100;
    double tolerance = 1e-4;
    std::uint64_t seed = 42;
    int threads = 2;
};

/// The best of nInit runs (lowest inertia; the earliest run on a tie).
struct KMeansResult {
    int k = 0;
    std::size_t cols = 0;
    std::vector<double> centres;      // k x cols, row-major
    std::vector<int> labels;
    std::vector<std::int64_t> sizes;
    double inertia = 0;               // sum of squared distances to the own centre
    int iterations = 0;
    bool converged = false;
    int emptyClusterReseeds = 0;      // over the best run
};

// Initialisation: k starting centres (k x cols) drawn with rng.
using InitFn = std::function<std::vector<double>(const DataView &, int k, std::mt19937_64 &rng)>;
// Assignment: nearest centre per row into labels, squared distance into dist2; returns inertia.
using AssignFn = std::function<double(const DataView &, const std::vector<double> &centres, int k,
                                      std::vector<int> &labels, std::vector<double> &dist2, int threads)>;
// Update: centres = means of their rows; returns the clusters left empty (centres unchanged).
using UpdateFn = std::function<std::vector<int>(const DataView &, const std::vector<int> &labels, int k,
                                                std::vector<double> &centres)>;

std::vector<double> initKMeansPlusPlus(const DataView &data, int k, std::mt19937_64 &rng);
std::vector<double> initRandomRows(const DataView &data, int k, std::mt19937_64 &rng);
double assignNearest(const DataView &data, const std::vector<double> &centres, int k, std::vector<int> &labels,
                     std::vector<double> &dist2, int threads);
std::vector<int> updateMeans(const DataView &data, const std::vector<int> &labels, int k,
                             std::vector<double> &centres);

// Moves, for each empty cluster, the row farthest from its own centre (among clusters
// with more than one row) into it: the row becomes the new centre. Returns rows moved.
int reseedEmptyClusters(const DataView &data, const std::vector<int> &empty, int k, std::vector<double> &centres,
                        std::vector<int> &labels, std::vector<double> &dist2);

/// The swappable pieces; defaults are k-means++, the Eigen assignment and means.
struct KMeansSteps {
    InitFn init = initKMeansPlusPlus;
    AssignFn assign = assignNearest;
    UpdateFn update = updateMeans;
};

// Needs 1 <= k <= rows. Progress counts iterations over all runs; false -> "cancelled".
core::Result<KMeansResult> runKMeans(const DataView &data, const KMeansOptions &options,
                                     const core::ProgressFn &progress = {}, const KMeansSteps &steps = {});

} // namespace segdash::segment
