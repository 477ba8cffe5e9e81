// The insight views (issue 5, "More views a lesson needs") on real widgets in the real window: gradient
// norms, layer histograms and dead ReLUs, the confusion matrix with its sample list, and the probe, each
// checked against the core computed independently (Network forward/backward, evaluate()).
#include "document/graph_document.h"
#include "figures/figure_registry.h"
#include "insights/confusion_view.h"
#include "insights/gradient_plot.h"
#include "insights/insights_docks.h"
#include "insights/layer_stats_view.h"
#include "insights/probe_view.h"
#include "insights_window.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "settle.h"
#include "training/insights_engine.h"
#include "training/training_controller.h"
#include "training/training_session.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QMouseEvent>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

#include <cmath>

using namespace nnp;

namespace {
const std::filesystem::path kSamples = std::filesystem::path(NNP_SOURCE_DIR) / "samples";

/// A network built from the project's graph with the weights of a snapshot (the independent side).
Network networkWith(const Project &project, const TrainedWeights &w)
{
    Project p = project;
    p.weights = w.tensors;
    Network net = Network::build(p.graph, p.training.seed);
    restoreWeights(p, net);
    net.setLoss(p.training.loss);
    return net;
}

using Window = testutil::InsightsWindow;
} // namespace

class TestInsights : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void histogramCounts();
    void gradientNormsMatchCore();
    void deadRelus();
    void confusionMatchesCore();
    void probeMatchesCore();
    void docksAreTabbedAndFiguresRegistered();
    void screenshots_data();
    void screenshots();
};

void TestInsights::histogramCounts()
{
    const std::vector<Scalar> v{-1, 0, 0.5f, 2, 2, 3, std::nanf(""), 7};
    const Histogram h = Histogram::of(v.data(), v.size(), 4);
    QCOMPARE(h.total(), 8);
    QCOMPARE(h.nonFinite, 1);
    QCOMPARE(h.lo, -1.0);
    QCOMPARE(h.hi, 7.0);
    QCOMPARE(h.counts, (std::vector<long long>{3, 2, 1, 1})); // [-1,1) [1,3) [3,5) [5,7]
}

void TestInsights::gradientNormsMatchCore()
{
    Window win;
    QVERIFY(win.open(QStringLiteral("xor.nnp")));
    win.showDock(QStringLiteral("gradientsDock"));
    QTRY_VERIFY(win.controller->insightsRequest().layerStats);
    QVERIFY(win.stepTo(3));
    QTRY_VERIFY(win.controller->lastSnapshot()->insights && win.controller->lastSnapshot()->insights->stats &&
                win.controller->lastSnapshot()->insights->stats->step == 3);
    const SnapshotPtr s = win.controller->lastSnapshot();
    GradientPlot *plot = win.insights->gradientPlot();
    QCOMPARE(plot->layerNames(), (QStringList{"hidden_1", "hidden_2", "output"}));
    QVERIFY(plot->pointCount() >= 1);

    // Independently: the same weights, the first 256 training samples, one forward and backward pass.
    const Project project = win.w.document()->project();
    Network net = networkWith(project, *win.controller->lastWeights());
    const PreparedData data = prepareData(project, kSamples);
    const auto n = std::min<Eigen::Index>(InsightsEngine::kProbeBatch, data.train.x.cols());
    net.forward(data.train.x.leftCols(n), Mode::Train);
    net.lossAndBackward(data.train.y.leftCols(n));
    for (const QString &name : plot->layerNames()) {
        double g2 = 0;
        for (const NodeParam &p : net.parameters())
            if (QString::fromStdString(p.nodeName) == name) g2 += double(p.ref.grad->squaredNorm());
        const double expected = std::sqrt(g2);
        QVERIFY(expected > 0);
        QVERIFY2(
            std::abs(plot->lastNorm(name) - expected) <= 1e-5 * expected,
            qPrintable(
                QStringLiteral("%1: shown %2, core %3").arg(name).arg(plot->lastNorm(name)).arg(expected)));
    }
}

