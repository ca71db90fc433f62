#pragma once
// Thin RAII wrappers over the sqlite3 C API: a connection and a prepared statement.
// Text is bound with SQLITE_STATIC: the caller keeps the bound data alive until the
// statement has been stepped (every use in this library binds and steps in one go).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace segdash::store::sql {

// A prepared statement; reset() makes it reusable with new bindings.
class Statement {
public:
    Statement() = default;
    Statement(sqlite3_stmt *stmt, sqlite3 *db) : m_stmt(stmt), m_db(db) {}
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&other) noexcept;
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;
    ~Statement();

    bool valid() const { return m_stmt != nullptr; }
    Statement &bind(int index, std::int64_t value);
    Statement &bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement &bind(int index, double value);
    Statement &bind(int index, std::string_view text);
    Statement &bind(int index, const char *text) { return bind(index, std::string_view(text)); }
    Statement &bindNull(int index);
    // Binds NULL for an empty string (external ids: NULL never collides).
    Statement &bindOrNull(int index, std::string_view text);
    template <typename T>
    Statement &bind(int index, const std::optional<T> &value) {
        return value ? bind(index, *value) : bindNull(index);
    }

    // Returns true on a row, false when done; an error sets `status` (when given).
    bool step(core::Status *status = nullptr);
    // Runs to completion, for statements that return no rows.
    core::Status run();
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> optInt64(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    sqlite3 *m_db = nullptr;
};

// One connection. Not thread safe: one per thread, as SQLite wants.
class Database {
public:
    static core::Result<std::unique_ptr<Database>> open(const std::string &path, bool readOnly);
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    core::Status exec(const char *sqlText);
    core::Result<Statement> prepare(std::string_view sqlText);
    // For statements kept for the life of an import session.
    core::Result<Statement> preparePersistent(std::string_view sqlText);
    // Runs a query that returns one integer (0 when it returns no row or NULL).
    core::Result<std::int64_t> queryInt(const char *sqlText);

    std::int64_t lastInsertId() const;
    int changes() const;
    bool inTransaction() const;
    std::string errorMessage() const;
    sqlite3 *handle() const { return m_db; }

private:
    explicit Database(sqlite3 *db) : m_db(db) {}
    core::Result<Statement> prepareWith(std::string_view sqlText, unsigned flags);
    sqlite3 *m_db = nullptr;
};

} // namespace segdash::store::sql
