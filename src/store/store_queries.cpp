// The read side of SqliteStore: summary, import log, streaming and lookups.
#include "store/rows.h"
#include "store/sqlite_store.h"

namespace segdash::store {
namespace {

core::Status countInto(sql::Database &db, const char *sqlText, std::int64_t &out) {
    auto value = db.queryInt(sqlText);
    if (!value) return value.status();
    out = *value;
    return core::Status::success();
}

core::Status orderTotals(sql::Database &db, StoreSummary &s) {
    auto stmt = db.prepare("SELECT count(*), total(kind = 0), total(kind <> 0), total(customer_id IS NULL), "
                           "coalesce(sum(revenue), 0), min(placed_at), max(placed_at) FROM orders");
    if (!stmt) return stmt.status();
    core::Status status = core::Status::success();
    if (!stmt->step(&status)) return status;
    s.orders = stmt->int64(0);
    s.saleOrders = static_cast<std::int64_t>(stmt->real(1));
    s.returnOrders = static_cast<std::int64_t>(stmt->real(2));
    s.anonymousOrders = static_cast<std::int64_t>(stmt->real(3));
    s.netRevenue = core::Money::fromUnits(stmt->int64(4));
    if (!stmt->isNull(5)) s.firstOrder = core::Timestamp{stmt->int64(5)};
    if (!stmt->isNull(6)) s.lastOrder = core::Timestamp{stmt->int64(6)};
    return status;
}

// Streams a query's rows through `read` into `fn` until it returns false.
template <typename Row, typename Read>
core::Status stream(sql::Database &db, const std::string &sqlText, Read read, const std::function<bool(const Row &)> &fn) {
    auto stmt = db.prepare(sqlText);
    if (!stmt) return stmt.status();
    core::Status status = core::Status::success();
    while (stmt->step(&status))
        if (!fn(read(*stmt))) break;
    return status;
}

} // namespace

core::Result<StoreSummary> SqliteStore::summary() {
    StoreSummary s;
    const std::pair<const char *, std::int64_t *> counts[] = {
        {"SELECT count(*) FROM customers", &s.customers},
        {"SELECT count(*) FROM order_lines", &s.orderLines},
        {"SELECT count(*) FROM opportunities", &s.opportunities},
        {"SELECT count(*) FROM interactions", &s.interactions},
        {"SELECT count(*) FROM survey_responses", &s.surveys},
        {"SELECT count(*) FROM campaigns", &s.campaigns},
        {"SELECT count(*) FROM imports WHERE state = 'done'", &s.imports},
    };
    for (const auto &[sqlText, out] : counts)
        if (auto status = countInto(db(), sqlText, *out); !status) return status;
    if (auto status = orderTotals(db(), s); !status) return status;
    return s;
}

core::Result<std::vector<ImportRecord>> SqliteStore::imports() {
    std::vector<ImportRecord> out;
    auto status = stream<ImportRecord>(
        db(), std::string(rows::kSelectImport) + " WHERE state <> 'running' ORDER BY id DESC", rows::readImport,
        [&out](const ImportRecord &r) { out.push_back(r); return true; });
    if (!status) return status;
    return out;
}

std::optional<ImportRecord> SqliteStore::findImportByHash(std::string_view contentHash) {
    auto stmt = db().prepare(std::string(rows::kSelectImport) +
                             " WHERE content_hash = ?1 AND state = 'done' ORDER BY id DESC LIMIT 1");
    if (!stmt) return std::nullopt;
    stmt->bind(1, contentHash);
    if (!stmt->step()) return std::nullopt;
    return rows::readImport(*stmt);
}

// Customers and their attributes are two scans in customer id order, merged here.
core::Status SqliteStore::forEachCustomer(const std::function<bool(const core::Customer &)> &fn) {
    auto customers = db().prepare(std::string(rows::kSelectCustomer) + " ORDER BY c.id");
    if (!customers) return customers.status();
    auto attributes = db().prepare("SELECT customer_id, key, value FROM customer_attributes ORDER BY customer_id, key");
    if (!attributes) return attributes.status();
    core::Status status = core::Status::success();
    bool haveAttribute = attributes->step(&status);
    while (status && customers->step(&status)) {
        core::Customer c = rows::readCustomer(*customers);
        while (haveAttribute && attributes->int64(0) <= c.id) {
            if (attributes->int64(0) == c.id) c.custom.emplace(attributes->text(1), attributes->text(2));
            haveAttribute = attributes->step(&status);
        }
        if (!fn(c)) break;
    }
    return status;
}

core::Status SqliteStore::forEachCustomerKey(
    const std::function<bool(Id id, const std::string &externalId, const std::string &email)> &fn) {
    auto stmt = db().prepare("SELECT id, coalesce(external_id, ''), coalesce(email, '') FROM customers ORDER BY id");
    if (!stmt) return stmt.status();
    core::Status status = core::Status::success();
    while (status && stmt->step(&status))
        if (!fn(stmt->int64(0), stmt->text(1), stmt->text(2))) break;
    return status;
}

core::Result<std::optional<core::Timestamp>> SqliteStore::lastOrderTime() {
    auto stmt = db().prepare("SELECT max(placed_at) FROM orders");
    if (!stmt) return stmt.status();
    core::Status status = core::Status::success();
    if (!stmt->step(&status)) return status.ok() ? core::Status::error("no result from max(placed_at)") : status;
    if (stmt->isNull(0)) return std::optional<core::Timestamp>();
    return std::optional<core::Timestamp>(core::Timestamp{stmt->int64(0)});
}

core::Status SqliteStore::forEachCustomerStats(const std::function<bool(const core::CustomerStats &)> &fn) {
    return stream<core::CustomerStats>(db(), std::string(rows::kSelectStats) + " ORDER BY customer_id",
                                       rows::readStats, fn);
}

core::Status SqliteStore::forEachOrder(const std::function<bool(const core::Order &)> &fn) {
    return stream<core::Order>(db(), std::string(rows::kSelectOrder) + " ORDER BY id", rows::readOrder, fn);
}

std::optional<core::Customer> SqliteStore::customer(Id id) {
    auto stmt = db().prepare(std::string(rows::kSelectCustomer) + " WHERE c.id = ?1");
    if (!stmt) return std::nullopt;
    stmt->bind(1, id);
    if (!stmt->step()) return std::nullopt;
    core::Customer c = rows::readCustomer(*stmt);
    auto attributes = db().prepare("SELECT key, value FROM customer_attributes WHERE customer_id = ?1");
    if (!attributes) return std::nullopt;
    attributes->bind(1, id);
    while (attributes->step()) c.custom.emplace(attributes->text(0), attributes->text(1));
    return c;
}

} // namespace segdash::store
