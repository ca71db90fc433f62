// The real UCI Online Retail export (541,909 rows), imported with the automatic profile.
// Figures from the issue, checked independently with Python's csv + Decimal.
#include <gtest/gtest.h>

#include <filesystem>

#include "import/import_job.h"
#include "temp_store.h"

using namespace segdash;

TEST(OnlineRetail, ImportsTheWholeFileWithTheAutomaticProfile) {
    const std::string path = SEGDASH_SHARED_DATA_DIR "/online_retail/online_retail.csv";
    if (!std::filesystem::exists(path))
        GTEST_SKIP() << "shared data not found at " << path << " (the shared/ folder sits beside the checkout)";
    test::TempStore temp;
    import::ImportOptions options;
    auto plan = import::planImport(path, options);
    ASSERT_TRUE(plan.ok()) << plan.message();
    EXPECT_EQ(plan->profileName, "online-retail");
    auto report = import::runImport(temp.store(), *plan, options);
    ASSERT_TRUE(report.ok()) << report.message();
    EXPECT_EQ(report->rowsRead, 541909);
    EXPECT_EQ(report->rowsImported, 541909) << report->toText();
    EXPECT_EQ(report->rowsRejected, 0);

    const auto s = temp.store().summary();
    ASSERT_TRUE(s.ok());
    EXPECT_EQ(s->customers, 4372);
    EXPECT_EQ(s->orders, 25900);
    EXPECT_EQ(s->orderLines, 541909);
    EXPECT_EQ(s->netRevenue.units(), 97477479340); // 9,747,747.934 exactly: sum of Quantity x UnitPrice
    EXPECT_EQ(s->netRevenue.toString(2), "9747747.93");
    std::int64_t cancellations = 0;
    temp.store().forEachOrder([&](const core::Order &o) {
        cancellations += o.kind == core::OrderKind::Cancellation;
        return true;
    });
    EXPECT_EQ(cancellations, 3836);
    EXPECT_TRUE(temp.integrityOk());
}
