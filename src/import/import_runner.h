#pragma once
// Internal to the import library: carries out one ImportPlan against one store session.
// Two stages on the machine's two cores: a reading thread parses and converts records
// (RowConverter) into batches of RowItems; the calling thread, which owns the store
// connection, resolves customers and writes. The file's hash is computed alongside.
#include <atomic>
#include <chrono>
#include <future>
#include <memory>
#include <thread>
#include <unordered_map>

#include "import/import_job.h"
#include "import/row_batches.h"
#include "import/row_converter.h"

namespace segdash::import {

class ImportRunner {
public:
    ImportRunner(store::Store &store, const ImportPlan &plan, const ImportOptions &options,
                 const core::ProgressFn &progress);
    ~ImportRunner();
    core::Result<ImportReport> run();

private:
    core::Status start();
    // Reading thread.
    void produce();
    void convertRow(const CsvRecord &r, RowItem &item);
    // Writing thread.
    core::Status consume();
    core::Status applyRow(RowItem &item);
    core::Status importCustomer(RowItem &item);
    core::Status importOrder(RowItem &item);
    core::Status importOrderLine(RowItem &item);
    core::Status importOther(RowItem &item);
    core::Status flushPendingOrder();
    core::Result<core::Id> resolveCustomer(const CustomerRef &ref);
    std::optional<core::Id> customerByExternalId(const std::string &externalId);
    bool touched(core::Id id) const { return id >= 0 && static_cast<std::size_t>(id) < m_touched.size() && m_touched[static_cast<std::size_t>(id)]; }
    void touch(core::Id id);
    void reject(std::int64_t line, const RowError &e);
    void stopProducer();
    core::Result<ImportReport> finish();
    std::string settingsJson() const;

    store::Store &m_store;
    const ImportPlan &m_plan;
    const ImportOptions &m_options;
    const core::ProgressFn &m_progress;
    std::string m_fileName;
    std::string m_cancellationPrefix;
    std::string m_defaultCurrency;
    ImportReport m_report;
    CleaningCounts m_readerCleaning; // owned by the reading thread until it has finished
    std::unique_ptr<RowConverter> m_convert;
    std::unique_ptr<CsvReader> m_reader;
    std::unique_ptr<store::ImportSession> m_session;
    std::future<std::string> m_hash;
    std::chrono::steady_clock::time_point m_started;
    std::size_t m_columns = 0;

    RowBatchQueue m_queue{4};
    std::thread m_producer;
    std::atomic<bool> m_stop{false};      // the reading thread should stop
    std::atomic<bool> m_abandoned{false}; // the import failed or was cancelled
    std::int64_t m_lastProgressRows = 0;

    // Customer ids are resolved through the session's compact cache; only ids merged into
    // another customer by e-mail are kept here. One bit per customer marks those this
    // import already wrote (a second row with the same id is a duplicate).
    std::unordered_map<std::string, core::Id> m_aliases;
    std::vector<bool> m_touched;
    std::unordered_map<std::string, core::Id> m_nameCompanyIds;
    std::unordered_map<std::string, core::Id> m_orderIds;    // external id -> id

    struct PendingOrder {
        bool active = false;
        core::Order order;
        CustomerRef ref;
        std::vector<core::OrderLine> lines;
    } m_pending;
};

} // namespace segdash::import
