#include "segment/metrics.h"

#include <cstdio>

namespace segdash::segment {

int monthIndex(std::int32_t day) {
    const core::Date d{day};
    return d.year() * 12 + d.month() - 1;
}

std::string monthText(int index) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d", index / 12, index % 12 + 1);
    return buf;
}

std::vector<int> groupsOf(const Selection &sel, const Segmentation &seg) {
    std::vector<int> out(sel.customer.size(), -1);
    const int k = static_cast<int>(seg.names.size());
    for (std::size_t c = 0; c < out.size() && c < seg.label.size(); ++c)
        if (sel.customer[c] && seg.label[c] >= 0 && seg.label[c] < k) out[c] = seg.label[c];
    return out;
}

} // namespace segdash::segment
