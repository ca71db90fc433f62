#pragma once
// Internal to the import library: converted rows handed from the reading thread to the
// writing thread in batches. Batches are recycled, so their strings keep their capacity.
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "import/row_converter.h"

namespace segdash::import {

// One converted row: the record it became, or why it was rejected.
struct RowItem {
    std::int64_t line = 0;
    std::optional<RowError> error;
    core::Customer customer;
    core::Order order;
    CustomerRef ref;
    core::OrderLine orderLine;
    core::Opportunity opportunity;
    core::Interaction interaction;
    core::SurveyResponse survey;
    core::Campaign campaign;
};

struct RowBatch {
    std::vector<RowItem> items;
    std::size_t size = 0;
    std::int64_t bytesConsumed = 0; // of the raw file, when the batch was full
};

// A bounded hand-over queue between one producer and one consumer; close() ends it.
class RowBatchQueue {
public:
    explicit RowBatchQueue(std::size_t capacity) : m_capacity(capacity) {}

    bool push(std::unique_ptr<RowBatch> batch) {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_full.size() < m_capacity || m_closed; });
        if (m_closed) return false;
        m_full.push_back(std::move(batch));
        m_changed.notify_all();
        return true;
    }
    std::unique_ptr<RowBatch> pop() { // nullptr when closed and drained
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return !m_full.empty() || m_closed; });
        if (m_full.empty()) return nullptr;
        auto batch = std::move(m_full.front());
        m_full.pop_front();
        m_changed.notify_all();
        return batch;
    }
    void recycle(std::unique_ptr<RowBatch> batch) {
        std::lock_guard lock(m_mutex);
        m_free.push_back(std::move(batch));
    }
    std::unique_ptr<RowBatch> fresh() {
        std::lock_guard lock(m_mutex);
        if (m_free.empty()) return std::make_unique<RowBatch>();
        auto batch = std::move(m_free.back());
        m_free.pop_back();
        return batch;
    }
    void close() {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_changed.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::unique_ptr<RowBatch>> m_full;
    std::vector<std::unique_ptr<RowBatch>> m_free;
    std::size_t m_capacity;
    bool m_closed = false;
};

} // namespace segdash::import
