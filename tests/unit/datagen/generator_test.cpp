#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>
#include <cctype>

#include "core/date.h"
#include "core/money.h"
#include "test_util.h"

namespace segdash::datagen {
namespace {

using test::readTable;
using test::TempDir;

const char *const kDataFiles[] = {"customers.csv", "orders.csv", "order_lines.csv", "opportunities.csv",
                                  "interactions.csv", "surveys.csv", "campaigns.csv", "ground_truth.csv"};

GeneratorOptions smallOptions(const std::string &dir, std::uint64_t seed = 11) {
    GeneratorOptions o;
    o.customers = 600;
    o.outDir = dir;
    o.seed = seed;
    o.years = 2;
    return o;
}

TEST(Generator, SameSeedGivesByteIdenticalFilesAndOtherSeedDiffers) {
    TempDir a("det_a"), b("det_b"), c("det_c");
    auto oa = smallOptions(a.path());
    oa.dirtyRate = 0.05; // the defect injector must be deterministic too
    auto ob = oa;
    ob.outDir = b.path();
    auto oc = oa;
    oc.outDir = c.path();
    oc.seed = 12;
    test::generateOrDie(oa);
    test::generateOrDie(ob);
    test::generateOrDie(oc);
    for (const char *f : kDataFiles) {
        const auto bytes = test::readBytes(a.file(f));
        EXPECT_FALSE(bytes.empty()) << f;
        EXPECT_EQ(bytes, test::readBytes(b.file(f))) << f;
    }
    EXPECT_EQ(test::readBytes(a.file("defects.csv")), test::readBytes(b.file("defects.csv")));
    EXPECT_NE(test::readBytes(a.file("orders.csv")), test::readBytes(c.file("orders.csv")));
    EXPECT_NE(test::readBytes(a.file("customers.csv")), test::readBytes(c.file("customers.csv")));
}

TEST(Generator, CountsMatchTheSummary) {
    TempDir dir("counts");
    const auto s = test::generateOrDie(smallOptions(dir.path()));
    EXPECT_EQ(s.customers, 600);
    EXPECT_EQ(s.orderRows, s.sales + s.returns + s.cancellations);
    EXPECT_GT(s.returns, 0);
    EXPECT_GT(s.cancellations, 0);
    const std::map<std::string, std::int64_t> expected{
        {"customers.csv", s.customers}, {"orders.csv", s.orderRows}, {"order_lines.csv", s.orderLines},
        {"opportunities.csv", s.opportunities}, {"interactions.csv", s.interactions}, {"surveys.csv", s.surveys},
        {"campaigns.csv", s.campaigns}, {"ground_truth.csv", s.customers}};
    ASSERT_EQ(s.files.size(), expected.size());
    EXPECT_FALSE(std::filesystem::exists(dir.file("defects.csv")));
    for (const auto &f : s.files) {
        const auto rows = readTable(dir.file(f.name));
        EXPECT_EQ(std::int64_t(rows.size()) - 1, f.rows) << f.name;
        EXPECT_EQ(f.rows, expected.at(f.name)) << f.name;
        EXPECT_EQ(std::int64_t(std::filesystem::file_size(dir.file(f.name))), f.bytes) << f.name;
        for (const auto &r : rows) EXPECT_EQ(r.size(), rows[0].size()) << f.name; // clean: no ragged rows
    }
    const auto orders = readTable(dir.file("orders.csv"));
    std::set<std::string> ids;
    for (std::size_t i = 1; i < orders.size(); ++i) EXPECT_TRUE(ids.insert(orders[i][0]).second) << orders[i][0];
    const auto customers = readTable(dir.file("customers.csv"));
    EXPECT_EQ(customers[0][0], "customer_id");
    EXPECT_EQ(customers[1][0], "C000001"); // customer id order
    EXPECT_EQ(customers[600][0], "C000600");
    std::set<std::string> emails;
    for (std::size_t i = 1; i < customers.size(); ++i) {
        std::string e = customers[i][2];
        for (auto &c : e) c = char(std::tolower(static_cast<unsigned char>(c)));
        EXPECT_TRUE(emails.insert(e).second) << "e-mails must be unique in clean data: " << e;
        EXPECT_NE(e.find('@'), std::string::npos);
    }
}

TEST(Generator, OrderRevenueIsExactlyTheSumOfItsLines) {
    TempDir dir("revenue");
    test::generateOrDie(smallOptions(dir.path()));
    const auto orders = readTable(dir.file("orders.csv"));
    const auto lines = readTable(dir.file("order_lines.csv"));
    std::map<std::string, core::Money> lineSums, costSums;
    for (std::size_t i = 1; i < lines.size(); ++i) {
        const auto qty = std::stoll(lines[i][4]);
        lineSums[lines[i][0]] += core::Money::parse(lines[i][5])->times(qty);
        costSums[lines[i][0]] += core::Money::parse(lines[i][6])->times(qty);
    }
    ASSERT_EQ(lineSums.size(), orders.size() - 1); // every order has lines, no line is orphaned
    for (std::size_t i = 1; i < orders.size(); ++i) {
        const auto &o = orders[i];
        const auto revenue = core::Money::parse(o[3]);
        ASSERT_TRUE(revenue) << o[3];
        EXPECT_EQ(revenue->units(), lineSums[o[0]].units()) << o[0];
        EXPECT_EQ(core::Money::parse(o[4])->units(), costSums[o[0]].units()) << o[0];
        EXPECT_TRUE(core::Timestamp::parseIso(o[2])) << o[2];
        if (o[7] == "sale") EXPECT_GT(revenue->units(), 0);
        else EXPECT_LT(revenue->units(), 0) << o[0];
    }
}

TEST(Generator, ReturnsAndCancellationsReferToAnEarlierSaleOfTheSameCustomer) {
    TempDir dir("returns");
    test::generateOrDie(smallOptions(dir.path()));
    const auto orders = readTable(dir.file("orders.csv"));
    std::map<std::string, const test::Row *> sales;
    for (std::size_t i = 1; i < orders.size(); ++i)
        if (orders[i][7] == "sale") sales[orders[i][0].substr(3)] = &orders[i];
    int reversals = 0;
    for (std::size_t i = 1; i < orders.size(); ++i) {
        const auto &o = orders[i];
        if (o[7] == "sale") continue;
        ++reversals;
        EXPECT_EQ(o[0].substr(0, 3), o[7] == "return" ? "RT-" : "CN-");
        const auto it = sales.find(o[0].substr(3));
        ASSERT_NE(it, sales.end()) << o[0];
        const auto &sale = *it->second;
        EXPECT_EQ(sale[1], o[1]);
        EXPECT_LT(sale[2], o[2]); // ISO timestamps sort as text
        const auto saleRevenue = core::Money::parse(sale[3])->units();
        const auto revenue = core::Money::parse(o[3])->units();
        if (o[7] == "cancellation") EXPECT_EQ(revenue, -saleRevenue);
        else EXPECT_LE(-revenue, saleRevenue);
    }
    EXPECT_GT(reversals, 10);
}

TEST(Generator, RejectsBadOptions) {
    GeneratorOptions o;
    o.outDir = "";
    EXPECT_FALSE(generateDataset(o, nullptr).ok());
    TempDir dir("bad");
    o.outDir = dir.path();
    o.customers = 0;
    EXPECT_FALSE(generateDataset(o, nullptr).ok());
    o.customers = 10;
    o.dirtyRate = 1.5;
    EXPECT_NE(generateDataset(o, nullptr).message().find("dirty"), std::string::npos);
    o.dirtyRate = 0;
    o.years = 0;
    EXPECT_FALSE(generateDataset(o, nullptr).ok());
}

TEST(Generator, ProgressCanCancel) {
    TempDir dir("cancel");
    auto o = smallOptions(dir.path());
    o.customers = 5000;
    std::int64_t calls = 0;
    const auto r = generateDataset(o, [&](std::int64_t done, std::int64_t total) {
        ++calls;
        EXPECT_EQ(total, 5000);
        return done < 2000;
    });
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(calls, 2);
}

} // namespace
} // namespace segdash::datagen
