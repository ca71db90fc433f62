// Print-only timing of loadDataset and every metric on a given store (not a test):
//   metrics_measure STORE
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>

#include "analysis/load_dataset.h"
#include "segment/metrics_engagement.h"
#include "segment/metrics_headline.h"
#include "segment/metrics_products.h"
#include "segment/metrics_retention.h"
#include "segment/metrics_sales.h"

using namespace segdash;
using Clock = std::chrono::steady_clock;

static double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

static long peakRssKb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2) return 2;
    auto store = store::openStore(argv[1], store::OpenMode::OpenExisting);
    if (!store.ok()) return 1;
    auto t = Clock::now();
    auto data = analysis::loadDataset(**store);
    if (!data.ok()) return 1;
    std::printf("loadDataset: %.2f s, %zu customers, %zu orders, %zu lines, %zu interactions; columns %.0f MB; peak RSS %ld MB\n",
                since(t), data->customers.size(), data->orders.size(), data->lines.size(), data->interactions.size(),
                static_cast<double>(data->bytes()) / 1e6, peakRssKb() / 1024);
    segment::Segmentation seg; // ten groups by customer index, a stand-in for RFM labels
    for (int g = 0; g < 10; ++g) seg.names.push_back("g" + std::to_string(g));
    for (std::size_t c = 0; c < data->customers.size(); ++c) seg.label.push_back(static_cast<int>(c % 10));
    segment::MetricsOptions o;
    o.asOf = core::Date{data->orders.day.empty() ? 0 : *std::max_element(data->orders.day.begin(), data->orders.day.end()) + 1};
    const auto timed = [](const char *name, auto fn) {
        const auto t0 = Clock::now();
        fn();
        std::printf("  %-22s %.3f s\n", name, since(t0));
    };
    segment::Selection sel;
    timed("select (no filter)", [&] { sel = segment::select(*data, {}); });
    timed("select (country+date)", [&] {
        segment::Filter f;
        f.country = "GB";
        f.from = o.asOf.addDays(-365);
        segment::select(*data, f);
    });
    timed("sales", [&] { segment::salesBySegment(*data, sel, seg); segment::salesTotal(*data, sel); });
    timed("trend", [&] { segment::salesTrend(*data, sel, seg); });
    timed("retention", [&] { segment::retentionBySegment(*data, sel, seg, o); });
    timed("cohorts", [&] { segment::cohortRetention(*data, sel, seg, o); });
    timed("engagement", [&] { segment::engagementBySegment(*data, sel, seg); });
    timed("marketing ROI", [&] { segment::marketingRoi(*data, sel, seg, o); });
    timed("product mix", [&] { segment::productMix(*data, sel, seg); });
    timed("cross-sell (1 seg)", [&] { segment::crossSellCategories(*data, sel, seg, 0, 0.3); });
    timed("headline", [&] { segment::headlineKpis(*data, sel, o); });
    std::printf("total %.2f s, peak RSS %ld MB\n", since(t), peakRssKb() / 1024);
    return 0;
}
