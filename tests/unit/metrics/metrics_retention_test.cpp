// Churn, retention, cohorts and the headline KPIs, by hand from metrics_fixture.h.
#include "metrics_fixture.h"
#include "segment/metrics_headline.h"
#include "segment/metrics_retention.h"

namespace segdash::segment::test {
namespace {

// Days from the last sale to 2024-07-01: c0 (03-05) 118, c1 (01-20) 163, c2 (06-20) 11,
// c4 (03-01) 122. churnDays 100: c0, c1, c4 churned, c2 retained.
TEST(Retention, ChurnPerSegmentAsOfTheAnalysisDate) {
    const auto d = tinyDataset();
    const auto rows = retentionBySegment(d, selectAll(d), tinySegments(), tinyOptions());
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].buyers, 2);
    EXPECT_EQ(rows[0].churned, 2);
    EXPECT_DOUBLE_EQ(*rows[0].churnRate, 1.0);
    EXPECT_DOUBLE_EQ(*rows[0].retentionRate, 0.0);
    EXPECT_EQ(rows[1].buyers, 1); // c3 never bought: neither retained nor churned
    EXPECT_DOUBLE_EQ(*rows[1].retentionRate, 1.0);
    EXPECT_FALSE(rows[2].churnRate); // empty segment
    const auto all = retentionTotal(d, selectAll(d), tinyOptions());
    EXPECT_EQ(all.buyers, 4);
    EXPECT_DOUBLE_EQ(*all.churnRate, 0.75);
}

TEST(Retention, ChurnBoundaryIsStrictlyMoreThanChurnDays) {
    const auto d = tinyDataset();
    auto o = tinyOptions();
    o.churnDays = 118; // c0 bought exactly 118 days before: still retained
    EXPECT_EQ(retentionBySegment(d, selectAll(d), tinySegments(), o)[0].retained, 1);
    o.churnDays = 117;
    EXPECT_EQ(retentionBySegment(d, selectAll(d), tinySegments(), o)[0].retained, 0);
    o.asOf = day(2024, 3, 6); // orders on or after the analysis date are ignored
    o.churnDays = 180;
    const auto all = retentionTotal(d, selectAll(d), o);
    EXPECT_EQ(all.buyers, 4);
    EXPECT_EQ(all.retained, 4);
}

// Cohorts by acquisition month (c3 has no acquisition day): 2024-01 {c0, c1},
// 2024-02 {c2}, 2024-03 {c4}; months up to 2024-06.
// 2024-01: month 0 both bought, month 1 (Feb) c0, month 2 (Mar) c0 -> 1, .5, .5, 0, 0, 0.
TEST(Retention, CohortMatrixByAcquisitionMonth) {
    const auto d = tinyDataset();
    const auto m = cohortRetention(d, selectAll(d), tinySegments(), tinyOptions());
    EXPECT_EQ(m.cohorts, (std::vector<std::string>{"2024-01", "2024-02", "2024-03"}));
    EXPECT_EQ(m.sizes, (std::vector<std::int64_t>{2, 1, 1}));
    EXPECT_EQ(m.share[0], (std::vector<double>{1, 0.5, 0.5, 0, 0, 0}));
    EXPECT_EQ(m.share[1], (std::vector<double>{1, 0, 0, 0, 1})); // c2: Feb and Jun
    EXPECT_EQ(m.share[2], (std::vector<double>{1, 0, 0, 0}));
    const auto b = cohortRetention(d, selectAll(d), tinySegments(), tinyOptions(), 1);
    EXPECT_EQ(b.cohorts, (std::vector<std::string>{"2024-02"}));
}

// Buyers' net revenue: c4 300, c0 250, c2 120, c1 -50; top ceil(0.8) = 1 buyer: 300 / 620.
// R = 2024-01-05 (first order) .. 2024-06-30: 27 + 29 + 31 + 30 + 31 + 30 = 178 days.
TEST(Headline, KpisOverTheWholeSelection) {
    const auto d = tinyDataset();
    const auto k = headlineKpis(d, selectAll(d), tinyOptions());
    EXPECT_DOUBLE_EQ(*k.top20RevenueShare, 300.0 / 620);
    EXPECT_DOUBLE_EQ(*k.averageLifetimeValue, 124.0); // 620 / 5 customers
    EXPECT_DOUBLE_EQ(*k.revenuePerCustomer, 155.0);   // 620 / 4 buyers
    EXPECT_EQ(k.current.from, day(2024, 1, 5));
    EXPECT_EQ(k.current.to, day(2024, 6, 30));
    EXPECT_EQ(k.current.newCustomers, 4);
    EXPECT_DOUBLE_EQ(*k.newCustomersPerDay, 4.0 / 178);
    EXPECT_EQ(k.previous.newCustomers, 0);
    EXPECT_EQ(k.newChange.change, 4);
    EXPECT_FALSE(k.newChange.changePct); // previous 0: n/a
}

// R = 2024-03-01 .. 2024-06-30 (122 days), previous 2023-10-31 .. 2024-02-29.
// Current: c4 new (first 03-01); c0 (03-05) and c2 (06-20) returning; c1 bought only in
// the previous period: lost. Previous: c0, c1, c2 new; nothing before it, so none lost.
TEST(Headline, NewReturningLostAgainstThePreviousRange) {
    const auto d = tinyDataset();
    Filter f;
    f.from = day(2024, 3, 1);
    f.to = day(2024, 6, 30);
    const auto k = headlineKpis(d, select(d, f), tinyOptions());
    EXPECT_EQ(k.previous.from, day(2023, 10, 31));
    EXPECT_EQ(k.previous.to, day(2024, 2, 29));
    EXPECT_EQ(k.current.newCustomers, 1);
    EXPECT_EQ(k.current.returning, 2);
    EXPECT_EQ(k.current.lost, 1);
    EXPECT_EQ(k.previous.newCustomers, 3);
    EXPECT_EQ(k.previous.returning, 0);
    EXPECT_EQ(k.previous.lost, 0);
    EXPECT_EQ(k.newChange.change, -2);
    EXPECT_NEAR(*k.newChange.changePct, -66.666667, 1e-5);
    EXPECT_EQ(k.lostChange.change, 1);
    EXPECT_DOUBLE_EQ(*k.newCustomersPerDay, 1.0 / 122);
}

TEST(Headline, EmptySelectionIsNotAvailable) {
    const auto d = tinyDataset();
    Filter f;
    f.country = "XX";
    const auto k = headlineKpis(d, select(d, f), tinyOptions());
    EXPECT_FALSE(k.top20RevenueShare);
    EXPECT_FALSE(k.averageLifetimeValue);
    EXPECT_FALSE(k.revenuePerCustomer);
    EXPECT_EQ(k.current.newCustomers, 0);
}

} // namespace
} // namespace segdash::segment::test
