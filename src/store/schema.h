#pragma once
// Opening a store file: checks that it is a SegDash store (or empty), refuses newer
// or foreign files without touching them, sets the connection pragmas and applies
// the pending migrations in one transaction.
#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace segdash::store {

// PRAGMA application_id of every SegDash store: "SgDs".
constexpr std::int32_t kApplicationId = 0x53674473;

int latestSchemaVersion();

core::Result<std::unique_ptr<sql::Database>> openStoreDatabase(const std::string &path, OpenMode mode);

} // namespace segdash::store
