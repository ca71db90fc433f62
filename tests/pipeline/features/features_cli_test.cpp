// k-means on features chosen from the per-customer metrics, on the bundled demo imported
// into a real store: one row per purchasing customer, the RFM columns unchanged, k
// clusters used, repeatable with a seed; `--features log,zscore` is the classic path.
#include <gtest/gtest.h>

#include <memory>
#include <set>

#include "analysis/load_dataset.h"
#include "segment/rules.h"
#include "segment_test_util.h"

using namespace segdash;

namespace {

const char *const kFiles[] = {"customers", "orders", "order_lines", "opportunities", "interactions", "surveys",
                              "campaigns"};
const std::vector<std::string> kRfmColumns = {"customer_id", "recency_days", "frequency", "monetary", "r_score",
                                              "f_score", "m_score", "rfm_score", "segment"};

class FeaturesCli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_store = std::make_unique<test::TempStore>();
        for (const char *f : kFiles) test::importFile(*s_store, std::string(SEGDASH_DEMO_DIR "/") + f + ".csv");
    }
    static void TearDownTestSuite() { s_store.reset(); }
    static std::unique_ptr<test::TempStore> s_store;

    // Runs `segment --method kmeans --k 3 --seed 1` plus extra, writing dir/name.
    static test::ProcessResult run(const std::string &name, std::vector<std::string> extra) {
        std::vector<std::string> args = {"segment", "--db", s_store->path(), "--method", "kmeans", "--k", "3",
                                         "--seed", "1", "--out", path(name)};
        args.insert(args.end(), extra.begin(), extra.end());
        return test::runSegdash(*s_store, args);
    }
    static std::string path(const std::string &name) { return (s_store->dir() / name).string(); }
};
std::unique_ptr<test::TempStore> FeaturesCli::s_store;

const std::vector<std::string> kMetricArgs = {"--features", "recency,frequency,monetary,aov,engagement"};

// External ids of the customers with a sale order up to the default analysis date (the
// day after the newest order), counted from the loaded dataset itself.
std::set<std::string> purchasingCustomers(store::Store &s) {
    auto data = analysis::loadDataset(s);
    EXPECT_TRUE(data.ok()) << data.message();
    std::map<core::Id, std::string> external;
    EXPECT_TRUE(s.forEachCustomer([&](const core::Customer &c) { external[c.id] = c.externalId; return true; }));
    std::int32_t newest = 0;
    for (auto d : data->orders.day) newest = std::max(newest, d);
    const auto metrics = segment::ruleMetrics(*data, core::Date{newest + 1});
    std::set<std::string> out;
    for (std::size_t c = 0; c < metrics.size(); ++c)
        if (metrics[c].frequency > 0) out.insert(external[data->customers.id[c]]);
    return out;
}

TEST_F(FeaturesCli, OneRowPerPurchasingCustomerInThreeClusters) {
    const auto r = run("metrics.csv", kMetricArgs);
    ASSERT_EQ(r.exitCode, 0) << r.err;
    const auto csv = test::readSegmentCsv(path("metrics.csv"));
    std::vector<std::string> header = kRfmColumns;
    header.insert(header.end(), {"cluster", "cluster_name"});
    EXPECT_EQ(csv.header, header);
    const auto buyers = purchasingCustomers(s_store->store());
    EXPECT_GT(buyers.size(), 100u);
    EXPECT_EQ(csv.rowCount, buyers.size());
    std::set<std::string> ids, clusters;
    std::map<std::string, std::set<std::string>> namesOf;
    for (const auto &[id, row] : csv.rows) {
        ids.insert(id);
        clusters.insert(row.at("cluster"));
        namesOf[row.at("cluster")].insert(row.at("cluster_name"));
    }
    EXPECT_EQ(ids, buyers);
    EXPECT_EQ(clusters, (std::set<std::string>{"0", "1", "2"}));
    for (const auto &[c, names] : namesOf) EXPECT_EQ(names.size(), 1u) << "cluster " << c;
    // The profile table names the chosen features.
    EXPECT_NE(r.out.find("means in original units"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("engagement"), std::string::npos);
    EXPECT_NE(r.out.find("mean z-scores"), std::string::npos);
}

TEST_F(FeaturesCli, SameSeedGivesTheSameFile) {
    ASSERT_EQ(run("first.csv", kMetricArgs).exitCode, 0);
    ASSERT_EQ(run("second.csv", kMetricArgs).exitCode, 0);
    const auto a = test::Process::slurp(path("first.csv"));
    EXPECT_FALSE(a.empty());
    EXPECT_EQ(a, test::Process::slurp(path("second.csv")));
}

// The RFM columns are those of the classic run; only the clusters differ.
TEST_F(FeaturesCli, RfmColumnsAreUnchanged) {
    ASSERT_EQ(run("classic.csv", {}).exitCode, 0);
    ASSERT_EQ(run("chosen.csv", kMetricArgs).exitCode, 0);
    const auto classic = test::readSegmentCsv(path("classic.csv"));
    const auto chosen = test::readSegmentCsv(path("chosen.csv"));
    ASSERT_EQ(classic.rowCount, chosen.rowCount);
    bool anyClusterDiffers = false;
    for (const auto &[id, row] : classic.rows) {
        ASSERT_TRUE(chosen.rows.count(id)) << id;
        for (const auto &col : kRfmColumns) EXPECT_EQ(chosen.rows.at(id).at(col), row.at(col)) << id << " " << col;
        anyClusterDiffers |= chosen.rows.at(id).at("cluster_name") != row.at("cluster_name");
    }
    EXPECT_TRUE(anyClusterDiffers); // aov and engagement did change the clustering
}

TEST_F(FeaturesCli, TransformWordsAloneAreTheClassicPath) {
    ASSERT_EQ(run("default.csv", {}).exitCode, 0);
    ASSERT_EQ(run("words.csv", {"--features", "log,zscore"}).exitCode, 0);
    const auto a = test::Process::slurp(path("default.csv"));
    EXPECT_FALSE(a.empty());
    EXPECT_EQ(a, test::Process::slurp(path("words.csv")));
}

TEST_F(FeaturesCli, UnknownFeatureIsAUsageError) {
    const auto r = run("bad.csv", {"--features", "recency,nps"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("'nps'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("engagement"), std::string::npos) << r.err;
}

TEST_F(FeaturesCli, MetricFeaturesRejectADateRange) {
    const auto r = run("range.csv", {"--features", "aov,tenure", "--from", "2024-01-01"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("--from/--to"), std::string::npos) << r.err;
}

} // namespace
