#pragma once
// A main window opened on a sample for the insight docks' GUI tests (tst_insights, tst_feature_maps): its
// docks, its controller, and stepping to a paused snapshot without sleeping.
#include "insights/insights_docks.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "training/training_controller.h"

#include <QDockWidget>
#include <QTest>

namespace nnp::testutil {

struct InsightsWindow {
    MainWindow w;
    InsightsDocks *insights = nullptr;
    TrainingController *controller = nullptr;

    /// Opens samples/<sample> in a window of `size`; false when it cannot.
    bool open(const QString &sample, QSize size = {1600, 1000})
    {
        return openFile(QStringLiteral(NNP_SOURCE_DIR "/samples/") + sample, size);
    }
    /// Opens a project file anywhere.
    bool openFile(const QString &file, QSize size = {1600, 1000})
    {
        w.resize(size);
        w.show();
        if (!w.loadFile(file)) return false;
        insights = w.findChild<InsightsDocks *>();
        controller = w.training()->controller();
        return insights && controller;
    }
    void showDock(const QString &name)
    {
        QDockWidget *d = insights->dock(name);
        d->show();
        d->raise();
    }
    /// Steps until the paused snapshot (with weights) of `step` arrived.
    bool stepTo(long long step)
    {
        while (!controller->lastSnapshot() || controller->lastSnapshot()->step < step) {
            const long long before = controller->lastSnapshot() ? controller->lastSnapshot()->step : -1;
            controller->step();
            if (!QTest::qWaitFor(
                    [&] { return controller->lastSnapshot() && controller->lastSnapshot()->step > before; },
                    60000))
                return false;
        }
        return QTest::qWaitFor(
            [&] {
                const SnapshotPtr s = controller->lastSnapshot();
                return s && s->status == TrainingStatus::Paused && controller->lastWeights() &&
                       s->step >= step;
            },
            60000);
    }
};

} // namespace nnp::testutil
