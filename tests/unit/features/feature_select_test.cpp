// buildCustomerFeatures on the dataset of feature_fixture.h: every feature's value, the
// transforms and the errors; expected values worked out by hand in the comments.
#include <cmath>

#include "feature_fixture.h"
#include "segment/rules.h"

using namespace segdash;
using segdash::test::FeatureData;

namespace {

const std::vector<std::string> kAll = {"recency", "frequency", "monetary", "aov", "avg_quarterly_order_value",
                                       "tenure", "margin", "orders_last_90_days", "engagement"};

TEST(FeatureNames, ListAndLookUp) {
    EXPECT_EQ(segment::availableCustomerFeatures(), kAll);
    EXPECT_TRUE(segment::isCustomerFeature("aov"));
    EXPECT_FALSE(segment::isCustomerFeature("recency_days"));
    EXPECT_FALSE(segment::isCustomerFeature("log"));
}

// Row 0 (customer 0): recency 07-01 - 06-01 = 30; 2 sales; net 100 + 300 - 50 = 350;
// aov (100 + 300) / 2 = 200; quarters Q2..Q3 = 2 -> 350 / 2 = 175; tenure from
// 2024-07-01 = 365; margin 60 + 100 - 20 = 140; sales within 90 days: 06-01 (30) and
// 04-02 (exactly 90) = 2; engagement 5.
// Row 1 (customer 1): recency from 01-01 = 31+28+31+30+31+30 = 181; 1 sale; net
// 1000 - 1500 = -500; aov 1000; Q1..Q3 = 3 -> -500/3; tenure from the first sale = 181;
// no cost known -> margin 0; no sale within 90 days; engagement 1.
// Row 2 (customer 3): recency 10; 1 sale; 50; aov 50; Q2..Q3 -> 25; tenure 10; margin
// 50 - 50 = 0; 1 sale within 90 days; engagement 0. Customer 2 has no order: no row.
TEST_F(FeatureData, RawValuesOfEveryFeature) {
    const double expected[3][9] = {{30, 2, 350, 200, 175, 365, 140, 2, 5},
                                   {181, 1, -500, 1000, -500.0 / 3, 181, 0, 0, 1},
                                   {10, 1, 50, 50, 25, 10, 0, 1, 0}};
    const auto f = build(kAll, false, false);
    ASSERT_EQ(f.customers, (std::vector<std::int32_t>{0, 1, 3}));
    ASSERT_EQ(f.matrix.rows, 3u);
    ASSERT_EQ(f.matrix.cols, 9u);
    EXPECT_EQ(f.matrix.names, kAll);
    for (std::size_t r = 0; r < 3; ++r)
        for (std::size_t c = 0; c < 9; ++c) {
            EXPECT_NEAR(f.originalAt(r, c), expected[r][c], 1e-9) << kAll[c] << " row " << r;
            EXPECT_NEAR(f.matrix.at(r, c), expected[r][c], 1e-9) << kAll[c] << " row " << r;
        }
    EXPECT_NEAR(f.matrix.mean[0], 221.0 / 3, 1e-9); // (30 + 181 + 10) / 3
    EXPECT_EQ(f.matrix.scale, std::vector<double>(9, 1.0));
    EXPECT_FALSE(f.log);
}

TEST_F(FeatureData, OriginalValuesAreTheRuleMetrics) {
    const auto f = build({"recency", "frequency", "monetary", "aov", "tenure", "margin"}, true, true);
    const auto m = segment::ruleMetrics(data, kAsOf);
    for (std::size_t r = 0; r < f.matrix.rows; ++r) {
        const auto &x = m[static_cast<std::size_t>(f.customers[r])];
        const double want[] = {x.recencyDays, x.frequency, x.monetary, x.aov, x.tenureDays, x.margin};
        for (std::size_t c = 0; c < 6; ++c) EXPECT_DOUBLE_EQ(f.originalAt(r, c), want[c]);
    }
}

// log1p after clipping negatives: monetary -500 -> log1p(0) = 0; the original stays -500.
TEST_F(FeatureData, LogClipsNegativesToZero) {
    const auto f = build({"monetary", "engagement"}, true, false);
    EXPECT_TRUE(f.log);
    EXPECT_DOUBLE_EQ(f.matrix.at(0, 0), std::log1p(350.0));
    EXPECT_DOUBLE_EQ(f.matrix.at(1, 0), 0.0);
    EXPECT_DOUBLE_EQ(f.matrix.at(2, 0), std::log1p(50.0));
    EXPECT_DOUBLE_EQ(f.originalAt(1, 0), -500.0);
    EXPECT_DOUBLE_EQ(f.matrix.at(0, 1), std::log(6.0)); // log1p(5)
    EXPECT_DOUBLE_EQ(f.matrix.at(2, 1), 0.0);
}

// Without log, a negative value stays negative.
TEST_F(FeatureData, RawKeepsNegatives) {
    const auto f = build({"monetary"}, false, false);
    EXPECT_DOUBLE_EQ(f.matrix.at(1, 0), -500.0);
}

// frequency 2, 1, 1: mean 4/3, population variance ((2/3)^2 + 2 (1/3)^2) / 3 = 2/9,
// sd sqrt(2)/3; z = (2/3) / (sqrt(2)/3) = sqrt(2) and -(1/3) / (sqrt(2)/3) = -1/sqrt(2).
// With log1p: ln 3, ln 2, ln 2 -> the same z-scores, sd (ln 3 - ln 2) sqrt(2)/3.
TEST_F(FeatureData, ZScoreUsesThePopulationSd) {
    const auto raw = build({"frequency"}, false, true);
    EXPECT_NEAR(raw.matrix.mean[0], 4.0 / 3, 1e-12);
    EXPECT_NEAR(raw.matrix.scale[0], std::sqrt(2.0) / 3, 1e-12);
    EXPECT_NEAR(raw.sd[0], std::sqrt(2.0) / 3, 1e-12);
    const auto logged = build({"frequency"}, true, true);
    EXPECT_NEAR(logged.matrix.mean[0], (std::log(3.0) + 2 * std::log(2.0)) / 3, 1e-12);
    EXPECT_NEAR(logged.sd[0], (std::log(3.0) - std::log(2.0)) * std::sqrt(2.0) / 3, 1e-12);
    for (const auto *f : {&raw, &logged}) {
        EXPECT_NEAR(f->matrix.at(0, 0), std::sqrt(2.0), 1e-12);
        EXPECT_NEAR(f->matrix.at(1, 0), -1 / std::sqrt(2.0), 1e-12);
        EXPECT_NEAR(f->matrix.at(2, 0), -1 / std::sqrt(2.0), 1e-12);
    }
}

// Without z-scores the sd is still reported (profiles use it), the scale stays 1.
TEST_F(FeatureData, NoZScoreKeepsValuesAndReportsSd) {
    const auto f = build({"frequency"}, false, false);
    EXPECT_DOUBLE_EQ(f.matrix.at(0, 0), 2.0);
    EXPECT_DOUBLE_EQ(f.matrix.scale[0], 1.0);
    EXPECT_NEAR(f.sd[0], std::sqrt(2.0) / 3, 1e-12);
}

TEST_F(FeatureData, ChosenCustomersKeepTheirOrderAndNonBuyersAreLeftOut) {
    const auto f = build({"recency"}, false, false, {3, 2, 0});
    EXPECT_EQ(f.customers, (std::vector<std::int32_t>{3, 0}));
    EXPECT_DOUBLE_EQ(f.matrix.at(0, 0), 10.0);
    EXPECT_DOUBLE_EQ(f.matrix.at(1, 0), 30.0);
}

TEST_F(FeatureData, EngagementCountsOpensClicksVisitsAndSocialUpToAsOf) {
    EXPECT_EQ(segment::engagementCounts(data, kAsOf), (std::vector<double>{5, 1, 1, 0}));
    // As of 2025-05-31: customer 0 keeps the open and the click only.
    EXPECT_EQ(segment::engagementCounts(data, test::day(2025, 5, 31)), (std::vector<double>{2, 1, 1, 0}));
}

TEST_F(FeatureData, UnknownFeatureListsTheAvailableOnes) {
    auto f = segment::buildCustomerFeatures(data, kAsOf, {"recency", "nps"});
    ASSERT_FALSE(f.ok());
    EXPECT_NE(f.message().find("'nps'"), std::string::npos) << f.message();
    EXPECT_NE(f.message().find("recency, frequency, monetary, aov, avg_quarterly_order_value, tenure, margin, "
                               "orders_last_90_days, engagement"),
              std::string::npos)
        << f.message();
}

TEST_F(FeatureData, EmptyAndRepeatedChoicesAreErrors) {
    auto none = segment::buildCustomerFeatures(data, kAsOf, {});
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.message().find("no features"), std::string::npos) << none.message();
    auto twice = segment::buildCustomerFeatures(data, kAsOf, {"aov", "tenure", "aov"});
    ASSERT_FALSE(twice.ok());
    EXPECT_NE(twice.message().find("'aov' is chosen twice"), std::string::npos) << twice.message();
}

