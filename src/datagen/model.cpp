#include "datagen/model.h"

#include <algorithm>

namespace segdash::datagen {
namespace {

constexpr double kDaysPerYear = 365.25;

// name, share, lambda mean/shape, lifetime years, mu shape, lines, qty, discount, return, cancel,
// open, click, visits, social, calls, meetings, opps, win, nps, survey
const std::vector<GroupProfile> kGroups{
    {"key_accounts", 0.05, 12.0, 6.0, 8.0, 3.0, 2.4, 6.0, 0.12, 0.03, 0.01,
     0.55, 0.30, 5.0, 1.0, 4.0, 1.5, 2.5, 0.70, 8.6, 0.12},
    {"loyal_regulars", 0.20, 6.0, 5.0, 6.0, 3.0, 2.0, 2.0, 0.03, 0.03, 0.01,
     0.45, 0.25, 3.0, 0.6, 0.8, 0.1, 0.6, 0.60, 8.3, 0.10},
    {"bargain_hunters", 0.20, 3.5, 4.0, 2.5, 3.0, 1.8, 3.0, 0.20, 0.09, 0.03,
     0.35, 0.40, 5.0, 0.4, 0.1, 0.0, 0.2, 0.35, 6.5, 0.08},
    {"occasional_buyers", 0.20, 1.5, 3.0, 4.0, 3.0, 1.5, 1.6, 0.05, 0.04, 0.02,
     0.22, 0.15, 1.5, 0.2, 0.2, 0.0, 0.15, 0.45, 7.4, 0.08},
    {"one_off_buyers", 0.20, 0.3, 2.0, 0.5, 3.0, 1.3, 1.3, 0.07, 0.06, 0.03,
     0.10, 0.10, 0.6, 0.05, 0.05, 0.0, 0.05, 0.30, 6.0, 0.08},
    {"lapsing_customers", 0.15, 4.0, 4.0, 0.8, 3.0, 1.7, 1.8, 0.06, 0.06, 0.03,
     0.30, 0.20, 2.5, 0.3, 0.3, 0.05, 0.3, 0.40, 4.5, 0.12},
};

} // namespace

const std::vector<GroupProfile> &groupProfiles() { return kGroups; }

int pickGroup(Rng &rng) {
    double shares[16];
    for (std::size_t i = 0; i < kGroups.size(); ++i) shares[i] = kGroups[i].share;
    return int(rng.weighted(std::span<const double>(shares, kGroups.size())));
}

void simulatePurchases(Rng &rng, const GroupProfile &group, double acquiredAt, double dataEnd, int horizonDays,
                       PurchaseHistory &out) {
    out.lambdaPerYear = rng.gamma(group.lambdaShape, group.lambdaMean / group.lambdaShape);
    const double muMean = 1.0 / group.lifetimeYears;
    out.muPerYear = rng.gamma(group.muShape, muMean / group.muShape);
    out.acquiredAt = acquiredAt;
    out.dropoutAt = acquiredAt + rng.exponential(out.muPerYear) * kDaysPerYear;
    out.purchases.clear();
    out.futurePurchases = 0;
    const double horizonEnd = dataEnd + horizonDays;
    const double stop = std::min(out.dropoutAt, horizonEnd);
    const double ratePerDay = std::max(out.lambdaPerYear / kDaysPerYear, 1e-9);
    for (double t = acquiredAt; t < stop; t += rng.exponential(ratePerDay)) {
        if (t < dataEnd) out.purchases.push_back(t);
        else ++out.futurePurchases;
    }
}

} // namespace segdash::datagen
