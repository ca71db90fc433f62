// marketingRoi(): last-click attribution of orders to e-mail campaign clicks.
#include <algorithm>
#include <unordered_map>

#include "segment/metrics_engagement.h"

namespace segdash::segment {
namespace {

struct Click {
    std::int32_t customer;
    std::int32_t day;
    std::int32_t campaign; // campaign row
};

// Clicks of selected customers on known campaigns, by (customer, day), ties in id order.
std::vector<Click> selectedClicks(const Dataset &data, const Selection &sel) {
    std::unordered_map<std::int32_t, std::int32_t> campaignOf;
    for (std::size_t k = 0; k < data.campaigns.size(); ++k)
        if (data.campaigns.code[k] != 0) campaignOf.emplace(data.campaigns.code[k], static_cast<std::int32_t>(k));
    std::vector<Click> clicks;
    const auto &t = data.interactions;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (t.kind[i] != static_cast<std::uint8_t>(core::InteractionKind::EmailClick) || t.customer[i] == kNoIndex) continue;
        if (!sel.customer[static_cast<std::size_t>(t.customer[i])]) continue;
        const auto it = campaignOf.find(t.campaign[i]);
        if (it != campaignOf.end()) clicks.push_back({t.customer[i], t.day[i], it->second});
    }
    std::stable_sort(clicks.begin(), clicks.end(), [](const Click &a, const Click &b) {
        return a.customer != b.customer ? a.customer < b.customer : a.day < b.day;
    });
    return clicks;
}

// Attributes one customer's selected sale orders; clicks[b, e) are the customer's.
void attributeCustomer(const Dataset &data, const Selection &sel, const std::vector<Click> &clicks, std::size_t b,
                       std::size_t e, int window, std::vector<CampaignRoi> &rows, std::vector<std::int64_t> &bySegment,
                       int group) {
    const auto c = static_cast<std::size_t>(clicks[b].customer);
    std::size_t next = b; // first click after the current order's day
    for (auto j = data.customers.orderBegin[c]; j < data.customers.orderBegin[c + 1]; ++j) {
        const auto i = static_cast<std::size_t>(j);
        while (next < e && clicks[next].day <= data.orders.day[i]) ++next;
        if (!sel.order[i] || data.orders.kind[i] != kSale || next == b) continue;
        const Click &last = clicks[next - 1];
        if (data.orders.day[i] > last.day + window) continue;
        auto &row = rows[static_cast<std::size_t>(last.campaign)];
        ++row.attributedOrders;
        row.attributedRevenue += core::Money::fromUnits(data.orders.revenue[i]);
        if (group >= 0) bySegment[static_cast<std::size_t>(group)] += data.orders.revenue[i];
    }
}

std::optional<double> roiOf(double revenue, double spend) { return ratio(revenue - spend, spend); }

std::vector<CampaignRoi> campaignRows(const Dataset &data) {
    std::vector<CampaignRoi> rows;
    const auto &k = data.campaigns;
    for (std::size_t i = 0; i < k.size(); ++i) {
        CampaignRoi row;
        row.campaign = data.strings.text(k.code[i]);
        row.channel = data.strings.text(k.channel[i]);
        row.spend = core::Money::fromUnits(k.cost[i]);
        rows.push_back(row);
    }
    return rows;
}

void addTotals(MarketingRoi &out) {
    out.total.campaign = "All";
    for (auto &row : out.campaigns) {
        row.roi = roiOf(row.attributedRevenue.toDouble(), row.spend.toDouble());
        out.total.spend += row.spend;
        out.total.clicks += row.clicks;
        out.total.attributedOrders += row.attributedOrders;
        out.total.attributedRevenue += row.attributedRevenue;
    }
    out.total.roi = roiOf(out.total.attributedRevenue.toDouble(), out.total.spend.toDouble());
}

// segClicks is segment x campaign, row-major.
void addSegments(MarketingRoi &out, const Segmentation &seg, const std::vector<std::int64_t> &segRevenue,
                 const std::vector<std::int64_t> &segClicks) {
    const std::size_t nCampaigns = out.campaigns.size();
    for (std::size_t g = 0; g < seg.names.size(); ++g) {
        SegmentRoi r;
        r.segment = seg.names[g];
        r.attributedRevenue = core::Money::fromUnits(segRevenue[g]);
        for (std::size_t c = 0; c < nCampaigns; ++c)
            if (out.campaigns[c].clicks > 0)
                r.allocatedSpend += out.campaigns[c].spend.toDouble() *
                                    static_cast<double>(segClicks[g * nCampaigns + c]) /
                                    static_cast<double>(out.campaigns[c].clicks);
        r.roi = roiOf(r.attributedRevenue.toDouble(), r.allocatedSpend);
        out.segments.push_back(r);
    }
}

} // namespace

MarketingRoi marketingRoi(const Dataset &data, const Selection &sel, const Segmentation &seg,
                          const MetricsOptions &options) {
    MarketingRoi out;
    out.campaigns = campaignRows(data);
    const std::size_t nCampaigns = out.campaigns.size();
    const auto groups = groupsOf(sel, seg);
    const auto clicks = selectedClicks(data, sel);
    std::vector<std::int64_t> segRevenue(seg.names.size(), 0);
    std::vector<std::int64_t> segClicks(seg.names.size() * nCampaigns, 0);
    for (std::size_t b = 0; b < clicks.size();) {
        std::size_t e = b;
        while (e < clicks.size() && clicks[e].customer == clicks[b].customer) ++e;
        const int group = groups[static_cast<std::size_t>(clicks[b].customer)];
        for (std::size_t i = b; i < e; ++i) {
            const auto campaign = static_cast<std::size_t>(clicks[i].campaign);
            ++out.campaigns[campaign].clicks;
            if (group >= 0) ++segClicks[static_cast<std::size_t>(group) * nCampaigns + campaign];
        }
        attributeCustomer(data, sel, clicks, b, e, options.attributionDays, out.campaigns, segRevenue, group);
        b = e;
    }
    addTotals(out);
    addSegments(out, seg, segRevenue, segClicks);
    return out;
}

} // namespace segdash::segment
