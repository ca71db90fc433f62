#pragma once
// Random numbers that are identical on every standard library: std::mt19937_64 is
// fully specified, std:: distributions are not, so doubles and indices are drawn here.
#include <cstddef>
#include <cstdint>
#include <random>

namespace segdash::segment {

// Uniform double in [0, 1) from the top 53 bits of one draw.
inline double uniformDouble(std::mt19937_64 &rng) {
    return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

// Uniform index in [0, n); n > 0.
inline std::size_t uniformIndex(std::mt19937_64 &rng, std::size_t n) {
    auto i = static_cast<std::size_t>(uniformDouble(rng) * static_cast<double>(n));
    return i < n ? i : n - 1;
}

} // namespace segdash::segment
