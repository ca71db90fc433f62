#include "segment/metrics_headline.h"

#include <algorithm>
#include <functional>

namespace segdash::segment {
namespace {

FlowChange changeOf(std::int64_t current, std::int64_t previous) {
    return {current - previous, ratio(static_cast<double>(current - previous) * 100.0, static_cast<double>(previous))};
}

// Net revenue per buyer (customers with a selected order), and the total.
std::vector<std::int64_t> buyerRevenues(const Dataset &data, const Selection &sel, std::int64_t &total) {
    std::vector<std::int64_t> out;
    total = 0;
    for (std::size_t c = 0; c < sel.customer.size(); ++c) {
        if (!sel.customer[c]) continue;
        std::int64_t sum = 0;
        bool any = false;
        for (auto j = data.customers.orderBegin[c]; j < data.customers.orderBegin[c + 1]; ++j)
            if (sel.order[static_cast<std::size_t>(j)]) {
                any = true;
                sum += data.orders.revenue[static_cast<std::size_t>(j)];
            }
        if (any) out.push_back(sum);
        total += sum;
    }
    return out;
}

// The first day with an order passing every criterion but the date range.
std::optional<std::int32_t> firstOrderDay(const Dataset &data, const Selection &sel) {
    std::optional<std::int32_t> first;
    for (std::size_t i = 0; i < data.orders.size(); ++i)
        if (sel.orderAnyDate[i] && (!first || data.orders.day[i] < *first)) first = data.orders.day[i];
    return first;
}

} // namespace

CustomerFlow customerFlow(const Dataset &data, const Selection &sel, core::Date from, core::Date to) {
    CustomerFlow f{from, to, 0, 0, 0};
    const std::int32_t length = to.days - from.days + 1;
    const std::int32_t before = from.days - length;
    const auto &o = data.orders;
    for (std::size_t c = 0; c < sel.customer.size(); ++c) {
        if (!sel.customer[c]) continue;
        std::int32_t first = kNoDate;
        bool inRange = false, inBefore = false;
        for (auto j = data.customers.orderBegin[c]; j < data.customers.orderBegin[c + 1]; ++j) {
            const auto i = static_cast<std::size_t>(j);
            if (!sel.orderAnyDate[i] || o.kind[i] != kSale) continue;
            if (first == kNoDate) first = o.day[i]; // sorted by day
            inRange = inRange || (o.day[i] >= from.days && o.day[i] <= to.days);
            inBefore = inBefore || (o.day[i] >= before && o.day[i] < from.days);
        }
        if (first == kNoDate) continue;
        if (first >= from.days && first <= to.days) ++f.newCustomers;
        else if (first < from.days && inRange) ++f.returning;
        if (inBefore && !inRange) ++f.lost;
    }
    return f;
}

HeadlineKpis headlineKpis(const Dataset &data, const Selection &sel, const MetricsOptions &options) {
    HeadlineKpis k;
    std::int64_t total = 0;
    auto revenues = buyerRevenues(data, sel, total);
    std::sort(revenues.begin(), revenues.end(), std::greater<>());
    const std::size_t top = (revenues.size() * 20 + 99) / 100;
    std::int64_t topSum = 0;
    for (std::size_t i = 0; i < top; ++i) topSum += revenues[i];
    k.top20RevenueShare = ratio(static_cast<double>(topSum), static_cast<double>(total));
    k.averageLifetimeValue = ratio(units(total), static_cast<double>(sel.customers));
    k.revenuePerCustomer = ratio(units(total), static_cast<double>(revenues.size()));

    const auto first = firstOrderDay(data, sel);
    const core::Date from = sel.from ? *sel.from : core::Date{first ? *first : options.asOf.days - 1};
    const core::Date to = sel.to ? *sel.to : options.asOf.addDays(-1);
    if (to < from) return k;
    const std::int32_t length = to.days - from.days + 1;
    k.current = customerFlow(data, sel, from, to);
    k.previous = customerFlow(data, sel, from.addDays(-length), from.addDays(-1));
    k.newCustomersPerDay = static_cast<double>(k.current.newCustomers) / length;
    k.newChange = changeOf(k.current.newCustomers, k.previous.newCustomers);
    k.returningChange = changeOf(k.current.returning, k.previous.returning);
    k.lostChange = changeOf(k.current.lost, k.previous.lost);
    return k;
}

} // namespace segdash::segment
