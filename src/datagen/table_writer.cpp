#include "datagen/table_writer.h"

#include <charconv>
#include <cmath>
#include <cstring>

#include <unicode/ucnv.h>

namespace segdash::datagen {
namespace {

constexpr std::size_t kFlushAt = 1 << 20;

// Numbers and dates we format ourselves never hold a delimiter or a quote.
bool needsScan(ColumnType t) {
    return t != ColumnType::Integer && t != ColumnType::Decimal && t != ColumnType::Money && t != ColumnType::Date &&
           t != ColumnType::Timestamp;
}

void appendInt(std::string &out, std::int64_t v) {
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

void append2(std::string &out, int v) {
    out.push_back(char('0' + v / 10));
    out.push_back(char('0' + v % 10));
}

// Days since 1970 to a civil date (proleptic Gregorian, 400-year eras).
void civil(std::int32_t days, int &y, int &m, int &d) {
    const std::int64_t z = std::int64_t(days) + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t doe = z - era * 146097;
    const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const std::int64_t mp = (5 * doy + 2) / 153;
    d = int(doy - (153 * mp + 2) / 5 + 1);
    m = int(mp < 10 ? mp + 3 : mp - 9);
    y = int(yoe + era * 400 + (m <= 2 ? 1 : 0));
}

} // namespace

void appendDate(std::string &out, core::Date date, Dialect dialect) {
    int y = 0, m = 0, d = 0;
    civil(date.days, y, m, d);
    if (dialect == Dialect::Polish) {
        append2(out, d);
        out.push_back('.');
        append2(out, m);
        out.push_back('.');
        appendInt(out, y);
    } else {
        appendInt(out, y);
        out.push_back('-');
        append2(out, m);
        out.push_back('-');
        append2(out, d);
    }
}

void appendTimestamp(std::string &out, core::Timestamp t, Dialect dialect) {
    std::int64_t days = t.seconds / 86400;
    std::int64_t sec = t.seconds % 86400;
    if (sec < 0) { sec += 86400; --days; }
    appendDate(out, core::Date{std::int32_t(days)}, dialect);
    out.push_back(' ');
    append2(out, int(sec / 3600));
    out.push_back(':');
    append2(out, int(sec / 60 % 60));
    out.push_back(':');
    append2(out, int(sec % 60));
}

void appendMoney(std::string &out, core::Money value, Dialect dialect) {
    const std::int64_t u = value.units();
    const std::int64_t cents = u >= 0 ? (u + 50) / 100 : -((-u + 50) / 100);
    const std::int64_t a = cents < 0 ? -cents : cents;
    if (cents < 0) out.push_back('-');
    appendInt(out, a / 100);
    out.push_back(dialect == Dialect::Polish ? ',' : '.');
    append2(out, int(a % 100));
}

TableWriter::TableWriter(const TableSpec &spec, Dialect dialect)
    : m_spec(spec), m_dialect(dialect), m_delim(dialect == Dialect::Polish ? ';' : ','),
      m_fields(spec.columns.size()) {
    m_buffer.resize(kFlushAt);
    for (char c : {m_delim, '"', '\n', '\r'}) m_special[static_cast<unsigned char>(c)] = true;
}

TableWriter::~TableWriter() {
    if (m_file) std::fclose(m_file);
}

const char *TableWriter::header(int col) const {
    const auto &c = m_spec.columns[col];
    return m_dialect == Dialect::Polish ? c.pl : c.en;
}

core::Status TableWriter::open(const std::string &dir) {
    const std::string path = dir + "/" + m_spec.file;
    m_file = std::fopen(path.c_str(), "wb");
    if (!m_file) return core::Status::error("cannot create " + path);
    for (std::size_t i = 0; i < m_fields.size(); ++i) m_fields[i] = header(int(i));
    m_scanAll = true;
    appendRow(m_fields, 0);
    m_scanAll = false;
    for (auto &f : m_fields) f.clear();
    return core::Status::success();
}

void TableWriter::integer(int col, std::int64_t value) {
    m_fields[col].clear();
    appendInt(m_fields[col], value);
}

void TableWriter::money(int col, core::Money value) {
    m_fields[col].clear();
    appendMoney(m_fields[col], value, m_dialect);
}

void TableWriter::decimal(int col, double value, int decimals) {
    auto &f = m_fields[col];
    f.clear();
    char buf[48];
    auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, decimals);
    if (m_dialect == Dialect::Polish)
        for (char *p = buf; p != r.ptr; ++p)
            if (*p == '.') *p = ',';
    f.append(buf, r.ptr);
}

void TableWriter::date(int col, core::Date value) {
    m_fields[col].clear();
    appendDate(m_fields[col], value, m_dialect);
}

void TableWriter::timestamp(int col, core::Timestamp value) {
    m_fields[col].clear();
    appendTimestamp(m_fields[col], value, m_dialect);
}

void TableWriter::endRow() {
    if (m_hook) {
        m_hook->onRow(*this);
        m_scanAll = true; // a defect may put anything anywhere
    }
    appendRow(m_fields, m_rawMask);
    if (m_hasExtra) appendRow(m_extra, 0);
    m_hasExtra = false;
    m_rawMask = 0;
    m_fields.resize(m_spec.columns.size());
    for (auto &f : m_fields) f.clear();
}

char *TableWriter::appendField(char *out, std::string_view value, bool raw, bool scan) const {
    bool quote = false;
    if (!raw && scan)
        for (char c : value)
            if (m_special[static_cast<unsigned char>(c)]) { quote = true; break; }
    if (!quote) {
        std::memcpy(out, value.data(), value.size());
        return out + value.size();
    }
    *out++ = '"';
    for (char c : value) {
        if (c == '"') *out++ = '"';
        *out++ = c;
    }
    *out++ = '"';
    return out;
}

// Writes through a raw pointer: room for the worst case (every character a doubled
// quote) is made first, so the per-character work has no capacity checks.
void TableWriter::appendRow(const std::vector<std::string> &fields, std::uint64_t rawMask) {
    std::size_t bound = 4 + fields.size();
    for (const auto &f : fields) bound += 2 * f.size() + 2;
    if (m_used + bound > m_buffer.size()) {
        flush();
        if (bound > m_buffer.size()) m_buffer.resize(bound);
    }
    char *out = m_buffer.data() + m_used;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) *out++ = m_delim;
        const bool scan = m_scanAll || i >= m_spec.columns.size() || needsScan(m_spec.columns[i].type);
        out = appendField(out, fields[i], i < 64 && (rawMask >> i) & 1, scan);
    }
    if (m_dialect == Dialect::Polish) *out++ = '\r';
    *out++ = '\n';
    m_used = std::size_t(out - m_buffer.data());
    ++m_lines;
}

