#include "cli/segment_report.h"

#include <charconv>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace segdash::cli {
namespace {

std::string format(const char *fmt, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, fmt, v);
    return buf;
}

// Integers as integers, other values with up to four decimals.
std::string number(double v) {
    if (std::fabs(v - std::round(v)) < 1e-9 && std::fabs(v) < 1e15) return format("%.0f", v);
    std::string s = format("%.4f", v);
    while (s.back() == '0') s.pop_back();
    return s;
}

std::string percent(double part, double whole) {
    return whole > 0 ? format("%.1f%%", 100.0 * part / whole) : std::string("-");
}

std::string pad(const std::string &s, std::size_t width, bool right = false) {
    if (s.size() >= width) return s;
    const std::string fill(width - s.size(), ' ');
    return right ? fill + s : s + fill;
}

// RFC 4180: quote fields holding the delimiter, quotes or line breaks (cluster names have commas).
std::string csvField(const std::string &s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string q = "\"";
    for (char c : s) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + "\"";
}

void printDimension(std::ostream &out, const char *name, const segment::DimensionReport &d) {
    out << "  " << name << " (" << segment::toString(d.method) << ", " << d.binCount << " bins)\n";
    for (const auto &b : d.bins) {
        const std::string range = "[" + number(b.lower) + ", " + number(b.upper) + (b.upperInclusive ? "]" : ")");
        out << "    score " << pad(std::to_string(b.score), 2, true) << "  " << pad(range, 26) << pad(std::to_string(b.count), 9, true)
            << " customers\n";
    }
    for (std::size_t i = 0; i < d.boundaries.size(); ++i) {
        const auto &b = d.boundaries[i];
        out << "    threshold " << i + 1 << ": " << number(b.value);
        if (d.method == segment::BinMethod::Quantile) out << " (quantile " << number(b.quantile) << ")";
        out << ", tied " << b.tied << "\n";
    }
    out << "    collapsed bins: ";
    if (d.collapsedScores.empty()) out << "none";
    for (std::size_t i = 0; i < d.collapsedScores.size(); ++i) out << (i ? ", " : "") << "score " << d.collapsedScores[i];
    out << "\n";
}

// Cluster means over the chosen features: original units, then mean z-scores.
void printFeatureProfiles(std::ostream &out, const KMeansOutcome &km) {
    for (const bool z : {false, true}) {
        out << (z ? "\nmean z-scores\n" : "means in original units (days, orders, currency units, counts)\n")
            << pad("cluster", 8) << pad("customers", 10, true) << pad("share", 8, true);
        for (const auto &n : km.featureNames) out << pad(n, std::max<std::size_t>(12, n.size() + 2), true);
        out << "  name\n";
        for (const auto &p : km.featureProfiles) {
            out << pad(std::to_string(p.cluster), 8) << pad(std::to_string(p.size), 10, true)
                << pad(format("%.1f%%", 100 * p.share), 8, true);
            for (std::size_t j = 0; j < km.featureNames.size(); ++j)
                out << pad(format("%.2f", z ? p.meanZ[j] : p.meanOriginal[j]),
                           std::max<std::size_t>(12, km.featureNames[j].size() + 2), true);
            out << "  " << p.name << "\n";
        }
    }
}

} // namespace

namespace {

void appendInt(std::string &out, std::int64_t v) {
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, r.ptr);
}

// Money exactly: 4 decimals trimmed to at least 2, appended without a temporary string.
void appendExactMoney(std::string &out, core::Money m) {
    const std::int64_t units = m.units();
    const std::uint64_t a = units < 0 ? 0 - static_cast<std::uint64_t>(units) : static_cast<std::uint64_t>(units);
    if (units < 0) out += '-';
    appendInt(out, static_cast<std::int64_t>(a / core::Money::kScale));
    char frac[5] = {'0', '0', '0', '0', 0};
    for (std::uint64_t f = a % core::Money::kScale, i = 4; i-- > 0; f /= 10) frac[i] = static_cast<char>('0' + f % 10);
    int digits = 4;
    while (digits > 2 && frac[digits - 1] == '0') --digits;
    out += '.';
    out.append(frac, static_cast<std::size_t>(digits));
}

} // namespace

