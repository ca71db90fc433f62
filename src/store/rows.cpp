#include "store/rows.h"

#include <cctype>

namespace segdash::store::rows {
namespace {

std::optional<core::Date> optDate(const sql::Statement &stmt, int column) {
    if (stmt.isNull(column)) return std::nullopt;
    return core::Date{static_cast<std::int32_t>(stmt.int64(column))};
}

std::optional<core::Timestamp> optTimestamp(const sql::Statement &stmt, int column) {
    if (stmt.isNull(column)) return std::nullopt;
    return core::Timestamp{stmt.int64(column)};
}

std::optional<core::Money> optMoney(const sql::Statement &stmt, int column) {
    if (stmt.isNull(column)) return std::nullopt;
    return core::Money::fromUnits(stmt.int64(column));
}

std::optional<std::int64_t> dateDays(const std::optional<core::Date> &date) {
    if (!date) return std::nullopt;
    return date->days;
}

std::optional<std::int64_t> moneyUnits(const std::optional<core::Money> &money) {
    if (!money) return std::nullopt;
    return money->units();
}

} // namespace

void bindCustomerFields(sql::Statement &stmt, int first, const core::Customer &c) {
    stmt.bindOrNull(first, c.externalId);
    const std::string *texts[] = {&c.name, &c.email, &c.phone, &c.company, &c.industry,
                                  &c.companySize, &c.country, &c.region, &c.city};
    int i = first + 1;
    for (const std::string *text : texts) stmt.bind(i++, *text);
    stmt.bind(first + 10, c.birthYear);
    stmt.bind(first + 11, c.ageBand);
    stmt.bind(first + 12, c.channel);
    stmt.bind(first + 13, dateDays(c.acquiredOn));
    stmt.bind(first + 14, moneyUnits(c.acquisitionCost));
    stmt.bind(first + 15, c.salesRep);
    stmt.bind(first + 16, c.lifecycleStage);
}

core::Customer readCustomer(const sql::Statement &stmt) {
    core::Customer c;
    c.id = stmt.int64(0);
    c.sourceSystem = stmt.text(1);
    c.externalId = stmt.text(2);
    c.name = stmt.text(3);
    c.email = stmt.text(4);
    c.phone = stmt.text(5);
    c.company = stmt.text(6);
    c.industry = stmt.text(7);
    c.companySize = stmt.text(8);
    c.country = stmt.text(9);
    c.region = stmt.text(10);
    c.city = stmt.text(11);
    if (!stmt.isNull(12)) c.birthYear = static_cast<int>(stmt.int64(12));
    c.ageBand = stmt.text(13);
    c.channel = stmt.text(14);
    c.acquiredOn = optDate(stmt, 15);
    c.acquisitionCost = optMoney(stmt, 16);
    c.salesRep = stmt.text(17);
    c.lifecycleStage = stmt.text(18);
    return c;
}

ImportRecord readImport(const sql::Statement &stmt) {
    ImportRecord r;
    r.id = stmt.int64(0);
    r.fileName = stmt.text(1);
    r.fileSize = stmt.int64(2);
    r.contentHash = stmt.text(3);
    r.kind = stmt.text(4);
    r.profile = stmt.text(5);
    r.settingsJson = stmt.text(6);
    r.rowsRead = stmt.int64(7);
    r.rowsImported = stmt.int64(8);
    r.rowsRejected = stmt.int64(9);
    r.startedAt = core::Timestamp{stmt.int64(10)};
    r.seconds = stmt.real(11);
    r.undone = stmt.text(12) == "undone";
    return r;
}

core::CustomerStats readStats(const sql::Statement &stmt) {
    core::CustomerStats s;
    s.customerId = stmt.int64(0);
    s.firstPurchase = optTimestamp(stmt, 1);
    s.lastPurchase = optTimestamp(stmt, 2);
    s.purchaseCount = stmt.int64(3);
    s.returnCount = stmt.int64(4);
    s.grossRevenue = core::Money::fromUnits(stmt.int64(5));
    s.returnsValue = core::Money::fromUnits(stmt.int64(6));
    s.netRevenue = s.grossRevenue + s.returnsValue;
    s.cost = core::Money::fromUnits(stmt.int64(7));
    s.margin = core::Money::fromUnits(stmt.int64(8));
    return s;
}

core::Order readOrder(const sql::Statement &stmt) {
    core::Order o;
    o.id = stmt.int64(0);
    o.externalId = stmt.text(1);
    o.customerId = stmt.isNull(2) ? 0 : stmt.int64(2);
    o.placedAt = core::Timestamp{stmt.int64(3)};
    o.revenue = core::Money::fromUnits(stmt.int64(4));
    o.cost = optMoney(stmt, 5);
    o.currency = stmt.text(6);
    o.channel = stmt.text(7);
    const auto kind = stmt.int64(8);
    o.kind = kind == 1 ? core::OrderKind::Return : kind == 2 ? core::OrderKind::Cancellation : core::OrderKind::Sale;
    return o;
}

int orderKindCode(core::OrderKind kind) {
    switch (kind) {
    case core::OrderKind::Sale: return 0;
    case core::OrderKind::Return: return 1;
    case core::OrderKind::Cancellation: return 2;
    }
    return 0;
}

int interactionKindCode(core::InteractionKind kind) { return static_cast<int>(kind); }

std::string normaliseEmail(std::string_view email) {
    const auto isSpace = [](char ch) { return std::isspace(static_cast<unsigned char>(ch)) != 0; };
    while (!email.empty() && isSpace(email.front())) email.remove_prefix(1);
    while (!email.empty() && isSpace(email.back())) email.remove_suffix(1);
    std::string out(email);
    for (char &ch : out)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    return out;
}

} // namespace segdash::store::rows
