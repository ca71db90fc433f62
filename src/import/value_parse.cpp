#include "import/value_parse.h"

#include <array>
#include <cmath>
#include <cstdlib>
#include <utility>

namespace segdash::import {
namespace {

constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kNnbsp = "\xE2\x80\xAF";
constexpr std::string_view kRightQuote = "\xE2\x80\x99";
constexpr std::string_view kMinus = "\xE2\x88\x92";

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Length of a space-like character at the start of s (ASCII space/tab, NBSP, NNBSP), else 0.
std::size_t spaceAt(std::string_view s) {
    if (s.empty()) return 0;
    if (s[0] == ' ' || s[0] == '\t') return 1;
    if (s.starts_with(kNbsp)) return kNbsp.size();
    if (s.starts_with(kNnbsp)) return kNnbsp.size();
    return 0;
}

std::string_view trim(std::string_view s) {
    for (std::size_t n; (n = spaceAt(s)) > 0;) s.remove_prefix(n);
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
        else if (s.ends_with(kNbsp)) s.remove_suffix(kNbsp.size());
        else if (s.ends_with(kNnbsp)) s.remove_suffix(kNnbsp.size());
        else return s;
    }
}

// Length of a thousands separator at the start of s for the given format, else 0.
std::size_t groupSeparatorAt(std::string_view s, char thousands) {
    if (thousands == '\0' || s.empty()) return 0;
    if (thousands == ' ') return spaceAt(s);
    if (thousands == '\'' && s.starts_with(kRightQuote)) return kRightQuote.size();
    return s[0] == thousands ? 1 : 0;
}

// Splits off a leading/trailing sign. Returns false on a second sign.
bool takeSign(std::string_view &s, bool &negative, bool &signSeen) {
    bool found = false;
    if (s.starts_with('-') || s.starts_with('+')) { negative = s[0] == '-'; s.remove_prefix(1); found = true; }
    else if (s.starts_with(kMinus)) { negative = true; s.remove_prefix(kMinus.size()); found = true; }
    else if (s.ends_with('-')) { negative = true; s.remove_suffix(1); found = true; }
    if (found && signSeen) return false;
    signSeen = signSeen || found;
    s = trim(s);
    return true;
}

// The digits of a number body as "1234.56" (no sign), or nullopt when malformed.
std::optional<std::string> normaliseDigits(std::string_view s, const NumberFormat &f) {
    if (f.decimal == f.thousands) return std::nullopt;
    std::string out;
    int groupDigits = 0; // digits since the last separator
    bool grouped = false, inFraction = false;
    for (std::size_t i = 0; i < s.size();) {
        const char c = s[i];
        if (isDigit(c)) { out += c; ++groupDigits; ++i; continue; }
        if (c == f.decimal && !inFraction) {
            if (grouped && groupDigits != 3) return std::nullopt;
            if (out.empty()) out += '0';
            out += '.';
            inFraction = true;
            groupDigits = 0;
            ++i;
            continue;
        }
        const std::size_t sep = inFraction ? 0 : groupSeparatorAt(s.substr(i), f.thousands);
        if (sep == 0) return std::nullopt;
        // The first group has 1..3 digits, every later one exactly 3.
        if (groupDigits == 0 || groupDigits > 3 || (grouped && groupDigits != 3)) return std::nullopt;
        grouped = true;
        groupDigits = 0;
        i += sep;
    }
    if (out.empty() || out.back() == '.') return std::nullopt;
    if (!inFraction && grouped && groupDigits != 3) return std::nullopt;
    return out;
}

// Strips a currency symbol or code from one end; false if there is text that is not one.
bool takeCurrency(std::string_view &s, std::string &currency) {
    std::size_t i = 0;
    while (i < s.size() && !isDigit(s[i]) && s[i] != '-' && s[i] != '+' && s[i] != '(' &&
           !s.substr(i).starts_with(kMinus))
        ++i;
    if (i > 0 && (s[i - 1] == '.' || s[i - 1] == ',') && (i == 1 || s[i - 2] == ' ')) --i; // ".5"
    std::size_t j = s.size();
    while (j > i && !isDigit(s[j - 1]) && s[j - 1] != ')') --j;
    const std::string_view prefix = trim(s.substr(0, i)), suffix = trim(s.substr(j));
    if (!prefix.empty() && !suffix.empty()) return false;
    const std::string_view symbol = prefix.empty() ? suffix : prefix;
    if (symbol.empty()) return true;
    currency = currencyCode(symbol);
    if (currency.empty()) return false;
    s = trim(s.substr(i, j - i));
    return true;
}

// "-1234.5678"-style text for any accepted number, with the currency found.
std::optional<std::string> normalise(std::string_view text, const NumberFormat &f, std::string &currency) {
    std::string_view s = trim(text);
    bool negative = false, signSeen = false;
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
        negative = signSeen = true;
        s = trim(s.substr(1, s.size() - 2));
    }
    if (!takeSign(s, negative, signSeen)) return std::nullopt;
    if (!takeCurrency(s, currency)) return std::nullopt;
    if (!takeSign(s, negative, signSeen)) return std::nullopt;
    auto digits = normaliseDigits(s, f);
    if (!digits) return std::nullopt;
    return negative ? "-" + *digits : *digits;
}

