#pragma once
// Product and category mix per segment, and cross-sell candidates. Line value is
// quantity x unit price (negative on return lines). Definitions: docs/metrics.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/money.h"
#include "segment/metrics.h"

namespace segdash::segment {

/// One category's net line value in a segment and its share of the segment's net line
/// value over all categories (nullopt when that total is zero).
struct CategoryShare {
    std::string category;
    core::Money revenue;
    std::optional<double> share;
};

/// Categories sorted by revenue, descending (ties by name).
struct SegmentMix {
    std::string segment;
    std::vector<CategoryShare> categories;
};

// Lines of the selected orders only. One entry per segment name.
std::vector<SegmentMix> productMix(const Dataset &data, const Selection &sel, const Segmentation &seg);

/// A category's adoption: a customer adopted it when one of their selected sale orders
/// has a line of it with positive quantity. segmentShare = adopters in the segment /
/// the segment's buyers (customers with a selected sale order); overallShare = the same
/// over all selected customers; lift = segmentShare / overallShare.
struct CategoryAdoption {
    std::string category;
    std::int32_t code = 0;
    double segmentShare = 0;
    double overallShare = 0;
    std::optional<double> lift;
};

// The categories adopted by at least minShare of the segment's buyers, by segmentShare
// descending (ties by name).
std::vector<CategoryAdoption> crossSellCategories(const Dataset &data, const Selection &sel, const Segmentation &seg,
                                                  int segment, double minShare);

// The candidates a given customer has not adopted (same rule), in candidate order.
std::vector<CategoryAdoption> crossSellFor(const Dataset &data, const Selection &sel,
                                           const std::vector<CategoryAdoption> &candidates, std::size_t customer);

} // namespace segdash::segment
