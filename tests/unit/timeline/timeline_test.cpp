// Segments over time on a hand-computed example with fixed bins, and the migration matrix.
#include <gtest/gtest.h>

#include "segment/timeline.h"

using namespace segdash;
using segment::PurchaseRecord;

namespace {

core::Date day(int y, int m, int d) { return *core::Date::fromYmd(y, m, d); }

PurchaseRecord sale(std::uint32_t c, core::Date d, int units) {
    return {c, d, core::Money::fromUnits(units * core::Money::kScale), core::OrderKind::Sale};
}
PurchaseRecord refund(std::uint32_t c, core::Date d, int units) {
    return {c, d, core::Money::fromUnits(units * core::Money::kScale), core::OrderKind::Return};
}

// Fixed bins make the scores obvious: recency <30 days -> R3, 30..59 -> R2, >=60 -> R1;
// frequency 1 -> F1, 2 -> F2, >=3 -> F3; monetary <100 -> M1, 100..999 -> M2, >=1000 -> M3.
segment::TimelineOptions fixedOptions() {
    segment::TimelineOptions o;
    o.rfm = segment::RfmOptions::uniform(segment::BinMethod::Fixed, 3);
    o.rfm.recency.breaks = {30, 60};
    o.rfm.frequency.breaks = {2, 3};
    o.rfm.monetary.breaks = {100, 1000};
    o.scheme = *segment::parseScheme("scheme=test\naxes=r-f-m\n"
                                     "Big;1-3;1-3;3-3\n"
                                     "Active;3-3;1-3;1-3\n"
                                     "Loyal;2-2;2-3;1-3\n"
                                     "Lapsing;1-2;1-3;1-3\n");
    o.snapshots = {day(2024, 1, 31), day(2024, 2, 29), day(2024, 3, 31)};
    return o;
}

// Customers: 0 = A, 1 = B, 2 = C, 3 = D (a return first, buys in March), 4 = E (never
// orders), 5 = F (one big order in February).
std::vector<PurchaseRecord> orders() {
    return {
        sale(0, day(2024, 3, 25), 70), sale(0, day(2024, 1, 10), 50), sale(0, day(2024, 2, 20), 60),
        sale(0, day(2024, 4, 2), 999), // after the last snapshot: ignored
        sale(1, day(2024, 1, 5), 40), sale(1, day(2024, 1, 20), 40),
        sale(2, day(2024, 1, 2), 20),
        refund(3, day(2024, 2, 10), -10), sale(3, day(2024, 3, 15), 30),
        sale(5, day(2024, 2, 1), 1500),
    };
}

enum Seg { Big, Active, Loyal, Lapsing, Others };

std::vector<std::int64_t> counts(std::int64_t big, std::int64_t active, std::int64_t loyal, std::int64_t lapsing) {
    return {big, active, loyal, lapsing, 0};
}

core::Money units(int u) { return core::Money::fromUnits(std::int64_t(u) * core::Money::kScale); }

} // namespace

TEST(SnapshotDates, MonthEndsCoverTheSpan) {
    const auto d = segment::snapshotDates(day(2023, 11, 15), day(2024, 2, 1), segment::SnapshotStep::Month);
    ASSERT_EQ(d.size(), 4u);
    EXPECT_EQ(d[0], day(2023, 11, 30));
    EXPECT_EQ(d[1], day(2023, 12, 31));
    EXPECT_EQ(d[2], day(2024, 1, 31));
    EXPECT_EQ(d[3], day(2024, 2, 29));
    EXPECT_EQ(segment::snapshotDates(day(2024, 1, 31), day(2024, 1, 31), segment::SnapshotStep::Month).size(), 1u);
    EXPECT_TRUE(segment::snapshotDates(day(2024, 2, 1), day(2024, 1, 1), segment::SnapshotStep::Month).empty());
}

TEST(SnapshotDates, WeekEndsAreSundays) {
    // 2024-03-06 is a Wednesday: the week ends on Sunday 2024-03-10; 2024-03-17 is a Sunday.
    const auto d = segment::snapshotDates(day(2024, 3, 6), day(2024, 3, 17), segment::SnapshotStep::Week);
    ASSERT_EQ(d.size(), 2u);
    EXPECT_EQ(d[0], day(2024, 3, 10));
    EXPECT_EQ(d[1], day(2024, 3, 17));
}

