#pragma once
// The plain records that pass between import, store, engine and app. One struct per
// store table. Ids called `id` are the store's own (0 = not stored yet); `externalId`
// is the id in the source system (CRM, shop) and is what users see and export.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/money.h"

namespace segdash::core {

using Id = std::int64_t;

struct Customer {
    Id id = 0;
    std::string externalId;     // id in the source system; may be empty for e-mail-only contacts
    std::string sourceSystem;   // "salesforce", "hubspot", "online-retail", "generic", ...
    std::string name;
    std::string email;          // normalised: trimmed, lower case
    std::string phone;
    std::string company;
    std::string industry;
    std::string companySize;    // band as text, e.g. "1-10", "11-50", "51-200", "201-1000", "1000+"
    std::string country;        // ISO 3166-1 alpha-2, upper case; empty when unknown
    std::string region;
    std::string city;
    std::optional<int> birthYear;
    std::string ageBand;        // e.g. "25-34"
    std::string channel;        // acquisition channel / lead source
    std::optional<Date> acquiredOn;
    std::optional<Money> acquisitionCost;
    std::string salesRep;
    std::string lifecycleStage; // lead, prospect, customer, churned, ...
    std::map<std::string, std::string> custom; // free attributes from unmapped columns
};

enum class OrderKind { Sale, Return, Cancellation };

struct Order {
    Id id = 0;
    std::string externalId;         // invoice / order number
    Id customerId = 0;              // 0 = anonymous revenue (no customer on the row)
    std::string customerExternalId; // used by the importer to resolve customerId
    Timestamp placedAt;
    Money revenue;                  // net of discounts; negative for returns and cancellations
    std::optional<Money> cost;      // cost of goods when known
    std::string currency;           // ISO 4217, e.g. "GBP"
    std::string channel;
    OrderKind kind = OrderKind::Sale;
};

struct OrderLine {
    Id id = 0;
    Id orderId = 0;
    std::string orderExternalId;
    std::string productCode;
    std::string productName;
    std::string category;
    double quantity = 0;            // negative on returns/cancellations
    Money unitPrice;
    std::optional<Money> unitCost;
};

struct Opportunity {
    Id id = 0;
    std::string externalId;
    Id customerId = 0;
    std::string customerExternalId;
    std::string name;
    std::string stage;
    Money amount;
    double probability = 0;         // 0..1
    std::optional<Date> createdOn;
    std::optional<Date> closedOn;
    std::optional<bool> won;        // unset while open
    std::string owner;
};

enum class InteractionKind { EmailSent, EmailOpen, EmailClick, WebVisit, Social, Call, Meeting };

struct Interaction {
    Id id = 0;
    Id customerId = 0;
    std::string customerExternalId;
    InteractionKind kind = InteractionKind::EmailSent;
    Timestamp at;
    std::string campaignExternalId;
    std::string detail;
};

struct SurveyResponse {
    Id id = 0;
    Id customerId = 0;
    std::string customerExternalId;
    Date answeredOn;
    std::optional<int> nps;  // 0..10
    std::optional<int> csat; // 1..5
    std::string comment;
};

struct Campaign {
    Id id = 0;
    std::string externalId;
    std::string name;
    std::string channel;
    Money cost;
    std::optional<Date> startsOn;
    std::optional<Date> endsOn;
    std::string target;      // segment or audience description
};

// Per-customer purchase aggregates, kept current by every import so RFM never
// rescans all orders.
struct CustomerStats {
    Id customerId = 0;
    std::optional<Timestamp> firstPurchase;
    std::optional<Timestamp> lastPurchase;
    std::int64_t purchaseCount = 0;   // sale orders only
    std::int64_t returnCount = 0;     // return and cancellation orders
    Money grossRevenue;               // sum of sale orders
    Money returnsValue;               // sum of returns and cancellations (<= 0)
    Money netRevenue;                 // gross + returns
    Money cost;                       // known cost of goods
    Money margin;                     // net revenue - cost (only over orders with known cost)
};

const char *toString(OrderKind kind);
std::optional<OrderKind> orderKindFromString(const std::string &text);
const char *toString(InteractionKind kind);
std::optional<InteractionKind> interactionKindFromString(const std::string &text);

} // namespace segdash::core
