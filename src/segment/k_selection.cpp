#include "segment/k_selection.h"

#include <cstdio>

#include "segment/cluster_quality.h"

namespace segdash::segment {

namespace {

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

core::Result<KCandidate> evaluateK(const DataView &data, int k, const KSelectionOptions &o,
                                   const core::ProgressFn &progress) {
    KMeansOptions km;
    km.k = k;
    km.nInit = o.nInit;
    km.maxIterations = o.maxIterations;
    km.tolerance = o.tolerance;
    km.seed = o.seed;
    km.threads = o.threads;
    auto best = runKMeans(data, km, progress);
    if (!best)
        return best.status();
    KCandidate c;
    c.k = k;
    c.inertia = best->inertia;
    auto sil = silhouetteSampled(data, best->labels, k, o.silhouetteSampleSize, o.seed, o.threads);
    c.silhouette = sil ? *sil : 0.0;
    double ariSum = 0;
    for (int s = 0; s < o.stabilityRuns; ++s) {
        km.nInit = 1;
        km.seed = o.seed + 7919 * static_cast<std::uint64_t>(s + 1);
        auto other = runKMeans(data, km, progress);
        if (!other)
            return other.status();
        auto ari = adjustedRandIndex(best->labels, other->labels);
        ariSum += ari ? *ari : 0.0;
    }
    c.stability = o.stabilityRuns > 0 ? ariSum / o.stabilityRuns : 1.0;
    return c;
}

} // namespace

void suggestK(KSelection &selection, double minStability) {
    const KCandidate *best = nullptr;
    bool anyStable = false;
    for (const auto &c : selection.candidates)
        anyStable = anyStable || c.stability >= minStability;
    for (const auto &c : selection.candidates) {
        if (anyStable && c.stability < minStability)
            continue;
        if (!best || c.silhouette > best->silhouette + 0.005)
            best = &c;
    }
    if (!best)
        return;
    selection.suggestedK = best->k;
    selection.reason = "k = " + std::to_string(best->k) + ": highest silhouette (" + fixed(best->silhouette, 3) + ")";
    selection.reason += anyStable ? " among stable solutions (mean ARI across seeds " + fixed(best->stability, 2) + ")"
                                  : "; no k was stable across seeds (best mean ARI " + fixed(best->stability, 2) + ")";
    if (best->inertiaDrop > 0)
        selection.reason += "; inertia falls " + fixed(100 * best->inertiaDrop, 0) + "% from k = " +
                            std::to_string(best->k - 1);
}

core::Result<KSelection> chooseK(const DataView &data, const KSelectionOptions &options,
                                 const core::ProgressFn &progress) {
    if (options.kMin < 2 || options.kMax < options.kMin)
        return core::Status::error("the k range must start at 2 or more and not be empty");
    if (data.rows < static_cast<std::size_t>(options.kMax) + 1)
        return core::Status::error("too few customers (" + std::to_string(data.rows) + ") for k up to " +
                                   std::to_string(options.kMax));
    KSelection selection;
    std::vector<double> sample;
    DataView view = data;
    if (data.rows > options.fitSampleSize) {
        const auto rows = sampleRows(data.rows, options.fitSampleSize, options.seed);
        sample.resize(rows.size() * data.cols);
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (std::size_t c = 0; c < data.cols; ++c)
                sample[i * data.cols + c] = data.data[rows[i] * data.cols + c];
        view = DataView{sample.data(), rows.size(), data.cols};
    }
    selection.rowsEvaluated = view.rows;
    const std::int64_t total = options.kMax - options.kMin + 1;
    for (int k = options.kMin; k <= options.kMax; ++k) {
        const std::int64_t step = k - options.kMin;
        if (!core::reportProgress(progress, step, total))
            return core::Status::error("cancelled");
        // Inner k-means runs only pass the caller's cancel through; the count stays per k.
        auto inner = [&](std::int64_t, std::int64_t) { return core::reportProgress(progress, step, total); };
        auto c = evaluateK(view, k, options, inner);
        if (!c)
            return c.status();
        if (!selection.candidates.empty() && selection.candidates.back().inertia > 0)
            c->inertiaDrop = 1 - c->inertia / selection.candidates.back().inertia;
        selection.candidates.push_back(*c);
    }
    if (!core::reportProgress(progress, total, total))
        return core::Status::error("cancelled");
    suggestK(selection, options.minStability);
    return selection;
}

} // namespace segdash::segment
