// `segdash segments` on the bundled demo, through the real executable: sizes over time
// against counts taken straight from orders.csv and against `segdash segment`, the
// migration matrix's margins, and the membership history kept by `segdash import`.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>

#include "segment_test_util.h"

using namespace segdash;

namespace {

const std::string kDemo = SEGDASH_DEMO_DIR;

struct DemoOrder {
    std::string customer;
    std::string date; // YYYY-MM-DD
    bool sale = false;
};

std::vector<std::string> readLines(const std::string &path) {
    std::ifstream in(path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<DemoOrder> demoOrders() {
    std::vector<DemoOrder> out;
    const auto lines = readLines(kDemo + "/orders.csv");
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = test::splitCsvLine(lines[i]);
        out.push_back({f[1], f[2].substr(0, 10), f[7] == "sale"});
    }
    return out;
}

// Customers with a sale order on or before `date`, counted straight from the file.
std::int64_t purchasersBy(const std::vector<DemoOrder> &orders, const std::string &date) {
    std::set<std::string> ids;
    for (const auto &o : orders)
        if (o.sale && o.date <= date) ids.insert(o.customer);
    return static_cast<std::int64_t>(ids.size());
}

void runOk(const test::TempStore &t, const std::vector<std::string> &args) {
    const auto r = test::runSegdash(t, args);
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
}

/// Rows of a CSV as field maps (header names as keys).
std::vector<std::map<std::string, std::string>> readCsv(const std::string &path) {
    const auto lines = readLines(path);
    std::vector<std::map<std::string, std::string>> rows;
    if (lines.empty()) return rows;
    const auto header = test::splitCsvLine(lines[0]);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto f = test::splitCsvLine(lines[i]);
        auto &row = rows.emplace_back();
        for (std::size_t k = 0; k < header.size() && k < f.size(); ++k) row[header[k]] = f[k];
    }
    return rows;
}

using Sizes = std::map<std::string, std::map<std::string, std::int64_t>>; // date -> segment -> customers

Sizes sizesOf(const std::string &csv) {
    Sizes sizes;
    for (auto &row : readCsv(csv)) sizes[row["date"]][row["segment"]] = std::stoll(row["customers"]);
    return sizes;
}

std::int64_t total(const std::map<std::string, std::int64_t> &bySegment) {
    std::int64_t n = 0;
    for (const auto &[s, c] : bySegment) n += c;
    return n;
}

class TimelineCli : public ::testing::Test {
protected:
    void importDemo() { runOk(t, {"import", "--db", t.path(), kDemo + "/customers.csv", kDemo + "/orders.csv"}); }
    std::string file(const char *name) const { return (t.dir() / name).string(); }
    test::TempStore t;
};

} // namespace

TEST_F(TimelineCli, MonthlySizesSumToThePurchasersByEachDate) {
    importDemo();
    runOk(t, {"segments", "--db", t.path(), "--sizes", "--out", file("sizes.csv")});
    const auto sizes = sizesOf(file("sizes.csv"));
    ASSERT_EQ(sizes.size(), 36u); // 2023-01 .. 2025-12 month ends
    EXPECT_EQ(sizes.begin()->first, "2023-01-31");
    EXPECT_EQ(sizes.rbegin()->first, "2025-12-31");
    const auto orders = demoOrders();
    for (const auto &[date, bySegment] : sizes) {
        SCOPED_TRACE(date);
        EXPECT_EQ(bySegment.size(), 11u); // rfm-10's ten segments and Others, every date
        EXPECT_EQ(total(bySegment), purchasersBy(orders, date));
    }
    double shares = 0;
    for (auto &row : readCsv(file("sizes.csv")))
        if (row["date"] == "2024-06-30") shares += std::stod(row["share"]);
    EXPECT_NEAR(shares, 1.0, 1e-3);
}

TEST_F(TimelineCli, ASnapshotEqualsSegmentAsOfThatDate) {
    importDemo();
    runOk(t, {"segments", "--db", t.path(), "--out", file("sizes.csv")});
    // The same customers, orders and analysis date through `segdash segment`.
    runOk(t, {"segment", "--db", t.path(), "--to", "2024-06-30", "--as-of", "2024-06-30", "--out", file("seg.csv")});
    std::map<std::string, std::int64_t> expected;
    for (auto &row : readCsv(file("seg.csv"))) ++expected[row["segment"]];
    auto got = sizesOf(file("sizes.csv")).at("2024-06-30");
    for (auto it = got.begin(); it != got.end();) it = it->second == 0 ? got.erase(it) : std::next(it);
    EXPECT_EQ(got, expected);
}

