#include "segment/r_quantile.h"

#include <cmath>
#include <cstddef>

namespace segdash::segment {

std::vector<double> rSeqProbs(int bins) {
    std::vector<double> probs;
    if (bins < 1)
        return probs;
    const double by = 1.0 / bins;
    probs.push_back(0.0);
    for (int k = 1; k < bins; ++k)
        probs.push_back(k * by);
    probs.push_back(1.0);
    return probs;
}

double rQuantileType7(const std::vector<double> &sorted, double p) {
    const auto n = sorted.size();
    const double index = 1.0 + static_cast<double>(n - 1) * p;
    const double lo = std::floor(index);
    const double hi = std::ceil(index);
    const double xlo = sorted[static_cast<std::size_t>(lo) - 1];
    const double xhi = sorted[static_cast<std::size_t>(hi) - 1];
    if (!(index > lo) || xhi == xlo)
        return xlo;
    const double h = index - lo;
    return (1.0 - h) * xlo + h * xhi;
}

} // namespace segdash::segment
