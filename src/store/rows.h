#pragma once
// Column lists and row conversions shared by the store's queries and the import session.
#include <cstdint>

#include "core/records.h"
#include "store/sqlite_db.h"
#include "store/store.h"

namespace segdash::store::rows {

// The customer fields from external_id on, in table order (17 columns).
inline constexpr const char *kCustomerFields =
    "external_id, name, email, phone, company, industry, company_size, country, region, city, "
    "birth_year, age_band, channel, acquired_on, acquisition_cost, sales_rep, lifecycle_stage";
inline constexpr int kCustomerFieldCount = 17;

// id, source name, then the 17 fields.
inline constexpr const char *kSelectCustomer =
    "SELECT c.id, s.name, c.external_id, c.name, c.email, c.phone, c.company, c.industry, c.company_size, "
    "c.country, c.region, c.city, c.birth_year, c.age_band, c.channel, c.acquired_on, c.acquisition_cost, "
    "c.sales_rep, c.lifecycle_stage FROM customers c JOIN sources s ON s.id = c.source_id";

inline constexpr const char *kSelectImport =
    "SELECT id, file_name, file_size, content_hash, kind, profile, settings_json, rows_read, rows_imported, "
    "rows_rejected, started_at, seconds, state FROM imports";

inline constexpr const char *kSelectStats =
    "SELECT customer_id, first_purchase, last_purchase, purchase_count, return_count, gross_revenue, "
    "returns_value, cost, margin FROM customer_stats";

inline constexpr const char *kSelectOrder =
    "SELECT id, external_id, customer_id, placed_at, revenue, cost, currency, channel, kind FROM orders";

// Binds the 17 customer fields to parameters first .. first+16.
void bindCustomerFields(sql::Statement &stmt, int first, const core::Customer &customer);
// Reads a kSelectCustomer row (custom attributes are read separately).
core::Customer readCustomer(const sql::Statement &stmt);
ImportRecord readImport(const sql::Statement &stmt);
core::CustomerStats readStats(const sql::Statement &stmt);
core::Order readOrder(const sql::Statement &stmt);

int orderKindCode(core::OrderKind kind);
int interactionKindCode(core::InteractionKind kind);

// Trimmed, ASCII lower case: the form e-mails are stored and matched in.
std::string normaliseEmail(std::string_view email);

} // namespace segdash::store::rows
