// Metrics: loading the dataset from a store made from the generated CRM data (all seven
// files), and every per-segment metric on it, segmented by a simple revenue-tier split.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <memory>

#include "analysis/load_dataset.h"
#include "bench_data.h"
#include "import/import_job.h"
#include "segment/filter.h"
#include "segment/metrics_engagement.h"
#include "segment/metrics_headline.h"
#include "segment/metrics_products.h"
#include "segment/metrics_retention.h"
#include "segment/metrics_sales.h"
#include "store/store.h"

namespace segdash::bench {
namespace {

// The generated dataset imported once per process; nullptr (with a reason) on failure.
store::Store *importedStore(std::string &error) {
    static std::unique_ptr<store::Store> store;
    static std::string failure;
    static bool tried = false;
    if (!tried) {
        tried = true;
        if (datasetDir().empty()) failure = datasetError();
        auto s = failure.empty() ? store::openStore(scratchPath("metrics") + ".sqlite", store::OpenMode::CreateIfMissing)
                                 : core::Result<std::unique_ptr<store::Store>>(core::Status::error(failure));
        if (s.ok()) store = std::move(*s); else failure = s.message();
        for (const char *f : {"customers", "orders", "order_lines", "opportunities", "interactions", "surveys", "campaigns"}) {
            if (!store) break;
            auto plan = import::planImport(datasetDir() + "/" + f + ".csv", {});
            auto report = plan.ok() ? import::runImport(*store, *plan, {}) : core::Result<import::ImportReport>(plan.status());
            if (!report.ok()) { failure = report.message(); store.reset(); }
        }
    }
    error = failure;
    return store.get();
}

const segment::Dataset *dataset(std::string &error) {
    static std::unique_ptr<segment::Dataset> data;
    if (!data) {
        store::Store *store = importedStore(error);
        if (!store) return nullptr;
        auto loaded = analysis::loadDataset(*store);
        if (!loaded.ok()) { error = loaded.message(); return nullptr; }
        data = std::make_unique<segment::Dataset>(std::move(*loaded));
    }
    return data.get();
}

// Three tiers by number of orders: a stand-in segmentation that costs nothing to build.
segment::Segmentation tiers(const segment::Dataset &d) {
    segment::Segmentation seg{{"one order", "2-5 orders", "6+ orders"}, {}};
    seg.label.resize(d.customers.size());
    for (std::size_t c = 0; c < d.customers.size(); ++c) {
        const auto n = d.customers.orderBegin[c + 1] - d.customers.orderBegin[c];
        seg.label[c] = n <= 1 ? 0 : n <= 5 ? 1 : 2;
    }
    return seg;
}

void BM_LoadDataset(benchmark::State &state) {
    std::string error;
    store::Store *store = importedStore(error);
    if (!store) { state.SkipWithError(error.c_str()); return; }
    for (auto _ : state) {
        auto loaded = analysis::loadDataset(*store);
        if (!loaded.ok()) { state.SkipWithError(loaded.message().c_str()); break; }
        benchmark::DoNotOptimize(loaded->orders.size());
        state.counters["orders"] = static_cast<double>(loaded->orders.size());
    }
}
BENCHMARK(BM_LoadDataset)->Unit(benchmark::kMillisecond);

void BM_AllMetrics(benchmark::State &state) {
    std::string error;
    const segment::Dataset *d = dataset(error);
    if (!d) { state.SkipWithError(error.c_str()); return; }
    const segment::Segmentation seg = tiers(*d);
    const std::int32_t lastDay = d->orders.size() ? *std::max_element(d->orders.day.begin(), d->orders.day.end()) : 0;
    segment::MetricsOptions options;
    options.asOf = core::Date{lastDay + 1};
    for (auto _ : state) {
        const segment::Selection sel = segment::select(*d, {});
        benchmark::DoNotOptimize(segment::salesBySegment(*d, sel, seg));
        benchmark::DoNotOptimize(segment::salesTrend(*d, sel, seg));
        benchmark::DoNotOptimize(segment::retentionBySegment(*d, sel, seg, options));
        benchmark::DoNotOptimize(segment::cohortRetention(*d, sel, seg, options));
        benchmark::DoNotOptimize(segment::engagementBySegment(*d, sel, seg));
        benchmark::DoNotOptimize(segment::marketingRoi(*d, sel, seg, options));
        benchmark::DoNotOptimize(segment::productMix(*d, sel, seg));
        benchmark::DoNotOptimize(segment::crossSellCategories(*d, sel, seg, 2, 0.2));
        benchmark::DoNotOptimize(segment::headlineKpis(*d, sel, options));
    }
    state.counters["customers"] = static_cast<double>(d->customers.size());
}
BENCHMARK(BM_AllMetrics)->Unit(benchmark::kMillisecond);

} // namespace
} // namespace segdash::bench
