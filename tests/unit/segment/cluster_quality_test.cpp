// Silhouette, adjusted Rand index and the choice of k.
#include <gtest/gtest.h>

#include <random>

#include "segment/cluster_quality.h"
#include "segment/k_selection.h"
#include "segment/random.h"

using namespace segdash::segment;

TEST(Silhouette, FourPointsByHand) {
    // 0 1 | 4 5 on a line. Point 0: a = 1, b = (4+5)/2 = 4.5, s = 3.5/4.5 = 7/9.
    // Point 1: a = 1, b = (3+4)/2 = 3.5, s = 2.5/3.5 = 5/7; 4 and 5 mirror them.
    // Mean = (7/9 + 5/7) / 2 = 47/63.
    const std::vector<double> x{0, 1, 4, 5};
    auto s = silhouetteScore(DataView{x.data(), 4, 1}, {0, 0, 1, 1}, 2);
    ASSERT_TRUE(s) << s.message();
    EXPECT_NEAR(*s, 47.0 / 63.0, 1e-12);
}

TEST(Silhouette, SingletonScoresZeroAndOneClusterIsAnError) {
    // 0 1 | 10: points 0, 1: a = 1, b = 10 and 9 -> 0.9 and 8/9; the singleton scores 0.
    const std::vector<double> x{0, 1, 10};
    auto s = silhouetteScore(DataView{x.data(), 3, 1}, {0, 0, 1}, 2);
    ASSERT_TRUE(s);
    EXPECT_NEAR(*s, (0.9 + 8.0 / 9.0) / 3, 1e-12);
    EXPECT_FALSE(silhouetteScore(DataView{x.data(), 3, 1}, {0, 0, 0}, 2));
}

TEST(Silhouette, SampleIsExactBelowTheSampleSizeAndRepeatable) {
    std::mt19937_64 rng(1);
    std::vector<double> x(400);
    std::vector<int> labels(400);
    for (std::size_t i = 0; i < 400; ++i) {
        labels[i] = i < 200 ? 0 : 1;
        x[i] = (i < 200 ? 0.0 : 3.0) + uniformDouble(rng);
    }
    DataView v{x.data(), 400, 1};
    auto exact = silhouetteScore(v, labels, 2);
    auto same = silhouetteSampled(v, labels, 2, 5000, 9);
    ASSERT_TRUE(exact && same);
    EXPECT_EQ(*exact, *same);
    auto s1 = silhouetteSampled(v, labels, 2, 100, 9);
    auto s2 = silhouetteSampled(v, labels, 2, 100, 9);
    ASSERT_TRUE(s1 && s2);
    EXPECT_EQ(*s1, *s2);
    EXPECT_NEAR(*s1, *exact, 0.05);
}

TEST(AdjustedRand, IdenticalPermutedAndIndependent) {
    EXPECT_DOUBLE_EQ(*adjustedRandIndex({0, 0, 1, 1, 2}, {0, 0, 1, 1, 2}), 1.0);
    EXPECT_DOUBLE_EQ(*adjustedRandIndex({0, 0, 1, 1, 2}, {7, 7, 3, 3, 5}), 1.0);
    // [0 0 1 1] vs [0 1 0 1]: every cell holds 1, index = 0; row and column pair sums 2 and 2;
    // expected = 2 * 2 / C(4,2) = 2/3, max = 2 -> ARI = (0 - 2/3) / (2 - 2/3) = -0.5.
    EXPECT_DOUBLE_EQ(*adjustedRandIndex({0, 0, 1, 1}, {0, 1, 0, 1}), -0.5);
    // [0 0 0 1 1 1] vs [0 0 1 1 2 2]: cells 2 1 / 1 2 -> index 2; rows 3 3 -> 6; columns
    // 2 2 2 -> 3; expected 6 * 3 / 15 = 1.2; max 4.5 -> ARI = 0.8 / 3.3 = 8/33.
    EXPECT_NEAR(*adjustedRandIndex({0, 0, 0, 1, 1, 1}, {0, 0, 1, 1, 2, 2}), 8.0 / 33.0, 1e-12);
    EXPECT_FALSE(adjustedRandIndex({0, 1}, {0}));
}

TEST(KSelection, SuggestsTheStableKWithTheBestSilhouette) {
    KSelection sel;
    sel.candidates = {{2, 100, 0, 0.50, 0.99}, {3, 60, 0.4, 0.70, 0.50}, {4, 40, 1.0 / 3, 0.60, 0.90}};
    suggestK(sel, 0.8);
    EXPECT_EQ(sel.suggestedK, 4);
    EXPECT_EQ(sel.reason, "k = 4: highest silhouette (0.600) among stable solutions (mean ARI across seeds 0.90); "
                          "inertia falls 33% from k = 3");
    // Nothing stable: highest silhouette overall, said so.
    for (auto &c : sel.candidates)
        c.stability = 0.3;
    suggestK(sel, 0.8);
    EXPECT_EQ(sel.suggestedK, 3);
    EXPECT_NE(sel.reason.find("no k was stable"), std::string::npos);
}

TEST(KSelection, FindsThreeBlobs) {
    std::mt19937_64 rng(21);
    const double centres[3][2] = {{0, 0}, {6, 0}, {0, 6}};
    std::vector<double> x;
    for (const auto &c : centres)
        for (int i = 0; i < 60; ++i) {
            x.push_back(c[0] + uniformDouble(rng) - 0.5);
            x.push_back(c[1] + uniformDouble(rng) - 0.5);
        }
    KSelectionOptions o;
    o.kMax = 6;
    auto sel = chooseK(DataView{x.data(), 180, 2}, o);
    ASSERT_TRUE(sel) << sel.message();
    EXPECT_EQ(sel->suggestedK, 3) << sel->reason;
    ASSERT_EQ(sel->candidates.size(), 5u);
    EXPECT_NEAR(sel->candidates[1].stability, 1.0, 1e-12);
    EXPECT_EQ(sel->rowsEvaluated, 180u);
}

TEST(KSelection, CancelInsideAK) {
    std::vector<double> x(200);
    for (std::size_t i = 0; i < x.size(); ++i)
        x[i] = static_cast<double>(i % 7);
    int calls = 0;
    auto sel = chooseK(DataView{x.data(), 100, 2}, KSelectionOptions{}, [&](std::int64_t, std::int64_t) {
        return ++calls < 4; // the first call is before k = 2, later ones come from its k-means runs
    });
    ASSERT_FALSE(sel);
    EXPECT_EQ(sel.message(), "cancelled");
    EXPECT_EQ(calls, 4);
}

TEST(KSelection, RejectsTooFewRowsOrBadRange) {
    std::vector<double> x(10, 1.0);
    EXPECT_FALSE(chooseK(DataView{x.data(), 5, 2}, KSelectionOptions{}));
    KSelectionOptions o;
    o.kMin = 1;
    EXPECT_FALSE(chooseK(DataView{x.data(), 5, 2}, o));
}
