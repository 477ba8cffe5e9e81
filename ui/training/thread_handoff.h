#pragma once
// Qt's event queue orders a post before its delivery inside libQt6Core. ThreadSanitizer cannot see that
// unless Qt itself is instrumented, and then reports every queued command and snapshot as a race. Posting
// under this mutex and taking it once before delivery makes the same order visible to it, for the price of
// one uncontended lock per command or snapshot.

#include <mutex>

namespace nnp {

inline std::mutex &threadHandoffMutex()
{
    static std::mutex m;
    return m;
}

/// Called first in event(): everything posted before this event is now visible to this thread.
inline void acquireHandoff()
{
    const std::lock_guard lock(threadHandoffMutex());
}

} // namespace nnp
