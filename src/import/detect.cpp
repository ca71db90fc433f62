#include "import/detect.h"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "import/detect_columns.h"
#include "import/encoding.h"

namespace segdash::import {
namespace {

constexpr int kMaxSampleRows = 1000;
constexpr int kDelimiterRows = 100;

bool isAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// A high byte next to a letter (or another high byte) is probably a letter itself.
int countInWord(std::string_view s, std::string_view bytes) {
    int n = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (bytes.find(s[i]) == std::string_view::npos) continue;
        const auto prev = i > 0 ? static_cast<unsigned char>(s[i - 1]) : 0;
        const auto next = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
        if (isAsciiLetter(prev) || isAsciiLetter(next) || prev >= 0x80 || next >= 0x80) ++n;
    }
    return n;
}

std::string uchardetGuess(std::string_view sample) {
    uchardet_t ud = uchardet_new();
    uchardet_handle_data(ud, sample.data(), sample.size());
    uchardet_data_end(ud);
    std::string name = uchardet_get_charset(ud);
    uchardet_delete(ud);
    return name;
}

// Legacy 8-bit text: uchardet's guess, corrected for Polish letters that it often
// reads as windows-1252 symbols (ą ł ś ż are ¹ ³ œ ¿ there).
Guess<std::string> guessLegacy(std::string_view sample) {
    const int pl1250 = countInWord(sample, "\xB9\xA5\x9C\x8C\x9F\x8F\xB3\xA3\xBF\xAF");
    const int pl88592 = countInWord(sample, "\xB1\xA1\xB6\xA6\xBC\xAC");
    if (pl88592 > pl1250)
        return {"ISO-8859-2", 0.8, std::to_string(pl88592) + " bytes read as Polish letters (ą ś ź) only in ISO-8859-2"};
    if (pl1250 > 0)
        return {"windows-1250", 0.85, std::to_string(pl1250) +
                " bytes read as Polish letters (ą ł ś ź ż) in windows-1250 but as symbols in windows-1252"};
    std::string name = canonicalEncoding(uchardetGuess(sample));
    const bool c1 = std::any_of(sample.begin(), sample.end(), [](char c) {
        return static_cast<unsigned char>(c) >= 0x80 && static_cast<unsigned char>(c) < 0xA0; });
    if (name == "ISO-8859-1" || name == "ISO-8859-15") {
        if (c1 || name == "ISO-8859-1") return {"windows-1252", 0.7, "uchardet says " + name + "; windows-1252 is its superset"};
    }
    if (name.empty() || name == "UTF-8" || !Decoder::create(name))
        return {"windows-1252", 0.4, "not UTF-8 and no confident guess; assumed windows-1252"};
    return {name, 0.7, "uchardet guess"};
}

// UTF-16 without a BOM shows zero bytes in every other position.
std::optional<std::string> utf16WithoutBom(std::string_view head) {
    int evenZero = 0, oddZero = 0;
    for (std::size_t i = 0; i < head.size(); ++i)
        if (head[i] == '\0') ++(i % 2 ? oddZero : evenZero);
    const double half = static_cast<double>(head.size()) / 2;
    if (oddZero > 0.4 * half && evenZero < 0.05 * half) return "UTF-16LE";
    if (evenZero > 0.4 * half && oddZero < 0.05 * half) return "UTF-16BE";
    return std::nullopt;
}

// Valid multi-byte UTF-8 sequences and invalid bytes: a legacy 8-bit text rarely
// forms valid sequences by chance, so a majority of valid ones means damaged UTF-8.
std::pair<int, int> utf8Tally(std::string_view s) {
    int valid = 0, invalid = 0;
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) { ++i; continue; }
        std::size_t len = 1;
        while (len < 4 && i + len < s.size() && (static_cast<unsigned char>(s[i + len]) & 0xC0) == 0x80) ++len;
        if (isValidUtf8(s.substr(i, len), false)) ++valid;
        else { ++invalid; len = 1; }
        i += len;
    }
    return {valid, invalid};
}

core::Result<Guess<std::string>> guessEncoding(std::string_view sample, bool truncated) {
    std::size_t bomLength = 0;
    if (const Bom bom = detectBom(sample, bomLength); bom != Bom::None)
        return Guess<std::string>{encodingOfBom(bom), 1.0, "byte order mark"};
    const std::string_view head = sample.substr(0, 1024);
    if (head.find('\0') != std::string_view::npos) {
        if (auto utf16 = utf16WithoutBom(head)) return Guess<std::string>{*utf16, 0.8, "zero bytes in every other position"};
        return core::Status::error("not a text file: it contains zero bytes");
    }
    const std::string_view probe = sample.substr(0, 4096);
    const auto controls = std::count_if(probe.begin(), probe.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7F; });
    if (controls > 2 && controls * 100 > static_cast<long>(probe.size()))
        return core::Status::error("not a text file: it contains " + std::to_string(controls) + " control characters");
    if (isValidUtf8(sample, truncated)) {
        const auto multi = std::count_if(sample.begin(), sample.end(), [](char c) { return (c & 0xC0) == 0xC0; });
        if (multi == 0) return Guess<std::string>{"UTF-8", truncated ? 0.9 : 0.95, "only ASCII bytes in the sample"};
        return Guess<std::string>{"UTF-8", 0.99, "valid UTF-8 with " + std::to_string(multi) + " non-ASCII characters"};
    }
    const auto [valid, invalid] = utf8Tally(sample);
    if (valid > invalid)
        return Guess<std::string>{"UTF-8", 0.7, "mostly UTF-8: " + std::to_string(valid) + " valid multi-byte characters, " +
                                  std::to_string(invalid) + " invalid bytes (they will be replaced)"};
    return guessLegacy(sample);
}

