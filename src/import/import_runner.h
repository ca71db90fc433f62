#pragma once
// Internal to the import library: carries out one ImportPlan against one store session.
#include <chrono>
#include <future>
#include <memory>
#include <unordered_map>

#include "import/import_job.h"
#include "import/row_converter.h"

namespace segdash::import {

class ImportRunner {
public:
    ImportRunner(store::Store &store, const ImportPlan &plan, const ImportOptions &options,
                 const core::ProgressFn &progress);
    core::Result<ImportReport> run();

private:
    core::Status start();
    core::Status processRow(const CsvRecord &r);
    core::Status importCustomer(const CsvRecord &r);
    core::Status importOrder(const CsvRecord &r);
    core::Status importOrderLine(const CsvRecord &r);
    core::Status importOther(const CsvRecord &r);
    core::Status flushPendingOrder();
    core::Result<core::Id> resolveCustomer(const CustomerRef &ref);
    bool customerKnown(const CustomerRef &ref) const;
    std::optional<core::Id> customerByExternalId(const std::string &externalId);
    void reject(const CsvRecord &r, const RowError &e);
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
    std::unique_ptr<RowConverter> m_convert;
    std::unique_ptr<CsvReader> m_reader;
    std::unique_ptr<store::ImportSession> m_session;
    std::future<std::string> m_hash;
    std::chrono::steady_clock::time_point m_started;
    std::size_t m_columns = 0;

    std::unordered_map<std::string, core::Id> m_customerIds; // external id -> id, this import
    std::unordered_map<std::string, core::Id> m_emailIds;
    std::unordered_map<std::string, core::Id> m_nameCompanyIds;
    std::unordered_map<std::string, core::Id> m_orderIds;    // external id -> id

    struct PendingOrder {
        bool active = false;
        core::Order order;
        CustomerRef ref;
        std::vector<core::OrderLine> lines;
        bool anyCost = false;
    } m_pending;
};

} // namespace segdash::import
