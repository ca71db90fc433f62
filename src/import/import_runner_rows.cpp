// ImportRunner: order lines (with order grouping), the other kinds, and the commit.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

#include "import/import_runner.h"

namespace segdash::import {
namespace {

core::Money lineValue(core::Money unit, double quantity) {
    const double whole = std::round(quantity);
    if (whole == quantity && std::fabs(whole) < 9e15) return unit.times(static_cast<std::int64_t>(whole));
    return unit.scaled(quantity);
}

} // namespace

core::Status ImportRunner::importOrderLine(RowItem &item) {
    core::OrderLine &line = item.orderLine;
    if (!m_convert->linesCarryOrders()) {
        // Lines of orders imported before: attach by the order's external id.
        auto it = m_orderIds.find(line.orderExternalId);
        if (it == m_orderIds.end()) {
            const auto id = m_session->findOrder(m_plan.sourceSystem, line.orderExternalId);
            if (!id) {
                reject(item.line, {m_plan.mapping.columnOf("order_id") + 1,
                           "order '" + line.orderExternalId + "' is not in the store (import the orders first)"});
                return core::Status::success();
            }
            it = m_orderIds.emplace(line.orderExternalId, *id).first;
        }
        line.orderId = it->second;
        if (auto s = m_session->addOrderLine(line); !s.ok()) return s;
        ++m_report.rowsImported;
        ++m_report.created["order_lines"];
        return core::Status::success();
    }
    // Transaction-line files: consecutive lines of one invoice make one order.
    if (m_pending.active && m_pending.order.externalId != line.orderExternalId)
        if (auto s = flushPendingOrder(); !s.ok()) return s;
    if (!m_pending.active) {
        m_pending.active = true;
        m_pending.order = item.order;
        m_pending.ref = item.ref;
        m_pending.lines.clear();
    }
    m_pending.order.revenue += lineValue(line.unitPrice, line.quantity);
    if (line.unitCost) {
        m_pending.order.cost = m_pending.order.cost.value_or(core::Money{}) + lineValue(*line.unitCost, line.quantity);
    }
    m_pending.lines.push_back(line);
    return core::Status::success();
}

core::Status ImportRunner::flushPendingOrder() {
    if (!m_pending.active) return core::Status::success();
    m_pending.active = false;
    core::Order &order = m_pending.order;
    const auto n = static_cast<std::int64_t>(m_pending.lines.size());
    if (!m_cancellationPrefix.empty() && order.externalId.rfind(m_cancellationPrefix, 0) == 0) {
        order.kind = core::OrderKind::Cancellation;
        ++m_report.cleaning[kRuleCancellation];
    } else if (order.revenue.units() < 0) {
        order.kind = core::OrderKind::Return;
        ++m_report.cleaning[kRuleNegativeAsReturn];
    }
    core::Id orderId = 0;
    if (const auto it = m_orderIds.find(order.externalId); it != m_orderIds.end()) {
        orderId = it->second; // the invoice's lines were not contiguous
        if (auto s = m_session->addToOrder(orderId, order.revenue, order.cost); !s.ok()) return s;
    } else {
        auto customer = resolveCustomer(m_pending.ref);
        if (!customer.ok()) return customer.status();
        order.customerId = *customer;
        order.customerExternalId = m_pending.ref.externalId;
        auto inserted = m_session->addOrder(order, m_plan.sourceSystem);
        if (!inserted.ok()) return inserted.status();
        if (!*inserted) {
            m_report.rowsDuplicate += n;
            return core::Status::success();
        }
        orderId = order.id;
        m_orderIds.emplace(order.externalId, orderId);
        ++m_report.created["orders"];
    }
    for (auto &line : m_pending.lines) {
        line.orderId = orderId;
        if (auto s = m_session->addOrderLine(line); !s.ok()) return s;
    }
    m_report.rowsImported += n;
    m_report.created["order_lines"] += n;
    return core::Status::success();
}

core::Status ImportRunner::importOther(RowItem &item) {
    auto linkCustomer = [&](const std::string &externalId, core::Id &customerId) -> std::optional<RowError> {
        if (externalId.empty()) return std::nullopt;
        const auto id = customerByExternalId(externalId);
        if (!id) return RowError{m_plan.mapping.columnOf("customer_id") + 1,
                                 "customer '" + externalId + "' is not in the store (import the customers first)"};
        customerId = *id;
        return std::nullopt;
    };
    core::Result<bool> added = true;
    std::optional<RowError> e;
    const char *what = "";
    if (m_plan.kind == RecordKind::Opportunities) {
        core::Opportunity &o = item.opportunity;
        if (!(e = linkCustomer(o.customerExternalId, o.customerId))) added = m_session->addOpportunity(o, m_plan.sourceSystem);
        what = "opportunities";
    } else if (m_plan.kind == RecordKind::Interactions) {
        core::Interaction &i = item.interaction;
        if (!(e = linkCustomer(i.customerExternalId, i.customerId))) {
            const auto s = m_session->addInteraction(i);
            added = s.ok() ? core::Result<bool>(true) : core::Result<bool>(s);
        }
        what = "interactions";
    } else if (m_plan.kind == RecordKind::Surveys) {
        core::SurveyResponse &sr = item.survey;
        if (!(e = linkCustomer(sr.customerExternalId, sr.customerId))) {
            const auto s = m_session->addSurvey(sr);
            added = s.ok() ? core::Result<bool>(true) : core::Result<bool>(s);
        }
        what = "surveys";
    } else {
        added = m_session->addCampaign(item.campaign, m_plan.sourceSystem);
        what = "campaigns";
    }
    if (e) { reject(item.line, *e); return core::Status::success(); }
    if (!added.ok()) return added.status();
    if (*added) {
        ++m_report.rowsImported;
        ++m_report.created[what];
    } else {
        ++m_report.rowsDuplicate;
    }
    return core::Status::success();
}

std::string ImportRunner::settingsJson() const {
    const Detection &d = m_plan.detection;
    QJsonArray columns;
    for (std::size_t i = 0; i < d.columns.size(); ++i) {
        const auto &c = d.columns[i];
        columns.append(QJsonObject{
            {"header", QString::fromStdString(c.header)},
            {"field", QString::fromStdString(i < m_plan.mapping.targets.size() ? m_plan.mapping.targets[i] : "")},
            {"decimal", QString(QChar(c.number.value.decimal))},
            {"date_order", QString::fromStdString(toString(c.date.value.order))}});
    }
    const QJsonObject o{{"encoding", QString::fromStdString(d.encoding.value)},
                        {"delimiter", QString(QChar(d.delimiter.value))},
                        {"quote", QString(QChar(d.quote.value))},
                        {"header", d.hasHeader.value},
                        {"source", QString::fromStdString(m_plan.sourceSystem)},
                        {"columns", columns}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

core::Result<ImportReport> ImportRunner::finish() {
    for (const auto &issue : m_reader->issues()) {
        if (m_report.warnings.size() >= 50) break;
        m_report.warnings.push_back("line " + std::to_string(issue.line) + ", column " + std::to_string(issue.column) +
                                    ": " + issue.message);
    }
    if (m_reader->issueCount() > static_cast<std::int64_t>(m_reader->issues().size()))
        m_report.warnings.push_back(std::to_string(m_reader->issueCount()) + " reading issues in all");
    m_report.contentHash = m_hash.get();
    m_report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_started).count();
    if (const auto previous = m_store.findImportByHash(m_report.contentHash)) {
        m_session->rollback();
        m_report.alreadyImported = true;
        m_report.importId = previous->id;
        m_report.rowsImported = 0;
        m_report.created.clear();
        return m_report;
    }
    if (m_options.dryRun) {
        m_session->rollback();
        return m_report;
    }
    store::ImportRecord record;
    record.fileName = m_fileName;
    record.fileSize = m_report.fileSize;
    record.contentHash = m_report.contentHash;
    record.kind = m_report.kind;
    record.profile = m_report.profile;
    record.settingsJson = settingsJson();
    record.rowsRead = m_report.rowsRead;
    record.rowsImported = m_report.rowsImported;
    record.rowsRejected = m_report.rowsRejected;
    record.startedAt = core::Timestamp{QDateTime::currentSecsSinceEpoch()};
    record.seconds = m_report.seconds;
    auto id = m_session->commit(record);
    if (!id.ok()) return id.status();
    m_report.importId = *id;
    return m_report;
}

} // namespace segdash::import
