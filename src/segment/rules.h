#pragma once
// Rule segments: user-written rules over customer attributes and metrics, combined with
// AND / OR / NOT, e.g. `Retail PL: industry = 'retail' AND country = 'PL'`. A scheme is
// an ordered list of `Name: expression` lines; the first matching rule wins, unmatched
// customers are "Others". Exact field definitions: docs/segmentation.md.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "segment/dataset.h"
#include "segment/metrics.h"

namespace segdash::segment {

/// The fields a rule can test: six text attributes, then the numeric metrics.
enum class RuleField {
    Country, Industry, Channel, SalesRep, CompanySize, AgeBand,
    RecencyDays, Frequency, Monetary, Aov, AvgQuarterlyOrderValue, TenureDays, Margin, OrdersLast90Days
};
enum class RuleOp { Eq, Ne, Lt, Le, Gt, Ge, In };

/// A literal: a number for metric fields, a text for attribute fields.
struct RuleValue {
    bool isText = false;
    double number = 0;
    std::string text;
};

/// One node of a parsed expression. And/Or have two or more children, Not one;
/// Compare uses field, op and values (one value, or the list of IN).
struct RuleExpr {
    enum class Kind { Or, And, Not, Compare };
    Kind kind = Kind::Compare;
    std::vector<RuleExpr> children;
    RuleField field = RuleField::Country;
    RuleOp op = RuleOp::Eq;
    std::vector<RuleValue> values;
};

/// One named rule of a scheme.
struct NamedRule {
    std::string name;
    RuleExpr expr;
};

/// An ordered list of rules; first match wins.
struct RuleScheme {
    std::vector<NamedRule> rules;
};

/// The metrics of one customer as the rules see them (docs/segmentation.md).
/// recencyDays is +infinity for a customer without a sale order.
struct RuleMetrics {
    double recencyDays = 0;
    double frequency = 0;
    double monetary = 0;
    double aov = 0;
    double avgQuarterlyOrderValue = 0;
    double tenureDays = 0;
    double margin = 0;
    double ordersLast90Days = 0;
};

bool isTextField(RuleField field);
const char *fieldName(RuleField field);

// One expression, e.g. "frequency >= 3 AND NOT country IN ('PL', 'DE')". Errors name
// the 1-based position and what was expected there.
core::Result<RuleExpr> parseRuleExpression(std::string_view text);
// The text form: one `Name: expression` a line; blank lines and lines starting with '#'
// are ignored. Errors name the line and the position in it.
core::Result<RuleScheme> parseRuleScheme(const std::string &text);
// Canonical text (keywords upper case, texts single-quoted); parses back to the same scheme.
std::string serialize(const RuleExpr &expr);
std::string serialize(const RuleScheme &scheme);

// Per customer index, counting the orders placed on or before asOf. The dataset must be
// finalized.
std::vector<RuleMetrics> ruleMetrics(const Dataset &data, core::Date asOf);
bool matches(const RuleExpr &expr, const Dataset &data, std::size_t customer, const RuleMetrics &metrics);

// Every customer labelled: names are the rule names in first-appearance order, then
// "Others" (always last, also when empty).
Segmentation evaluateRules(const RuleScheme &scheme, const Dataset &data, core::Date asOf);

} // namespace segdash::segment
