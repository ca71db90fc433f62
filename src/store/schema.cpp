#include "store/schema.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <string_view>

#include "store/migrations.h"

namespace segdash::store {
namespace {

constexpr std::string_view kSqliteMagic{"SQLite format 3\0", 16};

struct FileFacts {
    bool isNew = false;  // missing or zero bytes: becomes a store
    std::int64_t applicationId = 0;
    std::int64_t userVersion = 0;
    std::int64_t objects = 0; // tables, indexes, ... in sqlite_schema
};

core::Status refuse(const std::string &path, const std::string &why) {
    return core::Status::error("\"" + path + "\" " + why + "; it was not modified");
}

bool hasSqliteHeader(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::array<char, 16> head{};
    if (!in.read(head.data(), head.size())) return false;
    return std::string_view(head.data(), head.size()) == kSqliteMagic;
}

// Reads the identity of an existing file through a read-only connection, so a
// foreign file (even one with a hot journal or WAL) is never written to.
core::Result<FileFacts> inspect(const std::string &path) {
    FileFacts facts;
    auto db = sql::Database::open(path, /*readOnly=*/true);
    if (!db) return refuse(path, "cannot be read as an SQLite database (" + db.message() + ")");
    auto appId = (*db)->queryInt("PRAGMA application_id");
    auto version = (*db)->queryInt("PRAGMA user_version");
    auto objects = (*db)->queryInt("SELECT count(*) FROM sqlite_schema");
    if (!appId || !version || !objects)
        return refuse(path, "is not a readable SQLite database (" + (*db)->errorMessage() + ")");
    facts.applicationId = *appId;
    facts.userVersion = *version;
    facts.objects = *objects;
    return facts;
}

core::Result<FileFacts> examine(const std::string &path, OpenMode mode) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status)) {
        if (mode == OpenMode::OpenExisting) return core::Status::error("no store at \"" + path + "\": the file does not exist");
        return FileFacts{true};
    }
    if (!std::filesystem::is_regular_file(status)) return refuse(path, "is not a regular file");
    if (std::filesystem::file_size(path, ec) == 0 && !ec) return FileFacts{true};
    if (!hasSqliteHeader(path)) return refuse(path, "is not a SegDash store (not an SQLite database)");
    return inspect(path);
}

core::Status checkIdentity(const std::string &path, const FileFacts &facts) {
    const int latest = latestSchemaVersion();
    if (facts.applicationId == kApplicationId) {
        if (facts.userVersion > latest)
            return refuse(path, "was written by a newer SegDash (schema " + std::to_string(facts.userVersion) +
                                    ", this build knows " + std::to_string(latest) + ")");
        return core::Status::success();
    }
    if (facts.applicationId == 0 && facts.objects == 0) return core::Status::success(); // empty database
    return refuse(path, "is not a SegDash store (an SQLite database of another application)");
}

core::Status setPragmas(sql::Database &db) {
    auto mode = db.prepare("PRAGMA journal_mode=WAL");
    if (!mode) return mode.status();
    core::Status status = core::Status::success();
    if (!mode->step(&status)) return status.ok() ? core::Status::error("cannot switch to WAL") : status;
    if (mode->text(0) != "wal") return core::Status::error("cannot switch to WAL (journal mode " + mode->text(0) + ")");
    return db.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA temp_store=MEMORY;");
}

core::Status applyMigrations(sql::Database &db, std::int64_t from) {
    for (const Migration &migration : migrations()) {
        if (migration.version <= from) continue;
        if (auto status = db.exec(migration.sql); !status)
            return core::Status::error(std::string(migration.name) + ": " + status.message());
    }
    const std::string stamp = "PRAGMA application_id=" + std::to_string(kApplicationId) +
                              "; PRAGMA user_version=" + std::to_string(latestSchemaVersion()) + ";";
    return db.exec(stamp.c_str());
}

// All pending migrations in one transaction: an interrupted upgrade leaves the old file.
core::Status migrate(sql::Database &db, const std::string &path) {
    if (auto status = db.exec("BEGIN IMMEDIATE"); !status) return status;
    auto version = db.queryInt("PRAGMA user_version"); // re-read under the write lock
    auto appId = db.queryInt("PRAGMA application_id");
    core::Status status = version ? appId.status() : version.status();
    // An empty database of no application starts from 0, whatever its user_version.
    const std::int64_t from = status && *appId == kApplicationId ? *version : 0;
    if (status && (from < latestSchemaVersion() || *appId != kApplicationId)) status = applyMigrations(db, from);
    if (status) status = db.exec("COMMIT");
    if (status) return status;
    db.exec("ROLLBACK");
    return core::Status::error("upgrading \"" + path + "\" to schema " + std::to_string(latestSchemaVersion()) +
                               " failed: " + status.message());
}

} // namespace

int latestSchemaVersion() { return migrations().empty() ? 0 : migrations().back().version; }

core::Result<std::unique_ptr<sql::Database>> openStoreDatabase(const std::string &path, OpenMode mode) {
    auto facts = examine(path, mode);
    if (!facts) return facts.status();
    if (!facts->isNew)
        if (auto status = checkIdentity(path, *facts); !status) return status;
    auto db = sql::Database::open(path, /*readOnly=*/false);
    if (!db) return db.status();
    if (auto status = setPragmas(**db); !status) return core::Status::error("\"" + path + "\": " + status.message());
    // Only an upgrade takes the write lock: a store another process is importing
    // into opens for reading without waiting.
    const bool upgrade =
        facts->isNew || facts->applicationId != kApplicationId || facts->userVersion < latestSchemaVersion();
    if (upgrade)
        if (auto status = migrate(**db, path); !status) return status;
    return std::move(*db);
}

} // namespace segdash::store
