#pragma once
// Rng: a small, fully specified pseudo-random generator (xoshiro256** seeded through
// splitmix64) with its own distributions. The std:: distributions are
// implementation-defined, so they would make "same seed, same bytes" depend on the
// standard library; everything here is built from uniform doubles instead.
#include <cstdint>
#include <span>

namespace segdash::datagen {

class Rng {
public:
    explicit Rng(std::uint64_t seed);
    // An independent stream for (seed, stream, index): customers get their own stream,
    // so one customer's draws never shift another's.
    static Rng derive(std::uint64_t seed, std::uint64_t stream, std::uint64_t index);

    std::uint64_t next();
    double uniform();                                  // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int uniformInt(int lo, int hi);                    // inclusive range
    std::size_t index(std::size_t n);                  // [0, n)
    bool chance(double p) { return uniform() < p; }
    double normal(double mean = 0.0, double sd = 1.0); // Marsaglia polar method
    double exponential(double rate);                   // mean 1/rate
    double gamma(double shape, double scale);          // Marsaglia-Tsang, mean shape*scale
    int poisson(double mean);
    std::size_t weighted(std::span<const double> weights);

    template <typename T, std::size_t N>
    const T &pick(const T (&items)[N]) { return items[index(N)]; }
    template <typename Container>
    const auto &pick(const Container &items) { return items[index(items.size())]; }

private:
    std::uint64_t m_s[4];
    double m_spareNormal = 0.0;
    bool m_hasSpare = false;
};

std::uint64_t splitmix64(std::uint64_t &state);

} // namespace segdash::datagen
