// `segdash metrics` on the bundled demo: the loader reads everything the store holds,
// per-segment counts and revenue add up to the (filtered) totals and to the store's own
// per-customer net revenue, JSON is written, errors exit with the documented codes.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <memory>
#include <set>
#include <tuple>

#include "analysis/load_dataset.h"
#include "segment/rfm_input.h"
#include "segment/rfm_scoring.h"
#include "segment/segment_scheme.h"
#include "segment_test_util.h"

using namespace segdash;

namespace {

const char *const kFiles[] = {"customers", "orders", "order_lines", "opportunities", "interactions", "surveys",
                              "campaigns"};

class MetricsCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_store = std::make_unique<test::TempStore>();
        for (const char *f : kFiles) test::importFile(*s_store, std::string(SEGDASH_DEMO_DIR "/") + f + ".csv");
    }
    static void TearDownTestSuite() { s_store.reset(); }
    static std::unique_ptr<test::TempStore> s_store;
};
std::unique_ptr<test::TempStore> MetricsCli::s_store;

using Key = std::tuple<std::string, std::string, std::string, std::string>; // section, segment, item, metric

std::map<Key, std::string> readLongCsv(const std::string &path) {
    std::map<Key, std::string> out;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    EXPECT_EQ(line, "section,segment,item,metric,value");
    while (std::getline(in, line)) {
        const auto f = test::splitCsvLine(line);
        EXPECT_EQ(f.size(), 5u) << line;
        if (f.size() == 5) out[{f[0], f[1], f[2], f[3]}] = f[4];
    }
    return out;
}

// Sums a sales metric over every segment row (not the "All" row).
double sumOverSegments(const std::map<Key, std::string> &csv, const std::string &metric) {
    double sum = 0;
    for (const auto &[key, value] : csv)
        if (std::get<0>(key) == "sales" && std::get<1>(key) != "All" && std::get<3>(key) == metric)
            sum += std::stod(value);
    return sum;
}

// Net revenue of the customers with orders, from the store's own aggregates.
double storeNetRevenue(store::Store &s, const std::string &country = "") {
    std::map<core::Id, std::string> countryOf;
    EXPECT_TRUE(s.forEachCustomer([&](const core::Customer &c) { countryOf[c.id] = c.country; return true; }));
    core::Money sum;
    EXPECT_TRUE(s.forEachCustomerStats([&](const core::CustomerStats &st) {
        if (country.empty() || countryOf[st.customerId] == country) sum += st.netRevenue;
        return true;
    }));
    return sum.toDouble();
}

TEST_F(MetricsCli, LoaderReadsEveryRowOfTheStore) {
    auto data = analysis::loadDataset(s_store->store());
    ASSERT_TRUE(data.ok()) << data.message();
    const auto summary = *s_store->store().summary();
    EXPECT_EQ(static_cast<std::int64_t>(data->customers.size()), summary.customers);
    EXPECT_EQ(static_cast<std::int64_t>(data->orders.size()), summary.orders);
    EXPECT_EQ(static_cast<std::int64_t>(data->lines.size()), summary.orderLines);
    EXPECT_EQ(static_cast<std::int64_t>(data->opportunities.size()), summary.opportunities);
    EXPECT_EQ(static_cast<std::int64_t>(data->interactions.size()), summary.interactions);
    EXPECT_EQ(static_cast<std::int64_t>(data->surveys.size()), summary.surveys);
    EXPECT_EQ(static_cast<std::int64_t>(data->campaigns.size()), summary.campaigns);
    std::int64_t revenue = 0;
    for (const auto r : data->orders.revenue) revenue += r;
    EXPECT_EQ(revenue, summary.netRevenue.units());
    int calls = 0;
    auto cancelled = analysis::loadDataset(s_store->store(), [&calls](std::int64_t, std::int64_t) { return ++calls < 2; });
    EXPECT_FALSE(cancelled.ok());
    EXPECT_EQ(cancelled.message(), "cancelled");
}

