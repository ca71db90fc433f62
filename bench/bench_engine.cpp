// The segmentation engine: RFM scoring, one Lloyd iteration against one plain read of
// the data, a full k-means fit and the choice of k, on synthetic RFM data.
#include <benchmark/benchmark.h>

#include <numeric>
#include <random>

#include "bench_data.h"
#include "segment/k_selection.h"
#include "segment/kmeans.h"
#include "segment/rfm_scoring.h"

namespace segdash::bench {
namespace {

constexpr std::size_t kPoints = 1000000;
constexpr int kK = 8;

void setItems(benchmark::State &state, std::size_t perIteration) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(perIteration));
}

// Quantile scoring (the R package's default) of all three dimensions into 5 bins.
void BM_RfmScoring(benchmark::State &state) {
    const auto &inputs = rfmInputs(static_cast<std::size_t>(state.range(0)));
    const auto options = segment::RfmOptions::uniform(segment::BinMethod::Quantile, 5);
    for (auto _ : state) {
        auto result = segment::scoreRfm(inputs, options);
        if (!result.ok()) { state.SkipWithError(result.message().c_str()); break; }
        benchmark::DoNotOptimize(result->scores.data());
    }
    setItems(state, inputs.size());
}
BENCHMARK(BM_RfmScoring)->Arg(100000)->Arg(1000000)->Unit(benchmark::kMillisecond);

void BM_BuildFeatures(benchmark::State &state) {
    const auto &inputs = rfmInputs(kPoints);
    for (auto _ : state) {
        auto m = segment::buildRfmFeatures(inputs);
        benchmark::DoNotOptimize(m->data.data());
    }
    setItems(state, inputs.size());
}
BENCHMARK(BM_BuildFeatures)->Unit(benchmark::kMillisecond);

// The yardstick of the Lloyd target: one sequential read of the 1M x 3 matrix.
void BM_DataPass(benchmark::State &state) {
    const auto &m = rfmFeatures(kPoints);
    for (auto _ : state) {
        double sum = std::accumulate(m.data.begin(), m.data.end(), 0.0);
        benchmark::DoNotOptimize(sum);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * m.data.size() * sizeof(double)));
}
BENCHMARK(BM_DataPass)->Unit(benchmark::kMillisecond);

std::vector<double> startCentres(const segment::DataView &data) {
    std::mt19937_64 rng(42);
    return segment::initKMeansPlusPlus(data, kK, rng);
}

// One Lloyd iteration (assignment + update) at k = 8 with 1 or 2 threads.
void BM_LloydIteration(benchmark::State &state) {
    const auto data = viewOf(rfmFeatures(kPoints));
    const int threads = static_cast<int>(state.range(0));
    const auto initial = startCentres(data);
    std::vector<int> labels(data.rows);
    std::vector<double> dist2(data.rows);
    for (auto _ : state) {
        auto centres = initial;
        double inertia = segment::assignNearest(data, centres, kK, labels, dist2, threads);
        auto empty = segment::updateMeans(data, labels, kK, centres);
        benchmark::DoNotOptimize(inertia);
        benchmark::DoNotOptimize(empty.data());
    }
    setItems(state, data.rows);
}
BENCHMARK(BM_LloydIteration)->Arg(1)->Arg(2)->ArgName("threads")->Unit(benchmark::kMillisecond);

void BM_AssignOnly(benchmark::State &state) {
    const auto data = viewOf(rfmFeatures(kPoints));
    const auto centres = startCentres(data);
    std::vector<int> labels(data.rows);
    std::vector<double> dist2(data.rows);
    for (auto _ : state)
        benchmark::DoNotOptimize(segment::assignNearest(data, centres, kK, labels, dist2, 1));
    setItems(state, data.rows);
}
BENCHMARK(BM_AssignOnly)->Unit(benchmark::kMillisecond);

// A full fit as sklearn's KMeans(n_clusters=8, n_init=1, max_iter=300) would do it.
void BM_RunKMeans(benchmark::State &state) {
    const auto data = viewOf(rfmFeatures(kPoints));
    segment::KMeansOptions options;
    options.k = kK;
    options.nInit = static_cast<int>(state.range(0));
    options.maxIterations = 300;
    int iterations = 0;
    for (auto _ : state) {
        auto result = segment::runKMeans(data, options);
        if (!result.ok()) { state.SkipWithError(result.message().c_str()); break; }
        iterations = result->iterations;
    }
    state.counters["lloyd_iterations"] = iterations;
}
BENCHMARK(BM_RunKMeans)->Arg(1)->Arg(4)->ArgName("n_init")->Unit(benchmark::kMillisecond);

// k over 2..10 with the defaults (a 50,000-row sample of the 1M points).
void BM_ChooseK(benchmark::State &state) {
    const auto data = viewOf(rfmFeatures(kPoints));
    segment::KSelectionOptions options;
    int suggested = 0;
    for (auto _ : state) {
        auto result = segment::chooseK(data, options);
        if (!result.ok()) { state.SkipWithError(result.message().c_str()); break; }
        suggested = result->suggestedK;
    }
    state.counters["suggested_k"] = suggested;
}
BENCHMARK(BM_ChooseK)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace segdash::bench
