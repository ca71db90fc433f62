// `segdash generate`: writes a synthetic CRM dataset (see docs/data-generator.md).
#include <cstdio>

#include "cli/options.h"
#include "datagen/generator.h"

namespace segdash::cli {

int runGenerate(const Args &args) {
    po::options_description options("Options");
    std::int64_t customers = 0;
    std::string out, start = "2023-01-01", dialect = "en";
    std::uint64_t seed = 1;
    double years = 3, dirty = 0;
    options.add_options()
        ("customers", po::value(&customers)->required(), "number of customers")
        ("out", po::value(&out)->required(), "output directory (created if missing)")
        ("seed", po::value(&seed)->default_value(1), "random seed: the same seed gives the same files")
        ("years", po::value(&years)->default_value(3), "years of history")
        ("start", po::value(&start)->default_value("2023-01-01"), "first day of the data (YYYY-MM-DD)")
        ("dialect", po::value(&dialect)->default_value("en"),
         "en: ',' UTF-8 ISO dates; pl: ';' decimal comma dd.mm.yyyy Windows-1250")
        ("dirty", po::value(&dirty)->default_value(0), "fraction of rows given a defect (0..1), listed in defects.csv");
    po::variables_map vm;
    if (auto code = parseOptions("generate", "--customers N --out DIR [options]", args, options, vm)) return *code;

    datagen::GeneratorOptions o;
    o.customers = customers;
    o.outDir = out;
    o.seed = seed;
    o.years = years;
    o.dirtyRate = dirty;
    const auto startDate = core::Date::parseIso(start);
    if (!startDate || (dialect != "en" && dialect != "pl")) {
        std::cerr << "segdash generate: " << (!startDate ? "--start must be a date YYYY-MM-DD" : "--dialect must be en or pl")
                  << "\n";
        return kExitUsage;
    }
    o.start = *startDate;
    o.dialect = dialect == "pl" ? datagen::Dialect::Polish : datagen::Dialect::English;

    const auto result = datagen::generateDataset(o, nullptr);
    if (!result) {
        std::cerr << "segdash generate: " << result.message() << "\n";
        // Out-of-range option values are usage errors; anything else (disk) is a failure.
        return result.message().find(" must ") != std::string::npos ? kExitUsage : kExitRejected;
    }
    const auto &s = *result;
    std::printf("generated %lld customers, %lld orders (%lld lines), %lld interactions, %lld defects, "
                "%.1f MB in %.2f s into %s\n",
                (long long)s.customers, (long long)s.orderRows, (long long)s.orderLines, (long long)s.interactions,
                (long long)s.defects, double(s.totalBytes()) / 1e6, s.seconds, out.c_str());
    return kExitOk;
}

} // namespace segdash::cli
