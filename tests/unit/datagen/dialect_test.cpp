// The Polish dialect (Windows-1250, ';', decimal comma, dd.mm.yyyy) and dirty data.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <regex>
#include <set>

#include "test_util.h"

namespace segdash::datagen {
namespace {

using test::readTable;

std::string joined(const test::Row &r, char delim) {
    std::string s;
    for (std::size_t i = 0; i < r.size(); ++i) s += (i ? std::string(1, delim) : "") + r[i];
    return s;
}

TEST(PolishDialect, FilesAreWindows1250WithSemicolonsDecimalCommaAndPolishDates) {
    test::TempDir dir("pl");
    GeneratorOptions o;
    o.customers = 500;
    o.outDir = dir.path();
    o.dialect = Dialect::Polish;
    test::generateOrDie(o);

    const std::string raw = test::readBytes(dir.file("customers.csv"));
    // 'ł' is 0xB3 and 'ż' 0xBF in Windows-1250; UTF-8 would write them as two bytes starting 0xC5.
    EXPECT_NE(raw.find('\xB3'), std::string::npos);
    EXPECT_EQ(raw.find("\xC5\x82"), std::string::npos);
    const auto customers = readTable(dir.file("customers.csv"), true);
    EXPECT_EQ(joined(customers[0], ';'),
              "ID klienta;Nazwa;E-mail;Telefon;Firma;Branża;Wielkość firmy;Kraj;Województwo;Miasto;Rok urodzenia;"
              "Przedział wieku;Kanał;Data pozyskania;Koszt pozyskania;Opiekun;Etap");
    int polish = 0;
    bool diacritics = false;
    for (std::size_t i = 1; i < customers.size(); ++i) {
        ASSERT_EQ(customers[i].size(), 17u);
        polish += customers[i][7] == "PL";
        diacritics |= customers[i][1].find("ł") != std::string::npos || customers[i][9].find("ó") != std::string::npos;
        EXPECT_TRUE(std::regex_match(customers[i][13], std::regex(R"(\d\d\.\d\d\.\d{4})"))) << customers[i][13];
        EXPECT_TRUE(std::regex_match(customers[i][14], std::regex(R"(\d+,\d\d)"))) << customers[i][14];
    }
    EXPECT_GT(polish, 350);
    EXPECT_TRUE(diacritics);

    const auto orders = readTable(dir.file("orders.csv"), true);
    EXPECT_EQ(joined(orders[0], ';'), "Nr zamówienia;Klient;Data;Wartość;Koszt;Waluta;Kanał;Rodzaj");
    const std::set<std::string> kinds{"sprzedaż", "zwrot", "anulowanie"};
    for (std::size_t i = 1; i < orders.size(); ++i) {
        const auto &r = orders[i];
        EXPECT_TRUE(std::regex_match(r[2], std::regex(R"(\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d)"))) << r[2];
        EXPECT_TRUE(std::regex_match(r[3], std::regex(R"(-?\d+,\d\d)"))) << r[3];
        EXPECT_EQ(r[5], "PLN");
        EXPECT_TRUE(kinds.count(r[7])) << r[7];
    }
    // Ground truth stays machine-readable: UTF-8, commas, ISO dates.
    const auto truth = readTable(dir.file("ground_truth.csv"));
    EXPECT_EQ(truth[0][0], "customer_id");
    EXPECT_TRUE(std::regex_match(truth[1][7], std::regex(R"(\d{4}-\d\d-\d\d)")));
}

std::string normalisedEmail(std::string e) {
    e.erase(std::remove(e.begin(), e.end(), ' '), e.end());
    std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return e;
}

void checkDefects(bool pl) {
    test::TempDir dir(pl ? "dirty_pl" : "dirty_en");
    GeneratorOptions o;
    o.customers = 800;
    o.years = 2;
    o.outDir = dir.path();
    o.dirtyRate = 0.05;
    o.dialect = pl ? Dialect::Polish : Dialect::English;
    const auto s = test::generateOrDie(o);
    const auto defects = readTable(dir.file("defects.csv"));
    ASSERT_EQ(defects[0], (test::Row{"file", "line", "column", "column_name", "kind", "original_value", "injected_value"}));
    ASSERT_EQ(std::int64_t(defects.size()) - 1, s.defects);
    std::int64_t dataRows = 0;
    for (const auto &f : s.files)
        if (f.name != "ground_truth.csv" && f.name != "defects.csv") dataRows += f.rows;
    EXPECT_NEAR(double(s.defects) / double(dataRows), 0.05, 0.01);

    std::map<std::string, std::vector<std::string>> files; // decoded lines per file
    std::set<std::string> kinds;
    for (std::size_t i = 1; i < defects.size(); ++i) {
        const auto &d = defects[i];
        ASSERT_EQ(d.size(), 7u);
        if (!files.count(d[0])) {
            const auto bytes = test::readBytes(dir.file(d[0]));
            files[d[0]] = test::splitLines(pl ? test::windows1250ToUtf8(bytes) : bytes);
        }
        const auto &lines = files[d[0]];
        const std::size_t line = std::stoul(d[1]);
        ASSERT_GE(line, 2u);
        ASSERT_LE(line, lines.size());
        const auto header = test::splitCsvLine(lines[0], pl ? ';' : ',');
        const auto row = test::splitCsvLine(lines[line - 1], pl ? ';' : ',');
        const std::size_t col = std::stoul(d[2]);
        kinds.insert(d[4]);
        if (d[4] == "wrong_field_count") {
            EXPECT_NE(row.size(), header.size()) << d[0] << ":" << line;
            if (col <= row.size()) {
                EXPECT_EQ(row[col - 1], d[6]);
            }
            continue;
        }
        if (d[4] != "duplicate_id") {
            EXPECT_NE(d[5], d[6]) << "defect changes nothing";
        }
        ASSERT_EQ(row.size(), header.size()) << d[0] << ":" << line << " " << lines[line - 1];
        EXPECT_EQ(header[col - 1], d[3]);
        EXPECT_EQ(row[col - 1], d[6]) << d[0] << ":" << line << " kind " << d[4];
        if (d[4] == "duplicate_email") {
            // The row before is the original with the same address up to case and spaces.
            const auto original = test::splitCsvLine(lines[line - 2], pl ? ';' : ',');
            EXPECT_EQ(normalisedEmail(original[col - 1]), normalisedEmail(d[6]));
            EXPECT_NE(original[0], row[0]);
        }
        if (d[4] == "duplicate_id") {
            EXPECT_EQ(test::splitCsvLine(lines[line - 2], pl ? ';' : ',')[0], row[0]);
        }
    }
    for (const char *k : {"duplicate_email", "country_variant", "blank_optional", "blank_required", "stray_quote",
                          "wrong_field_count", "bad_number", "bad_date"})
        EXPECT_TRUE(kinds.count(k)) << k;
}

TEST(DirtyData, EveryInjectedDefectIsListedWhereItWasInjectedEnglish) { checkDefects(false); }
TEST(DirtyData, EveryInjectedDefectIsListedWhereItWasInjectedPolish) { checkDefects(true); }

} // namespace
} // namespace segdash::datagen
