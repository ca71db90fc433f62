#pragma once
// Quality measures of a clustering: silhouette and adjusted Rand index.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/status.h"
#include "segment/kmeans.h"

namespace segdash::segment {

// Mean silhouette over all rows with Euclidean distances (O(rows^2)). A row alone in
// its cluster scores 0. Needs at least two non-empty clusters.
core::Result<double> silhouetteScore(const DataView &data, const std::vector<int> &labels, int k, int threads = 2);

// The silhouette of a fixed-seed sample (without replacement) of sampleSize rows, or
// exact when rows <= sampleSize.
core::Result<double> silhouetteSampled(const DataView &data, const std::vector<int> &labels, int k,
                                       std::size_t sampleSize, std::uint64_t seed, int threads = 2);

// Adjusted Rand index (Hubert and Arabie) of two labelings of the same rows; label
// values are arbitrary. 1 when the two partitions are identical up to renaming.
core::Result<double> adjustedRandIndex(const std::vector<int> &a, const std::vector<int> &b);

// Row indices of a fixed-seed sample without replacement, ascending.
std::vector<std::size_t> sampleRows(std::size_t rows, std::size_t count, std::uint64_t seed);

} // namespace segdash::segment
