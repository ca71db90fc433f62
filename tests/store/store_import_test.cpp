// Import sessions: upserts, orders, aggregates, rollback, the imports log.
#include <cstdlib>

#include "store_test_support.h"

namespace segdash::store::test {
namespace {

using ImportTest = StoreTest;

core::Customer customer(const std::string &source, const std::string &externalId, const std::string &email = "") {
    core::Customer c;
    c.sourceSystem = source;
    c.externalId = externalId;
    c.email = email;
    return c;
}

core::Order order(const std::string &externalId, core::Id customerId, core::Timestamp placedAt, const char *revenue,
                  core::OrderKind kind = core::OrderKind::Sale, std::optional<core::Money> cost = std::nullopt) {
    core::Order o;
    o.externalId = externalId;
    o.customerId = customerId;
    o.placedAt = placedAt;
    o.revenue = money(revenue);
    o.cost = cost;
    o.kind = kind;
    o.currency = "GBP";
    return o;
}

std::map<core::Id, core::CustomerStats> allStats(Store &store) {
    std::map<core::Id, core::CustomerStats> out;
    EXPECT_TRUE(store.forEachCustomerStats([&](const core::CustomerStats &s) { out[s.customerId] = s; return true; }));
    return out;
}

TEST_F(ImportTest, UpsertsByExternalIdThenByEmailElseCreates) {
    auto store = open();
    auto session = std::move(*store->beginImport());
    core::Customer ann = customer("crm", "X1", "  Ann@Example.COM ");
    ann.name = "Ann";
    ann.custom = {{"tier", "gold"}};
    const auto id = *session->upsertCustomer(ann);

    core::Customer phone = customer("crm", "X1");
    phone.phone = "123";
    phone.custom = {{"tier", ""}, {"note", "vip"}}; // empty values never overwrite
    EXPECT_EQ(*session->upsertCustomer(phone), id);

    core::Customer byEmail = customer("crm", "", "ANN@example.com");
    byEmail.city = "Paris";
    EXPECT_EQ(*session->upsertCustomer(byEmail), id);

    EXPECT_NE(*session->upsertCustomer(customer("crm", "", "")), id);     // nothing to match on
    EXPECT_NE(*session->upsertCustomer(customer("other", "X1")), id);     // same id, other source
    EXPECT_EQ(session->findCustomer("crm", "X1"), id);
    EXPECT_EQ(session->findCustomer("nowhere", "X1"), std::nullopt);
    EXPECT_EQ(session->findCustomerByEmail(" ann@EXAMPLE.com"), id);
    ASSERT_TRUE(session->commit(ImportRecord{}).ok());

    const auto stored = store->customer(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->name, "Ann");
    EXPECT_EQ(stored->email, "ann@example.com");
    EXPECT_EQ(stored->phone, "123");
    EXPECT_EQ(stored->city, "Paris");
    EXPECT_EQ(stored->sourceSystem, "crm");
    EXPECT_EQ(stored->externalId, "X1");
    EXPECT_EQ(stored->custom, (std::map<std::string, std::string>{{"note", "vip"}, {"tier", "gold"}}));
    EXPECT_EQ(store->summary()->customers, 3);
    expectIntegrity();
}

TEST_F(ImportTest, DuplicateOrdersAreIgnored) {
    auto store = open();
    auto session = std::move(*store->beginImport());
    auto first = order("INV1", 0, at(2023, 1, 1), "10");
    EXPECT_TRUE(*session->addOrder(first, "shop"));
    EXPECT_GT(first.id, 0);
    auto again = order("INV1", 0, at(2023, 1, 2), "99");
    EXPECT_FALSE(*session->addOrder(again, "shop"));
    EXPECT_EQ(again.id, 0);
    auto otherSource = order("INV1", 0, at(2023, 1, 2), "5");
    EXPECT_TRUE(*session->addOrder(otherSource, "pos"));
    EXPECT_EQ(session->findOrder("shop", "INV1"), first.id);
    ASSERT_TRUE(session->commit(ImportRecord{}).ok());

    auto next = std::move(*store->beginImport());
    EXPECT_FALSE(*next->addOrder(again, "shop")); // also across imports
    ASSERT_TRUE(next->commit(ImportRecord{}).ok());
    EXPECT_EQ(store->summary()->orders, 2);
    EXPECT_EQ(store->summary()->netRevenue, money("15"));
}

// The hand-computed case of the aggregates (see the expected values below).
struct Shop {
    core::Id c1 = 0, c2 = 0, o6 = 0;
};

Shop importFirst(Store &store) {
    Shop shop;
    auto s = std::move(*store.beginImport());
    shop.c1 = *s->upsertCustomer(customer("shop", "c1"));
    shop.c2 = *s->upsertCustomer(customer("shop", "c2"));
    using K = core::OrderKind;
    auto o1 = order("O1", shop.c1, at(2023, 1, 10), "100", K::Sale, money("60"));
    auto o2 = order("O2", shop.c1, at(2023, 3, 5), "50");
    auto o3 = order("O3", 0, at(2023, 3, 20), "-20", K::Return, money("-12"));
    o3.customerExternalId = "c1"; // resolved by the store
    auto o4 = order("O4", shop.c2, at(2023, 2, 1), "-30", K::Cancellation);
    auto o5 = order("O5", 0, at(2022, 12, 31), "15"); // anonymous
    auto o6 = order("O6", shop.c2, at(2023, 2, 15), "10", K::Sale, money("4"));
    for (auto *o : {&o1, &o2, &o3, &o4, &o6}) EXPECT_TRUE(*s->addOrder(*o, "shop"));
    EXPECT_TRUE(s->addToOrder(o6.id, money("5"), money("2")).ok());
    EXPECT_TRUE(*s->addOrder(o5, "shop"));
    EXPECT_TRUE(s->addToOrder(o6.id, money("2.5"), std::nullopt).ok()); // not contiguous
    EXPECT_FALSE(*s->addOrder(o1, "shop"));
    shop.o6 = o6.id;
    EXPECT_TRUE(s->commit(ImportRecord{}).ok());
    return shop;
}

void expectHandComputedStats(Store &store, const Shop &shop) {
    auto stats = allStats(store);
    ASSERT_EQ(stats.size(), 2u);
    const auto &a = stats[shop.c1];
    EXPECT_EQ(a.firstPurchase, at(2023, 1, 10));
    EXPECT_EQ(a.lastPurchase, at(2023, 3, 5)); // the later return is not a purchase
    EXPECT_EQ(a.purchaseCount, 2);
    EXPECT_EQ(a.returnCount, 1);
    EXPECT_EQ(a.grossRevenue, money("150"));
    EXPECT_EQ(a.returnsValue, money("-20"));
    EXPECT_EQ(a.netRevenue, money("130"));
    EXPECT_EQ(a.cost, money("48"));
    EXPECT_EQ(a.margin, money("32")); // (100 - 60) + (-20 - -12)
    const auto &b = stats[shop.c2];
    EXPECT_EQ(b.firstPurchase, at(2023, 2, 15));
    EXPECT_EQ(b.lastPurchase, at(2023, 2, 15));
    EXPECT_EQ(b.purchaseCount, 1);
    EXPECT_EQ(b.returnCount, 1);
    EXPECT_EQ(b.grossRevenue, money("17.5"));
    EXPECT_EQ(b.returnsValue, money("-30"));
    EXPECT_EQ(b.netRevenue, money("-12.5"));
    EXPECT_EQ(b.cost, money("6"));
    EXPECT_EQ(b.margin, money("11.5"));
}

TEST_F(ImportTest, AggregatesMatchTheHandComputedCase) {
    auto store = open();
    const Shop shop = importFirst(*store);
    expectHandComputedStats(*store, shop);

    std::map<std::string, core::Money> revenue;
    ASSERT_TRUE(store->forEachOrder([&](const core::Order &o) { revenue[o.externalId] = o.revenue; return true; }));
    EXPECT_EQ(revenue["O6"], money("17.5"));

    const auto summary = *store->summary();
    EXPECT_EQ(summary.customers, 2);
    EXPECT_EQ(summary.orders, 6);
    EXPECT_EQ(summary.saleOrders, 4);
    EXPECT_EQ(summary.returnOrders, 2);
    EXPECT_EQ(summary.anonymousOrders, 1);
    EXPECT_EQ(summary.netRevenue, money("132.5"));
    EXPECT_EQ(summary.firstOrder, at(2022, 12, 31));
    EXPECT_EQ(summary.lastOrder, at(2023, 3, 20));
    EXPECT_EQ(summary.imports, 1);
    expectIntegrity();
}

// Deltas merged into customer_stats after every new customer (the memory bound of big
// imports, forced low here): O6's later additions land on an already merged customer.
TEST_F(ImportTest, AggregatesAreExactWhenDeltasAreMergedMidImport) {
    setenv("SEGDASH_STATS_FLUSH_CUSTOMERS", "1", 1);
    auto store = open();
    const Shop shop = importFirst(*store);
    unsetenv("SEGDASH_STATS_FLUSH_CUSTOMERS");
    expectHandComputedStats(*store, shop);
    expectIntegrity();
}

TEST_F(ImportTest, AggregatesMergeAcrossImports) {
    auto store = open();
    const Shop shop = importFirst(*store);
    auto s = std::move(*store->beginImport());
    auto o7 = order("O7", shop.c1, at(2022, 6, 1), "40", core::OrderKind::Sale, money("10"));
    auto o8 = order("O8", shop.c2, at(2023, 5, 1), "20");
    EXPECT_TRUE(*s->addOrder(o7, "shop"));
    EXPECT_TRUE(*s->addOrder(o8, "shop"));
    EXPECT_FALSE(s->addToOrder(shop.o6, money("1"), std::nullopt).ok()); // not this import's order
    ASSERT_TRUE(s->commit(ImportRecord{}).ok());

    auto stats = allStats(*store);
    const auto &a = stats[shop.c1];
    EXPECT_EQ(a.firstPurchase, at(2022, 6, 1));
    EXPECT_EQ(a.lastPurchase, at(2023, 3, 5));
    EXPECT_EQ(a.purchaseCount, 3);
    EXPECT_EQ(a.grossRevenue, money("190"));
    EXPECT_EQ(a.cost, money("58"));
    EXPECT_EQ(a.margin, money("62"));
    const auto &b = stats[shop.c2];
    EXPECT_EQ(b.lastPurchase, at(2023, 5, 1));
    EXPECT_EQ(b.purchaseCount, 2);
    EXPECT_EQ(b.netRevenue, money("7.5"));
    EXPECT_EQ(b.margin, money("11.5")); // O8 has no cost
    expectIntegrity();
}

TEST_F(ImportTest, DestroyingASessionWithoutCommitLeavesTheStoreUnchanged) {
    auto store = open();
    importFirst(*store);
    const auto before = *store->summary();
    const auto statsBefore = allStats(*store);
    {
        auto s = std::move(*store->beginImport());
        EXPECT_FALSE(store->beginImport().ok()); // one import at a time
        const auto id = *s->upsertCustomer(customer("shop", "c9"));
        auto o = order("O9", id, at(2024, 1, 1), "1000");
        EXPECT_TRUE(*s->addOrder(o, "shop"));
        core::Customer renamed = customer("shop", "c1");
        renamed.name = "Changed";
        EXPECT_TRUE(s->upsertCustomer(renamed).ok());
    }
    const auto after = *store->summary();
    EXPECT_EQ(after.customers, before.customers);
    EXPECT_EQ(after.orders, before.orders);
    EXPECT_EQ(after.netRevenue, before.netRevenue);
    EXPECT_EQ(after.imports, 1);
    EXPECT_EQ(allStats(*store).size(), statsBefore.size());
    EXPECT_EQ(store->imports()->size(), 1u);
    auto s = std::move(*store->beginImport()); // a new import can start
    s->rollback();
    EXPECT_FALSE(s->upsertCustomer(customer("shop", "c10")).ok());
    EXPECT_EQ(store->summary()->customers, before.customers);
    expectIntegrity();
}

// The process dies mid-import (no commit, no destructors) after enough rows that
// SQLite had to spill pages to the WAL: the next open sees the store as it was.
TEST_F(ImportTest, AKilledImportLeavesTheStoreUnchanged) {
    {
        auto store = open();
        importFirst(*store);
    }
    EXPECT_EXIT(
        {
            auto store = openStore(path().string(), OpenMode::OpenExisting);
            auto s = std::move(*(*store)->beginImport());
            auto o = order("", 0, at(2024, 1, 1), "1");
            o.channel = std::string(200, 'x');
            for (int i = 0; i < 200000; ++i) {
                o.externalId = "K" + std::to_string(i);
                if (!s->addOrder(o, "shop").ok()) std::_Exit(1);
            }
            std::_Exit(0);
        },
        ::testing::ExitedWithCode(0), "");
    auto store = open();
    const auto summary = *store->summary();
    EXPECT_EQ(summary.orders, 6);
    EXPECT_EQ(summary.netRevenue, money("132.5"));
    EXPECT_EQ(summary.imports, 1);
    expectIntegrity();
    RawDb db(path());
    EXPECT_EQ(db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'orders_customer'"), 1);
}

TEST_F(ImportTest, TheImportsLogKeepsRecordsNewestFirst) {
    auto store = open();
    for (int i = 1; i <= 2; ++i) {
        auto s = std::move(*store->beginImport());
        ImportRecord r;
        r.fileName = "orders" + std::to_string(i) + ".csv";
        r.fileSize = 100 * i;
        r.contentHash = "hash" + std::to_string(i);
        r.kind = "orders";
        r.rowsRead = 10;
        r.rowsImported = 9;
        r.rowsRejected = 1;
        r.startedAt = at(2024, 1, i);
        r.seconds = 1.5;
        const auto id = s->commit(r);
        ASSERT_TRUE(id.ok()) << id.message();
    }
    const auto log = *store->imports();
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[0].fileName, "orders2.csv");
    EXPECT_EQ(log[0].fileSize, 200);
    EXPECT_EQ(log[0].rowsRejected, 1);
    EXPECT_EQ(log[0].startedAt, at(2024, 1, 2));
    EXPECT_DOUBLE_EQ(log[0].seconds, 1.5);
    EXPECT_GT(log[0].id, log[1].id);
    EXPECT_EQ(store->findImportByHash("hash1")->fileName, "orders1.csv");
    EXPECT_FALSE(store->findImportByHash("nope"));
}

TEST_F(ImportTest, SqlLookingValuesAreStoredVerbatim) {
    const std::string evil = "'); DROP TABLE customers;--";
    auto store = open();
    auto s = std::move(*store->beginImport());
    core::Customer c = customer(evil, evil, evil);
    c.name = evil;
    c.custom = {{evil, evil}};
    const auto id = *s->upsertCustomer(c);
    auto o = order(evil, id, at(2023, 1, 1), "1");
    o.channel = evil;
    EXPECT_TRUE(*s->addOrder(o, evil));
    EXPECT_EQ(s->findCustomer(evil, evil), id);
    ASSERT_TRUE(s->commit(ImportRecord{}).ok());
    const auto stored = store->customer(id);
    ASSERT_TRUE(stored);
    EXPECT_EQ(stored->name, evil);
    EXPECT_EQ(stored->externalId, evil);
    EXPECT_EQ(stored->sourceSystem, evil);
    EXPECT_EQ(stored->custom.at(evil), evil);
    std::string channel;
    ASSERT_TRUE(store->forEachOrder([&](const core::Order &stored) { channel = stored.channel; return true; }));
    EXPECT_EQ(channel, evil);
    EXPECT_EQ(store->summary()->customers, 1);
    expectIntegrity();
}

TEST_F(ImportTest, OtherRecordsAreStoredAndDeduplicated) {
    auto store = open();
    auto s = std::move(*store->beginImport());
    const auto id = *s->upsertCustomer(customer("crm", "c1"));
    auto o = order("INV9", id, at(2023, 1, 1), "30");
    ASSERT_TRUE(*s->addOrder(o, "crm"));
    core::OrderLine line;
    line.orderExternalId = "INV9";
    line.productCode = "P1";
    line.quantity = 3;
    line.unitPrice = money("10");
    EXPECT_TRUE(s->addOrderLine(line).ok());
    line.orderExternalId = "NOPE";
    EXPECT_FALSE(s->addOrderLine(line).ok());
    core::Opportunity opp;
    opp.externalId = "OP1";
    opp.customerExternalId = "c1";
    opp.amount = money("500");
    opp.won = true;
    EXPECT_TRUE(*s->addOpportunity(opp, "crm"));
    EXPECT_FALSE(*s->addOpportunity(opp, "crm"));
    core::Interaction visit;
    visit.customerId = id;
    visit.kind = core::InteractionKind::WebVisit;
    EXPECT_TRUE(s->addInteraction(visit).ok());
    core::SurveyResponse survey;
    survey.customerId = id;
    survey.nps = 11; // out of range: refused by the schema
    EXPECT_FALSE(s->addSurvey(survey).ok());
    survey.nps = 9;
    EXPECT_TRUE(s->addSurvey(survey).ok());
    core::Campaign campaign;
    campaign.externalId = "CMP1";
    EXPECT_TRUE(*s->addCampaign(campaign, "crm"));
    EXPECT_FALSE(*s->addCampaign(campaign, "crm"));
    ASSERT_TRUE(s->commit(ImportRecord{}).ok());
    const auto summary = *store->summary();
    EXPECT_EQ(summary.orderLines, 1);
    EXPECT_EQ(summary.opportunities, 1);
    EXPECT_EQ(summary.interactions, 1);
    EXPECT_EQ(summary.surveys, 1);
    EXPECT_EQ(summary.campaigns, 1);
    expectIntegrity();
}

} // namespace
} // namespace segdash::store::test
