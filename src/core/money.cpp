#include "core/money.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace segdash::core {

Money Money::fromDouble(double value) {
    return fromUnits(static_cast<std::int64_t>(std::llround(value * kScale)));
}

Money Money::scaled(double factor) const {
    return fromUnits(static_cast<std::int64_t>(std::llround(static_cast<double>(m_units) * factor)));
}

std::optional<Money> Money::parse(std::string_view text) {
    if (text.empty()) return std::nullopt;
    bool negative = false;
    std::size_t i = 0;
    if (text[0] == '-' || text[0] == '+') { negative = text[0] == '-'; i = 1; }
    std::int64_t whole = 0;
    std::int64_t frac = 0;
    int fracDigits = 0;
    bool roundUp = false;
    bool anyDigit = false;
    bool seenPoint = false;
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '.') {
            if (seenPoint) return std::nullopt;
            seenPoint = true;
            continue;
        }
        if (c < '0' || c > '9') return std::nullopt;
        anyDigit = true;
        const int d = c - '0';
        if (!seenPoint) {
            if (whole > (INT64_MAX / kScale - 9) / 10) return std::nullopt; // overflow
            whole = whole * 10 + d;
        } else if (fracDigits < 4) {
            frac = frac * 10 + d;
            ++fracDigits;
        } else if (fracDigits == 4) {
            roundUp = d >= 5;
            ++fracDigits;
        }
    }
    if (!anyDigit) return std::nullopt;
    for (int k = std::min(fracDigits, 4); k < 4; ++k) frac *= 10;
    std::int64_t units = whole * kScale + frac + (roundUp ? 1 : 0);
    return fromUnits(negative ? -units : units);
}

std::string Money::toString(int decimals) const {
    if (decimals < 0) decimals = 0;
    if (decimals > 4) decimals = 4;
    std::int64_t div = 1;
    for (int k = decimals; k < 4; ++k) div *= 10;
    const bool negative = m_units < 0;
    std::int64_t a = negative ? -m_units : m_units;
    a = (a + div / 2) / div; // half away from zero
    std::int64_t scale = 1;
    for (int k = 0; k < decimals; ++k) scale *= 10;
    char buf[48];
    if (decimals == 0)
        std::snprintf(buf, sizeof buf, "%s%lld", negative && a ? "-" : "", static_cast<long long>(a));
    else
        std::snprintf(buf, sizeof buf, "%s%lld.%0*lld", negative && a ? "-" : "",
                      static_cast<long long>(a / scale), decimals, static_cast<long long>(a % scale));
    return buf;
}

} // namespace segdash::core
