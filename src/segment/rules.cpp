// Rule segments: the per-customer metrics the rules read, and the evaluation.
#include "segment/rules.h"

#include <algorithm>
#include <cctype>
#include <limits>

#include "segment/segment_scheme.h"

namespace segdash::segment {
namespace {

int quarterIndex(std::int32_t day) {
    const core::Date d{day};
    return d.year() * 4 + (d.month() - 1) / 3;
}

// ASCII case folding: attribute codes (countries, industries, ...) are ASCII in practice.
bool equalsFolded(const std::string &a, const std::string &b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::int32_t attributeCode(const Dataset &data, std::size_t c, RuleField field) {
    const auto &k = data.customers;
    switch (field) {
    case RuleField::Country: return k.country[c];
    case RuleField::Industry: return k.industry[c];
    case RuleField::Channel: return k.channel[c];
    case RuleField::SalesRep: return k.salesRep[c];
    case RuleField::CompanySize: return k.companySize[c];
    default: return k.ageBand[c];
    }
}

double metricValue(const RuleMetrics &m, RuleField field) {
    switch (field) {
    case RuleField::RecencyDays: return m.recencyDays;
    case RuleField::Frequency: return m.frequency;
    case RuleField::Monetary: return m.monetary;
    case RuleField::Aov: return m.aov;
    case RuleField::AvgQuarterlyOrderValue: return m.avgQuarterlyOrderValue;
    case RuleField::TenureDays: return m.tenureDays;
    case RuleField::Margin: return m.margin;
    default: return m.ordersLast90Days;
    }
}

bool compareNumber(double x, RuleOp op, const std::vector<RuleValue> &values) {
    switch (op) {
    case RuleOp::Eq: return x == values.front().number;
    case RuleOp::Ne: return x != values.front().number;
    case RuleOp::Lt: return x < values.front().number;
    case RuleOp::Le: return x <= values.front().number;
    case RuleOp::Gt: return x > values.front().number;
    case RuleOp::Ge: return x >= values.front().number;
    case RuleOp::In:
        return std::any_of(values.begin(), values.end(), [x](const RuleValue &v) { return x == v.number; });
    }
    return false;
}

bool compareText(const std::string &x, RuleOp op, const std::vector<RuleValue> &values) {
    const bool any =
        std::any_of(values.begin(), values.end(), [&x](const RuleValue &v) { return equalsFolded(x, v.text); });
    return op == RuleOp::Ne ? !any : any;
}

// The metrics of one customer from its orders [begin, end) (sorted by day).
RuleMetrics customerMetrics(const Dataset &data, std::size_t c, std::int32_t asOf) {
    const auto &o = data.orders;
    RuleMetrics m;
    std::int64_t net = 0, gross = 0, margin = 0;
    std::int32_t first = kNoDate, last = kNoDate;
    const auto begin = static_cast<std::size_t>(data.customers.orderBegin[c]);
    const auto end = static_cast<std::size_t>(data.customers.orderBegin[c + 1]);
    for (std::size_t i = begin; i < end && o.day[i] <= asOf; ++i) {
        net += o.revenue[i];
        if (o.cost[i] != kNoMoney) margin += o.revenue[i] - o.cost[i];
        if (o.kind[i] != kSale) continue;
        gross += o.revenue[i];
        m.frequency += 1;
        if (first == kNoDate) first = o.day[i];
        last = o.day[i];
        if (asOf - o.day[i] <= 90) m.ordersLast90Days += 1;
    }
    m.monetary = units(net);
    m.margin = units(margin);
    m.recencyDays = last == kNoDate ? std::numeric_limits<double>::infinity() : asOf - last;
    if (m.frequency > 0) m.aov = units(gross) / m.frequency;
    if (first != kNoDate) m.avgQuarterlyOrderValue = m.monetary / (quarterIndex(asOf) - quarterIndex(first) + 1);
    const std::int32_t acquired = data.customers.acquiredOn[c] != kNoDate ? data.customers.acquiredOn[c] : first;
    if (acquired != kNoDate) m.tenureDays = asOf - acquired;
    return m;
}

} // namespace

std::vector<RuleMetrics> ruleMetrics(const Dataset &data, core::Date asOf) {
    std::vector<RuleMetrics> out(data.customers.size());
    for (std::size_t c = 0; c < out.size(); ++c) out[c] = customerMetrics(data, c, asOf.days);
    return out;
}

bool matches(const RuleExpr &expr, const Dataset &data, std::size_t customer, const RuleMetrics &metrics) {
    using K = RuleExpr::Kind;
    switch (expr.kind) {
    case K::Or:
        return std::any_of(expr.children.begin(), expr.children.end(),
                           [&](const RuleExpr &e) { return matches(e, data, customer, metrics); });
    case K::And:
        return std::all_of(expr.children.begin(), expr.children.end(),
                           [&](const RuleExpr &e) { return matches(e, data, customer, metrics); });
    case K::Not: return !matches(expr.children.front(), data, customer, metrics);
    case K::Compare: break;
    }
    if (isTextField(expr.field))
        return compareText(data.strings.text(attributeCode(data, customer, expr.field)), expr.op, expr.values);
    return compareNumber(metricValue(metrics, expr.field), expr.op, expr.values);
}

Segmentation evaluateRules(const RuleScheme &scheme, const Dataset &data, core::Date asOf) {
    Segmentation seg;
    std::vector<int> segmentOfRule;
    auto indexOf = [&seg](const std::string &name) {
        const auto it = std::find(seg.names.begin(), seg.names.end(), name);
        if (it != seg.names.end()) return static_cast<int>(it - seg.names.begin());
        seg.names.push_back(name);
        return static_cast<int>(seg.names.size() - 1);
    };
    // "Others" goes last even when a rule is named so: such a rule shares its index.
    for (const auto &r : scheme.rules)
        segmentOfRule.push_back(r.name == kOthersSegment ? -1 : indexOf(r.name));
    const int others = indexOf(kOthersSegment);
    for (auto &s : segmentOfRule)
        if (s < 0) s = others;

    seg.label.assign(data.customers.size(), others);
    for (std::size_t c = 0; c < data.customers.size(); ++c) {
        const RuleMetrics m = customerMetrics(data, c, asOf.days);
        for (std::size_t r = 0; r < scheme.rules.size(); ++r)
            if (matches(scheme.rules[r].expr, data, c, m)) {
                seg.label[c] = segmentOfRule[r];
                break;
            }
    }
    return seg;
}

} // namespace segdash::segment
