#pragma once
// DefectInjector: makes a dataset dirty the way real CRM exports are (duplicate
// customers, country spellings, blanks, stray quotes, wrong field counts, bad numbers
// and dates) and lists every defect in defects.csv with file, line and column, so an
// importer's cleaning can be checked against the truth.
#include <cstdint>
#include <string>
#include <string_view>

#include "datagen/generator.h"
#include "datagen/random.h"
#include "datagen/table_writer.h"

namespace segdash::datagen {

class DefectInjector : public RowHook {
public:
    // `out` is the defects.csv writer; duplicate customers get ids after `customers`.
    DefectInjector(const GeneratorOptions &options, TableWriter &out);
    void onRow(TableWriter &writer) override;
    std::int64_t count() const { return m_count; }

private:
    enum class Kind { DuplicateEmail, DuplicateId, CountryVariant, BlankOptional, BlankRequired, StrayQuote,
                      WrongFieldCount, BadNumber, BadDate };

    bool inject(TableWriter &w, Kind kind);
    bool duplicate(TableWriter &w, bool sameId);
    bool countryVariant(TableWriter &w);
    bool blank(TableWriter &w, bool required);
    bool strayQuote(TableWriter &w);
    bool wrongFieldCount(TableWriter &w);
    bool badValue(TableWriter &w, bool date);
    int pickColumn(TableWriter &w, bool (*accept)(const TableWriter &, int));
    void record(TableWriter &w, std::int64_t line, int col, Kind kind, std::string_view original,
                std::string_view injected);

    Rng m_rng;
    double m_rate;
    std::int64_t m_customers;
    std::int64_t m_duplicates = 0;
    std::int64_t m_count = 0;
    TableWriter &m_out;
};

} // namespace segdash::datagen
