#pragma once
// Turns one parsed CSV record into a core record, applying the cleaning rules and
// the number/date conventions detected for each column. A value that cannot be
// read rejects the row with the column and the reason.
#include <optional>
#include <unordered_map>
#include <string>
#include <string_view>
#include <vector>

#include "core/records.h"
#include "import/cleaning.h"
#include "import/csv_reader.h"
#include "import/import_job.h"

namespace segdash::import {

struct RowError {
    int column = 0; // 1-based; 0 = the whole row
    std::string reason;
};

// Fields shared by order and order-line rows that describe the customer.
struct CustomerRef {
    std::string externalId;
    std::string email;
    core::Customer attributes; // name, country, city, company from the row
    bool attributesRead = false;
};

class RowConverter {
public:
    RowConverter(const ImportPlan &plan, const std::string &defaultCurrency, const std::string &cancellationPrefix,
                 CleaningCounts &counts);

    std::optional<RowError> customer(const CsvRecord &r, core::Customer &out);
    std::optional<RowError> order(const CsvRecord &r, core::Order &out, CustomerRef &ref);
    // Line fields; `order` gets the order-level fields when the file carries them.
    std::optional<RowError> orderLine(const CsvRecord &r, core::OrderLine &out, core::Order &order, CustomerRef &ref);
    std::optional<RowError> opportunity(const CsvRecord &r, core::Opportunity &out);
    std::optional<RowError> interaction(const CsvRecord &r, core::Interaction &out);
    std::optional<RowError> survey(const CsvRecord &r, core::SurveyResponse &out);
    std::optional<RowError> campaign(const CsvRecord &r, core::Campaign &out);

    // The customer attributes an order or line row carries (name, company, city, country).
    // Read only when the customer is new to this import: most rows repeat known customers.
    void customerAttributes(const CsvRecord &r, CustomerRef &ref);

    bool linesCarryOrders() const { return m_linesCarryOrders; }
    const std::vector<std::string> &headers() const { return m_headers; }

private:
    // Column of each field, resolved once (the per-row path must not search by name).
    struct Columns {
        int customerId = -1, name = -1, firstName = -1, lastName = -1, email = -1, phone = -1, company = -1,
            industry = -1, companySize = -1, country = -1, region = -1, city = -1, birthYear = -1, ageBand = -1,
            channel = -1, acquiredOn = -1, acquisitionCost = -1, salesRep = -1, lifecycleStage = -1, orderId = -1,
            orderDate = -1, revenue = -1, cost = -1, currency = -1, kind = -1, productCode = -1, productName = -1,
            category = -1, quantity = -1, unitPrice = -1, unitCost = -1, opportunityId = -1, stage = -1,
            amount = -1, probability = -1, createdOn = -1, closedOn = -1, status = -1, owner = -1, timestamp = -1,
            campaignId = -1, detail = -1, answeredOn = -1, nps = -1, csat = -1, comment = -1, startsOn = -1,
            endsOn = -1, target = -1;
    };
    void resolveColumns();
    void readCustomFields(const CsvRecord &r, core::Customer &out);
    std::string_view raw(const CsvRecord &r, int c) const;
    std::string text(const CsvRecord &r, int c);
    std::string id(const CsvRecord &r, int c);
    std::optional<RowError> money(const CsvRecord &r, int c, bool required, std::optional<core::Money> &out,
                                  std::string *currency = nullptr);
    std::optional<RowError> number(const CsvRecord &r, int c, bool required, std::optional<double> &out);
    std::optional<RowError> timestamp(const CsvRecord &r, int c, bool required, std::optional<core::Timestamp> &out);
    std::optional<RowError> date(const CsvRecord &r, int c, bool required, std::optional<core::Date> &out);
    std::string country(const CsvRecord &r, int c, core::Customer *customerForRaw);
    std::string currency(const CsvRecord &r, int c);
    void readCustomerRef(const CsvRecord &r, CustomerRef &ref);
    RowError error(int c, std::string reason) const;

    const ImportPlan &m_plan;
    std::string m_defaultCurrency;
    std::string m_cancellationPrefix;
    CleaningCounts &m_counts;
    std::vector<std::string> m_headers;
    std::vector<NumberFormat> m_numberFormats; // per column
    std::vector<DateFormat> m_dateFormats;     // per column
    Columns m_c;
    std::vector<bool> m_mapped; // per column: mapped to a field
    bool m_linesCarryOrders = false;
    std::string m_scratch;
    std::unordered_map<std::string, std::string> m_countryCache; // raw text -> ISO code ("" unknown)
};

} // namespace segdash::import
