// Schema 2: saved segment schemes and the segment membership history.
#include "store/migrations.h"
#include "store/schema.h"
#include "store_test_support.h"

namespace segdash::store::test {
namespace {

using SegmentsStoreTest = StoreTest;

core::Date day(int y, int m, int d) { return *core::Date::fromYmd(y, m, d); }

// A genuine version-1 file: the first embedded migration only, with one customer in it.
void writeVersionOneStore(const std::filesystem::path &path) {
    RawDb db(path);
    ASSERT_EQ(migrations().front().version, 1);
    ASSERT_TRUE(db.exec(migrations().front().sql));
    ASSERT_TRUE(db.exec("PRAGMA application_id = " + std::to_string(kApplicationId) + "; PRAGMA user_version = 1;"));
    ASSERT_TRUE(db.exec("INSERT INTO imports(id, state) VALUES (1, 'done'); INSERT INTO sources(id, name) VALUES (1, 'shop');"
                        "INSERT INTO customers(id, import_id, source_id, external_id, name) VALUES (7, 1, 1, 'C7', 'Ann');"));
}

TEST_F(SegmentsStoreTest, VersionOneStoreUpgradesToTwoOnOpen) {
    writeVersionOneStore(path());
    {
        RawDb db(path());
        ASSERT_EQ(db.integer("PRAGMA user_version"), 1);
        ASSERT_EQ(db.integer("SELECT count(*) FROM sqlite_schema WHERE name = 'segment_membership'"), 0);
    }
    auto store = open();
    ASSERT_TRUE(store);
    EXPECT_EQ(latestSchemaVersion(), 2);
    auto summary = store->summary();
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->customers, 1); // data kept
    ASSERT_TRUE(store->recordMembership("rfm-10", day(2024, 1, 1), {{7, "Champions"}}).ok());
    store.reset();
    RawDb db(path());
    EXPECT_EQ(db.integer("PRAGMA user_version"), 2);
    EXPECT_EQ(db.integer("SELECT count(*) FROM sqlite_schema WHERE name IN ('segment_schemes', 'segment_membership')"), 2);
    EXPECT_EQ(db.text("SELECT name FROM customers WHERE id = 7"), "Ann");
    expectIntegrity();
}

TEST_F(SegmentsStoreTest, SchemesAreSavedReplacedListedAndRemoved) {
    auto store = open();
    ASSERT_TRUE(store->saveScheme({"mine", "rules", "scheme=mine\naxes=r-f-m\nTop;5-5;5-5;5-5\n", core::Timestamp{1000}}).ok());
    ASSERT_TRUE(store->saveScheme({"clusters", "kmeans", "k=4", core::Timestamp{2000}}).ok());
    ASSERT_TRUE(store->saveScheme({"mine", "rfm", "v2", core::Timestamp{3000}}).ok()); // replaces
    EXPECT_FALSE(store->saveScheme({"bad", "other", "", {}}).ok());
    EXPECT_FALSE(store->saveScheme({"", "rfm", "", {}}).ok());
    auto list = store->listSchemes();
    ASSERT_TRUE(list.ok());
    ASSERT_EQ(list->size(), 2u);
    EXPECT_EQ((*list)[0].name, "clusters");
    EXPECT_EQ((*list)[1].name, "mine");
    EXPECT_EQ((*list)[1].kind, "rfm");
    EXPECT_EQ((*list)[1].definition, "v2");
    EXPECT_EQ((*list)[1].updatedAt.seconds, 3000);
    ASSERT_TRUE(store->removeScheme("mine").ok());
    EXPECT_FALSE(store->removeScheme("mine").ok());
    EXPECT_EQ(store->listSchemes()->size(), 1u);
}

// Three recordings: Jan 1, Feb 1, Mar 1. Customer 1 stays, 2 moves twice, 3 arrives in
// February, 4 drops out in March.
TEST_F(SegmentsStoreTest, RecordMembershipKeepsExactHistoryRows) {
    auto store = open();
    auto a = store->recordMembership("rfm-10", day(2024, 1, 1), {{1, "Champions"}, {2, "Lost"}, {4, "At Risk"}});
    ASSERT_TRUE(a.ok()) << a.message();
    EXPECT_EQ(a->entered, 3);
    auto b = store->recordMembership("rfm-10", day(2024, 2, 1), {{3, "New Customers"}, {2, "Promising"}, {1, "Champions"}, {4, "At Risk"}});
    ASSERT_TRUE(b.ok()) << b.message();
    EXPECT_EQ(b->unchanged, 2);
    EXPECT_EQ(b->moved, 1);
    EXPECT_EQ(b->entered, 1);
    EXPECT_EQ(b->left, 0);
    auto c = store->recordMembership("rfm-10", day(2024, 3, 1), {{1, "Champions"}, {2, "Champions"}, {3, "New Customers"}});
    ASSERT_TRUE(c.ok()) << c.message();
    EXPECT_EQ(c->unchanged, 2);
    EXPECT_EQ(c->moved, 1);
    EXPECT_EQ(c->left, 1);

    auto h2 = store->membershipHistory(2);
    ASSERT_TRUE(h2.ok());
    ASSERT_EQ(h2->size(), 3u);
    EXPECT_EQ((*h2)[0].segment, "Lost");
    EXPECT_EQ((*h2)[0].validFrom, day(2024, 1, 1));
    EXPECT_EQ((*h2)[0].validTo, day(2024, 2, 1));
    EXPECT_EQ((*h2)[1].segment, "Promising");
    EXPECT_EQ((*h2)[1].validTo, day(2024, 3, 1));
    EXPECT_EQ((*h2)[2].segment, "Champions");
    EXPECT_EQ((*h2)[2].validFrom, day(2024, 3, 1));
    EXPECT_FALSE((*h2)[2].validTo.has_value());
    auto h1 = store->membershipHistory(1);
    ASSERT_EQ(h1->size(), 1u); // unchanged rows are left alone
    EXPECT_EQ((*h1)[0].validFrom, day(2024, 1, 1));
    EXPECT_FALSE((*h1)[0].validTo.has_value());
    auto h4 = store->membershipHistory(4);
    ASSERT_EQ(h4->size(), 1u);
    EXPECT_EQ((*h4)[0].validTo, day(2024, 3, 1));

    RawDb db(path());
    EXPECT_EQ(db.integer("SELECT count(*) FROM segment_membership"), 6);
    EXPECT_EQ(db.integer("SELECT count(*) FROM segment_membership WHERE valid_to IS NULL"), 3);

    auto atFeb15 = store->membershipAt("rfm-10", day(2024, 2, 15));
    ASSERT_TRUE(atFeb15.ok());
    EXPECT_EQ(*atFeb15, (std::vector<std::pair<Id, std::string>>{
                            {1, "Champions"}, {2, "Promising"}, {3, "New Customers"}, {4, "At Risk"}}));
    EXPECT_TRUE(store->membershipAt("rfm-10", day(2023, 12, 31))->empty());
    EXPECT_TRUE(store->membershipAt("rfm-11", day(2024, 2, 15))->empty());
    EXPECT_EQ(*store->membershipDates("rfm-10"),
              (std::vector<core::Date>{day(2024, 1, 1), day(2024, 2, 1), day(2024, 3, 1)}));
}

TEST_F(SegmentsStoreTest, MovesBetweenTwoDatesAreCounted) {
    auto store = open();
    ASSERT_TRUE(store->recordMembership("s", day(2024, 1, 1), {{1, "A"}, {2, "A"}, {3, "B"}, {4, "B"}}).ok());
    ASSERT_TRUE(store->recordMembership("s", day(2024, 2, 1), {{1, "A"}, {2, "B"}, {3, "A"}, {5, "A"}}).ok());
    auto moves = store->movesBetween("s", day(2024, 1, 15), day(2024, 2, 15));
    ASSERT_TRUE(moves.ok()) << moves.message();
    // 5 is new ("" -> A); 1 A->A; 3 B->A; 2 A->B; 4 left (B -> "").
    const std::vector<std::tuple<std::string, std::string, std::int64_t>> expected = {
        {"", "A", 1}, {"A", "A", 1}, {"A", "B", 1}, {"B", "", 1}, {"B", "A", 1}};
    ASSERT_EQ(moves->size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ((*moves)[i].from, std::get<0>(expected[i]));
        EXPECT_EQ((*moves)[i].to, std::get<1>(expected[i]));
        EXPECT_EQ((*moves)[i].customers, std::get<2>(expected[i]));
    }
}

TEST_F(SegmentsStoreTest, SameDayReRecordingReplacesAndEarlierDateIsRefused) {
    auto store = open();
    ASSERT_TRUE(store->recordMembership("s", day(2024, 1, 1), {{1, "A"}}).ok());
    ASSERT_TRUE(store->recordMembership("s", day(2024, 2, 1), {{1, "B"}, {2, "A"}}).ok());
    // Same date again: 1's February row is re-labelled, 2's row (opened that day) dropped.
    auto again = store->recordMembership("s", day(2024, 2, 1), {{1, "C"}});
    ASSERT_TRUE(again.ok()) << again.message();
    auto h1 = store->membershipHistory(1);
    ASSERT_EQ(h1->size(), 2u);
    EXPECT_EQ((*h1)[1].segment, "C");
    EXPECT_EQ((*h1)[1].validFrom, day(2024, 2, 1));
    EXPECT_TRUE(store->membershipHistory(2)->empty());
    auto earlier = store->recordMembership("s", day(2024, 1, 15), {{1, "A"}});
    ASSERT_FALSE(earlier.ok());
    EXPECT_NE(earlier.message().find("earlier"), std::string::npos) << earlier.message();
    EXPECT_FALSE(store->recordMembership("s", day(2024, 3, 1), {{1, "A"}, {1, "B"}}).ok()); // listed twice
    EXPECT_EQ(store->membershipHistory(1)->size(), 2u); // the refused calls changed nothing
    expectIntegrity();
}

} // namespace
} // namespace segdash::store::test
