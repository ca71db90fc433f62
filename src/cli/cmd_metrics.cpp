// segdash metrics --db STORE [--scheme rfm|rfm-11|kmeans] [filters] [--out FILE.csv|FILE.json]:
// per-segment KPIs, retention, engagement, ROI, mix and the headline figures.
#include <algorithm>
#include <iostream>

#include "analysis/load_dataset.h"
#include "cli/metrics_report.h"
#include "cli/options.h"
#include "analysis/segment_source.h"
#include "segment/cluster_profile.h"
#include "segment/features.h"
#include "segment/k_selection.h"
#include "segment/kmeans.h"
#include "segment/rfm_scoring.h"
#include "analysis/rfm_schemes.h"
#include "segment/segment_scheme.h"

namespace segdash::cli {

using namespace analysis; // the store-to-engine glue (src/analysis)
namespace {

constexpr const char *kSynopsis =
    "--db STORE [--scheme rfm|rfm-11|kmeans|TABLE] [--k N|auto] [--as-of DATE] [--from DATE] [--to DATE]\n"
    "       [--country C] [--industry I] [--channel C] [--rep R] [--category C] [--product P]\n"
    "       [--band top|middle|bottom] [--segment NAME] [--churn-days N] [--out FILE.csv|FILE.json]";

bool usage(const std::string &message) {
    std::cerr << "segdash metrics: " << message << "\nTry 'segdash metrics --help'.\n";
    return false;
}

int fail(const std::string &message) {
    std::cerr << "segdash metrics: " << message << "\n";
    return kExitRejected;
}

bool parseDate(const po::variables_map &vm, const char *name, std::optional<core::Date> &out) {
    if (!vm.count(name)) return true;
    out = core::Date::parseIso(vm[name].as<std::string>());
    return out ? true : usage(std::string("--") + name + " must be a date YYYY-MM-DD");
}

struct Settings {
    std::string scheme = "rfm-10";
    bool kmeans = false;
    std::optional<int> k;
    SegmentSourceOptions source;
    segment::Filter filter;
    std::optional<std::string> segmentName;
    int churnDays = 180;
    double crossSellShare = 0.3;
    std::string out;
};

void textOption(const po::variables_map &vm, const char *name, std::optional<std::string> &out) {
    if (vm.count(name)) out = vm[name].as<std::string>();
}

bool parseBand(const po::variables_map &vm, segment::Filter &f) {
    if (!vm.count("band")) return true;
    const auto band = vm["band"].as<std::string>();
    if (band == "top") f.band = segment::RevenueBand::Top;
    else if (band == "middle") f.band = segment::RevenueBand::Middle;
    else if (band == "bottom") f.band = segment::RevenueBand::Bottom;
    else return usage("--band must be top, middle or bottom");
    return true;
}

bool parseSettings(const po::variables_map &vm, Settings &s) {
    const auto scheme = vm["scheme"].as<std::string>();
    s.kmeans = scheme == "kmeans";
    s.scheme = scheme == "rfm" ? "rfm-10" : scheme;
    // Any other name must be an RFM table stored with `segdash schemes`: checked once the store is open.
    const auto k = vm["k"].as<std::string>();
    if (k != "auto") {
        try { s.k = std::stoi(k); } catch (const std::exception &) { return usage("--k must be a number or auto"); }
        if (*s.k < 1 || std::to_string(*s.k) != k) return usage("--k must be a whole number >= 1 or auto");
    }
    if (!parseDate(vm, "as-of", s.source.asOf) || !parseDate(vm, "from", s.source.from) ||
        !parseDate(vm, "to", s.source.to) || !parseBand(vm, s.filter))
        return false;
    if (s.source.from && s.source.to && *s.source.to < *s.source.from) return usage("--to is before --from");
    s.filter.from = s.source.from;
    s.filter.to = s.source.to;
    textOption(vm, "country", s.filter.country);
    textOption(vm, "industry", s.filter.industry);
    textOption(vm, "channel", s.filter.channel);
    textOption(vm, "rep", s.filter.salesRep);
    textOption(vm, "category", s.filter.category);
    textOption(vm, "product", s.filter.product);
    textOption(vm, "segment", s.segmentName);
    s.churnDays = vm["churn-days"].as<int>();
    if (s.churnDays < 1) return usage("--churn-days must be >= 1");
    s.crossSellShare = vm["cross-sell-share"].as<double>();
    if (vm.count("out")) s.out = vm["out"].as<std::string>();
    const auto ends = [&](const char *ext) { return s.out.size() > 4 && s.out.compare(s.out.size() - std::string(ext).size(), std::string::npos, ext) == 0; };
    if (!s.out.empty() && !ends(".csv") && !ends(".json")) return usage("--out must end in .csv or .json");
    return true;
}

void addOptions(po::options_description &o) {
    o.add_options()
        ("db", po::value<std::string>()->required(), "the store")
        ("scheme", po::value<std::string>()->default_value("rfm"),
         "segments: rfm (rfm-10), rfm-11, kmeans, or an RFM table stored with 'segdash schemes'")
        ("k", po::value<std::string>()->default_value("auto"), "k-means: number of clusters, or auto")
        ("as-of", po::value<std::string>(), "analysis date YYYY-MM-DD (default: the day after the last order)")
        ("from", po::value<std::string>(), "only orders on or after this date")
        ("to", po::value<std::string>(), "only orders on or before this date")
        ("country", po::value<std::string>(), "only customers of this country (ISO code)")
        ("industry", po::value<std::string>(), "only customers of this industry")
        ("channel", po::value<std::string>(), "only customers acquired through this channel")
        ("rep", po::value<std::string>(), "only customers of this sales rep")
        ("category", po::value<std::string>(), "only orders with a line of this category, and their buyers")
        ("product", po::value<std::string>(), "only orders with a line of this product code, and their buyers")
        ("band", po::value<std::string>(), "revenue band: top (20%), middle or bottom (20%)")
        ("segment", po::value<std::string>(), "only the customers of this segment")
        ("churn-days", po::value<int>()->default_value(180), "churned = no purchase in this many days")
        ("cross-sell-share", po::value<double>()->default_value(0.3), "cross-sell: minimum share of the segment")
        ("out", po::value<std::string>(), "write every metric to FILE.csv or FILE.json");
}

} // namespace

// Declared in cmd_metrics_segments.cpp.
core::Result<segment::Segmentation> rfmSegmentation(const SegmentSource &source, const segment::Dataset &data,
                                                    const segment::SegmentScheme &scheme);
core::Result<segment::Segmentation> kmeansSegmentation(const SegmentSource &source, const segment::Dataset &data,
                                                       std::optional<int> k);

int runMetrics(const Args &args) {
    po::options_description options("Options");
    addOptions(options);
    po::variables_map vm;
    if (auto code = parseOptions("metrics", kSynopsis, args, options, vm)) return *code;
    Settings s;
    if (!parseSettings(vm, s)) return kExitUsage;

    auto store = store::openStore(vm["db"].as<std::string>(), store::OpenMode::OpenExisting);
    if (!store.ok()) return fail(store.message());
    auto data = analysis::loadDataset(**store);
    if (!data.ok()) return fail(data.message());
    auto source = loadSegmentSource(**store, s.source);
    if (!source.ok()) return fail(source.message());
    // RFM (and k-means) are recomputed live on the filtered set: bins are drawn among the
    // customers the filter keeps, not taken from the whole base.
    const auto scope = segment::select(*data, s.filter);
    std::size_t kept = 0; // inputs and their labels run in parallel: filter both
    for (std::size_t i = 0; i < source->set.inputs.size(); ++i) {
        const auto c = data->customerIndex(source->set.inputs[i].customerId);
        if (c == segment::kNoIndex || !scope.hasCustomer(static_cast<std::size_t>(c))) continue;
        source->set.inputs[kept] = source->set.inputs[i];
        if (i < source->customerLabels.size()) source->customerLabels[kept] = std::move(source->customerLabels[i]);
        ++kept;
    }
    source->set.inputs.resize(kept);
    if (source->customerLabels.size() > kept) source->customerLabels.resize(kept);
    if (source->set.inputs.empty()) return fail("no customer with a purchase matches the filter");
    std::optional<segment::SegmentScheme> table;
    if (!s.kmeans) {
        auto resolved = analysis::resolveRfmScheme(**store, s.scheme);
        if (!resolved.ok()) return fail(resolved.message());
        table = std::move(*resolved);
    }
    auto seg = s.kmeans ? kmeansSegmentation(*source, *data, s.k) : rfmSegmentation(*source, *data, *table);
    if (!seg.ok()) return fail(seg.message());
    if (s.segmentName) {
        const auto &names = seg->names;
        const auto it = std::find(names.begin(), names.end(), *s.segmentName);
        if (it == names.end()) return fail("no segment named '" + *s.segmentName + "'");
        s.filter.segment = static_cast<int>(it - names.begin());
        s.filter.segmentLabels = seg->label;
    }
    segment::MetricsOptions mo;
    mo.asOf = source->analysisDate;
    mo.churnDays = s.churnDays;
    mo.crossSellMinShare = s.crossSellShare;
    const auto sel = segment::select(*data, s.filter);
    const auto bundle = computeMetrics(*data, sel, *seg, mo, s.kmeans ? "kmeans" : s.scheme);
    printMetricsTable(std::cout, bundle);
    if (s.out.empty()) return kExitOk;
    const auto rows = reportRows(bundle);
    const bool json = s.out.size() >= 5 && s.out.substr(s.out.size() - 5) == ".json";
    if (auto w = json ? writeMetricsJson(s.out, rows) : writeMetricsCsv(s.out, rows); !w.ok()) return fail(w.message());
    std::cout << "\nwrote " << rows.size() << " values to " << s.out << "\n";
    return kExitOk;
}

} // namespace segdash::cli