struct CurrencyAlias {
    std::string_view alias;
    std::string_view code;
};
constexpr std::array<CurrencyAlias, 18> kSymbols{{
    {"€", "EUR"}, {"$", "USD"}, {"US$", "USD"}, {"£", "GBP"}, {"zł", "PLN"}, {"zl", "PLN"},
    {"₴", "UAH"}, {"грн", "UAH"}, {"грн.", "UAH"}, {"¥", "JPY"}, {"₽", "RUB"}, {"₹", "INR"},
    {"Kč", "CZK"}, {"Ft", "HUF"}, {"A$", "AUD"}, {"C$", "CAD"}, {"R$", "BRL"}, {"Fr.", "CHF"},
}};
constexpr std::array<std::string_view, 24> kCodes{
    "EUR", "USD", "GBP", "PLN", "UAH", "CHF", "CZK", "HUF", "SEK", "NOK", "DKK", "JPY",
    "CNY", "RUB", "INR", "AUD", "CAD", "BRL", "RON", "BGN", "TRY", "NZD", "MXN", "ZAR"};

bool readNumber(std::string_view s, std::size_t &i, int maxDigits, int &value) {
    int digits = 0;
    value = 0;
    while (i < s.size() && isDigit(s[i]) && digits < maxDigits) { value = value * 10 + (s[i++] - '0'); ++digits; }
    return digits > 0 && (i == s.size() || !isDigit(s[i]));
}

// "HH:MM[:SS[.fff]][ AM|PM]" -> seconds of the day.
std::optional<int> parseTime(std::string_view s) {
    std::size_t i = 0;
    int h = 0, m = 0, sec = 0;
    if (!readNumber(s, i, 2, h) || i >= s.size() || s[i++] != ':' || !readNumber(s, i, 2, m)) return std::nullopt;
    if (i < s.size() && s[i] == ':') {
        ++i;
        if (!readNumber(s, i, 2, sec)) return std::nullopt;
        if (i < s.size() && s[i] == '.') for (++i; i < s.size() && isDigit(s[i]);) ++i;
    }
    std::string_view rest = trim(s.substr(i));
    if (rest == "AM" || rest == "am" || rest == "PM" || rest == "pm") {
        if (h < 1 || h > 12) return std::nullopt;
        h = h % 12 + (rest[0] == 'P' || rest[0] == 'p' ? 12 : 0);
    } else if (rest == "Z") {
        // a UTC marker: times are kept as written
    } else if (!rest.empty()) {
        return std::nullopt;
    }
    if (h > 23 || m > 59 || sec > 59) return std::nullopt;
    return h * 3600 + m * 60 + sec;
}

