// The cleaner against what the generator injected: every defect that makes a row unreadable
// is rejected at exactly the file, line and column listed in defects.csv, duplicates are merged,
// and everything else lands. Both dialects (the Polish one is Windows-1250, ';', decimal comma).
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "datagen/generator.h"
#include "import/cleaning.h"
#include "import/csv_reader.h"
#include "import/field_mapping.h"
#include "import/import_job.h"
#include "import/value_parse.h"
#include "temp_store.h"

using namespace segdash;

namespace {

struct Defect {
    std::string file, columnName, kind, injected;
    std::int64_t line = 0;
    int column = 0;
};

// defects.csv read with SegDash's own reader (injected values may hold quotes and commas).
std::vector<Defect> readDefects(const std::string &path) {
    std::vector<Defect> out;
    auto reader = import::CsvReader::openFile(path, {});
    if (!reader.ok()) return out;
    import::CsvRecord r;
    (*reader)->next(r); // header: file,line,column,column_name,kind,original_value,injected_value
    while ((*reader)->next(r))
        out.push_back({std::string(r.fields[0]), std::string(r.fields[3]), std::string(r.fields[4]),
                       std::string(r.fields[6]), std::stoll(std::string(r.fields[1])), std::stoi(std::string(r.fields[2]))});
    return out;
}

// Whether the importer must reject the row the defect sits in: judged by the importer's own
// rules (required fields, what the value parser reads), not by the generator's label.
bool mustReject(const Defect &d, const import::ImportPlan &plan) {
    if (d.kind == "wrong_field_count" || d.kind == "bad_date") return true;
    const auto col = static_cast<std::size_t>(d.column - 1);
    const std::string field = col < plan.mapping.targets.size() ? plan.mapping.targets[col] : "";
    if (d.kind == "blank_required") {
        const auto *def = import::findField(plan.kind, field);
        return def && def->required;
    }
    if (d.kind == "bad_number") return !import::parseAmount(d.injected, plan.detection.columns[col].number.value);
    return false;
}

const char *const kFiles[] = {"customers", "orders", "order_lines", "opportunities", "interactions", "surveys", "campaigns"};

void checkDirtyImport(datagen::Dialect dialect) {
    test::TempStore t;
    datagen::GeneratorOptions g;
    g.customers = 400;
    g.years = 2;
    g.seed = 11;
    g.dirtyRate = 0.03;
    g.dialect = dialect;
    g.outDir = (t.dir() / "data").string();
    ASSERT_TRUE(datagen::generateDataset(g, {}).ok());

    std::map<std::string, import::ImportReport> reports;
    std::map<std::string, import::ImportPlan> plans;
    for (const char *f : kFiles) {
        const std::string path = g.outDir + "/" + f + ".csv";
        auto plan = import::planImport(path, {});
        ASSERT_TRUE(plan.ok()) << plan.message();
        auto report = import::runImport(t.store(), *plan, {});
        ASSERT_TRUE(report.ok()) << report.message();
        EXPECT_GT(report->rowsImported, 0) << f;
        reports[std::string(f) + ".csv"] = *report;
        plans[std::string(f) + ".csv"] = *plan;
    }
    int checked = 0;
    for (const auto &d : readDefects(g.outDir + "/defects.csv")) {
        if (d.file == "file" || !plans.count(d.file)) continue;
        const auto &rejected = reports[d.file].rejected;
        const auto rejectedHere = [&](const import::RejectedRow &r) {
            return r.line == d.line && (d.kind == "wrong_field_count" || r.column == d.column);
        };
        const bool hit = std::any_of(rejected.begin(), rejected.end(), rejectedHere);
        if (mustReject(d, plans[d.file])) {
            EXPECT_TRUE(hit) << d.kind << " '" << d.injected << "' at " << d.file << ":" << d.line << ":" << d.column
                             << " was not rejected there";
            ++checked;
        } else if (d.kind == "bad_number" || d.kind == "blank_required") {
            EXPECT_FALSE(hit) << d.kind << " '" << d.injected << "' at " << d.file << ":" << d.line
                              << " is readable but was rejected";
        }
    }
    EXPECT_GT(checked, 20);
    const auto &customers = reports["customers.csv"];
    const auto merged = customers.cleaning.count(import::kRuleDuplicateEmail) ? customers.cleaning.at(import::kRuleDuplicateEmail) : 0;
    std::int64_t injectedDuplicates = 0;
    for (const auto &d : readDefects(g.outDir + "/defects.csv")) injectedDuplicates += d.kind.rfind("duplicate", 0) == 0;
    EXPECT_EQ(merged + (customers.cleaning.count(import::kRuleDuplicateId) ? customers.cleaning.at(import::kRuleDuplicateId) : 0),
              injectedDuplicates);
    EXPECT_TRUE(t.integrityOk());
}

} // namespace

TEST(DirtyData, EnglishDefectsAreRejectedWhereInjected) { checkDirtyImport(datagen::Dialect::English); }
TEST(DirtyData, PolishDefectsAreRejectedWhereInjected) { checkDirtyImport(datagen::Dialect::Polish); }

// The bundled demo is the generator's output for the documented command, and imports cleanly.
TEST(DemoData, IsTheGeneratorsOutputAndImportsWithoutRejects) {
    test::TempStore t;
    datagen::GeneratorOptions g;
    g.customers = 3000;
    g.years = 3;
    g.seed = 42;
    g.outDir = (t.dir() / "demo").string();
    ASSERT_TRUE(datagen::generateDataset(g, {}).ok());
    for (const char *f : kFiles) {
        const std::string name = std::string(f) + ".csv";
        std::ifstream a(g.outDir + "/" + name, std::ios::binary), b(SEGDASH_DEMO_DIR "/" + name, std::ios::binary);
        std::stringstream sa, sb;
        sa << a.rdbuf();
        sb << b.rdbuf();
        EXPECT_TRUE(sa.str() == sb.str()) << "data/demo/" << name << " differs from `segdash generate --customers 3000 "
                                             "--years 3 --seed 42`: regenerate it";
        auto plan = import::planImport(SEGDASH_DEMO_DIR "/" + name, {});
        ASSERT_TRUE(plan.ok()) << plan.message();
        auto report = import::runImport(t.store(), *plan, {});
        ASSERT_TRUE(report.ok()) << report.message();
        EXPECT_EQ(report->rowsRejected, 0) << report->toText();
        EXPECT_EQ(report->rowsImported, report->rowsRead) << name;
    }
    const auto s = t.store().summary();
    EXPECT_EQ(s->customers, 3000);
    EXPECT_GT(s->opportunities, 0);
    EXPECT_GT(s->interactions, 0);
    EXPECT_GT(s->surveys, 0);
    EXPECT_GT(s->campaigns, 0);
}
