#pragma once
// Waiting in GUI tests without sleeping: wait for a condition (QTRY_*, QTest::qWaitFor), or deliver what is
// already queued.
#include <QCoreApplication>

namespace nnp::testutil {

/// Delivers every event already posted, and those that posts in turn (queued replots, layout requests,
/// deferred deletes): what a screenshot needs after a change, without guessing a time.
inline void settle()
{
    for (int i = 0; i < 4; ++i) {
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
    }
}

} // namespace nnp::testutil