TEST(Timeline, HandComputedSizesAndRevenuePerMonth) {
    auto r = segment::computeTimeline(orders(), 6, fixedOptions());
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->segmentNames, (std::vector<std::string>{"Big", "Active", "Loyal", "Lapsing", "Others"}));
    ASSERT_EQ(r->snapshots.size(), 3u);
    // Jan 31: A rec 31-10=21 R3 -> Active; B rec 31-20=11 R3 -> Active; C rec 29 R3 -> Active.
    // Revenue in January: A 50 + B 40+40 + C 20 = 150, all Active.
    const auto &jan = r->snapshots[0];
    EXPECT_EQ(jan.customers, 3);
    EXPECT_EQ(jan.counts, counts(0, 3, 0, 0));
    EXPECT_EQ(jan.revenue[Active], units(150));
    EXPECT_EQ(jan.periodRevenue, units(150));
    // Feb 29: A rec 9 -> Active; B rec 29+11=40 R2 F2 -> Loyal; C rec 58 R2 F1 -> Lapsing;
    // F rec 28 M3 (1500) -> Big; D has only a return: not yet a customer.
    // Revenue: A 60 Active, F 1500 Big, D -10 nobody's; period total 60+1500-10 = 1550.
    const auto &feb = r->snapshots[1];
    EXPECT_EQ(feb.customers, 4);
    EXPECT_EQ(feb.counts, counts(1, 1, 1, 1));
    EXPECT_EQ(feb.revenue[Big], units(1500));
    EXPECT_EQ(feb.revenue[Active], units(60));
    EXPECT_EQ(feb.revenue[Loyal], units(0));
    EXPECT_EQ(feb.periodRevenue, units(1550));
    // Mar 31: A rec 6 -> Active; B rec 71 R1 -> Lapsing; C rec 89 -> Lapsing; D rec 16, net
    // -10+30 = 20 -> Active; F rec 59 R2 M3 -> Big. Revenue: A 70 + D 30 = 100 Active.
    const auto &mar = r->snapshots[2];
    EXPECT_EQ(mar.customers, 5);
    EXPECT_EQ(mar.counts, counts(1, 2, 0, 2));
    EXPECT_EQ(mar.revenue[Active], units(100));
    EXPECT_EQ(mar.periodRevenue, units(100));
    for (const auto &s : r->snapshots) {
        std::int64_t sum = 0;
        for (auto c : s.counts) sum += c;
        EXPECT_EQ(sum, s.customers);
    }
}

TEST(Timeline, MigrationMatrixBetweenJanuaryAndMarch) {
    auto o = fixedOptions();
    o.keepLabels = {day(2024, 1, 31), day(2024, 3, 31)};
    auto r = segment::computeTimeline(orders(), 6, o);
    ASSERT_TRUE(r.ok()) << r.message();
    ASSERT_EQ(r->labels.size(), 2u);
    const auto &jan = r->labels[0].segment;
    EXPECT_EQ(jan, (std::vector<std::int16_t>{Active, Active, Active, -1, -1, -1}));
    EXPECT_EQ(r->labels[1].segment, (std::vector<std::int16_t>{Active, Lapsing, Lapsing, Active, -1, Big}));
    auto m = segment::migrationMatrix(r->segmentNames, r->labels[0], r->labels[1]);
    ASSERT_TRUE(m.ok()) << m.message();
    ASSERT_EQ(m->rowNames.back(), "new");
    const std::size_t kNew = 5;
    // A stays Active, B and C go Active -> Lapsing; D (new) -> Active, F (new) -> Big.
    EXPECT_EQ(m->counts[Active][Active], 1);
    EXPECT_EQ(m->counts[Active][Lapsing], 2);
    EXPECT_EQ(m->counts[kNew][Active], 1);
    EXPECT_EQ(m->counts[kNew][Big], 1);
    EXPECT_EQ(m->rowTotals, (std::vector<std::int64_t>{0, 3, 0, 0, 0, 2}));
    // Column totals = the March sizes; row totals without "new" = the January sizes.
    EXPECT_EQ(m->columnTotals, r->snapshots[2].counts);
    for (std::size_t s = 0; s < 5; ++s) EXPECT_EQ(m->rowTotals[s], r->snapshots[0].counts[s]);
    EXPECT_EQ(m->total, r->snapshots[2].customers);
    EXPECT_EQ(m->rowTotals[kNew], r->snapshots[2].customers - r->snapshots[0].customers);
}

TEST(Timeline, MigrationBackwardsIsRefused) {
    segment::CustomerLabels a{day(2024, 1, 31), {0, -1}}, b{day(2024, 3, 31), {-1, -1}};
    EXPECT_FALSE(segment::migrationMatrix({"X", "Others"}, a, b).ok());
    segment::CustomerLabels shorter{day(2024, 3, 31), {0}};
    EXPECT_FALSE(segment::migrationMatrix({"X", "Others"}, a, shorter).ok());
}

TEST(Timeline, CancelStopsTheSweep) {
    int calls = 0;
    auto r = segment::computeTimeline(orders(), 6, fixedOptions(), [&](std::int64_t, std::int64_t) { return ++calls < 2; });
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.message(), "cancelled");
    EXPECT_EQ(calls, 2);
}

TEST(Timeline, BadInputsGiveErrors) {
    EXPECT_FALSE(segment::computeTimeline(orders(), 5, fixedOptions()).ok()); // customer index 5 of 5
    auto o = fixedOptions();
    o.keepLabels = {day(2024, 1, 30)};
    EXPECT_FALSE(segment::computeTimeline(orders(), 6, o).ok());
    o = fixedOptions();
    std::swap(o.snapshots[0], o.snapshots[1]);
    EXPECT_FALSE(segment::computeTimeline(orders(), 6, o).ok());
    o = fixedOptions();
    o.rfm.recency.breaks = {60, 30};
    EXPECT_FALSE(segment::computeTimeline(orders(), 6, o).ok());
}

TEST(Timeline, NoOrdersYetGivesEmptySnapshots) {
    auto o = fixedOptions();
    o.snapshots = {day(2023, 12, 31), day(2024, 1, 31)};
    auto r = segment::computeTimeline(orders(), 6, o);
    ASSERT_TRUE(r.ok()) << r.message();
    EXPECT_EQ(r->snapshots[0].customers, 0);
    EXPECT_EQ(r->snapshots[0].counts, counts(0, 0, 0, 0));
    EXPECT_EQ(r->snapshots[1].customers, 3);
}