std::optional<core::Timestamp> parseExcelSerial(std::string_view text) {
    std::string normal(trim(text));
    for (char &c : normal) if (c == ',') c = '.';
    if (normal.empty() || !isDigit(normal[0])) return std::nullopt;
    char *end = nullptr;
    const double serial = std::strtod(normal.c_str(), &end);
    if (end != normal.c_str() + normal.size() || !(serial >= 1 && serial < 2958466)) return std::nullopt;
    const auto whole = static_cast<std::int32_t>(std::floor(serial));
    if (whole == 60) return std::nullopt; // Excel's 1900-02-29 never existed
    // Serials before the fake leap day count from 1899-12-31, later ones from 1899-12-30.
    const auto base = core::Date::fromYmd(1899, 12, whole < 60 ? 31 : 30);
    auto secs = static_cast<std::int64_t>(std::llround((serial - whole) * 86400.0));
    return core::Timestamp{core::Timestamp::fromDate(base->addDays(whole)).seconds + secs};
}

std::optional<core::Date> parseDatePart(std::string_view s, DateOrder order) {
    std::array<int, 3> parts{};
    std::array<int, 3> widths{};
    std::size_t i = 0;
    char sep = 0;
    for (int k = 0; k < 3; ++k) {
        const std::size_t start = i;
        if (!readNumber(s, i, 4, parts[k])) return std::nullopt;
        widths[k] = static_cast<int>(i - start);
        if (k == 2) break;
        if (i >= s.size() || (s[i] != '-' && s[i] != '.' && s[i] != '/') || (sep && s[i] != sep)) return std::nullopt;
        sep = s[i++];
    }
    if (i != s.size()) return std::nullopt;
    if (widths[0] == 4) {
        if (widths[1] > 2 || widths[2] > 2) return std::nullopt;
        return core::Date::fromYmd(parts[0], parts[1], parts[2]); // ISO-like, whatever the order
    }
    if (order == DateOrder::YMD || order == DateOrder::ExcelSerial || widths[0] > 2 || widths[1] > 2) return std::nullopt;
    int year = parts[2];
    if (widths[2] == 2) year += year < 70 ? 2000 : 1900;
    else if (widths[2] != 4) return std::nullopt;
    return order == DateOrder::DMY ? core::Date::fromYmd(year, parts[1], parts[0])
                                   : core::Date::fromYmd(year, parts[0], parts[1]);
}

} // namespace

std::optional<ParsedAmount> parseAmount(std::string_view text, const NumberFormat &format) {
    ParsedAmount result;
    const auto normal = normalise(text, format, result.currency);
    if (!normal) return std::nullopt;
    const auto money = core::Money::parse(*normal);
    if (!money) return std::nullopt;
    result.value = *money;
    return result;
}

std::optional<double> parseNumber(std::string_view text, const NumberFormat &format) {
    std::string currency;
    const auto normal = normalise(text, format, currency);
    if (!normal) return std::nullopt;
    return std::strtod(normal->c_str(), nullptr);
}

std::string currencyCode(std::string_view symbolOrCode) {
    const std::string_view s = trim(symbolOrCode);
    for (const auto &a : kSymbols)
        if (s == a.alias) return std::string(a.code);
    if (s.size() == 3) {
        std::string upper(s);
        for (char &c : upper) if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
        for (const auto code : kCodes)
            if (upper == code) return upper;
    }
    return {};
}

std::optional<core::Timestamp> parseDateTime(std::string_view text, const DateFormat &format) {
    const std::string_view s = trim(text);
    if (format.order == DateOrder::ExcelSerial) return parseExcelSerial(s);
    std::size_t cut = s.find_first_of(" T");
    const auto date = parseDatePart(s.substr(0, cut), format.order);
    if (!date) return std::nullopt;
    if (cut == std::string_view::npos) return core::Timestamp::fromDate(*date);
    const auto seconds = parseTime(trim(s.substr(cut + 1)));
    if (!seconds) return std::nullopt;
    return core::Timestamp{core::Timestamp::fromDate(*date).seconds + *seconds};
}

std::string toString(DateOrder order) {
    switch (order) {
    case DateOrder::YMD: return "YMD";
    case DateOrder::DMY: return "DMY";
    case DateOrder::MDY: return "MDY";
    case DateOrder::ExcelSerial: return "excel";
    }
    return "YMD";
}

} // namespace segdash::import
