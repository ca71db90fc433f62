// RFM of the real UCI Online Retail export through `segdash segment`, checked customer by
// customer against recency, frequency and monetary computed here straight from the CSV with
// a parser of its own (not the project's reader), integer ten-thousandths and plain dates.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <unordered_map>

#include "segment_test_util.h"

using namespace segdash;

namespace {

const std::string kFile = SEGDASH_SHARED_DATA_DIR "/online_retail/online_retail.csv";

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
std::int64_t daysFromCivil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097LL + doe - 719468;
}

// "2.55" -> 25500 ten-thousandths; "-11062.06" -> -110620600.
std::int64_t priceUnits(const std::string &s) {
    const bool neg = !s.empty() && s[0] == '-';
    std::int64_t whole = 0, frac = 0;
    int digits = 0;
    bool dot = false;
    for (std::size_t i = neg ? 1 : 0; i < s.size(); ++i) {
        if (s[i] == '.') { dot = true; continue; }
        if (!dot) whole = whole * 10 + (s[i] - '0');
        else if (digits < 4) { frac = frac * 10 + (s[i] - '0'); ++digits; }
    }
    while (digits++ < 4) frac *= 10;
    const std::int64_t v = whole * 10000 + frac;
    return neg ? -v : v;
}

struct Invoice {
    std::string customer;
    std::int64_t day = 0;        // of its first line
    std::int64_t firstRunTotal = 0; // the importer decides the kind on the first contiguous run of lines
    bool sale = false;
};

struct Truth {
    std::int64_t lastPurchaseDay = -1;
    std::int64_t frequency = 0;
    std::int64_t monetary = 0; // ten-thousandths
};

// Columns: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country.
std::unordered_map<std::string, Truth> independentRfm() {
    std::ifstream in(kFile);
    std::string line, previous;
    std::getline(in, line);
    std::unordered_map<std::string, Invoice> invoices;
    std::unordered_map<std::string, Truth> truth;
    Invoice *open = nullptr; // the invoice whose first run is still being read
    auto closeRun = [&] {
        if (open) open->sale = open->firstRunTotal >= 0;
        open = nullptr;
    };
    while (std::getline(in, line)) {
        const auto f = test::splitCsvLine(line);
        const std::string &no = f[0];
        std::string customer = f[6];
        if (customer.size() > 2 && customer.compare(customer.size() - 2, 2, ".0") == 0) customer.resize(customer.size() - 2);
        const std::int64_t value = std::stoll(f[3]) * priceUnits(f[5]);
        if (no != previous) {
            closeRun();
            if (!invoices.count(no)) {
                open = &invoices[no];
                open->customer = customer;
                open->day = daysFromCivil(std::stoi(f[4].substr(0, 4)), std::stoi(f[4].substr(5, 2)),
                                          std::stoi(f[4].substr(8, 2)));
            }
            previous = no;
        }
        if (open) open->firstRunTotal += value;
        if (!customer.empty()) truth[customer].monetary += value;
    }
    closeRun();
    for (const auto &[no, inv] : invoices) {
        if (inv.customer.empty() || no[0] == 'C' || !inv.sale) continue;
        auto &t = truth[inv.customer];
        ++t.frequency;
        t.lastPurchaseDay = std::max(t.lastPurchaseDay, inv.day);
    }
    return truth;
}

} // namespace

TEST(OnlineRetailRfm, EveryCustomerMatchesAnIndependentComputation) {
    if (!std::filesystem::exists(kFile))
        GTEST_SKIP() << "shared data not found at " << kFile << " (the shared/ folder sits beside the checkout)";
    test::TempStore t;
    test::importFile(t, kFile);
    const std::string out = (t.dir() / "rfm.csv").string();
    auto r = test::runSegdash(t, {"segment", "--db", t.path(), "--as-of", "2011-12-10", "--out", out});
    ASSERT_EQ(r.exitCode, 0) << r.err;
    std::cout << r.out;
    const auto csv = test::readSegmentCsv(out);

    const auto truth = independentRfm();
    const std::int64_t asOf = daysFromCivil(2011, 12, 10);
    std::size_t purchasing = 0;
    for (const auto &[customer, t] : truth) {
        if (t.frequency == 0) {
            EXPECT_EQ(csv.rows.count(customer), 0u) << customer << " never bought but was scored";
            continue;
        }
        ++purchasing;
        SCOPED_TRACE(customer);
        ASSERT_EQ(csv.rows.count(customer), 1u);
        const auto &row = csv.rows.at(customer);
        EXPECT_EQ(row.at("recency_days"), std::to_string(asOf - t.lastPurchaseDay));
        EXPECT_EQ(row.at("frequency"), std::to_string(t.frequency));
        EXPECT_EQ(core::Money::parse(row.at("monetary"))->units(), t.monetary);
    }
    EXPECT_EQ(csv.rowCount, purchasing);
    EXPECT_GT(purchasing, 4300u);

    // The same through the order stream (a range holding every order) instead of the stats.
    const std::string streamed = (t.dir() / "streamed.csv").string();
    ASSERT_EQ(test::runSegdash(t, {"segment", "--db", t.path(), "--as-of", "2011-12-10", "--from", "2010-01-01",
                                   "--out", streamed}).exitCode, 0);
    EXPECT_TRUE(test::Process::slurp(streamed) == test::Process::slurp(out));
}
