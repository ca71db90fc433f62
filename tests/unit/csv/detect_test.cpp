#include <gtest/gtest.h>

#include <optional>

#include "csv_test_util.h"
#include "import/detect.h"

namespace segdash::import {
namespace {

struct ColumnCheck {
    int index;
    ColumnType type;
    char decimal = 0;    // 0 = not checked
    char thousands = 1;  // 1 = not checked
    std::optional<DateOrder> order{};
    bool ambiguous = false;
    std::string currency{};
};

struct DetectCase {
    const char *file;
    std::string error;   // substring of the expected error; empty = success
    std::string encoding{};
    char delimiter = ',';
    bool header = true;
    std::vector<std::string> firstRow{}; // first preview row (after the header); empty = not checked
    std::vector<ColumnCheck> columns{};
    std::string warning{}; // substring of some warning; empty = none expected about dates/rows
};

using CT = ColumnType;

const std::vector<DetectCase> &detectCases() {
    static const std::vector<DetectCase> cases = {
        {"quoted_newline.csv", "", "UTF-8", ',', true, {"1", "line one\nline two"}, {{0, CT::Integer}, {1, CT::Text}}},
        {"quoted_delimiter.csv", "", "UTF-8", ',', true, {"Smith, John", "1 Main St, Springfield"}},
        {"doubled_quotes.csv", "", "UTF-8", ',', true, {"1", "He said \"hi\""}},
        {"crlf.csv", "", "UTF-8", ',', true, {"1", "2"}, {{0, CT::Integer}}},
        {"lone_cr.csv", "", "UTF-8", ',', true, {"1", "2"}, {{1, CT::Integer}}},
        {"tab_delimited.tsv", "", "UTF-8", '\t', true, {"1", "Ann", "3"}, {{2, CT::Integer}}},
        {"pipe_delimited.csv", "", "UTF-8", '|', true, {"1", "Ann", "2.50"}, {{2, CT::Decimal, '.', '\0'}}},
        {"no_header.csv", "", "UTF-8", ',', false, {"1", "Ann", "12.50"},
         {{0, CT::Integer}, {1, CT::Text}, {2, CT::Decimal, '.', '\0'}}},
        {"integers_written_as_decimals.csv", "", "UTF-8", ',', true, {"17850.0", "3"},
         {{0, CT::Decimal, '.', '\0'}, {1, CT::Integer}}},
        {"semicolon_decimal_comma.csv", "", "UTF-8", ';', true, {"A", "1.240.294,00", "01.02.2024"},
         {{1, CT::Decimal, ',', '.'}, {2, CT::Date, 0, 1, DateOrder::DMY}}},
        {"decimal_mark_from_other_columns.csv", "", "UTF-8", ';', true, {"1", "1.234", "12,50"},
         {{0, CT::Integer, ',', '\0'}, {1, CT::Integer, ',', '.'}, {2, CT::Decimal, ',', '\0'}}},
        {"thousands_space_nbsp.csv", "", "UTF-8", ';', true, {"A", "1 234,50"}, {{1, CT::Decimal, ',', ' '}}},
        {"thousands_comma_decimal_point.csv", "", "UTF-8", ',', true, {"1", "1,234.50"}, {{1, CT::Decimal, '.', ','}}},
        {"date_dmy_dots.csv", "", "UTF-8", ',', true, {}, {{1, CT::Date, 0, 1, DateOrder::DMY}}},
        {"date_mdy_proven.csv", "", "UTF-8", ',', true, {}, {{1, CT::Date, 0, 1, DateOrder::MDY}}},
        {"date_ambiguous.csv", "", "UTF-8", ',', true, {}, {{1, CT::Date, 0, 1, DateOrder::DMY, true}},
         "date order ambiguous in column 'date'"},
        {"iso_datetime.csv", "", "UTF-8", ',', true, {}, {{1, CT::DateTime, 0, 1, DateOrder::YMD}}},
        {"excel_serial_dates.csv", "", "UTF-8", ',', true, {"1", "45292", "10"},
         {{1, CT::DateTime, 0, 1, DateOrder::ExcelSerial}, {2, CT::Integer}}},
        {"currency_symbols.csv", "", "UTF-8", ';', true, {"A", "€ 12,50"}, {{1, CT::Decimal, ',', '.', {}, false, "EUR"}}},
        {"currency_codes_suffix.csv", "", "UTF-8", ',', true, {"A", "12.50 PLN"},
         {{1, CT::Decimal, '.', 1, {}, false, "PLN"}}},
        {"bom_utf8.csv", "", "UTF-8", ',', true, {"Zofia", "Kraków"}},
        {"utf16le_bom.csv", "", "UTF-16LE", ';', true, {"Łukasz", "12,50"}, {{1, CT::Decimal, ',', '\0'}}},
        {"utf16be_bom.csv", "", "UTF-16BE", ';', true, {"Łukasz", "12,50"}, {{1, CT::Decimal, ',', '\0'}}},
        {"windows1250_polish.csv", "", "windows-1250", ';', true, {"Łucja Żółć", "Łódź", "1 234,50"},
         {{2, CT::Decimal, ',', ' '}}},
        {"windows1252_euro.csv", "", "windows-1252", ',', true, {"Café crème", "€ 3.50", "très bon"},
         {{1, CT::Decimal, '.', 1, {}, false, "EUR"}}},
        {"invalid_utf8.csv", "", "UTF-8", ',', true, {"Anna", "Kraków"}},
        {"stray_quote_in_unquoted.csv", "", "UTF-8", ',', true, {"1", "ab\"c"}, {},
         "1 malformed field(s) in the sample, first at line 2, column 2: stray quote"},
        {"unterminated_quote_at_eof.csv", "", "UTF-8", ',', true, {"1", "never closed\n2,3\n"}, {},
         "quoted field not closed at end of file"},
        {"ragged_rows.csv", "", "UTF-8", ',', true, {"1", "2", "3"}, {}, "different number of fields"},
        {"header_only.csv", "", "UTF-8", ',', true, {}, {{0, CT::Empty}, {2, CT::Empty}}},
        {"blank_lines.csv", "", "UTF-8", ',', true, {"1", "2"}},
        {"trailing_empty_fields.csv", "", "UTF-8", ',', true, {"1", "", ""}, {{0, CT::Integer}, {2, CT::Empty}}},
        {"long_field.csv", "", "UTF-8", ',', true, {}, {{0, CT::Integer}}},
        {"empty.csv", "the file is empty"},
        {"binary_file.csv", "not a text file"},
        {"control_chars.csv", "not a text file"},
    };
    return cases;
}

void checkColumn(const Detection &d, const ColumnCheck &c) {
    SCOPED_TRACE("column " + std::to_string(c.index));
    ASSERT_LT(static_cast<std::size_t>(c.index), d.columns.size());
    const ColumnGuess &g = d.columns[static_cast<std::size_t>(c.index)];
    EXPECT_EQ(g.type, c.type);
    if (c.decimal) { EXPECT_EQ(g.number.value.decimal, c.decimal); }
    if (c.thousands != 1) { EXPECT_EQ(g.number.value.thousands, c.thousands); }
    if (c.order) { EXPECT_EQ(toString(g.date.value.order), toString(*c.order)) << g.date.reason; }
    EXPECT_EQ(g.dateAmbiguous, c.ambiguous);
    EXPECT_EQ(g.currency, c.currency);
}

void checkCase(const DetectCase &c, const core::Result<Detection> &r) {
    if (!c.error.empty()) {
        ASSERT_FALSE(r.ok());
        EXPECT_NE(r.message().find(c.error), std::string::npos) << r.message();
        return;
    }
    ASSERT_TRUE(r.ok()) << r.message();
    const Detection &d = *r;
    EXPECT_EQ(d.encoding.value, c.encoding) << d.encoding.reason;
    EXPECT_EQ(d.delimiter.value, c.delimiter) << d.delimiter.reason;
    EXPECT_EQ(d.hasHeader.value, c.header) << d.hasHeader.reason;
    if (!c.firstRow.empty()) {
        ASSERT_FALSE(d.preview.empty());
        EXPECT_EQ(d.preview[0], c.firstRow);
    }
    for (const auto &col : c.columns) checkColumn(d, col);
    std::string warnings;
    for (const auto &w : d.warnings) warnings += w + "\n";
    if (!c.warning.empty()) {
        EXPECT_NE(warnings.find(c.warning), std::string::npos) << warnings;
    } else {
        EXPECT_EQ(warnings, "");
    }
}

TEST(Detect, FixturesAreSniffedAsExpected) {
    for (const auto &c : detectCases()) {
        SCOPED_TRACE(c.file);
        checkCase(c, detectFile(test::fixturePath(c.file)));
    }
}

TEST(Detect, BomIsCertain) {
    const auto d = detectFile(test::fixturePath("utf16le_bom.csv"));
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->encoding.confidence, 1.0);
    EXPECT_EQ(d->encoding.reason, "byte order mark");
}

TEST(Detect, PolishWindows1250ReasonNamesTheLetters) {
    const auto d = detectFile(test::fixturePath("windows1250_polish.csv"));
    ASSERT_TRUE(d.ok());
    EXPECT_NE(d->encoding.reason.find("Polish"), std::string::npos) << d->encoding.reason;
    EXPECT_GE(d->encoding.confidence, 0.6);
}

TEST(Detect, HeaderNamesBecomeColumnNames) {
    const auto d = detectFile(test::fixturePath("semicolon_decimal_comma.csv"));
    ASSERT_TRUE(d.ok());
    ASSERT_EQ(d->columns.size(), 3u);
    EXPECT_EQ(d->columns[1].header, "Kwota");
    EXPECT_EQ(d->columns[1].filled, 3);
    const auto n = detectFile(test::fixturePath("no_header.csv"));
    ASSERT_TRUE(n.ok());
    EXPECT_EQ(n->columns[0].header, "column 1");
    EXPECT_EQ(n->preview.size(), 3u);
}

TEST(Detect, OptionsOverrideGuesses) {
    DetectOptions o;
    o.hasHeader = false;
    o.delimiter = ';';
    o.previewRows = 2;
    const auto d = detectFile(test::fixturePath("crlf.csv"), o);
    ASSERT_TRUE(d.ok());
    EXPECT_EQ(d->delimiter.value, ';');
    EXPECT_EQ(d->preview, (std::vector<std::vector<std::string>>{{"a,b"}, {"1,2"}}));
    EXPECT_EQ(d->dialect().delimiter, ';');
}

TEST(Detect, UserEncodingMustExist) {
    DetectOptions o;
    o.encoding = "no-such-charset";
    const auto d = detectBytes("a,b\n1,2\n", o);
    ASSERT_FALSE(d.ok());
    EXPECT_NE(d.message().find("no-such-charset"), std::string::npos);
}

TEST(Detect, Utf16WithoutBomFromZeroPattern) {
    const std::string text = "a,b\n1,2\n3,4\n";
    std::string le;
    for (const char c : text) { le += c; le += '\0'; }
    const auto d = detectBytes(le);
    ASSERT_TRUE(d.ok()) << d.message();
    EXPECT_EQ(d->encoding.value, "UTF-16LE");
    EXPECT_EQ(d->preview[0], (std::vector<std::string>{"1", "2"}));
}

TEST(Detect, SampleCutInTheMiddleOfARecord) {
    std::string bytes = "id;amount\n";
    for (int i = 0; i < 2000; ++i) bytes += std::to_string(i) + ";" + std::to_string(i) + ",25\n";
    DetectOptions o;
    o.sampleBytes = 5000; // ends inside a record
    const auto d = detectBytes(bytes, o);
    ASSERT_TRUE(d.ok()) << d.message();
    EXPECT_EQ(d->delimiter.value, ';');
    EXPECT_EQ(d->delimiter.confidence, 1.0) << d->delimiter.reason;
    EXPECT_EQ(d->columns[1].type, ColumnType::Decimal);
    EXPECT_EQ(d->columns[1].number.value.decimal, ',');
}

TEST(Detect, OnlyBomIsEmpty) {
    const auto d = detectBytes("\xEF\xBB\xBF");
    ASSERT_FALSE(d.ok());
    EXPECT_EQ(d.message(), "the file is empty");
}

} // namespace
} // namespace segdash::import
