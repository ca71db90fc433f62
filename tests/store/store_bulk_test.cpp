// Big imports drop the orders(customer_id) index and rebuild it at commit; these
// tests cross that threshold (100k orders) and check the result stays exact.
#include "store_test_support.h"

namespace segdash::store::test {
namespace {

using BulkTest = StoreTest;

constexpr int kCustomers = 1000;
constexpr int kOrders = 120000;

// Order i goes to customer i % kCustomers, revenue 1 + i % 7 units (every 10th a
// return of -2), at day i / 1000: simple enough to sum by hand per customer.
core::Status importBulk(ImportSession &s, const std::vector<core::Id> &ids) {
    core::Order o;
    for (int i = 0; i < kOrders; ++i) {
        o.externalId = "B" + std::to_string(i);
        o.customerId = ids[static_cast<std::size_t>(i % kCustomers)];
        o.placedAt = core::Timestamp{86400LL * (i / 1000)};
        const bool isReturn = i % 10 == 0;
        o.kind = isReturn ? core::OrderKind::Return : core::OrderKind::Sale;
        o.revenue = core::Money::fromUnits(isReturn ? -2 : 1 + i % 7);
        auto added = s.addOrder(o, "bulk");
        if (!added.ok()) return added.status();
    }
    return core::Status::success();
}

std::vector<core::Id> addCustomers(ImportSession &s) {
    std::vector<core::Id> ids;
    core::Customer c;
    c.sourceSystem = "bulk";
    for (int i = 0; i < kCustomers; ++i) {
        c.externalId = "K" + std::to_string(i);
        ids.push_back(*s.upsertCustomer(c));
    }
    return ids;
}

bool hasCustomerIndex(const std::filesystem::path &path) {
    RawDb db(path);
    return db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'orders_customer'") == 1;
}

TEST_F(BulkTest, ABigImportRebuildsTheCustomerIndexAndKeepsStatsExact) {
    auto store = open();
    auto s = std::move(*store->beginImport());
    const auto ids = addCustomers(*s);
    ASSERT_TRUE(importBulk(*s, ids).ok());
    ASSERT_TRUE(s->commit(ImportRecord{}).ok());
    EXPECT_TRUE(hasCustomerIndex(path()));

    // Customer 7 (index 7) gets orders i = 7, 1007, 2007, ...: 120 orders, none a
    // return (i % 10 == 7), revenue 1 + i % 7 where i % 7 cycles with i = 7 + 1000k.
    std::int64_t gross = 0;
    for (int k = 0; k < kOrders / kCustomers; ++k) gross += 1 + (7 + 1000 * k) % 7;
    // Customer 10 gets i = 10, 1010, ...: all returns of -2.
    std::map<core::Id, core::CustomerStats> stats;
    store->forEachCustomerStats([&](const core::CustomerStats &st) { stats[st.customerId] = st; return true; });
    ASSERT_EQ(stats.size(), static_cast<std::size_t>(kCustomers));
    const auto &seven = stats[ids[7]];
    EXPECT_EQ(seven.purchaseCount, 120);
    EXPECT_EQ(seven.returnCount, 0);
    EXPECT_EQ(seven.grossRevenue.units(), gross);
    EXPECT_EQ(seven.firstPurchase, core::Timestamp{0});
    EXPECT_EQ(seven.lastPurchase, core::Timestamp{86400LL * 119});
    const auto &ten = stats[ids[10]];
    EXPECT_EQ(ten.purchaseCount, 0);
    EXPECT_EQ(ten.returnCount, 120);
    EXPECT_EQ(ten.returnsValue.units(), -240);
    EXPECT_FALSE(ten.firstPurchase);
    expectIntegrity();

    const auto undone = store->undoLastImport();
    ASSERT_TRUE(undone.ok()) << undone.message();
    EXPECT_TRUE(hasCustomerIndex(path()));
    EXPECT_EQ(store->summary()->orders, 0);
    EXPECT_EQ(store->summary()->customers, 0);
    expectIntegrity();
}

TEST_F(BulkTest, RollingBackABigImportBringsTheIndexBack) {
    auto store = open();
    {
        auto s = std::move(*store->beginImport());
        const auto ids = addCustomers(*s);
        ASSERT_TRUE(importBulk(*s, ids).ok());
    }
    EXPECT_TRUE(hasCustomerIndex(path()));
    EXPECT_EQ(store->summary()->orders, 0);
    expectIntegrity();
}

} // namespace
} // namespace segdash::store::test
