// Opening, creating, upgrading and refusing store files.
#include "store/migrations.h"
#include "store/schema.h"
#include "store_test_support.h"

namespace segdash::store::test {
namespace {

using OpenTest = StoreTest;

void writeFile(const std::filesystem::path &path, const std::string &bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

TEST_F(OpenTest, CreatesAStoreWithWalForeignKeysAndIdentity) {
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_EQ(store->location(), path().string());
    store.reset();
    RawDb db(path());
    EXPECT_EQ(db.integer("PRAGMA application_id"), kApplicationId);
    EXPECT_EQ(db.integer("PRAGMA user_version"), latestSchemaVersion());
    EXPECT_EQ(db.text("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'customer_stats'"), 1);
    expectIntegrity();
}

TEST_F(OpenTest, ForeignKeysAreEnforcedOnTheStoreConnection) {
    auto store = open();
    auto session = store->beginImport();
    ASSERT_TRUE(session.ok());
    core::Order order;
    order.externalId = "A1";
    order.customerId = 999; // no such customer
    EXPECT_FALSE((*session)->addOrder(order, "shop").ok());
}

TEST_F(OpenTest, ReopensAnExistingStoreWithItsData) {
    {
        auto store = open();
        auto session = store->beginImport();
        core::Customer c;
        c.sourceSystem = "crm";
        c.externalId = "C1";
        c.name = "Ann";
        ASSERT_TRUE((*session)->upsertCustomer(c).ok());
        ASSERT_TRUE((*session)->commit(ImportRecord{}).ok());
    }
    auto reopened = openStore(path().string(), OpenMode::OpenExisting);
    ASSERT_TRUE(reopened.ok()) << reopened.message();
    EXPECT_EQ((*reopened)->summary()->customers, 1);
}

TEST_F(OpenTest, OpensForReadingWhileAnotherConnectionImports) {
    auto writer = open();
    auto session = std::move(*writer->beginImport());
    ASSERT_TRUE(session->upsertCustomer([] {
        core::Customer c;
        c.sourceSystem = "crm";
        c.externalId = "pending";
        return c;
    }()).ok());
    auto reader = openStore(path().string(), OpenMode::OpenExisting);
    ASSERT_TRUE(reader.ok()) << reader.message();
    EXPECT_EQ((*reader)->summary()->customers, 0); // the import is not committed yet
    ASSERT_TRUE(session->commit(ImportRecord{}).ok());
    EXPECT_EQ((*reader)->summary()->customers, 1);
}

TEST_F(OpenTest, OpenExistingOnAMissingFileFailsAndCreatesNothing) {
    auto store = openStore(path("missing.segdash").string(), OpenMode::OpenExisting);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.message().find("does not exist"), std::string::npos) << store.message();
    EXPECT_FALSE(std::filesystem::exists(path("missing.segdash")));
}

TEST_F(OpenTest, AnEmptyFileBecomesAStore) {
    writeFile(path(), "");
    auto store = openStore(path().string(), OpenMode::OpenExisting);
    ASSERT_TRUE(store.ok()) << store.message();
    store->reset();
    RawDb db(path());
    EXPECT_EQ(db.integer("PRAGMA application_id"), kApplicationId);
}

TEST_F(OpenTest, ATextFileIsRefusedAndLeftUntouched) {
    writeFile(path(), "id,name\n1,Ann\n2,Bob\n");
    const auto before = fileHash(path());
    auto store = openStore(path().string(), OpenMode::CreateIfMissing);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.message().find("not an SQLite database"), std::string::npos) << store.message();
    EXPECT_NE(store.message().find("it was not modified"), std::string::npos);
    EXPECT_EQ(fileHash(path()), before);
}

TEST_F(OpenTest, AnotherApplicationsDatabaseIsRefusedAndLeftUntouched) {
    {
        RawDb db(path());
        ASSERT_TRUE(db.exec("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes(body) VALUES ('x');"));
    }
    const auto before = fileHash(path());
    auto store = openStore(path().string(), OpenMode::OpenExisting);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.message().find("not a SegDash store"), std::string::npos) << store.message();
    EXPECT_EQ(fileHash(path()), before);
    EXPECT_FALSE(std::filesystem::exists(path().string() + "-wal"));
}

