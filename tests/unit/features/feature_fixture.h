#pragma once
// The hand-built Dataset of the feature tests. As of 2025-07-01:
//  0 (id 1) acquired 2024-07-01: sales 2025-04-02 100 (cost 40), 2025-06-01 300 (cost 200),
//      return 2025-06-11 -50 (cost -30); a sale 2025-08-01 999 is after asOf.
//      Interactions up to asOf: open, click (2025-05-01), web visits 2025-06-01 and
//      2025-07-01 (on asOf), social 2025-06-15 = 5; not counted: e-mail sent, call,
//      meeting, a web visit on 2025-07-02.
//  1 (id 2) no acquisition date: sale 2025-01-01 1000 (no cost), return 2025-02-01 -1500.
//      One web visit 2025-03-01.
//  2 (id 3) no orders; one web visit 2025-03-01 (engagement 1, but not a feature row).
//  3 (id 4) acquired 2025-06-21: sale 2025-06-21 50 (cost 50). No interactions.
#include <gtest/gtest.h>

#include "segment/feature_select.h"

namespace segdash::test {

inline core::Date day(int y, int m, int d) { return *core::Date::fromYmd(y, m, d); }
inline core::Money money(double v) { return core::Money::fromDouble(v); }

class FeatureData : public ::testing::Test {
protected:
    const core::Date kAsOf = day(2025, 7, 1);
    segment::Dataset data;

    void SetUp() override {
        using core::InteractionKind;
        using core::OrderKind;
        addCustomer(1, day(2024, 7, 1));
        addCustomer(2, std::nullopt);
        addCustomer(3, std::nullopt);
        addCustomer(4, day(2025, 6, 21));
        data.addOrder(0, day(2025, 6, 1), money(300), money(200), OrderKind::Sale);
        data.addOrder(0, day(2025, 4, 2), money(100), money(40), OrderKind::Sale);
        data.addOrder(0, day(2025, 6, 11), money(-50), money(-30), OrderKind::Return);
        data.addOrder(0, day(2025, 8, 1), money(999), std::nullopt, OrderKind::Sale);
        data.addOrder(1, day(2025, 1, 1), money(1000), std::nullopt, OrderKind::Sale);
        data.addOrder(1, day(2025, 2, 1), money(-1500), std::nullopt, OrderKind::Return);
        data.addOrder(3, day(2025, 6, 21), money(50), money(50), OrderKind::Sale);
        const std::pair<InteractionKind, core::Date> first[] = {
            {InteractionKind::EmailOpen, day(2025, 5, 1)},  {InteractionKind::EmailClick, day(2025, 5, 1)},
            {InteractionKind::WebVisit, day(2025, 6, 1)},   {InteractionKind::WebVisit, day(2025, 7, 1)},
            {InteractionKind::Social, day(2025, 6, 15)},    {InteractionKind::EmailSent, day(2025, 5, 1)},
            {InteractionKind::Call, day(2025, 6, 1)},       {InteractionKind::Meeting, day(2025, 6, 2)},
            {InteractionKind::WebVisit, day(2025, 7, 2)}};
        for (const auto &[kind, d] : first) data.addInteraction(0, kind, d, "");
        data.addInteraction(1, InteractionKind::WebVisit, day(2025, 3, 1), "");
        data.addInteraction(2, InteractionKind::WebVisit, day(2025, 3, 1), "");
        data.finalize();
    }
    void addCustomer(core::Id id, std::optional<core::Date> acquired) {
        core::Customer c;
        c.id = id;
        c.acquiredOn = acquired;
        data.addCustomer(c);
    }
    segment::CustomerFeatures build(const std::vector<std::string> &names, bool log, bool zScore,
                                    std::vector<std::int32_t> customers = {}) {
        segment::CustomerFeatureOptions o;
        o.log = log;
        o.zScore = zScore;
        o.customers = std::move(customers);
        auto f = segment::buildCustomerFeatures(data, kAsOf, names, o);
        EXPECT_TRUE(f.ok()) << f.message();
        return f.ok() ? *f : segment::CustomerFeatures{};
    }
};

} // namespace segdash::test
