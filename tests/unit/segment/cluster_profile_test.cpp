// Feature transforms, cluster profiles, automatic names and the cross-table.
#include <gtest/gtest.h>

#include <cmath>

#include "segment/cluster_profile.h"

using namespace segdash;
using namespace segdash::segment;

namespace {

RfmInput in(core::Id id, int recency, std::int64_t frequency, double money) {
    return {id, recency, frequency, core::Money::fromDouble(money)};
}

} // namespace

TEST(Features, Log1pClipsNegativesThenZScores) {
    const std::vector<RfmInput> inputs{in(1, 0, 1, -10), in(2, 2, 1, std::exp(1.0) - 1)};
    FeatureOptions raw;
    raw.zScore = false;
    auto m = buildRfmFeatures(inputs, raw);
    ASSERT_TRUE(m) << m.message();
    EXPECT_EQ(m->at(0, 2), 0.0); // -10 clipped to 0, log1p(0) = 0
    EXPECT_NEAR(m->at(1, 2), 1.0, 1e-4);
    EXPECT_NEAR(m->at(1, 0), std::log(3.0), 1e-12);
    // z-scores of two distinct values are -1 and +1; a constant column becomes 0.
    auto z = buildRfmFeatures(inputs);
    ASSERT_TRUE(z);
    EXPECT_NEAR(z->at(0, 0), -1.0, 1e-12);
    EXPECT_NEAR(z->at(1, 0), 1.0, 1e-12);
    EXPECT_EQ(z->at(0, 1), 0.0);
    EXPECT_NEAR(z->mean[0], std::log(3.0) / 2, 1e-12);
}

TEST(Features, PlainZScoreOfThreeValues) {
    // 1 2 3: mean 2, population sd sqrt(2/3) -> z = -1.2247.., 0, 1.2247..
    FeatureOptions o;
    o.logRecency = o.logFrequency = o.logMonetary = false;
    auto m = buildRfmFeatures({in(1, 1, 1, 1), in(2, 2, 2, 2), in(3, 3, 3, 3)}, o);
    ASSERT_TRUE(m);
    EXPECT_NEAR(m->at(0, 1), -std::sqrt(1.5), 1e-12);
    EXPECT_NEAR(m->at(1, 1), 0.0, 1e-12);
    EXPECT_NEAR(m->scale[1], std::sqrt(2.0 / 3.0), 1e-12);
}

TEST(ClusterNames, FromZScoreSignAndSize) {
    EXPECT_EQ(nameFromProfile(-1.0, 1.2, 0.9, 6), "recent, frequent, high value");
    EXPECT_EQ(nameFromProfile(1.1, -0.8, -0.7, 1.0), "lapsed, one-off, low value");
    EXPECT_EQ(nameFromProfile(1.1, -0.8, 0.1, 2.0), "lapsed, infrequent, mid value");
    EXPECT_EQ(nameFromProfile(0.2, 0.4, -0.4, 3), "cooling, occasional, mid value");
}

TEST(ClusterProfiles, MeansInOriginalUnitsAndCrossTable) {
    const std::vector<RfmInput> inputs{in(1, 5, 10, 1000), in(2, 15, 8, 800), in(3, 300, 1, 20), in(4, 400, 1, 10)};
    auto features = buildRfmFeatures(inputs);
    ASSERT_TRUE(features);
    const std::vector<int> labels{0, 0, 1, 1};
    auto profiles = profileClusters(inputs, *features, labels, 2);
    ASSERT_TRUE(profiles) << profiles.message();
    const auto &p0 = (*profiles)[0];
    EXPECT_EQ(p0.size, 2);
    EXPECT_DOUBLE_EQ(p0.share, 0.5);
    EXPECT_DOUBLE_EQ(p0.meanRecencyDays, 10);
    EXPECT_DOUBLE_EQ(p0.meanFrequency, 9);
    EXPECT_DOUBLE_EQ(p0.meanMonetary, 900);
    EXPECT_EQ(p0.name, "recent, frequent, high value");
    EXPECT_EQ((*profiles)[1].name, "lapsed, one-off, low value");
    EXPECT_NEAR(p0.meanZ[0] + (*profiles)[1].meanZ[0], 0.0, 1e-12); // z-scores average to 0

    SegmentAssignment seg;
    seg.segmentNames = {"Champions", "Lost", "Others"};
    seg.segmentOfCustomer = {0, 2, 1, 1};
    auto table = crossTabulate(*profiles, labels, seg);
    ASSERT_TRUE(table);
    EXPECT_EQ(table->at(0, 0), 1);
    EXPECT_EQ(table->at(0, 2), 1);
    EXPECT_EQ(table->at(1, 1), 2);
    EXPECT_EQ(table->at(1, 0), 0);
    EXPECT_EQ(table->rowNames[1], "lapsed, one-off, low value");
}

TEST(ClusterProfiles, RepeatedNamesAreNumbered) {
    const std::vector<RfmInput> inputs{in(1, 5, 1, 10), in(2, 5, 1, 10), in(3, 5, 1, 10)};
    auto features = buildRfmFeatures(inputs);
    ASSERT_TRUE(features);
    auto profiles = profileClusters(inputs, *features, {0, 1, 1}, 2);
    ASSERT_TRUE(profiles);
    EXPECT_EQ((*profiles)[0].name, "cooling, occasional, mid value");
    EXPECT_EQ((*profiles)[1].name, "cooling, occasional, mid value #2");
}
