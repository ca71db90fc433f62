// Rule metrics and evaluation on a tiny hand-built Dataset; the arithmetic is in comments.
#include <gtest/gtest.h>

#include <cmath>

#include "segment/rules.h"

using namespace segdash;
using namespace segdash::segment;

namespace {

core::Date day(int y, int m, int d) { return *core::Date::fromYmd(y, m, d); }
core::Money money(double v) { return core::Money::fromDouble(v); }

// As of 2025-07-01 (orders after it are ignored):
//  0 A Retail/PL, acquired 2024-01-10: sales 2025-01-15 30000 (cost 20000), 2025-06-01 10000
//      (no cost), return 2025-06-10 -2000 (cost -1500); sale 2025-08-01 99999 is after asOf.
//  1 B retail/pl, no acquisition date: sale 2025-04-01 500 (cost 300).
//  2 C Manufacturing/DE: sale 2024-12-01 2000.
//  3 D Retail/DE: no orders.
//  4 E Services/PL, channel partner: sale 2025-05-01 100.
class RulesEval : public ::testing::Test {
protected:
    void SetUp() override {
        addCustomer(1, "Retail", "PL", "web", day(2024, 1, 10));
        addCustomer(2, "retail", "pl", "web", std::nullopt);
        addCustomer(3, "Manufacturing", "DE", "web", std::nullopt);
        addCustomer(4, "Retail", "DE", "web", std::nullopt);
        addCustomer(5, "Services", "PL", "partner", std::nullopt);
        data.addOrder(0, day(2025, 6, 1), money(10000), std::nullopt, core::OrderKind::Sale);
        data.addOrder(0, day(2025, 1, 15), money(30000), money(20000), core::OrderKind::Sale);
        data.addOrder(0, day(2025, 6, 10), money(-2000), money(-1500), core::OrderKind::Return);
        data.addOrder(0, day(2025, 8, 1), money(99999), std::nullopt, core::OrderKind::Sale);
        data.addOrder(1, day(2025, 4, 1), money(500), money(300), core::OrderKind::Sale);
        data.addOrder(2, day(2024, 12, 1), money(2000), std::nullopt, core::OrderKind::Sale);
        data.addOrder(4, day(2025, 5, 1), money(100), std::nullopt, core::OrderKind::Sale);
        data.finalize();
    }
    void addCustomer(core::Id id, const char *industry, const char *country, const char *channel,
                     std::optional<core::Date> acquired) {
        core::Customer c;
        c.id = id;
        c.industry = industry;
        c.country = country;
        c.channel = channel;
        c.salesRep = "Ann Lee";
        c.companySize = "11-50";
        c.ageBand = "25-34";
        c.acquiredOn = acquired;
        data.addCustomer(c);
    }
    RuleScheme scheme(const std::string &text) {
        auto s = parseRuleScheme(text);
        EXPECT_TRUE(s.ok()) << s.message();
        return s.ok() ? *s : RuleScheme{};
    }
    // The segment name of every customer.
    std::vector<std::string> segments(const std::string &text) {
        const auto seg = evaluateRules(scheme(text), data, kAsOf);
        std::vector<std::string> out;
        for (int l : seg.label) out.push_back(seg.names.at(static_cast<std::size_t>(l)));
        return out;
    }
    // Which customers match one expression.
    std::vector<int> matching(const std::string &expr) {
        auto e = parseRuleExpression(expr);
        EXPECT_TRUE(e.ok()) << e.message();
        const auto m = ruleMetrics(data, kAsOf);
        std::vector<int> out;
        for (std::size_t c = 0; c < m.size(); ++c)
            if (e.ok() && matches(*e, data, c, m[c])) out.push_back(static_cast<int>(c));
        return out;
    }

