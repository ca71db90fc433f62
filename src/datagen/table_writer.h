#pragma once
// TableWriter: writes one CSV file row by row in a dialect (English: ',' '.' ISO
// dates, UTF-8; Polish: ';' ',' dd.mm.yyyy, Windows-1250). Values are formatted into
// reusable field strings, a RowHook (the defect injector) may alter the finished row,
// then the row goes into a large buffer flushed with fwrite.
#include <cstdint>
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/status.h"
#include "datagen/generator.h"
#include "datagen/tables.h"

namespace segdash::datagen {

class TableWriter;

/// Sees every finished row before it is written (used to inject defects).
class RowHook {
public:
    virtual ~RowHook() = default;
    virtual void onRow(TableWriter &writer) = 0;
};

class TableWriter {
public:
    TableWriter(const TableSpec &spec, Dialect dialect);
    ~TableWriter();
    TableWriter(const TableWriter &) = delete;
    TableWriter &operator=(const TableWriter &) = delete;

    core::Status open(const std::string &dir); // writes the header
    core::Status close();
    void setHook(RowHook *hook) { m_hook = hook; }

    void text(int col, std::string_view value) { m_fields[col].assign(value); }
    void integer(int col, std::int64_t value);
    void money(int col, core::Money value);        // two decimals
    void decimal(int col, double value, int decimals);
    void date(int col, core::Date value);
    void timestamp(int col, core::Timestamp value);
    void blank(int col) { m_fields[col].clear(); }
    void endRow();

    // For the hook: the current row, written verbatim where `raw` bits are set
    // (stray quotes must stay stray), and an optional extra row written after it.
    std::vector<std::string> &fields() { return m_fields; }
    const std::vector<std::string> &fields() const { return m_fields; }
    void markRaw(int col) { m_rawMask |= std::uint64_t{1} << col; }
    std::vector<std::string> &addExtraRow() { m_hasExtra = true; return m_extra; }
    std::int64_t nextLine() const { return m_lines + 1; } // 1-based line of the row being built
    const TableSpec &spec() const { return m_spec; }
    Dialect dialect() const { return m_dialect; }
    const char *header(int col) const;

    std::int64_t rows() const { return m_lines - 1; }
    std::int64_t bytes() const { return m_bytes; }
    const std::string &error() const { return m_error; }

private:
    void appendRow(const std::vector<std::string> &fields, std::uint64_t rawMask);
    char *appendField(char *out, std::string_view value, bool raw, bool scan) const;
    void flush();

    const TableSpec &m_spec;
    Dialect m_dialect;
    char m_delim;
    RowHook *m_hook = nullptr;
    std::FILE *m_file = nullptr;
    std::vector<std::string> m_fields, m_extra;
    std::uint64_t m_rawMask = 0;
    bool m_hasExtra = false;
    bool m_scanAll = false;
    bool m_special[256] = {};
    std::string m_buffer, m_encoded; // m_buffer is pre-sized; m_used bytes of it hold rows
    std::size_t m_used = 0;
    std::int64_t m_lines = 0;
    std::int64_t m_bytes = 0;
    std::string m_error;
};

// Shared date/number formatting (also used by the defect injector for bad values).
void appendDate(std::string &out, core::Date d, Dialect dialect);
void appendTimestamp(std::string &out, core::Timestamp t, Dialect dialect);
void appendMoney(std::string &out, core::Money m, Dialect dialect);

} // namespace segdash::datagen