core::Result<std::vector<std::vector<std::string>>> readRows(std::string_view text, const CsvDialect &d, int max,
                                                             std::vector<std::string> *warnings = nullptr) {
    auto reader = CsvReader::openBytes(text, d);
    if (!reader) return reader.status();
    std::vector<std::vector<std::string>> rows;
    CsvRecord rec;
    while (static_cast<int>(rows.size()) < max && (*reader)->next(rec))
        rows.emplace_back(rec.fields.begin(), rec.fields.end());
    if (warnings && (*reader)->issueCount() > 0) {
        const CsvIssue &first = (*reader)->issues().front();
        warnings->push_back(std::to_string((*reader)->issueCount()) + " malformed field(s) in the sample, first at line " +
                            std::to_string(first.line) + ", column " + std::to_string(first.column) + ": " +
                            first.message);
    }
    return rows;
}

Guess<char> guessDelimiter(std::string_view text, char quote) {
    Guess<char> best{',', 0.3, "no delimiter gives more than one field; one column"};
    double bestScore = 0;
    for (const char d : {'\t', ';', '|', ','}) {
        auto rows = readRows(text, CsvDialect{d, quote, "UTF-8"}, kDelimiterRows);
        if (!rows || rows->empty()) continue;
        std::map<std::size_t, int> counts;
        for (const auto &r : *rows) ++counts[r.size()];
        const auto modal = std::max_element(counts.begin(), counts.end(),
                                            [](auto &a, auto &b) { return a.second < b.second; });
        if (modal->first < 2) continue;
        const int n = static_cast<int>(rows->size());
        const double score = double(modal->second) / n;
        if (score > bestScore) {
            bestScore = score;
            const std::string name = d == '\t' ? "tab" : std::string("'") + d + "'";
            best = {d, n < 2 ? 0.5 : score, name + ": " + std::to_string(modal->second) + " of " + std::to_string(n) +
                    " records have " + std::to_string(modal->first) + " fields"};
        }
    }
    return best;
}

Guess<bool> guessHeader(const std::vector<std::vector<std::string>> &rows, const DetectOptions &options) {
    const auto &first = rows.front();
    for (const auto &v : first)
        if (v.empty() || detail::looksLikeValue(v)) return {false, 0.9, "the first row has empty cells, numbers or dates"};
    if (rows.size() == 1) return {true, 0.6, "a single row of text"};
    std::vector<std::string> ignored;
    int typed = 0;
    for (std::size_t c = 0; c < first.size(); ++c) {
        std::vector<std::string_view> body;
        for (std::size_t r = 1; r < rows.size(); ++r)
            if (c < rows[r].size()) body.push_back(rows[r][c]);
        const auto g = detail::guessColumn(body, first[c], options, ignored);
        if (g.type != ColumnType::Text && g.type != ColumnType::Empty) ++typed;
    }
    if (typed > 0) return {true, 0.95, "first row is text above " + std::to_string(typed) + " numeric or date columns"};
    std::set<std::string> seen(first.begin(), first.end());
    for (std::size_t r = 1; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size() && c < first.size(); ++c)
            if (rows[r][c] == first[c]) return {false, 0.5, "all text and first-row values repeat below"};
    if (seen.size() < first.size()) return {false, 0.5, "all text and the first row repeats a name"};
    return {true, 0.6, "all columns are text; first-row values are distinct and do not repeat below"};
}

std::string decodeSample(std::string_view sample, const std::string &encoding, bool truncated) {
    std::size_t bomLength = 0;
    detectBom(sample, bomLength);
    auto decoder = Decoder::create(encoding);
    std::string text;
    (*decoder)->decode(sample.substr(bomLength), !truncated, text);
    if (truncated) { // drop the record cut by the end of the sample
        const auto cut = text.find_last_of("\r\n");
        if (cut != std::string::npos && cut > 0) text.resize(cut);
    }
    return text;
}

std::vector<std::string_view> columnValues(const std::vector<std::vector<std::string>> &rows, std::size_t first,
                                           std::size_t c) {
    std::vector<std::string_view> values;
    for (std::size_t r = first; r < rows.size(); ++r)
        if (c < rows[r].size()) values.push_back(rows[r][c]);
    return values;
}

