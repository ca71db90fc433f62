#pragma once
// The tiny dataset every metrics test uses. Analysis date 2024-07-01 (a leap year:
// February has 29 days).
//
// Customers (index: id, country, industry, channel, rep, acquired, acquisition cost):
//   c0: 1  GB Retail email Ann 2024-01-05 100      segment A
//   c1: 2  GB Tech   ads   Bob 2024-01-20  50      segment A
//   c2: 3  DE Retail email Ann 2024-02-10  -       segment B
//   c3: 4  DE Tech   ads   Bob  -          -       segment B (no orders at all)
//   c4: 5  FR Retail email Cy  2024-03-01  20      no segment (label -1)
// Segments: A, B, Empty (nobody).
// Orders (revenue / cost, kind) and lines (category product qty x price):
//   c0 2024-01-05  100 /  60 sale    Paper  P1 10 x 10
//   c0 2024-02-04   50 /  -  sale    Coffee P2  5 x 10
//   c0 2024-03-05  150 /  90 sale    Paper  P1  5 x 10, Coffee P2 10 x 10
//   c0 2024-03-10  -50 / -30 return  Paper  P1 -5 x 10
//   c1 2024-01-20  200 / 150 sale    Tech   P3  2 x 100
//   c1 2024-01-25 -250 /  -  return  Tech   P3 -2 x 125   (returns exceed sales)
//   c2 2024-02-10   80 /  40 sale    Paper  P1  8 x 10
//   c2 2024-06-20   40 /  20 sale    Coffee P2  4 x 10
//   c4 2024-03-01  300 / 100 sale    Tech   P3  2 x 100, Paper P1 10 x 10
//   -- 2024-04-01  999 /  -  sale    Paper  P1  1 x 999   (anonymous: never selected)
// Net revenue: c0 250, c1 -50, c2 120, c3 0, c4 300; all customers 620.
#include <gtest/gtest.h>

#include "segment/dataset.h"
#include "segment/filter.h"
#include "segment/metrics.h"

