// nnp_gui_bench: training throughput through the window's controller at the fastest pace, with the insight
// views (gradients, layer histograms, confusion matrix, probe, and where the network has their layers the
// feature maps, kernels, embedding map and unrolled sequence) and the neuron and explain views hidden and
// then all open (floating, so every one is visible and asks the worker for its data). Prints samples per
// second for each sample project, the same network trained headless (the core alone, as `nnp bench` trains,
// with the project's batch), and the longest stall of the GUI thread while the views are open (a 10 ms
// timer's longest gap beyond its interval). Not a test: speed is measured here, never asserted.
//
//   nnp_gui_bench [--seconds S] [project.nnp ...]     (default: samples/spiral.nnp samples/mnist_subset.nnp)

#include "document/graph_document.h"
#include "insights/insights_docks.h"
#include "insights/probe_view.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "tensor.h"
#include "training/training_controller.h"
#include "training/training_pace.h"
#include "training/training_session.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <filesystem>

using namespace nnp;

namespace {
// Every live view of the explain mode: the insight docks and the Neurons / Explain docks.
// The views that apply only to some networks stay closed on the others (ui/insights/applicable_docks.h).
const char *const kDocks[] = {"gradientsDock",    "layerStatsDock", "confusionDock",   "probeDock",
                              "neuronDock",       "explainDock",    "featureMapsDock", "kernelsDock",
                              "embeddingMapDock", "unrolledDock"};

void setViews(MainWindow &w, InsightsDocks *insights, bool open)
{
    for (const char *name : kDocks) {
        auto *d = w.findChild<QDockWidget *>(QString::fromLatin1(name));
        if (!d) {
            std::fprintf(stderr, "no dock %s\n", name);
            continue;
        }
        d->setFloating(open);
        d->setVisible(open);
    }
    if (open) {
        // A probe input, so the probe is re-evaluated while training runs.
        PlaneCanvas *canvas = w.training()->outputView()->canvas();
        if (canvas->plane())
            insights->probe()->setPlanePoint(QPointF(1.0, -2.0));
        else
            insights->probe()->pad()->setPixels(std::vector<float>(
                std::size_t(insights->probe()->pad()->rows() * insights->probe()->pad()->cols()), 0.3f));
    }
}

/// Samples per second through the window; `stallMs` (when given): the GUI thread's longest stall meanwhile.
/// Counted between two pauses, whose snapshots carry the exact count (a slow network may send no other
/// snapshot while its views are closed).
double measure(MainWindow &w, double seconds, double *stallMs = nullptr)
{
    TrainingController *c = w.training()->controller();
    const auto seen = [c] { return c->lastSnapshot() ? c->lastSnapshot()->samplesSeen : 0LL; };
    const auto pause = [c] {
        c->pause();
        if (!QTest::qWaitFor([c] { return !c->isRunning(); }, 10000))
            std::fprintf(stderr, "the run did not pause within 10 s\n");
        QTest::qWait(50); // the pause's snapshot
    };
    c->play();
    QTest::qWait(1000); // warm-up: the run is built, the first snapshots are painted
    pause();
    const long long before = seen();
    constexpr int kTick = 10;
    QElapsedTimer sinceTick;
    qint64 longestGap = 0;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    QObject::connect(&ticker, &QTimer::timeout,
                     [&] { longestGap = std::max(longestGap, sinceTick.restart()); });
    QElapsedTimer t;
    t.start();
    c->play();
    sinceTick.start();
    ticker.start(kTick);
    QTest::qWait(int(seconds * 1000));
    ticker.stop();
    if (stallMs) *stallMs = double(std::max<qint64>(0, longestGap - kTick));
    pause();
    const double elapsed = double(t.elapsed()) / 1000.0;
    return double(seen() - before) / elapsed;
}

/// The same project trained by the core alone for `seconds` (after a few warm-up batches): samples/s.
double headless(const Project &project, const QString &path, double seconds)
{
    TrainingSession session(project, std::filesystem::path(path.toStdString()).parent_path());
    Trainer &trainer = session.trainer();
    const long long batch = std::min(project.training.batchSize, session.trainSamples());
    for (int i = 0; i < 3; ++i)
        trainer.runBatch();
    long long samples = 0;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < qint64(seconds * 1000)) {
        trainer.runBatch();
        samples += batch;
    }
    return double(samples) / (double(t.elapsed()) / 1000.0);
}
} // namespace

int main(int argc, char **argv)
{
    tuneAllocator(); // as the app does (app/gui/main.cpp): freed buffers stay with the process
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? QByteArray("offscreen") : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // leave the user's settings alone
    double seconds = 5;
    QStringList projects;
    const QStringList args = app.arguments().mid(1);
    for (int i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--seconds") && i + 1 < args.size())
            seconds = args[++i].toDouble();
        else
            projects << args[i];
    }
    if (projects.isEmpty())
        projects << QStringLiteral(NNP_SOURCE_SAMPLES "/spiral.nnp")
                 << QStringLiteral(NNP_SOURCE_SAMPLES "/mnist_subset.nnp");
    std::printf("%-22s %14s %14s %7s %14s %8s %9s\n", "project", "views off (1/s)", "views on (1/s)", "ratio",
                "headless (1/s)", "on/head", "stall ms");
    for (const QString &path : projects) {
        MainWindow w;
        w.resize(1600, 1000);
        w.show();
        if (!w.loadFile(path)) {
            std::fprintf(stderr, "%s: %s\n", qPrintable(path), qPrintable(w.lastError()));
            return 1;
        }
        auto *insights = w.findChild<InsightsDocks *>();
        TrainingController *c = w.training()->controller();
        TrainingConfig training = w.document()->training();
        training.epochs = 1000000;
        w.document()->applyTraining(training); // a live setting: the run opened with the project takes it
        if (!QTest::qWaitFor([c] { return c->status() == TrainingStatus::Ready; }, 60000)) {
            std::fprintf(stderr, "%s: the run was not built\n", qPrintable(path));
            return 1;
        }
        c->setPaceLevel(kPaceLevels); // as fast as possible (samples open at a pace a class can follow)
        setViews(w, insights, false);
        const double off = measure(w, seconds);
        setViews(w, insights, true);
        double stall = 0;
        const double on = measure(w, seconds, &stall);
        setViews(w, insights, false);
        const double off2 = measure(w, seconds); // again, so drift (another load on the machine) shows
        const double head = headless(w.document()->project(), path, seconds);
        std::printf("%-22s %14.0f %14.0f %7.3f %14.0f %8.3f %9.0f   (views off again: %.0f)\n",
                    qPrintable(QFileInfo(path).fileName()), off, on, on / off, head, on / head, stall, off2);
        std::fflush(stdout);
    }
    return 0;
}
