#pragma once
// Sniffs how a CSV file is written from a sample of its bytes: encoding, delimiter,
// quote, header row, and per column the number and date conventions. Every guess
// carries a confidence in [0, 1] and a short reason, and every one can be overridden.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "import/csv_reader.h"
#include "import/value_parse.h"

namespace segdash::import {

template <typename T>
struct Guess {
    T value{};
    double confidence = 0;      // 1 = certain, < 0.6 = the user should check
    std::string reason;         // e.g. "BOM", "9 of 10 lines have 7 fields", "day > 12 in 41 values"
};

enum class ColumnType { Empty, Text, Integer, Decimal, Date, DateTime };

struct ColumnGuess {
    std::string header;         // as in the file (trimmed); "column N" without a header
    ColumnType type = ColumnType::Text;
    Guess<NumberFormat> number;     // for Integer/Decimal
    Guess<DateFormat> date;         // for Date/DateTime
    std::string currency;           // ISO code when the values carry a symbol/code
    bool dateAmbiguous = false;     // every value fits both DMY and MDY
    int filled = 0;                 // non-empty values in the sample
};

struct DetectOptions {
    std::optional<std::string> encoding;
    std::optional<char> delimiter;
    std::optional<char> quote;
    std::optional<bool> hasHeader;
    std::optional<char> decimal;    // applies to every numeric column
    std::optional<DateOrder> dateOrder; // applies to every date column
    int sampleBytes = 1 << 20;
    int previewRows = 20;
};

struct Detection {
    Guess<std::string> encoding;
    Guess<char> delimiter;
    Guess<char> quote;
    Guess<bool> hasHeader;
    std::vector<ColumnGuess> columns;
    std::vector<std::vector<std::string>> preview; // first rows after the header, as parsed
    std::vector<std::string> warnings;              // e.g. "date order ambiguous in column 'Date'"

    CsvDialect dialect() const { return CsvDialect{delimiter.value, quote.value, encoding.value}; }
};

// Fatal errors: file missing or empty, not text (binary), undecodable.
core::Result<Detection> detectFile(const std::string &path, const DetectOptions &options = {});
core::Result<Detection> detectBytes(std::string_view bytes, const DetectOptions &options = {});

} // namespace segdash::import
