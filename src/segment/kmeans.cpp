#include "segment/kmeans.h"

#include <string>

namespace segdash::segment {

namespace {

double meanColumnVariance(const DataView &data) {
    double total = 0;
    for (std::size_t c = 0; c < data.cols; ++c) {
        double sum = 0, sq = 0;
        for (std::size_t r = 0; r < data.rows; ++r) {
            const double v = data.data[r * data.cols + c];
            sum += v;
            sq += v * v;
        }
        const double mean = sum / static_cast<double>(data.rows);
        total += sq / static_cast<double>(data.rows) - mean * mean;
    }
    return total / static_cast<double>(data.cols);
}

double squaredShift(const std::vector<double> &a, const std::vector<double> &b) {
    double s = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        s += (a[i] - b[i]) * (a[i] - b[i]);
    return s;
}

struct RunContext {
    const DataView &data;
    const KMeansOptions &options;
    const KMeansSteps &steps;
    const core::ProgressFn &progress;
    double threshold;
    std::int64_t done = 0;
    std::int64_t total = 0;
};

core::Result<KMeansResult> singleRun(RunContext &ctx, std::mt19937_64 &rng) {
    const int k = ctx.options.k;
    KMeansResult run;
    run.k = k;
    run.cols = ctx.data.cols;
    run.centres = ctx.steps.init(ctx.data, k, rng);
    std::vector<double> dist2;
    for (int it = 0; it < ctx.options.maxIterations; ++it) {
        if (!core::reportProgress(ctx.progress, ctx.done++, ctx.total))
            return core::Status::error("cancelled");
        ctx.steps.assign(ctx.data, run.centres, k, run.labels, dist2, ctx.options.threads);
        const auto previous = run.centres;
        auto empty = ctx.steps.update(ctx.data, run.labels, k, run.centres);
        if (!empty.empty()) {
            run.emptyClusterReseeds += reseedEmptyClusters(ctx.data, empty, k, run.centres, run.labels, dist2);
            ctx.steps.update(ctx.data, run.labels, k, run.centres);
        }
        run.iterations = it + 1;
        if (empty.empty() && squaredShift(previous, run.centres) <= ctx.threshold) {
            run.converged = true;
            break;
        }
    }
    // Final labels and inertia belong to the final centres.
    run.inertia = ctx.steps.assign(ctx.data, run.centres, k, run.labels, dist2, ctx.options.threads);
    run.sizes.assign(static_cast<std::size_t>(k), 0);
    for (int l : run.labels)
        ++run.sizes[static_cast<std::size_t>(l)];
    return run;
}

} // namespace

core::Result<KMeansResult> runKMeans(const DataView &data, const KMeansOptions &options,
                                     const core::ProgressFn &progress, const KMeansSteps &steps) {
    if (data.rows == 0 || data.cols == 0 || data.data == nullptr)
        return core::Status::error("k-means needs a non-empty feature matrix");
    if (options.k < 1 || static_cast<std::size_t>(options.k) > data.rows)
        return core::Status::error("k must be between 1 and the number of customers (" +
                                   std::to_string(data.rows) + "), got " + std::to_string(options.k));
    if (options.nInit < 1 || options.maxIterations < 1 || !(options.tolerance >= 0))
        return core::Status::error("n_init and max iterations must be >= 1 and tolerance >= 0");
    RunContext ctx{data, options, steps, progress, options.tolerance * meanColumnVariance(data)};
    ctx.total = static_cast<std::int64_t>(options.nInit) * options.maxIterations;
    std::mt19937_64 rng(options.seed);
    KMeansResult best;
    for (int run = 0; run < options.nInit; ++run) {
        auto result = singleRun(ctx, rng);
        if (!result)
            return result.status();
        if (run == 0 || result->inertia < best.inertia)
            best = std::move(*result);
        ctx.done = static_cast<std::int64_t>(run + 1) * options.maxIterations;
    }
    if (!core::reportProgress(progress, ctx.total, ctx.total))
        return core::Status::error("cancelled");
    return best;
}

} // namespace segdash::segment
