// `segdash segment` as a user runs it: a small store with hand-computed RFM scores and
// segments, a date range, k-means on generated data, and the error exits.
#include <gtest/gtest.h>

#include <set>

#include "datagen/generator.h"
#include "segment_test_util.h"

using namespace segdash;

namespace {

// Ten customers. C3 has a return, C9 a cancellation, C10 only a cancellation (no purchase:
// excluded), A1 has no customer (anonymous: not scored). The last order is 2023-12-31.
const char *const kOrders =
    "order_id,customer_id,order_date,revenue,currency,kind\n"
    "O01,C1,2023-03-01 10:00:00,50.00,EUR,sale\n"
    "O02,C1,2023-06-01 10:00:00,20.00,EUR,sale\n"
    "O03,C1,2023-10-01 10:00:00,80.00,EUR,sale\n"
    "O04,C1,2023-11-15 10:00:00,50.00,EUR,sale\n"
    "O05,C1,2023-12-31 10:00:00,400.00,EUR,sale\n"
    "O06,C2,2023-02-10 10:00:00,30.00,EUR,sale\n"
    "O07,C2,2023-08-10 10:00:00,30.00,EUR,sale\n"
    "O08,C2,2023-12-22 10:00:00,40.00,EUR,sale\n"
    "O09,C3,2023-02-01 10:00:00,50.00,EUR,sale\n"
    "O10,C3,2023-05-01 10:00:00,100.00,EUR,sale\n"
    "O11,C3,2023-09-01 10:00:00,150.00,EUR,sale\n"
    "O12,C3,2023-12-02 10:00:00,200.00,EUR,sale\n"
    "O13,C3,2023-12-10 10:00:00,-75.50,EUR,return\n"
    "O14,C4,2023-04-04 10:00:00,25.25,EUR,sale\n"
    "O15,C4,2023-11-02 10:00:00,60.00,EUR,sale\n"
    "O16,C5,2023-10-03 10:00:00,500.00,EUR,sale\n"
    "O17,C6,2023-09-03 10:00:00,12.00,EUR,sale\n"
    "O18,C6,2023-10-03 10:00:00,10.00,EUR,sale\n"
    "O19,C7,2023-07-05 10:00:00,35.00,EUR,sale\n"
    "O20,C8,2023-01-01 10:00:00,15.00,EUR,sale\n"
    "O21,C9,2022-06-01 10:00:00,90.00,EUR,sale\n"
    "O22,C9,2022-11-01 10:00:00,60.00,EUR,sale\n"
    "O23,C9,2022-12-27 10:00:00,70.00,EUR,sale\n"
    "O24,C9,2023-01-05 10:00:00,-90.00,EUR,cancellation\n"
    "O25,C10,2023-05-05 10:00:00,-40.00,EUR,cancellation\n"
    "A1,,2023-12-31 12:00:00,999.00,EUR,sale\n";

struct Expected {
    const char *id;
    int recency;
    int frequency;
    const char *monetary;
    int r, f, m;
    const char *segment;
};

void storeWithOrders(test::TempStore &t) {
    const auto path = t.dir() / "orders.csv";
    test::writeText(path, kOrders);
    test::importFile(t, path.string());
    const auto s = t.store().summary();
    ASSERT_EQ(s->customers, 10);
    ASSERT_EQ(s->anonymousOrders, 1);
    ASSERT_EQ(s->returnOrders, 3);
}

void expectRows(const test::SegmentCsv &csv, const std::vector<Expected> &expected) {
    ASSERT_EQ(csv.rowCount, expected.size());
    for (const auto &e : expected) {
        SCOPED_TRACE(e.id);
        ASSERT_EQ(csv.rows.count(e.id), 1u);
        const auto &row = csv.rows.at(e.id);
        EXPECT_EQ(row.at("recency_days"), std::to_string(e.recency));
        EXPECT_EQ(row.at("frequency"), std::to_string(e.frequency));
        EXPECT_EQ(row.at("monetary"), e.monetary);
        EXPECT_EQ(row.at("r_score"), std::to_string(e.r));
        EXPECT_EQ(row.at("f_score"), std::to_string(e.f));
        EXPECT_EQ(row.at("m_score"), std::to_string(e.m));
        EXPECT_EQ(row.at("rfm_score"), std::to_string(e.r * 100 + e.f * 10 + e.m));
        EXPECT_EQ(row.at("segment"), e.segment);
    }
}

} // namespace