void TableWriter::flush() {
    if (!m_file || m_used == 0) return;
    const char *data = m_buffer.data();
    std::size_t size = m_used;
    if (m_dialect == Dialect::Polish) {
        // Windows-1250 is one byte per character, so the UTF-8 size is enough room.
        m_encoded.resize(m_used + 1);
        UErrorCode err = U_ZERO_ERROR;
        const int32_t n = ucnv_convert("windows-1250", "UTF-8", m_encoded.data(), int32_t(m_encoded.size()),
                                       m_buffer.data(), int32_t(m_used), &err);
        if (U_FAILURE(err)) m_error = std::string("encoding to Windows-1250 failed: ") + u_errorName(err);
        data = m_encoded.data();
        size = U_SUCCESS(err) ? std::size_t(n) : 0;
    }
    if (std::fwrite(data, 1, size, m_file) != size && m_error.empty())
        m_error = std::string("write failed: ") + m_spec.file;
    m_bytes += std::int64_t(size);
    m_used = 0;
}

core::Status TableWriter::close() {
    flush();
    if (m_file && std::fclose(m_file) != 0 && m_error.empty()) m_error = std::string("close failed: ") + m_spec.file;
    m_file = nullptr;
    return m_error.empty() ? core::Status::success() : core::Status::error(m_error);
}

} // namespace segdash::datagen
