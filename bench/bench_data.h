#pragma once
// Data for the benchmarks, built once per process: synthetic RFM inputs and feature
// matrices (fixed seed), and a generated CRM dataset in a temp dir removed at exit.
#include <cstddef>
#include <string>
#include <vector>

#include "segment/features.h"
#include "segment/kmeans.h"
#include "segment/rfm_input.h"

namespace segdash::bench {

// n customers with a plausible spread: recency 0..1095 days, frequency >= 1 with a long
// tail, monetary log-normal (a few negative, as when returns exceed sales).
const std::vector<segment::RfmInput> &rfmInputs(std::size_t n);

// log1p + z-scored recency/frequency/monetary of rfmInputs(n): n x 3, row-major.
const segment::FeatureMatrix &rfmFeatures(std::size_t n);

segment::DataView viewOf(const segment::FeatureMatrix &m);

// Customers in the generated dataset: SEGDASH_BENCH_CUSTOMERS or 20,000 (~100k orders).
long long datasetCustomers();

// The directory holding the generated dataset (generated on first call; empty on failure,
// with the reason in datasetError()).
const std::string &datasetDir();
const std::string &datasetError();

// A fresh scratch path inside the bench temp dir (not created).
std::string scratchPath(const std::string &stem);

} // namespace segdash::bench
