// RFM quantile scoring against cases worked out by hand from the R package rfm 0.3.0:
//   breaks = quantile(x, probs = seq(0, 1, length.out = bins + 1))[-c(1, bins + 1)] + 1
//   lower = c(min(x), breaks), upper = c(breaks, max(x) + 1), bin i = [lower_i, upper_i)
//   frequency/monetary score = i, recency score = bins + 1 - i, rfm = r*100 + f*10 + m
// and R's type-7 quantile: index = 1 + (n-1) p, lo = floor, hi = ceiling,
//   q = (1-h) x[lo] + h x[hi] with h = index - lo (q = x[lo] when x[hi] == x[lo]).
#include <gtest/gtest.h>

#include "segment/r_quantile.h"
#include "segment/rfm_input.h"
#include "segment/rfm_scoring.h"

using namespace segdash;
using namespace segdash::segment;

namespace {

std::vector<RfmInput> inputsWithFrequencies(const std::vector<std::int64_t> &f) {
    std::vector<RfmInput> in;
    for (std::size_t i = 0; i < f.size(); ++i)
        in.push_back({static_cast<core::Id>(i + 1), static_cast<std::int32_t>(f[i]), f[i],
                      core::Money::fromUnits(f[i] * core::Money::kScale)});
    return in;
}

std::vector<int> fScores(const RfmResult &r) {
    std::vector<int> out;
    for (const auto &s : r.scores)
        out.push_back(s.f);
    return out;
}

std::vector<int> rScores(const RfmResult &r) {
    std::vector<int> out;
    for (const auto &s : r.scores)
        out.push_back(s.r);
    return out;
}

} // namespace

TEST(RQuantile, SeqProbsMatchRSeq) {
    // seq(0, 1, length.out = 6) in R: 0, 0.2, 0.4, 0.6000000000000001, 0.8, 1
    const auto p = rSeqProbs(5);
    ASSERT_EQ(p.size(), 6u);
    EXPECT_EQ(p[0], 0.0);
    EXPECT_EQ(p[2], 0.4);
    EXPECT_EQ(p[3], 0.6000000000000001);
    EXPECT_EQ(p[5], 1.0);
}

TEST(RQuantile, Type7Interpolates) {
    // x = 1 2 2 3 5 8 13 (n = 7), p = 0.8: index = 1 + 6 * 0.8 = 5.8, x5 = 5, x6 = 8
    // q = 0.2 * 5 + 0.8 * 8 = 7.4; p = 0.2: index 2.2, x2 = x3 = 2 -> q = 2.
    const std::vector<double> x{1, 2, 2, 3, 5, 8, 13};
    EXPECT_NEAR(rQuantileType7(x, 0.8), 7.4, 1e-12);
    EXPECT_EQ(rQuantileType7(x, 0.2), 2.0);
    EXPECT_EQ(rQuantileType7(x, 0.0), 1.0);
    EXPECT_EQ(rQuantileType7(x, 1.0), 13.0);
}

