#include "segment/segment_scheme.h"

#include <algorithm>
#include <charconv>
#include <sstream>

namespace segdash::segment {

namespace {

SegmentRule rfmRule(const char *name, double r0, double r1, double f0, double f1, double m0, double m1) {
    SegmentRule rule;
    rule.name = name;
    rule.recency = {r0, r1};
    rule.frequency = {f0, f1};
    rule.monetary = {m0, m1};
    return rule;
}

SegmentRule gridRule(const char *name, double r0, double r1, double fm0, double fm1) {
    SegmentRule rule;
    rule.name = name;
    rule.recency = {r0, r1};
    rule.fmMean = {fm0, fm1};
    return rule;
}

SegmentScheme rfm10() {
    SegmentScheme s{"rfm-10", SchemeAxes::RecencyFrequencyMonetary, {}};
    s.rules = {rfmRule("Champions", 5, 5, 5, 5, 5, 5),
               rfmRule("Potential Loyalist", 3, 5, 3, 5, 2, 5),
               rfmRule("Loyal Customers", 2, 4, 2, 4, 2, 4),
               rfmRule("Promising", 3, 4, 1, 3, 3, 5),
               rfmRule("New Customers", 4, 5, 1, 3, 1, 5),
               rfmRule("Can't Lose Them", 1, 2, 3, 4, 4, 5),
               rfmRule("At Risk", 1, 2, 2, 5, 4, 5),
               rfmRule("Need Attention", 1, 3, 3, 5, 3, 5),
               rfmRule("About To Sleep", 2, 3, 1, 3, 1, 4),
               rfmRule("Lost", 1, 1, 1, 5, 1, 5)};
    return s;
}

// A partition of the 5 x 9 grid (see docs/segmentation.md): every cell in one rule.
SegmentScheme rfm11() {
    SegmentScheme s{"rfm-11", SchemeAxes::RecencyVsFmMean, {}};
    s.rules = {gridRule("Champions", 4, 5, 4, 5),
               gridRule("Loyal Customers", 3, 3, 3.5, 5),
               gridRule("Potential Loyalist", 4, 5, 2, 3.5),
               gridRule("Recent Customers", 5, 5, 1, 1.5),
               gridRule("Promising", 4, 4, 1, 1.5),
               gridRule("Need Attention", 3, 3, 2.5, 3),
               gridRule("About To Sleep", 3, 3, 1, 2),
               gridRule("At Risk", 1, 2, 2.5, 3.5),
               gridRule("Can't Lose Them", 1, 2, 4, 5),
               gridRule("Hibernating", 2, 2, 1, 2),
               gridRule("Lost", 1, 1, 1, 2)};
    return s;
}

bool ruleMatches(const SegmentScheme &scheme, const SegmentRule &rule, int r, int f, int m) {
    if (!rule.recency.contains(r))
        return false;
    if (scheme.axes == SchemeAxes::RecencyVsFmMean)
        return rule.fmMean.contains((f + m) / 2.0);
    return rule.frequency.contains(f) && rule.monetary.contains(m);
}

std::string formatNumber(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

std::string formatRange(const ScoreRange &range) {
    return formatNumber(range.lo) + "-" + formatNumber(range.hi);
}

bool parseNumber(std::string_view text, double &out) {
    if (text.empty())
        return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

bool parseRange(std::string_view text, ScoreRange &out) {
    const auto dash = text.find('-', 1);
    if (dash == std::string_view::npos)
        return false;
    return parseNumber(text.substr(0, dash), out.lo) && parseNumber(text.substr(dash + 1), out.hi) &&
           out.lo <= out.hi;
}

std::vector<std::string> splitFields(const std::string &line) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream in(line);
    while (std::getline(in, field, ';'))
        fields.push_back(field);
    return fields;
}

std::string trimmed(const std::string &s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos)
        return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

core::Status parseRuleLine(const std::string &line, SegmentScheme &scheme, int lineNo) {
    const auto fields = splitFields(line);
    const std::size_t want = scheme.axes == SchemeAxes::RecencyVsFmMean ? 3 : 4;
    const auto where = "line " + std::to_string(lineNo) + ": ";
    if (fields.size() != want)
        return core::Status::error(where + "expected " + std::to_string(want) + " fields separated by ';'");
    SegmentRule rule;
    rule.name = trimmed(fields[0]);
    if (rule.name.empty())
        return core::Status::error(where + "empty segment name");
    bool ok = parseRange(trimmed(fields[1]), rule.recency);
    if (want == 3)
        ok = ok && parseRange(trimmed(fields[2]), rule.fmMean);
    else
        ok = ok && parseRange(trimmed(fields[2]), rule.frequency) && parseRange(trimmed(fields[3]), rule.monetary);
    if (!ok)
        return core::Status::error(where + "ranges must look like 3-5 (low-high)");
    scheme.rules.push_back(rule);
    return core::Status::success();
}

} // namespace

std::vector<std::string> builtinSchemeNames() { return {"rfm-10", "rfm-11"}; }

core::Result<SegmentScheme> builtinScheme(const std::string &name) {
    if (name == "rfm-10")
        return rfm10();
    if (name == "rfm-11")
        return rfm11();
    return core::Status::error("unknown segment scheme '" + name + "' (known: rfm-10, rfm-11)");
}

const std::string &classify(const SegmentScheme &scheme, int r, int f, int m) {
    static const std::string kOthers = kOthersSegment;
    for (const auto &rule : scheme.rules)
        if (ruleMatches(scheme, rule, r, f, m))
            return rule.name;
    return kOthers;
}

core::Result<SegmentAssignment> assignSegments(const SegmentScheme &scheme, const std::vector<RfmScore> &scores,
                                               const core::ProgressFn &progress) {
    SegmentAssignment out;
    std::vector<int> ruleSegment;
    for (const auto &rule : scheme.rules) {
        auto it = std::find(out.segmentNames.begin(), out.segmentNames.end(), rule.name);
        ruleSegment.push_back(static_cast<int>(it - out.segmentNames.begin()));
        if (it == out.segmentNames.end())
            out.segmentNames.push_back(rule.name);
    }
    const int others = static_cast<int>(out.segmentNames.size());
    out.segmentNames.push_back(kOthersSegment);
    out.counts.assign(out.segmentNames.size(), 0);
    out.segmentOfCustomer.resize(scores.size());
    for (std::size_t i = 0; i < scores.size(); ++i) {
        if (i % 65536 == 0 && !core::reportProgress(progress, static_cast<std::int64_t>(i),
                                                    static_cast<std::int64_t>(scores.size())))
            return core::Status::error("cancelled");
        int seg = others;
        for (std::size_t k = 0; k < scheme.rules.size(); ++k) {
            if (ruleMatches(scheme, scheme.rules[k], scores[i].r, scores[i].f, scores[i].m)) {
                seg = ruleSegment[k];
                break;
            }
        }
        out.segmentOfCustomer[i] = seg;
        ++out.counts[seg];
    }
    return out;
}

std::string serializeScheme(const SegmentScheme &scheme) {
    std::string out = "scheme=" + scheme.name + "\n";
    const bool grid = scheme.axes == SchemeAxes::RecencyVsFmMean;
    out += grid ? "axes=r-fm\n" : "axes=r-f-m\n";
    for (const auto &rule : scheme.rules) {
        out += rule.name + ";" + formatRange(rule.recency) + ";";
        out += grid ? formatRange(rule.fmMean) : formatRange(rule.frequency) + ";" + formatRange(rule.monetary);
        out += "\n";
    }
    return out;
}

core::Result<SegmentScheme> parseScheme(const std::string &text) {
    SegmentScheme scheme;
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    while (std::getline(in, raw)) {
        ++lineNo;
        const auto line = trimmed(raw);
        if (line.empty() || line[0] == '#')
            continue;
        if (line.rfind("scheme=", 0) == 0) {
            scheme.name = trimmed(line.substr(7));
        } else if (line == "axes=r-f-m" || line == "axes=r-fm") {
            if (!scheme.rules.empty())
                return core::Status::error("line " + std::to_string(lineNo) + ": axes must come before the rules");
            scheme.axes = line == "axes=r-fm" ? SchemeAxes::RecencyVsFmMean : SchemeAxes::RecencyFrequencyMonetary;
        } else if (auto st = parseRuleLine(line, scheme, lineNo); !st) {
            return st;
        }
    }
    if (scheme.rules.empty())
        return core::Status::error("the scheme has no rules");
    return scheme;
}

} // namespace segdash::segment
