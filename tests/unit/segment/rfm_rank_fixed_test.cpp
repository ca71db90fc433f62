// Rank (NTILE, ties broken by customer id) and fixed-breakpoint RFM scoring.
#include <gtest/gtest.h>

#include "segment/rfm_scoring.h"

using namespace segdash;
using namespace segdash::segment;

namespace {

std::vector<RfmInput> inputs(const std::vector<std::int64_t> &values) {
    std::vector<RfmInput> in;
    for (std::size_t i = 0; i < values.size(); ++i)
        in.push_back({static_cast<core::Id>(i + 1), static_cast<std::int32_t>(values[i]), values[i],
                      core::Money::fromUnits(values[i] * core::Money::kScale)});
    return in;
}

std::vector<int> fOf(const RfmResult &r) {
    std::vector<int> out;
    for (const auto &s : r.scores)
        out.push_back(s.f);
    return out;
}

} // namespace

TEST(RfmRank, NtileWithTiesBrokenById) {
    // ids 1..7 with values 5 3 3 3 1 9 7. Sorted by (value, id):
    //   (1,#5) (3,#2) (3,#3) | (3,#4) (5,#1) | (7,#7) (9,#6)
    // NTILE(3) of 7 rows: sizes 3 2 2 (the first 7 mod 3 = 1 bin gets one more).
    // The group of 3s is split by the first cut: #2 and #3 score 1, #4 scores 2.
    auto res = scoreRfm(inputs({5, 3, 3, 3, 1, 9, 7}), RfmOptions::uniform(BinMethod::Rank, 3));
    ASSERT_TRUE(res) << res.message();
    EXPECT_EQ(fOf(*res), (std::vector<int>{2, 1, 1, 2, 1, 3, 3}));
    EXPECT_EQ(res->scores[4].r, 3); // #5 has the lowest recency: most recent, highest score
    EXPECT_EQ(res->scores[5].r, 1);
    const auto &f = res->frequency;
    EXPECT_EQ(f.bins[0].count, 3);
    EXPECT_EQ(f.bins[1].count, 2);
    EXPECT_EQ(f.bins[0].lower, 1.0);
    EXPECT_EQ(f.bins[0].upper, 3.0);
    EXPECT_TRUE(f.bins[0].upperInclusive);
    EXPECT_EQ(f.boundaries[0].value, 3.0);
    EXPECT_EQ(f.boundaries[0].tied, 3); // the three customers with value 3 were split
    EXPECT_EQ(f.boundaries[1].value, 7.0);
    EXPECT_EQ(f.boundaries[1].tied, 0);
    EXPECT_TRUE(f.collapsedScores.empty());
}

TEST(RfmRank, FewerCustomersThanBinsLeavesTopBinsEmpty) {
    // Two rows, NTILE(3): sizes 1 1 0, so frequency score 3 is collapsed (recency score 1).
    auto res = scoreRfm(inputs({4, 2}), RfmOptions::uniform(BinMethod::Rank, 3));
    ASSERT_TRUE(res) << res.message();
    EXPECT_EQ(fOf(*res), (std::vector<int>{2, 1}));
    EXPECT_EQ(res->frequency.collapsedScores, (std::vector<int>{3}));
    EXPECT_EQ(res->recency.collapsedScores, (std::vector<int>{1}));
}

TEST(RfmFixed, BinsClosedOnTheLeft) {
    // breaks 2, 5: [1,2) [2,5) [5,7) -> 1 2 4 5 6 score 1 2 2 3 3; one customer on each break.
    RfmOptions o;
    o.frequency = DimensionSpec{BinMethod::Fixed, 0, {2, 5}};
    auto res = scoreRfm(inputs({1, 2, 4, 5, 6}), o);
    ASSERT_TRUE(res) << res.message();
    EXPECT_EQ(fOf(*res), (std::vector<int>{1, 2, 2, 3, 3}));
    EXPECT_EQ(res->frequency.binCount, 3);
    EXPECT_EQ(res->frequency.boundaries[0].tied, 1);
    EXPECT_EQ(res->frequency.boundaries[1].tied, 1);
    EXPECT_EQ(res->frequency.bins[2].upper, 7.0);
    EXPECT_EQ(res->recency.binCount, 5); // other dimensions keep the default
}

TEST(RfmFixed, BreakBelowMinimumCollapsesFirstBin) {
    // breaks 0.5, 3 over 1 2 4: [1,0.5) is empty, 1 and 2 -> score 2, 4 -> score 3.
    RfmOptions o;
    o.frequency = DimensionSpec{BinMethod::Fixed, 0, {0.5, 3}};
    auto res = scoreRfm(inputs({1, 2, 4}), o);
    ASSERT_TRUE(res) << res.message();
    EXPECT_EQ(fOf(*res), (std::vector<int>{2, 2, 3}));
    EXPECT_EQ(res->frequency.collapsedScores, (std::vector<int>{1}));
}

TEST(RfmFixed, RecencyFixedIsReversed) {
    // recency breaks 30, 90: [min,30) -> 3, [30,90) -> 2, [90, max+1) -> 1.
    RfmOptions o;
    o.recency = DimensionSpec{BinMethod::Fixed, 0, {30, 90}};
    auto res = scoreRfm(inputs({10, 30, 89, 90, 400}), o);
    ASSERT_TRUE(res) << res.message();
    std::vector<int> r;
    for (const auto &s : res->scores)
        r.push_back(s.r);
    EXPECT_EQ(r, (std::vector<int>{3, 2, 2, 1, 1}));
}

TEST(RfmFixed, RejectsUnsortedOrMissingBreaks) {
    RfmOptions o;
    o.monetary = DimensionSpec{BinMethod::Fixed, 0, {5, 2}};
    auto res = scoreRfm(inputs({1, 2}), o);
    ASSERT_FALSE(res);
    EXPECT_EQ(res.message(), "monetary: fixed breakpoints must be strictly increasing");
    o.monetary.breaks.clear();
    EXPECT_FALSE(scoreRfm(inputs({1, 2}), o));
}

TEST(BinMethodNames, RoundTrip) {
    for (auto m : {BinMethod::Quantile, BinMethod::Rank, BinMethod::Fixed}) {
        BinMethod back = BinMethod::Quantile;
        ASSERT_TRUE(binMethodFromString(toString(m), back));
        EXPECT_EQ(back, m);
    }
    BinMethod dummy;
    EXPECT_FALSE(binMethodFromString("ntile", dummy));
}