TEST_F(OpenTest, AForeignApplicationIdIsRefusedEvenWithoutTables) {
    {
        RawDb db(path());
        ASSERT_TRUE(db.exec("PRAGMA application_id = 1234; PRAGMA user_version = 1;"));
    }
    const auto before = fileHash(path());
    EXPECT_FALSE(openStore(path().string(), OpenMode::OpenExisting).ok());
    EXPECT_EQ(fileHash(path()), before);
}

TEST_F(OpenTest, AnEmptyForeignDatabaseWithAUserVersionStillGetsTheSchema) {
    {
        RawDb db(path());
        ASSERT_TRUE(db.exec("PRAGMA user_version = 7"));
    }
    ASSERT_TRUE(open());
    RawDb db(path());
    EXPECT_EQ(db.integer("PRAGMA user_version"), latestSchemaVersion());
    EXPECT_EQ(db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'orders'"), 1);
}

TEST_F(OpenTest, ANewerSchemaIsRefusedAndLeftUntouched) {
    ASSERT_TRUE(open());
    const int newer = latestSchemaVersion() + 1;
    {
        RawDb db(path());
        ASSERT_TRUE(db.exec("PRAGMA user_version = " + std::to_string(newer)));
    }
    const auto before = fileHash(path());
    auto store = openStore(path().string(), OpenMode::OpenExisting);
    ASSERT_FALSE(store.ok());
    const std::string expected = "was written by a newer SegDash (schema " + std::to_string(newer) +
                                 ", this build knows " + std::to_string(latestSchemaVersion()) +
                                 "); it was not modified";
    EXPECT_NE(store.message().find(expected), std::string::npos) << store.message();
    EXPECT_EQ(fileHash(path()), before);
}

// With a single migration the oldest possible file is version 0 carrying our
// application id (a store created before any migration ran): it must be upgraded.
TEST_F(OpenTest, AnOlderSchemaIsUpgradedInPlace) {
    {
        RawDb db(path());
        ASSERT_TRUE(db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) + "; PRAGMA user_version = 0;"));
    }
    auto store = openStore(path().string(), OpenMode::OpenExisting);
    ASSERT_TRUE(store.ok()) << store.message();
    EXPECT_EQ((*store)->summary()->customers, 0);
    store->reset();
    RawDb db(path());
    EXPECT_EQ(db.integer("PRAGMA user_version"), latestSchemaVersion());
    EXPECT_EQ(db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'orders'"), 1);
    expectIntegrity();
}

TEST_F(OpenTest, AFailedUpgradeLeavesTheOldVersion) {
    {
        // A version-0 file whose existing table clashes with the migration.
        RawDb db(path());
        ASSERT_TRUE(db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) +
                            "; CREATE TABLE customers(x); PRAGMA user_version = 0;"));
    }
    auto store = openStore(path().string(), OpenMode::OpenExisting);
    ASSERT_FALSE(store.ok());
    EXPECT_NE(store.message().find("001_initial.sql"), std::string::npos) << store.message();
    RawDb db(path());
    EXPECT_EQ(db.integer("PRAGMA user_version"), 0);
    EXPECT_EQ(db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'orders'"), 0);
}

TEST(Migrations, AreEmbeddedNumberedFromOneWithoutGaps) {
    const auto &all = migrations();
    ASSERT_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) EXPECT_EQ(all[i].version, static_cast<int>(i + 1));
    EXPECT_STREQ(all.front().name, "001_initial.sql");
    EXPECT_NE(std::string(all.front().sql).find("CREATE TABLE orders"), std::string::npos);
}

} // namespace
} // namespace segdash::store::test
