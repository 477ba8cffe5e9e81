#pragma once
// Basic numeric types of the core. Matrices hold one sample per column (rows = features).

#include <Eigen/Core>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace nnp {

#ifdef NNP_SCALAR_DOUBLE
using Scalar = double;
#else
using Scalar = float;
#endif

using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
using RowVector = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;

/// The shape of one sample, outermost first (e.g. {1, 28, 28} for an image, channels first, {4} for a flat
/// vector).
struct Shape {
    std::vector<int> dims;

    Shape() = default;
    Shape(std::initializer_list<int> d) : dims(d) {}
    explicit Shape(std::vector<int> d) : dims(std::move(d)) {}

    [[nodiscard]] long long size() const;
    [[nodiscard]] bool isFlat() const { return dims.size() == 1; }
    [[nodiscard]] bool empty() const { return dims.empty(); }
    [[nodiscard]] std::string toString() const; // "28x28x1"
    bool operator==(const Shape &) const = default;
};

/// A seeded random generator whose distributions are written here, so that a seed gives the same
/// numbers with every standard library (std::*_distribution is implementation-defined).
class Rng {
public:
    explicit Rng(std::uint64_t seed = 0) : m_engine(seed) {}

    void seed(std::uint64_t s)
    {
        m_engine.seed(s);
        m_hasSpare = false;
    }
    std::uint64_t next() { return m_engine(); }
    /// Uniform in [0, 1).
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    /// Standard normal (Marsaglia polar method).
    double normal();
    double normal(double mean, double stddev) { return mean + stddev * normal(); }
    /// Uniform integer in [0, n), n > 0, without modulo bias.
    std::uint64_t below(std::uint64_t n);

    /// The generator's whole state as text (the engine's standard text form and the spare normal), so a
    /// stored run's random stream continues where it was; setState returns false for text that is not one.
    [[nodiscard]] std::string state() const;
    bool setState(const std::string &text);

    template <class It> void shuffle(It first, It last)
    {
        const auto n = static_cast<std::uint64_t>(last - first);
        for (std::uint64_t i = n; i > 1; --i) {
            const auto j = below(i);
            using std::swap;
            swap(first[static_cast<std::ptrdiff_t>(i - 1)], first[static_cast<std::ptrdiff_t>(j)]);
        }
    }

private:
    std::mt19937_64 m_engine;
    bool m_hasSpare = false;
    double m_spare = 0.0;
};

/// Makes glibc keep freed memory instead of returning it to the system: Eigen's matrix product allocates
/// scratch space on every call, and re-faulting those pages costs more than the product on small layers.
/// Call once at program start (the GUI, the CLI and the benchmarks do). A no-op off glibc.
void tuneAllocator();

} // namespace nnp
