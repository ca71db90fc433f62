// Print-only timing of the k-means hot paths on 1M x 3 synthetic features:
// one memory read of the data, one Lloyd iteration at k = 8 (1 and 2 threads),
// and choosing k over 2..10 followed by the final fit. Not a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>

#include "segment/k_selection.h"
#include "segment/kmeans.h"
#include "segment/random.h"

using namespace segdash::segment;
using Clock = std::chrono::steady_clock;

// CPU time of the calling thread: less disturbed than wall time on a shared machine.
static double threadCpuMs() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

static double msSince(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

int main() {
    const std::size_t rows = 1000000, cols = 3;
    std::mt19937_64 rng(1);
    std::vector<double> data(rows * cols);
    for (std::size_t r = 0; r < rows; ++r) {
        const double shift = static_cast<double>(uniformIndex(rng, 5)) * 2.0;
        for (std::size_t c = 0; c < cols; ++c)
            data[r * cols + c] = shift * (c == r % cols ? 1.0 : 0.3) + uniformDouble(rng) + uniformDouble(rng);
    }
    DataView view{data.data(), rows, cols};

    // Minimum over repeats: the machine is shared, the minimum is the least disturbed run.
    auto t = Clock::now();
    double sum = 0, readMs = 1e300;
    for (int rep = 0; rep < 20; ++rep) {
        t = Clock::now();
        for (double v : data)
            sum += v;
        readMs = std::min(readMs, msSince(t));
    }
    std::printf("read 1M x 3 once: %.2f ms (checksum %.1f)\n", readMs, sum);

    std::vector<double> centres(8 * cols);
    for (double &v : centres)
        v = uniformDouble(rng) * 8;
    std::vector<int> labels;
    std::vector<double> dist2;
    for (int threads : {1, 2}) {
        std::vector<double> c = centres;
        assignNearest(view, c, 8, labels, dist2, threads); // warm-up
        const int reps = 20;
        double assignMs = 1e300, updateMs = 1e300, assignCpuMs = 1e300;
        for (int rep = 0; rep < reps; ++rep) {
            t = Clock::now();
            const double cpu = threadCpuMs();
            assignNearest(view, c, 8, labels, dist2, threads);
            assignMs = std::min(assignMs, msSince(t));
            assignCpuMs = std::min(assignCpuMs, threadCpuMs() - cpu);
            t = Clock::now();
            updateMeans(view, labels, 8, c);
            updateMs = std::min(updateMs, msSince(t));
        }
        std::printf("Lloyd iteration k=8, assign with %d thread(s): assign %.2f ms (main-thread CPU %.2f ms) + "
                    "update %.2f ms = %.2f ms (%.1fx the read)\n", threads, assignMs, assignCpuMs, updateMs,
                    assignMs + updateMs, (assignMs + updateMs) / readMs);
    }

    t = Clock::now();
    KSelectionOptions o;
    auto sel = chooseK(view, o);
    const double chooseMs = msSince(t);
    if (!sel) {
        std::printf("chooseK failed: %s\n", sel.message().c_str());
        return 1;
    }
    std::printf("choose k over 2..10 (evaluated on %zu rows): %.0f ms -> %s\n", sel->rowsEvaluated, chooseMs,
                sel->reason.c_str());
    for (const auto &c : sel->candidates)
        std::printf("  k=%d inertia=%.1f silhouette=%.3f stability=%.2f\n", c.k, c.inertia, c.silhouette,
                    c.stability);
    t = Clock::now();
    KMeansOptions km;
    km.k = sel->suggestedK;
    auto fit = runKMeans(view, km);
    std::printf("final fit k=%d on 1M rows (n_init %d): %.0f ms, %d iterations; total %.0f ms\n", km.k, km.nInit,
                msSince(t), fit ? fit->iterations : -1, chooseMs + msSince(t));
    return 0;
}