// As of 2024-01-01, 5 quantile bins (R package rfm: type-7 quantiles q of the sorted values
// at p = .2 .4 .6 .8, index 1 + 8p = 2.6 4.2 5.8 7.4 for 9 customers; breaks q + 1).
// Recency 1 10 30 60 90 90 180 365 370: q = 22 66 90 254 -> [1,23) [23,67) [67,91) [91,255)
//   [255,371) -> R 5 5 4 4 3 3 2 1 1 (reversed).
// Frequency 1 1 1 2 2 3 3 4 5: q = 1 2 2.8 3.4 -> [1,2) [2,3) [3,3.8) [3.8,4.4) [4.4,6).
// Monetary 15 22 35 85.25 100 130 424.5 500 600: q = 29.8 88.2 124 454.7 -> [15,30.8)
//   [30.8,89.2) [89.2,125) [125,455.7) [455.7,601).
// Segments (rfm-10, first match): 555 Champions; 533, 444 Potential Loyalist (R3-5 F3-5 M2-5);
// 422 Loyal Customers; 315 Promising; 321, 212 About To Sleep; 111 Lost; 134 Can't Lose Them.
// C10 (only a cancellation) and the anonymous order are left out.
TEST(SegmentCli, RfmMatchesTheHandComputation) {
    test::TempStore t;
    storeWithOrders(t);
    const std::string out = (t.dir() / "rfm.csv").string();
    auto r = test::runSegdash(t, {"segment", "--db", t.path(), "--method", "rfm", "--as-of", "2024-01-01", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto csv = test::readSegmentCsv(out);
    EXPECT_EQ(csv.header, (std::vector<std::string>{"customer_id", "recency_days", "frequency", "monetary", "r_score",
                                                    "f_score", "m_score", "rfm_score", "segment"}));
    expectRows(csv, {{"C1", 1, 5, "600.00", 5, 5, 5, "Champions"},
                     {"C2", 10, 3, "100.00", 5, 3, 3, "Potential Loyalist"},
                     {"C3", 30, 4, "424.50", 4, 4, 4, "Potential Loyalist"},
                     {"C4", 60, 2, "85.25", 4, 2, 2, "Loyal Customers"},
                     {"C5", 90, 1, "500.00", 3, 1, 5, "Promising"},
                     {"C6", 90, 2, "22.00", 3, 2, 1, "About To Sleep"},
                     {"C7", 180, 1, "35.00", 2, 1, 2, "About To Sleep"},
                     {"C8", 365, 1, "15.00", 1, 1, 1, "Lost"},
                     {"C9", 370, 3, "130.00", 1, 3, 4, "Can't Lose Them"}});
    EXPECT_NE(r.out.find("9 customers scored"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("1 of 10 customers excluded"), std::string::npos) << r.out;
    // Potential Loyalist: 2 of 9 customers, (100 + 424.5) / 1911.75 of the revenue.
    EXPECT_NE(r.out.find("Potential Loyalist             2    22.2%          27.4%"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("threshold 1: 23 (quantile 22), tied 0"), std::string::npos) << r.out;

    // The default analysis date is the day after the last order (2023-12-31): the same file.
    const std::string again = (t.dir() / "default.csv").string();
    ASSERT_EQ(test::runSegdash(t, {"segment", "--db", t.path(), "--out", again}).exitCode, 0);
    EXPECT_EQ(test::Process::slurp(again), test::Process::slurp(out));
}

// Orders 2023-06-01..2023-12-15 only, as of 2023-12-16; C8, C9, C10 have no sale in the range.
// C1: 06-01 20, 10-01 80, 11-15 50 -> R 31, F 3, M 150; C2: 08-10 30 -> R 128; C3: 09-01 150,
// 12-02 200, return 12-10 -75.50 -> R 14, F 2, M 274.50; C4: 11-02 60 -> R 44; C5: 10-03 500 -> R 74;
// C6: 09-03 12, 10-03 10 -> R 74, F 2, M 22; C7: 07-05 35 -> R 164.
// 7 customers: index 1 + 6p = 2.2 3.4 4.6 5.8.
// Recency 14 31 44 74 74 128 164: q = 33.6 56 74 117.2 -> bin [75,118.2) empty (score 2 collapsed).
// Frequency 1 1 1 1 2 2 3: q = 1 1 1.6 2 -> [1,2) [2,2) [2,2.6) [2.6,3) [3,4): scores 1, 3, 5 used.
// Monetary 22 30 35 60 150 274.5 500: q = 31 45 114 249.6 -> [22,32) [32,46) [46,115) [115,250.6) [250.6,501).
// 554 Potential Loyalist, 111 Lost, 535 Potential Loyalist, 413 and 315 Promising, 331 About To Sleep, 112 Lost.
TEST(SegmentCli, DateRangeCountsOnlyOrdersInside) {
    test::TempStore t;
    storeWithOrders(t);
    const std::string out = (t.dir() / "range.csv").string();
    auto r = test::runSegdash(t, {"segment", "--db", t.path(), "--from", "2023-06-01", "--to", "2023-12-15",
                                  "--as-of", "2023-12-16", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    expectRows(test::readSegmentCsv(out), {{"C1", 31, 3, "150.00", 5, 5, 4, "Potential Loyalist"},
                                           {"C2", 128, 1, "30.00", 1, 1, 1, "Lost"},
                                           {"C3", 14, 2, "274.50", 5, 3, 5, "Potential Loyalist"},
                                           {"C4", 44, 1, "60.00", 4, 1, 3, "Promising"},
                                           {"C5", 74, 1, "500.00", 3, 1, 5, "Promising"},
                                           {"C6", 74, 2, "22.00", 3, 3, 1, "About To Sleep"},
                                           {"C7", 164, 1, "35.00", 1, 1, 2, "Lost"}});
    EXPECT_NE(r.out.find("3 of 10 customers excluded (no purchase in the range)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("collapsed bins: score 2\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("collapsed bins: score 2, score 4\n"), std::string::npos) << r.out;
    // Default analysis date with a range: the day after the last order inside it (C3's return on 12-10).
    const std::string def = (t.dir() / "range_default.csv").string();
    ASSERT_EQ(test::runSegdash(t, {"segment", "--db", t.path(), "--from", "2023-06-01", "--to", "2023-12-15",
                                   "--out", def}).exitCode, 0);
    EXPECT_EQ(test::readSegmentCsv(def).rows.at("C3").at("recency_days"), "9");
    // A range holding every order streams the orders yet must agree with the import's stats.
    const std::string all = (t.dir() / "all.csv").string(), stats = (t.dir() / "stats.csv").string();
    ASSERT_EQ(test::runSegdash(t, {"segment", "--db", t.path(), "--from", "2000-01-01", "--out", all}).exitCode, 0);
    ASSERT_EQ(test::runSegdash(t, {"segment", "--db", t.path(), "--out", stats}).exitCode, 0);
    EXPECT_EQ(test::Process::slurp(all), test::Process::slurp(stats));
}

TEST(SegmentCli, KMeansOnGeneratedDataIsRepeatable) {
    test::TempStore t;
    datagen::GeneratorOptions g;
    g.customers = 2000;
    g.outDir = (t.dir() / "gen").string();
    ASSERT_TRUE(datagen::generateDataset(g, {}).ok());
    test::importFile(t, g.outDir + "/customers.csv");
    test::importFile(t, g.outDir + "/orders.csv");
    const std::string a = (t.dir() / "a.csv").string(), b = (t.dir() / "b.csv").string();
    const std::vector<std::string> args{"segment", "--db", t.path(), "--method", "kmeans", "--k", "auto", "--seed", "1"};
    auto first = args, second = args;
    first.insert(first.end(), {"--out", a});
    second.insert(second.end(), {"--out", b});
    auto r1 = test::runSegdash(t, first);
    ASSERT_EQ(r1.exitCode, 0) << r1.err;
    const std::string out1 = r1.out;
    auto r2 = test::runSegdash(t, second);
    ASSERT_EQ(r2.exitCode, 0) << r2.err;
    EXPECT_EQ(test::Process::slurp(a), test::Process::slurp(b));
    EXPECT_EQ(out1.substr(0, out1.rfind("wrote")), r2.out.substr(0, r2.out.rfind("wrote")));
    EXPECT_NE(out1.find("highest silhouette"), std::string::npos) << out1;
    EXPECT_NE(out1.find("silhouette"), std::string::npos);

    const auto csv = test::readSegmentCsv(a);
    ASSERT_EQ(csv.header.size(), 11u);
    EXPECT_EQ(csv.header[9], "cluster");
    EXPECT_EQ(csv.header[10], "cluster_name");
    EXPECT_GT(csv.rowCount, 1000u);
    const auto kPos = out1.find("k-means: k = ");
    ASSERT_NE(kPos, std::string::npos);
    const int k = std::stoi(out1.substr(kPos + 13));
    std::set<std::string> clusters;
    for (const auto &[id, row] : csv.rows) {
        const int c = std::stoi(row.at("cluster"));
        EXPECT_TRUE(c >= 0 && c < k) << id;
        EXPECT_FALSE(row.at("cluster_name").empty());
        EXPECT_FALSE(row.at("segment").empty());
        clusters.insert(row.at("cluster"));
    }
    EXPECT_EQ(static_cast<int>(clusters.size()), k);
}

TEST(SegmentCli, UsageAndInputErrors) {
    test::TempStore t;
    auto help = test::runSegdash(t, {"segment", "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--k-range"), std::string::npos);
    EXPECT_EQ(help.out.find("dump-features"), std::string::npos);

    auto bins = test::runSegdash(t, {"segment", "--db", t.path(), "--bins", "2"});
    EXPECT_EQ(bins.exitCode, 2);
    EXPECT_NE(bins.err.find("--bins must be 3 to 10"), std::string::npos) << bins.err;
    auto method = test::runSegdash(t, {"segment", "--db", t.path(), "--method", "dbscan"});
    EXPECT_EQ(method.exitCode, 2);
    EXPECT_NE(method.err.find("--method"), std::string::npos) << method.err;
    auto noDb = test::runSegdash(t, {"segment"});
    EXPECT_EQ(noDb.exitCode, 2);
    auto fixed = test::runSegdash(t, {"segment", "--db", t.path(), "--binning", "fixed", "--breaks-r", "30,90"});
    EXPECT_EQ(fixed.exitCode, 2);
    EXPECT_NE(fixed.err.find("--breaks-f"), std::string::npos) << fixed.err;

    auto missing = test::runSegdash(t, {"segment", "--db", (t.dir() / "nope.sqlite").string()});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_FALSE(missing.err.empty());
    auto empty = test::runSegdash(t, {"segment", "--db", t.path()});
    EXPECT_EQ(empty.exitCode, 1);
    EXPECT_NE(empty.err.find("no orders"), std::string::npos) << empty.err;
}

TEST(SegmentCli, FixedBreaksAndRangeWithoutOrders) {
    test::TempStore t;
    storeWithOrders(t);
    const std::string out = (t.dir() / "fixed.csv").string();
    // Recency breaks 30,180: [1,30) [30,180) [180,..) -> R 3 2 1; a value on a break goes up.
    auto r = test::runSegdash(t, {"segment", "--db", t.path(), "--as-of", "2024-01-01", "--bins", "3", "--binning",
                                  "fixed", "--breaks-r", "30,180", "--breaks-f", "2,4", "--breaks-m", "50,200", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto csv = test::readSegmentCsv(out);
    EXPECT_EQ(csv.rows.at("C2").at("r_score"), "3"); // 10 days
    EXPECT_EQ(csv.rows.at("C3").at("r_score"), "2"); // 30 days: on the break
    EXPECT_EQ(csv.rows.at("C7").at("r_score"), "1"); // 180 days: on the break
    EXPECT_EQ(csv.rows.at("C4").at("f_score"), "2"); // 2 orders
    EXPECT_EQ(csv.rows.at("C3").at("f_score"), "3"); // 4 orders
    EXPECT_EQ(csv.rows.at("C6").at("m_score"), "1"); // 22.00
    EXPECT_EQ(csv.rows.at("C2").at("m_score"), "2"); // 100.00
    EXPECT_EQ(csv.rows.at("C5").at("m_score"), "3"); // 500.00

    auto none = test::runSegdash(t, {"segment", "--db", t.path(), "--from", "2025-01-01"});
    EXPECT_EQ(none.exitCode, 1);
    EXPECT_NE(none.err.find("no orders between 2025-01-01"), std::string::npos) << none.err;
}
