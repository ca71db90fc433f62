#pragma once
// SqliteImportSession: one import as one write transaction (BEGIN IMMEDIATE ...
// COMMIT) on the store's connection. Statements are prepared once and reused;
// customer ids are cached by (source, external id); purchase aggregates are kept
// as in-memory deltas and merged into customer_stats at commit (or earlier, in
// batches, when very many customers are touched, to bound memory).
#include <array>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/key_id_cache.h"
#include "store/sqlite_db.h"
#include "store/sqlite_store.h"
#include "store/stats_delta.h"
#include "store/store.h"

namespace segdash::store {

class SqliteImportSession final : public ImportSession {
public:
    static core::Result<std::unique_ptr<SqliteImportSession>> begin(std::shared_ptr<StoreState> state);
    ~SqliteImportSession() override;

    core::Result<Id> upsertCustomer(const core::Customer &customer) override;
    std::optional<Id> findCustomer(std::string_view sourceSystem, std::string_view externalId) override;
    std::optional<Id> findCustomerByEmail(std::string_view email) override;

    core::Result<bool> addOrder(core::Order &order, std::string_view sourceSystem) override;
    core::Status addToOrder(Id orderId, core::Money revenue, std::optional<core::Money> cost) override;
    core::Status addOrderLine(const core::OrderLine &line) override;
    std::optional<Id> findOrder(std::string_view sourceSystem, std::string_view externalId) override;
    core::Result<bool> addOpportunity(const core::Opportunity &item, std::string_view sourceSystem) override;
    core::Status addInteraction(const core::Interaction &item) override;
    core::Status addSurvey(const core::SurveyResponse &item) override;
    core::Result<bool> addCampaign(const core::Campaign &item, std::string_view sourceSystem) override;

    core::Result<Id> commit(const ImportRecord &record) override;
    void rollback() override;

    // Every prepared statement the session uses, prepared on first use.
    enum class Sql {
        FindSource, InsertSource, FindCustomer, FindCustomerByEmail, InsertCustomer, SelectCustomer,
        SelectAttributes, UpdateCustomer, SnapshotCustomer, SnapshotAttributes, UpsertAttribute,
        InsertOrder, LoadOrder, UpdateOrder, FindOrder, FindOrderBySource, InsertLine, InsertOpportunity, InsertInteraction,
        InsertSurvey, InsertCampaign, MergeStats, FinishImport, Count
    };

private:
    // The order the last addOrder/addToOrder touched; additions to it stay in
    // memory until another order is touched (lines of one invoice come together).
    struct OpenOrder {
        Id id = 0;
        Id customerId = 0;
        core::OrderKind kind = core::OrderKind::Sale;
        std::int64_t revenue = 0;
        std::optional<std::int64_t> cost;
        bool dirty = false;
    };

    // Deltas are merged into customer_stats early past this many customers.
    static constexpr std::size_t kMaxDeltas = 1 << 19;
    // Customers with a pending delta before the deltas are merged into customer_stats and
    // their memory released: bounds an import's per-customer memory (~15 MB) whatever
    // the number of customers. Deltas are sums (plus min/max dates), so merging early is
    // exact; a file sorted by customer pays nothing extra.
    static constexpr std::size_t kFlushCustomers = 1 << 18;

    explicit SqliteImportSession(std::shared_ptr<StoreState> state) : m_state(std::move(state)) {}
    core::Status start();
    core::Result<sql::Statement *> statement(Sql which);
    core::Result<Id> sourceId(std::string_view name, bool create);
    core::Result<Id> resolveCustomer(Id customerId, const std::string &externalId, std::string_view sourceSystem);
    std::optional<Id> lookupCustomer(Id sourceId, std::string_view externalId);
    void cacheCustomer(Id sourceId, std::string_view externalId, Id id);
    core::Result<Id> insertCustomer(const core::Customer &customer, Id sourceId);
    core::Status mergeCustomer(Id id, const core::Customer &incoming);
    core::Status snapshotCustomer(Id id);
    core::Status writeAttributes(Id id, const std::map<std::string, std::string> &custom);
    core::Status loadOpenOrder(Id orderId);
    core::Status flushOpenOrder();
    core::Status flushStats();
    core::Status checkCustomer(Id customerId);
    core::Status checkOrder(Id orderId);
    void markCustomer(Id customerId);
    core::Status countOrder();
    core::Status ensureActive() const;
    void endTransaction(const char *sqlText);
    core::Status fail(core::Status status);

    std::shared_ptr<StoreState> m_state;
    std::array<sql::Statement, static_cast<std::size_t>(Sql::Count)> m_statements;
    Id m_importId = 0;
    bool m_active = false;
    std::int64_t m_startedAt = 0;
    std::unordered_map<std::string, Id> m_sources;
    std::string m_lastSourceName;
    Id m_lastSourceId = 0;
    KeyIdCache m_customerIds; // source id bytes + external id -> id
    std::string m_key;
    DeltaTable m_deltas;
    std::size_t m_pendingCustomers = 0; // customers with a non-empty delta since the last flush
    std::size_t m_flushCustomers = kFlushCustomers; // SEGDASH_STATS_FLUSH_CUSTOMERS overrides (tests)
    OpenOrder m_open;
    // Foreign keys are checked here, not by SQLite, while the session runs: the
    // session's own ids are valid by construction and customer ids are few.
    std::vector<bool> m_knownCustomers;
    Id m_ordersBefore = 0; // max order id when the session began
    Id m_lastInsertedOrder = 0;
    std::int64_t m_ordersAdded = 0;
    bool m_customerIndexDropped = false;
    std::string m_lastOrderExternalId; // addOrderLine's last lookup
    Id m_lastOrderId = 0;
};

} // namespace segdash::store
