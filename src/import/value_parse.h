#pragma once
// Parsing of locale-dependent cell values: numbers with decimal and thousands
// separators ("1.240.294,00", "1 234,50", "1,234.50"), currency symbols and codes,
// dates in ISO, dd.mm.yyyy, dd/mm/yyyy, mm/dd/yyyy and Excel serial numbers.
#include <optional>
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/money.h"

namespace segdash::import {

struct NumberFormat {
    char decimal = '.';
    char thousands = '\0';      // '\0' none; ' ' also accepts NBSP and NNBSP
};

// A number, possibly with a leading/trailing currency symbol or ISO code ("€ 12,50",
// "12.50 PLN", "$1,234.50", "-12 zł"), accounting negatives "(12.50)" too.
struct ParsedAmount {
    core::Money value;
    std::string currency;       // ISO 4217 when a symbol/code was present, else empty
};
std::optional<ParsedAmount> parseAmount(std::string_view text, const NumberFormat &format);
std::optional<double> parseNumber(std::string_view text, const NumberFormat &format);
// Maps "€", "EUR", "zł", "PLN", "$", "USD", "£", "GBP", "₴", "UAH", ... to ISO 4217.
std::string currencyCode(std::string_view symbolOrCode);

enum class DateOrder { YMD, DMY, MDY, ExcelSerial };

struct DateFormat {
    DateOrder order = DateOrder::YMD;
};

// Dates with separators '-', '.', '/' (and an optional time "HH:MM[:SS]" after a space
// or 'T'), or Excel serial day numbers (1900 system, fractions are the time).
std::optional<core::Timestamp> parseDateTime(std::string_view text, const DateFormat &format);
std::string toString(DateOrder order); // "YMD", "DMY", "MDY", "excel"

} // namespace segdash::import
