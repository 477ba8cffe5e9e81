#include "tensor.h"

#include "checked.h"

#include <cmath>
#include <sstream>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace nnp {

long long Shape::size() const
{
    if (dims.empty()) return 0;
    long long n = 1;
    for (int d : dims)
        n = saturatingMul(n, d);
    return n;
}

std::string Shape::toString() const
{
    std::ostringstream os;
    for (std::size_t i = 0; i < dims.size(); ++i)
        os << (i ? "x" : "") << dims[i];
    return os.str();
}

double Rng::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    double u, v, s;
    do {
        u = uniform(-1.0, 1.0);
        v = uniform(-1.0, 1.0);
        s = u * u + v * v;
    } while (s >= 1.0 || s == 0.0);
    const double f = std::sqrt(-2.0 * std::log(s) / s);
    m_spare = v * f;
    m_hasSpare = true;
    return u * f;
}

std::uint64_t Rng::below(std::uint64_t n)
{
    // Lemire-free simple rejection: take the top bits until the value falls below the largest multiple of n.
    const std::uint64_t limit = UINT64_MAX - (UINT64_MAX % n);
    std::uint64_t r;
    do {
        r = next();
    } while (r >= limit);
    return r % n;
}

void tuneAllocator()
{
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

} // namespace nnp