namespace segdash::segment::test {

inline core::Date day(int y, int m, int d) { return *core::Date::fromYmd(y, m, d); }
inline core::Money money(std::int64_t whole) { return core::Money::fromUnits(whole * core::Money::kScale); }

inline core::Customer person(core::Id id, const char *country, const char *industry, const char *channel,
                             const char *rep, std::optional<core::Date> acquired, std::optional<int> cac) {
    core::Customer c;
    c.id = id;
    c.country = country;
    c.industry = industry;
    c.channel = channel;
    c.salesRep = rep;
    c.acquiredOn = acquired;
    if (cac) c.acquisitionCost = money(*cac);
    return c;
}

inline std::optional<core::Money> cost(std::int64_t whole) { return money(whole); }

// Opportunities (customer, amount, state, created, closed):
//   c0 1000 won  2024-01-10..2024-02-01;  c0 500 lost 2024-02-01..2024-03-01
//   c1  300 open 2024-05-01;              c2 2000 won  2024-03-01..2024-04-01
//   c4  700 open 2024-05-01 (no segment); anonymous 999 won (never counted)
// Interactions (all in 2024): c0 4 sent, 2 opens, 1 click on CMP1 (01-01), 3 web, 1 social;
//   c1 2 sent, 1 open, 1 click on CMP2 (01-10), 2 social; c2 1 web, 1 click on CMP1 (06-01);
//   c4 1 click on CMP2 (02-15).
// Surveys: c0 nps 10 csat 5, nps 6 csat 3; c1 nps 8; c2 nps 9 csat 4; c3 csat 2.
// Campaigns: CMP1 email 100, CMP2 email 50, CMP3 social 10.
inline void addCrm(Dataset &d) {
    d.addOpportunity(0, money(1000), true, day(2024, 1, 10), day(2024, 2, 1));
    d.addOpportunity(0, money(500), false, day(2024, 2, 1), day(2024, 3, 1));
    d.addOpportunity(1, money(300), std::nullopt, day(2024, 5, 1), std::nullopt);
    d.addOpportunity(2, money(2000), true, day(2024, 3, 1), day(2024, 4, 1));
    d.addOpportunity(4, money(700), std::nullopt, day(2024, 5, 1), std::nullopt);
    d.addOpportunity(kNoIndex, money(999), true, day(2024, 3, 1), day(2024, 4, 1));
    using I = core::InteractionKind;
    const auto add = [&d](std::int32_t c, I kind, int n, core::Date when, const char *campaign = "") {
        for (int i = 0; i < n; ++i) d.addInteraction(c, kind, when, campaign);
    };
    add(0, I::EmailSent, 4, day(2024, 1, 1), "CMP1");
    add(0, I::EmailOpen, 2, day(2024, 1, 1), "CMP1");
    add(0, I::EmailClick, 1, day(2024, 1, 1), "CMP1");
    add(0, I::WebVisit, 3, day(2024, 2, 1));
    add(0, I::Social, 1, day(2024, 2, 1));
    add(1, I::EmailSent, 2, day(2024, 1, 10), "CMP2");
    add(1, I::EmailOpen, 1, day(2024, 1, 10), "CMP2");
    add(1, I::EmailClick, 1, day(2024, 1, 10), "CMP2");
    add(1, I::Social, 2, day(2024, 3, 1));
    add(2, I::WebVisit, 1, day(2024, 5, 1));
    add(2, I::EmailClick, 1, day(2024, 6, 1), "CMP1");
    add(4, I::EmailClick, 1, day(2024, 2, 15), "CMP2");
    d.addSurvey(0, day(2024, 2, 1), 10, 5);
    d.addSurvey(0, day(2024, 4, 1), 6, 3);
    d.addSurvey(1, day(2024, 2, 1), 8, std::nullopt);
    d.addSurvey(2, day(2024, 3, 1), 9, 4);
    d.addSurvey(3, day(2024, 3, 1), std::nullopt, 2);
    d.addCampaign("CMP1", "email", money(100), day(2024, 1, 1), day(2024, 1, 31));
    d.addCampaign("CMP2", "email", money(50), day(2024, 1, 1), day(2024, 2, 28));
    d.addCampaign("CMP3", "social", money(10), std::nullopt, std::nullopt);
}

// Orders are added out of order (anonymous first, c2 before c0) so finalize() is exercised.
inline Dataset tinyDataset() {
    Dataset d;
    d.addCustomer(person(1, "GB", "Retail", "email", "Ann", day(2024, 1, 5), 100));
    d.addCustomer(person(2, "GB", "Tech", "ads", "Bob", day(2024, 1, 20), 50));
    d.addCustomer(person(3, "DE", "Retail", "email", "Ann", day(2024, 2, 10), std::nullopt));
    d.addCustomer(person(4, "DE", "Tech", "ads", "Bob", std::nullopt, std::nullopt));
    d.addCustomer(person(5, "FR", "Retail", "email", "Cy", day(2024, 3, 1), 20));
    using K = core::OrderKind;
    auto o = d.addOrder(kNoIndex, day(2024, 4, 1), money(999), std::nullopt, K::Sale);
    d.addLine(o, "Paper", "P1", 1, money(999));
    o = d.addOrder(2, day(2024, 6, 20), money(40), cost(20), K::Sale);
    d.addLine(o, "Coffee", "P2", 4, money(10));
    o = d.addOrder(2, day(2024, 2, 10), money(80), cost(40), K::Sale);
    d.addLine(o, "Paper", "P1", 8, money(10));
    o = d.addOrder(0, day(2024, 1, 5), money(100), cost(60), K::Sale);
    d.addLine(o, "Paper", "P1", 10, money(10));
    o = d.addOrder(0, day(2024, 2, 4), money(50), std::nullopt, K::Sale);
    d.addLine(o, "Coffee", "P2", 5, money(10));
    o = d.addOrder(0, day(2024, 3, 5), money(150), cost(90), K::Sale);
    d.addLine(o, "Paper", "P1", 5, money(10));
    d.addLine(o, "Coffee", "P2", 10, money(10));
    o = d.addOrder(0, day(2024, 3, 10), money(-50), cost(-30), K::Return);
    d.addLine(o, "Paper", "P1", -5, money(10));
    o = d.addOrder(1, day(2024, 1, 20), money(200), cost(150), K::Sale);
    d.addLine(o, "Tech", "P3", 2, money(100));
    o = d.addOrder(1, day(2024, 1, 25), money(-250), std::nullopt, K::Return);
    d.addLine(o, "Tech", "P3", -2, money(125));
    o = d.addOrder(4, day(2024, 3, 1), money(300), cost(100), K::Sale);
    d.addLine(o, "Tech", "P3", 2, money(100));
    d.addLine(o, "Paper", "P1", 10, money(10));
    addCrm(d);
    d.finalize();
    return d;
}

inline Segmentation tinySegments() { return Segmentation{{"A", "B", "Empty"}, {0, 0, 1, 1, -1}}; }

inline MetricsOptions tinyOptions() {
    MetricsOptions o;
    o.asOf = day(2024, 7, 1);
    o.churnDays = 100;
    return o;
}

inline Selection selectAll(const Dataset &d) { return select(d, Filter{}); }

} // namespace segdash::segment::test
