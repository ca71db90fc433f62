#include "datagen/tables.h"

namespace segdash::datagen {
namespace {

using T = ColumnType;

constexpr ColumnSpec kCustomers[] = {
    {"customer_id", "ID klienta", T::Id, true},
    {"name", "Nazwa", T::Text, true},
    {"email", "E-mail", T::Email, true},
    {"phone", "Telefon", T::Text, false},
    {"company", "Firma", T::Text, false},
    {"industry", "Branża", T::Enum, false},
    {"company_size", "Wielkość firmy", T::Enum, false},
    {"country", "Kraj", T::Country, false},
    {"region", "Województwo", T::Text, false},
    {"city", "Miasto", T::Text, false},
    {"birth_year", "Rok urodzenia", T::Integer, false},
    {"age_band", "Przedział wieku", T::Enum, false},
    {"channel", "Kanał", T::Enum, false},
    {"acquired_on", "Data pozyskania", T::Date, false},
    {"acquisition_cost", "Koszt pozyskania", T::Money, false},
    {"sales_rep", "Opiekun", T::Text, false},
    {"lifecycle_stage", "Etap", T::Enum, false},
};

constexpr ColumnSpec kOrders[] = {
    {"order_id", "Nr zamówienia", T::Id, true},
    {"customer_id", "Klient", T::Id, true},
    {"order_date", "Data", T::Timestamp, true},
    {"revenue", "Wartość", T::Money, true},
    {"cost", "Koszt", T::Money, false},
    {"currency", "Waluta", T::Enum, false},
    {"channel", "Kanał", T::Enum, false},
    {"kind", "Rodzaj", T::Enum, false},
};

constexpr ColumnSpec kOrderLines[] = {
    {"order_id", "Nr zamówienia", T::Id, true},
    {"product_code", "Kod produktu", T::Id, true},
    {"product_name", "Nazwa produktu", T::Text, false},
    {"category", "Kategoria", T::Enum, false},
    {"quantity", "Ilość", T::Integer, true},
    {"unit_price", "Cena jednostkowa", T::Money, true},
    {"unit_cost", "Koszt jednostkowy", T::Money, false},
};

constexpr ColumnSpec kOpportunities[] = {
    {"opportunity_id", "Nr szansy", T::Id, true},
    {"customer_id", "Klient", T::Id, true},
    {"name", "Nazwa", T::Text, false},
    {"stage", "Etap", T::Enum, true},
    {"amount", "Kwota", T::Money, true},
    {"probability", "Prawdopodobieństwo", T::Decimal, false},
    {"created_on", "Data utworzenia", T::Date, true},
    {"closed_on", "Data zamknięcia", T::Date, false},
    {"status", "Status", T::Enum, true},
    {"owner", "Opiekun", T::Text, false},
};

constexpr ColumnSpec kInteractions[] = {
    {"customer_id", "Klient", T::Id, true},
    {"kind", "Rodzaj", T::Enum, true},
    {"timestamp", "Data i godzina", T::Timestamp, true},
    {"campaign_id", "Kampania", T::Id, false},
    {"detail", "Szczegóły", T::Text, false},
};

constexpr ColumnSpec kSurveys[] = {
    {"customer_id", "Klient", T::Id, true},
    {"answered_on", "Data odpowiedzi", T::Date, true},
    {"nps", "NPS", T::Integer, false},
    {"csat", "CSAT", T::Integer, false},
    {"comment", "Komentarz", T::Text, false},
};

constexpr ColumnSpec kCampaigns[] = {
    {"campaign_id", "Nr kampanii", T::Id, true},
    {"name", "Nazwa", T::Text, true},
    {"channel", "Kanał", T::Enum, false},
    {"cost", "Koszt", T::Money, false},
    {"starts_on", "Data rozpoczęcia", T::Date, false},
    {"ends_on", "Data zakończenia", T::Date, false},
    {"target", "Grupa docelowa", T::Text, false},
};

// Ground truth and the defect list are for machines: always English, UTF-8, ISO dates.
constexpr ColumnSpec kGroundTruth[] = {
    {"customer_id", "customer_id", T::Id, true},
    {"group", "group", T::Enum, true},
    {"purchase_rate_per_year", "purchase_rate_per_year", T::Decimal, true},
    {"dropout_date", "dropout_date", T::Date, false},
    {"alive_at_end", "alive_at_end", T::Integer, true},
    {"true_future_purchases", "true_future_purchases", T::Integer, true},
    {"dropout_rate_per_year", "dropout_rate_per_year", T::Decimal, true},
    {"acquired_on", "acquired_on", T::Date, true},
};

constexpr ColumnSpec kDefects[] = {
    {"file", "file", T::Text, true},
    {"line", "line", T::Integer, true},
    {"column", "column", T::Integer, true},
    {"column_name", "column_name", T::Text, true},
    {"kind", "kind", T::Enum, true},
    {"original_value", "original_value", T::Text, false},
    {"injected_value", "injected_value", T::Text, false},
};

} // namespace

const TableSpec &customersTable() { static const TableSpec t{"customers.csv", kCustomers, true}; return t; }
const TableSpec &ordersTable() { static const TableSpec t{"orders.csv", kOrders, true}; return t; }
const TableSpec &orderLinesTable() { static const TableSpec t{"order_lines.csv", kOrderLines, true}; return t; }
const TableSpec &opportunitiesTable() {
    static const TableSpec t{"opportunities.csv", kOpportunities, true};
    return t;
}
const TableSpec &interactionsTable() {
    static const TableSpec t{"interactions.csv", kInteractions, true};
    return t;
}
const TableSpec &surveysTable() { static const TableSpec t{"surveys.csv", kSurveys, true}; return t; }
const TableSpec &campaignsTable() { static const TableSpec t{"campaigns.csv", kCampaigns, true}; return t; }
const TableSpec &groundTruthTable() {
    static const TableSpec t{"ground_truth.csv", kGroundTruth, false};
    return t;
}
const TableSpec &defectsTable() { static const TableSpec t{"defects.csv", kDefects, false}; return t; }

} // namespace segdash::datagen