void TestInsights::deadRelus()
{
    Project project = loadProject(kSamples / "xor.nnp");
    for (NodeSpec &node : project.graph.nodes)
        if (node.name == "hidden_1") node.options.set(opt::activation, ActivationKind::ReLU);
    TrainingSession session(project, kSamples);
    // Units 0 and 2 of hidden_1 can never fire (no weights, bias −1); units 1 and 3 always do (bias +1).
    for (const NodeParam &p : session.network().parameters()) {
        if (p.nodeName != "hidden_1") continue;
        if (p.ref.name == "weight") p.ref.value->setZero();
        if (p.ref.name == "bias") *p.ref.value << -1, 1, -1, 1;
    }
    const auto stats = InsightsEngine::layerStats(session.network(), session);
    QCOMPARE(stats->layers.size(), std::size_t(3));
    const LayerStats &h1 = stats->layers[0];
    QCOMPARE(h1.name, QStringLiteral("hidden_1"));
    QVERIFY(h1.relu);
    QCOMPARE(h1.units, 4);
    QCOMPARE(h1.dead, 2);
    QVERIFY(!stats->layers[1].relu); // tanh
    // Every histogram holds every value: units × samples activations, rows × cols weights.
    for (const LayerStats &l : stats->layers) {
        QCOMPARE(l.activations.total(), (long long)l.units * stats->probeSamples);
    }
    QCOMPARE(stats->layers[0].weights.total(), 8LL);
    QCOMPARE(stats->layers[1].weights.total(), 8LL);

    LayerStatsView view;
    view.resize(700, 320);
    view.show();
    view.showStats(stats);
    QCOMPARE(view.table()->item(0, 2)->text(), QStringLiteral("2 of 4"));
    QCOMPARE(view.table()->item(1, 2)->text(), QStringLiteral("—"));
    for (int layer = 0; layer < 3; ++layer)
        for (int kind = 0; kind < 2; ++kind) {
            view.layerBox()->setCurrentIndex(layer);
            view.kindBox()->setCurrentIndex(kind);
            QVERIFY(view.shownHistogram());
            QCOMPARE(view.shownCount(), view.shownHistogram()->total() - view.shownHistogram()->nonFinite);
        }
    view.layerBox()->setCurrentIndex(0);
    view.kindBox()->setCurrentIndex(0);
    QCOMPARE(view.shownCount(), 4LL * stats->probeSamples);
}

void TestInsights::confusionMatchesCore()
{
    Window win;
    QVERIFY(win.open(QStringLiteral("xor.nnp")));
    win.showDock(QStringLiteral("confusionDock"));
    ConfusionView *view = win.insights->confusion();
    view->splitBox()->setCurrentIndex(1); // test split
    QTRY_VERIFY(win.controller->insightsRequest().confusion &&
                win.controller->insightsRequest().split == InsightSplit::Test);
    QVERIFY(win.stepTo(2));
    QTRY_VERIFY(view->data() && view->data()->split == InsightSplit::Test &&
                win.controller->lastSnapshot()->insights->confusion.get() == view->data());
    const SnapshotPtr s = win.controller->lastSnapshot();

    const Project project = win.w.document()->project();
    Network net = networkWith(project, *win.controller->lastWeights());
    const PreparedData data = prepareData(project, kSamples);
    const Evaluation e = evaluate(net, data.test);
    const ConfusionData &c = *view->data();
    QCOMPARE(c.counts, e.confusion);
    QCOMPARE(c.predicted, e.predicted);
    const std::vector<int> truth =
        labelsFromTargets(data.test.y, project.training.loss.kind, net.outputSize());

    // Click every cell: the table lists exactly the samples with that truth and prediction.
    view->grid()->resize(400, 400);
    for (int t = 0; t < c.classes; ++t)
        for (int q = 0; q < c.classes; ++q) {
            const QPoint centre = view->grid()->cellRect(t, q).center().toPoint();
            QTest::mouseClick(view->grid(), Qt::LeftButton, {}, centre);
            std::vector<int> expected;
            for (std::size_t i = 0; i < truth.size(); ++i)
                if (truth[i] == t && e.predicted[i] == q) expected.push_back(static_cast<int>(i));
            QCOMPARE(view->listedSamples(), expected);
            QCOMPARE(view->table()->rowCount(), static_cast<int>(expected.size()));
            for (int r = 0; r < view->table()->rowCount(); ++r)
                QCOMPARE(view->table()->item(r, 0)->data(Qt::DisplayRole).toInt(), expected[std::size_t(r)]);
            if (t != q && !expected.empty()) {
                // The inputs listed are the raw points; the output view rings them.
                const QString in = view->table()->item(0, 3)->text();
                const int col = data.split.test[std::size_t(expected[0])];
                QCOMPARE(in, QStringLiteral("%1, %2")
                                 .arg(double(data.full.x(0, col)), 0, 'g', 4)
                                 .arg(double(data.full.x(1, col)), 0, 'g', 4));
                QCOMPARE(win.w.training()->outputView()->canvas()->highlightCount(), expected.size());
            }
        }
    int wrong = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        wrong += truth[i] != e.predicted[i];
    QVERIFY2(wrong > 0, "after two steps some test points should still be misclassified");
}

