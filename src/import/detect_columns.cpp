#include "import/detect_columns.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <map>

namespace segdash::import::detail {
namespace {

// Tried in this order; on a tie the earlier one wins.
constexpr std::array<NumberFormat, 8> kFormats{{
    {'.', '\0'}, {',', '\0'}, {'.', ','}, {',', '.'}, {',', ' '}, {'.', ' '}, {'.', '\''}, {',', '\''},
}};

constexpr double kTypeThreshold = 0.9; // share of filled values that must parse

std::string_view trimAscii(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string example(const NumberFormat &f) {
    std::string s = "1";
    if (f.thousands == ' ') s += ' ';
    else if (f.thousands) s += f.thousands;
    return s + "234" + f.decimal + "50";
}

std::string percentText(int n, int of) { return std::to_string(n) + " of " + std::to_string(of); }

bool headerSaysDate(std::string header) {
    for (char &c : header) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char *word : {"date", "data", "datum", "fecha", "day", "дата", "time"})
        if (header.find(word) != std::string::npos) return true;
    return false;
}

struct NumberStats {
    int parsed = 0;
    bool fraction = false;
    std::map<std::string, int> currencies;
    bool excelRange = true; // every value within 20000..80000
};

NumberStats countNumbers(const std::vector<std::string_view> &values, const NumberFormat &f) {
    NumberStats st;
    for (const auto v : values) {
        const auto a = parseAmount(v, f);
        if (!a) continue;
        ++st.parsed;
        if (v.find(f.decimal) != std::string_view::npos) st.fraction = true; // "17850.0" is written as a decimal
        if (!a->currency.empty()) ++st.currencies[a->currency];
        const double d = a->value.toDouble();
        if (d < 20000 || d > 80000) st.excelRange = false;
    }
    return st;
}

// Picks the number format that reads the most values; false when too few read.
bool guessNumber(const std::vector<std::string_view> &values, int filled, const DetectOptions &options,
                 ColumnGuess &g, NumberStats &best, char *decisive) {
    int bestIndex = -1;
    int bestDot = 0, bestComma = 0; // best count per decimal mark
    for (std::size_t i = 0; i < kFormats.size(); ++i) {
        if (options.decimal && kFormats[i].decimal != *options.decimal) continue;
        NumberStats st = countNumbers(values, kFormats[i]);
        int &perMark = kFormats[i].decimal == '.' ? bestDot : bestComma;
        perMark = std::max(perMark, st.parsed);
        if (bestIndex < 0 || st.parsed > best.parsed) { best = std::move(st); bestIndex = static_cast<int>(i); }
    }
    if (bestIndex < 0 || best.parsed < kTypeThreshold * filled) return false;
    if (decisive) *decisive = bestDot == bestComma ? '\0' : kFormats[static_cast<std::size_t>(bestIndex)].decimal;
    const NumberFormat f = kFormats[static_cast<std::size_t>(bestIndex)];
    g.type = best.fraction ? ColumnType::Decimal : ColumnType::Integer;
    g.number = {f, double(best.parsed) / filled, percentText(best.parsed, filled) + " values read as " + example(f)};
    int top = 0;
    for (const auto &[code, n] : best.currencies)
        if (n > top) { top = n; g.currency = code; }
    return true;
}

struct DateStats {
    int ymd = 0, dmy = 0, mdy = 0, dmyOnly = 0, mdyOnly = 0;
    bool time = false;
};

DateStats countDates(const std::vector<std::string_view> &values) {
    DateStats st;
    for (const auto v : values) {
        const bool y = parseDateTime(v, {DateOrder::YMD}).has_value();
        const bool d = parseDateTime(v, {DateOrder::DMY}).has_value();
        const bool m = parseDateTime(v, {DateOrder::MDY}).has_value();
        st.ymd += y;
        st.dmy += d;
        st.mdy += m;
        st.dmyOnly += d && !m && !y;
        st.mdyOnly += m && !d && !y;
        if ((y || d || m) && v.find(':') != std::string_view::npos) st.time = true;
    }
    return st;
}

bool guessDate(const std::vector<std::string_view> &values, int filled, const std::string &header,
               const DetectOptions &options, ColumnGuess &g, std::vector<std::string> &warnings) {
    const DateStats st = countDates(values);
    const double need = kTypeThreshold * filled;
    if (st.ymd < need && st.dmy < need && st.mdy < need) return false;
    g.type = st.time ? ColumnType::DateTime : ColumnType::Date;
    if (st.ymd >= need) {
        g.date = {{DateOrder::YMD}, double(st.ymd) / filled, percentText(st.ymd, filled) + " values are year-month-day"};
    } else if (options.dateOrder) {
        g.date = {{*options.dateOrder}, 1.0, "chosen by the user"};
    } else if (st.dmy >= need && st.dmyOnly > 0 && st.mdyOnly == 0) {
        g.date = {{DateOrder::DMY}, double(st.dmy) / filled, "day > 12 in " + std::to_string(st.dmyOnly) + " values"};
    } else if (st.mdy >= need && st.mdyOnly > 0 && st.dmyOnly == 0) {
        g.date = {{DateOrder::MDY}, double(st.mdy) / filled, "second part > 12 in " + std::to_string(st.mdyOnly) + " values"};
    } else if (st.dmyOnly > 0 || st.mdyOnly > 0) {
        const bool dmy = st.dmyOnly >= st.mdyOnly;
        g.date = {{dmy ? DateOrder::DMY : DateOrder::MDY}, 0.4, "values contradict each other (" +
                  std::to_string(st.dmyOnly) + " day-first, " + std::to_string(st.mdyOnly) + " month-first)"};
        warnings.push_back("mixed date orders in column '" + header + "'");
    } else {
        g.dateAmbiguous = true;
        g.date = {{DateOrder::DMY}, 0.5, "every value fits both day-month and month-day"};
        warnings.push_back("date order ambiguous in column '" + header + "': assumed day-month-year");
    }
    return true;
}

} // namespace

bool looksLikeValue(std::string_view text) {
    for (const auto &f : kFormats)
        if (parseAmount(text, f)) return true;
    for (const auto order : {DateOrder::YMD, DateOrder::DMY, DateOrder::MDY})
        if (parseDateTime(text, {order})) return true;
    return false;
}

ColumnGuess guessColumn(const std::vector<std::string_view> &all, const std::string &header,
                        const DetectOptions &options, std::vector<std::string> &warnings, char *decisiveDecimal) {
    if (decisiveDecimal) *decisiveDecimal = '\0';
    ColumnGuess g;
    g.header = header;
    std::vector<std::string_view> values;
    for (const auto v : all)
        if (!trimAscii(v).empty()) values.push_back(v);
    g.filled = static_cast<int>(values.size());
    if (values.empty()) { g.type = ColumnType::Empty; return g; }
    if (guessDate(values, g.filled, header, options, g, warnings)) return g;
    NumberStats numbers;
    if (guessNumber(values, g.filled, options, g, numbers, decisiveDecimal)) {
        if (numbers.excelRange && g.currency.empty() && headerSaysDate(header)) {
            g.type = numbers.fraction ? ColumnType::DateTime : ColumnType::Date;
            g.date = {{DateOrder::ExcelSerial}, 0.8, "numbers 20000..80000 under a date header (Excel serial days)"};
        }
        return g;
    }
    g.type = ColumnType::Text;
    return g;
}

} // namespace segdash::import::detail
