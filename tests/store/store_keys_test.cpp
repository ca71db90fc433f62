// The narrow reads the engine uses instead of full rows: customer keys and the newest order.
#include "store_test_support.h"

namespace segdash::store::test {
namespace {

using KeysTest = StoreTest;

TEST_F(KeysTest, CustomerKeysAndLastOrderTime) {
    auto opened = open();
    ASSERT_TRUE(opened);
    Store &s = *opened;
    auto empty = s.lastOrderTime();
    ASSERT_TRUE(empty.ok()) << empty.message();
    EXPECT_FALSE(*empty);
    {
        auto session = std::move(*s.beginImport());
        core::Customer a;
        a.sourceSystem = "crm";
        a.externalId = "C1";
        a.email = "a@example.com";
        core::Customer b;
        b.sourceSystem = "crm";
        b.email = "b@example.com"; // known only by e-mail
        const Id ida = *session->upsertCustomer(a);
        const Id idb = *session->upsertCustomer(b);
        core::Order o1;
        o1.externalId = "O1";
        o1.customerId = ida;
        o1.placedAt = at(2024, 3, 1);
        o1.revenue = money("10");
        core::Order o2 = o1;
        o2.externalId = "O2";
        o2.customerId = idb;
        o2.placedAt = at(2024, 5, 7, 13);
        o2.kind = core::OrderKind::Return; // the newest order of any kind counts
        o2.revenue = money("-4");
        ASSERT_TRUE(*session->addOrder(o1, "crm"));
        ASSERT_TRUE(*session->addOrder(o2, "crm"));
        ASSERT_TRUE(session->commit({}).ok());
    }
    std::vector<std::tuple<Id, std::string, std::string>> keys;
    ASSERT_TRUE(s.forEachCustomerKey([&](Id id, const std::string &ext, const std::string &email) {
        keys.emplace_back(id, ext, email);
        return true;
    }).ok());
    ASSERT_EQ(keys.size(), 2u);
    EXPECT_EQ(std::get<1>(keys[0]), "C1");
    EXPECT_EQ(std::get<2>(keys[0]), "a@example.com");
    EXPECT_EQ(std::get<1>(keys[1]), "");
    EXPECT_EQ(std::get<2>(keys[1]), "b@example.com");
    EXPECT_LT(std::get<0>(keys[0]), std::get<0>(keys[1]));
    auto last = s.lastOrderTime();
    ASSERT_TRUE(last.ok());
    ASSERT_TRUE(*last);
    EXPECT_EQ((*last)->toIso(), "2024-05-07 13:00:00");
    expectIntegrity();
}

} // namespace
} // namespace segdash::store::test
