#pragma once
// Choosing k: inertia (elbow), silhouette and stability across seeds for each k in a
// range, and a suggested k with a reason a person can read.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/progress.h"
#include "core/status.h"
#include "segment/kmeans.h"

namespace segdash::segment {

/// Options of chooseK(). Above fitSampleSize rows, k is evaluated on a fixed-seed
/// sample of that many rows (the final model is then fitted on all rows by the caller).
struct KSelectionOptions {
    int kMin = 2;
    int kMax = 10;
    int nInit = 3;
    int maxIterations = 100;
    double tolerance = 1e-4;
    std::uint64_t seed = 42;
    int threads = 2;
    std::size_t fitSampleSize = 50000;
    std::size_t silhouetteSampleSize = 5000;
    int stabilityRuns = 2;        // extra single runs with other seeds, compared by ARI
    double minStability = 0.8;    // mean ARI below this marks k as unstable
};

/// The measures of one k (inertia on the rows evaluated).
struct KCandidate {
    int k = 0;
    double inertia = 0;
    double inertiaDrop = 0; // relative drop from k - 1 (0 for the first k)
    double silhouette = 0;
    double stability = 0;   // mean ARI against the best run
};

/// All candidates and the suggestion.
struct KSelection {
    std::vector<KCandidate> candidates;
    int suggestedK = 0;
    std::string reason;
    std::size_t rowsEvaluated = 0;
};

// Suggests the stable k (stability >= minStability) with the highest silhouette, the
// smaller k on a tie within 0.005; if none is stable, the highest silhouette overall.
core::Result<KSelection> chooseK(const DataView &data, const KSelectionOptions &options,
                                 const core::ProgressFn &progress = {});

// The rule above applied to given candidates (kept apart so it can be tested alone).
void suggestK(KSelection &selection, double minStability);

} // namespace segdash::segment
