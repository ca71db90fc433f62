#pragma once
// The store: one interface through which import, engine, CLI and app reach the data.
// SqliteStore (sqlite_store.h) implements it; a PostgreSQL backend can be added behind
// the same interface without touching its callers. One Store object per thread.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/records.h"
#include "core/status.h"

namespace segdash::store {

using core::Id;

// One row of the imports log.
struct ImportRecord {
    Id id = 0;
    std::string fileName;        // base name as given by the user
    std::int64_t fileSize = 0;
    std::string contentHash;     // hex SHA-256 of the file's bytes
    std::string kind;            // customers, orders, order-lines, ...
    std::string profile;         // profile name used
    std::string settingsJson;    // detected/overridden settings and mapping, as JSON
    std::int64_t rowsRead = 0;
    std::int64_t rowsImported = 0;
    std::int64_t rowsRejected = 0;
    core::Timestamp startedAt;   // wall clock (UTC) when the import began
    double seconds = 0;          // duration
    bool undone = false;
};

struct StoreSummary {
    std::int64_t customers = 0;
    std::int64_t orders = 0;
    std::int64_t saleOrders = 0;
    std::int64_t returnOrders = 0;       // returns + cancellations
    std::int64_t anonymousOrders = 0;    // orders without a customer
    std::int64_t orderLines = 0;
    std::int64_t opportunities = 0;
    std::int64_t interactions = 0;
    std::int64_t surveys = 0;
    std::int64_t campaigns = 0;
    std::int64_t imports = 0;            // not undone
    core::Money netRevenue;              // all orders, anonymous included
    std::optional<core::Timestamp> firstOrder;
    std::optional<core::Timestamp> lastOrder;
};

// A named segmentation scheme as saved by the user (see segment/segment_scheme.h for
// the text form of rule tables).
struct SchemeRecord {
    std::string name;
    std::string kind;        // rfm, kmeans or rules
    std::string definition;  // e.g. serializeScheme() text
    core::Timestamp updatedAt; // 0 = now (UTC) when saved
};

// One stretch of time a customer spent in one segment of one scheme: [validFrom, validTo),
// validTo unset = current.
struct MembershipRow {
    Id customerId = 0;
    std::string scheme;
    std::string segment;
    core::Date validFrom;
    std::optional<core::Date> validTo;
};

// What recordMembership() changed.
struct MembershipUpdate {
    std::int64_t unchanged = 0; // same segment as before: row left alone
    std::int64_t moved = 0;     // row closed, new one opened
    std::int64_t entered = 0;   // no current row before: one opened
    std::int64_t left = 0;      // current row closed, customer not in the new list
};

// Customers in segment `from` at one date and `to` at another; "" = not a member then.
struct SegmentMove {
    std::string from;
    std::string to;
    std::int64_t customers = 0;
};

// One import = one transaction. Nothing is visible to other connections until
// commit(); destroying the session without commit() rolls everything back.
class ImportSession {
public:
    virtual ~ImportSession() = default;

    // Upserts by (sourceSystem, externalId); when externalId is empty, by normalised
    // e-mail; when both are empty a new customer is created. Non-empty fields of
    // `customer` overwrite stored ones (old values are kept for undo). Returns the id.
    virtual core::Result<Id> upsertCustomer(const core::Customer &customer) = 0;
    virtual std::optional<Id> findCustomer(std::string_view sourceSystem, std::string_view externalId) = 0;
    virtual std::optional<Id> findCustomerByEmail(std::string_view email) = 0;

    // Inserts an order. A duplicate (source system, externalId) already in the store
    // is not inserted: returns false. Sets order.id when inserted. When customerId is
    // 0 and customerExternalId is set, it is resolved by (sourceSystem, that id); an
    // unknown customer is an error (the order is not inserted).
    virtual core::Result<bool> addOrder(core::Order &order, std::string_view sourceSystem) = 0;
    // Adds to an order inserted earlier in this same session (transaction-line files
    // whose lines of one invoice are not contiguous).
    virtual core::Status addToOrder(Id orderId, core::Money revenue, std::optional<core::Money> cost) = 0;
    virtual core::Status addOrderLine(const core::OrderLine &line) = 0;
    // An order already stored (by an earlier import or this session), for line files
    // that refer to orders by their external id.
    virtual std::optional<Id> findOrder(std::string_view sourceSystem, std::string_view externalId) = 0;
    // Each returns false when an item with the same (source, externalId) exists.
    virtual core::Result<bool> addOpportunity(const core::Opportunity &item, std::string_view sourceSystem) = 0;
    // Interactions and surveys take customerId as given (0 = no customer); their
    // customerExternalId is not resolved here (use findCustomer).
    virtual core::Status addInteraction(const core::Interaction &item) = 0;
    virtual core::Status addSurvey(const core::SurveyResponse &item) = 0;
    virtual core::Result<bool> addCampaign(const core::Campaign &item, std::string_view sourceSystem) = 0;

