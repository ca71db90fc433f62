#include <gtest/gtest.h>

#include "csv_test_util.h"

namespace segdash::import {
namespace {

using test::readAll;
using test::readFixture;
using Rows = std::vector<std::vector<std::string>>;

struct ReadCase {
    const char *file;
    CsvDialect dialect;
    Rows rows;
    std::vector<std::int64_t> lines;
    std::vector<CsvIssue> issues; // message is a substring to find
};

const CsvDialect kComma{',', '"', "UTF-8"};
const CsvDialect kSemi{';', '"', "UTF-8"};

const std::vector<ReadCase> &readCases() {
    static const std::vector<ReadCase> cases = {
        {"quoted_newline.csv", kComma, {{"id", "note"}, {"1", "line one\nline two"}, {"2", "plain"}}, {1, 2, 4}, {}},
        {"quoted_delimiter.csv", kComma,
         {{"name", "address"}, {"Smith, John", "1 Main St, Springfield"}, {"Doe, Jane", "2 Elm St"}}, {1, 2, 3}, {}},
        {"doubled_quotes.csv", kComma, {{"id", "quote"}, {"1", "He said \"hi\""}, {"2", "\""}}, {1, 2, 3}, {}},
        {"crlf.csv", kComma, {{"a", "b"}, {"1", "2"}, {"3", "4"}}, {1, 2, 3}, {}},
        {"lone_cr.csv", kComma, {{"a", "b"}, {"1", "2"}, {"3", "4"}}, {1, 2, 3}, {}},
        {"tab_delimited.tsv", {'\t', '"', "UTF-8"},
         {{"id", "name", "qty"}, {"1", "Ann", "3"}, {"2", "Bob", "5"}, {"3", "Cy", "8"}}, {1, 2, 3, 4}, {}},
        {"pipe_delimited.csv", {'|', '"', "UTF-8"},
         {{"id", "name", "price"}, {"1", "Ann", "2.50"}, {"2", "Bob", "3.75"}, {"3", "Cy", "10.00"}}, {1, 2, 3, 4}, {}},
        // The BOM wins over the dialect's encoding.
        {"bom_utf8.csv", {',', '"', "windows-1250"}, {{"name", "city"}, {"Zofia", "Kraków"}}, {1, 2}, {}},
        {"utf16le_bom.csv", kSemi, {{"name", "amount"}, {"Łukasz", "12,50"}, {"Żaneta", "7,00"}}, {1, 2, 3}, {}},
        {"utf16be_bom.csv", kSemi, {{"name", "amount"}, {"Łukasz", "12,50"}, {"Żaneta", "7,00"}}, {1, 2, 3}, {}},
        {"windows1250_polish.csv", {';', '"', "windows-1250"},
         {{"imię", "miasto", "kwota"}, {"Łucja Żółć", "Łódź", "1 234,50"},
          {"Grzegorz Brzęczyszczykiewicz", "Chrząszczyżewoszyce", "99,99"}, {"Joanna Świątek", "Gdańsk", "15,00"},
          {"Małgorzata Źrebięcka", "Poznań", "7,25"}},
         {1, 2, 3, 4, 5}, {}},
        {"windows1252_euro.csv", {',', '"', "cp1252"},
         {{"product", "price", "note"}, {"Café crème", "€ 3.50", "très bon"}, {"Résumé", "€ 12.00", "déjà vu"},
          {"Crêpe", "€ 4.25", "à la carte"}},
         {1, 2, 3, 4}, {}},
        {"invalid_utf8.csv", kComma, {{"name", "city"}, {"Anna", "Kraków"}, {"Bob", "Gda\xEF\xBF\xBDsk"}, {"Celina", "Zażółć"}}, {1, 2, 3, 4},
         {{3, 2, "invalid UTF-8"}}},
        {"unterminated_quote_at_eof.csv", kComma, {{"a", "b"}, {"1", "never closed\n2,3\n"}}, {1, 2},
         {{2, 2, "not closed"}}},
        {"stray_quote_in_unquoted.csv", kComma, {{"a", "b"}, {"1", "ab\"c"}, {"2", "d"}}, {1, 2, 3},
         {{2, 2, "stray quote"}}},
        {"text_after_closing_quote.csv", kComma, {{"a", "b"}, {"1", "abcd"}}, {1, 2}, {{2, 2, "after closing quote"}}},
        {"ragged_rows.csv", kComma,
         {{"a", "b", "c"}, {"1", "2", "3"}, {"4", "5"}, {"6", "7", "8", "9"}, {"1", "2", "3"}}, {1, 2, 3, 4, 5}, {}},
        {"blank_lines.csv", kComma, {{"a", "b"}, {"1", "2"}, {"3", "4"}}, {1, 3, 5}, {}},
        {"trailing_empty_fields.csv", kComma, {{"a", "b", "c"}, {"1", "", ""}, {"", "", ""}}, {1, 2, 3}, {}},
        {"header_only.csv", kComma, {{"id", "name", "amount"}}, {1}, {}},
        {"empty.csv", kComma, {}, {}, {}},
        {"long_field.csv", kComma, {{"id", "text"}, {"1", std::string(20000, 'x')}, {"2", "short"}}, {1, 2, 3}, {}},
    };
    return cases;
}

void expectCase(const ReadCase &c, std::size_t chunk) {
    SCOPED_TRACE(std::string(c.file) + " chunk " + std::to_string(chunk));
    auto reader = CsvReader::openBytes(readFixture(c.file), c.dialect, chunk);
    ASSERT_TRUE(reader.ok()) << reader.message();
    const auto got = readAll(**reader);
    EXPECT_EQ(got.rows, c.rows);
    EXPECT_EQ(got.lines, c.lines);
    ASSERT_EQ(got.issues.size(), c.issues.size());
    for (std::size_t i = 0; i < c.issues.size(); ++i) {
        EXPECT_EQ(got.issues[i].line, c.issues[i].line);
        EXPECT_EQ(got.issues[i].column, c.issues[i].column);
        EXPECT_NE(got.issues[i].message.find(c.issues[i].message), std::string::npos) << got.issues[i].message;
    }
    EXPECT_EQ((*reader)->bytesConsumed(), (*reader)->totalBytes());
}

TEST(CsvReader, FixturesReadAsExpected) {
    for (const auto &c : readCases()) expectCase(c, CsvReader::kChunkBytes);
}

// Every quirk must read the same when chunk ends fall inside quotes, CRLF pairs,
// multi-byte UTF-8 and UTF-16 code units.
TEST(CsvReader, ChunkBoundariesDoNotChangeResults) {
    for (const std::size_t chunk : {1, 2, 3, 5, 64})
        for (const auto &c : readCases()) expectCase(c, chunk);
}

TEST(CsvReader, OpenFileReadsFixture) {
    auto reader = CsvReader::openFile(test::fixturePath("crlf.csv"), kComma);
    ASSERT_TRUE(reader.ok()) << reader.message();
    EXPECT_EQ(readAll(**reader).rows, (Rows{{"a", "b"}, {"1", "2"}, {"3", "4"}}));
    EXPECT_EQ((*reader)->totalBytes(), 15);
}

TEST(CsvReader, MissingFileIsAnError) {
    auto reader = CsvReader::openFile(test::fixturePath("no_such_file.csv"), kComma);
    ASSERT_FALSE(reader.ok());
    EXPECT_NE(reader.message().find("no_such_file.csv"), std::string::npos);
}

TEST(CsvReader, UnknownEncodingIsNamedInTheError) {
    auto reader = CsvReader::openBytes("a,b\n", {',', '"', "klingon-42"});
    ASSERT_FALSE(reader.ok());
    EXPECT_NE(reader.message().find("klingon-42"), std::string::npos);
}

TEST(CsvReader, IcuEncodingByName) {
    // "\xB1" is 'ą' in ISO-8859-2 (latin2) and '±' in latin1.
    auto reader = CsvReader::openBytes("x\n\xB1\n", {',', '"', "latin2"});
    ASSERT_TRUE(reader.ok());
    EXPECT_EQ(readAll(**reader).rows, (Rows{{"x"}, {"ą"}}));
}

TEST(CsvReader, BadDialectIsAnError) {
    EXPECT_FALSE(CsvReader::openBytes("a", {'"', '"', "UTF-8"}).ok());
    EXPECT_FALSE(CsvReader::openBytes("a", {'\n', '"', "UTF-8"}).ok());
}

TEST(CsvReader, NulBytesAreData) {
    const std::string bytes("a,b\n1,x\0y\n", 10);
    auto reader = CsvReader::openBytes(bytes, kComma);
    const auto got = readAll(**reader);
    ASSERT_EQ(got.rows.size(), 2u);
    EXPECT_EQ(got.rows[1][1], std::string("x\0y", 3));
}

TEST(CsvReader, NoQuoteCharMeansQuotesAreData) {
    auto reader = CsvReader::openBytes("\"a,b\"\n", {',', '\0', "UTF-8"});
    EXPECT_EQ(readAll(**reader).rows, (Rows{{"\"a", "b\""}}));
}

TEST(CsvReader, IssuesAreCappedButAllCounted) {
    std::string bytes;
    for (int i = 0; i < 3000; ++i) bytes += "a\"b\n";
    auto reader = CsvReader::openBytes(bytes, kComma);
    const auto got = readAll(**reader);
    EXPECT_EQ(got.rows.size(), 3000u);
    EXPECT_EQ(got.issues.size(), CsvReader::kMaxIssues);
    EXPECT_EQ(got.issueCount, 3000);
    EXPECT_EQ(got.issues.back().line, 1000);
}

TEST(CsvReader, FieldLongerThanSeveralChunks) {
    const std::string big(3 * CsvReader::kChunkBytes + 17, 'q');
    auto reader = CsvReader::openBytes("a,\"" + big + "\",c\nd,e,f\n", kComma);
    const auto got = readAll(**reader);
    ASSERT_EQ(got.rows.size(), 2u);
    EXPECT_EQ(got.rows[0][1], big);
    EXPECT_EQ(got.rows[1], (std::vector<std::string>{"d", "e", "f"}));
}

TEST(CsvReader, RecordIndexCountsFromZero) {
    auto reader = CsvReader::openBytes("h\n1\n2\n", kComma);
    CsvRecord rec;
    std::vector<std::int64_t> indexes;
    while ((*reader)->next(rec)) indexes.push_back(rec.index);
    EXPECT_EQ(indexes, (std::vector<std::int64_t>{0, 1, 2}));
    EXPECT_FALSE((*reader)->next(rec)); // stays at the end
}

TEST(CsvReader, UnpairedUtf16SurrogateIsReported) {
    // UTF-16LE "a\nx" + lone high surrogate D800 + "y\n"
    const std::string bytes("\xFF\xFE" "a\0\n\0x\0\x00\xD8y\0\n\0", 14);
    for (const std::size_t chunk : {1, 1024}) {
        auto reader = CsvReader::openBytes(bytes, kComma, chunk);
        const auto got = readAll(**reader);
        ASSERT_EQ(got.rows.size(), 2u);
        EXPECT_EQ(got.rows[1][0], "x\xEF\xBF\xBDy");
        ASSERT_EQ(got.issues.size(), 1u);
        EXPECT_EQ(got.issues[0].line, 2);
        EXPECT_NE(got.issues[0].message.find("UTF-16LE"), std::string::npos);
    }
}

// Found by the fuzzer: a U+FFFD present in the input itself is data, not a decoding error.
TEST(CsvReader, LiteralReplacementCharacterIsNotAnIssue) {
    const std::string utf16("\xFF\xFE" "a\0\n\0\xFD\xFF\n\0", 10);
    const std::string utf8 = "a\n\xEF\xBF\xBD\n";
    for (const std::size_t chunk : {1, 1024}) {
        auto r16 = CsvReader::openBytes(utf16, kComma, chunk);
        auto r8 = CsvReader::openBytes(utf8, kComma, chunk);
        const auto got16 = readAll(**r16), got8 = readAll(**r8);
        EXPECT_EQ(got16.rows, (Rows{{"a"}, {"\xEF\xBF\xBD"}}));
        EXPECT_EQ(got16.rows, got8.rows);
        EXPECT_EQ(got16.issueCount, 0);
        EXPECT_EQ(got8.issueCount, 0);
    }
}

} // namespace
} // namespace segdash::import
