// SqliteImportSession: the transaction, the statement table, aggregates and commit.
#include "store/import_session.h"

#include <ctime>
#include <cstdlib>

#include "store/rows.h"

namespace segdash::store {
namespace {

// Foreign keys off (the session checks references itself: 20% faster inserts), sort
// spills to files (an index rebuild must not sort in RAM), a 32 MiB page cache: the
// big tables grow at their ends, so more cache bought nothing, and the in-memory
// deltas and id cache need their share of the 200 MB peak-memory budget.
constexpr const char *kSessionPragmas = "PRAGMA foreign_keys=OFF; PRAGMA temp_store=FILE; PRAGMA cache_size=-16384";
constexpr const char *kNormalPragmas = "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-2000";
constexpr const char *kCustomerIndex = "CREATE INDEX orders_customer ON orders(customer_id)";
// The index on orders(customer_id) is dropped once this many orders came in and
// they are at least a quarter of the table (rebuilding sorts the whole table).
constexpr std::int64_t kDropIndexAfter = 100000;

using Sql = SqliteImportSession::Sql;

constexpr const char *kSql[] = {
    /*FindSource*/ "SELECT id FROM sources WHERE name = ?1",
    /*InsertSource*/ "INSERT INTO sources(name) VALUES (?1)",
    /*FindCustomer*/ "SELECT id FROM customers WHERE source_id = ?1 AND external_id = ?2",
    /*FindCustomerByEmail*/ "SELECT id FROM customers WHERE email = ?1 ORDER BY id LIMIT 1",
    /*InsertCustomer*/
    "INSERT INTO customers(import_id, source_id, external_id, name, email, phone, company, industry, "
    "company_size, country, region, city, birth_year, age_band, channel, acquired_on, acquisition_cost, "
    "sales_rep, lifecycle_stage) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
    "?16, ?17, ?18, ?19)",
    /*SelectCustomer*/ nullptr, // rows::kSelectCustomer + WHERE, built in statement()
    /*SelectAttributes*/ "SELECT key, value FROM customer_attributes WHERE customer_id = ?1",
    /*UpdateCustomer*/
    "UPDATE customers SET external_id = ?2, name = ?3, email = ?4, phone = ?5, company = ?6, industry = ?7, "
    "company_size = ?8, country = ?9, region = ?10, city = ?11, birth_year = ?12, age_band = ?13, channel = ?14, "
    "acquired_on = ?15, acquisition_cost = ?16, sales_rep = ?17, lifecycle_stage = ?18 WHERE id = ?1",
    /*SnapshotCustomer*/
    "INSERT OR IGNORE INTO customers_undo(import_id, customer_id, source_id, external_id, name, email, phone, "
    "company, industry, company_size, country, region, city, birth_year, age_band, channel, acquired_on, "
    "acquisition_cost, sales_rep, lifecycle_stage) SELECT ?1, id, source_id, external_id, name, email, phone, "
    "company, industry, company_size, country, region, city, birth_year, age_band, channel, acquired_on, "
    "acquisition_cost, sales_rep, lifecycle_stage FROM customers WHERE id = ?2 AND import_id <> ?1",
    /*SnapshotAttributes*/
    "INSERT INTO customer_attributes_undo(import_id, customer_id, key, value, old_import_id) "
    "SELECT ?1, customer_id, key, value, import_id FROM customer_attributes WHERE customer_id = ?2",
    /*UpsertAttribute*/
    "INSERT INTO customer_attributes(customer_id, key, value, import_id) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT(customer_id, key) DO UPDATE SET value = excluded.value, import_id = excluded.import_id",
    /*InsertOrder*/
    "INSERT INTO orders(import_id, source_id, external_id, customer_id, placed_at, revenue, cost, currency, "
    "channel, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT DO NOTHING",
    /*LoadOrder*/ "SELECT customer_id, kind, revenue, cost FROM orders WHERE id = ?1 AND import_id = ?2",
    /*UpdateOrder*/ "UPDATE orders SET revenue = ?2, cost = ?3 WHERE id = ?1",
    /*FindOrder*/ "SELECT id FROM orders WHERE external_id = ?1 LIMIT 2",
    /*FindOrderBySource*/ "SELECT id FROM orders WHERE external_id = ?1 AND source_id = ?2",
    /*InsertLine*/
    "INSERT INTO order_lines(import_id, order_id, product_code, product_name, category, quantity, unit_price, "
    "unit_cost) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    /*InsertOpportunity*/
    "INSERT INTO opportunities(import_id, source_id, external_id, customer_id, name, stage, amount, probability, "
    "created_on, closed_on, won, owner) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
    "ON CONFLICT DO NOTHING",
    /*InsertInteraction*/
    "INSERT INTO interactions(import_id, customer_id, kind, at, campaign_external_id, detail) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    /*InsertSurvey*/
    "INSERT INTO survey_responses(import_id, customer_id, answered_on, nps, csat, comment) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    /*InsertCampaign*/
    "INSERT INTO campaigns(import_id, source_id, external_id, name, channel, cost, starts_on, ends_on, target) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT DO NOTHING",
    /*MergeStats*/
    "INSERT INTO customer_stats(customer_id, first_purchase, last_purchase, purchase_count, return_count, "
    "gross_revenue, returns_value, cost, margin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
    "ON CONFLICT(customer_id) DO UPDATE SET "
    "first_purchase = CASE WHEN first_purchase IS NULL OR excluded.first_purchase < first_purchase "
    "THEN excluded.first_purchase ELSE first_purchase END, "
    "last_purchase = CASE WHEN last_purchase IS NULL OR excluded.last_purchase > last_purchase "
    "THEN excluded.last_purchase ELSE last_purchase END, "
    "purchase_count = purchase_count + excluded.purchase_count, return_count = return_count + excluded.return_count, "
    "gross_revenue = gross_revenue + excluded.gross_revenue, returns_value = returns_value + excluded.returns_value, "
    "cost = cost + excluded.cost, margin = margin + excluded.margin",
    /*FinishImport*/
    "UPDATE imports SET file_name = ?2, file_size = ?3, content_hash = ?4, kind = ?5, profile = ?6, "
    "settings_json = ?7, rows_read = ?8, rows_imported = ?9, rows_rejected = ?10, started_at = ?11, "
    "seconds = ?12, state = 'done' WHERE id = ?1",
};
static_assert(std::size(kSql) == static_cast<std::size_t>(Sql::Count));

} // namespace

core::Result<std::unique_ptr<SqliteImportSession>> SqliteImportSession::begin(std::shared_ptr<StoreState> state) {
    std::unique_ptr<SqliteImportSession> session(new SqliteImportSession(std::move(state)));
    if (auto status = session->start(); !status) return status;
    return session;
}

core::Status SqliteImportSession::start() {
    if (const char *flush = std::getenv("SEGDASH_STATS_FLUSH_CUSTOMERS"); flush && std::atoll(flush) > 0)
        m_flushCustomers = static_cast<std::size_t>(std::atoll(flush));
    sql::Database &db = *m_state->db;
    if (auto status = db.exec(kSessionPragmas); !status) return status;
    if (auto status = db.exec("BEGIN IMMEDIATE"); !status) {
        db.exec(kNormalPragmas);
        return core::Status::error("cannot start the import: " + status.message());
    }
    auto maxOrder = db.queryInt("SELECT max(id) FROM orders");
    m_ordersBefore = maxOrder ? *maxOrder : 0;
    m_startedAt = static_cast<std::int64_t>(std::time(nullptr));
    auto insert = db.prepare("INSERT INTO imports(state, started_at) VALUES ('running', ?1)");
    core::Status status = insert.status();
    if (status) status = insert->bind(1, m_startedAt).run();
    if (!status) {
        db.exec("ROLLBACK");
        db.exec(kNormalPragmas);
        return status;
    }
    m_importId = db.lastInsertId();
    m_active = true;
    m_state->importActive = true;
    return core::Status::success();
}

SqliteImportSession::~SqliteImportSession() { rollback(); }

core::Result<sql::Statement *> SqliteImportSession::statement(Sql which) {
    auto &stmt = m_statements[static_cast<std::size_t>(which)];
    if (stmt.valid()) return &stmt;
    const std::string text = which == Sql::SelectCustomer ? std::string(rows::kSelectCustomer) + " WHERE c.id = ?1"
                                                           : std::string(kSql[static_cast<std::size_t>(which)]);
    auto prepared = m_state->db->preparePersistent(text);
    if (!prepared) return prepared.status();
    stmt = std::move(*prepared);
    return &stmt;
}

core::Status SqliteImportSession::ensureActive() const {
    return m_active ? core::Status::success() : core::Status::error("the import session is no longer open");
}

// A failed statement leaves the transaction open, except after I/O or disk-full
// errors, where SQLite rolls it back: then the session is over.
core::Status SqliteImportSession::fail(core::Status status) {
    if (m_active && !m_state->db->inTransaction()) {
        endTransaction(nullptr);
        return core::Status::error("the import was rolled back: " + status.message());
    }
    return status;
}

core::Result<Id> SqliteImportSession::sourceId(std::string_view name, bool create) {
    if (m_lastSourceId != 0 && name == m_lastSourceName) return m_lastSourceId;
    Id id = 0;
    if (auto it = m_sources.find(std::string(name)); it != m_sources.end()) {
        id = it->second;
    } else {
        auto find = statement(Sql::FindSource);
        if (!find) return find.status();
        core::Status status = core::Status::success();
        if ((*find)->bind(1, name).step(&status)) id = (*find)->int64(0);
        (*find)->reset();
        if (!status) return status;
        if (id == 0 && !create) return Id{0};
        if (id == 0) {
            auto insert = statement(Sql::InsertSource);
            if (!insert) return insert.status();
            if (auto st = (*insert)->bind(1, name).run(); !st) return fail(st);
            id = m_state->db->lastInsertId();
        }
        m_sources.emplace(std::string(name), id);
    }
    m_lastSourceName.assign(name);
    m_lastSourceId = id;
    return id;
}

core::Status SqliteImportSession::flushStats() {
    auto merge = statement(Sql::MergeStats);
    if (!merge) return merge.status();
    sql::Statement &s = **merge;
    core::Status status = core::Status::success();
    m_deltas.forEach([&](Id customerId, const StatsDelta &d) {
        s.bind(1, customerId);
        if (d.hasFirst()) s.bind(2, d.firstPurchase); else s.bindNull(2);
        if (d.hasLast()) s.bind(3, d.lastPurchase); else s.bindNull(3);
        s.bind(4, d.purchaseCount).bind(5, d.returnCount).bind(6, d.grossRevenue).bind(7, d.returnsValue);
        s.bind(8, d.cost).bind(9, d.margin);
        status = s.run();
        return status.ok();
    });
    if (!status) return fail(status);
    m_deltas.clear();
    m_pendingCustomers = 0;
    return core::Status::success();
}

core::Result<Id> SqliteImportSession::commit(const ImportRecord &r) {
    if (auto status = ensureActive(); !status) return status;
    if (auto status = flushOpenOrder(); !status) return status;
    if (auto status = flushStats(); !status) return status;
    m_deltas.release(); // nothing more comes in: free the memory before the index rebuild
    m_customerIds.clear();
    auto finish = statement(Sql::FinishImport);
    if (!finish) return finish.status();
    sql::Statement &s = **finish;
    s.bind(1, m_importId).bind(2, r.fileName).bind(3, r.fileSize).bind(4, r.contentHash).bind(5, r.kind);
    s.bind(6, r.profile).bind(7, r.settingsJson.empty() ? std::string_view("{}") : std::string_view(r.settingsJson));
    s.bind(8, r.rowsRead).bind(9, r.rowsImported).bind(10, r.rowsRejected);
    s.bind(11, r.startedAt.seconds != 0 ? r.startedAt.seconds : m_startedAt).bind(12, r.seconds);
    if (auto status = s.run(); !status) return fail(status);
    if (m_customerIndexDropped)
        if (auto status = m_state->db->exec(kCustomerIndex); !status) return fail(status);
    if (auto status = m_state->db->exec("COMMIT"); !status) {
        rollback();
        return core::Status::error("committing the import failed: " + status.message());
    }
    endTransaction(nullptr);
    return m_importId;
}

void SqliteImportSession::rollback() {
    if (m_active) endTransaction("ROLLBACK");
}

void SqliteImportSession::endTransaction(const char *sqlText) {
    for (auto &stmt : m_statements)
        if (stmt.valid()) stmt.reset();
    if (sqlText) m_state->db->exec(sqlText);
    m_state->db->exec(kNormalPragmas);
    m_active = false;
    m_state->importActive = false;
    m_deltas.release();
    m_pendingCustomers = 0;
    m_customerIds.clear();
    m_knownCustomers.clear();
}

// Called after each inserted order: past the threshold the customer index goes
// (inside the transaction, so a rollback brings it back).
core::Status SqliteImportSession::countOrder() {
    ++m_ordersAdded;
    if (m_customerIndexDropped || m_ordersAdded < kDropIndexAfter || m_ordersAdded * 4 < m_ordersBefore)
        return core::Status::success();
    m_customerIndexDropped = true;
    return fail(m_state->db->exec("DROP INDEX orders_customer"));
}

core::Status SqliteImportSession::checkCustomer(Id id) {
    if (id == 0) return core::Status::success();
    const auto index = static_cast<std::size_t>(id);
    if (id > 0 && index < m_knownCustomers.size() && m_knownCustomers[index]) return core::Status::success();
    auto find = m_state->db->prepare("SELECT 1 FROM customers WHERE id = ?1");
    if (!find) return find.status();
    if (!find->bind(1, id).step()) return core::Status::error("no customer with id " + std::to_string(id));
    markCustomer(id);
    return core::Status::success();
}

void SqliteImportSession::markCustomer(Id id) {
    if (id <= 0 || id >= (Id{1} << 28)) return; // a bitmap over dense ids; absurd ones stay unmarked
    const auto index = static_cast<std::size_t>(id);
    if (index >= m_knownCustomers.size()) m_knownCustomers.resize(index + index / 2 + 1);
    m_knownCustomers[index] = true;
}

core::Status SqliteImportSession::checkOrder(Id id) {
    if (id > m_ordersBefore && id <= m_lastInsertedOrder) return core::Status::success(); // this session's
    auto find = m_state->db->prepare("SELECT 1 FROM orders WHERE id = ?1");
    if (!find) return find.status();
    if (!find->bind(1, id).step()) return core::Status::error("no order with id " + std::to_string(id));
    return core::Status::success();
}

} // namespace segdash::store
