#pragma once
// Named RFM segments as data: an ordered rule table, first match wins, unmatched
// customers are "Others". Schemes are plain values so the app can edit and store them.
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "segment/rfm_scoring.h"

namespace segdash::segment {

inline constexpr const char *kOthersSegment = "Others";

/// An inclusive range of scores; bounds may be halves for the (F+M)/2 axis.
struct ScoreRange {
    double lo = 1;
    double hi = 5;
    bool contains(double v) const { return v >= lo && v <= hi; }
};

/// Which scores the rules look at: R, F and M each, or R against the mean (F+M)/2.
enum class SchemeAxes { RecencyFrequencyMonetary, RecencyVsFmMean };

/// One named rule. With RecencyFrequencyMonetary it tests recency, frequency and
/// monetary; with RecencyVsFmMean it tests recency and fmMean.
struct SegmentRule {
    std::string name;
    ScoreRange recency;
    ScoreRange frequency;
    ScoreRange monetary;
    ScoreRange fmMean;
};

/// A named, ordered list of rules.
struct SegmentScheme {
    std::string name;
    SchemeAxes axes = SchemeAxes::RecencyFrequencyMonetary;
    std::vector<SegmentRule> rules;
};

/// Customers per segment; segment i is rule name i in first-appearance order, the
/// last one is "Others".
struct SegmentAssignment {
    std::vector<std::string> segmentNames;
    std::vector<int> segmentOfCustomer; // same order as the scores
    std::vector<std::int64_t> counts;
};

// "rfm-10" (default; the R package's documented ten segments) or "rfm-11" (the R vs
// (F+M)/2 grid). Unknown names give an error.
core::Result<SegmentScheme> builtinScheme(const std::string &name);
std::vector<std::string> builtinSchemeNames();

// The first matching rule's name, or "Others".
const std::string &classify(const SegmentScheme &scheme, int r, int f, int m);

core::Result<SegmentAssignment> assignSegments(const SegmentScheme &scheme, const std::vector<RfmScore> &scores,
                                               const core::ProgressFn &progress = {});

// Text form, one rule a line, '#' comments and blank lines ignored:
//   scheme=rfm-10
//   axes=r-f-m            (or axes=r-fm)
//   Champions;5-5;5-5;5-5 (name;R;F;M, or name;R;FM with axes=r-fm)
std::string serializeScheme(const SegmentScheme &scheme);
core::Result<SegmentScheme> parseScheme(const std::string &text);

} // namespace segdash::segment
