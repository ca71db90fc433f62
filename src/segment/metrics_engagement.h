#pragma once
// Per-segment opportunities, engagement (e-mail, web, social), satisfaction (NPS, CSAT)
// and marketing ROI with last-click attribution. Definitions: docs/metrics.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "segment/metrics.h"

namespace segdash::segment {

/// A segment's opportunities, interactions and survey answers. With a date range an
/// open opportunity counts when created in it, a closed one when closed in it (one
/// without that date only when there is no range); interactions and surveys count when
/// their day is in the range.
struct SegmentEngagement {
    std::string segment;
    std::int64_t customers = 0;
    std::int64_t openOpportunities = 0;
    core::Money openValue;
    std::int64_t won = 0;
    std::int64_t lost = 0;
    core::Money wonValue;
    std::optional<double> winRate;          // won / (won + lost)
    std::optional<double> averageDealSize;  // wonValue / won (currency units)
    std::int64_t emailsSent = 0, emailOpens = 0, emailClicks = 0, webVisits = 0, social = 0;
    std::optional<double> openRate;         // emailOpens / emailsSent
    std::optional<double> clickRate;        // emailClicks / emailsSent
    std::optional<double> webVisitsPerCustomer; // webVisits / customers
    std::optional<double> socialPerCustomer;    // social / customers
    std::int64_t npsResponses = 0, promoters = 0, detractors = 0;
    std::optional<double> nps;              // (promoters - detractors) / npsResponses x 100
    std::int64_t csatResponses = 0;
    std::optional<double> meanCsat;
};

std::vector<SegmentEngagement> engagementBySegment(const Dataset &data, const Selection &sel, const Segmentation &seg);
SegmentEngagement engagementTotal(const Dataset &data, const Selection &sel);

/// One campaign's return. Attribution (last click): a selected sale order of a selected
/// customer placed on day d is attributed to the campaign of that customer's latest
/// e-mail click (kind EmailClick with a known campaign id) on a day c with
/// c <= d <= c + attributionDays; an order is attributed at most once.
/// roi = (attributedRevenue - spend) / spend; spend is the campaign's whole cost.
struct CampaignRoi {
    std::string campaign; // external id
    std::string channel;
    core::Money spend;
    std::int64_t clicks = 0; // by selected customers
    std::int64_t attributedOrders = 0;
    core::Money attributedRevenue;
    std::optional<double> roi;
};

/// A segment's attributed revenue and its share of the spend: each campaign's cost is
/// split over segments in proportion to the clicks on it by the segment's selected
/// customers (all campaigns' clicks by selected customers = 100%).
struct SegmentRoi {
    std::string segment;
    core::Money attributedRevenue;
    double allocatedSpend = 0; // currency units
    std::optional<double> roi;
};

struct MarketingRoi {
    std::vector<CampaignRoi> campaigns; // in dataset order
    std::vector<SegmentRoi> segments;
    CampaignRoi total;                  // every campaign: summed spend, clicks, revenue
};

MarketingRoi marketingRoi(const Dataset &data, const Selection &sel, const Segmentation &seg,
                          const MetricsOptions &options);

} // namespace segdash::segment
