#include "cli/metrics_report.h"

#include <cstdio>

#include "cli/segment_report.h"

namespace segdash::cli {
namespace {


std::optional<std::string> num(const std::optional<double> &v, int decimals = 4) {
    if (!v) return std::nullopt;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, *v);
    return std::string(buf);
}
std::optional<std::string> num(std::int64_t v) { return std::to_string(v); }
std::optional<std::string> num(core::Money m) { return exactMoney(m); }

class RowSink {
public:
    RowSink(std::vector<ReportRow> &rows, std::string section, std::string segment, std::string item = "")
        : m_rows(rows), m_section(std::move(section)), m_segment(std::move(segment)), m_item(std::move(item)) {}
    template <typename T>
    RowSink &operator()(const char *metric, const T &value) {
        m_rows.push_back({m_section, m_segment, m_item, metric, num(value), false});
        return *this;
    }
    RowSink &text(const char *metric, const std::string &value) {
        m_rows.push_back({m_section, m_segment, m_item, metric, value, true});
        return *this;
    }

private:
    std::vector<ReportRow> &m_rows;
    std::string m_section, m_segment, m_item;
};

void salesRows(std::vector<ReportRow> &rows, const segment::SegmentSales &s) {
    RowSink(rows, "sales", s.segment)("customers", s.customers)("customer_share", s.customerShare)(
        "buyers", s.buyers)("revenue", s.revenue)("revenue_share", s.revenueShare)("sale_orders", s.saleOrders)(
        "average_order_value", s.averageOrderValue)("orders_per_customer", s.ordersPerCustomer)(
        "mean_days_between_purchases", s.meanDaysBetweenPurchases)("lifetime_value", s.lifetimeValue)(
        "costed_revenue", s.costedRevenue)("margin", s.margin)("margin_pct", s.marginPct)(
        "customers_with_cac", s.customersWithCac)("acquisition_cost", s.acquisitionCost)(
        "average_cac", s.averageCac)("clv_to_cac", s.clvToCac);
}

void retentionRows(std::vector<ReportRow> &rows, const segment::SegmentRetention &r) {
    RowSink(rows, "retention", r.segment)("buyers", r.buyers)("retained", r.retained)("churned", r.churned)(
        "retention_rate", r.retentionRate)("churn_rate", r.churnRate);
}

void engagementRows(std::vector<ReportRow> &rows, const segment::SegmentEngagement &e) {
    RowSink(rows, "engagement", e.segment)("open_opportunities", e.openOpportunities)("open_value", e.openValue)(
        "won", e.won)("lost", e.lost)("win_rate", e.winRate)("average_deal_size", e.averageDealSize)(
        "emails_sent", e.emailsSent)("email_opens", e.emailOpens)("email_clicks", e.emailClicks)(
        "open_rate", e.openRate)("click_rate", e.clickRate)("web_visits_per_customer", e.webVisitsPerCustomer)(
        "social_per_customer", e.socialPerCustomer)("nps_responses", e.npsResponses)("nps", e.nps)(
        "csat_responses", e.csatResponses)("mean_csat", e.meanCsat);
}

void roiRows(std::vector<ReportRow> &rows, const segment::MarketingRoi &roi) {
    auto campaign = [&rows](const segment::CampaignRoi &c) {
        RowSink(rows, "campaigns", "All", c.campaign).text("channel", c.channel)("spend", c.spend)("clicks", c.clicks)(
            "attributed_orders", c.attributedOrders)("attributed_revenue", c.attributedRevenue)("roi", c.roi);
    };
    for (const auto &c : roi.campaigns) campaign(c);
    campaign(roi.total);
    for (const auto &s : roi.segments)
        RowSink(rows, "marketing_roi", s.segment)("attributed_revenue", s.attributedRevenue)(
            "allocated_spend", std::optional<double>(s.allocatedSpend))("roi", s.roi);
}

void headlineRows(std::vector<ReportRow> &rows, const segment::HeadlineKpis &k) {
    RowSink(rows, "headline", "All")("top20_revenue_share", k.top20RevenueShare)(
        "average_lifetime_value", k.averageLifetimeValue)("revenue_per_customer", k.revenuePerCustomer)(
        "new_customers_per_day", k.newCustomersPerDay);
    for (const auto *f : {&k.current, &k.previous})
        RowSink(rows, "customer_flow", "All", f == &k.current ? "current" : "previous")
            .text("from", f->from.toIso())
            .text("to", f->to.toIso())("new", f->newCustomers)("returning", f->returning)("lost", f->lost);
    RowSink(rows, "customer_flow", "All", "change")("new", k.newChange.change)("new_pct", k.newChange.changePct)(
        "returning", k.returningChange.change)("returning_pct", k.returningChange.changePct)(
        "lost", k.lostChange.change)("lost_pct", k.lostChange.changePct);
}

void detailRows(std::vector<ReportRow> &rows, const MetricsBundle &b) {
    for (const auto &m : b.mix)
        for (const auto &c : m.categories) RowSink(rows, "mix", m.segment, c.category)("revenue", c.revenue)("share", c.share);
    for (std::size_t g = 0; g < b.crossSell.size(); ++g)
        for (const auto &c : b.crossSell[g])
            RowSink(rows, "cross_sell", b.mix[g].segment, c.category)("segment_share", std::optional<double>(c.segmentShare))(
                "overall_share", std::optional<double>(c.overallShare))("lift", c.lift);
    for (const auto &t : b.trend)
        RowSink(rows, "trend", "All", t.month)("revenue", t.revenue)("sale_orders", t.saleOrders)(
            "average_deal_size", t.averageDealSize)("growth_pct", t.growthPct);
    for (std::size_t r = 0; r < b.cohorts.cohorts.size(); ++r) {
        RowSink sink(rows, "cohorts", "All", b.cohorts.cohorts[r]);
        sink("size", b.cohorts.sizes[r]);
        for (std::size_t k = 0; k < b.cohorts.share[r].size(); ++k)
            rows.push_back({"cohorts", "All", b.cohorts.cohorts[r], "m" + std::to_string(k),
                            num(std::optional<double>(b.cohorts.share[r][k])), false});
    }
}

} // namespace

