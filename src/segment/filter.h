#pragma once
// Which customers and orders a metric looks at. Every metric takes a Selection made
// from a Filter, so the same narrowing applies everywhere.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "segment/dataset.h"

namespace segdash::segment {

/// The revenue-contribution band of a customer: all customers with at least one order
/// in the date range (before the other filters apply) are ranked by net revenue in the
/// range (descending, ties by customer index); the first ceil(20%) are Top, the last
/// floor(20%) Bottom, the rest Middle.
enum class RevenueBand { Any, Top, Middle, Bottom };

/// A filter; empty / unset fields do not narrow. Text fields match the stored text
/// exactly. Customer criteria (attributes, customer-since, segment, band, product)
/// select customers; the date range and product/category select orders.
///  - from/to: orders placed on days in [from, to].
///  - category/product: only orders with at least one line of that category/product
///    (returns too), and only customers with such a sale order.
///  - customerSince: the acquisition date (acquiredOn, else the first sale order's day)
///    in [customerSinceFrom, customerSinceTo]; customers with neither are excluded.
///  - segment: segmentLabels[c] == segment (labels per customer index).
/// Anonymous orders (no customer) are never selected.
struct Filter {
    std::optional<core::Date> from;
    std::optional<core::Date> to;
    std::optional<std::string> country, industry, channel, salesRep, category, product;
    RevenueBand band = RevenueBand::Any;
    std::optional<core::Date> customerSinceFrom;
    std::optional<core::Date> customerSinceTo;
    std::vector<int> segmentLabels;
    std::optional<int> segment;
};

/// What a Filter selects: one flag per customer and per order. `orderAnyDate` applies
/// every criterion but the date range (for metrics that compare ranges themselves).
struct Selection {
    std::vector<std::uint8_t> customer;
    std::vector<std::uint8_t> order;
    std::vector<std::uint8_t> orderAnyDate;
    std::int64_t customers = 0;
    std::int64_t orders = 0;
    std::optional<core::Date> from;
    std::optional<core::Date> to;

    bool hasCustomer(std::size_t c) const { return customer[c] != 0; }
    bool hasOrder(std::size_t o) const { return order[o] != 0; }
    // Whether a day lies in the filter's date range.
    bool inRange(std::int32_t day) const { return (!from || day >= from->days) && (!to || day <= to->days); }
};

// The dataset must be finalized. segmentLabels, when a segment is set, must have one
// label per customer (else nobody is selected).
Selection select(const Dataset &data, const Filter &filter);

// The acquisition day used by the filter and the cohort metrics: acquiredOn, else the
// first sale order's day, else kNoDate.
std::int32_t acquisitionDay(const Dataset &data, std::size_t customer);

// Bands of every customer for the orders in [from, to] (RevenueBand::Any = no order).
std::vector<RevenueBand> revenueBands(const Dataset &data, std::optional<core::Date> from,
                                      std::optional<core::Date> to);

} // namespace segdash::segment
