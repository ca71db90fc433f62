#include "test_util.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace segdash::datagen::test {

TempDir::TempDir(const std::string &name) {
    const auto base = std::filesystem::temp_directory_path() / ("segdash_datagen_" + std::to_string(::getpid()) + "_" + name);
    std::filesystem::remove_all(base);
    std::filesystem::create_directories(base);
    m_path = base.string();
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

std::string readBytes(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string windows1250ToUtf8(const std::string &bytes) {
    std::string out(bytes.size() * 3 + 1, '\0');
    UErrorCode err = U_ZERO_ERROR;
    const int32_t n = ucnv_convert("UTF-8", "windows-1250", out.data(), int32_t(out.size()), bytes.data(),
                                   int32_t(bytes.size()), &err);
    EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
    out.resize(U_SUCCESS(err) ? std::size_t(n) : 0);
    return out;
}

std::vector<std::string> splitLines(const std::string &text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::size_t stop = end;
        if (stop > start && text[stop - 1] == '\r') --stop;
        lines.push_back(text.substr(start, stop - start));
        start = end + 1;
    }
    return lines;
}

Row splitCsvLine(const std::string &line, char delim) {
    Row fields(1);
    bool quoted = false;
    bool atStart = true;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') { fields.back() += '"'; ++i; }
            else if (c == '"') quoted = false;
            else fields.back() += c;
        } else if (c == delim) {
            fields.emplace_back();
            atStart = true;
            continue;
        } else if (c == '"' && atStart) {
            quoted = true;
        } else {
            fields.back() += c;
        }
        atStart = false;
    }
    return fields;
}

std::vector<Row> readTable(const std::string &path, bool pl) {
    const std::string bytes = readBytes(path);
    const std::string text = pl ? windows1250ToUtf8(bytes) : bytes;
    std::vector<Row> rows;
    for (const auto &line : splitLines(text)) rows.push_back(splitCsvLine(line, pl ? ';' : ','));
    return rows;
}

int columnIndex(const Row &header, const std::string &name) {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return int(i);
    ADD_FAILURE() << "no column " << name;
    return 0;
}

GeneratorSummary generateOrDie(const GeneratorOptions &options) {
    auto result = generateDataset(options, nullptr);
    EXPECT_TRUE(result.ok()) << result.message();
    return result.ok() ? *result : GeneratorSummary{};
}

} // namespace segdash::datagen::test