// Columns whose numbers fit either decimal mark ("1.234", "12") follow the mark the
// other columns prove, or the delimiter's convention (';' goes with decimal commas).
void harmoniseDecimals(Detection &d, const std::vector<std::vector<std::string>> &rows, std::size_t firstBody,
                       const std::vector<char> &decisive, DetectOptions options) {
    if (options.decimal) return;
    const auto commas = std::count(decisive.begin(), decisive.end(), ',');
    const auto dots = std::count(decisive.begin(), decisive.end(), '.');
    const char mark = commas != dots ? (commas > dots ? ',' : '.') : (d.delimiter.value == ';' ? ',' : '.');
    options.decimal = mark;
    for (std::size_t c = 0; c < d.columns.size(); ++c) {
        ColumnGuess &g = d.columns[c];
        if (decisive[c] || (g.type != ColumnType::Integer && g.type != ColumnType::Decimal)) continue;
        std::vector<std::string> scratch;
        ColumnGuess again = detail::guessColumn(columnValues(rows, firstBody, c), g.header, options, scratch);
        if (again.type != ColumnType::Integer && again.type != ColumnType::Decimal) continue;
        again.number.reason += std::string(" (decimal '") + mark + "' as elsewhere in the file)";
        g = std::move(again);
    }
}

void addColumns(Detection &d, const std::vector<std::vector<std::string>> &rows, const DetectOptions &options) {
    std::size_t width = 0;
    for (const auto &r : rows) width = std::max(width, r.size());
    const std::size_t firstBody = d.hasHeader.value ? 1 : 0;
    std::vector<char> decisive(width, '\0');
    for (std::size_t c = 0; c < width; ++c) {
        std::string header = "column " + std::to_string(c + 1);
        if (d.hasHeader.value && c < rows[0].size() && !rows[0][c].empty()) header = rows[0][c];
        d.columns.push_back(detail::guessColumn(columnValues(rows, firstBody, c), header, options, d.warnings,
                                                &decisive[c]));
    }
    harmoniseDecimals(d, rows, firstBody, decisive, options);
    int ragged = 0;
    for (std::size_t r = firstBody; r < rows.size(); ++r) ragged += rows[r].size() != rows[0].size();
    if (ragged > 0)
        d.warnings.push_back(std::to_string(ragged) + " of " + std::to_string(rows.size() - firstBody) +
                             " sample rows have a different number of fields than the first row (" +
                             std::to_string(rows[0].size()) + ")");
    for (std::size_t r = firstBody; r < rows.size() && static_cast<int>(d.preview.size()) < options.previewRows; ++r)
        d.preview.push_back(rows[r]);
}

} // namespace

core::Result<Detection> detectBytes(std::string_view bytes, const DetectOptions &options) {
    if (bytes.empty()) return core::Status::error("the file is empty");
    const std::size_t sampleSize = static_cast<std::size_t>(std::max(options.sampleBytes, 4096));
    const std::string_view sample = bytes.substr(0, sampleSize);
    const bool truncated = bytes.size() > sample.size();
    Detection d;
    if (options.encoding) {
        if (auto dec = Decoder::create(*options.encoding); !dec) return dec.status();
        d.encoding = {canonicalEncoding(*options.encoding), 1.0, "chosen by the user"};
    } else {
        auto enc = guessEncoding(sample, truncated);
        if (!enc) return enc.status();
        d.encoding = *enc;
    }
    const std::string text = decodeSample(sample, d.encoding.value, truncated);
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) return core::Status::error("the file is empty");
    const char quote = options.quote.value_or('"');
    d.quote = options.quote ? Guess<char>{quote, 1.0, "chosen by the user"}
              : text.find('"') != std::string::npos ? Guess<char>{'"', 1.0, "quoted fields in the sample"}
                                                     : Guess<char>{'"', 0.9, "no quotes in the sample; standard '\"'"};
    d.delimiter = options.delimiter ? Guess<char>{*options.delimiter, 1.0, "chosen by the user"}
                                    : guessDelimiter(text, quote);
    auto rows = readRows(text, CsvDialect{d.delimiter.value, quote, "UTF-8"}, kMaxSampleRows, &d.warnings);
    if (!rows) return rows.status();
    if (rows->empty()) return core::Status::error("the file is empty");
    d.hasHeader = options.hasHeader ? Guess<bool>{*options.hasHeader, 1.0, "chosen by the user"}
                                    : guessHeader(*rows, options);
    addColumns(d, *rows, options);
    if (d.encoding.confidence < 0.6)
        d.warnings.push_back("encoding guessed as " + d.encoding.value + " with low confidence: please check");
    return d;
}

core::Result<Detection> detectFile(const std::string &path, const DetectOptions &options) {
    std::FILE *f = std::fopen(path.c_str(), "rb");
    if (!f) return core::Status::error("cannot open '" + path + "'");
    // One byte more than the sample tells whether the sample is the whole file.
    std::string bytes(static_cast<std::size_t>(std::max(options.sampleBytes, 4096)) + 1, '\0');
    bytes.resize(std::fread(bytes.data(), 1, bytes.size(), f));
    const bool failed = std::ferror(f) != 0;
    std::fclose(f);
    if (failed) return core::Status::error("cannot read '" + path + "'");
    return detectBytes(bytes, options);
}

} // namespace segdash::import
