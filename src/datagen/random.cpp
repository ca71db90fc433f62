#include "datagen/random.h"

#include <cmath>

namespace segdash::datagen {
namespace {

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

} // namespace

std::uint64_t splitmix64(std::uint64_t &state) {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

Rng::Rng(std::uint64_t seed) {
    std::uint64_t state = seed;
    for (auto &s : m_s) s = splitmix64(state);
}

Rng Rng::derive(std::uint64_t seed, std::uint64_t stream, std::uint64_t index) {
    std::uint64_t state = seed ^ (stream * 0xD1B54A32D192ED03ULL);
    const std::uint64_t a = splitmix64(state);
    state = a ^ (index * 0x8CB92BA72F3D8DD7ULL);
    return Rng(splitmix64(state));
}

std::uint64_t Rng::next() {
    const std::uint64_t result = rotl(m_s[1] * 5, 7) * 9;
    const std::uint64_t t = m_s[1] << 17;
    m_s[2] ^= m_s[0];
    m_s[3] ^= m_s[1];
    m_s[1] ^= m_s[2];
    m_s[0] ^= m_s[3];
    m_s[2] ^= t;
    m_s[3] = rotl(m_s[3], 45);
    return result;
}

double Rng::uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

int Rng::uniformInt(int lo, int hi) {
    return lo + static_cast<int>(index(static_cast<std::size_t>(hi - lo + 1)));
}

std::size_t Rng::index(std::size_t n) {
    auto i = static_cast<std::size_t>(uniform() * static_cast<double>(n));
    return i < n ? i : n - 1;
}

double Rng::normal(double mean, double sd) {
    if (m_hasSpare) {
        m_hasSpare = false;
        return mean + sd * m_spareNormal;
    }
    double u = 0, v = 0, s = 0;
    do {
        u = 2.0 * uniform() - 1.0;
        v = 2.0 * uniform() - 1.0;
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    m_spareNormal = v * f;
    m_hasSpare = true;
    return mean + sd * u * f;
}

double Rng::exponential(double rate) { return -std::log(1.0 - uniform()) / rate; }

double Rng::gamma(double shape, double scale) {
    if (shape < 1.0) {
        // Boost a shape below one: G(a) = G(a+1) * U^(1/a).
        const double u = uniform();
        return gamma(shape + 1.0, scale) * std::pow(u > 0 ? u : 1e-300, 1.0 / shape);
    }
    const double d = shape - 1.0 / 3.0;
    const double c = 1.0 / std::sqrt(9.0 * d);
    for (;;) {
        double x = 0, v = 0;
        do {
            x = normal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        const double u = uniform();
        if (u < 1.0 - 0.0331 * x * x * x * x) return d * v * scale;
        if (std::log(u) < 0.5 * x * x + d * (1.0 - v + std::log(v))) return d * v * scale;
    }
}

int Rng::poisson(double mean) {
    if (mean <= 0) return 0;
    if (mean < 30.0) {
        const double limit = std::exp(-mean);
        int k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p *= uniform();
        }
        return k;
    }
    const double x = std::floor(normal(mean, std::sqrt(mean)) + 0.5);
    return x < 0 ? 0 : static_cast<int>(x);
}

std::size_t Rng::weighted(std::span<const double> weights) {
    double total = 0;
    for (double w : weights) total += w;
    double r = uniform() * total;
    for (std::size_t i = 0; i < weights.size(); ++i) {
        if (r < weights[i]) return i;
        r -= weights[i];
    }
    return weights.empty() ? 0 : weights.size() - 1;
}

} // namespace segdash::datagen
