// Cluster profiles and names over chosen features (feature_fixture.h data); the
// arithmetic is in the comments.
#include <cmath>

#include "feature_fixture.h"
#include "segment/cluster_profile.h"

using namespace segdash;
using segdash::test::FeatureData;

namespace {

TEST(FeatureNaming, RfmWordsMatchNameFromProfile) {
    const std::vector<std::string> rfm = {"recency", "frequency", "monetary"};
    const double cases[][4] = {{0.6, -0.6, 0, 2.0}, {-0.6, 0.7, 0.9, 5}, {0, -1, -1, 1.0}, {0.5, 0.5, -0.5, 1.2}};
    for (const auto &c : cases)
        EXPECT_EQ(segment::nameFromFeatures(rfm, {c[0], c[1], c[2]}, c[3]),
                  segment::nameFromProfile(c[0], c[1], c[2], c[3]));
    EXPECT_EQ(segment::nameFromFeatures(rfm, {0.6, -0.6, 0}, 2.0), "lapsed, infrequent, mid value");
}

TEST(FeatureNaming, OtherFeaturesSpeakOnlyBeyondTheThreshold) {
    EXPECT_EQ(segment::nameFromFeatures({"aov", "tenure", "margin", "orders_last_90_days", "engagement",
                                         "avg_quarterly_order_value"},
                                        {0.6, -0.6, 0.6, -0.6, 0.6, 0.2}, 0),
              "large orders, new, high margin, quiet lately, engaged");
    EXPECT_EQ(segment::nameFromFeatures({"aov", "tenure", "margin", "orders_last_90_days", "engagement",
                                         "avg_quarterly_order_value"},
                                        {-0.6, 0.6, -0.6, 0.6, -0.6, -0.7}, 0),
              "small orders, long-standing, low margin, active lately, unengaged, low quarterly value");
    EXPECT_EQ(segment::nameFromFeatures({"recency", "aov"}, {0.0, 0.1}, 0), "cooling");
    EXPECT_EQ(segment::nameFromFeatures({"aov", "engagement"}, {0.5, -0.5}, 0), "average"); // strict threshold
}

// frequency 2, 1, 1 (z sqrt(2), -1/sqrt(2), -1/sqrt(2)); engagement 5, 1, 0: mean 2,
// variance (9 + 1 + 4) / 3 = 14/3. Clusters {row 0}, {rows 1, 2}:
//  0: frequency z sqrt(2), engagement (5 - 2) / sqrt(14/3) = 1.389 -> "frequent, engaged"
//  1: frequency z -1/sqrt(2); engagement mean 0.5 -> (0.5 - 2) / sqrt(14/3) = -0.694;
//     mean frequency 1 < 1.5 -> "one-off, unengaged"
TEST_F(FeatureData, ProfilesInOriginalUnitsAndZScores) {
    const auto f = build({"frequency", "engagement"}, false, true);
    auto p = segment::profileFeatureClusters(f, {0, 1, 1}, 2);
    ASSERT_TRUE(p.ok()) << p.message();
    ASSERT_EQ(p->size(), 2u);
    const double sd = std::sqrt(14.0 / 3);
    const auto &a = (*p)[0];
    const auto &b = (*p)[1];
    EXPECT_EQ(a.size, 1);
    EXPECT_EQ(b.size, 2);
    EXPECT_NEAR(a.share, 1.0 / 3, 1e-12);
    EXPECT_EQ(a.meanOriginal, (std::vector<double>{2, 5}));
    EXPECT_EQ(b.meanOriginal, (std::vector<double>{1, 0.5}));
    EXPECT_NEAR(a.meanZ[0], std::sqrt(2.0), 1e-12);
    EXPECT_NEAR(a.meanZ[1], 3 / sd, 1e-12);
    EXPECT_NEAR(b.meanZ[0], -1 / std::sqrt(2.0), 1e-12);
    EXPECT_NEAR(b.meanZ[1], -1.5 / sd, 1e-12);
    EXPECT_EQ(a.name, "frequent, engaged");
    EXPECT_EQ(b.name, "one-off, unengaged");
}

// The profile z-scores come from the column mean and sd, so they are the same whether
// or not the matrix itself was standardised.
TEST_F(FeatureData, ProfileZScoresDoNotDependOnStandardising) {
    const std::vector<std::string> names = {"recency", "monetary", "engagement"};
    for (const bool log : {false, true}) {
        const auto z = build(names, log, true);
        const auto plain = build(names, log, false);
        auto pz = segment::profileFeatureClusters(z, {1, 0, 1}, 2);
        auto pp = segment::profileFeatureClusters(plain, {1, 0, 1}, 2);
        ASSERT_TRUE(pz.ok() && pp.ok());
        for (std::size_t c = 0; c < 2; ++c)
            for (std::size_t j = 0; j < names.size(); ++j) {
                EXPECT_NEAR((*pz)[c].meanZ[j], (*pp)[c].meanZ[j], 1e-12);
                // With z-scores on, the profile is the mean of the cluster's matrix rows.
                double sum = 0;
                for (std::size_t r : c == 0 ? std::vector<std::size_t>{1} : std::vector<std::size_t>{0, 2})
                    sum += z.matrix.at(r, j);
                EXPECT_NEAR((*pz)[c].meanZ[j], sum / (c == 0 ? 1 : 2), 1e-12);
            }
    }
}

// recency 30, 181, 10: mean 73.67, sd 76.33 -> z -0.57, 1.41, -0.83: "recent",
// "lapsed", "recent" again -> " #2"; a fourth cluster gets no row -> "empty".
TEST_F(FeatureData, RepeatedNamesAreNumberedAndEmptyClustersNamed) {
    const auto f = build({"recency"}, false, true);
    auto p = segment::profileFeatureClusters(f, {0, 1, 2}, 4);
    ASSERT_TRUE(p.ok()) << p.message();
    EXPECT_EQ((*p)[0].name, "recent");
    EXPECT_EQ((*p)[1].name, "lapsed");
    EXPECT_EQ((*p)[2].name, "recent #2");
    EXPECT_EQ((*p)[3].name, "empty");
    EXPECT_EQ((*p)[3].size, 0);
    EXPECT_EQ((*p)[3].meanZ, std::vector<double>{0.0});
}

TEST_F(FeatureData, BadLabelsAreErrors) {
    const auto f = build({"recency"}, false, true);
    EXPECT_FALSE(segment::profileFeatureClusters(f, {0, 1}, 2).ok());    // one label short
    EXPECT_FALSE(segment::profileFeatureClusters(f, {0, 1, 2}, 2).ok()); // label 2 with k = 2
    EXPECT_FALSE(segment::profileFeatureClusters(f, {0, 0, -1}, 2).ok());
}

} // namespace
