#include "memory_budget.h"

#include "checked.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#if defined(_WIN32)
#define WIN32_LEAN_AND_MEAN
#include <windows.h>
#else
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace nnp {

namespace {

std::atomic<std::uint64_t> g_limit{0}; // 0: the default

std::uint64_t physicalMemory()
{
#if defined(_WIN32)
    MEMORYSTATUSEX s{};
    s.dwLength = sizeof s;
    return GlobalMemoryStatusEx(&s) ? static_cast<std::uint64_t>(s.ullTotalPhys) : 0;
#else
    const long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && page > 0 ? saturatingMul(std::uint64_t(pages), std::uint64_t(page)) : 0;
#endif
}

/// The address space this process may use (ulimit -v / -d), or 0 when unlimited.
std::uint64_t addressSpaceLimit()
{
#if defined(_WIN32)
    return 0;
#else
    std::uint64_t r = 0;
    for (int resource : {RLIMIT_AS, RLIMIT_DATA}) {
        rlimit l{};
        if (getrlimit(resource, &l) == 0 && l.rlim_cur != RLIM_INFINITY)
            r = r == 0 ? std::uint64_t(l.rlim_cur) : std::min<std::uint64_t>(r, l.rlim_cur);
    }
    return r;
#endif
}

} // namespace

std::uint64_t defaultMemoryLimit()
{
    constexpr std::uint64_t kFloor = 256ull << 20;
    std::uint64_t base = physicalMemory();
    if (const std::uint64_t as = addressSpaceLimit(); as != 0) base = base == 0 ? as : std::min(base, as);
    if (base == 0) base = 4ull << 30; // unknown: a common laptop
    return std::max(kFloor, base / 4 * 3);
}

std::uint64_t memoryLimit()
{
    const std::uint64_t set = g_limit.load(std::memory_order_relaxed);
    return set != 0 ? set : defaultMemoryLimit();
}

void setMemoryLimit(std::uint64_t bytes)
{
    g_limit.store(bytes, std::memory_order_relaxed);
}

std::string byteText(std::uint64_t bytes)
{
    static const char *const units[] = {"bytes", "KB", "MB", "GB", "TB", "PB", "EB"};
    double v = static_cast<double>(bytes);
    int u = 0;
    while (v >= 1000 && u < 6) {
        v /= 1000;
        ++u;
    }
    char buf[32];
    if (u == 0)
        std::snprintf(buf, sizeof buf, "%llu bytes", static_cast<unsigned long long>(bytes));
    else
        std::snprintf(buf, sizeof buf, v < 10 ? "%.1f %s" : "%.0f %s", v, units[u]);
    return buf;
}

std::uint64_t parseByteSize(const std::string &text)
{
    const char *s = text.c_str();
    char *end = nullptr;
    const double v = std::strtod(s, &end);
    if (end == s || !std::isfinite(v) || v <= 0) return 0;
    std::string unit;
    for (const char *p = end; *p; ++p)
        if (!std::isspace(static_cast<unsigned char>(*p)))
            unit += static_cast<char>(std::toupper(static_cast<unsigned char>(*p)));
    double scale = 1;
    if (unit.empty() || unit == "B")
        scale = 1;
    else if (unit == "K" || unit == "KB")
        scale = 1e3;
    else if (unit == "KIB")
        scale = 1024.0;
    else if (unit == "M" || unit == "MB")
        scale = 1e6;
    else if (unit == "MIB")
        scale = 1024.0 * 1024;
    else if (unit == "G" || unit == "GB")
        scale = 1e9;
    else if (unit == "GIB")
        scale = 1024.0 * 1024 * 1024;
    else if (unit == "T" || unit == "TB")
        scale = 1e12;
    else if (unit == "TIB")
        scale = 1024.0 * 1024 * 1024 * 1024;
    else
        return 0;
    const double bytes = v * scale;
    if (bytes < 1 || bytes >= 1.8e19) return 0;
    return static_cast<std::uint64_t>(bytes);
}

namespace {

std::string describe(MemoryError::Subject subject, const std::string &name, std::uint64_t needed,
                     std::uint64_t limit)
{
    std::string what;
    switch (subject) {
    case MemoryError::Subject::Layer:
        what = "The network needs about " + byteText(needed) + " of memory (the largest part for layer '" +
               name + "')";
        break;
    case MemoryError::Subject::File:
        what = "Loading " + name + " needs about " + byteText(needed) + " of memory";
        break;
    }
    return what + ", more than the limit of " + byteText(limit) +
           ". Make it smaller, or raise the limit (nnp --memory-limit SIZE; in the app, Edit > Memory "
           "limit).";
}

} // namespace

MemoryError::MemoryError(Subject subject, std::string name, std::uint64_t needed, std::uint64_t limit)
    : std::runtime_error(describe(subject, name, needed, limit)), m_subject(subject), m_name(std::move(name)),
      m_needed(needed), m_limit(limit)
{
}

void requireMemory(std::uint64_t bytes, MemoryError::Subject subject, const std::string &name)
{
    const std::uint64_t limit = memoryLimit();
    if (bytes > limit) throw MemoryError(subject, name, bytes, limit);
}

} // namespace nnp
