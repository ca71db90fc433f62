#pragma once
// The hidden purchase process of one customer ("buy while alive, then drop out",
// Pareto/NBD): a first purchase at acquisition, then a Poisson process with rate
// lambda until an exponential dropout time. Simulated past the end of the data so
// the ground truth can count the purchases of the horizon with the same process.
#include <vector>

#include "datagen/generator.h"
#include "datagen/random.h"

namespace segdash::datagen {

/// Times are in days since 1970 (fractional: a purchase happens at a moment).
struct PurchaseHistory {
    double lambdaPerYear = 0;
    double muPerYear = 0;
    double acquiredAt = 0;
    double dropoutAt = 0;
    std::vector<double> purchases; // inside [acquiredAt, min(dropoutAt, dataEnd))
    int futurePurchases = 0;       // inside [dataEnd, dataEnd + horizon)
};

// `dataEnd` is exclusive (first day without data).
void simulatePurchases(Rng &rng, const GroupProfile &group, double acquiredAt, double dataEnd, int horizonDays,
                       PurchaseHistory &out);

// Picks a group by its share.
int pickGroup(Rng &rng);

} // namespace segdash::datagen