std::string exactMoney(core::Money m) {
    std::string s;
    appendExactMoney(s, m);
    return s;
}

void printSummary(std::ostream &out, const RfmOutcome &rfm) {
    const auto &src = rfm.source;
    out << "Analysis date " << src.analysisDate.toIso() << "; " << src.set.inputs.size() << " customers scored ("
        << (src.fromStats ? "from the per-customer stats" : "from " + std::to_string(src.ordersInRange) + " orders in the range")
        << "), " << src.customersWithoutPurchase << " of " << src.customersInStore
        << " customers excluded (no purchase" << (src.fromStats ? "" : " in the range") << ")\n";
    if (src.set.purchaseAfterAnalysis > 0)
        out << "Warning: " << src.set.purchaseAfterAnalysis
            << " customers bought after the analysis date (negative recency)\n";
    const auto &names = rfm.segments.segmentNames;
    std::vector<double> revenue(names.size(), 0.0);
    double total = 0;
    for (std::size_t i = 0; i < src.set.inputs.size(); ++i) {
        const double m = src.set.inputs[i].monetary.toDouble();
        revenue[static_cast<std::size_t>(rfm.segments.segmentOfCustomer[i])] += m;
        total += m;
    }
    const auto customers = static_cast<double>(src.set.inputs.size());
    out << "\nSegments (" << rfm.schemeName << ")\n"
        << pad("segment", 22) << pad("customers", 10, true) << pad("share", 9, true) << pad("revenue share", 15, true) << "\n";
    for (std::size_t s = 0; s < names.size(); ++s)
        out << pad(names[s], 22) << pad(std::to_string(rfm.segments.counts[s]), 10, true)
            << pad(percent(static_cast<double>(rfm.segments.counts[s]), customers), 9, true)
            << pad(percent(revenue[s], total), 15, true) << "\n";
    out << pad("total", 22) << pad(std::to_string(src.set.inputs.size()), 10, true) << pad("100.0%", 9, true)
        << pad(total > 0 ? "100.0%" : "-", 15, true) << "\n";
}

void printBinning(std::ostream &out, const segment::RfmResult &scores) {
    static const char *const kLegend[] = {
        "bins [from, to); tied = customers equal to the quantile a threshold came from (kept in the lower bin)",
        "bins [smallest, largest value]; tied = customers of one value that a cut split across two bins",
        "bins [from, to); tied = customers exactly on a breakpoint (in the upper bin)"};
    out << "\nBinning (" << kLegend[static_cast<int>(scores.recency.method)] << ")\n";
    printDimension(out, "recency days", scores.recency);
    printDimension(out, "frequency", scores.frequency);
    printDimension(out, "monetary", scores.monetary);
}

