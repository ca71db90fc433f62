// k-means on tiny data with known optima, the swappable steps, empty clusters,
// determinism by seed and cancelling.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "segment/kmeans.h"
#include "segment/random.h"

using namespace segdash::segment;

namespace {

// Two unit squares 10 apart: the optimum for k = 2 has centres (0.5,0.5) and
// (10.5,10.5) and inertia 8 * (0.25 + 0.25) = 4.
const std::vector<double> kTwoSquares{0, 0, 0, 1, 1, 0, 1, 1, 10, 10, 10, 11, 11, 10, 11, 11};

DataView view(const std::vector<double> &v, std::size_t cols) { return DataView{v.data(), v.size() / cols, cols}; }

// Three blobs of 40 points (uniform noise of width 1 around (0,0), (8,0), (0,8)).
std::vector<double> threeBlobs(std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    const double centres[3][2] = {{0, 0}, {8, 0}, {0, 8}};
    std::vector<double> out;
    for (const auto &c : centres)
        for (int i = 0; i < 40; ++i) {
            out.push_back(c[0] + uniformDouble(rng) - 0.5);
            out.push_back(c[1] + uniformDouble(rng) - 0.5);
        }
    return out;
}

} // namespace

TEST(KMeans, TwoSeparatedSquaresReachTheOptimum) {
    KMeansOptions o;
    o.k = 2;
    auto res = runKMeans(view(kTwoSquares, 2), o);
    ASSERT_TRUE(res) << res.message();
    EXPECT_DOUBLE_EQ(res->inertia, 4.0);
    EXPECT_TRUE(res->converged);
    EXPECT_EQ(res->sizes, (std::vector<std::int64_t>{4, 4}));
    const int a = res->labels[0];
    for (int i = 0; i < 4; ++i) {
        EXPECT_EQ(res->labels[i], a);
        EXPECT_NE(res->labels[i + 4], a);
    }
    EXPECT_DOUBLE_EQ(res->centres[a * 2], 0.5);
    EXPECT_DOUBLE_EQ(res->centres[(1 - a) * 2 + 1], 10.5);
}

TEST(KMeans, PlusPlusPicksEveryDistinctPointWhenThereAreKOfThem) {
    // Rows A A B: after the first centre, D^2 sampling can only pick the other value.
    const std::vector<double> data{1, 1, 1, 1, 5, 5};
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        std::mt19937_64 rng(seed);
        auto c = initKMeansPlusPlus(view(data, 2), 2, rng);
        std::sort(c.begin(), c.end());
        EXPECT_EQ(c, (std::vector<double>{1, 1, 5, 5})) << "seed " << seed;
    }
}

TEST(KMeans, AssignmentMatchesBruteForce) {
    std::mt19937_64 rng(7);
    std::vector<double> data(3000 * 3), centres(5 * 3);
    for (double &v : data)
        v = uniformDouble(rng) * 10;
    for (double &v : centres)
        v = uniformDouble(rng) * 10;
    std::vector<int> labels;
    std::vector<double> dist2;
    const double inertia = assignNearest(view(data, 3), centres, 5, labels, dist2, 2);
    double expectInertia = 0;
    for (std::size_t r = 0; r < 3000; ++r) {
        double best = 1e300;
        for (int c = 0; c < 5; ++c) {
            double d = 0;
            for (int j = 0; j < 3; ++j)
                d += (data[r * 3 + j] - centres[c * 3 + j]) * (data[r * 3 + j] - centres[c * 3 + j]);
            best = std::min(best, d);
        }
        EXPECT_NEAR(dist2[r], best, 1e-9);
        expectInertia += best;
    }
    EXPECT_NEAR(inertia, expectInertia, 1e-6);
}

TEST(KMeans, InertiaFallsWithKOnBlobs) {
    const auto data = threeBlobs(3);
    double previous = 1e300;
    for (int k = 1; k <= 5; ++k) {
        KMeansOptions o;
        o.k = k;
        o.nInit = 5;
        auto res = runKMeans(view(data, 2), o);
        ASSERT_TRUE(res) << res.message();
        EXPECT_LE(res->inertia, previous) << "k = " << k;
        previous = res->inertia;
    }
}

TEST(KMeans, EmptyClusterIsReseededFromTheFarthestPoint) {
    // A custom initialisation puts the second centre far from every row, so it is
    // empty after the first assignment; (5,5) is farthest from centre (0,0) and moves.
    const std::vector<double> data{0, 0, 0, 1, 1, 0, 5, 5};
    KMeansSteps steps;
    steps.init = [](const DataView &, int, std::mt19937_64 &) { return std::vector<double>{0, 0, 100, 100}; };
    KMeansOptions o;
    o.k = 2;
    o.nInit = 1;
    auto res = runKMeans(view(data, 2), o, {}, steps);
    ASSERT_TRUE(res) << res.message();
    EXPECT_GE(res->emptyClusterReseeds, 1);
    EXPECT_EQ(res->labels, (std::vector<int>{0, 0, 0, 1}));
    EXPECT_DOUBLE_EQ(res->centres[2], 5.0);
    EXPECT_NEAR(res->centres[0], 1.0 / 3, 1e-12);
    // inertia: (1/3)^2*2 + ((1/3)^2 + (2/3)^2) * 2 = 2/9 + 10/9 = 4/3
    EXPECT_NEAR(res->inertia, 4.0 / 3, 1e-12);
}

TEST(KMeans, SameSeedSameResultAcrossThreadCounts) {
    // 5000 rows span several 1024-row blocks, so the threads really split the work;
    // partial sums are combined per fixed block, so results are bit-identical.
    std::mt19937_64 rng(11);
    std::vector<double> data(5000 * 3);
    for (double &v : data)
        v = uniformDouble(rng) * 10;
    KMeansOptions o;
    o.k = 4;
    o.seed = 1234;
    o.threads = 1;
    auto a = runKMeans(view(data, 3), o);
    o.threads = 2;
    auto b = runKMeans(view(data, 3), o);
    auto c = runKMeans(view(data, 3), o);
    o.seed = 99;
    auto d = runKMeans(view(data, 3), o);
    ASSERT_TRUE(a && b && c && d);
    EXPECT_EQ(a->labels, b->labels);
    EXPECT_EQ(a->centres, b->centres);
    EXPECT_EQ(a->inertia, b->inertia);
    EXPECT_EQ(b->labels, c->labels);
    EXPECT_NE(a->centres, d->centres); // another seed, another (local) optimum or order
}

TEST(KMeans, RandomRowsInitIsSwappable) {
    KMeansSteps steps;
    steps.init = initRandomRows;
    KMeansOptions o;
    o.k = 2;
    o.nInit = 10;
    auto res = runKMeans(view(kTwoSquares, 2), o, {}, steps);
    ASSERT_TRUE(res);
    EXPECT_DOUBLE_EQ(res->inertia, 4.0);
}

TEST(KMeans, CancelledThroughProgress) {
    const auto data = threeBlobs(5);
    KMeansOptions o;
    o.k = 3;
    int calls = 0;
    auto res = runKMeans(view(data, 2), o, [&](std::int64_t, std::int64_t) { return ++calls < 3; });
    ASSERT_FALSE(res);
    EXPECT_EQ(res.message(), "cancelled");
}

TEST(KMeans, RejectsBadK) {
    KMeansOptions o;
    o.k = 9;
    auto res = runKMeans(view(kTwoSquares, 2), o);
    ASSERT_FALSE(res);
    EXPECT_NE(res.message().find("k must be between 1 and the number of customers (8)"), std::string::npos);
}
