// SqliteStore::undoLastImport: takes back the newest import in one transaction.
#include <ctime>

#include "store/rows.h"
#include "store/sqlite_store.h"

namespace segdash::store {
namespace {

constexpr std::int64_t kBigUndo = 100000;
constexpr std::int64_t kDeleteSlice = 262144;

constexpr const char *kCustomerFields =
    "source_id, external_id, name, email, phone, company, industry, company_size, country, region, city, "
    "birth_year, age_band, channel, acquired_on, acquisition_cost, sales_rep, lifecycle_stage";

// Run in order with ?1 = the import id. Children go before their parents so the
// foreign keys hold at every step. "BATCH t" deletes the import's rows of table t
// in rowid slices (see deleteImportRows).
std::vector<std::string> undoSteps() {
    const std::string fields = kCustomerFields;
    return {
        "DELETE FROM temp.undo_affected",
        "INSERT OR IGNORE INTO temp.undo_affected SELECT customer_id FROM orders "
        "WHERE import_id = ?1 AND customer_id IS NOT NULL",
        "BATCH order_lines",
        "BATCH orders",
        "CREATE INDEX IF NOT EXISTS orders_customer ON orders(customer_id)", // when dropped below
        "BATCH interactions",
        "BATCH survey_responses",
        "BATCH opportunities",
        "BATCH campaigns",
        // restore what the import overwrote
        "UPDATE customers SET (" + fields + ") = (SELECT " + fields +
            " FROM customers_undo u WHERE u.import_id = ?1 AND u.customer_id = customers.id) "
            "WHERE id IN (SELECT customer_id FROM customers_undo WHERE import_id = ?1)",
        "DELETE FROM customer_attributes WHERE customer_id IN "
        "(SELECT customer_id FROM customers_undo WHERE import_id = ?1)",
        "INSERT INTO customer_attributes(customer_id, key, value, import_id) "
        "SELECT customer_id, key, value, old_import_id FROM customer_attributes_undo WHERE import_id = ?1",
        "DELETE FROM customer_attributes_undo WHERE import_id = ?1",
        "DELETE FROM customers_undo WHERE import_id = ?1",
        // remove the customers it created
        "DELETE FROM customer_attributes WHERE customer_id IN (SELECT id FROM customers WHERE import_id = ?1)",
        "DELETE FROM customer_stats WHERE customer_id IN (SELECT id FROM customers WHERE import_id = ?1)",
        "BATCH customers",
        // recompute the aggregates of the customers whose orders were removed
        "DELETE FROM customer_stats WHERE customer_id IN (SELECT customer_id FROM temp.undo_affected)",
        "INSERT INTO customer_stats(customer_id, first_purchase, last_purchase, purchase_count, return_count, "
        "gross_revenue, returns_value, cost, margin) "
        "SELECT customer_id, min(CASE WHEN kind = 0 THEN placed_at END), max(CASE WHEN kind = 0 THEN placed_at END), "
        "sum(kind = 0), sum(kind <> 0), sum(CASE WHEN kind = 0 THEN revenue ELSE 0 END), "
        "sum(CASE WHEN kind <> 0 THEN revenue ELSE 0 END), sum(coalesce(cost, 0)), "
        "sum(CASE WHEN cost IS NOT NULL THEN revenue - cost ELSE 0 END) "
        "FROM orders WHERE customer_id IN (SELECT customer_id FROM temp.undo_affected) GROUP BY customer_id",
        "DELETE FROM temp.undo_affected",
        "UPDATE imports SET state = 'undone', undone_at = ?2 WHERE id = ?1",
    };
}

} // namespace

// Removing many orders one index entry at a time is slow (random B-tree deletes);
// past a quarter of the table the orders(customer_id) index is dropped and rebuilt
// after the delete, before customers go (their foreign-key checks need it).
core::Status SqliteStore::dropCustomerIndexIfBig(Id importId) {
    auto counts = db().prepare("SELECT count(*), (SELECT count(*) FROM orders) FROM orders WHERE import_id = ?1");
    if (!counts) return counts.status();
    core::Status status = core::Status::success();
    if (!counts->bind(1, importId).step(&status)) return status;
    const std::int64_t removed = counts->int64(0);
    const std::int64_t total = counts->int64(1);
    counts->reset(); // a pending read of orders would block the DROP
    if (removed < kBigUndo || removed * 4 < total) return core::Status::success();
    return db().exec("DROP INDEX orders_customer");
}

// One DELETE of millions of rows first collects all their rowids in memory (350 MB
// for 10M orders); deleting rowid slices keeps that bounded. An import's rows sit
// in one rowid range, so the slices cost no extra scans.
core::Status SqliteStore::deleteImportRows(const std::string &table, Id importId) {
    auto range = db().prepare("SELECT min(id), max(id) FROM " + table + " WHERE import_id = ?1");
    if (!range) return range.status();
    core::Status status = core::Status::success();
    if (!range->bind(1, importId).step(&status) || range->isNull(0)) return status;
    const std::int64_t first = range->int64(0);
    const std::int64_t last = range->int64(1);
    range->reset();
    auto slice = db().prepare("DELETE FROM " + table + " WHERE id BETWEEN ?2 AND ?3 AND import_id = ?1");
    if (!slice) return slice.status();
    for (std::int64_t low = first; low <= last && status; low += kDeleteSlice)
        status = slice->bind(1, importId).bind(2, low).bind(3, low + kDeleteSlice - 1).run();
    return status;
}

core::Status SqliteStore::undoImport(Id importId) {
    if (auto status = db().exec("CREATE TEMP TABLE IF NOT EXISTS undo_affected(customer_id INTEGER PRIMARY KEY)");
        !status)
        return status;
    if (auto status = dropCustomerIndexIfBig(importId); !status) return status;
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    for (const std::string &step : undoSteps()) {
        if (step.rfind("BATCH ", 0) == 0) {
            if (auto status = deleteImportRows(step.substr(6), importId); !status) return status;
            continue;
        }
        auto stmt = db().prepare(step);
        if (!stmt) return stmt.status();
        if (step.find("?1") != std::string::npos) stmt->bind(1, importId);
        if (step.find("?2") != std::string::npos) stmt->bind(2, now);
        if (auto status = stmt->run(); !status) return status;
    }
    return core::Status::success();
}

core::Result<ImportRecord> SqliteStore::undoLastImport() {
    if (m_state->importActive) return core::Status::error("cannot undo while an import is in progress");
    // Deleting millions of rows sorts and journals a lot: on disk, not in RAM.
    if (auto status = db().exec("PRAGMA temp_store=FILE"); !status) return status;
    if (auto status = db().exec("BEGIN IMMEDIATE"); !status) {
        db().exec("PRAGMA temp_store=MEMORY");
        return status;
    }
    auto last = db().prepare(std::string(rows::kSelectImport) + " WHERE state = 'done' ORDER BY id DESC LIMIT 1");
    core::Status status = last.status();
    std::optional<ImportRecord> record;
    if (status && last->step(&status)) record = rows::readImport(*last);
    if (last) last->reset();
    if (status && !record) status = core::Status::error("there is no import to undo");
    if (status) status = undoImport(record->id);
    if (status) status = db().exec("COMMIT");
    if (!status) db().exec("ROLLBACK");
    db().exec("PRAGMA temp_store=MEMORY");
    if (!status) return core::Status::error("undo failed: " + status.message());
    record->undone = true;
    return *record;
}

} // namespace segdash::store