void TestInsights::probeMatchesCore()
{
    Window win;
    QVERIFY(win.open(QStringLiteral("xor.nnp")));
    win.showDock(QStringLiteral("probeDock"));
    QVERIFY(win.stepTo(5));
    PlaneCanvas *canvas = win.w.training()->outputView()->canvas();
    QTRY_VERIFY(canvas->plane());
    // Click a point on the plane: the probe follows it.
    const QPoint click = canvas->rect().center() + QPoint(canvas->width() / 8, -canvas->height() / 8);
    const auto point = canvas->planeAt(QPointF(click));
    QVERIFY(point);
    QTest::mouseClick(canvas, Qt::LeftButton, {}, click);
    ProbeView *probe = win.insights->probe();
    QTRY_VERIFY(probe->result() && !probe->result()->input.empty() &&
                probe->result()->input[0] == float(point->x()));
    const ProbeResult &r = *probe->result();
    QVERIFY2(r.error.isEmpty(), qPrintable(r.error));

    const SnapshotPtr s = win.controller->lastSnapshot();
    const Project project = win.w.document()->project();
    Network net = networkWith(project, *win.controller->lastWeights());
    Matrix x(2, 1);
    x << Scalar(point->x()), Scalar(point->y());
    Matrix in = engineerFeatures(x, project.data.features);
    if (!win.controller->lastWeights()->normalizer.isIdentity())
        win.controller->lastWeights()->normalizer.applyInPlace(in);
    const Matrix out = net.predict(in);
    QCOMPARE(r.output.size(), std::size_t(1));
    QVERIFY(std::abs(r.output[0] - float(out(0, 0))) < 1e-6f);
    QCOMPARE(r.predicted, out(0, 0) >= 0.5f ? 1 : 0);
    QVERIFY(std::abs(r.probabilities[1] - float(out(0, 0))) < 1e-6f);
    QCOMPARE(r.layers.size(), std::size_t(3));
    QCOMPARE(r.layers[0].values.size(), std::size_t(4));

    // Live: after more training the probe is re-evaluated with the new weights.
    const quint64 id = r.id;
    QVERIFY(win.stepTo(6));
    QTRY_VERIFY(win.controller->lastSnapshot()->insights && win.controller->lastSnapshot()->insights->probe &&
                win.controller->lastSnapshot()->insights->probe->id == id);
    Network net2 = networkWith(project, *win.controller->lastWeights());
    QTRY_VERIFY(std::abs(probe->result()->output[0] - float(net2.predict(in)(0, 0))) < 1e-6f);
}

void TestInsights::docksAreTabbedAndFiguresRegistered()
{
    Window win;
    QVERIFY(win.open(QStringLiteral("xor.nnp")));
    for (const char *name : {"gradientsDock", "layerStatsDock", "confusionDock", "probeDock"}) {
        QDockWidget *d = win.insights->dock(QString::fromLatin1(name));
        QVERIFY(d);
        QCOMPARE(win.w.dockWidgetArea(d), Qt::BottomDockWidgetArea);
        QVERIFY(!win.w.tabifiedDockWidgets(d).isEmpty());
    }
    for (const char *id : {"gradients", "histograms", "confusion"})
        QVERIFY(win.w.figures()->find(QString::fromLatin1(id)));
    // Nothing is computed for docks behind the curves, also for one that was in front before (Qt leaves such
    // a dock isVisible(), moved out of sight).
    win.showDock(QStringLiteral("confusionDock"));
    QTRY_VERIFY(win.controller->insightsRequest().confusion);
    win.w.findChild<QDockWidget *>(QStringLiteral("curvesDock"))->raise();
    QTRY_VERIFY(!win.controller->insightsRequest().layerStats &&
                !win.controller->insightsRequest().confusion);
}

