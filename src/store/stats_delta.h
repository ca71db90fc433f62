#pragma once
// The change an import makes to one customer's purchase aggregates. Deltas merge
// into customer_stats by min/max/sum, so a commit never rescans orders.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <optional>
#include <unordered_map>
#include <vector>

#include "core/records.h"

namespace segdash::store {

struct StatsDelta {
    std::int64_t firstPurchase = std::numeric_limits<std::int64_t>::max(); // max = none
    std::int64_t lastPurchase = std::numeric_limits<std::int64_t>::min();  // min = none
    std::int64_t grossRevenue = 0;
    std::int64_t returnsValue = 0;
    std::int64_t cost = 0;
    std::int64_t margin = 0;
    std::int32_t purchaseCount = 0; // per import: 32 bits keep a delta at 56 bytes
    std::int32_t returnCount = 0;

    bool hasFirst() const { return firstPurchase != std::numeric_limits<std::int64_t>::max(); }
    bool hasLast() const { return lastPurchase != std::numeric_limits<std::int64_t>::min(); }
    // An untouched delta; merging one would change nothing.
    bool empty() const {
        return !hasFirst() && purchaseCount == 0 && returnCount == 0 && grossRevenue == 0 && returnsValue == 0 &&
               cost == 0 && margin == 0;
    }

    // Counts one new order and, for a sale, its date.
    void addOrder(core::OrderKind kind, std::int64_t placedAt) {
        if (kind != core::OrderKind::Sale) {
            ++returnCount;
            return;
        }
        ++purchaseCount;
        firstPurchase = std::min(firstPurchase, placedAt);
        lastPurchase = std::max(lastPurchase, placedAt);
    }

    // Adds (sign +1) or takes back (sign -1) an order's money; margin counts only
    // orders whose cost is known.
    void addMoney(core::OrderKind kind, std::int64_t revenue, std::optional<std::int64_t> orderCost, int sign) {
        (kind == core::OrderKind::Sale ? grossRevenue : returnsValue) += sign * revenue;
        if (!orderCost) return;
        cost += sign * *orderCost;
        margin += sign * (revenue - *orderCost);
    }
};

// Deltas by customer id. Ids are dense row ids, so a vector indexed by id serves
// the usual case with one memory access per order (a node-based map was 13% of an
// import's time); ids past kDenseLimit go to a hash map.
class DeltaTable {
public:
    static constexpr core::Id kDenseLimit = 1 << 20; // at most 56 MiB of dense deltas

    StatsDelta &at(core::Id id) {
        if (id <= 0 || id >= kDenseLimit) return m_sparse[id];
        const auto index = static_cast<std::size_t>(id);
        if (index >= m_dense.size()) m_dense.resize(std::min<std::size_t>(kDenseLimit, index + index / 2 + 1024));
        return m_dense[index];
    }

    std::size_t sparseSize() const { return m_sparse.size(); }

    // Calls fn(id, delta) for every non-empty delta, dense ones in id order.
    template <typename Fn>
    bool forEach(Fn fn) const {
        for (std::size_t i = 0; i < m_dense.size(); ++i)
            if (!m_dense[i].empty() && !fn(static_cast<core::Id>(i), m_dense[i])) return false;
        for (const auto &[id, delta] : m_sparse)
            if (!fn(id, delta)) return false;
        return true;
    }

    void clear() {
        std::fill(m_dense.begin(), m_dense.end(), StatsDelta{});
        m_sparse.clear();
    }
    void release() {
        m_dense = {};
        m_sparse = {};
    }

private:
    std::vector<StatsDelta> m_dense;
    std::unordered_map<core::Id, StatsDelta> m_sparse;
};

} // namespace segdash::store
