#include "segment/rfm_scoring.h"

#include <algorithm>
#include <string>

namespace segdash::segment {

RfmOptions RfmOptions::uniform(BinMethod method, int bins) {
    RfmOptions o;
    o.recency = o.frequency = o.monetary = DimensionSpec{method, bins, {}};
    return o;
}

namespace {

core::Result<DimensionBins> binDimension(const std::vector<double> &values, const std::vector<core::Id> &ids,
                                         const DimensionSpec &spec, const char *name) {
    core::Result<DimensionBins> bins = core::Status::error("");
    switch (spec.method) {
    case BinMethod::Quantile: bins = binQuantile(values, spec.bins); break;
    case BinMethod::Rank: bins = binRank(values, ids, spec.bins); break;
    case BinMethod::Fixed: bins = binFixed(values, spec.breaks); break;
    }
    if (!bins)
        return core::Status::error(std::string(name) + ": " + bins.message());
    return bins;
}

// Bin k (ascending value) gets score k + 1, or binCount - k when reversed.
void applyScores(DimensionReport &report, bool reversed) {
    report.collapsedScores.clear();
    for (int k = 0; k < report.binCount; ++k) {
        auto &bin = report.bins[k];
        bin.score = reversed ? report.binCount - k : k + 1;
        if (bin.count == 0)
            report.collapsedScores.push_back(bin.score);
    }
    std::sort(report.collapsedScores.begin(), report.collapsedScores.end());
}

struct Columns {
    std::vector<core::Id> ids;
    std::vector<double> recency, frequency, monetary;
};

Columns columnsOf(const std::vector<RfmInput> &inputs) {
    Columns c;
    for (const auto &in : inputs) {
        c.ids.push_back(in.customerId);
        c.recency.push_back(in.recencyDays);
        c.frequency.push_back(static_cast<double>(in.frequency));
        c.monetary.push_back(in.monetary.toDouble());
    }
    return c;
}

std::vector<RfmScore> scoresOf(const std::vector<core::Id> &ids, int recencyBins, const DimensionBins &r,
                               const DimensionBins &f, const DimensionBins &m) {
    std::vector<RfmScore> scores(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
        auto &s = scores[i];
        s.customerId = ids[i];
        s.r = recencyBins - r.binOfItem[i];
        s.f = f.binOfItem[i] + 1;
        s.m = m.binOfItem[i] + 1;
        s.rfmScore = s.r * 100 + s.f * 10 + s.m;
    }
    return scores;
}

} // namespace

core::Result<RfmResult> scoreRfm(const std::vector<RfmInput> &inputs, const RfmOptions &options,
                                 const core::ProgressFn &progress) {
    if (inputs.empty())
        return core::Status::error("no customers to score");
    const Columns cols = columnsOf(inputs);
    const std::vector<double> *values[3] = {&cols.recency, &cols.frequency, &cols.monetary};
    const DimensionSpec *specs[3] = {&options.recency, &options.frequency, &options.monetary};
    const char *names[3] = {"recency", "frequency", "monetary"};
    std::vector<DimensionBins> bins;
    for (int d = 0; d < 3; ++d) {
        if (!core::reportProgress(progress, d, 3))
            return core::Status::error("cancelled");
        auto b = binDimension(*values[d], cols.ids, *specs[d], names[d]);
        if (!b)
            return b.status();
        bins.push_back(std::move(*b));
    }
    RfmResult result;
    result.scores = scoresOf(cols.ids, bins[0].report.binCount, bins[0], bins[1], bins[2]);
    result.recency = std::move(bins[0].report);
    result.frequency = std::move(bins[1].report);
    result.monetary = std::move(bins[2].report);
    applyScores(result.recency, true);
    applyScores(result.frequency, false);
    applyScores(result.monetary, false);
    if (!core::reportProgress(progress, 3, 3))
        return core::Status::error("cancelled");
    return result;
}

} // namespace segdash::segment
