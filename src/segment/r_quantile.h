#pragma once
// R's default quantile (type 7) and seq(0, 1, length.out = n + 1), reproduced with the
// same floating-point operations as R so that breaks match R bit for bit.
#include <vector>

namespace segdash::segment {

// seq(0, 1, length.out = bins + 1) as R computes it: k * (1 / bins), last exactly 1.
std::vector<double> rSeqProbs(int bins);

// quantile(x, p, type = 7) for an ascending sorted, non-empty x:
// index = 1 + (n - 1) p, lo = floor, hi = ceiling, h = index - lo, and
// (1 - h) x[lo] + h x[hi] only when index > lo and x[hi] != x[lo] (else x[lo]).
double rQuantileType7(const std::vector<double> &sorted, double p);

} // namespace segdash::segment
