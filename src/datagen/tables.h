#pragma once
// The files the generator writes and their columns, with the English and Polish
// header of every column (the importer profiles map these names).
#include <span>

namespace segdash::datagen {

enum class ColumnType { Id, Text, Email, Country, Integer, Decimal, Money, Date, Timestamp, Enum };

struct ColumnSpec {
    const char *en;
    const char *pl;
    ColumnType type;
    bool required;
};

struct TableSpec {
    const char *file;
    std::span<const ColumnSpec> columns;
    bool dirtyable; // data tables take defects; ground truth and the defect list never do
};

namespace col {
enum Customers { kCustId, kName, kEmail, kPhone, kCompany, kIndustry, kSize, kCountry, kRegion, kCity,
                 kBirthYear, kAgeBand, kChannel, kAcquiredOn, kAcqCost, kSalesRep, kStage };
enum Orders { kOrderId, kOrderCust, kOrderDate, kRevenue, kCost, kCurrency, kOrderChannel, kKind };
enum Lines { kLineOrder, kProductCode, kProductName, kCategory, kQuantity, kUnitPrice, kUnitCost };
enum Opportunities { kOppId, kOppCust, kOppName, kOppStage, kAmount, kProbability, kCreatedOn, kClosedOn,
                     kStatus, kOwner };
enum Interactions { kIaCust, kIaKind, kIaTime, kIaCampaign, kIaDetail };
enum Surveys { kSvCust, kSvDate, kNps, kCsat, kComment };
enum Campaigns { kCampId, kCampName, kCampChannel, kCampCost, kStartsOn, kEndsOn, kTarget };
enum GroundTruth { kGtCust, kGtGroup, kGtLambda, kGtDropout, kGtAlive, kGtFuture, kGtMu, kGtAcquired };
enum Defects { kDfFile, kDfLine, kDfColumn, kDfColumnName, kDfKind, kDfOriginal, kDfInjected };
} // namespace col

const TableSpec &customersTable();
const TableSpec &ordersTable();
const TableSpec &orderLinesTable();
const TableSpec &opportunitiesTable();
const TableSpec &interactionsTable();
const TableSpec &surveysTable();
const TableSpec &campaignsTable();
const TableSpec &groundTruthTable();
const TableSpec &defectsTable();

} // namespace segdash::datagen
