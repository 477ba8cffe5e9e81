#pragma once
// Checked size arithmetic: every sum or product of shape dimensions, parameter counts and byte counts goes
// through these, so that a file declaring absurd sizes meets a limit instead of wrapping around (430 Inputs
// of 10 million features once summed to 2, and `nnp predict` then read far out of bounds).
//
// The saturating forms give kSizeOverflow, which is above every limit the validator and the memory budget
// check, so a check written `size > limit` refuses an overflow too; `toIndex` narrows with a check.

#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace nnp {

/// What a saturated size is: larger than any real limit.
inline constexpr long long kSizeOverflow = std::numeric_limits<long long>::max();

/// a + b for sizes (≥ 0); kSizeOverflow when the sum does not fit in 64 bits or either is kSizeOverflow.
[[nodiscard]] constexpr long long saturatingAdd(long long a, long long b)
{
    long long r = 0;
    if (a == kSizeOverflow || b == kSizeOverflow || __builtin_add_overflow(a, b, &r)) return kSizeOverflow;
    return r;
}

/// a · b for sizes (≥ 0); kSizeOverflow when the product does not fit in 64 bits or either is kSizeOverflow.
[[nodiscard]] constexpr long long saturatingMul(long long a, long long b)
{
    long long r = 0;
    if (a == 0 || b == 0) return 0;
    if (a == kSizeOverflow || b == kSizeOverflow || __builtin_mul_overflow(a, b, &r)) return kSizeOverflow;
    return r;
}

/// The same for byte counts.
[[nodiscard]] constexpr std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t r = 0;
    return __builtin_add_overflow(a, b, &r) ? std::numeric_limits<std::uint64_t>::max() : r;
}
[[nodiscard]] constexpr std::uint64_t saturatingMul(std::uint64_t a, std::uint64_t b)
{
    std::uint64_t r = 0;
    return __builtin_mul_overflow(a, b, &r) ? std::numeric_limits<std::uint64_t>::max() : r;
}

/// `v` as an int (a size the validator has already bounded); std::length_error naming `what` otherwise.
[[nodiscard]] inline int checkedInt(long long v, const char *what)
{
    if (v < 0 || v > std::numeric_limits<int>::max())
        throw std::length_error(std::string(what) + " (" + std::to_string(v) + ") does not fit in 32 bits.");
    return static_cast<int>(v);
}

} // namespace nnp
