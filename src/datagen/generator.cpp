#include "datagen/generator.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <system_error>

#include "datagen/context.h"
#include "datagen/defects.h"

namespace segdash::datagen {
namespace {

enum Stream : std::uint64_t { kPersonStream = 1, kHistoryStream = 2, kOrderStream = 3, kEngagementStream = 4,
                              kPipelineStream = 6 };

core::Status validate(const GeneratorOptions &o) {
    if (o.customers < 1 || o.customers > 100'000'000) return core::Status::error("customers must be 1..100000000");
    if (o.outDir.empty()) return core::Status::error("no output directory given");
    if (!(o.years > 0 && o.years <= 50)) return core::Status::error("years must be more than 0 and at most 50");
    if (!(o.dirtyRate >= 0 && o.dirtyRate <= 1)) return core::Status::error("dirty rate must be between 0 and 1");
    if (o.horizonDays < 0) return core::Status::error("horizon must not be negative");
    return core::Status::success();
}

std::vector<TableWriter *> dataWriters(Context &ctx) {
    return {ctx.customers.get(), ctx.orders.get(), ctx.lines.get(), ctx.opportunities.get(),
            ctx.interactions.get(), ctx.surveys.get(), ctx.campaigns.get()};
}

core::Status openAll(Context &ctx, TableWriter *defects) {
    const Dialect d = ctx.opt.dialect;
    ctx.customers = std::make_unique<TableWriter>(customersTable(), d);
    ctx.orders = std::make_unique<TableWriter>(ordersTable(), d);
    ctx.lines = std::make_unique<TableWriter>(orderLinesTable(), d);
    ctx.opportunities = std::make_unique<TableWriter>(opportunitiesTable(), d);
    ctx.interactions = std::make_unique<TableWriter>(interactionsTable(), d);
    ctx.surveys = std::make_unique<TableWriter>(surveysTable(), d);
    ctx.campaigns = std::make_unique<TableWriter>(campaignsTable(), d);
    ctx.truth = std::make_unique<TableWriter>(groundTruthTable(), Dialect::English);
    auto all = dataWriters(ctx);
    all.push_back(ctx.truth.get());
    if (defects) all.push_back(defects);
    for (auto *w : all)
        if (auto st = w->open(ctx.opt.outDir); !st) return st;
    return core::Status::success();
}

core::Status closeAll(Context &ctx, TableWriter *defects) {
    auto all = dataWriters(ctx);
    all.push_back(ctx.truth.get());
    if (defects) all.push_back(defects);
    core::Status result = core::Status::success();
    for (auto *w : all) {
        auto st = w->close();
        if (!st && result) result = st;
        ctx.summary.files.push_back({w->spec().file, w->rows(), w->bytes()});
    }
    return result;
}

void generateCustomer(Context &ctx, std::int64_t i) {
    const std::uint64_t seed = ctx.opt.seed;
    static thread_local Person person;
    Rng personRng = Rng::derive(seed, kPersonStream, std::uint64_t(i));
    makePerson(ctx, personRng, i, person);
    Rng historyRng = Rng::derive(seed, kHistoryStream, std::uint64_t(i));
    const double acquiredAt = ctx.dataStart + historyRng.uniform() * (ctx.dataEnd - ctx.dataStart);
    simulatePurchases(historyRng, groupProfiles()[person.group], acquiredAt, ctx.dataEnd, ctx.opt.horizonDays,
                      ctx.history);
    writeCustomer(ctx, person);
    ++ctx.summary.customers;
    Rng orderRng = Rng::derive(seed, kOrderStream, std::uint64_t(i));
    writeOrders(ctx, orderRng, person);
    Rng engagementRng = Rng::derive(seed, kEngagementStream, std::uint64_t(i));
    writeInteractions(ctx, engagementRng, person);
    Rng pipelineRng = Rng::derive(seed, kPipelineStream, std::uint64_t(i));
    writeOpportunities(ctx, pipelineRng, person);
    writeGroundTruth(ctx, person);
}

std::size_t emailBitWords(std::int64_t customers) {
    std::size_t bits = 1 << 16;
    while (bits < std::size_t(customers) * 32 && bits < (std::size_t{1} << 26)) bits <<= 1;
    return bits / 64;
}

} // namespace

std::int64_t GeneratorSummary::totalBytes() const {
    std::int64_t sum = 0;
    for (const auto &f : files) sum += f.bytes;
    return sum;
}

Context::Context(const GeneratorOptions &o)
    : opt(o), voc(vocabulary(o.dialect)), cat(catalogue(o.dialect)), dataStart(o.start.days),
      dataEnd(o.start.days + std::round(o.years * 365.25)), emailBits(emailBitWords(o.customers)) {
    for (const auto &place : voc.places) placeWeights.push_back(place.weight);
    summary.firstDay = o.start;
    summary.lastDay = core::Date{std::int32_t(dataEnd) - 1};
}

core::Result<GeneratorSummary> generateDataset(const GeneratorOptions &options, const core::ProgressFn &progress) {
    if (auto st = validate(options); !st) return st;
    const auto started = std::chrono::steady_clock::now();
    std::error_code ec;
    std::filesystem::create_directories(options.outDir, ec);
    if (ec) return core::Status::error("cannot create " + options.outDir + ": " + ec.message());

    Context ctx(options);
    std::unique_ptr<TableWriter> defectsOut;
    std::unique_ptr<DefectInjector> injector;
    if (options.dirtyRate > 0) {
        defectsOut = std::make_unique<TableWriter>(defectsTable(), Dialect::English);
        injector = std::make_unique<DefectInjector>(options, *defectsOut);
    }
    if (auto st = openAll(ctx, defectsOut.get()); !st) return st;
    if (injector)
        for (auto *w : dataWriters(ctx)) w->setHook(injector.get());

    makeCampaigns(ctx);
    for (std::int64_t i = 0; i < options.customers; ++i) {
        generateCustomer(ctx, i);
        if ((i & 1023) == 1023 && !core::reportProgress(progress, i + 1, options.customers)) {
            (void)closeAll(ctx, defectsOut.get());
            return core::Status::error("generation cancelled");
        }
    }
    core::reportProgress(progress, options.customers, options.customers);
    if (auto st = closeAll(ctx, defectsOut.get()); !st) return st;
    ctx.summary.defects = injector ? injector->count() : 0;
    ctx.summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return ctx.summary;
}

} // namespace segdash::datagen
