// Per-segment sales figures, totals and the monthly trend, by hand from metrics_fixture.h.
#include "metrics_fixture.h"
#include "segment/metrics_sales.h"

namespace segdash::segment::test {
namespace {

TEST(SalesMetrics, PerSegmentFiguresByHand) {
    const auto d = tinyDataset();
    const auto rows = salesBySegment(d, selectAll(d), tinySegments());
    ASSERT_EQ(rows.size(), 3u);
    const auto &a = rows[0];
    EXPECT_EQ(a.segment, "A");
    EXPECT_EQ(a.customers, 2);
    EXPECT_DOUBLE_EQ(*a.customerShare, 2.0 / 5);
    EXPECT_EQ(a.buyers, 2);
    EXPECT_EQ(a.revenue, money(200));                  // c0 250 + c1 -50
    EXPECT_DOUBLE_EQ(*a.revenueShare, 200.0 / 620);
    EXPECT_EQ(a.saleOrders, 4);                        // c0 3 + c1 1
    EXPECT_DOUBLE_EQ(*a.averageOrderValue, 50.0);      // 200 / 4
    EXPECT_DOUBLE_EQ(*a.ordersPerCustomer, 2.0);       // 4 / 2
    EXPECT_DOUBLE_EQ(*a.meanDaysBetweenPurchases, 30.0); // c0: 01-05 -> 02-04 30, -> 03-05 30
    EXPECT_DOUBLE_EQ(*a.lifetimeValue, 100.0);         // 200 / 2
    // Known cost: 100/60, 150/90, -50/-30, 200/150: revenue 400, margin 40+60-20+50 = 130.
    EXPECT_EQ(a.costedRevenue, money(400));
    EXPECT_EQ(a.margin, money(130));
    EXPECT_DOUBLE_EQ(*a.marginPct, 32.5);              // 130 / 400 x 100
    EXPECT_EQ(a.customersWithCac, 2);
    EXPECT_EQ(a.acquisitionCost, money(150));          // 100 + 50
    EXPECT_DOUBLE_EQ(*a.averageCac, 75.0);
    EXPECT_DOUBLE_EQ(*a.clvToCac, 200.0 / 150);        // (250 - 50) / 150

    const auto &b = rows[1];
    EXPECT_EQ(b.customers, 2);
    EXPECT_EQ(b.buyers, 1);                            // c3 never ordered
    EXPECT_EQ(b.revenue, money(120));
    EXPECT_EQ(b.saleOrders, 2);
    EXPECT_DOUBLE_EQ(*b.averageOrderValue, 60.0);
    EXPECT_DOUBLE_EQ(*b.ordersPerCustomer, 1.0);
    EXPECT_DOUBLE_EQ(*b.meanDaysBetweenPurchases, 131.0); // 02-10 -> 06-20: 19 + 31 + 30 + 31 + 20
    EXPECT_DOUBLE_EQ(*b.lifetimeValue, 60.0);          // 120 / 2, the customer without orders counts
    EXPECT_DOUBLE_EQ(*b.marginPct, 50.0);              // (40 + 20) / 120
    EXPECT_EQ(b.customersWithCac, 0);
    EXPECT_FALSE(b.averageCac.has_value());            // no known cost: n/a, not 0
    EXPECT_FALSE(b.clvToCac.has_value());
}

TEST(SalesMetrics, EmptySegmentIsZeroOrNotAvailable) {
    const auto d = tinyDataset();
    const auto e = salesBySegment(d, selectAll(d), tinySegments())[2];
    EXPECT_EQ(e.customers, 0);
    EXPECT_DOUBLE_EQ(*e.customerShare, 0.0);
    EXPECT_EQ(e.revenue, money(0));
    EXPECT_DOUBLE_EQ(*e.revenueShare, 0.0);
    EXPECT_FALSE(e.averageOrderValue);
    EXPECT_FALSE(e.ordersPerCustomer);
    EXPECT_FALSE(e.meanDaysBetweenPurchases);
    EXPECT_FALSE(e.lifetimeValue);
    EXPECT_FALSE(e.marginPct);
    EXPECT_FALSE(e.clvToCac);
}

// c1 alone: a sale of 200 and a return of 250.
TEST(SalesMetrics, ReturnsExceedingSalesGiveNegativeValues) {
    const auto d = tinyDataset();
    const Segmentation one{{"c1"}, {-1, 0, -1, -1, -1}};
    const auto r = salesBySegment(d, selectAll(d), one)[0];
    EXPECT_EQ(r.revenue, money(-50));
    EXPECT_DOUBLE_EQ(*r.averageOrderValue, -50.0);     // -50 / 1 sale order
    EXPECT_DOUBLE_EQ(*r.lifetimeValue, -50.0);
    EXPECT_DOUBLE_EQ(*r.clvToCac, -1.0);               // -50 / 50
    EXPECT_DOUBLE_EQ(*r.marginPct, 25.0);              // only the sale has a cost: (200 - 150) / 200
    EXPECT_FALSE(r.meanDaysBetweenPurchases);          // one sale: no gap
}

TEST(SalesMetrics, TotalCoversUnlabelledCustomersToo) {
    const auto d = tinyDataset();
    const auto t = salesTotal(d, selectAll(d));
    EXPECT_EQ(t.segment, "All");
    EXPECT_EQ(t.customers, 5);
    EXPECT_EQ(t.buyers, 4);
    EXPECT_EQ(t.revenue, money(620));
    EXPECT_DOUBLE_EQ(*t.revenueShare, 1.0);
    EXPECT_EQ(t.saleOrders, 7);
    EXPECT_DOUBLE_EQ(*t.lifetimeValue, 124.0);         // 620 / 5
    EXPECT_EQ(t.margin, money(390));                   // A 130 + B 60 + c4 200
    EXPECT_DOUBLE_EQ(*t.clvToCac, 500.0 / 170);        // (200 + 300) / (100 + 50 + 20)
}

TEST(SalesMetrics, SingleCustomerDataset) {
    Dataset d;
    d.addCustomer(person(7, "PL", "", "", "", std::nullopt, std::nullopt));
    d.addOrder(0, day(2024, 1, 1), money(10), std::nullopt, core::OrderKind::Sale);
    d.finalize();
    const Segmentation seg{{"only"}, {0}};
    const auto r = salesBySegment(d, selectAll(d), seg)[0];
    EXPECT_DOUBLE_EQ(*r.customerShare, 1.0);
    EXPECT_DOUBLE_EQ(*r.averageOrderValue, 10.0);
    EXPECT_FALSE(r.marginPct); // no order with a known cost
    const auto trend = salesTrend(d, selectAll(d), seg);
    ASSERT_EQ(trend.size(), 1u);
    EXPECT_FALSE(trend[0].growthPct);
}

TEST(SalesMetrics, FiltersNarrowTheFigures) {
    const auto d = tinyDataset();
    Filter f;
    f.country = "DE";
    const auto rows = salesBySegment(d, select(d, f), tinySegments());
    EXPECT_EQ(rows[0].customers, 0);
    EXPECT_EQ(rows[1].customers, 2);
    EXPECT_DOUBLE_EQ(*rows[1].customerShare, 1.0);
    EXPECT_DOUBLE_EQ(*rows[1].revenueShare, 1.0);
    f = {};
    f.from = day(2024, 3, 1);
    const auto march = salesBySegment(d, select(d, f), tinySegments());
    EXPECT_EQ(march[0].revenue, money(100));           // c0 150 - 50
    EXPECT_EQ(march[1].revenue, money(40));            // c2 06-20
}

// Months: Jan 100+200-250 = 50 (2 sales), Feb 50+80 = 130 (2), Mar 150-50+300 = 400 (2),
// Apr and May nothing (the anonymous order is not selected), Jun 40 (1).
TEST(SalesMetrics, MonthlyTrendWithGrowth) {
    const auto d = tinyDataset();
    const auto t = salesTrend(d, selectAll(d), tinySegments());
    ASSERT_EQ(t.size(), 6u);
    EXPECT_EQ(t[0].month, "2024-01");
    EXPECT_EQ(t[0].revenue, money(50));
    EXPECT_EQ(t[0].saleOrders, 2);
    EXPECT_DOUBLE_EQ(*t[0].averageDealSize, 25.0);
    EXPECT_FALSE(t[0].growthPct);
    EXPECT_DOUBLE_EQ(*t[1].growthPct, 160.0);          // (130 - 50) / 50
    EXPECT_NEAR(*t[2].growthPct, 207.6923077, 1e-6); // (400 - 130) / 130
    EXPECT_DOUBLE_EQ(*t[2].averageDealSize, 200.0);    // 400 / 2
    EXPECT_EQ(t[3].saleOrders, 0);
    EXPECT_FALSE(t[3].averageDealSize);
    EXPECT_DOUBLE_EQ(*t[3].growthPct, -100.0);
    EXPECT_FALSE(t[4].growthPct);                      // previous month 0: n/a
    EXPECT_FALSE(t[5].growthPct);
    EXPECT_EQ(t[5].revenue, money(40));
    const auto b = salesTrend(d, selectAll(d), tinySegments(), 1); // segment B only
    ASSERT_EQ(b.size(), 5u);                           // 2024-02 .. 2024-06
    EXPECT_EQ(b[0].revenue, money(80));
}

} // namespace
} // namespace segdash::segment::test
