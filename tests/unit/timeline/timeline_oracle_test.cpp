// The timeline's incremental sweep and selection-based quantiles against the plain path:
// at every snapshot, aggregate the orders up to it, buildRfmInputs + scoreRfm +
// assignSegments, and compare every customer's segment.
#include <gtest/gtest.h>

#include <random>

#include "segment/timeline.h"
#include "segment/timeline_scoring.h"

using namespace segdash;

namespace {

std::vector<segment::PurchaseRecord> randomOrders(std::size_t customers, std::size_t count, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    std::vector<segment::PurchaseRecord> out;
    for (std::size_t i = 0; i < count; ++i) {
        segment::PurchaseRecord o;
        o.customer = static_cast<std::uint32_t>(rng() % customers);
        o.date = core::Date{19000 + static_cast<int>(rng() % 200)};
        const bool isReturn = rng() % 10 == 0;
        // Whole and fractional amounts, many ties.
        const std::int64_t units = static_cast<std::int64_t>(rng() % 50) * 25000 + (rng() % 3 == 0 ? 1234 : 0);
        o.revenue = core::Money::fromUnits(isReturn ? -units : units);
        o.kind = isReturn ? core::OrderKind::Return : core::OrderKind::Sale;
        out.push_back(o);
    }
    return out;
}

// The segment of every customer at `date` through the ordinary scoring path.
std::vector<std::int16_t> plainLabels(const std::vector<segment::PurchaseRecord> &orders, std::size_t customers,
                                      core::Date date, const segment::TimelineOptions &options) {
    std::vector<core::CustomerStats> stats(customers);
    for (std::size_t c = 0; c < customers; ++c) stats[c].customerId = static_cast<core::Id>(c);
    for (const auto &o : orders) {
        if (date < o.date) continue;
        auto &s = stats[o.customer];
        s.netRevenue += o.revenue;
        if (o.kind != core::OrderKind::Sale) continue;
        ++s.purchaseCount;
        const auto t = core::Timestamp::fromDate(o.date);
        if (!s.lastPurchase || *s.lastPurchase < t) s.lastPurchase = t;
    }
    std::vector<std::int16_t> labels(customers, segment::kNotCustomer);
    const auto set = segment::buildRfmInputs(stats, date);
    if (set.inputs.empty()) return labels;
    auto scores = segment::scoreRfm(set.inputs, options.rfm);
    EXPECT_TRUE(scores.ok()) << scores.message();
    auto assigned = segment::assignSegments(options.scheme, scores->scores);
    for (std::size_t i = 0; i < set.inputs.size(); ++i)
        labels[static_cast<std::size_t>(set.inputs[i].customerId)] =
            static_cast<std::int16_t>(assigned->segmentOfCustomer[i]);
    return labels;
}

void compareWithPlainPath(segment::BinMethod method, int bins, const std::string &scheme) {
    const std::size_t customers = 400;
    const auto orders = randomOrders(customers, 3000, 7 + bins);
    segment::TimelineOptions options;
    options.rfm = segment::RfmOptions::uniform(method, bins);
    options.scheme = *segment::builtinScheme(scheme);
    options.snapshots = segment::snapshotDates(core::Date{19000}, core::Date{19199}, segment::SnapshotStep::Month);
    options.keepLabels = options.snapshots;
    auto r = segment::computeTimeline(orders, customers, options);
    ASSERT_TRUE(r.ok()) << r.message();
    ASSERT_EQ(r->labels.size(), options.snapshots.size());
    for (std::size_t k = 0; k < options.snapshots.size(); ++k) {
        SCOPED_TRACE(options.snapshots[k].toIso());
        EXPECT_EQ(r->labels[k].segment, plainLabels(orders, customers, options.snapshots[k], options));
    }
}

} // namespace

TEST(TimelineOracle, QuantileFiveBinsMatchesScoreRfm) { compareWithPlainPath(segment::BinMethod::Quantile, 5, "rfm-10"); }
TEST(TimelineOracle, QuantileThreeAndSevenBinsMatchScoreRfm) {
    compareWithPlainPath(segment::BinMethod::Quantile, 3, "rfm-11");
    compareWithPlainPath(segment::BinMethod::Quantile, 7, "rfm-10");
}
TEST(TimelineOracle, RankMatchesScoreRfm) { compareWithPlainPath(segment::BinMethod::Rank, 5, "rfm-10"); }

TEST(TimelineOracle, QuantileBreaksEqualBinQuantile) {
    std::mt19937_64 rng(3);
    for (std::size_t n : {1u, 2u, 3u, 10u, 101u, 1000u}) {
        std::vector<double> v;
        for (std::size_t i = 0; i < n; ++i) v.push_back(static_cast<double>(rng() % 17) * 0.37 - 2);
        for (int bins = 3; bins <= 10; ++bins) {
            auto plain = segment::binQuantile(v, bins);
            ASSERT_TRUE(plain.ok());
            const auto breaks = segment::quantileBreaks(v, bins);
            ASSERT_EQ(breaks.size(), plain->report.boundaries.size());
            for (std::size_t k = 0; k < breaks.size(); ++k) EXPECT_EQ(breaks[k], plain->report.boundaries[k].value);
        }
    }
}
