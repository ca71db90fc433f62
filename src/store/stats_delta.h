#pragma once
// The change an import makes to one customer's purchase aggregates. Deltas merge
// into customer_stats by min/max/sum, so a commit never rescans orders.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <memory>
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

// Deltas by customer id. Ids are dense row ids, so an array indexed by id serves the
// usual case with one memory access per order (a node-based map was 13% of an import's
// time). The array is kept in fixed chunks: it grows without copying and holds at most
// one chunk more than the customers an import touches (56 bytes each). Ids past
// kDenseLimit (a store of 33M customers) go to a hash map.
class DeltaTable {
public:
    static constexpr core::Id kDenseLimit = 1 << 25;
    static constexpr std::size_t kChunk = 1 << 14;

    StatsDelta &at(core::Id id) {
        if (id <= 0 || id >= kDenseLimit) return m_sparse[id];
        const auto index = static_cast<std::size_t>(id);
        const std::size_t chunk = index / kChunk;
        if (chunk >= m_chunks.size()) m_chunks.resize(chunk + 1);
        if (!m_chunks[chunk]) m_chunks[chunk] = std::make_unique<StatsDelta[]>(kChunk);
        return m_chunks[chunk][index % kChunk];
    }

    std::size_t sparseSize() const { return m_sparse.size(); }

    // Calls fn(id, delta) for every non-empty delta, dense ones in id order.
    template <typename Fn>
    bool forEach(Fn fn) const {
        for (std::size_t c = 0; c < m_chunks.size(); ++c) {
            if (!m_chunks[c]) continue;
            for (std::size_t i = 0; i < kChunk; ++i) {
                const StatsDelta &d = m_chunks[c][i];
                if (!d.empty() && !fn(static_cast<core::Id>(c * kChunk + i), d)) return false;
            }
        }
        for (const auto &[id, delta] : m_sparse)
            if (!fn(id, delta)) return false;
        return true;
    }

    void clear() {
        for (auto &chunk : m_chunks)
            if (chunk) std::fill(chunk.get(), chunk.get() + kChunk, StatsDelta{});
        m_sparse.clear();
    }
    void release() {
        std::vector<std::unique_ptr<StatsDelta[]>>().swap(m_chunks);
        std::unordered_map<core::Id, StatsDelta>().swap(m_sparse);
    }

private:
    std::vector<std::unique_ptr<StatsDelta[]>> m_chunks;
    std::unordered_map<core::Id, StatsDelta> m_sparse;
};

} // namespace segdash::store