void printKMeans(std::ostream &out, const KMeansOutcome &km) {
    out << "\nk-means: k = " << km.model.k;
    if (km.selection) {
        out << " (" << km.selection->reason << ")\n  evaluated on " << km.selection->rowsEvaluated << " customers\n"
            << "  " << pad("k", 4) << pad("inertia", 14, true) << pad("drop", 8, true) << pad("silhouette", 12, true)
            << pad("stability", 11, true) << "\n";
        for (const auto &c : km.selection->candidates)
            out << "  " << pad(std::to_string(c.k), 4) << pad(format("%.3f", c.inertia), 14, true)
                << pad(format("%.1f%%", 100 * c.inertiaDrop), 8, true) << pad(format("%.4f", c.silhouette), 12, true)
                << pad(format("%.3f", c.stability), 11, true) << "\n";
    } else {
        out << " (given with --k)\n";
    }
    out << "final model on all customers: inertia " << format("%.4f", km.model.inertia) << ", " << km.model.iterations
        << " iterations" << (km.model.converged ? "" : " (not converged)") << "\n\n";
    if (!km.featureNames.empty()) {
        printFeatureProfiles(out, km);
        return;
    }
    out << pad("cluster", 8) << pad("customers", 10, true) << pad("share", 8, true) << pad("recency", 10, true)
        << pad("frequency", 10, true) << pad("monetary", 12, true) << "  name\n";
    for (const auto &p : km.profiles)
        out << pad(std::to_string(p.cluster), 8) << pad(std::to_string(p.size), 10, true)
            << pad(format("%.1f%%", 100 * p.share), 8, true) << pad(format("%.1f", p.meanRecencyDays), 10, true)
            << pad(format("%.2f", p.meanFrequency), 10, true) << pad(format("%.2f", p.meanMonetary), 12, true) << "  "
            << p.name << "\n";
}

core::Status writeSegmentCsv(const std::string &path, const RfmOutcome &rfm, const KMeansOutcome *km) {
    std::FILE *file = std::fopen(path.c_str(), "wb");
    if (!file) return core::Status::error("cannot write " + path);
    std::string buf = "customer_id,recency_days,frequency,monetary,r_score,f_score,m_score,rfm_score,segment";
    buf += km ? ",cluster,cluster_name\n" : "\n";
    // Segment and cluster names quoted once, not once a row.
    std::vector<std::string> segmentNames, clusterNames;
    for (const auto &n : rfm.segments.segmentNames) segmentNames.push_back(csvField(n));
    if (km)
        for (const auto &p : km->profiles) clusterNames.push_back(csvField(p.name));
    const auto &src = rfm.source;
    bool ok = true;
    for (std::size_t i = 0; i < src.set.inputs.size() && ok; ++i) {
        const auto &in = src.set.inputs[i];
        const auto &sc = rfm.scores.scores[i];
        const std::string &id = src.customerLabels[i];
        if (id.find_first_of(",\"\r\n") == std::string::npos) buf += id; else buf += csvField(id);
        buf += ',';
        appendInt(buf, in.recencyDays);
        buf += ',';
        appendInt(buf, in.frequency);
        buf += ',';
        appendExactMoney(buf, in.monetary);
        for (const int v : {sc.r, sc.f, sc.m, sc.rfmScore}) {
            buf += ',';
            appendInt(buf, v);
        }
        buf += ',';
        buf += segmentNames[static_cast<std::size_t>(rfm.segments.segmentOfCustomer[i])];
        if (km) {
            const int c = km->model.labels[i];
            buf += ',';
            appendInt(buf, c);
            buf += ',';
            buf += clusterNames[static_cast<std::size_t>(c)];
        }
        buf += '\n';
        if (buf.size() >= (1u << 20)) {
            ok = std::fwrite(buf.data(), 1, buf.size(), file) == buf.size();
            buf.clear();
        }
    }
    ok = ok && std::fwrite(buf.data(), 1, buf.size(), file) == buf.size();
    ok = std::fclose(file) == 0 && ok;
    if (!ok) return core::Status::error("writing " + path + " failed (disk full?)");
    return core::Status::success();
}

core::Status writeFeatureCsv(const std::string &path, const SegmentSource &source,
                             const segment::FeatureMatrix &features) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) return core::Status::error("cannot write " + path);
    out << "customer_id";
    for (const auto &n : features.names) out << ',' << n;
    out << '\n';
    for (std::size_t r = 0; r < features.rows; ++r) {
        out << csvField(source.customerLabels[r]);
        for (std::size_t c = 0; c < features.cols; ++c) out << ',' << format("%.17g", features.at(r, c));
        out << '\n';
    }
    out.flush();
    if (!out) return core::Status::error("writing " + path + " failed (disk full?)");
    return core::Status::success();
}

} // namespace segdash::cli