void TestInsights::screenshots_data()
{
    QTest::addColumn<QString>("sample");
    QTest::addColumn<int>("steps");
    QTest::newRow("spiral") << QStringLiteral("spiral.nnp") << 300;
    QTest::newRow("digits") << QStringLiteral("digits_8x8.nnp") << 200;
}

void TestInsights::screenshots()
{
    // Every view with real data, as PNGs under <build>/screenshots for anyone to look at (and CI artefacts).
    QFETCH(QString, sample);
    QFETCH(int, steps);
    Window win;
    QVERIFY(win.open(sample));
    for (const char *name : {"gradientsDock", "layerStatsDock", "confusionDock", "probeDock"}) {
        QDockWidget *d = win.insights->dock(QString::fromLatin1(name));
        d->setFloating(true);
        d->resize(760, 420);
        d->show();
    }
    win.controller->setPaceLevel(kPaceLevels);
    win.controller->stepEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(win.controller->lastSnapshot() && win.controller->lastSnapshot()->epoch >= 1,
                             60000);
    QVERIFY(win.stepTo(win.controller->lastSnapshot()->step + steps / 100));
    PlaneCanvas *canvas = win.w.training()->outputView()->canvas();
    ProbeView *probe = win.insights->probe();
    if (canvas->plane()) {
        QTest::mouseClick(canvas, Qt::LeftButton, {}, canvas->rect().center() + QPoint(20, -30));
    } else {
        QTRY_VERIFY(probe->result());
        DrawPad *pad = probe->pad();
        // A "1": a vertical stroke down the middle.
        for (int y = pad->height() / 5; y < pad->height() * 4 / 5; y += 3)
            QTest::mouseMove(pad, QPoint(pad->width() / 2, y));
        QTest::mousePress(pad, Qt::LeftButton, {}, QPoint(pad->width() / 2, pad->height() / 5));
        for (int y = pad->height() / 5; y < pad->height() * 4 / 5; y += 3) {
            QMouseEvent move(QEvent::MouseMove, QPointF(pad->width() / 2, y),
                             pad->mapToGlobal(QPointF(pad->width() / 2, y)), Qt::NoButton, Qt::LeftButton,
                             Qt::NoModifier);
            QCoreApplication::sendEvent(pad, &move);
        }
    }
    QTRY_VERIFY(probe->result() && !probe->result()->input.empty());
    if (!canvas->plane()) {
        // The pad draws raw values: its full ink is the data's brightest pixel (16 in the digits CSV), so the
        // network sees a stroke as bright as the digits it learned from, through the same normalisation.
        QTRY_VERIFY(probe->result()->input == probe->input()); // the result of the last stroke
        const std::vector<float> &in = probe->result()->input;
        const std::vector<float> &pad = probe->pad()->pixels();
        QCOMPARE(probe->result()->inkValue, 16.0f);
        QCOMPARE(in.size(), pad.size());
        for (std::size_t i = 0; i < in.size(); ++i)
            QCOMPARE(in[i], pad[i] * 16.0f);
        QVERIFY(*std::max_element(in.begin(), in.end()) > 8.0f); // a stroke, as bright as the digits
    }
    ConfusionView *conf = win.insights->confusion();
    QTRY_VERIFY(conf->data() && conf->data()->classes > 0);
    // The largest off-diagonal cell, so the list shows mistakes.
    int bt = 0, bq = 1, best = -1;
    for (int t = 0; t < conf->data()->classes; ++t)
        for (int q = 0; q < conf->data()->classes; ++q)
            if (t != q && conf->data()->counts[std::size_t(t)][std::size_t(q)] > best) {
                best = conf->data()->counts[std::size_t(t)][std::size_t(q)];
                bt = t;
                bq = q;
            }
    conf->selectCell(bt, bq);
    testutil::settle();
    const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    for (const char *name : {"gradientsDock", "layerStatsDock", "confusionDock", "probeDock"})
        QVERIFY(win.insights->dock(QString::fromLatin1(name))
                    ->grab()
                    .save(dir + QStringLiteral("/insights_%1_%2.png").arg(tag, QString::fromLatin1(name))));
    QVERIFY(win.w.training()->outputView()->grab().save(dir +
                                                        QStringLiteral("/insights_%1_output.png").arg(tag)));
}

QTEST_MAIN(TestInsights)
#include "tst_insights.moc"
