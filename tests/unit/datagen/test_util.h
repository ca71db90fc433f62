#pragma once
// Helpers for the generator tests: temp dirs, reading the CSV files back.
#include <string>
#include <vector>

#include "datagen/generator.h"

namespace segdash::datagen::test {

using Row = std::vector<std::string>;

// A fresh directory under the system temp dir, removed by the destructor.
class TempDir {
public:
    explicit TempDir(const std::string &name);
    ~TempDir();
    const std::string &path() const { return m_path; }
    std::string file(const std::string &name) const { return m_path + "/" + name; }

private:
    std::string m_path;
};

std::string readBytes(const std::string &path);
std::string windows1250ToUtf8(const std::string &bytes);
// Lines without their end (\n or \r\n).
std::vector<std::string> splitLines(const std::string &text);
// Splits one CSV line; a quote opens a quoted field only at the start of a field.
Row splitCsvLine(const std::string &line, char delim);
// Whole file as rows (header first); `pl` decodes Windows-1250 and splits on ';'.
std::vector<Row> readTable(const std::string &path, bool pl = false);
int columnIndex(const Row &header, const std::string &name);

GeneratorSummary generateOrDie(const GeneratorOptions &options);

} // namespace segdash::datagen::test
