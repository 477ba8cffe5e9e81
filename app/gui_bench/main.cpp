// nnp_gui_bench: training throughput through the window's controller, with the insight views (gradients,
// layer histograms, confusion matrix, probe) and the neuron and explain views hidden and then all open
// (floating, so every one is visible and asks the worker for its data). Prints samples per second for each
// sample project. Not a test: speed is measured here, never asserted.
//
//   nnp_gui_bench [--seconds S] [project.nnp ...]     (default: samples/spiral.nnp samples/mnist_subset.nnp)

#include "document/graph_document.h"
#include "insights/insights_docks.h"
#include "insights/probe_view.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "training/training_controller.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTest>

#include <cstdio>

using namespace nnp;

namespace {
// Every live view of the explain mode: the insight docks and the Neurons / Explain docks.
const char *const kDocks[] = {"gradientsDock", "layerStatsDock", "confusionDock",
                              "probeDock",     "neuronDock",     "explainDock"};

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

double measure(MainWindow &w, double seconds)
{
    TrainingController *c = w.training()->controller();
    c->play();
    QTest::qWait(1000); // warm-up: the run is built, the first snapshots are painted
    const auto seen = [c] { return c->lastSnapshot() ? c->lastSnapshot()->samplesSeen : 0LL; };
    const long long before = seen();
    QElapsedTimer t;
    t.start();
    QTest::qWait(int(seconds * 1000));
    const long long after = seen();
    const double elapsed = double(t.elapsed()) / 1000.0;
    c->pause();
    if (!QTest::qWaitFor([c] { return !c->isRunning(); }, 5000))
        std::fprintf(stderr, "the run did not pause within 5 s\n");
    return double(after - before) / elapsed;
}
} // namespace

int main(int argc, char **argv)
{
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
    std::printf("%-28s %16s %16s %8s\n", "project", "views off (1/s)", "views on (1/s)", "ratio");
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
        setViews(w, insights, false);
        const double off = measure(w, seconds);
        setViews(w, insights, true);
        const double on = measure(w, seconds);
        setViews(w, insights, false);
        const double off2 = measure(w, seconds); // again, so drift (another load on the machine) shows
        std::printf("%-28s %16.0f %16.0f %8.3f   (views off again: %.0f)\n",
                    qPrintable(QFileInfo(path).fileName()), off, on, on / off, off2);
        std::fflush(stdout);
    }
    return 0;
}
