#pragma once
// SqliteStore: the Store on one SQLite file (WAL, foreign keys on), through the
// sqlite3 C API. One connection, shared with the import session it hands out.
#include <memory>
#include <string>

#include "store/sqlite_db.h"
#include "store/store.h"

namespace segdash::store {

// What a store and its import session share; the session keeps it alive.
struct StoreState {
    std::string path;
    std::unique_ptr<sql::Database> db;
    bool importActive = false;
};

class SqliteStore final : public Store {
public:
    explicit SqliteStore(std::shared_ptr<StoreState> state) : m_state(std::move(state)) {}

    std::string location() const override { return m_state->path; }
    core::Result<StoreSummary> summary() override;
    core::Result<std::vector<ImportRecord>> imports() override;
    std::optional<ImportRecord> findImportByHash(std::string_view contentHash) override;

    core::Result<std::unique_ptr<ImportSession>> beginImport() override;
    core::Result<ImportRecord> undoLastImport() override;

    core::Status forEachCustomer(const std::function<bool(const core::Customer &)> &fn) override;
    core::Status forEachCustomerStats(const std::function<bool(const core::CustomerStats &)> &fn) override;
    core::Status forEachOrder(const std::function<bool(const core::Order &)> &fn) override;
    core::Status forEachOrderLine(const std::function<bool(const core::OrderLine &)> &fn) override;
    core::Status forEachOpportunity(const std::function<bool(const core::Opportunity &)> &fn) override;
    core::Status forEachInteraction(const std::function<bool(const core::Interaction &)> &fn) override;
    core::Status forEachSurvey(const std::function<bool(const core::SurveyResponse &)> &fn) override;
    core::Status forEachCampaign(const std::function<bool(const core::Campaign &)> &fn) override;
    std::optional<core::Customer> customer(Id id) override;
    core::Status forEachCustomerKey(
        const std::function<bool(Id id, const std::string &externalId, const std::string &email)> &fn) override;
    core::Result<std::optional<core::Timestamp>> lastOrderTime() override;

    core::Status saveScheme(const SchemeRecord &scheme) override;
    core::Result<std::vector<SchemeRecord>> listSchemes() override;
    core::Status removeScheme(const std::string &name) override;
    core::Result<MembershipUpdate> recordMembership(const std::string &scheme, core::Date asOf,
                                                    const std::vector<std::pair<Id, std::string>> &members) override;
    core::Result<std::vector<std::pair<Id, std::string>>> membershipAt(const std::string &scheme,
                                                                        core::Date date) override;
    core::Result<std::vector<MembershipRow>> membershipHistory(Id customerId) override;
    core::Result<std::vector<core::Date>> membershipDates(const std::string &scheme) override;
    core::Result<std::vector<SegmentMove>> movesBetween(const std::string &scheme, core::Date from,
                                                        core::Date to) override;

private:
    core::Status undoImport(Id importId);
    core::Status dropCustomerIndexIfBig(Id importId);
    core::Status deleteImportRows(const std::string &table, Id importId);
    sql::Database &db() { return *m_state->db; }
    std::shared_ptr<StoreState> m_state;
};

} // namespace segdash::store
