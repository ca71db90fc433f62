// Named RFM tables kept in the store: saved with `segdash schemes`, used by
// `segdash segment --scheme NAME`, every customer's segment following the table's
// first-match rule on the scores the same run prints.
#include <gtest/gtest.h>

#include "segment_test_util.h"

using namespace segdash;

namespace {

// Demo data, all files that carry orders.
void importDemo(test::TempStore &t) {
    for (const char *f : {"customers", "orders"}) test::importFile(t, std::string(SEGDASH_DEMO_DIR "/") + f + ".csv");
}

// Hand-written table: top recency and frequency first, then a catch-all for recent buyers.
const char *const kTable =
    "# three tiers by recency and frequency\n"
    "Stars;5-5;4-5;1-5\n"
    "Active;3-5;1-5;1-5\n"
    "Sleeping;1-2;1-5;1-5\n";

std::string expectedSegment(int r, int f) {
    if (r == 5 && f >= 4) return "Stars";
    if (r >= 3) return "Active";
    return "Sleeping";
}

} // namespace

TEST(StoredScheme, SavedTableSegmentsEveryCustomerByItsRules) {
    test::TempStore t;
    importDemo(t);
    const auto table = t.dir() / "tiers.txt";
    test::writeText(table, kTable);
    const auto saved = test::runSegdash(t, {"schemes", "--db", t.path(), "--save", "Tiers", "--file", table.string()});
    ASSERT_EQ(saved.exitCode, 0) << saved.err;
    EXPECT_NE(saved.out.find("3 segments"), std::string::npos) << saved.out;
    const auto listed = test::runSegdash(t, {"schemes", "--db", t.path(), "--list"});
    EXPECT_NE(listed.out.find("rfm-10  (built in)"), std::string::npos) << listed.out;
    EXPECT_NE(listed.out.find("\nTiers\n"), std::string::npos) << listed.out;

    const std::string csv = (t.dir() / "tiers.csv").string();
    const auto run = test::runSegdash(t, {"segment", "--db", t.path(), "--scheme", "Tiers", "--out", csv});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto out = test::readSegmentCsv(csv);
    ASSERT_GT(out.rowCount, 2000u);
    std::map<std::string, int> counts;
    for (const auto &[id, row] : out.rows) {
        const std::string want = expectedSegment(std::stoi(row.at("r_score")), std::stoi(row.at("f_score")));
        EXPECT_EQ(row.at("segment"), want) << id;
        ++counts[row.at("segment")];
    }
    EXPECT_EQ(counts.size(), 3u); // every tier used on the demo data

    // The same stored table drives the per-segment metrics.
    const auto metrics = test::runSegdash(t, {"metrics", "--db", t.path(), "--scheme", "Tiers"});
    ASSERT_EQ(metrics.exitCode, 0) << metrics.err;
    for (const auto &[name, n] : counts) EXPECT_NE(metrics.out.find(name), std::string::npos) << name;
}

TEST(StoredScheme, ShowsBuiltInsAndRefusesBadTablesAndNames) {
    test::TempStore t;
    importDemo(t);
    const auto shown = test::runSegdash(t, {"schemes", "--db", t.path(), "--show", "rfm-10"});
    EXPECT_EQ(shown.exitCode, 0);
    EXPECT_NE(shown.out.find("Champions;5-5;5-5;5-5"), std::string::npos) << shown.out;

    const auto bad = t.dir() / "bad.txt";
    test::writeText(bad, "Broken;6-9;1-5\n");
    const auto refused = test::runSegdash(t, {"schemes", "--db", t.path(), "--save", "X", "--file", bad.string()});
    EXPECT_EQ(refused.exitCode, 1);
    EXPECT_NE(refused.err.find("bad.txt"), std::string::npos) << refused.err;
    const auto builtin = test::runSegdash(t, {"schemes", "--db", t.path(), "--save", "rfm-10", "--file", bad.string()});
    EXPECT_EQ(builtin.exitCode, 1);
    const auto unknown = test::runSegdash(t, {"segment", "--db", t.path(), "--scheme", "NoSuch"});
    EXPECT_EQ(unknown.exitCode, 1);
    EXPECT_NE(unknown.err.find("no RFM scheme named 'NoSuch'"), std::string::npos) << unknown.err;
    const auto usage = test::runSegdash(t, {"schemes", "--db", t.path(), "--list", "--show", "rfm-10"});
    EXPECT_EQ(usage.exitCode, 2);
}
