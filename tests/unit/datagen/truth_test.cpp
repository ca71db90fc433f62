// The hidden truth: the purchase process really follows the configured groups.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "core/date.h"
#include "test_util.h"

namespace segdash::datagen {
namespace {

using test::readTable;

struct GroupTally {
    int customers = 0;
    double repeatPurchases = 0; // sales after the first one, in the data
    double observedYears = 0;   // alive and observed: acquisition to min(dropout, end)
    double expected = 0;        // sum of lambda_i * observed years_i
    double lambdaSum = 0;
};

class GroundTruth : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = new test::TempDir("truth");
        GeneratorOptions o;
        o.customers = 2000;
        o.years = 4;
        o.seed = 2024;
        o.outDir = s_dir->path();
        s_summary = test::generateOrDie(o);
        s_truth = readTable(s_dir->file("ground_truth.csv"));
        s_orders = readTable(s_dir->file("orders.csv"));
    }
    static void TearDownTestSuite() { delete s_dir; }

    static test::TempDir *s_dir;
    static GeneratorSummary s_summary;
    static std::vector<test::Row> s_truth, s_orders;
};

test::TempDir *GroundTruth::s_dir = nullptr;
GeneratorSummary GroundTruth::s_summary;
std::vector<test::Row> GroundTruth::s_truth, GroundTruth::s_orders;

TEST_F(GroundTruth, HasTheDocumentedColumnsAndEveryGroup) {
    const test::Row expected{"customer_id", "group", "purchase_rate_per_year", "dropout_date", "alive_at_end",
                             "true_future_purchases", "dropout_rate_per_year", "acquired_on"};
    EXPECT_EQ(s_truth[0], expected);
    ASSERT_EQ(s_truth.size(), 2001u);
    std::map<std::string, int> counts;
    for (std::size_t i = 1; i < s_truth.size(); ++i) ++counts[s_truth[i][1]];
    ASSERT_GE(groupProfiles().size(), 5u);
    for (const auto &g : groupProfiles()) {
        EXPECT_NEAR(counts[g.name] / 2000.0, g.share, 0.04) << g.name;
    }
}

TEST_F(GroundTruth, NoPurchaseAfterDropoutAndAliveFlagConsistent) {
    std::map<std::string, std::string> dropout;
    for (std::size_t i = 1; i < s_truth.size(); ++i) {
        const auto &t = s_truth[i];
        EXPECT_EQ(t[4] == "1", t[3].empty()) << t[0];
        if (!t[3].empty()) {
            dropout[t[0]] = t[3];
            EXPECT_LE(t[3], s_summary.lastDay.toIso());
            EXPECT_EQ(t[5], "0") << "dropped out, yet future purchases: " << t[0];
        }
    }
    int checked = 0;
    for (std::size_t i = 1; i < s_orders.size(); ++i) {
        const auto &o = s_orders[i];
        const auto it = dropout.find(o[1]);
        if (o[7] != "sale" || it == dropout.end()) continue;
        EXPECT_LE(o[2].substr(0, 10), it->second) << o[0];
        ++checked;
    }
    EXPECT_GT(checked, 1000);
}

TEST_F(GroundTruth, GroupPurchaseRatesAreReproduced) {
    std::map<std::string, std::pair<std::string, double>> info; // customer -> group, lambda
    std::map<std::string, GroupTally> tally;
    std::map<std::string, double> observed;
    const double endDay = s_summary.lastDay.days + 1;
    for (std::size_t i = 1; i < s_truth.size(); ++i) {
        const auto &t = s_truth[i];
        const double acquired = core::Date::parseIso(t[7])->days;
        const double stop = t[3].empty() ? endDay : core::Date::parseIso(t[3])->days + 0.5;
        const double years = std::max(0.0, stop - acquired) / 365.25;
        auto &g = tally[t[1]];
        ++g.customers;
        g.observedYears += years;
        g.expected += std::stod(t[2]) * years;
        g.lambdaSum += std::stod(t[2]);
        info[t[0]] = {t[1], std::stod(t[2])};
        g.repeatPurchases -= 1; // the first sale is the acquisition
    }
    for (std::size_t i = 1; i < s_orders.size(); ++i)
        if (s_orders[i][7] == "sale") tally[info[s_orders[i][1]].first].repeatPurchases += 1;
    for (const auto &profile : groupProfiles()) {
        const auto &g = tally[profile.name];
        ASSERT_GT(g.customers, 50) << profile.name;
        // The process: observed purchases are Poisson around sum(lambda_i * T_i).
        const double z = (g.repeatPurchases - g.expected) / std::sqrt(std::max(g.expected, 1.0));
        EXPECT_LT(std::abs(z), 4.0) << profile.name << " observed " << g.repeatPurchases << " expected " << g.expected;
        // The parameters: drawn lambdas average to the configured mean (gamma sd = mean/sqrt(shape)).
        const double se = profile.lambdaMean / std::sqrt(profile.lambdaShape * g.customers);
        EXPECT_NEAR(g.lambdaSum / g.customers, profile.lambdaMean, 4 * se) << profile.name;
        // Observed purchases per alive year, where there is enough data to see it.
        if (g.repeatPurchases > 1000) {
            EXPECT_NEAR(g.repeatPurchases / g.observedYears, profile.lambdaMean, 0.15 * profile.lambdaMean)
                << profile.name;
        }
    }
}

TEST_F(GroundTruth, GroupsDifferInBasketAndSatisfaction) {
    // Key accounts buy more per order than one-off buyers (hidden truth visible in the data).
    std::map<std::string, std::string> groupOf;
    for (std::size_t i = 1; i < s_truth.size(); ++i) groupOf[s_truth[i][0]] = s_truth[i][1];
    std::map<std::string, std::pair<double, int>> basket;
    for (std::size_t i = 1; i < s_orders.size(); ++i) {
        if (s_orders[i][7] != "sale") continue;
        auto &b = basket[groupOf[s_orders[i][1]]];
        b.first += std::stod(s_orders[i][3]);
        ++b.second;
    }
    const auto avg = [&](const char *g) { return basket[g].first / basket[g].second; };
    EXPECT_GT(avg("key_accounts"), 2 * avg("one_off_buyers"));
    const auto surveys = readTable(s_dir->file("surveys.csv"));
    std::map<std::string, std::pair<double, int>> nps;
    for (std::size_t i = 1; i < surveys.size(); ++i)
        if (!surveys[i][2].empty()) {
            auto &n = nps[groupOf[surveys[i][0]]];
            n.first += std::stod(surveys[i][2]);
            ++n.second;
        }
    EXPECT_GT(nps["loyal_regulars"].first / nps["loyal_regulars"].second,
              nps["lapsing_customers"].first / nps["lapsing_customers"].second + 2);
}

} // namespace
} // namespace segdash::datagen
