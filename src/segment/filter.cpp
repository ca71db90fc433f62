#include "segment/filter.h"

#include <algorithm>
#include <numeric>

namespace segdash::segment {
namespace {

// The pool code a text filter asks for: nullopt = no filter, kNoIndex = a text nobody has.
std::optional<std::int32_t> wanted(const Dataset &data, const std::optional<std::string> &text) {
    if (!text) return std::nullopt;
    const auto code = data.strings.find(*text);
    return code ? *code : kNoIndex;
}

bool matches(const std::optional<std::int32_t> &want, std::int32_t code) { return !want || *want == code; }

// Orders holding at least one line of the wanted category/product (all orders when none).
std::vector<std::uint8_t> ordersWithItem(const Dataset &data, const Filter &f) {
    const auto category = wanted(data, f.category);
    const auto product = wanted(data, f.product);
    if (!category && !product) return std::vector<std::uint8_t>(data.orders.size(), 1);
    std::vector<std::uint8_t> out(data.orders.size(), 0);
    const auto &l = data.lines;
    for (std::size_t i = 0; i < l.size(); ++i)
        if (matches(category, l.category[i]) && matches(product, l.product[i]))
            out[static_cast<std::size_t>(l.order[i])] = 1;
    return out;
}

struct CustomerCriteria {
    std::optional<std::int32_t> country, industry, channel, salesRep;
};

bool customerPasses(const Dataset &data, const Filter &f, const CustomerCriteria &k, std::size_t c,
                    const std::vector<RevenueBand> &bands) {
    const auto &t = data.customers;
    if (!matches(k.country, t.country[c]) || !matches(k.industry, t.industry[c]) ||
        !matches(k.channel, t.channel[c]) || !matches(k.salesRep, t.salesRep[c]))
        return false;
    if (f.segment && (f.segmentLabels.size() != t.size() || f.segmentLabels[c] != *f.segment)) return false;
    if (f.band != RevenueBand::Any && bands[c] != f.band) return false;
    if (f.customerSinceFrom || f.customerSinceTo) {
        const auto since = acquisitionDay(data, c);
        if (since == kNoDate || (f.customerSinceFrom && since < f.customerSinceFrom->days) ||
            (f.customerSinceTo && since > f.customerSinceTo->days))
            return false;
    }
    return true;
}

} // namespace

std::int32_t acquisitionDay(const Dataset &data, std::size_t customer) {
    if (data.customers.acquiredOn[customer] != kNoDate) return data.customers.acquiredOn[customer];
    const auto &o = data.orders;
    for (auto i = data.customers.orderBegin[customer]; i < data.customers.orderBegin[customer + 1]; ++i)
        if (o.kind[static_cast<std::size_t>(i)] == kSale) return o.day[static_cast<std::size_t>(i)];
    return kNoDate;
}

std::vector<RevenueBand> revenueBands(const Dataset &data, std::optional<core::Date> from,
                                      std::optional<core::Date> to) {
    const auto n = data.customers.size();
    std::vector<std::int64_t> revenue(n, 0);
    std::vector<std::int32_t> buyers;
    for (std::size_t c = 0; c < n; ++c) {
        bool any = false;
        for (auto i = data.customers.orderBegin[c]; i < data.customers.orderBegin[c + 1]; ++i) {
            const auto d = data.orders.day[static_cast<std::size_t>(i)];
            if ((from && d < from->days) || (to && d > to->days)) continue;
            revenue[c] += data.orders.revenue[static_cast<std::size_t>(i)];
            any = true;
        }
        if (any) buyers.push_back(static_cast<std::int32_t>(c));
    }
    std::stable_sort(buyers.begin(), buyers.end(), [&](std::int32_t a, std::int32_t b) {
        return revenue[static_cast<std::size_t>(a)] > revenue[static_cast<std::size_t>(b)];
    });
    std::vector<RevenueBand> bands(n, RevenueBand::Any);
    const std::size_t m = buyers.size();
    const std::size_t top = (m * 20 + 99) / 100; // ceil(20%)
    const std::size_t bottom = m * 20 / 100;     // floor(20%)
    for (std::size_t r = 0; r < m; ++r)
        bands[static_cast<std::size_t>(buyers[r])] =
            r < top ? RevenueBand::Top : r >= m - bottom ? RevenueBand::Bottom : RevenueBand::Middle;
    return bands;
}

Selection select(const Dataset &data, const Filter &f) {
    Selection s;
    s.from = f.from;
    s.to = f.to;
    const auto n = data.customers.size();
    s.customer.assign(n, 0);
    s.order.assign(data.orders.size(), 0);
    s.orderAnyDate.assign(data.orders.size(), 0);
    const CustomerCriteria k{wanted(data, f.country), wanted(data, f.industry), wanted(data, f.channel),
                             wanted(data, f.salesRep)};
    const auto bands = f.band != RevenueBand::Any ? revenueBands(data, f.from, f.to) : std::vector<RevenueBand>{};
    const auto withItem = ordersWithItem(data, f);
    const bool needsItem = f.category || f.product;
    for (std::size_t c = 0; c < n; ++c) {
        if (!customerPasses(data, f, k, c, bands)) continue;
        bool boughtItem = false;
        const auto b = static_cast<std::size_t>(data.customers.orderBegin[c]);
        const auto e = static_cast<std::size_t>(data.customers.orderBegin[c + 1]);
        for (auto i = b; i < e; ++i) {
            s.orderAnyDate[i] = withItem[i];
            s.order[i] = withItem[i] && s.inRange(data.orders.day[i]);
            boughtItem = boughtItem || (s.order[i] && data.orders.kind[i] == kSale);
        }
        if (needsItem && !boughtItem) {
            std::fill(s.order.begin() + static_cast<std::ptrdiff_t>(b), s.order.begin() + static_cast<std::ptrdiff_t>(e), 0);
            std::fill(s.orderAnyDate.begin() + static_cast<std::ptrdiff_t>(b),
                      s.orderAnyDate.begin() + static_cast<std::ptrdiff_t>(e), 0);
            continue;
        }
        s.customer[c] = 1;
        ++s.customers;
    }
    s.orders = std::accumulate(s.order.begin(), s.order.end(), std::int64_t{0});
    return s;
}

} // namespace segdash::segment
