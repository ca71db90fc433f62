// segdash segment --method rules --scheme NAME [--as-of DATE] [--out FILE.csv]: every
// customer's rule segment (segment/rules.h) as of a date, counts on stdout.
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>

#include "analysis/load_dataset.h"
#include "cli/options.h"
#include "analysis/rules_membership.h"

namespace segdash::cli {

using namespace analysis; // the store-to-engine glue (src/analysis)
namespace {

int fail(const std::string &message) {
    std::cerr << "segdash segment: " << message << "\n";
    return kExitRejected;
}

std::string csvField(const std::string &s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char ch : s) out += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return out + "\"";
}

// The analysis date: --as-of, else the day after the newest order, else today (no orders).
core::Result<core::Date> asOfDate(const po::variables_map &vm, store::Store &store) {
    if (vm.count("as-of")) {
        auto d = core::Date::parseIso(vm["as-of"].as<std::string>());
        if (!d) return core::Status::error("--as-of must be a date YYYY-MM-DD");
        return *d;
    }
    auto newest = store.lastOrderTime();
    if (!newest) return newest.status();
    if (*newest) return (*newest)->date().addDays(1);
    return core::Timestamp{static_cast<std::int64_t>(std::time(nullptr))}.date();
}

core::Status writeCsv(const std::string &path, store::Store &store, const segment::Dataset &data,
                      const segment::Segmentation &seg) {
    std::map<core::Id, std::string> external;
    auto status = store.forEachCustomer([&](const core::Customer &c) {
        external[c.id] = c.externalId;
        return true;
    });
    if (!status) return status;
    std::ofstream out(path, std::ios::binary);
    if (!out) return core::Status::error("cannot write " + path);
    out << "customer_id,segment\n";
    for (std::size_t c = 0; c < data.customers.size(); ++c)
        out << csvField(external[data.customers.id[c]]) << ","
            << csvField(seg.names[static_cast<std::size_t>(seg.label[c])]) << "\n";
    out.close();
    return out ? core::Status::success() : core::Status::error("cannot write " + path);
}

} // namespace

int runSegmentRules(const po::variables_map &vm) {
    if (vm["scheme"].defaulted()) return fail("--method rules needs --scheme NAME (see segdash rules --list)");
    auto store = store::openStore(vm["db"].as<std::string>(), store::OpenMode::OpenExisting);
    if (!store) return fail(store.message());
    auto scheme = loadRuleScheme(**store, vm["scheme"].as<std::string>());
    if (!scheme) return fail(scheme.message());
    auto asOf = asOfDate(vm, **store);
    if (!asOf) return fail(asOf.message());
    auto data = analysis::loadDataset(**store);
    if (!data) return fail(data.message());
    const auto seg = segment::evaluateRules(scheme->scheme, *data, *asOf);
    std::vector<std::int64_t> counts(seg.names.size(), 0);
    for (int l : seg.label) ++counts[static_cast<std::size_t>(l)];

    const std::string out = vm.count("out") ? vm["out"].as<std::string>() : "";
    if (!out.empty())
        if (auto w = writeCsv(out, **store, *data, seg); !w) return fail(w.message());
    std::cout << "Rule segments of " << scheme->name << " as of " << asOf->toIso() << ": " << data->customers.size()
              << " customers\n";
    for (std::size_t i = 0; i < seg.names.size(); ++i)
        std::cout << "  " << std::left << std::setw(24) << seg.names[i] << std::right << std::setw(10) << counts[i] << "\n";
    if (!out.empty()) std::cout << "\nwrote " << data->customers.size() << " customers to " << out << "\n";
    return kExitOk;
}

} // namespace segdash::cli
