#include "segment/timeline.h"

#include <algorithm>
#include <limits>

#include "segment/timeline_scoring.h"

namespace segdash::segment {
namespace {

constexpr std::int32_t kNoSale = std::numeric_limits<std::int32_t>::min();

// Day of week with Monday = 0: 1970-01-01 was a Thursday (3).
int weekday(core::Date d) { return ((d.days + 3) % 7 + 7) % 7; }

core::Status checkOptions(const TimelineOptions &options) {
    const auto &s = options.snapshots;
    for (std::size_t i = 1; i < s.size(); ++i)
        if (!(s[i - 1] < s[i])) return core::Status::error("snapshot dates must be ascending and distinct");
    for (const auto &d : options.keepLabels)
        if (!std::binary_search(s.begin(), s.end(), d))
            return core::Status::error("labels asked for " + d.toIso() + ", which is not a snapshot date");
    return core::Status::success();
}

/// The running per-customer aggregates of the sweep, as parallel arrays (1M customers
/// fit in about 30 MB).
class Sweep {
public:
    Sweep(std::size_t customers, std::size_t segments)
        : m_lastSale(customers, kNoSale), m_count(customers, 0), m_net(customers, 0), m_period(customers, 0),
          m_touched(customers, 0), m_segment(customers, kNotCustomer), m_segments(segments) {}

    void add(const PurchaseRecord &o) {
        const std::uint32_t c = o.customer;
        m_net[c] += o.revenue.units();
        m_period[c] += o.revenue.units();
        m_periodTotal += o.revenue;
        if (!m_touched[c]) {
            m_touched[c] = 1;
            m_touchedList.push_back(c);
        }
        if (o.kind != core::OrderKind::Sale) return;
        if (m_lastSale[c] == kNoSale) m_active.push_back(c);
        m_lastSale[c] = std::max(m_lastSale[c], o.date.days);
        ++m_count[c];
    }

    core::Status close(core::Date date, const SnapshotScorer &scorer, SnapshotSizes &out) {
        out.date = date;
        out.customers = static_cast<std::int64_t>(m_active.size());
        out.counts.assign(m_segments, 0);
        out.revenue.assign(m_segments, core::Money());
        out.periodRevenue = m_periodTotal;
        if (!m_active.empty())
            if (auto s = scoreActive(date, scorer, out); !s) return s;
        for (std::uint32_t c : m_touchedList) {
            if (m_segment[c] != kNotCustomer) out.revenue[m_segment[c]] += core::Money::fromUnits(m_period[c]);
            m_period[c] = 0;
            m_touched[c] = 0;
        }
        m_touchedList.clear();
        m_periodTotal = core::Money();
        return core::Status::success();
    }

    const std::vector<std::int16_t> &segments() const { return m_segment; }

private:
    core::Status scoreActive(core::Date date, const SnapshotScorer &scorer, SnapshotSizes &out) {
        const std::size_t n = m_active.size();
        std::vector<double> recency(n), frequency(n), monetary(n);
        std::vector<core::Id> ids(n);
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint32_t c = m_active[i];
            recency[i] = date.days - m_lastSale[c];
            frequency[i] = m_count[c];
            monetary[i] = core::Money::fromUnits(m_net[c]).toDouble();
            ids[i] = c;
        }
        std::vector<std::int16_t> seg;
        if (auto s = scorer.score(recency, frequency, monetary, ids, seg); !s) return s;
        for (std::size_t i = 0; i < n; ++i) {
            m_segment[m_active[i]] = seg[i];
            ++out.counts[seg[i]];
        }
        return core::Status::success();
    }

    std::vector<std::int32_t> m_lastSale, m_count;
    std::vector<std::int64_t> m_net, m_period; // money units
    std::vector<std::uint8_t> m_touched;
    std::vector<std::int16_t> m_segment;
    std::vector<std::uint32_t> m_active, m_touchedList;
    core::Money m_periodTotal;
    std::size_t m_segments;
};

} // namespace

std::vector<core::Date> snapshotDates(core::Date first, core::Date last, SnapshotStep step) {
    std::vector<core::Date> out;
    if (last < first) return out;
    if (step == SnapshotStep::Week) {
        for (core::Date d = first.addDays(6 - weekday(first)); ; d = d.addDays(7)) {
            out.push_back(d);
            if (!(d < last)) break;
        }
        return out;
    }
    for (core::Date d = first.endOfMonth(); ; d = d.addDays(1).endOfMonth()) {
        out.push_back(d);
        if (!(d < last)) break;
    }
    return out;
}

core::Result<TimelineResult> computeTimeline(std::vector<PurchaseRecord> orders, std::size_t customerCount,
                                             const TimelineOptions &options, const core::ProgressFn &progress) {
    if (auto s = checkOptions(options); !s) return s;
    auto scorer = SnapshotScorer::create(options.rfm, options.scheme);
    if (!scorer) return scorer.status();
    for (const auto &o : orders)
        if (o.customer >= customerCount)
            return core::Status::error("an order refers to customer index " + std::to_string(o.customer) + " of " +
                                       std::to_string(customerCount));
    std::sort(orders.begin(), orders.end(),
              [](const PurchaseRecord &a, const PurchaseRecord &b) { return a.date < b.date; });
    TimelineResult result;
    result.segmentNames = scorer->segmentNames();
    Sweep sweep(customerCount, result.segmentNames.size());
    const auto total = static_cast<std::int64_t>(options.snapshots.size());
    std::size_t next = 0;
    for (std::size_t k = 0; k < options.snapshots.size(); ++k) {
        if (!core::reportProgress(progress, static_cast<std::int64_t>(k), total)) return core::Status::error("cancelled");
        const core::Date date = options.snapshots[k];
        for (; next < orders.size() && orders[next].date <= date; ++next) sweep.add(orders[next]);
        SnapshotSizes sizes;
        if (auto s = sweep.close(date, *scorer, sizes); !s) return core::Status::error(date.toIso() + ": " + s.message());
        result.snapshots.push_back(std::move(sizes));
        for (const auto &d : options.keepLabels)
            if (d == date) result.labels.push_back({date, sweep.segments()});
    }
    if (!core::reportProgress(progress, total, total)) return core::Status::error("cancelled");
    return result;
}

core::Result<MigrationMatrix> migrationMatrix(const std::vector<std::string> &segmentNames, const CustomerLabels &from,
                                              const CustomerLabels &to) {
    if (from.segment.size() != to.segment.size())
        return core::Status::error("the two label sets cover different customers");
    const std::size_t n = segmentNames.size();
    MigrationMatrix m;
    m.from = from.date;
    m.to = to.date;
    m.columnNames = segmentNames;
    m.rowNames = segmentNames;
    m.rowNames.push_back(kNewCustomerRow);
    m.counts.assign(n + 1, std::vector<std::int64_t>(n, 0));
    m.rowTotals.assign(n + 1, 0);
    m.columnTotals.assign(n, 0);
    for (std::size_t c = 0; c < from.segment.size(); ++c) {
        const int a = from.segment[c], b = to.segment[c];
        if (a >= static_cast<int>(n) || b >= static_cast<int>(n)) return core::Status::error("segment label out of range");
        if (b == kNotCustomer) {
            if (a == kNotCustomer) continue;
            return core::Status::error("a customer at " + from.date.toIso() + " is not a customer at " + to.date.toIso());
        }
        const std::size_t row = a == kNotCustomer ? n : static_cast<std::size_t>(a);
        ++m.counts[row][b];
        ++m.rowTotals[row];
        ++m.columnTotals[b];
        ++m.total;
    }
    return m;
}

} // namespace segdash::segment