TEST(RfmQuantile, WorkedExampleFiveBins) {
    // x = 1 2 2 3 5 8 13, bins 5. Quantiles at 0.2 0.4 0.6 0.8:
    //   index 2.2 -> 2 (x2 = x3 = 2); 3.4 -> 0.6*2 + 0.4*3 = 2.4; 4.6 -> 0.4*3 + 0.6*5 = 4.2;
    //   5.8 -> 0.2*5 + 0.8*8 = 7.4. Breaks (+1): 3, 3.4, 5.2, 8.4.
    // Bins [1,3) [3,3.4) [3.4,5.2) [5.2,8.4) [8.4,14): 1,2,2 -> 1; 3 -> 2; 5 -> 3; 8 -> 4; 13 -> 5.
    auto res = scoreRfm(inputsWithFrequencies({1, 2, 2, 3, 5, 8, 13}), RfmOptions{});
    ASSERT_TRUE(res) << res.message();
    EXPECT_EQ(fScores(*res), (std::vector<int>{1, 1, 1, 2, 3, 4, 5}));
    EXPECT_EQ(rScores(*res), (std::vector<int>{5, 5, 5, 4, 3, 2, 1})); // recency reversed
    const auto &fr = res->frequency;
    ASSERT_EQ(fr.boundaries.size(), 4u);
    EXPECT_EQ(fr.boundaries[0].value, 3.0);
    EXPECT_NEAR(fr.boundaries[1].value, 3.4, 1e-12);
    EXPECT_NEAR(fr.boundaries[2].value, 5.2, 1e-12);
    EXPECT_NEAR(fr.boundaries[3].value, 8.4, 1e-12);
    EXPECT_EQ(fr.boundaries[0].tied, 2); // both customers with 2 orders sit on q = 2
    EXPECT_EQ(fr.boundaries[1].tied, 0); // q = 2.4 is between data values
    EXPECT_EQ(fr.bins.front().lower, 1.0);
    EXPECT_EQ(fr.bins.back().upper, 14.0); // max + 1
    EXPECT_EQ(fr.bins[0].count, 3);
    EXPECT_TRUE(fr.collapsedScores.empty());
    // rfm_score = r*100 + f*10 + m: customer 4 has r = 4, f = 2, m = 2 -> 422.
    EXPECT_EQ(res->scores[3].rfmScore, 422);
}

TEST(RfmQuantile, DuplicatedBreaksCollapseBins) {
    // x = 1 1 1 1 1 1 2 3 (n = 8), bins 5: index = 1 + 7p = 2.4, 3.8, 5.2 all land on 1s;
    // 6.6 -> 0.4*1 + 0.6*2 = 1.6. Breaks 2 2 2 2.6: bins [1,2) [2,2) [2,2) [2,2.6) [2.6,4).
    // The six 1s -> 1, the 2 -> 4 (the empty bins 2 and 3 are skipped), the 3 -> 5.
    auto res = scoreRfm(inputsWithFrequencies({1, 1, 1, 1, 1, 1, 2, 3}), RfmOptions{});
    ASSERT_TRUE(res) << res.message();
    EXPECT_EQ(fScores(*res), (std::vector<int>{1, 1, 1, 1, 1, 1, 4, 5}));
    EXPECT_EQ(res->frequency.collapsedScores, (std::vector<int>{2, 3}));
    EXPECT_EQ(res->recency.collapsedScores, (std::vector<int>{3, 4})); // reversed: bins 2, 3
    EXPECT_EQ(res->frequency.boundaries[0].tied, 6);
    EXPECT_EQ(res->frequency.boundaries[2].tied, 6);
    EXPECT_EQ(res->frequency.boundaries[3].tied, 0);
    EXPECT_EQ(res->frequency.bins[1].lower, 2.0);
    EXPECT_EQ(res->frequency.bins[1].upper, 2.0);
}

TEST(RfmQuantile, AllEqualCollapsesToOneBin) {
    // x = 7 7 7: every quantile is 7, breaks 8 8 8 8, bins [7,8) then four empty [8,8).
    auto res = scoreRfm(inputsWithFrequencies({7, 7, 7}), RfmOptions{});
    ASSERT_TRUE(res) << res.message();
    EXPECT_EQ(fScores(*res), (std::vector<int>{1, 1, 1}));
    EXPECT_EQ(rScores(*res), (std::vector<int>{5, 5, 5}));
    EXPECT_EQ(res->frequency.collapsedScores, (std::vector<int>{2, 3, 4, 5}));
    EXPECT_EQ(res->recency.collapsedScores, (std::vector<int>{1, 2, 3, 4}));
    for (const auto &b : res->frequency.boundaries)
        EXPECT_EQ(b.tied, 3);
}

TEST(RfmQuantile, SingleCustomer) {
    // n = 1: index = 1 for every p, so all breaks are x + 1 and only bin 1 is used.
    auto res = scoreRfm(inputsWithFrequencies({4}), RfmOptions{});
    ASSERT_TRUE(res) << res.message();
    EXPECT_EQ(res->scores[0].f, 1);
    EXPECT_EQ(res->scores[0].r, 5);
    EXPECT_EQ(res->scores[0].rfmScore, 511);
    EXPECT_EQ(res->frequency.collapsedScores.size(), 4u);
}

