#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

namespace segdash::store::sql {

Statement::Statement(Statement &&other) noexcept
    : m_stmt(std::exchange(other.m_stmt, nullptr)), m_db(other.m_db) {}

Statement &Statement::operator=(Statement &&other) noexcept {
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement &Statement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, double value) {
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

Statement &Statement::bind(int index, std::string_view text) {
    // A null data pointer would bind SQL NULL; an empty string must stay ''.
    const char *data = text.data() ? text.data() : "";
    sqlite3_bind_text(m_stmt, index, data, static_cast<int>(text.size()), SQLITE_STATIC);
    return *this;
}

Statement &Statement::bindNull(int index) {
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

Statement &Statement::bindOrNull(int index, std::string_view text) {
    return text.empty() ? bindNull(index) : bind(index, text);
}

bool Statement::step(core::Status *status) {
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE && status) *status = core::Status::error(sqlite3_errmsg(m_db));
    return false;
}

core::Status Statement::run() {
    core::Status status = core::Status::success();
    while (step(&status)) {
    }
    reset();
    return status;
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
}

bool Statement::isNull(int column) const { return sqlite3_column_type(m_stmt, column) == SQLITE_NULL; }

std::int64_t Statement::int64(int column) const { return sqlite3_column_int64(m_stmt, column); }

double Statement::real(int column) const { return sqlite3_column_double(m_stmt, column); }

std::string Statement::text(int column) const {
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    if (!data) return {};
    return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<std::int64_t> Statement::optInt64(int column) const {
    if (isNull(column)) return std::nullopt;
    return int64(column);
}

core::Result<std::unique_ptr<Database>> Database::open(const std::string &path, bool readOnly) {
    // SQLite's memory statistics take a global mutex on every allocation; SegDash never
    // reads them. Must be set before the library initialises, hence once, here.
    static const bool configured = [] { return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK; }();
    (void)configured;
    sqlite3 *db = nullptr;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    const int rc = sqlite3_open_v2(path.c_str(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
        sqlite3_close(db);
        return core::Status::error("cannot open \"" + path + "\": " + message);
    }
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, 5000); // another process may hold the write lock briefly
    return std::unique_ptr<Database>(new Database(db));
}

Database::~Database() { sqlite3_close_v2(m_db); }

core::Status Database::exec(const char *sqlText) {
    char *error = nullptr;
    if (sqlite3_exec(m_db, sqlText, nullptr, nullptr, &error) == SQLITE_OK) return core::Status::success();
    std::string message = error ? error : sqlite3_errmsg(m_db);
    sqlite3_free(error);
    return core::Status::error(message);
}

core::Result<Statement> Database::prepareWith(std::string_view sqlText, unsigned flags) {
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, sqlText.data(), static_cast<int>(sqlText.size()), flags, &stmt, nullptr);
    if (rc != SQLITE_OK) return core::Status::error(sqlite3_errmsg(m_db));
    return Statement(stmt, m_db);
}

core::Result<Statement> Database::prepare(std::string_view sqlText) { return prepareWith(sqlText, 0); }

core::Result<Statement> Database::preparePersistent(std::string_view sqlText) {
    return prepareWith(sqlText, SQLITE_PREPARE_PERSISTENT);
}

core::Result<std::int64_t> Database::queryInt(const char *sqlText) {
    auto stmt = prepare(sqlText);
    if (!stmt) return stmt.status();
    core::Status status = core::Status::success();
    const std::int64_t value = stmt->step(&status) ? stmt->int64(0) : 0;
    if (!status) return status;
    return value;
}

std::int64_t Database::lastInsertId() const { return sqlite3_last_insert_rowid(m_db); }

int Database::changes() const { return sqlite3_changes(m_db); }

bool Database::inTransaction() const { return sqlite3_get_autocommit(m_db) == 0; }

std::string Database::errorMessage() const { return sqlite3_errmsg(m_db); }

} // namespace segdash::store::sql