TEST_F(MetricsCli, SegmentsAddUpToTheTotalsAndToTheStoresRevenue) {
    const auto out = (s_store->dir() / "all.csv").string();
    const auto r = test::runSegdash(*s_store, {"metrics", "--db", s_store->path(), "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("Headline:"), std::string::npos);
    const auto csv = readLongCsv(out);
    const double customers = std::stod(csv.at({"sales", "All", "", "customers"}));
    EXPECT_EQ(customers, 3000);
    EXPECT_EQ(sumOverSegments(csv, "customers"), customers);
    const double revenue = std::stod(csv.at({"sales", "All", "", "revenue"}));
    EXPECT_NEAR(sumOverSegments(csv, "revenue"), revenue, 0.005);
    EXPECT_NEAR(revenue, storeNetRevenue(s_store->store()), 0.005);
    EXPECT_TRUE(csv.count({"headline", "All", "", "top20_revenue_share"}));
    EXPECT_TRUE(csv.count({"cohorts", "All", "2023-01", "m0"}));
}

TEST_F(MetricsCli, FilteredSegmentsAddUpToTheFilteredTotal) {
    const auto out = (s_store->dir() / "gb.csv").string();
    const auto r = test::runSegdash(*s_store, {"metrics", "--db", s_store->path(), "--country", "GB", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto csv = readLongCsv(out);
    std::int64_t gb = 0;
    ASSERT_TRUE(s_store->store().forEachCustomer([&gb](const core::Customer &c) { gb += c.country == "GB"; return true; }));
    ASSERT_GT(gb, 0);
    EXPECT_EQ(std::stod(csv.at({"sales", "All", "", "customers"})), static_cast<double>(gb));
    EXPECT_EQ(sumOverSegments(csv, "customers"), static_cast<double>(gb));
    const double revenue = std::stod(csv.at({"sales", "All", "", "revenue"}));
    EXPECT_NEAR(sumOverSegments(csv, "revenue"), revenue, 0.005);
    EXPECT_NEAR(revenue, storeNetRevenue(s_store->store(), "GB"), 0.005);
}

// rfm-10 counts over one set of stats: 5 quantile bins drawn among exactly these customers.
std::map<std::string, std::int64_t> rfm10Counts(const std::vector<core::CustomerStats> &stats, core::Date asOf) {
    const auto set = segment::buildRfmInputs(stats, asOf);
    const auto scores = segment::scoreRfm(set.inputs, segment::RfmOptions{});
    const auto assigned = segment::assignSegments(*segment::builtinScheme("rfm-10"), scores->scores);
    std::map<std::string, std::int64_t> counts;
    for (const int s : assigned->segmentOfCustomer) ++counts[assigned->segmentNames[static_cast<std::size_t>(s)]];
    return counts;
}

// The issue: "RFM is recomputed live on the filtered set". With --country GB the bins are
// drawn among GB customers only: the counts equal scoring GB's stats alone, and differ
// from scoring everyone and then keeping GB (what a mere filter would show).
TEST_F(MetricsCli, RfmIsRecomputedOnTheFilteredSet) {
    store::Store &st = s_store->store();
    std::set<core::Id> gbIds;
    ASSERT_TRUE(st.forEachCustomer([&](const core::Customer &c) {
        if (c.country == "GB") gbIds.insert(c.id);
        return true;
    }));
    std::vector<core::CustomerStats> all, gb;
    ASSERT_TRUE(st.forEachCustomerStats([&](const core::CustomerStats &c) {
        all.push_back(c);
        if (gbIds.count(c.customerId)) gb.push_back(c);
        return true;
    }));
    const auto last = st.lastOrderTime();
    ASSERT_TRUE(last.ok() && *last);
    const core::Date asOf = (*last)->date().addDays(1);
    const auto expected = rfm10Counts(gb, asOf);

    // Scoring everyone, then keeping GB: the figures a plain filter would give.
    const auto everyone = segment::buildRfmInputs(all, asOf);
    const auto scores = segment::scoreRfm(everyone.inputs, segment::RfmOptions{});
    const auto assigned = segment::assignSegments(*segment::builtinScheme("rfm-10"), scores->scores);
    std::map<std::string, std::int64_t> filteredOnly;
    for (std::size_t i = 0; i < everyone.inputs.size(); ++i)
        if (gbIds.count(everyone.inputs[i].customerId))
            ++filteredOnly[assigned->segmentNames[static_cast<std::size_t>(assigned->segmentOfCustomer[i])]];
    ASSERT_NE(expected, filteredOnly) << "the demo data should tell the two apart";

    const auto out = (s_store->dir() / "gb-live.csv").string();
    const auto r = test::runSegdash(*s_store, {"metrics", "--db", s_store->path(), "--country", "GB", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto csv = readLongCsv(out);
    for (const auto &[segment, n] : expected)
        EXPECT_EQ(std::stod(csv.at({"sales", segment, "", "customers"})), static_cast<double>(n)) << segment;
}

TEST_F(MetricsCli, OneSegmentKMeansAndJson) {
    const auto out = (s_store->dir() / "m.json").string();
    auto r = test::runSegdash(*s_store, {"metrics", "--db", s_store->path(), "--segment", "Champions", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::ifstream in(out);
    const std::string json((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(json.substr(0, 2), "{\n");
    EXPECT_NE(json.find("\"headline\": ["), std::string::npos);
    EXPECT_NE(json.find("{\"segment\": \"Champions\", \"item\": \"\", \"customers\": "), std::string::npos);
    EXPECT_NE(json.find("{\"segment\": \"Lost\", \"item\": \"\", \"customers\": 0,"), std::string::npos);
    r = test::runSegdash(*s_store, {"metrics", "--db", s_store->path(), "--scheme", "kmeans", "--k", "3"});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("(kmeans)"), std::string::npos);
}

TEST_F(MetricsCli, ErrorsExitWithTheDocumentedCodes) {
    auto r = test::runSegdash(*s_store, {"metrics", "--db", s_store->path(), "--segment", "Nobody"});
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("no segment named 'Nobody'"), std::string::npos);
    r = test::runSegdash(*s_store, {"metrics", "--db", s_store->path(), "--out", "x.txt"});
    EXPECT_EQ(r.exitCode, 2);
    r = test::runSegdash(*s_store, {"metrics", "--db", s_store->path(), "--from", "2024-13-01"});
    EXPECT_EQ(r.exitCode, 2);
    r = test::runSegdash(*s_store, {"metrics", "--db", (s_store->dir() / "missing.db").string()});
    EXPECT_EQ(r.exitCode, 1);
}

} // namespace
