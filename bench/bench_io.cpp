// The data path: generating a dataset, reading orders.csv with CsvReader, and importing
// it into a new SQLite store through planImport/runImport (what `segdash import` does).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>

#include "bench_data.h"
#include "datagen/generator.h"
#include "import/csv_reader.h"
#include "import/import_job.h"
#include "store/store.h"

namespace segdash::bench {
namespace {

std::string ordersFile(benchmark::State &state) {
    const std::string &dir = datasetDir();
    if (dir.empty()) state.SkipWithError(("generating the dataset failed: " + datasetError()).c_str());
    return dir.empty() ? std::string() : dir + "/orders.csv";
}

// Rows/s of the generator (all files), to set against the import's rate.
void BM_GenerateDataset(benchmark::State &state) {
    datagen::GeneratorOptions options;
    options.customers = state.range(0);
    options.seed = 11;
    std::int64_t orders = 0;
    for (auto _ : state) {
        options.outDir = scratchPath("generated");
        const auto summary = datagen::generateDataset(options, {});
        if (!summary.ok()) { state.SkipWithError(summary.message().c_str()); break; }
        orders = summary->orderRows;
        state.PauseTiming();
        std::filesystem::remove_all(options.outDir);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * orders);
    state.counters["orders"] = static_cast<double>(orders);
}
BENCHMARK(BM_GenerateDataset)->Arg(20000)->ArgName("customers")->Unit(benchmark::kMillisecond);

void BM_CsvReadOrders(benchmark::State &state) {
    const std::string path = ordersFile(state);
    if (path.empty()) return;
    std::int64_t rows = 0;
    std::int64_t bytes = 0;
    for (auto _ : state) {
        auto reader = import::CsvReader::openFile(path, {});
        if (!reader.ok()) { state.SkipWithError(reader.message().c_str()); break; }
        import::CsvRecord record;
        rows = 0;
        while ((*reader)->next(record)) ++rows;
        bytes = (*reader)->bytesConsumed();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * rows);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytes);
}
BENCHMARK(BM_CsvReadOrders)->Unit(benchmark::kMillisecond);

// Detection and planning alone (the first megabyte of the file).
void BM_PlanImport(benchmark::State &state) {
    const std::string path = ordersFile(state);
    if (path.empty()) return;
    for (auto _ : state) {
        auto plan = import::planImport(path, {});
        if (!plan.ok()) { state.SkipWithError(plan.message().c_str()); break; }
        benchmark::DoNotOptimize(plan->mapping);
    }
}
BENCHMARK(BM_PlanImport)->Unit(benchmark::kMillisecond);

// The whole import of orders.csv into a new store (validation, stub customers, indexes,
// per-customer aggregates), one transaction.
void BM_ImportOrders(benchmark::State &state) {
    const std::string path = ordersFile(state);
    if (path.empty()) return;
    std::int64_t rows = 0;
    for (auto _ : state) {
        state.PauseTiming();
        const std::string db = scratchPath("store") + ".sqlite";
        state.ResumeTiming();
        auto store = store::openStore(db, store::OpenMode::CreateIfMissing);
        if (!store.ok()) { state.SkipWithError(store.message().c_str()); break; }
        auto plan = import::planImport(path, {});
        if (!plan.ok()) { state.SkipWithError(plan.message().c_str()); break; }
        auto report = import::runImport(**store, *plan, {});
        if (!report.ok()) { state.SkipWithError(report.message().c_str()); break; }
        rows = report->rowsImported;
        state.PauseTiming();
        store->reset();
        for (const char *suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
        state.ResumeTiming();
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * rows);
    state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ImportOrders)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime()->UseRealTime();

} // namespace
} // namespace segdash::bench