    const core::Date kAsOf = day(2025, 7, 1);
    Dataset data;
};

using V = std::vector<int>;

TEST_F(RulesEval, MetricsOfA) {
    const auto m = ruleMetrics(data, kAsOf)[0];
    EXPECT_DOUBLE_EQ(m.recencyDays, 30);           // 2025-07-01 - 2025-06-01
    EXPECT_DOUBLE_EQ(m.frequency, 2);              // two sales on or before asOf
    EXPECT_DOUBLE_EQ(m.monetary, 38000);           // 30000 + 10000 - 2000
    EXPECT_DOUBLE_EQ(m.aov, 20000);                // (30000 + 10000) / 2
    EXPECT_NEAR(m.avgQuarterlyOrderValue, 38000.0 / 3, 1e-9); // 2025Q1..2025Q3 = 3 quarters
    EXPECT_DOUBLE_EQ(m.tenureDays, 538);           // 2025-07-01 - 2024-01-10 (2024 is a leap year)
    EXPECT_DOUBLE_EQ(m.margin, 9500);              // (30000-20000) + (-2000 - -1500); 10000 has no cost
    EXPECT_DOUBLE_EQ(m.ordersLast90Days, 1);       // 2025-06-01 (30 days); 2025-01-15 is 167 days back
}

TEST_F(RulesEval, MetricsOfOthers) {
    const auto m = ruleMetrics(data, kAsOf);
    EXPECT_DOUBLE_EQ(m[1].recencyDays, 91);        // 2025-07-01 - 2025-04-01
    EXPECT_DOUBLE_EQ(m[1].tenureDays, 91);         // no acquisition date: first purchase
    EXPECT_DOUBLE_EQ(m[1].avgQuarterlyOrderValue, 250); // 500 over 2025Q2..Q3
    EXPECT_DOUBLE_EQ(m[1].ordersLast90Days, 0);    // 91 days back
    EXPECT_DOUBLE_EQ(m[1].margin, 200);
    EXPECT_DOUBLE_EQ(m[2].recencyDays, 212);       // 2025-07-01 - 2024-12-01
    EXPECT_DOUBLE_EQ(m[2].avgQuarterlyOrderValue, 500); // 2000 over 2024Q4..2025Q3 = 4 quarters
    EXPECT_DOUBLE_EQ(m[2].margin, 0);              // no known cost
    EXPECT_TRUE(std::isinf(m[3].recencyDays));     // never bought
    EXPECT_DOUBLE_EQ(m[3].frequency, 0);
    EXPECT_DOUBLE_EQ(m[3].aov, 0);
    EXPECT_DOUBLE_EQ(m[3].avgQuarterlyOrderValue, 0);
    EXPECT_DOUBLE_EQ(m[3].tenureDays, 0);          // neither acquisition date nor purchase
    EXPECT_DOUBLE_EQ(m[4].recencyDays, 61);
}

TEST_F(RulesEval, EachField) {
    EXPECT_EQ(matching("country = 'pl'"), (V{0, 1, 4}));        // case-insensitive
    EXPECT_EQ(matching("industry != 'RETAIL'"), (V{2, 4}));
    EXPECT_EQ(matching("channel = 'partner'"), (V{4}));
    EXPECT_EQ(matching("sales_rep = 'ann lee'"), (V{0, 1, 2, 3, 4}));
    EXPECT_EQ(matching("company_size IN ('1-10', '11-50')"), (V{0, 1, 2, 3, 4}));
    EXPECT_EQ(matching("age_band = '35-44'"), (V{}));
    EXPECT_EQ(matching("recency_days > 90"), (V{1, 2, 3}));     // 91, 212, never
    EXPECT_EQ(matching("recency_days < 100000"), (V{0, 1, 2, 4})); // never bought: infinite
    EXPECT_EQ(matching("frequency >= 2"), (V{0}));
    EXPECT_EQ(matching("monetary = 38000"), (V{0}));
    EXPECT_EQ(matching("aov <= 500"), (V{1, 3, 4}));            // 500, 0, 100
    EXPECT_EQ(matching("avg_quarterly_order_value >= 500"), (V{0, 2}));
    EXPECT_EQ(matching("tenure_days > 91"), (V{0, 2}));         // 538, 212
    EXPECT_EQ(matching("margin > 0"), (V{0, 1}));
    EXPECT_EQ(matching("orders_last_90_days IN (1)"), (V{0, 4}));
    EXPECT_EQ(matching("NOT country IN ('PL', 'DE')"), (V{}));
}

TEST_F(RulesEval, IssueExamplesFirstMatchAndOthers) {
    const std::string rules = "Premium: avg_quarterly_order_value > 10000\n"
                              "Retail PL: industry = 'retail' AND country = 'PL'\n"
                              "Dormant: recency_days > 180\n";
    // A is Premium (12666.67) and retail PL: the first rule wins. B retail/pl. C 212 days,
    // D never bought: Dormant. E matches nothing.
    EXPECT_EQ(segments(rules), (std::vector<std::string>{"Premium", "Retail PL", "Dormant", "Dormant", "Others"}));
    const auto seg = evaluateRules(scheme(rules), data, kAsOf);
    EXPECT_EQ(seg.names, (std::vector<std::string>{"Premium", "Retail PL", "Dormant", "Others"}));
    // Order matters: Retail PL first takes A too.
    EXPECT_EQ(segments("Retail PL: industry = 'retail' AND country = 'PL'\nPremium: avg_quarterly_order_value > 10000\n"),
              (std::vector<std::string>{"Retail PL", "Retail PL", "Others", "Others", "Others"}));
}

TEST_F(RulesEval, SharedNamesAndOthersLast) {
    const auto seg = evaluateRules(scheme("Others: country = 'DE'\nPL: country = 'PL' AND frequency > 1\n"
                                          "PL: channel = 'partner'\n"),
                                   data, kAsOf);
    EXPECT_EQ(seg.names, (std::vector<std::string>{"PL", "Others"}));
    EXPECT_EQ(seg.label, (std::vector<int>{0, 1, 1, 1, 0}));
}

TEST_F(RulesEval, EarlierAsOfCountsFewerOrders) {
    // As of 2025-03-01 A has one sale (2025-01-15) and B none yet.
    const auto m = ruleMetrics(data, day(2025, 3, 1));
    EXPECT_DOUBLE_EQ(m[0].frequency, 1);
    EXPECT_DOUBLE_EQ(m[0].recencyDays, 45);        // 2025-03-01 - 2025-01-15
    EXPECT_TRUE(std::isinf(m[1].recencyDays));
}

} // namespace
