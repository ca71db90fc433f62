// SqliteImportSession: orders (the hot path), order lines and the other records.
#include "store/import_session.h"
#include "store/rows.h"

namespace segdash::store {
namespace {

void bindId(sql::Statement &stmt, int index, Id id) {
    if (id != 0) stmt.bind(index, id); else stmt.bindNull(index);
}

std::optional<std::int64_t> units(const std::optional<core::Money> &money) {
    if (!money) return std::nullopt;
    return money->units();
}

std::optional<std::int64_t> days(const std::optional<core::Date> &date) {
    if (!date) return std::nullopt;
    return date->days;
}

} // namespace

core::Result<Id> SqliteImportSession::resolveCustomer(Id customerId, const std::string &externalId,
                                                      std::string_view sourceSystem) {
    if (customerId != 0 || externalId.empty()) return customerId;
    if (auto id = findCustomer(sourceSystem, externalId)) return *id;
    return core::Status::error("unknown customer \"" + externalId + "\" of source \"" + std::string(sourceSystem) + "\"");
}

core::Result<bool> SqliteImportSession::addOrder(core::Order &order, std::string_view sourceSystem) {
    if (auto status = ensureActive(); !status) return status;
    auto source = sourceId(sourceSystem, true);
    if (!source) return source.status();
    auto customer = resolveCustomer(order.customerId, order.customerExternalId, sourceSystem);
    if (!customer) return customer.status();
    if (auto status = checkCustomer(*customer); !status) return status;
    if (auto status = flushOpenOrder(); !status) return status;
    auto insert = statement(Sql::InsertOrder);
    if (!insert) return insert.status();
    sql::Statement &s = **insert;
    s.bind(1, m_importId).bind(2, *source).bindOrNull(3, order.externalId);
    bindId(s, 4, *customer);
    s.bind(5, order.placedAt.seconds).bind(6, order.revenue.units()).bind(7, units(order.cost));
    s.bind(8, order.currency).bind(9, order.channel).bind(10, rows::orderKindCode(order.kind));
    if (auto status = s.run(); !status) return fail(status);
    if (m_state->db->changes() == 0) return false; // same (source, external id) already stored
    order.id = m_state->db->lastInsertId();
    order.customerId = *customer;
    m_lastInsertedOrder = order.id;
    if (auto status = countOrder(); !status) return status;
    m_open = OpenOrder{order.id, *customer, order.kind, order.revenue.units(), units(order.cost), false};
    if (*customer != 0) {
        StatsDelta &delta = m_deltas.at(*customer);
        if (delta.empty()) ++m_pendingCustomers;
        delta.addOrder(order.kind, order.placedAt.seconds);
        delta.addMoney(order.kind, order.revenue.units(), units(order.cost), +1);
        if (m_deltas.sparseSize() >= kMaxDeltas || m_pendingCustomers >= m_flushCustomers) {
            if (auto status = flushStats(); !status) return status;
            m_deltas.release();
        }
    }
    return true;
}

core::Status SqliteImportSession::addToOrder(Id orderId, core::Money revenue, std::optional<core::Money> cost) {
    if (auto status = ensureActive(); !status) return status;
    if (m_open.id != orderId) {
        if (auto status = flushOpenOrder(); !status) return status;
        if (auto status = loadOpenOrder(orderId); !status) return status;
    }
    StatsDelta *delta = m_open.customerId != 0 ? &m_deltas.at(m_open.customerId) : nullptr;
    if (delta) delta->addMoney(m_open.kind, m_open.revenue, m_open.cost, -1);
    m_open.revenue += revenue.units();
    if (cost) m_open.cost = m_open.cost.value_or(0) + cost->units();
    if (delta) delta->addMoney(m_open.kind, m_open.revenue, m_open.cost, +1);
    m_open.dirty = true;
    return core::Status::success();
}

core::Status SqliteImportSession::loadOpenOrder(Id orderId) {
    auto load = statement(Sql::LoadOrder);
    if (!load) return load.status();
    sql::Statement &s = **load;
    core::Status status = core::Status::success();
    if (!s.bind(1, orderId).bind(2, m_importId).step(&status)) {
        s.reset();
        if (!status) return status;
        return core::Status::error("order " + std::to_string(orderId) + " was not added by this import");
    }
    const auto kind = s.int64(1);
    m_open = OpenOrder{orderId, s.isNull(0) ? 0 : s.int64(0),
                       kind == 1 ? core::OrderKind::Return
                                 : kind == 2 ? core::OrderKind::Cancellation : core::OrderKind::Sale,
                       s.int64(2), s.optInt64(3), false};
    s.reset();
    return core::Status::success();
}

core::Status SqliteImportSession::flushOpenOrder() {
    if (!m_open.dirty) return core::Status::success();
    auto update = statement(Sql::UpdateOrder);
    if (!update) return update.status();
    (*update)->bind(1, m_open.id).bind(2, m_open.revenue).bind(3, m_open.cost);
    if (auto status = (*update)->run(); !status) return fail(status);
    m_open.dirty = false;
    return core::Status::success();
}

core::Status SqliteImportSession::addOrderLine(const core::OrderLine &line) {
    if (auto status = ensureActive(); !status) return status;
    Id orderId = line.orderId;
    if (orderId != 0)
        if (auto status = checkOrder(orderId); !status) return status;
    if (orderId == 0 && !line.orderExternalId.empty() && line.orderExternalId == m_lastOrderExternalId)
        orderId = m_lastOrderId;
    if (orderId == 0) {
        if (line.orderExternalId.empty()) return core::Status::error("order line without an order");
        auto find = statement(Sql::FindOrder);
        if (!find) return find.status();
        sql::Statement &s = **find;
        s.bind(1, line.orderExternalId);
        const Id first = s.step() ? s.int64(0) : 0;
        const bool ambiguous = first != 0 && s.step();
        s.reset();
        if (first == 0) return core::Status::error("unknown order \"" + line.orderExternalId + "\"");
        if (ambiguous) return core::Status::error("order \"" + line.orderExternalId + "\" exists in several sources");
        orderId = first;
        m_lastOrderExternalId = line.orderExternalId;
        m_lastOrderId = orderId;
    }
    auto insert = statement(Sql::InsertLine);
    if (!insert) return insert.status();
    sql::Statement &s = **insert;
    s.bind(1, m_importId).bind(2, orderId).bind(3, line.productCode).bind(4, line.productName);
    s.bind(5, line.category).bind(6, line.quantity).bind(7, line.unitPrice.units()).bind(8, units(line.unitCost));
    if (auto status = s.run(); !status) return fail(status);
    return core::Status::success();
}

std::optional<Id> SqliteImportSession::findOrder(std::string_view sourceSystem, std::string_view externalId) {
    if (!m_active || externalId.empty()) return std::nullopt;
    auto source = sourceId(sourceSystem, false);
    if (!source || *source == 0) return std::nullopt;
    auto find = statement(Sql::FindOrderBySource);
    if (!find) return std::nullopt;
    std::optional<Id> id;
    if ((*find)->bind(1, externalId).bind(2, *source).step()) id = (*find)->int64(0);
    (*find)->reset();
    return id;
}

core::Result<bool> SqliteImportSession::addOpportunity(const core::Opportunity &item, std::string_view sourceSystem) {
    if (auto status = ensureActive(); !status) return status;
    auto source = sourceId(sourceSystem, true);
    if (!source) return source.status();
    auto customer = resolveCustomer(item.customerId, item.customerExternalId, sourceSystem);
    if (!customer) return customer.status();
    if (auto status = checkCustomer(*customer); !status) return status;
    auto insert = statement(Sql::InsertOpportunity);
    if (!insert) return insert.status();
    sql::Statement &s = **insert;
    s.bind(1, m_importId).bind(2, *source).bindOrNull(3, item.externalId);
    bindId(s, 4, *customer);
    s.bind(5, item.name).bind(6, item.stage).bind(7, item.amount.units()).bind(8, item.probability);
    s.bind(9, days(item.createdOn)).bind(10, days(item.closedOn));
    if (item.won) s.bind(11, *item.won ? 1 : 0); else s.bindNull(11);
    s.bind(12, item.owner);
    if (auto status = s.run(); !status) return fail(status);
    return m_state->db->changes() != 0;
}

core::Status SqliteImportSession::addInteraction(const core::Interaction &item) {
    if (auto status = ensureActive(); !status) return status;
    if (auto status = checkCustomer(item.customerId); !status) return status;
    auto insert = statement(Sql::InsertInteraction);
    if (!insert) return insert.status();
    sql::Statement &s = **insert;
    s.bind(1, m_importId);
    bindId(s, 2, item.customerId);
    s.bind(3, rows::interactionKindCode(item.kind)).bind(4, item.at.seconds);
    s.bind(5, item.campaignExternalId).bind(6, item.detail);
    return fail(s.run());
}

core::Status SqliteImportSession::addSurvey(const core::SurveyResponse &item) {
    if (auto status = ensureActive(); !status) return status;
    if (auto status = checkCustomer(item.customerId); !status) return status;
    auto insert = statement(Sql::InsertSurvey);
    if (!insert) return insert.status();
    sql::Statement &s = **insert;
    s.bind(1, m_importId);
    bindId(s, 2, item.customerId);
    s.bind(3, static_cast<std::int64_t>(item.answeredOn.days)).bind(4, item.nps).bind(5, item.csat);
    s.bind(6, item.comment);
    return fail(s.run());
}

core::Result<bool> SqliteImportSession::addCampaign(const core::Campaign &item, std::string_view sourceSystem) {
    if (auto status = ensureActive(); !status) return status;
    auto source = sourceId(sourceSystem, true);
    if (!source) return source.status();
    auto insert = statement(Sql::InsertCampaign);
    if (!insert) return insert.status();
    sql::Statement &s = **insert;
    s.bind(1, m_importId).bind(2, *source).bindOrNull(3, item.externalId).bind(4, item.name);
    s.bind(5, item.channel).bind(6, item.cost.units()).bind(7, days(item.startsOn)).bind(8, days(item.endsOn));
    s.bind(9, item.target);
    if (auto status = s.run(); !status) return fail(status);
    return m_state->db->changes() != 0;
}

} // namespace segdash::store
