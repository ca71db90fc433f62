#pragma once
// SqliteStore: the Store on one SQLite file (WAL, foreign keys on), through the
// sqlite3 C API. One connection, shared with the import session it hands out.
#include <memory>
#include <string>

#include "store/sqlite_db.h"
#include "store/store.h"

namespace segdash::store {

// What a store and its import session share; the session keeps it alive.
struct StoreState {
    std::string path;
    std::unique_ptr<sql::Database> db;
    bool importActive = false;
};

class SqliteStore final : public Store {
public:
    explicit SqliteStore(std::shared_ptr<StoreState> state) : m_state(std::move(state)) {}

    std::string location() const override { return m_state->path; }
    core::Result<StoreSummary> summary() override;
    core::Result<std::vector<ImportRecord>> imports() override;
    std::optional<ImportRecord> findImportByHash(std::string_view contentHash) override;

    core::Result<std::unique_ptr<ImportSession>> beginImport() override;
    core::Result<ImportRecord> undoLastImport() override;

    core::Status forEachCustomer(const std::function<bool(const core::Customer &)> &fn) override;
    core::Status forEachCustomerStats(const std::function<bool(const core::CustomerStats &)> &fn) override;
    core::Status forEachOrder(const std::function<bool(const core::Order &)> &fn) override;
    std::optional<core::Customer> customer(Id id) override;

private:
    core::Status undoImport(Id importId);
    core::Status dropCustomerIndexIfBig(Id importId);
    core::Status deleteImportRows(const std::string &table, Id importId);
    sql::Database &db() { return *m_state->db; }
    std::shared_ptr<StoreState> m_state;
};

} // namespace segdash::store
