// Category mix and cross-sell candidates, by hand from metrics_fixture.h.
#include "metrics_fixture.h"
#include "segment/metrics_products.h"

namespace segdash::segment::test {
namespace {

// A: c0 Paper 100 + 50 - 50 = 100, Coffee 50 + 100 = 150; c1 Tech 200 - 250 = -50.
// Total 200: Coffee .75, Paper .5, Tech -.25.  B: Paper 80, Coffee 40 of 120.
TEST(ProductMix, CategoryRevenueSharePerSegment) {
    const auto d = tinyDataset();
    const auto mix = productMix(d, selectAll(d), tinySegments());
    ASSERT_EQ(mix.size(), 3u);
    const auto &a = mix[0].categories;
    ASSERT_EQ(a.size(), 3u);
    EXPECT_EQ(a[0].category, "Coffee");
    EXPECT_EQ(a[0].revenue, money(150));
    EXPECT_DOUBLE_EQ(*a[0].share, 0.75);
    EXPECT_EQ(a[1].category, "Paper");
    EXPECT_DOUBLE_EQ(*a[1].share, 0.5);
    EXPECT_EQ(a[2].category, "Tech");
    EXPECT_DOUBLE_EQ(*a[2].share, -0.25);
    EXPECT_EQ(mix[1].categories[0].category, "Paper");
    EXPECT_DOUBLE_EQ(*mix[1].categories[0].share, 80.0 / 120);
    EXPECT_TRUE(mix[2].categories.empty());
    Filter f;
    f.category = "Coffee"; // orders holding Coffee keep their other lines (c0 03-05 Paper 50)
    const auto coffee = productMix(d, select(d, f), tinySegments());
    EXPECT_EQ(coffee[0].categories[1].revenue, money(50));
}

// Adopters (sale lines, quantity > 0): c0 Paper Coffee, c1 Tech, c2 Paper Coffee,
// c4 Tech Paper. Buyers 4: overall Paper .75, Coffee .5, Tech .5.
// B (buyer c2): Paper 1 (lift 1/.75), Coffee 1 (lift 2). A (c0, c1): each .5.
TEST(CrossSell, CategoriesWithLiftAndPerCustomerGaps) {
    const auto d = tinyDataset();
    const auto sel = selectAll(d);
    const auto b = crossSellCategories(d, sel, tinySegments(), 1, 0.6);
    ASSERT_EQ(b.size(), 2u);
    EXPECT_EQ(b[0].category, "Coffee");
    EXPECT_DOUBLE_EQ(*b[0].lift, 2.0);
    EXPECT_EQ(b[1].category, "Paper");
    EXPECT_DOUBLE_EQ(b[1].overallShare, 0.75);
    EXPECT_DOUBLE_EQ(*b[1].lift, 1.0 / 0.75);
    const auto a = crossSellCategories(d, sel, tinySegments(), 0, 0.5);
    ASSERT_EQ(a.size(), 3u);
    EXPECT_DOUBLE_EQ(*a[1].lift, 0.5 / 0.75); // Paper
    const auto forC1 = crossSellFor(d, sel, a, 1);
    ASSERT_EQ(forC1.size(), 2u);              // c1 has only Tech (its return does not matter)
    EXPECT_EQ(forC1[0].category, "Coffee");
    EXPECT_EQ(forC1[1].category, "Paper");
    const auto forC0 = crossSellFor(d, sel, a, 0);
    ASSERT_EQ(forC0.size(), 1u);
    EXPECT_EQ(forC0[0].category, "Tech");
    EXPECT_TRUE(crossSellCategories(d, sel, tinySegments(), 2, 0.1).empty()); // empty segment
    EXPECT_TRUE(crossSellCategories(d, sel, tinySegments(), 1, 1.01).empty());
}

} // namespace
} // namespace segdash::segment::test
