#pragma once
// Shared pieces of the store tests: a fixture with a fresh temp directory, raw
// SQLite access to check what the store wrote, and a content hash of a file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "store/store.h"

namespace segdash::store::test {

// FNV-1a over the file's bytes (plus its size): enough to see any modification.
inline std::uint64_t fileHash(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char ch : bytes) hash = (hash ^ ch) * 1099511628211ULL;
    return hash ^ bytes.size();
}

// A raw connection for checks the Store interface does not offer.
class RawDb {
public:
    explicit RawDb(const std::filesystem::path &path) { sqlite3_open(path.string().c_str(), &m_db); }
    ~RawDb() { sqlite3_close(m_db); }
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    std::string text(const std::string &sql) {
        sqlite3_stmt *stmt = nullptr;
        std::string out = "<error>";
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK && sqlite3_step(stmt) == SQLITE_ROW) {
            const auto *value = sqlite3_column_text(stmt, 0);
            out = value ? reinterpret_cast<const char *>(value) : "<null>";
        }
        sqlite3_finalize(stmt);
        return out;
    }
    std::int64_t integer(const std::string &sql) { return std::stoll(text(sql)); }
    int rowCount(const std::string &sql) {
        sqlite3_stmt *stmt = nullptr;
        int rows = -1;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) == SQLITE_OK)
            for (rows = 0; sqlite3_step(stmt) == SQLITE_ROW;) ++rows;
        sqlite3_finalize(stmt);
        return rows;
    }
    bool exec(const std::string &sql) { return sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }

private:
    sqlite3 *m_db = nullptr;
};

class StoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        std::string pattern = (std::filesystem::temp_directory_path() / "segdash-store-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }

    std::filesystem::path path(const std::string &name = "store.segdash") const { return m_dir / name; }

    std::unique_ptr<Store> open(const std::string &name = "store.segdash") {
        auto store = openStore(path(name).string(), OpenMode::CreateIfMissing);
        EXPECT_TRUE(store.ok()) << store.message();
        return store.ok() ? std::move(*store) : nullptr;
    }

    void expectIntegrity(const std::string &name = "store.segdash") {
        RawDb db(path(name));
        EXPECT_EQ(db.text("PRAGMA integrity_check"), "ok");
        EXPECT_EQ(db.rowCount("PRAGMA foreign_key_check"), 0);
    }

    std::filesystem::path m_dir;
};

inline core::Timestamp at(int year, int month, int day, int hour = 12) {
    return core::Timestamp::fromDate(*core::Date::fromYmd(year, month, day), hour);
}

inline core::Money money(const char *text) { return *core::Money::parse(text); }

} // namespace segdash::store::test
