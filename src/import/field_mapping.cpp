#include "import/field_mapping.h"

#include <array>
#include <cctype>
#include <utility>

namespace segdash::import {
namespace {

using T = FieldType;

const std::vector<FieldDef> kCustomerFields{
    {"customer_id", T::Id, false, "Customer id"},   {"name", T::Text, false, "Name"},
    {"first_name", T::Text, false, "First name"},   {"last_name", T::Text, false, "Last name"},
    {"email", T::Email, false, "E-mail"},           {"phone", T::Text, false, "Phone"},
    {"company", T::Text, false, "Company"},         {"industry", T::Text, false, "Industry"},
    {"company_size", T::Text, false, "Company size"}, {"country", T::Country, false, "Country"},
    {"region", T::Text, false, "Region"},           {"city", T::Text, false, "City"},
    {"birth_year", T::Integer, false, "Birth year"}, {"age_band", T::Text, false, "Age band"},
    {"channel", T::Text, false, "Acquisition channel"}, {"acquired_on", T::Date, false, "Acquired on"},
    {"acquisition_cost", T::Money, false, "Acquisition cost"}, {"sales_rep", T::Text, false, "Sales rep"},
    {"lifecycle_stage", T::Text, false, "Lifecycle stage"},
};

const std::vector<FieldDef> kOrderFields{
    {"order_id", T::Id, true, "Order id"},          {"customer_id", T::Id, false, "Customer id"},
    {"email", T::Email, false, "Customer e-mail"},  {"order_date", T::DateTime, true, "Order date"},
    {"revenue", T::Money, true, "Revenue"},         {"cost", T::Money, false, "Cost of goods"},
    {"currency", T::Currency, false, "Currency"},   {"channel", T::Text, false, "Channel"},
    {"kind", T::Kind, false, "Kind (sale/return/cancellation)"}, {"country", T::Country, false, "Country"},
    {"name", T::Text, false, "Customer name"},
    {"first_name", T::Text, false, "Customer first name"}, {"last_name", T::Text, false, "Customer last name"},
    {"company", T::Text, false, "Customer company"}, {"city", T::Text, false, "Customer city"},
};

const std::vector<FieldDef> kOrderLineFields{
    {"order_id", T::Id, true, "Order id"},          {"customer_id", T::Id, false, "Customer id"},
    {"email", T::Email, false, "Customer e-mail"},  {"order_date", T::DateTime, false, "Order date"},
    {"product_code", T::Text, false, "Product code"}, {"product_name", T::Text, false, "Product name"},
    {"category", T::Text, false, "Category"},       {"quantity", T::Number, true, "Quantity"},
    {"unit_price", T::Money, true, "Unit price"},   {"unit_cost", T::Money, false, "Unit cost"},
    {"currency", T::Currency, false, "Currency"},   {"country", T::Country, false, "Country"},
    {"channel", T::Text, false, "Channel"},         {"name", T::Text, false, "Customer name"},
    {"first_name", T::Text, false, "Customer first name"}, {"last_name", T::Text, false, "Customer last name"},
    {"company", T::Text, false, "Customer company"}, {"city", T::Text, false, "Customer city"},
};

const std::vector<FieldDef> kOpportunityFields{
    {"opportunity_id", T::Id, true, "Opportunity id"}, {"customer_id", T::Id, false, "Customer id"},
    {"name", T::Text, false, "Name"},               {"stage", T::Text, false, "Stage"},
    {"amount", T::Money, false, "Amount"},          {"probability", T::Percent, false, "Probability"},
    {"created_on", T::Date, false, "Created on"},   {"closed_on", T::Date, false, "Closed on"},
    {"status", T::Text, false, "Status (open/won/lost)"}, {"owner", T::Text, false, "Owner"},
    {"currency", T::Currency, false, "Currency"},
};

const std::vector<FieldDef> kInteractionFields{
    {"customer_id", T::Id, true, "Customer id"},    {"kind", T::Kind, true, "Kind"},
    {"timestamp", T::DateTime, true, "Date"},       {"campaign_id", T::Id, false, "Campaign id"},
    {"detail", T::Text, false, "Detail"},
};

const std::vector<FieldDef> kSurveyFields{
    {"customer_id", T::Id, true, "Customer id"},    {"answered_on", T::Date, true, "Answered on"},
    {"nps", T::Integer, false, "NPS (0-10)"},       {"csat", T::Integer, false, "CSAT (1-5)"},
    {"comment", T::Text, false, "Comment"},
};

const std::vector<FieldDef> kCampaignFields{
    {"campaign_id", T::Id, true, "Campaign id"},    {"name", T::Text, false, "Name"},
    {"channel", T::Text, false, "Channel"},         {"cost", T::Money, false, "Spend"},
    {"starts_on", T::Date, false, "Starts on"},     {"ends_on", T::Date, false, "Ends on"},
    {"target", T::Text, false, "Target"},           {"currency", T::Currency, false, "Currency"},
};

constexpr std::array<std::pair<RecordKind, const char *>, 7> kKindNames{{
    {RecordKind::Customers, "customers"}, {RecordKind::Orders, "orders"},
    {RecordKind::OrderLines, "order-lines"}, {RecordKind::Opportunities, "opportunities"},
    {RecordKind::Interactions, "interactions"}, {RecordKind::Surveys, "surveys"},
    {RecordKind::Campaigns, "campaigns"}}};

} // namespace

const std::vector<RecordKind> &allRecordKinds() {
    static const std::vector<RecordKind> kAll{RecordKind::Customers, RecordKind::Orders, RecordKind::OrderLines,
                                              RecordKind::Opportunities, RecordKind::Interactions,
                                              RecordKind::Surveys, RecordKind::Campaigns};
    return kAll;
}

const char *toString(RecordKind kind) {
    for (const auto &[k, name] : kKindNames)
        if (k == kind) return name;
    return "";
}

std::optional<RecordKind> recordKindFromString(std::string_view text) {
    for (const auto &[k, name] : kKindNames)
        if (text == name) return k;
    if (text == "order_lines" || text == "lines") return RecordKind::OrderLines;
    if (text == "survey-responses" || text == "survey_responses") return RecordKind::Surveys;
    return std::nullopt;
}

const std::vector<FieldDef> &fieldsFor(RecordKind kind) {
    switch (kind) {
    case RecordKind::Customers: return kCustomerFields;
    case RecordKind::Orders: return kOrderFields;
    case RecordKind::OrderLines: return kOrderLineFields;
    case RecordKind::Opportunities: return kOpportunityFields;
    case RecordKind::Interactions: return kInteractionFields;
    case RecordKind::Surveys: return kSurveyFields;
    case RecordKind::Campaigns: return kCampaignFields;
    }
    return kCustomerFields;
}

const FieldDef *findField(RecordKind kind, std::string_view name) {
    for (const auto &f : fieldsFor(kind))
        if (name == f.name) return &f;
    return nullptr;
}

bool targetNames(std::string_view target, std::string_view field) {
    // A target may list alternatives ("sales_rep|owner") until the record kind is known.
    while (!target.empty()) {
        const auto bar = target.find('|');
        if (target.substr(0, bar) == field) return true;
        if (bar == std::string_view::npos) break;
        target.remove_prefix(bar + 1);
    }
    return false;
}

int FieldMapping::columnOf(std::string_view field) const {
    for (std::size_t i = 0; i < targets.size(); ++i)
        if (targetNames(targets[i], field)) return static_cast<int>(i);
    return -1;
}

std::vector<std::string> FieldMapping::missingRequired(RecordKind kind) const {
    std::vector<std::string> missing;
    for (const auto &f : fieldsFor(kind))
        if (f.required && !has(f.name)) missing.emplace_back(f.name);
    return missing;
}

std::string headerKey(std::string_view header) {
    std::string out;
    bool pendingSep = false;
    for (unsigned char c : header) {
        const bool alnum = std::isalnum(c) || c >= 0x80; // keep UTF-8 letters (ą, ł, ...) as they are
        if (!alnum) {
            pendingSep = !out.empty();
            continue;
        }
        if (pendingSep) out += '_';
        pendingSep = false;
        out += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    }
    return out;
}

} // namespace segdash::import
