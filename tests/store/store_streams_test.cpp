// The detail-table streams: every field read back as written, id order, early stop,
// customer ids resolved and NULL customers as 0.
#include "store_test_support.h"

namespace segdash::store::test {
namespace {

using StreamsTest = StoreTest;

struct Written {
    Id customer = 0;
    Id order = 0;
};

Written writeDetails(Store &store) {
    auto session = std::move(*store.beginImport());
    core::Customer c;
    c.sourceSystem = "crm";
    c.externalId = "C1";
    Written w;
    w.customer = *session->upsertCustomer(c);
    core::Order o;
    o.externalId = "O1";
    o.customerId = w.customer;
    o.placedAt = at(2024, 3, 1);
    o.revenue = money("30");
    EXPECT_TRUE(*session->addOrder(o, "crm"));
    w.order = o.id;
    core::OrderLine l1{0, o.id, "", "P1", "Paper", "Office", 2.5, money("10.0001"), money("7")};
    core::OrderLine l2{0, o.id, "", "P2", "Pen", "", -1, money("5"), std::nullopt};
    EXPECT_TRUE(session->addOrderLine(l1).ok());
    EXPECT_TRUE(session->addOrderLine(l2).ok());
    core::Opportunity won{0, "OP1", w.customer, "", "Deal", "closed won", money("900"), 1.0,
                          core::Date::fromYmd(2024, 1, 2), core::Date::fromYmd(2024, 2, 3), true, "Ann"};
    core::Opportunity open{0, "OP2", 0, "", "Lead", "proposal", money("50"), 0.25, std::nullopt, std::nullopt,
                           std::nullopt, ""};
    EXPECT_TRUE(*session->addOpportunity(won, "crm"));
    EXPECT_TRUE(*session->addOpportunity(open, "crm"));
    EXPECT_TRUE(session->addInteraction({0, w.customer, "", core::InteractionKind::EmailClick, at(2024, 2, 1, 9), "CMP1", "x"}).ok());
    EXPECT_TRUE(session->addInteraction({0, 0, "", core::InteractionKind::WebVisit, at(2024, 2, 2, 9), "", "/"}).ok());
    EXPECT_TRUE(session->addSurvey({0, w.customer, "", *core::Date::fromYmd(2024, 4, 1), 9, std::nullopt, "ok"}).ok());
    EXPECT_TRUE(session->addSurvey({0, 0, "", *core::Date::fromYmd(2024, 4, 2), std::nullopt, 3, ""}).ok());
    core::Campaign k{0, "CMP1", "Spring", "email", money("120.5"), core::Date::fromYmd(2024, 1, 1), std::nullopt, "all"};
    EXPECT_TRUE(*session->addCampaign(k, "crm"));
    EXPECT_TRUE(session->commit(ImportRecord{}).ok());
    return w;
}

TEST_F(StreamsTest, OrderLinesComeBackInIdOrderWithEveryField) {
    auto store = open();
    const auto w = writeDetails(*store);
    std::vector<core::OrderLine> lines;
    ASSERT_TRUE(store->forEachOrderLine([&](const core::OrderLine &l) { lines.push_back(l); return true; }));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_LT(lines[0].id, lines[1].id);
    EXPECT_EQ(lines[0].orderId, w.order);
    EXPECT_EQ(lines[0].productCode, "P1");
    EXPECT_EQ(lines[0].productName, "Paper");
    EXPECT_EQ(lines[0].category, "Office");
    EXPECT_DOUBLE_EQ(lines[0].quantity, 2.5);
    EXPECT_EQ(lines[0].unitPrice, money("10.0001"));
    EXPECT_EQ(lines[0].unitCost, money("7"));
    EXPECT_DOUBLE_EQ(lines[1].quantity, -1);
    EXPECT_EQ(lines[1].unitCost, std::nullopt);
    int seen = 0;
    ASSERT_TRUE(store->forEachOrderLine([&](const core::OrderLine &) { return ++seen < 1; }));
    EXPECT_EQ(seen, 1); // stopped after the first
}

TEST_F(StreamsTest, OpportunitiesInteractionsSurveysCampaigns) {
    auto store = open();
    const auto w = writeDetails(*store);
    std::vector<core::Opportunity> opps;
    ASSERT_TRUE(store->forEachOpportunity([&](const core::Opportunity &o) { opps.push_back(o); return true; }));
    ASSERT_EQ(opps.size(), 2u);
    EXPECT_EQ(opps[0].externalId, "OP1");
    EXPECT_EQ(opps[0].customerId, w.customer);
    EXPECT_EQ(opps[0].amount, money("900"));
    EXPECT_EQ(opps[0].won, true);
    EXPECT_EQ(opps[0].closedOn, core::Date::fromYmd(2024, 2, 3));
    EXPECT_EQ(opps[0].owner, "Ann");
    EXPECT_EQ(opps[1].customerId, 0);
    EXPECT_EQ(opps[1].won, std::nullopt);
    EXPECT_EQ(opps[1].createdOn, std::nullopt);
    EXPECT_DOUBLE_EQ(opps[1].probability, 0.25);

    std::vector<core::Interaction> inter;
    ASSERT_TRUE(store->forEachInteraction([&](const core::Interaction &i) { inter.push_back(i); return true; }));
    ASSERT_EQ(inter.size(), 2u);
    EXPECT_EQ(inter[0].kind, core::InteractionKind::EmailClick);
    EXPECT_EQ(inter[0].at, at(2024, 2, 1, 9));
    EXPECT_EQ(inter[0].campaignExternalId, "CMP1");
    EXPECT_EQ(inter[1].customerId, 0);
    EXPECT_EQ(inter[1].kind, core::InteractionKind::WebVisit);

    std::vector<core::SurveyResponse> surveys;
    ASSERT_TRUE(store->forEachSurvey([&](const core::SurveyResponse &s) { surveys.push_back(s); return true; }));
    ASSERT_EQ(surveys.size(), 2u);
    EXPECT_EQ(surveys[0].nps, 9);
    EXPECT_EQ(surveys[0].csat, std::nullopt);
    EXPECT_EQ(surveys[0].comment, "ok");
    EXPECT_EQ(surveys[1].nps, std::nullopt);
    EXPECT_EQ(surveys[1].csat, 3);
    EXPECT_EQ(surveys[1].answeredOn, *core::Date::fromYmd(2024, 4, 2));

    std::vector<core::Campaign> campaigns;
    ASSERT_TRUE(store->forEachCampaign([&](const core::Campaign &c) { campaigns.push_back(c); return true; }));
    ASSERT_EQ(campaigns.size(), 1u);
    EXPECT_EQ(campaigns[0].externalId, "CMP1");
    EXPECT_EQ(campaigns[0].channel, "email");
    EXPECT_EQ(campaigns[0].cost, money("120.5"));
    EXPECT_EQ(campaigns[0].startsOn, core::Date::fromYmd(2024, 1, 1));
    EXPECT_EQ(campaigns[0].endsOn, std::nullopt);
    EXPECT_EQ(campaigns[0].target, "all");
}

TEST_F(StreamsTest, EmptyStoreStreamsNothing) {
    auto store = open();
    int rows = 0;
    const auto count = [&rows](const auto &) { ++rows; return true; };
    EXPECT_TRUE(store->forEachOrderLine(count));
    EXPECT_TRUE(store->forEachOpportunity(count));
    EXPECT_TRUE(store->forEachInteraction(count));
    EXPECT_TRUE(store->forEachSurvey(count));
    EXPECT_TRUE(store->forEachCampaign(count));
    EXPECT_EQ(rows, 0);
}

} // namespace
} // namespace segdash::store::test
