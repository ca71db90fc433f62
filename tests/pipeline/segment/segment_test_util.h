#pragma once
// Helpers of the `segdash segment` tests: run the executable, import files through the
// import library, read the output CSV (RFC 4180 quotes: cluster names hold commas).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "import/import_job.h"
#include "process.h"
#include "temp_store.h"

namespace segdash::test {

inline ProcessResult runSegdash(const TempStore &t, std::vector<std::string> args) {
    args.insert(args.begin(), SEGDASH_EXE);
    Process p(args, (t.dir() / "out.txt").string(), (t.dir() / "err.txt").string());
    EXPECT_TRUE(p.started());
    return p.wait();
}

inline void writeText(const std::filesystem::path &path, const std::string &text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
}

inline void importFile(TempStore &t, const std::string &path) {
    import::ImportOptions options;
    auto plan = import::planImport(path, options);
    ASSERT_TRUE(plan.ok()) << path << ": " << plan.message();
    auto report = import::runImport(t.store(), *plan, options);
    ASSERT_TRUE(report.ok()) << path << ": " << report.message();
    ASSERT_EQ(report->rowsRejected, 0) << report->toText();
}

// Splits one CSV line; a quoted field may hold commas and doubled quotes (no line breaks here).
inline std::vector<std::string> splitCsvLine(const std::string &line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') { fields.back() += '"'; ++i; }
        else if (c == '"') quoted = !quoted;
        else if (c == ',' && !quoted) fields.emplace_back();
        else if (c != '\r') fields.back() += c;
    }
    return fields;
}

/// The output CSV: header and rows keyed by customer_id (column 0).
struct SegmentCsv {
    std::vector<std::string> header;
    std::map<std::string, std::map<std::string, std::string>> rows;
    std::size_t rowCount = 0;
};

inline SegmentCsv readSegmentCsv(const std::string &path) {
    SegmentCsv csv;
    std::ifstream in(path);
    std::string line;
    if (!std::getline(in, line)) return csv;
    csv.header = splitCsvLine(line);
    while (std::getline(in, line)) {
        const auto f = splitCsvLine(line);
        EXPECT_EQ(f.size(), csv.header.size()) << line;
        auto &row = csv.rows[f[0]];
        for (std::size_t i = 0; i < f.size() && i < csv.header.size(); ++i) row[csv.header[i]] = f[i];
        ++csv.rowCount;
    }
    return csv;
}

} // namespace segdash::test
