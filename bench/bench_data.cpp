// Benchmark data: built lazily, cached for the life of the process.
#include "bench_data.h"

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <random>
#include <system_error>

#include <unistd.h>

#include "datagen/generator.h"

namespace segdash::bench {
namespace fs = std::filesystem;

namespace {

// The process's scratch dir; removed when the process ends normally.
class TempDir {
public:
    TempDir() {
        m_path = fs::temp_directory_path() / ("segdash_bench_" + std::to_string(::getpid()));
        std::error_code ec;
        fs::create_directories(m_path, ec);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(m_path, ec);
    }
    const fs::path &path() const { return m_path; }

private:
    fs::path m_path;
};

TempDir &tempDir() {
    static TempDir dir;
    return dir;
}

std::vector<segment::RfmInput> makeInputs(std::size_t n) {
    std::mt19937_64 rng(20240601);
    std::uniform_int_distribution<int> recency(0, 1095);
    std::geometric_distribution<int> extraOrders(0.25);
    std::lognormal_distribution<double> perOrder(5.0, 1.0);
    std::bernoulli_distribution negative(0.01);
    std::vector<segment::RfmInput> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        auto &in = out[i];
        in.customerId = static_cast<core::Id>(i + 1);
        in.recencyDays = recency(rng);
        in.frequency = 1 + extraOrders(rng);
        double value = perOrder(rng) * static_cast<double>(in.frequency);
        if (negative(rng)) value = -value / 10;
        in.monetary = core::Money::fromUnits(std::llround(value * 100) * 100); // whole cents
    }
    return out;
}

} // namespace

const std::vector<segment::RfmInput> &rfmInputs(std::size_t n) {
    static std::map<std::size_t, std::unique_ptr<std::vector<segment::RfmInput>>> cache;
    auto &slot = cache[n];
    if (!slot) slot = std::make_unique<std::vector<segment::RfmInput>>(makeInputs(n));
    return *slot;
}

const segment::FeatureMatrix &rfmFeatures(std::size_t n) {
    static std::map<std::size_t, std::unique_ptr<segment::FeatureMatrix>> cache;
    auto &slot = cache[n];
    if (!slot) {
        auto built = segment::buildRfmFeatures(rfmInputs(n));
        slot = std::make_unique<segment::FeatureMatrix>(built.ok() ? std::move(*built) : segment::FeatureMatrix{});
    }
    return *slot;
}

segment::DataView viewOf(const segment::FeatureMatrix &m) { return {m.data.data(), m.rows, m.cols}; }

long long datasetCustomers() {
    const char *env = std::getenv("SEGDASH_BENCH_CUSTOMERS");
    const long long n = env ? std::atoll(env) : 0;
    return n > 0 ? n : 20000;
}

namespace {
std::string g_datasetError;
}

const std::string &datasetDir() {
    static const std::string dir = [] {
        datagen::GeneratorOptions options;
        options.customers = datasetCustomers();
        options.outDir = (tempDir().path() / "dataset").string();
        options.seed = 7;
        const auto summary = datagen::generateDataset(options, {});
        if (!summary.ok()) {
            g_datasetError = summary.message();
            return std::string();
        }
        return options.outDir;
    }();
    return dir;
}

const std::string &datasetError() { return g_datasetError; }

std::string scratchPath(const std::string &stem) {
    static int counter = 0;
    return (tempDir().path() / (stem + "_" + std::to_string(++counter))).string();
}

} // namespace segdash::bench
