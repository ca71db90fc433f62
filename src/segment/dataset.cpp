#include "segment/dataset.h"

#include <algorithm>
#include <numeric>

namespace segdash::segment {
namespace {

template <typename T>
std::size_t capacityBytes(const std::vector<T> &v) { return v.capacity() * sizeof(T); }

template <typename T>
void permute(std::vector<T> &v, const std::vector<std::int32_t> &order) {
    std::vector<T> out(v.size());
    for (std::size_t i = 0; i < order.size(); ++i) out[i] = v[static_cast<std::size_t>(order[i])];
    v.swap(out);
}

std::int32_t toDays(const std::optional<core::Date> &d) { return d ? d->days : kNoDate; }

} // namespace

std::int32_t StringPool::intern(std::string_view text) {
    const auto it = m_codes.find(text);
    if (it != m_codes.end()) return it->second;
    const auto code = static_cast<std::int32_t>(m_texts.size());
    m_texts.emplace_back(text);
    m_codes.emplace(m_texts.back(), code);
    return code;
}

std::optional<std::int32_t> StringPool::find(std::string_view text) const {
    const auto it = m_codes.find(text);
    if (it == m_codes.end()) return std::nullopt;
    return it->second;
}

std::int32_t Dataset::addCustomer(const core::Customer &c) {
    auto &t = customers;
    if (!t.id.empty() && c.id <= t.id.back()) m_idsAscending = false;
    t.id.push_back(c.id);
    t.country.push_back(strings.intern(c.country));
    t.industry.push_back(strings.intern(c.industry));
    t.channel.push_back(strings.intern(c.channel));
    t.salesRep.push_back(strings.intern(c.salesRep));
    t.companySize.push_back(strings.intern(c.companySize));
    t.ageBand.push_back(strings.intern(c.ageBand));
    t.acquiredOn.push_back(toDays(c.acquiredOn));
    t.acquisitionCost.push_back(c.acquisitionCost ? c.acquisitionCost->units() : kNoMoney);
    m_finalized = false;
    return static_cast<std::int32_t>(t.id.size() - 1);
}

std::int32_t Dataset::addOrder(std::int32_t customer, core::Date day, core::Money revenue,
                               std::optional<core::Money> cost, core::OrderKind kind) {
    auto &t = orders;
    t.customer.push_back(customer);
    t.day.push_back(day.days);
    t.revenue.push_back(revenue.units());
    t.cost.push_back(cost ? cost->units() : kNoMoney);
    t.kind.push_back(kind == core::OrderKind::Sale ? kSale : kind == core::OrderKind::Return ? kReturn : kCancellation);
    m_finalized = false;
    return static_cast<std::int32_t>(t.day.size() - 1);
}

std::int32_t Dataset::addLine(std::int32_t order, std::string_view category, std::string_view product,
                              double quantity, core::Money unitPrice) {
    lines.order.push_back(order);
    lines.category.push_back(strings.intern(category));
    lines.product.push_back(strings.intern(product));
    lines.quantity.push_back(static_cast<float>(quantity));
    lines.value.push_back(unitPrice.scaled(quantity).units());
    return static_cast<std::int32_t>(lines.order.size() - 1);
}

std::int32_t Dataset::addOpportunity(std::int32_t customer, core::Money amount, std::optional<bool> won,
                                     std::optional<core::Date> createdOn, std::optional<core::Date> closedOn) {
    auto &t = opportunities;
    t.customer.push_back(customer);
    t.amount.push_back(amount.units());
    t.status.push_back(!won ? kOpen : *won ? kWon : kLost);
    t.createdOn.push_back(toDays(createdOn));
    t.closedOn.push_back(toDays(closedOn));
    return static_cast<std::int32_t>(t.amount.size() - 1);
}

std::int32_t Dataset::addInteraction(std::int32_t customer, core::InteractionKind kind, core::Date day,
                                     std::string_view campaign) {
    auto &t = interactions;
    t.customer.push_back(customer);
    t.kind.push_back(static_cast<std::uint8_t>(kind));
    t.day.push_back(day.days);
    t.campaign.push_back(strings.intern(campaign));
    return static_cast<std::int32_t>(t.day.size() - 1);
}

std::int32_t Dataset::addSurvey(std::int32_t customer, core::Date day, std::optional<int> nps,
                                std::optional<int> csat) {
    auto &t = surveys;
    t.customer.push_back(customer);
    t.day.push_back(day.days);
    t.nps.push_back(static_cast<std::int8_t>(nps ? *nps : -1));
    t.csat.push_back(static_cast<std::int8_t>(csat ? *csat : -1));
    return static_cast<std::int32_t>(t.day.size() - 1);
}

std::int32_t Dataset::addCampaign(std::string_view externalId, std::string_view channel, core::Money cost,
                                  std::optional<core::Date> startsOn, std::optional<core::Date> endsOn) {
    auto &t = campaigns;
    t.code.push_back(strings.intern(externalId));
    t.channel.push_back(strings.intern(channel));
    t.cost.push_back(cost.units());
    t.startsOn.push_back(toDays(startsOn));
    t.endsOn.push_back(toDays(endsOn));
    return static_cast<std::int32_t>(t.cost.size() - 1);
}

// A stable sort keeps equal (customer, day) orders in insertion (store id) order.
void Dataset::finalize() {
    auto &o = orders;
    std::vector<std::int32_t> order(o.size());
    std::iota(order.begin(), order.end(), 0);
    const auto key = [&o](std::int32_t i) {
        const auto c = o.customer[static_cast<std::size_t>(i)];
        const auto u = static_cast<std::size_t>(i);
        return std::pair<std::uint32_t, std::int32_t>(static_cast<std::uint32_t>(c), o.day[u]); // -1 sorts last
    };
    std::stable_sort(order.begin(), order.end(), [&](std::int32_t a, std::int32_t b) { return key(a) < key(b); });
    permute(o.customer, order);
    permute(o.day, order);
    permute(o.revenue, order);
    permute(o.cost, order);
    permute(o.kind, order);
    std::vector<std::int32_t> newIndex(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) newIndex[static_cast<std::size_t>(order[i])] = static_cast<std::int32_t>(i);
    for (auto &l : lines.order) l = newIndex[static_cast<std::size_t>(l)];
    sortLines();
    auto &begin = customers.orderBegin;
    begin.assign(customers.size() + 1, 0);
    for (const auto c : o.customer)
        if (c != kNoIndex) ++begin[static_cast<std::size_t>(c) + 1];
    for (std::size_t c = 1; c < begin.size(); ++c) begin[c] += begin[c - 1];
    m_finalized = true;
}

// Lines in order-index order, so one pass over lines visits customers one at a time.
void Dataset::sortLines() {
    auto &l = lines;
    if (std::is_sorted(l.order.begin(), l.order.end())) return;
    std::vector<std::int32_t> order(l.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&l](std::int32_t a, std::int32_t b) {
        return l.order[static_cast<std::size_t>(a)] < l.order[static_cast<std::size_t>(b)];
    });
    permute(l.order, order);
    permute(l.category, order);
    permute(l.product, order);
    permute(l.quantity, order);
    permute(l.value, order);
}

