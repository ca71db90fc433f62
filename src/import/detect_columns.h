#pragma once
// Internal to detect.cpp: per-column type, number format and date order guesses.
#include <string>
#include <string_view>
#include <vector>

#include "import/detect.h"

namespace segdash::import::detail {

// Guesses a column from its sample values (header excluded). Adds a warning when the
// date order is ambiguous. `decisiveDecimal` gets the decimal mark when the values
// settle it ("1,5" but not "1,500" or "12"), else '\0'.
ColumnGuess guessColumn(const std::vector<std::string_view> &values, const std::string &header,
                        const DetectOptions &options, std::vector<std::string> &warnings,
                        char *decisiveDecimal = nullptr);

// True when the text reads as a number or a date in any supported convention.
bool looksLikeValue(std::string_view text);

} // namespace segdash::import::detail
