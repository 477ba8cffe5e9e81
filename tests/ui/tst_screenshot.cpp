// A screenshot smoke test: the main window on the spiral sample (or a generated spiral when the sample is
// not there), trained for a while, saved as PNGs in <build>/screenshots so anyone can look at what the app
// shows. It checks that training ran and the views got its results, not pixels.
#include "document/default_project.h"
#include "document/graph_document.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "panels/training_toolbar.h"
#include "plots/loss_plot.h"
#include "settle.h"
#include "training/training_controller.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QDir>
#include <QFile>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>

using namespace nnp;

namespace {
Project generatedSpiral()
{
    Project p = makeEmptyProject();
    p.name = "spiral";
    p.data.generator = {GeneratorKind::Spiral, 500, 0.1, 1};
    p.data.features = {true, true, true, true, true, true, true};
    p.graph = makeMlp(7, {8, 6}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    for (std::size_t i = 0; i < p.graph.nodes.size(); ++i)
        p.graph.nodes[i].x = 260.0 * double(i);
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.optimizer.learningRate = 0.01;
    p.training.epochs = 100000;
    return p;
}

QString saveShot(QWidget *w, const QString &name)
{
    const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name;
    if (!w->grab().save(path)) return {};
    qInfo("screenshot: %s", qPrintable(path));
    return path;
}
} // namespace

class TestScreenshot : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void mainWindowAfterTraining();
};

void TestScreenshot::mainWindowAfterTraining()
{
    MainWindow w;
    w.resize(1600, 1000);
    const QString sample = QStringLiteral(NNP_SOURCE_DIR "/samples/spiral.nnp");
    if (QFile::exists(sample))
        QVERIFY2(w.loadFile(sample), qPrintable(w.lastError()));
    else
        w.document()->reset(generatedSpiral());
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showNormal(); // the first show maximises to the (small) offscreen screen
    w.resize(1600, 1000);

    TrainingDocks *t = w.training();
    TrainingController *c = t->controller();
    // Opening a project builds its run, so the window is ready to Play with the data in view.
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(t->outputView()->canvas()->plane() != nullptr, 10000);
    saveShot(&w, QStringLiteral("main_window_ready.png"));

    const std::size_t epochs = std::min<std::size_t>(200, std::size_t(c->runConfig().epochs));
    t->toolbar()->paceSlider()->setValue(kPaceLevels); // the sample opens at a class's pace; a test need not
    t->toolbar()->playAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(c->history().size() >= epochs, 120000);
    if (c->status() == TrainingStatus::Running)
        t->toolbar()->playAction()->trigger(); // pause (the sample's epoch limit may have stopped it already)
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot()->status != TrainingStatus::Running, 10000);
    testutil::settle(); // the queued replots land

    QVERIFY(t->lossPlot()->epochCount() >= int(epochs));
    QVERIFY(t->outputView()->canvas()->boundary() != nullptr);
    QVERIFY(t->toolbar()->epochText().contains(QLocale().toString(c->lastSnapshot()->epoch)));
    QVERIFY(c->history().back().trainLoss < c->history().front().trainLoss);

    QVERIFY(!saveShot(&w, QStringLiteral("main_window_trained.png")).isEmpty());
    QVERIFY(!saveShot(t->outputView(), QStringLiteral("output_view.png")).isEmpty());
    QVERIFY(!saveShot(t->lossPlot(), QStringLiteral("loss_plot.png")).isEmpty());
}

QTEST_MAIN(TestScreenshot)
#include "tst_screenshot.moc"
