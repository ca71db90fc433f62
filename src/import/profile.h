#pragma once
// CRM profiles: data files (resources/profiles/*.json) that map a vendor's column
// headers onto SegDash fields, so a new vendor needs no code. Recipes are mappings a
// user confirmed, saved and reused for files with the same headers.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "import/field_mapping.h"

namespace segdash::import {

struct Profile {
    std::string name;                          // "salesforce-contacts", "generic", "recipe-1a2b..."
    std::string label;                         // for people
    std::string source;                        // source system written with external ids
    std::optional<RecordKind> kind;            // nullopt: decided from the mapped fields
    std::map<std::string, std::string> columns; // headerKey(header) -> field
    std::vector<std::string> signature;        // headerKeys that must all be present to match
    std::string cancellationPrefix;            // order ids starting with it are cancellations
    std::string currency;                      // default currency for amounts without one
    bool recipe = false;
};

// The built-in profiles plus the saved recipes. Fails only if a built-in file is broken.
core::Result<std::vector<Profile>> loadProfiles();
const Profile *findProfile(const std::vector<Profile> &profiles, const std::string &name);

struct ProfileMatch {
    const Profile *profile = nullptr;
    double score = 0;      // share of the file's headers the profile recognises
};
// The best profile for these headers: a recipe with exactly these headers wins, then the
// vendor profile whose signature is present and which recognises most, then "generic".
ProfileMatch matchProfile(const std::vector<Profile> &profiles, const std::vector<std::string> &headers);

// Maps headers through a profile (by headerKey); unknown headers stay empty.
FieldMapping mapHeaders(const Profile &profile, const std::vector<std::string> &headers);
// For headers no synonym names exactly: a guess from a distinctive word inside the header
// ("Customer E-mail Address" -> email, "Unit Price (EUR)" -> unit_price). Returns the
// columns it guessed, so the plan can say so; the user confirms or edits them.
std::vector<std::size_t> guessUnknownHeaders(const std::vector<std::string> &headers, FieldMapping &mapping);
// The kind a set of mapped fields most likely describes (for profiles without a kind).
RecordKind guessKind(const FieldMapping &mapping);
// Drops targets that are not fields of `kind`.
void restrictToKind(FieldMapping &mapping, RecordKind kind);

// Recipes live in $SEGDASH_RECIPES_DIR, or the user's app data folder.
std::string recipesDir();
core::Status saveRecipe(const std::vector<std::string> &headers, const FieldMapping &mapping, RecordKind kind,
                        const std::string &source);

} // namespace segdash::import
