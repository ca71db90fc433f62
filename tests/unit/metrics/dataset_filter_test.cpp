// The Dataset (interning, finalize) and the Filter -> Selection narrowing.
#include "metrics_fixture.h"

namespace segdash::segment::test {
namespace {

std::vector<std::size_t> customersOf(const Selection &s) {
    std::vector<std::size_t> out;
    for (std::size_t c = 0; c < s.customer.size(); ++c)
        if (s.customer[c]) out.push_back(c);
    return out;
}

using V = std::vector<std::size_t>;

TEST(StringPool, InternsOnceAndKeepsEmptyAsZero) {
    StringPool p;
    EXPECT_EQ(p.intern(""), 0);
    const auto gb = p.intern("GB");
    EXPECT_EQ(p.intern("GB"), gb);
    EXPECT_NE(p.intern("DE"), gb);
    EXPECT_EQ(p.text(gb), "GB");
    EXPECT_EQ(p.find("DE"), 2);
    EXPECT_EQ(p.find("FR"), std::nullopt);
}

TEST(Dataset, FinalizeGroupsOrdersByCustomerAndDayWithAnonymousLast) {
    const auto d = tinyDataset();
    ASSERT_TRUE(d.finalized());
    // c0 4 orders, c1 2, c2 2, c3 0, c4 1, then the anonymous one.
    EXPECT_EQ(d.customers.orderBegin, (std::vector<std::int32_t>{0, 4, 6, 8, 8, 9}));
    EXPECT_EQ(d.orders.customer.back(), kNoIndex);
    EXPECT_EQ(d.orders.day[0], day(2024, 1, 5).days);
    EXPECT_EQ(d.orders.day[6], day(2024, 2, 10).days); // c2's earlier order first
    // Lines follow their orders: the first line is c0's Paper on 2024-01-05, value 100.
    EXPECT_EQ(d.lines.order[0], 0);
    EXPECT_EQ(d.lines.value[0], money(100).units());
    EXPECT_TRUE(std::is_sorted(d.lines.order.begin(), d.lines.order.end()));
    EXPECT_EQ(d.lines.value[d.lines.size() - 1], money(999).units()); // anonymous line last
    EXPECT_EQ(d.customerIndex(3), 2);
    EXPECT_EQ(d.customerIndex(42), kNoIndex);
    EXPECT_GT(d.bytes(), 0u);
}

TEST(Filter, NoFilterSelectsEveryCustomerAndEveryCustomerOrder) {
    const auto d = tinyDataset();
    const auto s = selectAll(d);
    EXPECT_EQ(s.customers, 5);
    EXPECT_EQ(s.orders, 9); // the anonymous order is never selected
}

TEST(Filter, AttributesNarrowCustomersAndTheirOrders) {
    const auto d = tinyDataset();
    Filter f;
    f.country = "GB";
    auto s = select(d, f);
    EXPECT_EQ(customersOf(s), (V{0, 1}));
    EXPECT_EQ(s.orders, 6);
    f = {};
    f.industry = "Retail";
    f.channel = "email";
    EXPECT_EQ(customersOf(select(d, f)), (V{0, 2, 4}));
    f = {};
    f.salesRep = "Bob";
    EXPECT_EQ(customersOf(select(d, f)), (V{1, 3}));
    f = {};
    f.country = "XX"; // nobody
    s = select(d, f);
    EXPECT_EQ(s.customers, 0);
    EXPECT_EQ(s.orders, 0);
}

TEST(Filter, DateRangeNarrowsOrdersNotCustomers) {
    const auto d = tinyDataset();
    Filter f;
    f.from = day(2024, 2, 1);
    f.to = day(2024, 3, 31);
    const auto s = select(d, f);
    EXPECT_EQ(s.customers, 5);
    EXPECT_EQ(s.orders, 5); // 02-04, 03-05, 03-10 (c0), 02-10 (c2), 03-01 (c4)
    f.country = "GB";
    f.from = day(2024, 1, 1);
    f.to = day(2024, 1, 31);
    EXPECT_EQ(select(d, f).orders, 3); // c0 01-05, c1 01-20 and 01-25
}

TEST(Filter, CategoryAndProductKeepOrdersHoldingThemAndTheirBuyers) {
    const auto d = tinyDataset();
    Filter f;
    f.category = "Coffee";
    auto s = select(d, f);
    EXPECT_EQ(customersOf(s), (V{0, 2}));
    EXPECT_EQ(s.orders, 3); // c0 02-04 and 03-05, c2 06-20
    f = {};
    f.product = "P3";
    s = select(d, f);
    EXPECT_EQ(customersOf(s), (V{1, 4}));
    EXPECT_EQ(s.orders, 3); // c1's sale and its return, c4's sale
    f.from = day(2024, 1, 22); // c1's only P3 sale is before: c1 drops out
    EXPECT_EQ(customersOf(select(d, f)), (V{4}));
}

// Buyers by net revenue: c4 300, c0 250, c2 120, c1 -50 (c3 has no order).
// 4 buyers: top ceil(0.8) = 1, bottom floor(0.8) = 0, the other 3 middle.
TEST(Filter, RevenueBandsRankBuyersByNetRevenue) {
    const auto d = tinyDataset();
    Filter f;
    f.band = RevenueBand::Top;
    EXPECT_EQ(customersOf(select(d, f)), (V{4}));
    f.band = RevenueBand::Middle;
    EXPECT_EQ(customersOf(select(d, f)), (V{0, 1, 2}));
    f.band = RevenueBand::Bottom;
    EXPECT_EQ(select(d, f).customers, 0);
    // In March only c0 (150 - 50 = 100) and c4 (300) bought: top c4, bottom floor(0.4) = 0.
    f.from = day(2024, 3, 1);
    f.to = day(2024, 3, 31);
    f.band = RevenueBand::Middle;
    EXPECT_EQ(customersOf(select(d, f)), (V{0}));
}

TEST(Filter, CustomerSinceAndSegmentMembership) {
    const auto d = tinyDataset();
    Filter f;
    f.customerSinceFrom = day(2024, 1, 15);
    f.customerSinceTo = day(2024, 2, 28);
    EXPECT_EQ(customersOf(select(d, f)), (V{1, 2})); // c3 has no acquisition day at all
    f = {};
    f.segmentLabels = tinySegments().label;
    f.segment = 1;
    EXPECT_EQ(customersOf(select(d, f)), (V{2, 3}));
    f.segmentLabels = {0, 1}; // wrong length: nobody, rather than reading past the end
    EXPECT_EQ(select(d, f).customers, 0);
}

} // namespace
} // namespace segdash::segment::test
