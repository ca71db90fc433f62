#pragma once
// Cleaning rules applied to every imported value. Each rule that changes a value is
// counted, so the import report can say what was cleaned and how often.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace segdash::import {

using CleaningCounts = std::map<std::string, std::int64_t>;

// Rule names as they appear in the report.
inline constexpr const char *kRuleWhitespace = "whitespace trimmed or collapsed";
inline constexpr const char *kRuleEmail = "e-mail normalised to lower case";
inline constexpr const char *kRuleCountry = "country name mapped to ISO code";
inline constexpr const char *kRuleCountryUnknown = "country not recognised (kept as attribute)";
inline constexpr const char *kRuleNumericId = "numeric id written as decimal (17850.0 -> 17850)";
inline constexpr const char *kRuleCurrency = "currency symbol mapped to ISO code";
inline constexpr const char *kRuleNegativeAsReturn = "negative order kept as a return";
inline constexpr const char *kRuleCancellation = "cancellation kept as negative order";
inline constexpr const char *kRuleAnonymous = "row without customer kept as anonymous revenue";
inline constexpr const char *kRuleDuplicateId = "duplicate customer merged (same id)";
inline constexpr const char *kRuleDuplicateEmail = "duplicate customer merged (same e-mail)";
inline constexpr const char *kRuleDuplicateNameCompany = "duplicate customer merged (same name and company)";
inline constexpr const char *kRuleTimeZone = "time zone offset dropped from timestamp";

// Trims both ends and folds inner runs of white space (incl. NBSP, tabs, newlines)
// to one space. Returns true when the text changed.
bool normaliseWhitespace(std::string_view in, std::string &out);
// Trimmed and lower-cased; empty when it does not look like an address (no '@').
std::string normaliseEmail(std::string_view in);
// "17850.0" -> "17850" (ids that went through a spreadsheet as floats); else unchanged.
bool normaliseNumericId(std::string &id);
// Case-insensitive key for name + company de-duplication.
std::string nameCompanyKey(std::string_view name, std::string_view company);

} // namespace segdash::import
