// The segdash command line as a user runs it: exit codes, messages, and what lands in the store.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <thread>

#include "process.h"
#include "temp_store.h"

using namespace segdash;

namespace {

const std::string kData = SEGDASH_TEST_DATA_DIR "/import/";

test::ProcessResult run(const test::TempStore &t, std::vector<std::string> args) {
    args.insert(args.begin(), SEGDASH_EXE);
    test::Process p(args, (t.dir() / "out.txt").string(), (t.dir() / "err.txt").string());
    EXPECT_TRUE(p.started());
    return p.wait();
}

// Orders for 50,000 customers, written by the test so the file is big enough to kill mid-import.
std::string writeBigOrders(const test::TempStore &t, int rows) {
    const std::string path = (t.dir() / "big_orders.csv").string();
    FILE *f = std::fopen(path.c_str(), "w");
    std::fputs("order_id,customer_id,order_date,revenue,currency\n", f);
    for (int i = 0; i < rows; ++i)
        std::fprintf(f, "B%08d,C%05d,2023-%02d-%02d 10:00:00,%d.%02d,EUR\n", i, i % 50000, 1 + i % 12, 1 + i % 28,
                     10 + i % 990, i % 100);
    std::fclose(f);
    return path;
}

} // namespace

TEST(Cli, HelpAndUsageErrors) {
    test::TempStore t;
    auto help = run(t, {"import", "--help"});
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.out.find("--dry-run"), std::string::npos);
    auto noDb = run(t, {"import", kData + "generic_orders.csv"});
    EXPECT_EQ(noDb.exitCode, 2);
    EXPECT_NE(noDb.err.find("db"), std::string::npos) << noDb.err;
    auto unknown = run(t, {"frobnicate"});
    EXPECT_EQ(unknown.exitCode, 2);
    auto badKind = run(t, {"import", "--db", t.path(), "--kind", "widgets", kData + "generic_orders.csv"});
    EXPECT_EQ(badKind.exitCode, 2);
}

TEST(Cli, ImportsInfoAndUndo) {
    test::TempStore t;
    auto imp = run(t, {"import", "--db", t.path(), kData + "generic_orders.csv", kData + "generic_surveys.csv"});
    ASSERT_EQ(imp.exitCode, 0) << imp.err;
    EXPECT_NE(imp.out.find("generic_orders.csv: 5 rows read, 5 imported"), std::string::npos) << imp.out;
    EXPECT_NE(imp.out.find("rejected generic_surveys.csv:4:3: nps: NPS must be 0 to 10"), std::string::npos) << imp.out;
    auto info = run(t, {"info", "--db", t.path()});
    EXPECT_EQ(info.exitCode, 0);
    EXPECT_NE(info.out.find("net revenue:    195.25"), std::string::npos) << info.out;
    EXPECT_NE(info.out.find("surveys:        2"), std::string::npos) << info.out;
    auto undo = run(t, {"imports", "--db", t.path(), "--undo-last"});
    EXPECT_EQ(undo.exitCode, 0) << undo.err;
    EXPECT_NE(undo.out.find("generic_surveys.csv"), std::string::npos);
    t.reopen();
    EXPECT_EQ(t.store().summary()->surveys, 0);
    EXPECT_EQ(t.store().summary()->orders, 5);
}

TEST(Cli, RejectedInputExitsOneWithFileAndReason) {
    test::TempStore t;
    auto missing = run(t, {"import", "--db", t.path(), kData + "broken_missing_required_column.csv"});
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.err.find("broken_missing_required_column.csv"), std::string::npos) << missing.err;
    EXPECT_NE(missing.err.find("order_date"), std::string::npos) << missing.err;
    auto binary = run(t, {"import", "--db", t.path(), kData + "broken_binary_xlsx.csv"});
    EXPECT_EQ(binary.exitCode, 1);
    EXPECT_NE(binary.err.find("not a text file"), std::string::npos) << binary.err;
    auto nofile = run(t, {"import", "--db", t.path(), kData + "no_such_file.csv"});
    EXPECT_EQ(nofile.exitCode, 1);
    EXPECT_NE(nofile.err.find("no_such_file.csv"), std::string::npos) << nofile.err;
}

TEST(Cli, DryRunStoresNothingAndWritesTheReport) {
    test::TempStore t;
    const std::string report = (t.dir() / "report.json").string();
    auto r = run(t, {"import", "--db", t.path(), "--dry-run", "--report", report, kData + "broken_bad_values.csv"});
    EXPECT_EQ(r.exitCode, 0) << r.err;
    const std::string json = test::Process::slurp(report);
    EXPECT_NE(json.find("\"rows_rejected\": 4"), std::string::npos) << json;
    EXPECT_NE(json.find("\"line\": 3"), std::string::npos) << json;
    t.reopen();
    EXPECT_EQ(t.store().summary()->orders, 0);
    EXPECT_EQ(t.store().summary()->imports, 0);
}

TEST(Cli, MapOverrideAndExplicitSettings) {
    test::TempStore t;
    auto r = run(t, {"import", "--db", t.path(), "--map", "nazwa=company", "--encoding", "windows-1250",
                     "--delimiter", ";", "--decimal", ",", "--date-format", "DMY",
                     kData + "generic_customers_pl_cp1250.csv"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    t.reopen();
    bool found = false;
    t.store().forEachCustomer([&](const core::Customer &c) { found = found || c.company == "Zakład Łódź"; return true; });
    EXPECT_TRUE(found);
    auto bad = run(t, {"import", "--db", t.path(), "--map", "Nazwa=shoe_size", kData + "generic_customers_pl_cp1250.csv"});
    EXPECT_EQ(bad.exitCode, 1);
    EXPECT_NE(bad.err.find("shoe_size"), std::string::npos) << bad.err;
}

// A killed import leaves the store exactly as it was: SQLite's transaction is the guarantee.
TEST(Cli, KilledImportLeavesTheStoreUnchanged) {
    test::TempStore t;
    ASSERT_EQ(run(t, {"import", "--db", t.path(), kData + "generic_orders.csv"}).exitCode, 0);
    t.reopen();
    const auto before = *t.store().summary();
    const std::string big = writeBigOrders(t, 600000);
    for (int sig : {SIGKILL, SIGINT}) {
        test::Process p({SEGDASH_EXE, "import", "--db", t.path(), big}, (t.dir() / "o").string(), (t.dir() / "e").string());
        ASSERT_TRUE(p.started());
        std::this_thread::sleep_for(std::chrono::milliseconds(700));
        p.signal(sig);
        const auto r = p.wait();
        if (sig == SIGKILL) {
            ASSERT_EQ(r.signal, SIGKILL) << "the import finished before it could be killed; make the file bigger";
        } else {
            ASSERT_EQ(r.exitCode, 1) << r.out << r.err;
            EXPECT_NE(r.err.find("cancelled"), std::string::npos) << r.err;
        }
        t.reopen();
        const auto after = *t.store().summary();
        EXPECT_EQ(after.orders, before.orders);
        EXPECT_EQ(after.customers, before.customers);
        EXPECT_EQ(after.imports, before.imports);
        EXPECT_EQ(after.netRevenue, before.netRevenue);
        EXPECT_TRUE(t.integrityOk());
    }
}
