// segdash segment --db STORE [--method rfm|kmeans] ...: RFM scores and named segments for
// every purchasing customer, optionally k-means clusters; a summary on stdout, a CSV with --out.
#include <iostream>
#include <sstream>

#include "analysis/rfm_schemes.h"
#include "cli/options.h"
#include "cli/segment_features.h"
#include "cli/segment_report.h"
#include "analysis/segment_source.h"

namespace segdash::cli {

using namespace analysis; // the store-to-engine glue (src/analysis)

int runSegmentRules(const po::variables_map &vm); // segment_rules.cpp

namespace {

constexpr const char *kSynopsis =
    "--db STORE [--method rfm|kmeans|rules] [--bins N] [--binning quantile|rank|fixed]\n"
    "       [--breaks-r a,b,.. --breaks-f .. --breaks-m ..] [--scheme rfm-10|rfm-11|RULES] [--as-of DATE]\n"
    "       [--from DATE] [--to DATE] [--k N|auto] [--k-range 2-10] [--features LIST] [--seed S] [--out FILE.csv]";

struct Settings {
    bool kmeans = false;
    segment::RfmOptions rfm;
    std::string scheme;
    SegmentSourceOptions source;
    std::optional<int> k; // nullopt = auto
    int kMin = 2;
    int kMax = 10;
    int nInit = 4;
    std::uint64_t seed = 42;
    segment::FeatureOptions features;
    std::string dumpFeatures; // hidden --dump-features FILE
    MetricKMeansSettings metric; // when --features names metrics (segment_features.cpp)
};

// Prints the usage error and returns false, so parsing reads as a chain of checks.
bool usage(const std::string &message) {
    std::cerr << "segdash segment: " << message << "\nTry 'segdash segment --help'.\n";
    return false;
}

bool parseDate(const po::variables_map &vm, const char *name, std::optional<core::Date> &out) {
    if (!vm.count(name)) return true;
    out = core::Date::parseIso(vm[name].as<std::string>());
    return out ? true : usage(std::string("--") + name + " must be a date YYYY-MM-DD");
}

bool parseBreaks(const po::variables_map &vm, const char *name, std::vector<double> &out) {
    if (!vm.count(name)) return usage(std::string("--binning fixed needs --") + name);
    std::stringstream in(vm[name].as<std::string>());
    std::string item;
    while (std::getline(in, item, ',')) {
        std::size_t used = 0;
        try { out.push_back(std::stod(item, &used)); } catch (const std::exception &) { used = 0; }
        if (used == 0 || used != item.size()) return usage(std::string("--") + name + ": '" + item + "' is not a number");
    }
    return true;
}

bool parseBinning(const po::variables_map &vm, Settings &s) {
    const int bins = vm["bins"].as<int>();
    if (bins < 3 || bins > 10) return usage("--bins must be 3 to 10, not " + std::to_string(bins));
    segment::BinMethod method;
    if (!segment::binMethodFromString(vm["binning"].as<std::string>(), method))
        return usage("--binning must be quantile, rank or fixed");
    s.rfm = segment::RfmOptions::uniform(method, bins);
    const bool anyBreaks = vm.count("breaks-r") || vm.count("breaks-f") || vm.count("breaks-m");
    if (method != segment::BinMethod::Fixed)
        return anyBreaks ? usage("--breaks-r/-f/-m need --binning fixed") : true;
    return parseBreaks(vm, "breaks-r", s.rfm.recency.breaks) && parseBreaks(vm, "breaks-f", s.rfm.frequency.breaks) &&
           parseBreaks(vm, "breaks-m", s.rfm.monetary.breaks);
}

// Transform words, and metric names that switch k-means to the chosen features.
bool parseFeatureList(const std::string &list, Settings &s) {
    std::stringstream in(list);
    std::string item;
    auto &f = s.features;
    auto &m = s.metric;
    while (std::getline(in, item, ',')) {
        if (item == "log") f.logRecency = f.logFrequency = f.logMonetary = true;
        else if (item == "raw") f.logRecency = f.logFrequency = f.logMonetary = false;
        else if (item == "zscore") f.zScore = true;
        else if (item == "no-zscore") f.zScore = false;
        else if (segment::isCustomerFeature(item)) m.features.push_back(item);
        else return usage("--features: '" + item + "' is not one of log, raw, zscore, no-zscore, recency, frequency, "
                          "monetary, aov, avg_quarterly_order_value, tenure, margin, orders_last_90_days, engagement");
    }
    if (m.features.empty()) return true;
    if (s.source.from || s.source.to)
        return usage("--features with metrics counts every order up to --as-of: no --from/--to");
    m.log = f.logRecency;
    m.zScore = f.zScore;
    m.k = s.k;
    m.kMin = s.kMin;
    m.kMax = s.kMax;
    m.nInit = s.nInit;
    m.seed = s.seed;
    m.dumpFeatures = s.dumpFeatures;
    return true;
}

bool parseKMeans(const po::variables_map &vm, Settings &s) {
    const std::string k = vm["k"].as<std::string>();
    if (k != "auto") {
        try { s.k = std::stoi(k); } catch (const std::exception &) { return usage("--k must be a number or auto"); }
        if (*s.k < 1 || std::to_string(*s.k) != k) return usage("--k must be a whole number >= 1 or auto");
    }
    const std::string range = vm["k-range"].as<std::string>();
    if (std::sscanf(range.c_str(), "%d-%d", &s.kMin, &s.kMax) != 2 || s.kMin < 2 || s.kMax < s.kMin)
        return usage("--k-range must be MIN-MAX with 2 <= MIN <= MAX, e.g. 2-10");
    s.nInit = vm["n-init"].as<int>();
    if (s.nInit < 1) return usage("--n-init must be >= 1");
    s.seed = vm["seed"].as<std::uint64_t>();
    if (vm.count("dump-features")) s.dumpFeatures = vm["dump-features"].as<std::string>();
    return parseFeatureList(vm["features"].as<std::string>(), s);
}

bool parseSettings(const po::variables_map &vm, Settings &s) {
    const std::string method = vm["method"].as<std::string>();
    if (method != "rfm" && method != "kmeans") return usage("--method must be rfm or kmeans, not '" + method + "'");
    s.kmeans = method == "kmeans";
    s.scheme = vm["scheme"].as<std::string>();
    // A name that is not built in may be a stored table: resolved once the store is open.
    if (!parseBinning(vm, s) || !parseDate(vm, "as-of", s.source.asOf) || !parseDate(vm, "from", s.source.from) ||
        !parseDate(vm, "to", s.source.to))
        return false;
    if (s.source.from && s.source.to && *s.source.to < *s.source.from) return usage("--to is before --from");
    return parseKMeans(vm, s);
}

void addOptions(po::options_description &o) {
    o.add_options()
        ("db", po::value<std::string>()->required(), "the store")
        ("method", po::value<std::string>()->default_value("rfm"), "rfm, kmeans (clusters plus the RFM columns), or rules (a stored rule scheme)")
        ("bins", po::value<int>()->default_value(5), "bins per RFM dimension, 3 to 10")
        ("binning", po::value<std::string>()->default_value("quantile"), "quantile (R package rfm), rank (NTILE) or fixed")
        ("breaks-r", po::value<std::string>(), "fixed recency breakpoints in days, e.g. 30,90,180,365")
        ("breaks-f", po::value<std::string>(), "fixed frequency breakpoints in orders")
        ("breaks-m", po::value<std::string>(), "fixed monetary breakpoints in currency units")
        ("scheme", po::value<std::string>()->default_value("rfm-10"),
         "named segments: rfm-10, rfm-11 or a table stored with 'segdash schemes --save'")
        ("as-of", po::value<std::string>(), "analysis date YYYY-MM-DD (default: the day after the last order counted)")
        ("from", po::value<std::string>(), "count only orders on or after this date")
        ("to", po::value<std::string>(), "count only orders on or before this date")
        ("k", po::value<std::string>()->default_value("auto"), "k-means: number of clusters, or auto")
        ("k-range", po::value<std::string>()->default_value("2-10"), "k-means: the k tried by --k auto")
        ("features", po::value<std::string>()->default_value("log,zscore"),
         "k-means: features and transforms: recency, frequency, monetary, aov, avg_quarterly_order_value, tenure, "
         "margin, orders_last_90_days, engagement (default: the RFM three from the store's stats); log|raw, "
         "zscore|no-zscore")
        ("n-init", po::value<int>()->default_value(4), "k-means: restarts (the best is kept)")
        ("seed", po::value<std::uint64_t>()->default_value(42), "k-means: random seed (same seed, same result)")
        ("out", po::value<std::string>(), "write one row per customer to this CSV file");
}

core::Result<KMeansOutcome> cluster(const Settings &s, const SegmentSource &src) {
    auto features = segment::buildRfmFeatures(src.set.inputs, s.features);
    if (!features.ok()) return features.status();
    const segment::FeatureMatrix &f = *features;
    if (!s.dumpFeatures.empty())
        if (auto w = writeFeatureCsv(s.dumpFeatures, src, f); !w.ok()) return w;
    const segment::DataView view{f.data.data(), f.rows, f.cols};
    MetricKMeansSettings fit; // the shared choose-k-then-fit path (segment_features.h)
    fit.k = s.k;
    fit.kMin = s.kMin;
    fit.kMax = s.kMax;
    fit.nInit = s.nInit;
    fit.seed = s.seed;
    auto fitted = fitKMeans(view, fit);
    if (!fitted.ok()) return fitted.status();
    KMeansOutcome km = std::move(*fitted);
    auto profiles = segment::profileClusters(src.set.inputs, f, km.model.labels, km.model.k);
    if (!profiles.ok()) return profiles.status();
    km.profiles = std::move(*profiles);
    return km;
}

int fail(const std::string &message) {
    std::cerr << "segdash segment: " << message << "\n";
    return kExitRejected;
}

// Help is printed here rather than by parseOptions so the hidden option stays out of it.
bool printHelp(const Args &args) {
    for (const auto &a : args)
        if (a == "--help" || a == "-h") {
            po::options_description options("Options");
            addOptions(options);
            options.add_options()("help,h", "show this help");
            std::cout << "Usage: segdash segment " << kSynopsis << "\n\n" << options << "\n";
            return true;
        }
    return false;
}

} // namespace

int runSegment(const Args &args) {
    if (printHelp(args)) return kExitOk;
    po::options_description options("Options");
    addOptions(options);
    // Hidden: the standardised k-means features as CSV, for cross-checks with other tools.
    options.add_options()("dump-features", po::value<std::string>(), "");
    po::variables_map vm;
    if (auto code = parseOptions("segment", kSynopsis, args, options, vm)) return *code;
    if (vm["method"].as<std::string>() == "rules") return runSegmentRules(vm);
    Settings s;
    if (!parseSettings(vm, s)) return kExitUsage;

    auto store = store::openStore(vm["db"].as<std::string>(), store::OpenMode::OpenExisting);
    if (!store.ok()) return fail(store.message());
    auto source = loadSegmentSource(**store, s.source);
    if (!source.ok()) return fail(source.message());
    auto scores = segment::scoreRfm(source->set.inputs, s.rfm);
    if (!scores.ok()) return fail(scores.message());
    auto scheme = analysis::resolveRfmScheme(**store, s.scheme);
    if (!scheme.ok()) return fail(scheme.message());
    auto segments = segment::assignSegments(*scheme, scores->scores);
    if (!segments.ok()) return fail(segments.message());
    const RfmOutcome rfm{*source, std::move(*scores), std::move(*segments), s.scheme};

    std::optional<KMeansOutcome> km;
    if (s.kmeans) {
        auto clustered =
            s.metric.features.empty() ? cluster(s, *source) : clusterOnMetrics(**store, *source, s.metric);
        if (!clustered.ok()) return fail(clustered.message());
        km = std::move(*clustered);
    }
    const std::string out = vm.count("out") ? vm["out"].as<std::string>() : "";
    if (!out.empty())
        if (auto w = writeSegmentCsv(out, rfm, km ? &*km : nullptr); !w.ok()) return fail(w.message());
    printSummary(std::cout, rfm);
    printBinning(std::cout, rfm.scores);
    if (km) printKMeans(std::cout, *km);
    if (!out.empty()) std::cout << "\nwrote " << source->set.inputs.size() << " customers to " << out << "\n";
    return kExitOk;
}

} // namespace segdash::cli