    // Merges the per-customer aggregates, writes the final import record and commits.
    virtual core::Result<Id> commit(const ImportRecord &record) = 0;
    virtual void rollback() = 0;
};

class Store {
public:
    virtual ~Store() = default;

    virtual std::string location() const = 0; // file path or connection string
    virtual core::Result<StoreSummary> summary() = 0;
    virtual core::Result<std::vector<ImportRecord>> imports() = 0; // newest first
    virtual std::optional<ImportRecord> findImportByHash(std::string_view contentHash) = 0;

    virtual core::Result<std::unique_ptr<ImportSession>> beginImport() = 0;
    // Removes everything the newest not-undone import added, restores what it
    // overwrote, recomputes the affected aggregates; one transaction.
    virtual core::Result<ImportRecord> undoLastImport() = 0;

    // Streams rows in id order; the callback returns false to stop early.
    // forEachCustomerStats covers customers with at least one order (purchase dates
    // and counts are over sale orders); forEachOrder leaves customerExternalId empty.
    virtual core::Status forEachCustomer(const std::function<bool(const core::Customer &)> &fn) = 0;
    virtual core::Status forEachCustomerStats(const std::function<bool(const core::CustomerStats &)> &fn) = 0;
    virtual core::Status forEachOrder(const std::function<bool(const core::Order &)> &fn) = 0;
    // Detail tables for the analysis layer, in id order. External ids of the parent
    // order / customer are left empty (orderId and customerId are set; 0 = none).
    virtual core::Status forEachOrderLine(const std::function<bool(const core::OrderLine &)> &fn) = 0;
    virtual core::Status forEachOpportunity(const std::function<bool(const core::Opportunity &)> &fn) = 0;
    virtual core::Status forEachInteraction(const std::function<bool(const core::Interaction &)> &fn) = 0;
    virtual core::Status forEachSurvey(const std::function<bool(const core::SurveyResponse &)> &fn) = 0;
    virtual core::Status forEachCampaign(const std::function<bool(const core::Campaign &)> &fn) = 0;
    virtual std::optional<core::Customer> customer(Id id) = 0;
    // Narrow reads for the engine: each customer's id, external id and e-mail (no
    // attributes), and the newest order's time (nullopt: no orders). Far cheaper than
    // forEachCustomer() and summary() on millions of rows.
    virtual core::Status forEachCustomerKey(
        const std::function<bool(Id id, const std::string &externalId, const std::string &email)> &fn) = 0;
    virtual core::Result<std::optional<core::Timestamp>> lastOrderTime() = 0;

    // Segment schemes and membership history (segments_store.cpp). saveScheme replaces
    // a scheme of the same name; removeScheme keeps its membership history.
    virtual core::Status saveScheme(const SchemeRecord &scheme) = 0;
    virtual core::Result<std::vector<SchemeRecord>> listSchemes() = 0; // by name
    virtual core::Status removeScheme(const std::string &name) = 0;
    // The complete membership of `scheme` as of `asOf`, in one transaction: a customer whose
    // segment changed gets the current row closed (validTo = asOf) and a new one opened; an
    // unchanged one is left alone; a current member missing from the list is closed. A
    // re-evaluation on the date of a customer's current row replaces its segment. Refused
    // when asOf is before the latest recorded date of the scheme.
    virtual core::Result<MembershipUpdate> recordMembership(const std::string &scheme, core::Date asOf,
                                                            const std::vector<std::pair<Id, std::string>> &members) = 0;
    virtual core::Result<std::vector<std::pair<Id, std::string>>> membershipAt(const std::string &scheme,
                                                                                core::Date date) = 0; // by id
    virtual core::Result<std::vector<MembershipRow>> membershipHistory(Id customerId) = 0; // by scheme, date
    // Dates on which membership of `scheme` was recorded (row openings/closings), ascending.
    virtual core::Result<std::vector<core::Date>> membershipDates(const std::string &scheme) = 0;
    virtual core::Result<std::vector<SegmentMove>> movesBetween(const std::string &scheme, core::Date from,
                                                                core::Date to) = 0; // by from, to
};

enum class OpenMode { OpenExisting, CreateIfMissing };

// Opens (and upgrades) or creates a store. A file of a newer schema version, or a
// file that is not a SegDash store, is refused with a clear message and not modified.
core::Result<std::unique_ptr<Store>> openStore(const std::string &path, OpenMode mode);

} // namespace segdash::store
