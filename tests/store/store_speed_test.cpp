// Throughput check, disabled by default (run with --gtest_also_run_disabled_tests):
// 1M orders for 100k customers through one ImportSession (SEGDASH_SPEED_ORDERS and
// SEGDASH_SPEED_CUSTOMERS change the sizes).
#include <chrono>
#include <ctime>
#include <cstdio>
#include <random>

#include "store_test_support.h"

namespace segdash::store::test {
namespace {

using SpeedTest = StoreTest;

TEST_F(SpeedTest, DISABLED_ImportsOneMillionOrders) {
    const auto sized = [](const char *name, int fallback) {
        const char *value = std::getenv(name);
        return value ? std::atoi(value) : fallback;
    };
    const int kCustomers = sized("SEGDASH_SPEED_CUSTOMERS", 100000);
    const int kOrders = sized("SEGDASH_SPEED_ORDERS", 1000000);
    auto store = open();
    const std::clock_t cpuStart = std::clock();
    const auto start = std::chrono::steady_clock::now();
    auto s = std::move(*store->beginImport());
    std::mt19937 random(7);
    std::uniform_int_distribution<int> pick(0, kCustomers - 1);
    core::Customer c;
    c.sourceSystem = "bench";
    for (int i = 0; i < kCustomers; ++i) {
        c.externalId = "C" + std::to_string(i);
        c.email = "c" + std::to_string(i) + "@example.com";
        ASSERT_TRUE(s->upsertCustomer(c).ok());
    }
    const auto customersDone = std::chrono::steady_clock::now();
    core::Order o;
    o.currency = "GBP";
    o.channel = "web";
    std::string customerKey;
    for (int i = 0; i < kOrders; ++i) {
        o.externalId = "INV" + std::to_string(10000000 + i);
        customerKey = "C" + std::to_string(pick(random));
        o.customerId = *s->findCustomer("bench", customerKey);
        o.placedAt = core::Timestamp{1600000000 + i * 60LL};
        o.revenue = core::Money::fromUnits(100000 + i % 5000);
        o.kind = i % 20 == 0 ? core::OrderKind::Return : core::OrderKind::Sale;
        ASSERT_TRUE(*s->addOrder(o, "bench"));
    }
    const auto ordersDone = std::chrono::steady_clock::now();
    ASSERT_TRUE(s->commit(ImportRecord{}).ok());
    const auto end = std::chrono::steady_clock::now();
    const double cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC; // the machine may be shared
    const auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
    std::printf("wall: customers %.2fs, orders %.2fs (%.0f rows/s), commit %.2fs, total %.2fs; cpu total %.2fs\n",
                secs(start, customersDone), secs(customersDone, ordersDone),
                kOrders / secs(customersDone, ordersDone), secs(ordersDone, end), secs(start, end), cpu);
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.rfind("VmHWM", 0) == 0) std::printf("peak after commit: %s\n", line.c_str());
    const auto summaryStart = std::chrono::steady_clock::now();
    EXPECT_EQ(store->summary()->orders, kOrders);
    const auto undoStart = std::chrono::steady_clock::now();
    EXPECT_TRUE(store->undoLastImport().ok());
    std::printf("summary %.2fs, undo %.2fs\n", secs(summaryStart, undoStart),
                secs(undoStart, std::chrono::steady_clock::now()));
}

} // namespace
} // namespace segdash::store::test
