// segdash segments --db STORE ...: RFM segments over time (sizes per snapshot), the
// migration matrix between two dates, and the stored segment membership history.
#include <algorithm>
#include <fstream>
#include <iomanip>
#include <iostream>

#include "cli/options.h"
#include "analysis/timeline_source.h"

namespace segdash::cli {

using namespace analysis; // the store-to-engine glue (src/analysis)
namespace {

constexpr const char *kSynopsis =
    "--db STORE [--scheme rfm-10|rfm-11] [--bins N] [--binning quantile|rank] [--step month|week]\n"
    "       [--from DATE] [--to DATE] [--sizes] [--migration FROM_DATE TO_DATE] [--record] [--moves] [--out FILE.csv]";

struct Settings {
    std::string scheme;
    segment::RfmOptions rfm;
    segment::SnapshotStep step = segment::SnapshotStep::Month;
    std::optional<core::Date> from, to, migrationFrom, migrationTo;
    bool sizes = false, record = false, moves = false;
    std::string out;
};

bool usage(const std::string &message) {
    std::cerr << "segdash segments: " << message << "\nTry 'segdash segments --help'.\n";
    return false;
}

int fail(const std::string &message) {
    std::cerr << "segdash segments: " << message << "\n";
    return kExitRejected;
}

bool parseDate(const std::string &text, const char *what, std::optional<core::Date> &out) {
    out = core::Date::parseIso(text);
    return out ? true : usage(std::string(what) + " must be a date YYYY-MM-DD, not '" + text + "'");
}

bool parseSettings(const po::variables_map &vm, Settings &s) {
    s.scheme = vm["scheme"].as<std::string>();
    const bool builtin = segment::builtinScheme(s.scheme).ok();
    const int bins = vm["bins"].as<int>();
    if (bins < 3 || bins > 10) return usage("--bins must be 3 to 10, not " + std::to_string(bins));
    segment::BinMethod method;
    if (!segment::binMethodFromString(vm["binning"].as<std::string>(), method) || method == segment::BinMethod::Fixed)
        return usage("--binning must be quantile or rank");
    s.rfm = segment::RfmOptions::uniform(method, bins);
    const std::string step = vm["step"].as<std::string>();
    if (step != "month" && step != "week") return usage("--step must be month or week");
    s.step = step == "week" ? segment::SnapshotStep::Week : segment::SnapshotStep::Month;
    if (vm.count("from") && !parseDate(vm["from"].as<std::string>(), "--from", s.from)) return false;
    if (vm.count("to") && !parseDate(vm["to"].as<std::string>(), "--to", s.to)) return false;
    if (s.from && s.to && *s.to < *s.from) return usage("--to is before --from");
    if (vm.count("migration")) {
        const auto dates = vm["migration"].as<std::vector<std::string>>();
        if (dates.size() != 2) return usage("--migration takes two dates: FROM_DATE TO_DATE");
        if (!parseDate(dates[0], "--migration", s.migrationFrom) || !parseDate(dates[1], "--migration", s.migrationTo))
            return false;
        if (!(*s.migrationFrom < *s.migrationTo)) return usage("--migration: FROM_DATE must be before TO_DATE");
    }
    s.record = vm.count("record") > 0;
    s.moves = vm.count("moves") > 0;
    s.sizes = vm.count("sizes") > 0 || (!s.migrationFrom && !s.record && !s.moves);
    if (vm.count("out")) s.out = vm["out"].as<std::string>();
    // Snapshots are RFM; a stored rule scheme has a recorded history, so --moves works for it.
    if (!builtin && (s.sizes || s.migrationFrom || s.record))
        return usage("--scheme must be rfm-10 or rfm-11 (a stored rule scheme works with --moves only)");
    return true;
}

// For --moves on a scheme that is not built in: it must be stored (segdash rules --add).
core::Status checkStoredScheme(const Settings &s, store::Store &store) {
    if (segment::builtinScheme(s.scheme).ok()) return core::Status::success();
    auto schemes = store.listSchemes();
    if (!schemes) return schemes.status();
    for (const auto &scheme : *schemes)
        if (scheme.name == s.scheme) return core::Status::success();
    return core::Status::error("no scheme named '" + s.scheme + "' (built in: rfm-10, rfm-11; stored: see 'segdash rules --list')");
}

// Period ends from --from (or the first order) up to --to (or the last order); --to
// itself is the last snapshot when given.
std::vector<core::Date> sizeSnapshots(const Settings &s, const TimelineSource &src) {
    const core::Date first = s.from ? *s.from : *src.firstOrder;
    const core::Date last = s.to ? *s.to : *src.lastOrder;
    auto dates = segment::snapshotDates(first, last, s.step);
    if (s.to) {
        while (!dates.empty() && !(dates.back() < *s.to)) dates.pop_back();
        dates.push_back(*s.to);
    }
    return dates;
}

core::Result<segment::TimelineResult> run(const Settings &s, const TimelineSource &src, std::vector<core::Date> dates,
                                          bool keepLabels) {
    segment::TimelineOptions options;
    options.rfm = s.rfm;
    options.scheme = *segment::builtinScheme(s.scheme);
    options.snapshots = std::move(dates);
    if (keepLabels) options.keepLabels = options.snapshots;
    return segment::computeTimeline(src.orders, src.customerIds.size(), options);
}

double share(std::int64_t part, std::int64_t whole) { return whole > 0 ? static_cast<double>(part) / whole : 0.0; }

core::Status writeSizesCsv(const std::string &path, const segment::TimelineResult &r) {
    std::ofstream out(path);
    out << "date,segment,customers,share,revenue\n" << std::fixed << std::setprecision(4);
    for (const auto &snap : r.snapshots)
        for (std::size_t k = 0; k < r.segmentNames.size(); ++k)
            out << snap.date.toIso() << ',' << r.segmentNames[k] << ',' << snap.counts[k] << ','
                << share(snap.counts[k], snap.customers) << ',' << snap.revenue[k].toString(2) << '\n';
    out.close();
    return out ? core::Status::success() : core::Status::error("cannot write " + path);
}

void printSizes(const segment::TimelineResult &r) {
    std::cout << "Customers per segment at each snapshot (recency as of the snapshot date):\n"
              << std::setw(10) << "date" << std::setw(10) << "customers";
    for (const auto &name : r.segmentNames) std::cout << "  " << name;
    std::cout << std::setw(16) << "revenue" << "\n";
    for (const auto &snap : r.snapshots) {
        std::cout << snap.date.toIso() << std::setw(10) << snap.customers;
        for (std::size_t k = 0; k < r.segmentNames.size(); ++k)
            std::cout << "  " << std::setw(static_cast<int>(r.segmentNames[k].size())) << snap.counts[k];
        std::cout << std::setw(16) << snap.periodRevenue.toString(2) << "\n";
    }
}

void printMigration(const segment::MigrationMatrix &m) {
    std::cout << "Migration from " << m.from.toIso() << " (rows) to " << m.to.toIso() << " (columns):\n";
    std::size_t width = 5;
    for (const auto &n : m.rowNames) width = std::max(width, n.size());
    std::cout << std::left << std::setw(static_cast<int>(width)) << "from \\ to" << std::right;
    for (const auto &n : m.columnNames) std::cout << "  " << n;
    std::cout << "  total\n";
    for (std::size_t i = 0; i < m.rowNames.size(); ++i) {
        std::cout << std::left << std::setw(static_cast<int>(width)) << m.rowNames[i] << std::right;
        for (std::size_t j = 0; j < m.columnNames.size(); ++j)
            std::cout << "  " << std::setw(static_cast<int>(m.columnNames[j].size())) << m.counts[i][j];
        std::cout << "  " << std::setw(5) << m.rowTotals[i] << "\n";
    }
    std::cout << std::left << std::setw(static_cast<int>(width)) << "total" << std::right;
    for (std::size_t j = 0; j < m.columnNames.size(); ++j)
        std::cout << "  " << std::setw(static_cast<int>(m.columnNames[j].size())) << m.columnTotals[j];
    std::cout << "  " << std::setw(5) << m.total << "\n";
}

core::Status writeMigrationCsv(const std::string &path, const segment::MigrationMatrix &m) {
    std::ofstream out(path);
    out << "from_segment,to_segment,customers\n";
    for (std::size_t i = 0; i < m.rowNames.size(); ++i)
        for (std::size_t j = 0; j < m.columnNames.size(); ++j)
            out << m.rowNames[i] << ',' << m.columnNames[j] << ',' << m.counts[i][j] << '\n';
    out.close();
    return out ? core::Status::success() : core::Status::error("cannot write " + path);
}

core::Status sizesAndMigration(const Settings &s, store::Store &store) {
    auto src = loadTimelineSource(store);
    if (!src) return src.status();
    if (src->orders.empty()) return core::Status::error("the store holds no customer orders: import orders first");
    if (s.sizes) {
        auto r = run(s, *src, sizeSnapshots(s, *src), false);
        if (!r) return r.status();
        printSizes(*r);
        if (!s.out.empty()) {
            if (auto w = writeSizesCsv(s.out, *r); !w) return w;
            std::cout << "wrote " << r->snapshots.size() * r->segmentNames.size() << " rows to " << s.out << "\n";
        }
    }
    if (s.migrationFrom) {
        auto r = run(s, *src, {*s.migrationFrom, *s.migrationTo}, true);
        if (!r) return r.status();
        auto m = segment::migrationMatrix(r->segmentNames, r->labels[0], r->labels[1]);
        if (!m) return m.status();
        printMigration(*m);
        if (!s.out.empty() && !s.sizes) {
            if (auto w = writeMigrationCsv(s.out, *m); !w) return w;
            std::cout << "wrote the migration matrix to " << s.out << "\n";
        }
    }
    return core::Status::success();
}

core::Status printMoves(const Settings &s, store::Store &store) {
    auto dates = store.membershipDates(s.scheme);
    if (!dates) return dates.status();
    if (dates->size() < 2) {
        std::cout << "Membership history of " << s.scheme << ": " << dates->size()
                  << " recording(s), nothing to compare yet\n";
        return core::Status::success();
    }
    const core::Date from = (*dates)[dates->size() - 2], to = dates->back();
    auto moves = store.movesBetween(s.scheme, from, to);
    if (!moves) return moves.status();
    std::cout << "Recorded moves of " << s.scheme << " from " << from.toIso() << " to " << to.toIso() << ":\n";
    for (const auto &m : *moves)
        std::cout << "  " << (m.from.empty() ? "(none)" : m.from) << " -> " << (m.to.empty() ? "(none)" : m.to) << ": "
                  << m.customers << "\n";
    return core::Status::success();
}

core::Status record(const Settings &s, store::Store &store) {
    auto recorded = recordRfmMembership(store, s.scheme, s.rfm, s.to);
    if (!recorded) return recorded.status();
    if (!*recorded) return core::Status::error("no customer has a purchase: nothing to record");
    const auto &r = **recorded;
    std::cout << "Recorded " << r.scheme << " membership as of " << r.asOf.toIso() << ": " << r.customers
              << " customers (" << r.update.entered << " new, " << r.update.moved << " moved, " << r.update.unchanged
              << " unchanged, " << r.update.left << " left)\n";
    return core::Status::success();
}

void addOptions(po::options_description &o) {
    o.add_options()
        ("db", po::value<std::string>()->required(), "the store")
        ("scheme", po::value<std::string>()->default_value("rfm-10"),
         "named segments: rfm-10 or rfm-11; with --moves also a stored rule scheme")
        ("bins", po::value<int>()->default_value(5), "bins per RFM dimension, 3 to 10")
        ("binning", po::value<std::string>()->default_value("quantile"), "quantile (R package rfm) or rank (NTILE)")
        ("step", po::value<std::string>()->default_value("month"), "snapshot every month end or week end (Sunday)")
        ("from", po::value<std::string>(), "first snapshot period (default: the first order's)")
        ("to", po::value<std::string>(), "last snapshot date (default: the last order's period end); --record: as-of date")
        ("sizes", "segment sizes over time (the default when nothing else is asked)")
        ("migration", po::value<std::vector<std::string>>()->multitoken(), "FROM_DATE TO_DATE: from-segment x to-segment counts")
        ("record", "record the current membership in the store's history (as of --to or the day after the last order)")
        ("moves", "moves between the last two recorded memberships of the scheme")
        ("out", po::value<std::string>(), "write the sizes (or, alone, the migration matrix) as CSV");
}

} // namespace

int runSegments(const Args &args) {
    po::options_description options("Options");
    addOptions(options);
    po::variables_map vm;
    if (auto code = parseOptions("segments", kSynopsis, args, options, vm)) return *code;
    Settings s;
    if (!parseSettings(vm, s)) return kExitUsage;
    auto store = store::openStore(vm["db"].as<std::string>(), store::OpenMode::OpenExisting);
    if (!store) return fail(store.message());
    if (auto st = checkStoredScheme(s, **store); !st) return fail(st.message());
    if (s.sizes || s.migrationFrom)
        if (auto st = sizesAndMigration(s, **store); !st) return fail(st.message());
    if (s.record)
        if (auto st = record(s, **store); !st) return fail(st.message());
    if (s.moves)
        if (auto st = printMoves(s, **store); !st) return fail(st.message());
    return kExitOk;
}

} // namespace segdash::cli
