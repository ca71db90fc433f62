// Opportunities, engagement, NPS/CSAT and campaign ROI, by hand from metrics_fixture.h.
#include "metrics_fixture.h"
#include "segment/metrics_engagement.h"

namespace segdash::segment::test {
namespace {

TEST(Engagement, OpportunitiesPerSegment) {
    const auto d = tinyDataset();
    const auto rows = engagementBySegment(d, selectAll(d), tinySegments());
    const auto &a = rows[0];
    EXPECT_EQ(a.openOpportunities, 1);
    EXPECT_EQ(a.openValue, money(300));
    EXPECT_EQ(a.won, 1);
    EXPECT_EQ(a.lost, 1);
    EXPECT_DOUBLE_EQ(*a.winRate, 0.5);            // 1 / (1 + 1)
    EXPECT_DOUBLE_EQ(*a.averageDealSize, 1000.0);
    EXPECT_DOUBLE_EQ(*rows[1].winRate, 1.0);
    EXPECT_DOUBLE_EQ(*rows[1].averageDealSize, 2000.0);
    EXPECT_FALSE(rows[2].winRate);
    const auto all = engagementTotal(d, selectAll(d));
    EXPECT_EQ(all.openOpportunities, 2);          // c1 300, c4 700; the anonymous one never
    EXPECT_EQ(all.openValue, money(1000));
    EXPECT_DOUBLE_EQ(*all.winRate, 2.0 / 3);
    EXPECT_DOUBLE_EQ(*all.averageDealSize, 1500.0); // (1000 + 2000) / 2
}

TEST(Engagement, EmailWebSocialRates) {
    const auto d = tinyDataset();
    const auto rows = engagementBySegment(d, selectAll(d), tinySegments());
    const auto &a = rows[0];
    EXPECT_EQ(a.emailsSent, 6);
    EXPECT_DOUBLE_EQ(*a.openRate, 0.5);           // 3 opens / 6 sent
    EXPECT_DOUBLE_EQ(*a.clickRate, 2.0 / 6);
    EXPECT_DOUBLE_EQ(*a.webVisitsPerCustomer, 1.5); // 3 / 2 customers
    EXPECT_DOUBLE_EQ(*a.socialPerCustomer, 1.5);    // (1 + 2) / 2
    const auto &b = rows[1];
    EXPECT_FALSE(b.openRate);                     // nothing sent: n/a
    EXPECT_FALSE(b.clickRate);
    EXPECT_DOUBLE_EQ(*b.webVisitsPerCustomer, 0.5); // 1 / 2 (c3 counts)
    EXPECT_DOUBLE_EQ(*b.socialPerCustomer, 0.0);
}

// A: nps 10 (promoter), 6 (detractor), 8 (passive) -> 0; csat 5, 3 -> 4.
// B: nps 9 -> 100; csat 4, 2 -> 3. All: 2 promoters, 1 detractor of 4 -> 25; csat 3.5.
TEST(Engagement, NpsAndCsat) {
    const auto d = tinyDataset();
    const auto rows = engagementBySegment(d, selectAll(d), tinySegments());
    EXPECT_EQ(rows[0].npsResponses, 3);
    EXPECT_DOUBLE_EQ(*rows[0].nps, 0.0);
    EXPECT_DOUBLE_EQ(*rows[0].meanCsat, 4.0);
    EXPECT_DOUBLE_EQ(*rows[1].nps, 100.0);
    EXPECT_DOUBLE_EQ(*rows[1].meanCsat, 3.0);
    EXPECT_FALSE(rows[2].nps);
    const auto all = engagementTotal(d, selectAll(d));
    EXPECT_DOUBLE_EQ(*all.nps, 25.0);
    EXPECT_DOUBLE_EQ(*all.meanCsat, 3.5);
}

TEST(Engagement, DateRangeAppliesToEveryKind) {
    const auto d = tinyDataset();
    Filter f;
    f.from = day(2024, 2, 1);
    f.to = day(2024, 2, 29);
    const auto a = engagementBySegment(d, select(d, f), tinySegments())[0];
    EXPECT_EQ(a.won, 1);                // closed 02-01
    EXPECT_EQ(a.lost, 0);               // closed 03-01
    EXPECT_EQ(a.openOpportunities, 0);  // created 05-01
    EXPECT_EQ(a.emailsSent, 0);         // January
    EXPECT_EQ(a.webVisits, 3);
    EXPECT_EQ(a.npsResponses, 2);       // c0 10 and c1 8, both 02-01
    EXPECT_DOUBLE_EQ(*a.nps, 50.0);
}

// Clicks: c0 CMP1 01-01, c1 CMP2 01-10, c2 CMP1 06-01, c4 CMP2 02-15. Window 30 days:
// c0 01-05 (4 days) -> CMP1 100; 02-04 is 34 days after: none. c1 01-20 -> CMP2 200.
// c2 02-10 is before its click; 06-20 (19 days) -> CMP1 40. c4 03-01 (15 days) -> CMP2 300.
TEST(MarketingRoi, LastClickAttributionWithinTheWindow) {
    const auto d = tinyDataset();
    const auto r = marketingRoi(d, selectAll(d), tinySegments(), tinyOptions());
    ASSERT_EQ(r.campaigns.size(), 3u);
    EXPECT_EQ(r.campaigns[0].clicks, 2);
    EXPECT_EQ(r.campaigns[0].attributedOrders, 2);
    EXPECT_EQ(r.campaigns[0].attributedRevenue, money(140));
    EXPECT_DOUBLE_EQ(*r.campaigns[0].roi, 0.4);    // (140 - 100) / 100
    EXPECT_EQ(r.campaigns[1].attributedRevenue, money(500));
    EXPECT_DOUBLE_EQ(*r.campaigns[1].roi, 9.0);    // (500 - 50) / 50
    EXPECT_DOUBLE_EQ(*r.campaigns[2].roi, -1.0);   // spent 10, nothing back
    EXPECT_EQ(r.total.spend, money(160));
    EXPECT_DOUBLE_EQ(*r.total.roi, 3.0);           // (640 - 160) / 160
    // A: 100 + 200 back; spend CMP1 100 x 1/2 + CMP2 50 x 1/2 = 75 -> (300 - 75) / 75 = 3.
    EXPECT_EQ(r.segments[0].attributedRevenue, money(300));
    EXPECT_DOUBLE_EQ(r.segments[0].allocatedSpend, 75.0);
    EXPECT_DOUBLE_EQ(*r.segments[0].roi, 3.0);
    EXPECT_DOUBLE_EQ(*r.segments[1].roi, -0.2);    // (40 - 50) / 50
    EXPECT_FALSE(r.segments[2].roi);               // nothing spent on it
}

TEST(MarketingRoi, WindowEdgeAndFilters) {
    const auto d = tinyDataset();
    auto o = tinyOptions();
    o.attributionDays = 15; // c4's order is exactly 15 days after the click: counted
    EXPECT_EQ(marketingRoi(d, selectAll(d), tinySegments(), o).campaigns[1].attributedRevenue, money(500));
    o.attributionDays = 14;
    EXPECT_EQ(marketingRoi(d, selectAll(d), tinySegments(), o).campaigns[1].attributedRevenue, money(200));
    Filter f;
    f.country = "GB"; // c0, c1 only
    const auto gb = marketingRoi(d, select(d, f), tinySegments(), tinyOptions());
    EXPECT_EQ(gb.campaigns[0].clicks, 1);
    EXPECT_EQ(gb.total.attributedRevenue, money(300));
}

} // namespace
} // namespace segdash::segment::test