// Customers 1 and 3 both have 1 sale: frequency is constant, its z-score undefined.
TEST_F(FeatureData, ConstantFeatureIsAnErrorNamingIt) {
    segment::CustomerFeatureOptions o;
    o.customers = {1, 3};
    auto f = segment::buildCustomerFeatures(data, kAsOf, {"recency", "frequency"}, o);
    ASSERT_FALSE(f.ok());
    EXPECT_NE(f.message().find("'frequency'"), std::string::npos) << f.message();
    o.zScore = false;
    auto unscaled = segment::buildCustomerFeatures(data, kAsOf, {"recency", "frequency"}, o);
    ASSERT_TRUE(unscaled.ok()) << unscaled.message();
    EXPECT_EQ(unscaled->sd[1], 0.0);
}

TEST_F(FeatureData, NoPurchasingCustomerIsAnError) {
    segment::CustomerFeatureOptions o;
    o.customers = {2};
    auto f = segment::buildCustomerFeatures(data, kAsOf, {"recency"}, o);
    ASSERT_FALSE(f.ok());
    EXPECT_NE(f.message().find("no customer with a sale order"), std::string::npos) << f.message();
}

TEST(FeatureSelect, UnfinalizedDatasetIsAnError) {
    segment::Dataset d;
    auto f = segment::buildCustomerFeatures(d, test::day(2025, 1, 1), {"recency"});
    ASSERT_FALSE(f.ok());
    EXPECT_NE(f.message().find("not finalized"), std::string::npos);
}

} // namespace
