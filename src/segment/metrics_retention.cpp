#include "segment/metrics_retention.h"

#include <map>
#include <set>

namespace segdash::segment {
namespace {

// The day of the customer's last selected sale order before asOf, or kNoDate.
std::int32_t lastSaleBefore(const Dataset &data, const Selection &sel, std::size_t c, std::int32_t asOf) {
    std::int32_t last = kNoDate;
    for (auto j = data.customers.orderBegin[c]; j < data.customers.orderBegin[c + 1]; ++j) {
        const auto i = static_cast<std::size_t>(j);
        if (sel.order[i] && data.orders.kind[i] == kSale && data.orders.day[i] < asOf) last = data.orders.day[i];
    }
    return last;
}

void addRetention(SegmentRetention &r, std::int32_t last, const MetricsOptions &o) {
    if (last == kNoDate) return;
    ++r.buyers;
    if (o.asOf.days - last > o.churnDays) ++r.churned;
    else ++r.retained;
}

void finish(SegmentRetention &r) {
    r.retentionRate = ratio(static_cast<double>(r.retained), static_cast<double>(r.buyers));
    r.churnRate = ratio(static_cast<double>(r.churned), static_cast<double>(r.buyers));
}

} // namespace

std::vector<SegmentRetention> retentionBySegment(const Dataset &data, const Selection &sel, const Segmentation &seg,
                                                 const MetricsOptions &options) {
    std::vector<SegmentRetention> out(seg.names.size());
    for (std::size_t g = 0; g < out.size(); ++g) out[g].segment = seg.names[g];
    const auto groups = groupsOf(sel, seg);
    for (std::size_t c = 0; c < groups.size(); ++c)
        if (groups[c] >= 0)
            addRetention(out[static_cast<std::size_t>(groups[c])], lastSaleBefore(data, sel, c, options.asOf.days),
                         options);
    for (auto &r : out) finish(r);
    return out;
}

SegmentRetention retentionTotal(const Dataset &data, const Selection &sel, const MetricsOptions &options) {
    SegmentRetention r;
    r.segment = "All";
    for (std::size_t c = 0; c < sel.customer.size(); ++c)
        if (sel.customer[c]) addRetention(r, lastSaleBefore(data, sel, c, options.asOf.days), options);
    finish(r);
    return r;
}

CohortMatrix cohortRetention(const Dataset &data, const Selection &sel, const Segmentation &seg,
                             const MetricsOptions &options, std::optional<int> segment) {
    const auto groups = segment ? groupsOf(sel, seg) : std::vector<int>{};
    const int lastMonth = monthIndex(options.asOf.days - 1);
    // cohort month -> (size, buyers per months-since)
    std::map<int, std::pair<std::int64_t, std::vector<std::int64_t>>> cohorts;
    for (std::size_t c = 0; c < sel.customer.size(); ++c) {
        if (!sel.customer[c] || (segment && groups[c] != *segment)) continue;
        const auto since = acquisitionDay(data, c);
        if (since == kNoDate || since >= options.asOf.days) continue;
        const int m0 = monthIndex(since);
        auto &cohort = cohorts[m0];
        ++cohort.first;
        cohort.second.resize(static_cast<std::size_t>(lastMonth - m0 + 1), 0);
        std::set<int> months;
        for (auto j = data.customers.orderBegin[c]; j < data.customers.orderBegin[c + 1]; ++j) {
            const auto i = static_cast<std::size_t>(j);
            if (!sel.order[i] || data.orders.kind[i] != kSale || data.orders.day[i] >= options.asOf.days) continue;
            const int k = monthIndex(data.orders.day[i]) - m0;
            if (k >= 0) months.insert(k);
        }
        for (const int k : months) ++cohort.second[static_cast<std::size_t>(k)];
    }
    CohortMatrix out;
    for (const auto &[m0, cohort] : cohorts) {
        out.cohorts.push_back(monthText(m0));
        out.sizes.push_back(cohort.first);
        std::vector<double> row;
        for (const auto n : cohort.second) row.push_back(static_cast<double>(n) / static_cast<double>(cohort.first));
        out.share.push_back(row);
    }
    return out;
}

} // namespace segdash::segment
