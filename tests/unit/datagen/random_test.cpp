#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "datagen/random.h"

namespace segdash::datagen {
namespace {

struct Moments {
    double mean = 0, variance = 0;
};

template <typename Draw>
Moments moments(int n, Draw draw) {
    double sum = 0, sum2 = 0;
    for (int i = 0; i < n; ++i) {
        const double x = draw();
        sum += x;
        sum2 += x * x;
    }
    const double mean = sum / n;
    return {mean, sum2 / n - mean * mean};
}

TEST(Rng, SameSeedSameSequenceAndPinnedValues) {
    Rng a(42), b(42), c(43);
    bool differs = false;
    for (int i = 0; i < 100; ++i) {
        const auto x = a.next();
        EXPECT_EQ(x, b.next());
        differs |= x != c.next();
    }
    EXPECT_TRUE(differs);
    // Pinned: files must stay byte-identical across compilers and library versions.
    Rng pinned(42);
    EXPECT_EQ(pinned.next(), 1546998764402558742ULL);
}

TEST(Rng, DerivedStreamsDiffer) {
    Rng a = Rng::derive(7, 1, 0), b = Rng::derive(7, 1, 1), c = Rng::derive(7, 2, 0), d = Rng::derive(7, 1, 0);
    const auto x = a.next();
    EXPECT_NE(x, b.next());
    EXPECT_NE(x, c.next());
    EXPECT_EQ(x, d.next());
}

TEST(Rng, UniformStaysInRangeWithMeanOneHalf) {
    Rng r(1);
    const auto m = moments(200000, [&] {
        const double u = r.uniform();
        EXPECT_TRUE(u >= 0.0 && u < 1.0);
        return u;
    });
    EXPECT_NEAR(m.mean, 0.5, 0.005);
    EXPECT_NEAR(m.variance, 1.0 / 12, 0.002);
}

TEST(Rng, ExponentialMeanIsOneOverRate) {
    Rng r(2);
    const auto m = moments(200000, [&] { return r.exponential(2.0); });
    EXPECT_NEAR(m.mean, 0.5, 0.005);
    EXPECT_NEAR(m.variance, 0.25, 0.01);
}

TEST(Rng, NormalHasGivenMeanAndSd) {
    Rng r(3);
    const auto m = moments(200000, [&] { return r.normal(10.0, 2.0); });
    EXPECT_NEAR(m.mean, 10.0, 0.03);
    EXPECT_NEAR(std::sqrt(m.variance), 2.0, 0.03);
}

TEST(Rng, GammaMeanAndVarianceMatchShapeAndScale) {
    Rng r(4);
    const auto big = moments(200000, [&] { return r.gamma(3.0, 2.0); }); // mean 6, variance 12
    EXPECT_NEAR(big.mean, 6.0, 0.06);
    EXPECT_NEAR(big.variance, 12.0, 0.3);
    const auto small = moments(200000, [&] { return r.gamma(0.5, 1.0); }); // mean 0.5, variance 0.5
    EXPECT_NEAR(small.mean, 0.5, 0.01);
    EXPECT_NEAR(small.variance, 0.5, 0.03);
}

TEST(Rng, PoissonMeanEqualsVariance) {
    Rng r(5);
    const auto m = moments(200000, [&] { return double(r.poisson(4.0)); });
    EXPECT_NEAR(m.mean, 4.0, 0.03);
    EXPECT_NEAR(m.variance, 4.0, 0.1);
    const auto large = moments(50000, [&] { return double(r.poisson(80.0)); });
    EXPECT_NEAR(large.mean, 80.0, 0.3);
    EXPECT_EQ(r.poisson(0.0), 0);
}

TEST(Rng, WeightedFollowsWeightsAndUniformIntCoversRange) {
    Rng r(6);
    const std::vector<double> w{1, 3, 0, 6};
    std::vector<int> counts(4);
    for (int i = 0; i < 100000; ++i) ++counts[r.weighted(w)];
    EXPECT_NEAR(counts[0] / 1e5, 0.1, 0.005);
    EXPECT_NEAR(counts[1] / 1e5, 0.3, 0.005);
    EXPECT_EQ(counts[2], 0);
    EXPECT_NEAR(counts[3] / 1e5, 0.6, 0.005);
    int lo = 100, hi = -100;
    for (int i = 0; i < 10000; ++i) {
        const int v = r.uniformInt(-2, 3);
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    EXPECT_EQ(lo, -2);
    EXPECT_EQ(hi, 3);
}

} // namespace
} // namespace segdash::datagen
