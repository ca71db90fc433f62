// Every tests/data/import/*.csv is imported into a fresh store and checked against its
// .expect file; then imported again, which must add nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "fixture_expectations.h"
#include "import/import_job.h"
#include "temp_store.h"

namespace fs = std::filesystem;
using namespace segdash;

namespace {

std::vector<std::string> fixtureNames() {
    std::vector<std::string> names;
    for (const auto &e : fs::directory_iterator(SEGDASH_TEST_DATA_DIR "/import"))
        if (e.path().extension() == ".csv" && fs::exists(fs::path(e.path()).replace_extension(".expect")))
            names.push_back(e.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string fixturePath(const std::string &name) { return SEGDASH_TEST_DATA_DIR "/import/" + name; }

core::Result<import::ImportReport> importFile(store::Store &store, const std::string &path) {
    import::ImportOptions options;
    auto plan = import::planImport(path, options);
    if (!plan.ok()) return plan.status();
    return import::runImport(store, *plan, options);
}

bool hasCustomerNamed(store::Store &store, const std::string &name) {
    bool found = false;
    store.forEachCustomer([&](const core::Customer &c) { found = found || c.name == name; return !found; });
    return found;
}

void checkSummary(const fixtures::Expectations &e, const store::StoreSummary &s) {
    const std::pair<const char *, std::int64_t> counts[] = {
        {"customers", s.customers}, {"orders", s.orders}, {"returns", s.returnOrders},
        {"anonymous_orders", s.anonymousOrders}, {"order_lines", s.orderLines},
        {"opportunities", s.opportunities}, {"interactions", s.interactions}, {"surveys", s.surveys},
        {"campaigns", s.campaigns}};
    for (const auto &[key, actual] : counts)
        if (e.has(key)) {
        EXPECT_EQ(actual, std::stoll(e.get(key))) << key;
    }
    if (e.has("net_revenue")) {
        EXPECT_EQ(s.netRevenue.toString(2), e.get("net_revenue"));
    }
}

void checkReport(const fixtures::Expectations &e, const import::ImportReport &r) {
    if (e.has("kind")) {
        EXPECT_EQ(r.kind, e.get("kind"));
    }
    if (e.has("profile")) {
        EXPECT_EQ(r.profile, e.get("profile"));
    }
    if (e.has("rows_read")) {
        EXPECT_EQ(r.rowsRead, std::stoll(e.get("rows_read")));
    }
    if (e.has("imported")) {
        EXPECT_EQ(r.rowsImported, std::stoll(e.get("imported")));
    }
    EXPECT_EQ(r.rowsRejected, std::stoll(e.has("rejected") ? e.get("rejected") : "0")) << r.toText();
    if (e.has("reject")) {
        ASSERT_FALSE(r.rejected.empty());
        EXPECT_EQ(std::to_string(r.rejected[0].line) + ":" + std::to_string(r.rejected[0].column), e.get("reject"))
            << r.rejected[0].reason;
    }
    for (const auto &rule : e.all("cleaning"))
        EXPECT_GT(r.cleaning.count(rule) ? r.cleaning.at(rule) : 0, 0) << "cleaning rule not counted: " << rule;
}

class ImportFixture : public ::testing::TestWithParam<std::string> {};

TEST_P(ImportFixture, MatchesItsExpectations) {
    const std::string name = GetParam();
    const auto e = fixtures::readExpectations(fixturePath(name + ".expect"));
    test::TempStore temp;
    if (e.has("before")) {
        auto before = importFile(temp.store(), fixturePath(e.get("before")));
        ASSERT_TRUE(before.ok()) << before.message();
    }
    const auto baseline = temp.store().summary();
    ASSERT_TRUE(baseline.ok());
    auto report = importFile(temp.store(), fixturePath(name + ".csv"));
    if (e.has("error")) {
        ASSERT_FALSE(report.ok()) << "expected an error containing: " << e.get("error");
        EXPECT_NE(report.message().find(e.get("error")), std::string::npos) << report.message();
        EXPECT_NE(report.message().find(name), std::string::npos) << "the message names the file: " << report.message();
        EXPECT_EQ(temp.store().summary()->customers, baseline->customers);
        return;
    }
    ASSERT_TRUE(report.ok()) << report.message();
    checkReport(e, *report);
    if (e.has("encoding")) {
        auto plan = import::planImport(fixturePath(name + ".csv"), {});
        EXPECT_EQ(plan->detection.encoding.value, e.get("encoding"));
    }
    const auto after = temp.store().summary();
    ASSERT_TRUE(after.ok());
    checkSummary(e, *after);
    if (e.has("customer_name")) {
        EXPECT_TRUE(hasCustomerNamed(temp.store(), e.get("customer_name")));
    }

    auto again = importFile(temp.store(), fixturePath(name + ".csv"));
    ASSERT_TRUE(again.ok()) << again.message();
    EXPECT_TRUE(again->alreadyImported || again->rowsRead == 0);
    checkSummary(e, *temp.store().summary());
    EXPECT_TRUE(temp.integrityOk());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, ImportFixture, ::testing::ValuesIn(fixtureNames()),
                         [](const auto &info) { return info.param; });

} // namespace
