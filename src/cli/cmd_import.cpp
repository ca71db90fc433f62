// segdash import --db STORE FILE... : each file is one import, one transaction.
#include <algorithm>
#include <csignal>
#include <fstream>
#include <iostream>

#include "cli/options.h"
#include "analysis/timeline_source.h"
#include "import/import_job.h"
#include "import/profile.h"

namespace segdash::cli {

using namespace analysis; // the store-to-engine glue (src/analysis)
namespace {

volatile std::sig_atomic_t g_interrupted = 0;
void onInterrupt(int) { g_interrupted = 1; }

std::optional<char> oneChar(const std::string &value, const char *what, bool &bad) {
    if (value.empty()) return std::nullopt;
    if (value == "tab" || value == "\\t") return '\t';
    if (value == "space") return ' ';
    if (value.size() != 1) {
        std::cerr << "segdash import: " << what << " must be one character (or 'tab'), not '" << value << "'\n";
        bad = true;
    }
    return value[0];
}

std::optional<int> buildOptions(const po::variables_map &vm, import::ImportOptions &o) {
    bool bad = false;
    const std::string kind = vm["kind"].as<std::string>();
    if (kind != "auto") {
        o.kind = import::recordKindFromString(kind);
        if (!o.kind) { std::cerr << "segdash import: unknown --kind '" << kind << "'\n"; return kExitUsage; }
    }
    o.profile = vm["profile"].as<std::string>();
    if (vm.count("map")) {
        for (const auto &m : vm["map"].as<std::vector<std::string>>()) {
            const auto eq = m.find('=');
            if (eq == std::string::npos) { std::cerr << "segdash import: --map wants COLUMN=FIELD, got '" << m << "'\n"; return kExitUsage; }
            o.mapOverrides[m.substr(0, eq)] = m.substr(eq + 1);
        }
    }
    if (vm.count("encoding")) o.detect.encoding = vm["encoding"].as<std::string>();
    if (vm.count("delimiter")) o.detect.delimiter = oneChar(vm["delimiter"].as<std::string>(), "--delimiter", bad);
    if (vm.count("decimal")) o.detect.decimal = oneChar(vm["decimal"].as<std::string>(), "--decimal", bad);
    if (vm.count("date-format")) {
        const std::string f = vm["date-format"].as<std::string>();
        if (f == "YMD" || f == "iso") o.detect.dateOrder = import::DateOrder::YMD;
        else if (f == "DMY") o.detect.dateOrder = import::DateOrder::DMY;
        else if (f == "MDY") o.detect.dateOrder = import::DateOrder::MDY;
        else if (f == "excel") o.detect.dateOrder = import::DateOrder::ExcelSerial;
        else { std::cerr << "segdash import: --date-format is YMD, DMY, MDY or excel\n"; bad = true; }
    }
    o.dryRun = vm.count("dry-run") > 0;
    o.dedupeByNameAndCompany = vm.count("dedupe-name-company") > 0;
    return bad ? std::optional(int(kExitUsage)) : std::nullopt;
}

// The RFM membership history is kept current by every import; a failure here does not
// undo the import, it is reported.
void recordMembershipAfterImport(store::Store &store) {
    auto recorded = recordImportMembership(store);
    if (!recorded.ok()) {
        std::cerr << "segdash import: warning: segment membership not recorded: " << recorded.message() << "\n";
        return;
    }
    if (!*recorded) return;
    const auto &r = **recorded;
    std::cout << "segment membership (" << r.scheme << ") recorded as of " << r.asOf.toIso() << ": " << r.customers
              << " customers, " << r.update.moved << " moved, " << r.update.entered << " new\n";
}

int kindOrder(import::RecordKind k) { return static_cast<int>(k); } // customers first, then orders, lines, ...

} // namespace

int runImport(const Args &args) {
    po::options_description options("Options");
    options.add_options()
        ("db", po::value<std::string>()->required(), "the store (created when missing)")
        ("file", po::value<std::vector<std::string>>()->required(), "CSV files to import")
        ("kind", po::value<std::string>()->default_value("auto"),
         "auto|customers|orders|order-lines|opportunities|interactions|surveys|campaigns")
        ("profile", po::value<std::string>()->default_value("auto"), "auto or a profile name (see --list-profiles)")
        ("map", po::value<std::vector<std::string>>()->composing(), "COLUMN=FIELD, repeatable (FIELD empty = ignore)")
        ("encoding", po::value<std::string>(), "override the detected encoding (UTF-8, windows-1250, ...)")
        ("delimiter", po::value<std::string>(), "override the detected delimiter (, ; tab |)")
        ("decimal", po::value<std::string>(), "override the decimal separator (. or ,)")
        ("date-format", po::value<std::string>(), "override the date order: YMD, DMY, MDY or excel")
        ("dedupe-name-company", "also merge customers with the same name and company")
        ("save-recipe", "remember this mapping for files with the same headers")
        ("dry-run", "read, check and report, but store nothing")
        ("no-record", "do not record the RFM segment membership after the import (record later with "
                      "'segdash segments --record')")
        ("report", po::value<std::string>(), "write the import report(s) as JSON to this file");
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map vm;
    if (auto code = parseOptions("import", "--db STORE FILE... [options]", args, options, vm, &positional)) return *code;
    import::ImportOptions io;
    if (auto code = buildOptions(vm, io)) return *code;

    // Plan every file first, so a bad file stops the run before anything is stored.
    std::vector<import::ImportPlan> plans;
    for (const auto &file : vm["file"].as<std::vector<std::string>>()) {
        auto plan = import::planImport(file, io);
        if (!plan.ok()) { std::cerr << "segdash import: " << plan.message() << "\n"; return kExitRejected; }
        plans.push_back(std::move(*plan));
    }
    std::stable_sort(plans.begin(), plans.end(), [](const auto &a, const auto &b) { return kindOrder(a.kind) < kindOrder(b.kind); });

    auto store = store::openStore(vm["db"].as<std::string>(), store::OpenMode::CreateIfMissing);
    if (!store.ok()) { std::cerr << "segdash import: " << store.message() << "\n"; return kExitRejected; }
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    const core::ProgressFn progress = [](std::int64_t, std::int64_t) { return g_interrupted == 0; };

    std::string json = "[\n";
    int exit = kExitOk;
    bool anyImported = false;
    for (const auto &plan : plans) {
        auto report = import::runImport(**store, plan, io, progress);
        if (!report.ok()) {
            std::cerr << "segdash import: " << report.message() << "\n";
            return kExitRejected;
        }
        std::cout << report->toText();
        anyImported = anyImported || (!io.dryRun && !report->alreadyImported && report->rowsImported > 0);
        json += (json.size() > 2 ? ",\n" : "") + report->toJson();
        if (report->rowsRejected > 0 && report->rowsImported == 0 && report->rowsDuplicate == 0 && !report->alreadyImported)
            exit = kExitRejected; // nothing usable in the file
        if (vm.count("save-recipe") && !io.dryRun) {
            std::vector<std::string> headers;
            for (const auto &c : plan.detection.columns) headers.push_back(c.header);
            if (auto s = import::saveRecipe(headers, plan.mapping, plan.kind, plan.sourceSystem); !s.ok())
                std::cerr << "segdash import: " << s.message() << "\n";
        }
    }
    if (anyImported && !vm.count("no-record")) recordMembershipAfterImport(**store);
    if (vm.count("report")) {
        std::ofstream out(vm["report"].as<std::string>());
        out << json << "\n]\n";
        if (!out) { std::cerr << "segdash import: cannot write " << vm["report"].as<std::string>() << "\n"; return kExitRejected; }
    }
    return exit;
}

} // namespace segdash::cli
