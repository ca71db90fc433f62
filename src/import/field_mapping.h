#pragma once
// What SegDash can import (record kinds and their fields) and how a file's columns
// map onto those fields. A mapping names, per column, the target field or nothing.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace segdash::import {

enum class RecordKind { Customers, Orders, OrderLines, Opportunities, Interactions, Surveys, Campaigns };

enum class FieldType { Text, Id, Email, Country, Integer, Number, Money, Date, DateTime, Currency, Kind, Percent };

struct FieldDef {
    const char *name;     // canonical name used in profiles and --map, e.g. "order_date"
    FieldType type;
    bool required;
    const char *label;    // for the mapping editor
};

const std::vector<RecordKind> &allRecordKinds();
const char *toString(RecordKind kind); // "customers", "orders", "order-lines", ...
std::optional<RecordKind> recordKindFromString(std::string_view text);
const std::vector<FieldDef> &fieldsFor(RecordKind kind);
const FieldDef *findField(RecordKind kind, std::string_view name);

// Per column of the file: the target field name, or empty = not imported (kept as a
// custom attribute for customers). Before the kind is fixed a target may name
// alternatives separated by '|' (restrictToKind picks the first that fits).
struct FieldMapping {
    std::vector<std::string> targets;

    int columnOf(std::string_view field) const; // -1 when unmapped
    bool has(std::string_view field) const { return columnOf(field) >= 0; }
    // Required fields of `kind` that no column maps to (for the error message).
    std::vector<std::string> missingRequired(RecordKind kind) const;
};

// True when `target` is `field` or lists it among '|'-separated alternatives.
bool targetNames(std::string_view target, std::string_view field);

// Lower case, accents kept, every run of non-alphanumerics folded to one '_' and
// trimmed: "Customer ID" / "customer-id" / " CustomerID " compare as "customer_id" / "customerid".
std::string headerKey(std::string_view header);

} // namespace segdash::import