MetricsBundle computeMetrics(const segment::Dataset &data, const segment::Selection &sel,
                             const segment::Segmentation &seg, const segment::MetricsOptions &options,
                             const std::string &scheme) {
    MetricsBundle b;
    b.scheme = scheme;
    b.options = options;
    b.selectedCustomers = sel.customers;
    b.selectedOrders = sel.orders;
    b.sales = segment::salesBySegment(data, sel, seg);
    b.sales.push_back(segment::salesTotal(data, sel));
    b.retention = segment::retentionBySegment(data, sel, seg, options);
    b.retention.push_back(segment::retentionTotal(data, sel, options));
    b.engagement = segment::engagementBySegment(data, sel, seg);
    b.engagement.push_back(segment::engagementTotal(data, sel));
    b.roi = segment::marketingRoi(data, sel, seg, options);
    b.mix = segment::productMix(data, sel, seg);
    for (std::size_t g = 0; g < seg.names.size(); ++g)
        b.crossSell.push_back(
            segment::crossSellCategories(data, sel, seg, static_cast<int>(g), options.crossSellMinShare));
    b.trend = segment::salesTrend(data, sel, seg);
    b.cohorts = segment::cohortRetention(data, sel, seg, options);
    b.headline = segment::headlineKpis(data, sel, options);
    return b;
}

std::vector<ReportRow> reportRows(const MetricsBundle &b) {
    std::vector<ReportRow> rows;
    for (const auto &s : b.sales) salesRows(rows, s);
    for (const auto &r : b.retention) retentionRows(rows, r);
    for (const auto &e : b.engagement) engagementRows(rows, e);
    roiRows(rows, b.roi);
    headlineRows(rows, b.headline);
    detailRows(rows, b);
    return rows;
}

} // namespace segdash::cli
