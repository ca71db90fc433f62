// The outputs of `segdash metrics`: the long CSV, the JSON and the readable table.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iomanip>

#include "cli/metrics_report.h"
#include "cli/segment_report.h"

namespace segdash::cli {
namespace {

std::string csvField(const std::string &s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string out = "\"";
    for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string jsonString(const std::string &s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') out += std::string("\\") + c;
        else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else out += c;
    }
    return out + "\"";
}

std::string jsonValue(const ReportRow &r) {
    if (!r.value) return "null";
    return r.isText ? jsonString(*r.value) : *r.value;
}

core::Status finish(std::ofstream &out, const std::string &path) {
    out.close();
    return out ? core::Status::success() : core::Status::error("cannot write " + path);
}

std::string cell(const std::optional<double> &v, int decimals, const char *suffix = "") {
    if (!v) return "n/a";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f%s", decimals, *v, suffix);
    return buf;
}

std::string pct(const std::optional<double> &share) {
    return share ? cell(*share * 100.0, 1, "%") : std::string("n/a");
}

} // namespace

core::Status writeMetricsCsv(const std::string &path, const std::vector<ReportRow> &rows) {
    std::ofstream out(path, std::ios::binary);
    if (!out) return core::Status::error("cannot create " + path);
    out << "section,segment,item,metric,value\n";
    for (const auto &r : rows)
        out << r.section << ',' << csvField(r.segment) << ',' << csvField(r.item) << ',' << r.metric << ','
            << (r.value ? csvField(*r.value) : std::string("n/a")) << '\n';
    return finish(out, path);
}

// Consecutive rows of one (section, segment, item) become one object.
core::Status writeMetricsJson(const std::string &path, const std::vector<ReportRow> &rows) {
    std::ofstream out(path, std::ios::binary);
    if (!out) return core::Status::error("cannot create " + path);
    out << "{";
    for (std::size_t i = 0; i < rows.size();) {
        const std::string &section = rows[i].section;
        out << (i ? "],\n" : "\n") << jsonString(section) << ": [";
        bool firstObject = true;
        while (i < rows.size() && rows[i].section == section) {
            const auto &head = rows[i];
            out << (firstObject ? "\n  {" : ",\n  {") << "\"segment\": " << jsonString(head.segment)
                << ", \"item\": " << jsonString(head.item);
            for (; i < rows.size() && rows[i].section == section && rows[i].segment == head.segment &&
                   rows[i].item == head.item;
                 ++i)
                out << ", " << jsonString(rows[i].metric) << ": " << jsonValue(rows[i]);
            out << "}";
            firstObject = false;
        }
    }
    out << (rows.empty() ? "}\n" : "]\n}\n");
    return finish(out, path);
}

void printMetricsTable(std::ostream &out, const MetricsBundle &b) {
    out << "Metrics by segment (" << b.scheme << "), as of " << b.options.asOf.toIso() << ": "
        << b.selectedCustomers << " customers, " << b.selectedOrders << " orders selected\n\n";
    std::size_t width = 12;
    for (const auto &s : b.sales) width = std::max(width, std::min<std::size_t>(s.segment.size() + 2, 40));
    const int w = static_cast<int>(width);
    out << std::left << std::setw(w) << "segment" << std::right << std::setw(9) << "cust" << std::setw(8) << "share"
        << std::setw(14) << "revenue" << std::setw(8) << "share" << std::setw(10) << "AOV" << std::setw(8)
        << "ord/c" << std::setw(8) << "gap d" << std::setw(11) << "LTV" << std::setw(8) << "margin" << std::setw(8)
        << "churn" << std::setw(8) << "win" << std::setw(8) << "open" << std::setw(7) << "NPS" << "\n";
    for (std::size_t g = 0; g < b.sales.size(); ++g) {
        const auto &s = b.sales[g];
        const auto &r = b.retention[g];
        const auto &e = b.engagement[g];
        out << std::left << std::setw(w) << s.segment.substr(0, width - 1) << std::right << std::setw(9) << s.customers
            << std::setw(8) << pct(s.customerShare) << std::setw(14) << exactMoney(s.revenue) << std::setw(8)
            << pct(s.revenueShare) << std::setw(10) << cell(s.averageOrderValue, 2) << std::setw(8)
            << cell(s.ordersPerCustomer, 2) << std::setw(8) << cell(s.meanDaysBetweenPurchases, 0) << std::setw(11)
            << cell(s.lifetimeValue, 2) << std::setw(8) << cell(s.marginPct, 1, "%") << std::setw(8)
            << pct(r.churnRate) << std::setw(8) << pct(e.winRate) << std::setw(8) << pct(e.openRate) << std::setw(7)
            << cell(e.nps, 1) << "\n";
    }
    const auto &k = b.headline;
    out << "\nHeadline: top 20% of customers bring " << pct(k.top20RevenueShare) << " of revenue; average lifetime value "
        << cell(k.averageLifetimeValue, 2) << "; revenue per buying customer " << cell(k.revenuePerCustomer, 2)
        << "; new customers per day " << cell(k.newCustomersPerDay, 2) << "\n";
    out << "Customers " << k.current.from.toIso() << " .. " << k.current.to.toIso() << ": new "
        << k.current.newCustomers << " (" << std::showpos << k.newChange.change << std::noshowpos << "), returning "
        << k.current.returning << " (" << std::showpos << k.returningChange.change << std::noshowpos << "), lost "
        << k.current.lost << " (" << std::showpos << k.lostChange.change << std::noshowpos
        << ") against the previous " << (k.current.to.days - k.current.from.days + 1) << " days\n";
    out << "Marketing: spend " << exactMoney(b.roi.total.spend) << ", attributed revenue "
        << exactMoney(b.roi.total.attributedRevenue) << ", ROI " << cell(b.roi.total.roi, 2) << "\n";
}

} // namespace segdash::cli
