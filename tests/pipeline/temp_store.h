#pragma once
// A real SQLite store in a fresh temporary folder, removed afterwards.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <random>

#include "store/store.h"

namespace segdash::test {

class TempStore {
public:
    TempStore() {
        std::random_device rd;
        m_dir = std::filesystem::temp_directory_path() / ("segdash-test-" + std::to_string(rd()) + std::to_string(rd()));
        std::filesystem::create_directories(m_dir);
        m_path = (m_dir / "store.sqlite").string();
        auto s = store::openStore(m_path, store::OpenMode::CreateIfMissing);
        if (!s.ok()) ADD_FAILURE() << s.message();
        else m_store = std::move(*s);
    }
    ~TempStore() {
        m_store.reset();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    store::Store &store() { return *m_store; }
    const std::string &path() const { return m_path; }
    const std::filesystem::path &dir() const { return m_dir; }
    void reopen() {
        m_store.reset();
        auto s = store::openStore(m_path, store::OpenMode::OpenExisting);
        if (!s.ok()) {
            ADD_FAILURE() << "reopen: " << s.message();
            return;
        }
        m_store = std::move(*s);
    }
    bool integrityOk() const {
        sqlite3 *db = nullptr;
        bool ok = false;
        if (sqlite3_open_v2(m_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
            sqlite3_stmt *st = nullptr;
            if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, nullptr) == SQLITE_OK &&
                sqlite3_step(st) == SQLITE_ROW)
                ok = std::string(reinterpret_cast<const char *>(sqlite3_column_text(st, 0))) == "ok";
            sqlite3_finalize(st);
        }
        sqlite3_close(db);
        return ok;
    }

private:
    std::filesystem::path m_dir;
    std::string m_path;
    std::unique_ptr<store::Store> m_store;
};

} // namespace segdash::test
