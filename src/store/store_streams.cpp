// Streaming reads of the detail tables (order lines, opportunities, interactions,
// surveys, campaigns) for the analysis layer: one prepared statement each, id order.
#include "store/rows.h"
#include "store/sqlite_store.h"

namespace segdash::store {
namespace {

std::optional<core::Date> optDate(const sql::Statement &stmt, int column) {
    if (stmt.isNull(column)) return std::nullopt;
    return core::Date{static_cast<std::int32_t>(stmt.int64(column))};
}

std::optional<core::Money> optMoney(const sql::Statement &stmt, int column) {
    if (stmt.isNull(column)) return std::nullopt;
    return core::Money::fromUnits(stmt.int64(column));
}

template <typename Row, typename Read>
core::Status streamRows(sql::Database &db, const char *sqlText, Read read, const std::function<bool(const Row &)> &fn) {
    auto stmt = db.prepare(sqlText);
    if (!stmt) return stmt.status();
    core::Status status = core::Status::success();
    while (stmt->step(&status))
        if (!fn(read(*stmt))) break;
    return status;
}

core::OrderLine readLine(const sql::Statement &s) {
    core::OrderLine l;
    l.id = s.int64(0);
    l.orderId = s.int64(1);
    l.orderExternalId = s.text(2);
    l.productCode = s.text(3);
    l.productName = s.text(4);
    l.category = s.text(5);
    l.quantity = s.real(6);
    l.unitPrice = core::Money::fromUnits(s.int64(7));
    l.unitCost = optMoney(s, 8);
    return l;
}

core::Opportunity readOpportunity(const sql::Statement &s) {
    core::Opportunity o;
    o.id = s.int64(0);
    o.externalId = s.text(1);
    o.customerId = s.isNull(2) ? 0 : s.int64(2);
    o.name = s.text(3);
    o.stage = s.text(4);
    o.amount = core::Money::fromUnits(s.int64(5));
    o.probability = s.real(6);
    o.createdOn = optDate(s, 7);
    o.closedOn = optDate(s, 8);
    if (!s.isNull(9)) o.won = s.int64(9) != 0;
    o.owner = s.text(10);
    return o;
}

core::Interaction readInteraction(const sql::Statement &s) {
    core::Interaction i;
    i.id = s.int64(0);
    i.customerId = s.isNull(1) ? 0 : s.int64(1);
    const auto kind = s.int64(2);
    i.kind = kind >= 0 && kind <= 6 ? static_cast<core::InteractionKind>(kind) : core::InteractionKind::EmailSent;
    i.at = core::Timestamp{s.int64(3)};
    i.campaignExternalId = s.text(4);
    i.detail = s.text(5);
    return i;
}

core::SurveyResponse readSurvey(const sql::Statement &s) {
    core::SurveyResponse r;
    r.id = s.int64(0);
    r.customerId = s.isNull(1) ? 0 : s.int64(1);
    r.answeredOn = core::Date{static_cast<std::int32_t>(s.int64(2))};
    if (!s.isNull(3)) r.nps = static_cast<int>(s.int64(3));
    if (!s.isNull(4)) r.csat = static_cast<int>(s.int64(4));
    r.comment = s.text(5);
    return r;
}

core::Campaign readCampaign(const sql::Statement &s) {
    core::Campaign c;
    c.id = s.int64(0);
    c.externalId = s.text(1);
    c.name = s.text(2);
    c.channel = s.text(3);
    c.cost = core::Money::fromUnits(s.int64(4));
    c.startsOn = optDate(s, 5);
    c.endsOn = optDate(s, 6);
    c.target = s.text(7);
    return c;
}

} // namespace

// No join to orders: the analysis keys lines by order id, and a lookup per line
// would cost seconds on millions of lines.
core::Status SqliteStore::forEachOrderLine(const std::function<bool(const core::OrderLine &)> &fn) {
    return streamRows<core::OrderLine>(
        db(),
        "SELECT id, order_id, '', product_code, product_name, category, quantity, unit_price, unit_cost "
        "FROM order_lines ORDER BY id",
        readLine, fn);
}

core::Status SqliteStore::forEachOpportunity(const std::function<bool(const core::Opportunity &)> &fn) {
    return streamRows<core::Opportunity>(
        db(),
        "SELECT id, coalesce(external_id, ''), customer_id, name, stage, amount, probability, created_on, closed_on, "
        "won, owner FROM opportunities ORDER BY id",
        readOpportunity, fn);
}

core::Status SqliteStore::forEachInteraction(const std::function<bool(const core::Interaction &)> &fn) {
    return streamRows<core::Interaction>(
        db(), "SELECT id, customer_id, kind, at, campaign_external_id, detail FROM interactions ORDER BY id",
        readInteraction, fn);
}

core::Status SqliteStore::forEachSurvey(const std::function<bool(const core::SurveyResponse &)> &fn) {
    return streamRows<core::SurveyResponse>(
        db(), "SELECT id, customer_id, answered_on, nps, csat, comment FROM survey_responses ORDER BY id", readSurvey,
        fn);
}

core::Status SqliteStore::forEachCampaign(const std::function<bool(const core::Campaign &)> &fn) {
    return streamRows<core::Campaign>(
        db(),
        "SELECT id, coalesce(external_id, ''), name, channel, cost, starts_on, ends_on, target FROM campaigns "
        "ORDER BY id",
        readCampaign, fn);
}

} // namespace segdash::store