TEST_F(TimelineCli, MigrationMatrixMarginsAreTheSizesAtBothDates) {
    importDemo();
    runOk(t, {"segments", "--db", t.path(), "--out", file("sizes.csv")});
    const auto r = test::runSegdash(t, {"segments", "--db", t.path(), "--migration", "2024-03-31", "2025-03-31", "--out",
                                        file("migration.csv")});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Migration from 2024-03-31 (rows) to 2025-03-31 (columns)"), std::string::npos) << r.out;
    std::map<std::string, std::int64_t> rows, columns;
    for (auto &row : readCsv(file("migration.csv"))) {
        rows[row["from_segment"]] += std::stoll(row["customers"]);
        columns[row["to_segment"]] += std::stoll(row["customers"]);
    }
    const auto sizes = sizesOf(file("sizes.csv"));
    const auto &before = sizes.at("2024-03-31"), &after = sizes.at("2025-03-31");
    for (const auto &[segment, n] : before) EXPECT_EQ(rows[segment], n) << segment;
    EXPECT_EQ(columns, after);
    EXPECT_EQ(rows["new"], total(after) - total(before));
    EXPECT_GT(rows["new"], 0);
}

TEST_F(TimelineCli, EveryImportRecordsMembershipAndMovesAreCounted) {
    // Orders before 2025-06-30 first, after it second (that day left out, so the first
    // recording, as of the day after the first part's last order, sees only part one).
    const auto lines = readLines(kDemo + "/orders.csv");
    std::ofstream part1(file("orders1.csv")), part2(file("orders2.csv"));
    part1 << lines[0] << "\n";
    part2 << lines[0] << "\n";
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const std::string date = test::splitCsvLine(lines[i])[2].substr(0, 10);
        if (date < "2025-06-30") part1 << lines[i] << "\n";
        else if (date > "2025-06-30") part2 << lines[i] << "\n";
    }
    part1.close();
    part2.close();
    const auto first = test::runSegdash(t, {"import", "--db", t.path(), kDemo + "/customers.csv", file("orders1.csv")});
    ASSERT_EQ(first.exitCode, 0) << first.err;
    EXPECT_NE(first.out.find("segment membership (rfm-10) recorded as of 2025-06-30"), std::string::npos) << first.out;
    runOk(t, {"import", "--db", t.path(), file("orders2.csv")});
    runOk(t, {"import", "--db", t.path(), "--dry-run", file("orders2.csv")}); // records nothing

    t.reopen();
    const auto dates = t.store().membershipDates("rfm-10");
    ASSERT_TRUE(dates.ok()) << dates.message();
    ASSERT_EQ(*dates, (std::vector<core::Date>{*core::Date::parseIso("2025-06-30"), *core::Date::parseIso("2026-01-01")}));
    const auto moves = t.store().movesBetween("rfm-10", dates->front(), dates->back());
    ASSERT_TRUE(moves.ok()) << moves.message();
    std::int64_t before = 0, after = 0, moved = 0;
    std::map<std::pair<std::string, std::string>, std::int64_t> stored;
    for (const auto &m : *moves) {
        before += m.from.empty() ? 0 : m.customers;
        after += m.to.empty() ? 0 : m.customers;
        moved += !m.from.empty() && !m.to.empty() && m.from != m.to ? m.customers : 0;
        stored[{m.from.empty() ? "new" : m.from, m.to}] = m.customers;
    }
    auto orders = demoOrders();
    std::erase_if(orders, [](const DemoOrder &o) { return o.date == "2025-06-30"; }); // in neither part
    EXPECT_EQ(before, purchasersBy(orders, "2025-06-29"));
    EXPECT_EQ(after, purchasersBy(orders, "2025-12-31")); // nobody leaves: once a customer, always one
    EXPECT_GT(moved, 0);

    // The engine's migration matrix between the two recording dates counts the same moves.
    runOk(t, {"segments", "--db", t.path(), "--migration", "2025-06-30", "2026-01-01", "--out", file("m.csv")});
    for (auto &row : readCsv(file("m.csv"))) {
        const auto it = stored.find({row["from_segment"], row["to_segment"]});
        EXPECT_EQ(std::stoll(row["customers"]), it == stored.end() ? 0 : it->second)
            << row["from_segment"] << " -> " << row["to_segment"];
    }
    const auto r = test::runSegdash(t, {"segments", "--db", t.path(), "--moves"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Recorded moves of rfm-10 from 2025-06-30 to 2026-01-01"), std::string::npos) << r.out;
}

TEST_F(TimelineCli, RecordAsOfADateAndUsageErrors) {
    importDemo();
    // The import recorded 2026-01-01; an earlier date is refused with a clear message.
    auto r = test::runSegdash(t, {"segments", "--db", t.path(), "--record", "--to", "2025-06-30"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("cannot record an earlier date"), std::string::npos) << r.err;
    r = test::runSegdash(t, {"segments", "--db", t.path(), "--record", "--to", "2026-02-01"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("as of 2026-02-01"), std::string::npos) << r.out;
    EXPECT_EQ(test::runSegdash(t, {"segments", "--db", t.path(), "--migration", "2025-01-31"}).exitCode, 2);
    EXPECT_EQ(test::runSegdash(t, {"segments", "--db", t.path(), "--migration", "2025-03-31", "2025-01-31"}).exitCode, 2);
    EXPECT_EQ(test::runSegdash(t, {"segments", "--db", t.path(), "--step", "day"}).exitCode, 2);
    EXPECT_EQ(test::runSegdash(t, {"segments", "--db", t.path(), "--binning", "fixed"}).exitCode, 2);
}
