#include "import/row_converter.h"

#include <cctype>
#include <cmath>
#include <utility>

#include "import/country.h"
#include "import/value_parse.h"

namespace segdash::import {

RowConverter::RowConverter(const ImportPlan &plan, const std::string &defaultCurrency,
                           const std::string &cancellationPrefix, CleaningCounts &counts)
    : m_plan(plan), m_defaultCurrency(defaultCurrency), m_cancellationPrefix(cancellationPrefix), m_counts(counts) {
    for (const auto &c : plan.detection.columns) {
        m_headers.push_back(c.header);
        m_numberFormats.push_back(c.number.value);
        m_dateFormats.push_back(c.date.value);
    }
    resolveColumns();
}

void RowConverter::resolveColumns() {
    static const std::pair<const char *, int Columns::*> kFields[] = {
        {"customer_id", &Columns::customerId}, {"name", &Columns::name}, {"first_name", &Columns::firstName},
        {"last_name", &Columns::lastName}, {"email", &Columns::email}, {"phone", &Columns::phone},
        {"company", &Columns::company}, {"industry", &Columns::industry}, {"company_size", &Columns::companySize},
        {"country", &Columns::country}, {"region", &Columns::region}, {"city", &Columns::city},
        {"birth_year", &Columns::birthYear}, {"age_band", &Columns::ageBand}, {"channel", &Columns::channel},
        {"acquired_on", &Columns::acquiredOn}, {"acquisition_cost", &Columns::acquisitionCost},
        {"sales_rep", &Columns::salesRep}, {"lifecycle_stage", &Columns::lifecycleStage},
        {"order_id", &Columns::orderId}, {"order_date", &Columns::orderDate}, {"revenue", &Columns::revenue},
        {"cost", &Columns::cost}, {"currency", &Columns::currency}, {"kind", &Columns::kind},
        {"product_code", &Columns::productCode}, {"product_name", &Columns::productName},
        {"category", &Columns::category}, {"quantity", &Columns::quantity}, {"unit_price", &Columns::unitPrice},
        {"unit_cost", &Columns::unitCost}, {"opportunity_id", &Columns::opportunityId}, {"stage", &Columns::stage},
        {"amount", &Columns::amount}, {"probability", &Columns::probability}, {"created_on", &Columns::createdOn},
        {"closed_on", &Columns::closedOn}, {"status", &Columns::status}, {"owner", &Columns::owner},
        {"timestamp", &Columns::timestamp}, {"campaign_id", &Columns::campaignId}, {"detail", &Columns::detail},
        {"answered_on", &Columns::answeredOn}, {"nps", &Columns::nps}, {"csat", &Columns::csat},
        {"comment", &Columns::comment}, {"starts_on", &Columns::startsOn}, {"ends_on", &Columns::endsOn},
        {"target", &Columns::target}};
    for (const auto &[name, member] : kFields) m_c.*member = m_plan.mapping.columnOf(name);
    m_mapped.assign(m_plan.mapping.targets.size(), false);
    for (std::size_t i = 0; i < m_plan.mapping.targets.size(); ++i) m_mapped[i] = !m_plan.mapping.targets[i].empty();
    m_linesCarryOrders = m_c.orderDate >= 0 && (m_c.customerId >= 0 || m_c.email >= 0);
}

RowError RowConverter::error(int c, std::string reason) const {
    if (c >= 0 && static_cast<std::size_t>(c) < m_headers.size()) reason = m_headers[c] + ": " + reason;
    return RowError{c + 1, std::move(reason)};
}

std::string_view RowConverter::raw(const CsvRecord &r, int c) const {
    if (c < 0 || static_cast<std::size_t>(c) >= r.fields.size()) return {};
    return r.fields[static_cast<std::size_t>(c)];
}

std::string RowConverter::text(const CsvRecord &r, int c) {
    std::string out;
    if (normaliseWhitespace(raw(r, c), out)) ++m_counts[kRuleWhitespace];
    return out;
}

std::string RowConverter::id(const CsvRecord &r, int c) {
    std::string out = text(r, c);
    if (normaliseNumericId(out)) ++m_counts[kRuleNumericId];
    return out;
}

std::optional<RowError> RowConverter::money(const CsvRecord &r, int c, bool required,
                                            std::optional<core::Money> &out, std::string *currency) {
    out.reset();
    normaliseWhitespace(raw(r, c), m_scratch);
    if (m_scratch.empty()) return required && c >= 0 ? std::optional(error(c, "a value is required")) : std::nullopt;
    const auto parsed = parseAmount(m_scratch, m_numberFormats[static_cast<std::size_t>(c)]);
    if (!parsed) return error(c, "'" + m_scratch + "' is not an amount");
    out = parsed->value;
    if (currency && !parsed->currency.empty()) {
        *currency = parsed->currency;
        ++m_counts[kRuleCurrency];
    }
    return std::nullopt;
}

std::optional<RowError> RowConverter::number(const CsvRecord &r, int c, bool required, std::optional<double> &out) {
    out.reset();
    normaliseWhitespace(raw(r, c), m_scratch);
    if (m_scratch.empty()) return required && c >= 0 ? std::optional(error(c, "a value is required")) : std::nullopt;
    out = parseNumber(m_scratch, m_numberFormats[static_cast<std::size_t>(c)]);
    if (!out) return error(c, "'" + m_scratch + "' is not a number");
    return std::nullopt;
}

std::optional<RowError> RowConverter::timestamp(const CsvRecord &r, int c, bool required,
                                                std::optional<core::Timestamp> &out) {
    out.reset();
    normaliseWhitespace(raw(r, c), m_scratch);
    if (m_scratch.empty()) return required && c >= 0 ? std::optional(error(c, "a date is required")) : std::nullopt;
    // Shopify and others append a zone ("2023-01-15 10:32:11 +0100"): times are kept as written.
    const auto sp = m_scratch.rfind(' ');
    if (sp != std::string::npos && sp >= 10 && (m_scratch.size() - sp == 6 || m_scratch.size() - sp == 7) &&
        (m_scratch[sp + 1] == '+' || m_scratch[sp + 1] == '-')) {
        m_scratch.resize(sp);
        ++m_counts[kRuleTimeZone];
    }
    out = parseDateTime(m_scratch, m_dateFormats[static_cast<std::size_t>(c)]);
    if (!out) {
        const std::string order = toString(m_dateFormats[static_cast<std::size_t>(c)].order);
        return error(c, "'" + m_scratch + "' is not a date (expected " + order + ")");
    }
    return std::nullopt;
}

std::optional<RowError> RowConverter::date(const CsvRecord &r, int c, bool required, std::optional<core::Date> &out) {
    std::optional<core::Timestamp> t;
    if (auto e = timestamp(r, c, required, t)) return e;
    out = t ? std::optional(t->date()) : std::nullopt;
    return std::nullopt;
}

std::string RowConverter::country(const CsvRecord &r, int c, core::Customer *customerForRaw) {
    const std::string value = text(r, c);
    if (value.empty()) return {};
    auto cached = m_countryCache.find(value);
    if (cached == m_countryCache.end())
        cached = m_countryCache.emplace(value, countryCode(value).value_or(std::string())).first;
    const std::optional<std::string> code =
        cached->second.empty() ? std::nullopt : std::optional<std::string>(cached->second);
    if (!code) {
        ++m_counts[kRuleCountryUnknown];
        if (customerForRaw) customerForRaw->custom["country_raw"] = value;
        return {};
    }
    if (*code != value) ++m_counts[kRuleCountry];
    return *code;
}

std::string RowConverter::currency(const CsvRecord &r, int c) {
    const std::string value = text(r, c);
    if (value.empty()) return m_defaultCurrency;
    std::string code = currencyCode(value);
    if (code.empty()) return value;
    if (code != value) ++m_counts[kRuleCurrency];
    return code;
}

} // namespace segdash::import