TEST(RfmQuantile, NegativeMonetaryAndThePlusOneQuirk) {
    // monetary -50.5 0 0.5 20 100 (returns exceed sales for the first), bins 3.
    // probs 1/3, 2/3: index = 1 + 4p = 2.333.., 3.666..
    //   q1 = (2/3)*0 + (1/3)*0.5 = 0.1667 -> break 1.1667
    //   q2 = (1/3)*0.5 + (2/3)*20 = 13.5  -> break 14.5
    // 0.5 lies above q1 but below q1 + 1, so it stays in bin 1 (the package's +1);
    // bin 2 [1.1667, 14.5) is empty and reported as collapsed.
    std::vector<RfmInput> in;
    const std::vector<std::int64_t> units{-505000, 0, 5000, 200000, 1000000};
    for (std::size_t i = 0; i < units.size(); ++i)
        in.push_back({static_cast<core::Id>(i + 1), 10, 1, core::Money::fromUnits(units[i])});
    auto res = scoreRfm(in, RfmOptions::uniform(BinMethod::Quantile, 3));
    ASSERT_TRUE(res) << res.message();
    std::vector<int> m;
    for (const auto &s : res->scores)
        m.push_back(s.m);
    EXPECT_EQ(m, (std::vector<int>{1, 1, 1, 3, 3}));
    EXPECT_NEAR(res->monetary.boundaries[0].quantile, 0.5 / 3, 1e-12);
    EXPECT_NEAR(res->monetary.boundaries[0].value, 1 + 0.5 / 3, 1e-12);
    EXPECT_NEAR(res->monetary.boundaries[1].value, 14.5, 1e-12);
    EXPECT_EQ(res->monetary.bins[0].lower, -50.5);
    EXPECT_EQ(res->monetary.collapsedScores, (std::vector<int>{2}));
}

TEST(RfmQuantile, RejectsBadBinCountsAndEmptyInput) {
    EXPECT_FALSE(scoreRfm(inputsWithFrequencies({1, 2}), RfmOptions::uniform(BinMethod::Quantile, 2)));
    EXPECT_FALSE(scoreRfm(inputsWithFrequencies({1, 2}), RfmOptions::uniform(BinMethod::Quantile, 11)));
    auto empty = scoreRfm({}, RfmOptions{});
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.message(), "no customers to score");
}

TEST(RfmQuantile, CancelThroughProgress) {
    int calls = 0;
    auto res = scoreRfm(inputsWithFrequencies({1, 2, 3}), RfmOptions{}, [&](std::int64_t, std::int64_t) {
        return ++calls < 2;
    });
    ASSERT_FALSE(res);
    EXPECT_EQ(res.message(), "cancelled");
}

TEST(RfmInputs, BuildFromStatsExcludesCustomersWithoutPurchase) {
    const auto analysis = *core::Date::fromYmd(2024, 1, 31);
    std::vector<core::CustomerStats> stats(3);
    stats[0].customerId = 1;
    stats[0].lastPurchase = core::Timestamp::fromDate(*core::Date::fromYmd(2024, 1, 10), 15, 30);
    stats[0].purchaseCount = 3;
    stats[0].netRevenue = core::Money::fromUnits(-12345);
    stats[1].customerId = 2; // never bought
    stats[2].customerId = 3;
    stats[2].lastPurchase = core::Timestamp::fromDate(*core::Date::fromYmd(2024, 2, 2));
    const auto set = buildRfmInputs(stats, analysis);
    ASSERT_EQ(set.inputs.size(), 2u);
    EXPECT_EQ(set.excludedNoPurchase, 1);
    EXPECT_EQ(set.purchaseAfterAnalysis, 1);
    EXPECT_EQ(set.inputs[0].recencyDays, 21);
    EXPECT_EQ(set.inputs[0].frequency, 3);
    EXPECT_EQ(set.inputs[0].monetary.units(), -12345);
    EXPECT_EQ(set.inputs[1].recencyDays, -2);
}
