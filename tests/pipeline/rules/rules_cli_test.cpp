// Rule segments through the real executable: a scheme added with `segdash rules`, each
// customer's segment from `segdash segment --method rules` checked by hand, and the
// history `segdash import` records when a second orders file moves a customer.
#include <gtest/gtest.h>

#include <fstream>
#include <map>

#include "segment_test_util.h"

using namespace segdash;

namespace {

const char *kCustomers = "customer_id,name,email,industry,country,channel,acquired_on\n"
                         "C1,Anna Nowak,anna@a.pl,Retail,PL,web,2024-01-10\n"
                         "C2,Bob Kowal,bob@b.pl,retail,pl,web,\n"
                         "C3,Carl Meier,carl@c.de,Manufacturing,DE,web,\n"
                         "C4,Dora Schmidt,dora@d.de,Retail,DE,partner,\n"
                         "C5,Ewa Lis,ewa@e.pl,Services,PL,partner,\n";

// Newest order 2025-06-30: as of 2025-07-01.
const char *kOrders1 = "order_id,customer_id,order_date,revenue,cost,currency,kind\n"
                       "O1,C1,2025-01-15,30000,20000,EUR,sale\n"
                       "O2,C1,2025-06-01,10000,,EUR,sale\n"
                       "O3,C2,2025-04-01,500,300,EUR,sale\n"
                       "O4,C3,2024-12-01,2000,,EUR,sale\n"
                       "O5,C5,2025-06-30,100,,EUR,sale\n";

// Newest order 2025-09-15: as of 2025-09-16.
const char *kOrders2 = "order_id,customer_id,order_date,revenue,cost,currency,kind\n"
                       "O6,C2,2025-09-15,50000,,EUR,sale\n";

const char *kRules = "# the three examples of the product issue\n"
                     "Premium: avg_quarterly_order_value > 10000\n"
                     "Retail PL: industry = 'retail' AND country = 'PL'\n"
                     "Dormant: recency_days > 180\n";

class RulesCli : public ::testing::Test {
protected:
    test::ProcessResult run(const std::vector<std::string> &args) {
        auto r = test::runSegdash(t, args);
        EXPECT_EQ(r.exitCode, 0) << r.err << r.out;
        return r;
    }
    void importCsv(const char *name, const char *text) {
        const auto path = (t.dir() / name).string();
        test::writeText(path, text);
        run({"import", "--db", t.path(), path});
    }
    std::map<std::string, std::string> segmentsByCustomer() {
        const auto csv = (t.dir() / "rules.csv").string();
        run({"segment", "--db", t.path(), "--method", "rules", "--scheme", "Tiers", "--out", csv});
        std::ifstream in(csv);
        std::string line;
        std::getline(in, line);
        EXPECT_EQ(line, "customer_id,segment");
        std::map<std::string, std::string> out;
        while (std::getline(in, line)) {
            const auto f = test::splitCsvLine(line);
            out[f.at(0)] = f.at(1);
        }
        return out;
    }
    core::Id idOf(const std::string &externalId) {
        core::Id id = 0;
        EXPECT_TRUE(t.store().forEachCustomer([&](const core::Customer &c) {
            if (c.externalId == externalId) id = c.id;
            return true;
        }));
        return id;
    }

