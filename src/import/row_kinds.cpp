// RowConverter: one function per record kind.
#include <cmath>

#include "import/row_converter.h"

namespace segdash::import {
namespace {

std::string lowerAscii(std::string s) {
    for (char &c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::optional<core::OrderKind> orderKindOf(const std::string &v) {
    static const char *const kSale[] = {"", "sale", "sprzedaż", "sprzedaz", "completed", "processing", "paid", "order"};
    static const char *const kReturn[] = {"return", "zwrot", "refunded", "refund", "returned"};
    static const char *const kCancel[] = {"cancellation", "cancelled", "canceled", "anulowanie", "anulowane", "void"};
    for (const char *n : kSale) if (v == n) return core::OrderKind::Sale;
    for (const char *n : kReturn) if (v == n) return core::OrderKind::Return;
    for (const char *n : kCancel) if (v == n) return core::OrderKind::Cancellation;
    return std::nullopt;
}

std::optional<core::InteractionKind> interactionKindOf(const std::string &v) {
    using K = core::InteractionKind;
    if (auto k = core::interactionKindFromString(v)) return k;
    static const std::pair<const char *, K> kSynonyms[] = {
        {"email sent", K::EmailSent}, {"sent", K::EmailSent}, {"email open", K::EmailOpen}, {"open", K::EmailOpen},
        {"opened", K::EmailOpen}, {"email click", K::EmailClick}, {"click", K::EmailClick},
        {"clicked", K::EmailClick}, {"web visit", K::WebVisit}, {"visit", K::WebVisit}, {"page view", K::WebVisit},
        {"social media", K::Social}, {"phone call", K::Call}, {"meeting held", K::Meeting},
        // Polish exports
        {"wysłany e-mail", K::EmailSent}, {"otwarcie e-maila", K::EmailOpen}, {"kliknięcie", K::EmailClick},
        {"wizyta na stronie", K::WebVisit}, {"media społecznościowe", K::Social}, {"telefon", K::Call},
        {"spotkanie", K::Meeting}};
    for (const auto &[name, kind] : kSynonyms)
        if (v == name) return kind;
    return std::nullopt;
}

std::optional<bool> wonOf(const std::string &status, const std::string &stage) {
    static const char *const kWonStatus[] = {"won", "closed won", "true", "1", "yes", "wygrana", "wygrane"};
    static const char *const kLostStatus[] = {"lost", "closed lost", "false", "0", "no", "przegrana", "przegrane"};
    for (const char *n : kWonStatus) if (status == n) return true;
    for (const char *n : kLostStatus) if (status == n) return false;
    if (stage == "closed won" || stage == "won") return true;   // stage alone also tells
    if (stage == "closed lost" || stage == "lost") return false;
    return std::nullopt;
}

} // namespace

void RowConverter::readCustomFields(const CsvRecord &r, core::Customer &out) {
    for (std::size_t i = 0; i < r.fields.size() && i < m_headers.size(); ++i) {
        if (i < m_mapped.size() && m_mapped[i]) continue;
        std::string v = text(r, static_cast<int>(i));
        if (!v.empty()) out.custom[m_headers[i]] = std::move(v);
    }
}

std::optional<RowError> RowConverter::customer(const CsvRecord &r, core::Customer &out) {
    out = core::Customer{};
    out.externalId = id(r, m_c.customerId);
    out.name = text(r, m_c.name);
    if (out.name.empty() && (m_c.firstName >= 0 || m_c.lastName >= 0)) {
        const std::string first = text(r, m_c.firstName), last = text(r, m_c.lastName);
        out.name = first.empty() ? last : last.empty() ? first : first + " " + last;
    }
    const std::string rawEmail = text(r, m_c.email);
    out.email = normaliseEmail(rawEmail);
    if (!out.email.empty() && out.email != rawEmail) ++m_counts[kRuleEmail];
    if (!rawEmail.empty() && out.email.empty()) return error(m_c.email, "'" + rawEmail + "' is not an e-mail address");
    out.phone = text(r, m_c.phone);
    out.company = text(r, m_c.company);
    out.industry = text(r, m_c.industry);
    out.companySize = text(r, m_c.companySize);
    out.country = country(r, m_c.country, &out);
    out.region = text(r, m_c.region);
    out.city = text(r, m_c.city);
    out.ageBand = text(r, m_c.ageBand);
    out.channel = text(r, m_c.channel);
    out.salesRep = text(r, m_c.salesRep);
    out.lifecycleStage = text(r, m_c.lifecycleStage);
    std::optional<double> year;
    if (auto e = number(r, m_c.birthYear, false, year)) return e;
    if (year) {
        if (*year < 1900 || *year > 2100 || std::floor(*year) != *year) return error(m_c.birthYear, "not a birth year");
        out.birthYear = static_cast<int>(*year);
    }
    if (auto e = date(r, m_c.acquiredOn, false, out.acquiredOn)) return e;
    if (auto e = money(r, m_c.acquisitionCost, false, out.acquisitionCost)) return e;
    if (out.externalId.empty() && out.email.empty() && out.name.empty() && out.company.empty())
        return RowError{0, "the row names no customer (no id, e-mail, name or company)"};
    readCustomFields(r, out);
    return std::nullopt;
}

void RowConverter::readCustomerRef(const CsvRecord &r, CustomerRef &ref) {
    ref.externalId = id(r, m_c.customerId);
    ref.email = normaliseEmail(text(r, m_c.email));
    ref.attributesRead = false;
}

void RowConverter::customerAttributes(const CsvRecord &r, CustomerRef &ref) {
    ref.attributes = core::Customer{};
    ref.attributes.name = text(r, m_c.name);
    if (ref.attributes.name.empty() && (m_c.firstName >= 0 || m_c.lastName >= 0)) {
        const std::string first = text(r, m_c.firstName), last = text(r, m_c.lastName);
        ref.attributes.name = first.empty() ? last : last.empty() ? first : first + " " + last;
    }
    ref.attributes.company = text(r, m_c.company);
    ref.attributes.city = text(r, m_c.city);
    ref.attributes.country = country(r, m_c.country, &ref.attributes);
    ref.attributes.email = ref.email;
    ref.attributes.externalId = ref.externalId;
    ref.attributesRead = true;
}

std::optional<RowError> RowConverter::order(const CsvRecord &r, core::Order &out, CustomerRef &ref) {
    out = core::Order{};
    out.externalId = id(r, m_c.orderId);
    if (out.externalId.empty()) return error(m_c.orderId, "an order id is required");
    readCustomerRef(r, ref);
    std::optional<core::Timestamp> when;
    if (auto e = timestamp(r, m_c.orderDate, true, when)) return e;
    out.placedAt = *when;
    std::optional<core::Money> revenue, cost;
    std::string currencyFromValue;
    if (auto e = money(r, m_c.revenue, true, revenue, &currencyFromValue)) return e;
    if (auto e = money(r, m_c.cost, false, cost)) return e;
    out.revenue = *revenue;
    out.cost = cost;
    out.currency = currencyFromValue.empty() ? currency(r, m_c.currency) : currencyFromValue;
    out.channel = text(r, m_c.channel);
    const std::string kindText = lowerAscii(text(r, m_c.kind));
    const auto kind = orderKindOf(kindText);
    if (!kind) return error(m_c.kind, "'" + kindText + "' is not a sale, return or cancellation");
    out.kind = *kind;
    if (!m_cancellationPrefix.empty() && out.externalId.rfind(m_cancellationPrefix, 0) == 0)
        out.kind = core::OrderKind::Cancellation;
    if (out.kind == core::OrderKind::Sale && out.revenue.units() < 0) {
        out.kind = core::OrderKind::Return;
        ++m_counts[kRuleNegativeAsReturn];
    }
    if (out.kind != core::OrderKind::Sale && out.revenue.units() > 0) out.revenue = -out.revenue; // kept negative
    if (out.kind != core::OrderKind::Sale && out.cost && out.cost->units() > 0) out.cost = -*out.cost;
    return std::nullopt;
}

std::optional<RowError> RowConverter::orderLine(const CsvRecord &r, core::OrderLine &out, core::Order &order,
                                                CustomerRef &ref) {
    out = core::OrderLine{};
    out.orderExternalId = id(r, m_c.orderId);
    if (out.orderExternalId.empty()) return error(m_c.orderId, "an order id is required");
    out.productCode = text(r, m_c.productCode);
    out.productName = text(r, m_c.productName);
    out.category = text(r, m_c.category);
    std::optional<double> qty;
    if (auto e = number(r, m_c.quantity, true, qty)) return e;
    out.quantity = *qty;
    std::optional<core::Money> price, unitCost;
    std::string currencyFromValue;
    if (auto e = money(r, m_c.unitPrice, true, price, &currencyFromValue)) return e;
    if (auto e = money(r, m_c.unitCost, false, unitCost)) return e;
    out.unitPrice = *price;
    out.unitCost = unitCost;
    if (!m_linesCarryOrders) return std::nullopt;
    order = core::Order{};
    order.externalId = out.orderExternalId;
    readCustomerRef(r, ref);
    std::optional<core::Timestamp> when;
    if (auto e = timestamp(r, m_c.orderDate, true, when)) return e;
    order.placedAt = *when;
    order.currency = currencyFromValue.empty() ? currency(r, m_c.currency) : currencyFromValue;
    order.channel = text(r, m_c.channel);
    return std::nullopt;
}

std::optional<RowError> RowConverter::opportunity(const CsvRecord &r, core::Opportunity &out) {
    out = core::Opportunity{};
    out.externalId = id(r, m_c.opportunityId);
    if (out.externalId.empty()) return error(m_c.opportunityId, "an opportunity id is required");
    out.customerExternalId = id(r, m_c.customerId);
    out.name = text(r, m_c.name);
    out.stage = text(r, m_c.stage);
    out.owner = text(r, m_c.owner);
    std::optional<core::Money> amount;
    if (auto e = money(r, m_c.amount, false, amount)) return e;
    out.amount = amount.value_or(core::Money{});
    std::optional<double> p;
    normaliseWhitespace(raw(r, m_c.probability), m_scratch);
    if (!m_scratch.empty() && m_scratch.back() == '%') m_scratch.pop_back();
    if (!m_scratch.empty()) {
        p = parseNumber(m_scratch, m_numberFormats[static_cast<std::size_t>(m_c.probability)]);
        if (!p || *p < 0 || *p > 100) return error(m_c.probability, "'" + m_scratch + "' is not a probability");
        out.probability = *p > 1 ? *p / 100 : *p;
    }
    if (auto e = date(r, m_c.createdOn, false, out.createdOn)) return e;
    if (auto e = date(r, m_c.closedOn, false, out.closedOn)) return e;
    out.won = wonOf(lowerAscii(text(r, m_c.status)), lowerAscii(out.stage));
    return std::nullopt;
}

std::optional<RowError> RowConverter::interaction(const CsvRecord &r, core::Interaction &out) {
    out = core::Interaction{};
    out.customerExternalId = id(r, m_c.customerId);
    if (out.customerExternalId.empty()) return error(m_c.customerId, "a customer id is required");
    const std::string kindText = lowerAscii(text(r, m_c.kind));
    const auto kind = interactionKindOf(kindText);
    if (!kind) return error(m_c.kind, "'" + kindText + "' is not an interaction kind");
    out.kind = *kind;
    std::optional<core::Timestamp> at;
    if (auto e = timestamp(r, m_c.timestamp, true, at)) return e;
    out.at = *at;
    out.campaignExternalId = id(r, m_c.campaignId);
    out.detail = text(r, m_c.detail);
    return std::nullopt;
}

std::optional<RowError> RowConverter::survey(const CsvRecord &r, core::SurveyResponse &out) {
    out = core::SurveyResponse{};
    out.customerExternalId = id(r, m_c.customerId);
    if (out.customerExternalId.empty()) return error(m_c.customerId, "a customer id is required");
    std::optional<core::Date> on;
    if (auto e = date(r, m_c.answeredOn, true, on)) return e;
    out.answeredOn = *on;
    std::optional<double> nps, csat;
    if (auto e = number(r, m_c.nps, false, nps)) return e;
    if (auto e = number(r, m_c.csat, false, csat)) return e;
    if (nps && (*nps < 0 || *nps > 10 || std::floor(*nps) != *nps)) return error(m_c.nps, "NPS must be 0 to 10");
    if (csat && (*csat < 1 || *csat > 5 || std::floor(*csat) != *csat)) return error(m_c.csat, "CSAT must be 1 to 5");
    if (!nps && !csat) return RowError{0, "the row has neither an NPS nor a CSAT answer"};
    if (nps) out.nps = static_cast<int>(*nps);
    if (csat) out.csat = static_cast<int>(*csat);
    out.comment = text(r, m_c.comment);
    return std::nullopt;
}

std::optional<RowError> RowConverter::campaign(const CsvRecord &r, core::Campaign &out) {
    out = core::Campaign{};
    out.externalId = id(r, m_c.campaignId);
    if (out.externalId.empty()) return error(m_c.campaignId, "a campaign id is required");
    out.name = text(r, m_c.name);
    out.channel = text(r, m_c.channel);
    out.target = text(r, m_c.target);
    std::optional<core::Money> cost;
    if (auto e = money(r, m_c.cost, false, cost)) return e;
    out.cost = cost.value_or(core::Money{});
    if (auto e = date(r, m_c.startsOn, false, out.startsOn)) return e;
    if (auto e = date(r, m_c.endsOn, false, out.endsOn)) return e;
    return std::nullopt;
}

} // namespace segdash::import
