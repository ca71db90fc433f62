#pragma once
// A compact, columnar in-memory copy of what the per-segment metrics read: customers
// with their attributes, orders, order lines, opportunities, interactions, surveys and
// campaigns. Indexes are int32, texts are interned into one StringPool, money is kept
// as Money units (int64) and dates as days; 1M customers / 10M orders fit in a few
// hundred MB. No store dependency: the loader lives in segdash_analysis.
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/date.h"
#include "core/money.h"
#include "core/records.h"

namespace segdash::segment {

inline constexpr std::int32_t kNoDate = std::numeric_limits<std::int32_t>::min();
inline constexpr std::int64_t kNoMoney = std::numeric_limits<std::int64_t>::min();
inline constexpr std::int32_t kNoIndex = -1;

/// Texts as small integer codes; code 0 is always the empty text.
class StringPool {
public:
    StringPool() { intern(""); }
    std::int32_t intern(std::string_view text);
    // The code of a text already interned, or nullopt.
    std::optional<std::int32_t> find(std::string_view text) const;
    const std::string &text(std::int32_t code) const { return m_texts[static_cast<std::size_t>(code)]; }
    std::size_t size() const { return m_texts.size(); }

private:
    // Transparent hashing: look-ups by string_view build no temporary std::string.
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::vector<std::string> m_texts;
    std::unordered_map<std::string, std::int32_t, Hash, std::equal_to<>> m_codes;
};

/// Order kinds as stored in Orders::kind.
enum : std::uint8_t { kSale = 0, kReturn = 1, kCancellation = 2 };
/// Opportunity states as stored in Opportunities::status.
enum : std::uint8_t { kOpen = 0, kWon = 1, kLost = 2 };

/// The dataset, one struct of columns per table. Build it with the add*() calls in any
/// order, then call finalize() once: it sorts orders by (customer, day), moves the
/// anonymous orders (customer kNoIndex) to the end, renumbers the lines' order indexes
/// and sorts the lines by order index, and fills customers.orderBegin. Metrics require a
/// finalized dataset.
class Dataset {
public:
    struct Customers {
        std::vector<core::Id> id;
        std::vector<std::int32_t> country, industry, channel, salesRep, companySize, ageBand; // pool codes
        std::vector<std::int32_t> acquiredOn;      // days, or kNoDate
        std::vector<std::int64_t> acquisitionCost; // Money units, or kNoMoney
        std::vector<std::int32_t> orderBegin;      // orders of customer c: [orderBegin[c], orderBegin[c+1])
        std::size_t size() const { return id.size(); }
    };
    struct Orders {
        std::vector<std::int32_t> customer; // customer index, kNoIndex = anonymous
        std::vector<std::int32_t> day;
        std::vector<std::int64_t> revenue;  // Money units, negative for returns/cancellations
        std::vector<std::int64_t> cost;     // Money units, or kNoMoney
        std::vector<std::uint8_t> kind;     // kSale, kReturn, kCancellation
        std::size_t size() const { return day.size(); }
    };
    struct Lines {
        std::vector<std::int32_t> order;
        std::vector<std::int32_t> category, product; // pool codes
        std::vector<float> quantity;
        std::vector<std::int64_t> value;             // quantity x unit price, Money units
        std::size_t size() const { return order.size(); }
    };
    struct Opportunities {
        std::vector<std::int32_t> customer, createdOn, closedOn; // kNoIndex / kNoDate when unknown
        std::vector<std::int64_t> amount;
        std::vector<std::uint8_t> status; // kOpen, kWon, kLost
        std::size_t size() const { return amount.size(); }
    };
    struct Interactions {
        std::vector<std::int32_t> customer, day, campaign; // campaign: pool code of its external id, 0 = none
        std::vector<std::uint8_t> kind;                    // core::InteractionKind
        std::size_t size() const { return day.size(); }
    };
    struct Surveys {
        std::vector<std::int32_t> customer, day;
        std::vector<std::int8_t> nps, csat; // -1 = not answered
        std::size_t size() const { return day.size(); }
    };
    struct Campaigns {
        std::vector<std::int32_t> code, channel, startsOn, endsOn; // code: pool code of the external id
        std::vector<std::int64_t> cost;
        std::size_t size() const { return cost.size(); }
    };

    StringPool strings;
    Customers customers;
    Orders orders;
    Lines lines;
    Opportunities opportunities;
    Interactions interactions;
    Surveys surveys;
    Campaigns campaigns;

    // Each returns the new row's index. Customer indexes passed in must exist.
    std::int32_t addCustomer(const core::Customer &c);
    std::int32_t addOrder(std::int32_t customer, core::Date day, core::Money revenue, std::optional<core::Money> cost,
                          core::OrderKind kind);
    std::int32_t addLine(std::int32_t order, std::string_view category, std::string_view product, double quantity,
                         core::Money unitPrice);
    std::int32_t addOpportunity(std::int32_t customer, core::Money amount, std::optional<bool> won,
                                std::optional<core::Date> createdOn, std::optional<core::Date> closedOn);
    std::int32_t addInteraction(std::int32_t customer, core::InteractionKind kind, core::Date day,
                                std::string_view campaign);
    std::int32_t addSurvey(std::int32_t customer, core::Date day, std::optional<int> nps, std::optional<int> csat);
    std::int32_t addCampaign(std::string_view externalId, std::string_view channel, core::Money cost,
                             std::optional<core::Date> startsOn, std::optional<core::Date> endsOn);

    void finalize();
    bool finalized() const { return m_finalized; }
    // The customer index of a store id, or kNoIndex. Binary search while customers were
    // added in ascending id order (as the loader does), a scan otherwise.
    std::int32_t customerIndex(core::Id id) const;
    // Bytes held by the columns (capacity), for the memory figures.
    std::size_t bytes() const;

private:
    void sortLines();
    bool m_idsAscending = true;
    bool m_finalized = false;
};

} // namespace segdash::segment
