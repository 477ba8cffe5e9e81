#include "tensor.h"

#include "checked.h"

#include <cmath>
#include <cstdlib>
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

std::string Rng::state() const
{
    std::ostringstream out;
    out << m_engine << ' ' << (m_hasSpare ? 1 : 0) << ' ' << std::hexfloat << m_spare;
    return out.str();
}

bool Rng::setState(const std::string &text)
{
    std::istringstream in(text);
    std::mt19937_64 engine;
    int spare = 0;
    std::string spareText;
    if (!(in >> engine >> spare >> spareText) || (spare != 0 && spare != 1)) return false;
    char *end = nullptr;
    const double value = std::strtod(spareText.c_str(), &end);
    if (end != spareText.c_str() + spareText.size() || !std::isfinite(value)) return false;
    in >> std::ws;
    if (!in.eof()) return false;
    m_engine = engine;
    m_hasSpare = spare == 1;
    m_spare = value;
    return true;
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
