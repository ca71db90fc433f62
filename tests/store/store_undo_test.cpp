// Undo of the newest import: rows removed, overwritten values restored,
// aggregates recomputed exactly.
#include "store_test_support.h"

namespace segdash::store::test {
namespace {

using UndoTest = StoreTest;

struct Snapshot {
    std::map<core::Id, std::tuple<std::string, std::string, std::map<std::string, std::string>>> customers;
    std::map<core::Id, std::tuple<std::int64_t, std::int64_t, std::int64_t, std::int64_t, std::int64_t,
                                  std::int64_t, std::int64_t, std::int64_t>> stats;
    std::int64_t orders = 0;
    core::Money netRevenue;

    bool operator==(const Snapshot &) const = default;
};

Snapshot snapshot(Store &store) {
    Snapshot snap;
    store.forEachCustomer([&](const core::Customer &c) {
        snap.customers[c.id] = {c.name, c.city, c.custom};
        return true;
    });
    store.forEachCustomerStats([&](const core::CustomerStats &s) {
        snap.stats[s.customerId] = {s.firstPurchase->seconds, s.lastPurchase->seconds, s.purchaseCount, s.returnCount,
                                    s.grossRevenue.units(), s.returnsValue.units(), s.cost.units(), s.margin.units()};
        return true;
    });
    const auto summary = *store.summary();
    snap.orders = summary.orders;
    snap.netRevenue = summary.netRevenue;
    return snap;
}

core::Customer person(const std::string &externalId, const std::string &city,
                      std::map<std::string, std::string> custom = {}) {
    core::Customer c;
    c.sourceSystem = "crm";
    c.externalId = externalId;
    c.name = "Name " + externalId;
    c.city = city;
    c.custom = std::move(custom);
    return c;
}

core::Order sale(const std::string &externalId, core::Id customerId, core::Timestamp placedAt, const char *revenue,
                 std::optional<core::Money> cost = std::nullopt) {
    core::Order o;
    o.externalId = externalId;
    o.customerId = customerId;
    o.placedAt = placedAt;
    o.revenue = money(revenue);
    o.cost = cost;
    return o;
}

class UndoScenario : public UndoTest {
protected:
    void SetUp() override {
        UndoTest::SetUp();
        m_store = open();
        auto s = std::move(*m_store->beginImport());
        m_ann = *s->upsertCustomer(person("A", "Paris", {{"tier", "gold"}}));
        m_bob = *s->upsertCustomer(person("B", "Oslo"));
        for (auto o : {sale("1", m_ann, at(2023, 1, 1), "100", money("30")), sale("2", m_bob, at(2023, 2, 1), "40")})
            ASSERT_TRUE(*s->addOrder(o, "crm"));
        ImportRecord r;
        r.contentHash = "first";
        ASSERT_TRUE(s->commit(r).ok());
        m_afterFirst = snapshot(*m_store);
    }

    // Overwrites Ann twice, adds a customer and orders for old and new customers.
    void importSecond() {
        auto s = std::move(*m_store->beginImport());
        ASSERT_EQ(*s->upsertCustomer(person("A", "Berlin", {{"tier", "silver"}, {"extra", "1"}})), m_ann);
        ASSERT_EQ(*s->upsertCustomer(person("A", "Rome")), m_ann);
        const auto cid = *s->upsertCustomer(person("C", "Lima"));
        for (auto o : {sale("3", m_ann, at(2022, 1, 1), "10", money("1")), sale("4", cid, at(2024, 1, 1), "5"),
                       sale("5", 0, at(2024, 1, 2), "7")})
            ASSERT_TRUE(*s->addOrder(o, "crm"));
        ImportRecord r;
        r.contentHash = "second";
        ASSERT_TRUE(s->commit(r).ok());
    }

    std::unique_ptr<Store> m_store;
    core::Id m_ann = 0, m_bob = 0;
    Snapshot m_afterFirst;
};

TEST_F(UndoScenario, UndoRestoresOverwrittenValuesAndRecomputesStats) {
    importSecond();
    EXPECT_EQ(m_store->customer(m_ann)->city, "Rome");
    EXPECT_FALSE(snapshot(*m_store) == m_afterFirst);

    const auto undone = m_store->undoLastImport();
    ASSERT_TRUE(undone.ok()) << undone.message();
    EXPECT_EQ(undone->contentHash, "second");
    EXPECT_TRUE(undone->undone);
    EXPECT_TRUE(snapshot(*m_store) == m_afterFirst);
    const auto ann = m_store->customer(m_ann);
    EXPECT_EQ(ann->city, "Paris");
    EXPECT_EQ(ann->custom, (std::map<std::string, std::string>{{"tier", "gold"}}));
    EXPECT_EQ(m_store->summary()->customers, 2);
    EXPECT_EQ(m_store->summary()->imports, 1);
    EXPECT_FALSE(m_store->findImportByHash("second"));
    EXPECT_TRUE(m_store->findImportByHash("first"));
    const auto log = *m_store->imports();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_TRUE(log[0].undone);
    EXPECT_FALSE(log[1].undone);
    expectIntegrity();
    RawDb db(path());
    EXPECT_EQ(db.integer("SELECT count(*) FROM customers_undo"), 0);
}

TEST_F(UndoScenario, TheSameContentCanBeImportedAgainAfterUndo) {
    importSecond();
    ASSERT_TRUE(m_store->undoLastImport().ok());
    importSecond();
    EXPECT_EQ(m_store->summary()->orders, 5);
    ASSERT_TRUE(m_store->undoLastImport().ok());
    EXPECT_TRUE(snapshot(*m_store) == m_afterFirst);
}

TEST_F(UndoScenario, UndoingEverythingEmptiesTheStoreAndThenFails) {
    importSecond();
    ASSERT_TRUE(m_store->undoLastImport().ok());
    const auto first = m_store->undoLastImport();
    ASSERT_TRUE(first.ok()) << first.message();
    EXPECT_EQ(first->contentHash, "first");
    const auto summary = *m_store->summary();
    EXPECT_EQ(summary.customers, 0);
    EXPECT_EQ(summary.orders, 0);
    EXPECT_EQ(summary.imports, 0);
    EXPECT_FALSE(summary.firstOrder);
    const auto none = m_store->undoLastImport();
    ASSERT_FALSE(none.ok());
    EXPECT_NE(none.message().find("no import to undo"), std::string::npos);
    expectIntegrity();
}

TEST_F(UndoScenario, UndoIsRefusedWhileAnImportRuns) {
    auto s = std::move(*m_store->beginImport());
    EXPECT_FALSE(m_store->undoLastImport().ok());
    s->rollback();
    EXPECT_TRUE(m_store->undoLastImport().ok());
}

} // namespace
} // namespace segdash::store::test