std::int32_t Dataset::customerIndex(core::Id id) const {
    const auto &ids = customers.id;
    if (m_idsAscending) {
        const auto it = std::lower_bound(ids.begin(), ids.end(), id);
        return it != ids.end() && *it == id ? static_cast<std::int32_t>(it - ids.begin()) : kNoIndex;
    }
    const auto it = std::find(ids.begin(), ids.end(), id);
    return it != ids.end() ? static_cast<std::int32_t>(it - ids.begin()) : kNoIndex;
}

std::size_t Dataset::bytes() const {
    std::size_t n = 0;
    for (std::size_t i = 0; i < strings.size(); ++i) n += strings.text(static_cast<std::int32_t>(i)).capacity() + 64;
    const auto &c = customers;
    n += capacityBytes(c.id) + capacityBytes(c.country) + capacityBytes(c.industry) + capacityBytes(c.channel) +
         capacityBytes(c.salesRep) + capacityBytes(c.companySize) + capacityBytes(c.ageBand) +
         capacityBytes(c.acquiredOn) + capacityBytes(c.acquisitionCost) + capacityBytes(c.orderBegin);
    n += capacityBytes(orders.customer) + capacityBytes(orders.day) + capacityBytes(orders.revenue) +
         capacityBytes(orders.cost) + capacityBytes(orders.kind);
    n += capacityBytes(lines.order) + capacityBytes(lines.category) + capacityBytes(lines.product) +
         capacityBytes(lines.quantity) + capacityBytes(lines.value);
    const auto &p = opportunities;
    n += capacityBytes(p.customer) + capacityBytes(p.createdOn) + capacityBytes(p.closedOn) + capacityBytes(p.amount) +
         capacityBytes(p.status);
    n += capacityBytes(interactions.customer) + capacityBytes(interactions.day) +
         capacityBytes(interactions.campaign) + capacityBytes(interactions.kind);
    n += capacityBytes(surveys.customer) + capacityBytes(surveys.day) + capacityBytes(surveys.nps) +
         capacityBytes(surveys.csat);
    n += capacityBytes(campaigns.code) + capacityBytes(campaigns.channel) + capacityBytes(campaigns.startsOn) +
         capacityBytes(campaigns.endsOn) + capacityBytes(campaigns.cost);
    return n;
}

} // namespace segdash::segment
