#pragma once
// Helpers shared by the CSV tests: fixture loading and reading every record.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "import/csv_reader.h"

namespace segdash::import::test {

inline std::string fixturePath(const std::string &name) { return std::string(SEGDASH_CSV_DATA_DIR) + "/" + name; }

inline std::string readFixture(const std::string &name) {
    std::ifstream in(fixturePath(name), std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

struct ReadResult {
    std::vector<std::vector<std::string>> rows;
    std::vector<std::int64_t> lines;
    std::vector<CsvIssue> issues;
    std::int64_t issueCount = 0;
};

inline ReadResult readAll(CsvReader &reader) {
    ReadResult result;
    CsvRecord rec;
    while (reader.next(rec)) {
        result.rows.emplace_back(rec.fields.begin(), rec.fields.end());
        result.lines.push_back(rec.line);
    }
    result.issues = reader.issues();
    result.issueCount = reader.issueCount();
    return result;
}

} // namespace segdash::import::test
