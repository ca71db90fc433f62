#pragma once
// Money: an exact fixed-point amount in ten-thousandths of a currency unit.
// Sums over millions of rows stay exact (int64 holds +-922 billion units),
// and prices with up to four decimals (0.001 exists in real shop exports) are exact.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace segdash::core {

class Money {
public:
    static constexpr std::int64_t kScale = 10000;

    constexpr Money() = default;
    static constexpr Money fromUnits(std::int64_t units) { Money m; m.m_units = units; return m; }
    static Money fromDouble(double value);
    // Parses a plain decimal such as "-1234.5678" ('.' as the decimal point, no
    // thousands separators). Digits past the fourth decimal are rounded half away
    // from zero. Returns nullopt on anything else.
    static std::optional<Money> parse(std::string_view text);

    constexpr std::int64_t units() const { return m_units; }
    double toDouble() const { return static_cast<double>(m_units) / kScale; }
    // "1234.50" style with `decimals` digits (0..4), rounded half away from zero.
    std::string toString(int decimals = 2) const;

    constexpr Money operator+(Money o) const { return fromUnits(m_units + o.m_units); }
    constexpr Money operator-(Money o) const { return fromUnits(m_units - o.m_units); }
    constexpr Money operator-() const { return fromUnits(-m_units); }
    Money &operator+=(Money o) { m_units += o.m_units; return *this; }
    Money &operator-=(Money o) { m_units -= o.m_units; return *this; }
    // Quantity times price, exact for integer quantities.
    constexpr Money times(std::int64_t quantity) const { return fromUnits(m_units * quantity); }
    // Scales by a real factor (quantities with fractions), rounded to the nearest unit.
    Money scaled(double factor) const;
    constexpr auto operator<=>(const Money &) const = default;

private:
    std::int64_t m_units = 0;
};

} // namespace segdash::core
