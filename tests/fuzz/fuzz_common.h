#pragma once
// Shared by the libFuzzer harnesses: a memory limit small enough that a declared size is refused by the
// memory budget instead of exhausting libFuzzer's own limit (-rss_limit_mb), and bytes as text.

#include "memory_budget.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace nnp::fuzz {

inline void init()
{
    static const bool once = [] {
        setMemoryLimit(256ull << 20);
        return true;
    }();
    (void)once;
}

inline std::string_view text(const std::uint8_t *data, std::size_t size)
{
    return {reinterpret_cast<const char *>(data), size};
}

} // namespace nnp::fuzz
