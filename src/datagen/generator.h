#pragma once
// The synthetic CRM dataset generator: a believable B2B supplier (product catalogue,
// customers, orders with lines, returns and cancellations, sales pipeline, campaigns,
// e-mail/web/social interactions, NPS/CSAT surveys) whose customers buy by a hidden
// "buy while alive, then drop out" process (Pareto/NBD). The hidden truth is written
// to ground_truth.csv so segmentation and CLV results can be checked against it.
// Output is streamed customer by customer (memory stays flat) and byte-identical for
// the same options and seed.
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/progress.h"
#include "core/status.h"

namespace segdash::datagen {

enum class Dialect { English, Polish };

/// What to generate. `dirtyRate` is the fraction of data rows that get one defect.
struct GeneratorOptions {
    std::int64_t customers = 1000;
    std::string outDir;
    std::uint64_t seed = 1;
    double years = 3.0;
    core::Date start = core::Date{19358}; // 2023-01-01
    Dialect dialect = Dialect::English;
    double dirtyRate = 0.0;
    int horizonDays = 365; // ground truth: purchases in the horizon after the data ends
};

/// Rows and bytes written to one file.
struct FileSummary {
    std::string name;
    std::int64_t rows = 0; // data rows, header excluded
    std::int64_t bytes = 0;
};

/// What generateDataset wrote. Order counts are per kind; `orderRows` is their sum.
struct GeneratorSummary {
    std::int64_t customers = 0;
    std::int64_t sales = 0;
    std::int64_t returns = 0;
    std::int64_t cancellations = 0;
    std::int64_t orderRows = 0;
    std::int64_t orderLines = 0;
    std::int64_t opportunities = 0;
    std::int64_t interactions = 0;
    std::int64_t surveys = 0;
    std::int64_t campaigns = 0;
    std::int64_t defects = 0;
    core::Date firstDay;
    core::Date lastDay; // last day with data (inclusive)
    double seconds = 0;
    std::vector<FileSummary> files;
    std::int64_t totalBytes() const;
};

/// One hidden behavioural group and the parameters its customers are drawn from.
/// Rates are per year; lambda ~ Gamma(lambdaShape, mean lambdaMean), dropout rate
/// mu ~ Gamma(muShape, mean 1/lifetimeYears).
struct GroupProfile {
    const char *name;
    double share;
    double lambdaMean;
    double lambdaShape;
    double lifetimeYears;
    double muShape;
    double linesMean;     // order lines per order
    double quantityMean;  // units per line
    double discount;      // mean discount off list price
    double returnRate;    // share of sales partly returned
    double cancelRate;    // share of sales cancelled
    double openRate;      // e-mail open probability while alive
    double clickRate;     // click probability given an open
    double visitsPerYear; // web visits
    double socialPerYear;
    double callsPerYear;
    double meetingsPerYear;
    double oppsPerYear;   // sales opportunities
    double winRate;       // chance to advance through the last pipeline stage
    double npsMean;
    double surveyRate;    // share of sales followed by a survey answer
};

const std::vector<GroupProfile> &groupProfiles();

/// Writes the dataset into options.outDir (created if missing). Progress counts customers.
core::Result<GeneratorSummary> generateDataset(const GeneratorOptions &options, const core::ProgressFn &progress);

} // namespace segdash::datagen
