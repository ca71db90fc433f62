#pragma once
// Country names and codes in many spellings ("Polska", "Poland", "PL", "POL", "EIRE",
// "United Kingdom", "U.K.", "Deutschland") to ISO 3166-1 alpha-2 codes.
#include <optional>
#include <string>
#include <string_view>

namespace segdash::import {

// nullopt when the text names no single country ("Unspecified", "European Community").
std::optional<std::string> countryCode(std::string_view text);

} // namespace segdash::import
