#include "segment/metrics_products.h"

#include <algorithm>
#include <map>
#include <set>

namespace segdash::segment {
namespace {

// Calls fn(customer, categoryCode) once per adopted (customer, category); relies on
// lines sorted by order and orders grouped by customer (Dataset::finalize).
template <typename Fn>
void forEachAdoption(const Dataset &data, const Selection &sel, Fn fn) {
    const auto &l = data.lines;
    std::int32_t current = kNoIndex;
    std::set<std::int32_t> seen;
    for (std::size_t i = 0; i < l.size(); ++i) {
        const auto o = static_cast<std::size_t>(l.order[i]);
        if (!sel.order[o] || data.orders.kind[o] != kSale || l.quantity[i] <= 0) continue;
        const auto c = data.orders.customer[o];
        if (c != current) {
            current = c;
            seen.clear();
        }
        if (seen.insert(l.category[i]).second) fn(static_cast<std::size_t>(c), l.category[i]);
    }
}

std::vector<std::int64_t> buyersPerGroup(const Dataset &data, const Selection &sel, const std::vector<int> &groups,
                                         std::size_t k, std::int64_t &allBuyers) {
    std::vector<std::int64_t> out(k, 0);
    allBuyers = 0;
    for (std::size_t c = 0; c < groups.size(); ++c) {
        if (!sel.customer[c]) continue;
        bool bought = false;
        for (auto j = data.customers.orderBegin[c]; j < data.customers.orderBegin[c + 1] && !bought; ++j)
            bought = sel.order[static_cast<std::size_t>(j)] && data.orders.kind[static_cast<std::size_t>(j)] == kSale;
        if (!bought) continue;
        ++allBuyers;
        if (groups[c] >= 0) ++out[static_cast<std::size_t>(groups[c])];
    }
    return out;
}

} // namespace

std::vector<SegmentMix> productMix(const Dataset &data, const Selection &sel, const Segmentation &seg) {
    const auto groups = groupsOf(sel, seg);
    std::vector<std::map<std::int32_t, std::int64_t>> byGroup(seg.names.size());
    const auto &l = data.lines;
    for (std::size_t i = 0; i < l.size(); ++i) {
        const auto o = static_cast<std::size_t>(l.order[i]);
        if (!sel.order[o]) continue;
        const int g = groups[static_cast<std::size_t>(data.orders.customer[o])];
        if (g >= 0) byGroup[static_cast<std::size_t>(g)][l.category[i]] += l.value[i];
    }
    std::vector<SegmentMix> out;
    for (std::size_t g = 0; g < byGroup.size(); ++g) {
        SegmentMix mix;
        mix.segment = seg.names[g];
        std::int64_t total = 0;
        for (const auto &[code, value] : byGroup[g]) total += value;
        for (const auto &[code, value] : byGroup[g])
            mix.categories.push_back({data.strings.text(code), core::Money::fromUnits(value),
                                      ratio(static_cast<double>(value), static_cast<double>(total))});
        std::sort(mix.categories.begin(), mix.categories.end(), [](const CategoryShare &a, const CategoryShare &b) {
            return a.revenue != b.revenue ? a.revenue > b.revenue : a.category < b.category;
        });
        out.push_back(std::move(mix));
    }
    return out;
}

std::vector<CategoryAdoption> crossSellCategories(const Dataset &data, const Selection &sel, const Segmentation &seg,
                                                  int segment, double minShare) {
    const auto groups = groupsOf(sel, seg);
    std::int64_t allBuyers = 0;
    const auto buyers = buyersPerGroup(data, sel, groups, seg.names.size(), allBuyers);
    std::map<std::int32_t, std::pair<std::int64_t, std::int64_t>> adopters; // code -> (segment, all)
    forEachAdoption(data, sel, [&](std::size_t c, std::int32_t code) {
        auto &a = adopters[code];
        ++a.second;
        if (groups[c] == segment) ++a.first;
    });
    std::vector<CategoryAdoption> out;
    if (segment < 0 || static_cast<std::size_t>(segment) >= buyers.size() || buyers[static_cast<std::size_t>(segment)] == 0)
        return out;
    const auto segBuyers = static_cast<double>(buyers[static_cast<std::size_t>(segment)]);
    for (const auto &[code, a] : adopters) {
        CategoryAdoption row;
        row.category = data.strings.text(code);
        row.code = code;
        row.segmentShare = static_cast<double>(a.first) / segBuyers;
        row.overallShare = static_cast<double>(a.second) / static_cast<double>(allBuyers);
        row.lift = ratio(row.segmentShare, row.overallShare);
        if (row.segmentShare >= minShare) out.push_back(row);
    }
    std::sort(out.begin(), out.end(), [](const CategoryAdoption &a, const CategoryAdoption &b) {
        return a.segmentShare != b.segmentShare ? a.segmentShare > b.segmentShare : a.category < b.category;
    });
    return out;
}

std::vector<CategoryAdoption> crossSellFor(const Dataset &data, const Selection &sel,
                                           const std::vector<CategoryAdoption> &candidates, std::size_t customer) {
    std::set<std::int32_t> adopted;
    const auto &l = data.lines;
    const auto b = data.customers.orderBegin[customer];
    const auto e = data.customers.orderBegin[customer + 1];
    // Lines are sorted by order: binary search the customer's block.
    auto it = std::lower_bound(l.order.begin(), l.order.end(), b);
    for (; it != l.order.end() && *it < e; ++it) {
        const auto i = static_cast<std::size_t>(it - l.order.begin());
        const auto o = static_cast<std::size_t>(*it);
        if (sel.order[o] && data.orders.kind[o] == kSale && l.quantity[i] > 0) adopted.insert(l.category[i]);
    }
    std::vector<CategoryAdoption> out;
    for (const auto &c : candidates)
        if (!adopted.count(c.code)) out.push_back(c);
    return out;
}

} // namespace segdash::segment