    test::TempStore t;
};

TEST_F(RulesCli, SegmentsAndHistoryOverTwoImports) {
    importCsv("customers.csv", kCustomers);
    test::writeText(t.dir() / "rules.txt", kRules);
    run({"rules", "--db", t.path(), "--add", "Tiers", "--file", (t.dir() / "rules.txt").string()});
    importCsv("orders1.csv", kOrders1);

    // As of 2025-07-01: C1 net 40000 over 2025Q1..Q3 = 13333 > 10000 (also retail PL, but
    // Premium comes first); C2 500 over 2 quarters, retail/pl (case-insensitive); C3 last
    // bought 212 days ago; C4 never bought; C5 Services, bought yesterday.
    const std::map<std::string, std::string> before{
        {"C1", "Premium"}, {"C2", "Retail PL"}, {"C3", "Dormant"}, {"C4", "Dormant"}, {"C5", "Others"}};
    EXPECT_EQ(segmentsByCustomer(), before);
    const auto summary = run({"segment", "--db", t.path(), "--method", "rules", "--scheme", "Tiers"}).out;
    EXPECT_NE(summary.find("as of 2025-07-01: 5 customers"), std::string::npos) << summary;

    // C2 spends 50000 on 2025-09-15: (500 + 50000) / 2 quarters = 25250 -> Premium.
    importCsv("orders2.csv", kOrders2);
    auto after = before;
    after["C2"] = "Premium";
    EXPECT_EQ(segmentsByCustomer(), after);

    t.reopen();
    const auto july = *core::Date::parseIso("2025-07-01");
    const auto september = *core::Date::parseIso("2025-09-16");
    auto dates = t.store().membershipDates("Tiers");
    ASSERT_TRUE(dates.ok()) << dates.message();
    EXPECT_EQ(*dates, (std::vector<core::Date>{july, september}));
    auto moves = t.store().movesBetween("Tiers", july, september);
    ASSERT_TRUE(moves.ok()) << moves.message();
    std::map<std::pair<std::string, std::string>, std::int64_t> counted;
    for (const auto &m : *moves) counted[{m.from, m.to}] = m.customers;
    EXPECT_EQ(counted, (std::map<std::pair<std::string, std::string>, std::int64_t>{
                           {{"Premium", "Premium"}, 1}, {{"Retail PL", "Premium"}, 1},
                           {{"Dormant", "Dormant"}, 2}, {{"Others", "Others"}, 1}}));

    auto history = t.store().membershipHistory(idOf("C2"));
    ASSERT_TRUE(history.ok()) << history.message();
    std::vector<std::string> rows;
    for (const auto &h : *history)
        if (h.scheme == "Tiers")
            rows.push_back(h.segment + " " + h.validFrom.toIso() + ".." + (h.validTo ? h.validTo->toIso() : "now"));
    EXPECT_EQ(rows, (std::vector<std::string>{"Retail PL 2025-07-01..2025-09-16", "Premium 2025-09-16..now"}));

    // The same moves through the command line; snapshots stay RFM-only.
    const auto printed = run({"segments", "--db", t.path(), "--scheme", "Tiers", "--moves"});
    EXPECT_EQ(printed.exitCode, 0) << printed.err;
    EXPECT_NE(printed.out.find("Recorded moves of Tiers from 2025-07-01 to 2025-09-16"), std::string::npos) << printed.out;
    EXPECT_NE(printed.out.find("  Retail PL -> Premium: 1"), std::string::npos) << printed.out;
    EXPECT_EQ(test::runSegdash(t, {"segments", "--db", t.path(), "--scheme", "Tiers", "--sizes"}).exitCode, 2);
    const auto unknown = test::runSegdash(t, {"segments", "--db", t.path(), "--scheme", "NoSuch", "--moves"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("no scheme named 'NoSuch'"), std::string::npos) << unknown.err;
}

TEST_F(RulesCli, ListShowRemoveAndErrors) {
    importCsv("customers.csv", kCustomers);
    test::writeText(t.dir() / "rules.txt", kRules);
    test::writeText(t.dir() / "bad.txt", "Big: monetary >\n");
    run({"rules", "--db", t.path(), "--add", "Tiers", "--file", (t.dir() / "rules.txt").string()});
    EXPECT_EQ(run({"rules", "--db", t.path(), "--show", "Tiers"}).out, kRules);
    EXPECT_EQ(run({"rules", "--db", t.path(), "--list"}).out.rfind("Tiers\t3 rules\t", 0), 0u);

    auto bad = test::runSegdash(t, {"rules", "--db", t.path(), "--add", "Big", "--file", (t.dir() / "bad.txt").string()});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("line 1: position 16: monetary is a number field: expected a number"), std::string::npos)
        << bad.err;
    auto unknown = test::runSegdash(t, {"segment", "--db", t.path(), "--method", "rules", "--scheme", "Nope"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("no rule scheme named 'Nope'"), std::string::npos) << unknown.err;
    EXPECT_EQ(test::runSegdash(t, {"rules", "--db", t.path(), "--list", "--show", "Tiers"}).exitCode, 2);

    run({"rules", "--db", t.path(), "--remove", "Tiers"});
    EXPECT_EQ(run({"rules", "--db", t.path(), "--list"}).out, "");
    EXPECT_EQ(test::runSegdash(t, {"rules", "--db", t.path(), "--show", "Tiers"}).exitCode, 1);
}

} // namespace
