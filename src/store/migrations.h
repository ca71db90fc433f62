#pragma once
// The schema migrations, embedded at build time from resources/sql/NNN_name.sql
// (embed_sql.cmake generates migrations_data.cpp).
#include <vector>

namespace segdash::store {

struct Migration {
    int version;      // NNN of the file name; the schema version after it ran
    const char *name; // file name, for messages
    const char *sql;
};

// Ordered by version; versions are 1, 2, 3, ... without gaps.
const std::vector<Migration> &migrations();

} // namespace segdash::store
