#include "store/sqlite_store.h"

#include "store/import_session.h"
#include "store/schema.h"

namespace segdash::store {

core::Result<std::unique_ptr<Store>> openStore(const std::string &path, OpenMode mode) {
    auto db = openStoreDatabase(path, mode);
    if (!db) return db.status();
    auto state = std::make_shared<StoreState>();
    state->path = path;
    state->db = std::move(*db);
    return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(state)));
}

core::Result<std::unique_ptr<ImportSession>> SqliteStore::beginImport() {
    if (m_state->importActive) return core::Status::error("an import is already in progress on this store");
    auto session = SqliteImportSession::begin(m_state);
    if (!session) return session.status();
    return std::unique_ptr<ImportSession>(std::move(*session));
}

} // namespace segdash::store
