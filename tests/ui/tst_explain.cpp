// The explain mode (issue 5) on the XOR sample: one traced step, walked phase by phase; the explain panel and
// the neuron view must show the Trace's numbers (the Trace itself is checked against a hand computation in
// tests/train/tst_trace). Also: a weight typed on an edge reaches the run and is undoable; a mini-batch lists
// each sample's contribution to a gradient. Screenshots of every phase go to <build>/screenshots.
#include "document/default_project.h"
#include "document/graph_document.h"
#include "explain/explain_docks.h"
#include "explain/explain_model.h"
#include "explain/explain_panel.h"
#include "explain/neuron_view.h"
#include "explain_numbers.h"
#include "figures/figure_registry.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "training/training_controller.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

#include <cmath>

using namespace nnp;

namespace {

double at(const Matrix &m, int r, int c)
{
    return double(m(r, c));
}

const ParamTrace &param(const NodeTrace &n, const char *name)
{
    for (const ParamTrace &p : n.params)
        if (p.name == name) return p;
    qFatal("no parameter %s", name);
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

struct Fixture {
    MainWindow w;
    ExplainDocks *ex = nullptr;
    bool open()
    {
        w.resize(1600, 1000);
        if (!w.loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/xor.nnp"))) return false;
        w.show();
        if (!QTest::qWaitForWindowExposed(&w)) return false;
        w.showNormal();
        w.resize(1600, 1000);
        ex = w.findChild<ExplainDocks *>();
        if (!ex) return false;
        ex->neuronDock()->show();
        ex->explainDock()->show();
        w.resizeDocks({ex->neuronDock()}, {520}, Qt::Vertical);
        return true;
    }
    TrainingController *controller() const { return w.training()->controller(); }
};

} // namespace

class TestExplain : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void figureRegistered();
    void walkOneSample();
    void weightEditIsUndoable();
    void miniBatchContributions();
    void nextInBatchWalksTheUpcomingBatch();
    void wideLayerSummary();
};

void TestExplain::nextInBatchWalksTheUpcomingBatch()
{
    // "Next in batch" explains the samples of the mini-batch the run trains on next, one after the other (the
    // core's Trainer::upcomingBatch, checked against runBatch in tests/train/tst_trainer); the sample box
    // follows.
    Fixture f;
    QVERIFY(f.open());
    QTRY_COMPARE_WITH_TIMEOUT(f.controller()->status(), TrainingStatus::Ready, 30000);
    ExplainPanel *panel = f.ex->panel();
    panel->batchBox()->setValue(1);
    std::vector<int> seen;
    for (int k = 0; k < 3; ++k) {
        const TracePtr before = f.ex->model()->trace();
        QTest::mouseClick(panel->nextInBatchButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(f.ex->model()->trace() && f.ex->model()->trace() != before, 10000);
        const TracePtr t = f.ex->model()->trace();
        QCOMPARE(t->samples.size(), std::size_t(1));
        QCOMPARE(panel->sampleBox()->value(), t->samples.front());
        seen.push_back(t->samples.front());
    }
    // Three different samples: a batch of XOR's shuffled training set holds each sample once.
    QVERIFY2(seen[0] != seen[1] && seen[1] != seen[2] && seen[0] != seen[2],
             qPrintable(QStringLiteral("%1 %2 %3").arg(seen[0]).arg(seen[1]).arg(seen[2])));
}

void TestExplain::figureRegistered()
{
    Fixture f;
    QVERIFY(f.open());
    const FigureSource *fig = f.w.figures()->find(QStringLiteral("neurons"));
    QVERIFY(fig);
    QTRY_COMPARE_WITH_TIMEOUT(f.controller()->status(), TrainingStatus::Ready, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(f.ex->model()->livePicture() != nullptr, 10000);
    const PicturePtr pic = f.ex->model()->livePicture();
    QCOMPARE(pic->layers.size(), std::size_t(4)); // inputs, hidden_1, hidden_2, output
    QCOMPARE(pic->layers[1].units, 4);
    QCOMPARE(pic->layers[1].maps.size(), std::size_t(4)); // a heatmap per neuron: XOR is 2-D
    QImage img(fig->naturalSize(), QImage::Format_ARGB32);
    img.fill(Qt::transparent);
    {
        QPainter p(&img);
        fig->render(p, QRectF(QPointF(0, 0), QSizeF(img.size())));
    }
    // Something was drawn: the heatmaps are not white.
    int coloured = 0;
    for (int y = 0; y < img.height(); y += 4)
        for (int x = 0; x < img.width(); x += 4) {
            const QColor c = img.pixelColor(x, y);
            coloured += (std::abs(c.red() - c.blue()) > 40);
        }
    QVERIFY(coloured > 20);
}

void TestExplain::walkOneSample()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_COMPARE_WITH_TIMEOUT(f.controller()->status(), TrainingStatus::Ready, 30000);
    ExplainPanel *panel = f.ex->panel();
    ExplainModel *model = f.ex->model();
    NeuronView *view = f.ex->neuronView();
    QTRY_VERIFY_WITH_TIMEOUT(panel->explainButton()->isEnabled(), 10000);
    saveShot(&f.w, QStringLiteral("explain_00_live.png"));
    panel->sampleBox()->setValue(3);
    panel->batchBox()->setValue(1);
    QTest::mouseClick(panel->explainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 10000);
    const TracePtr t = model->trace();
    QCOMPARE(t->samples, std::vector<int>{3});
    QCOMPARE(model->phases().size(), std::size_t(9)); // forward ×4, loss, backward ×3, update
    QCOMPARE(model->phaseIndex(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(f.controller()->status(), TrainingStatus::Paused, 5000);

    const PicturePtr pic = model->picture();
    const NodeTrace &in = *t->find(pic->layers[0].id);
    const NodeTrace &h1 = *t->find(pic->layers[1].id);
    const NodeTrace &out = *t->find(pic->layers[3].id);
    auto text = [&] { return panel->text()->toPlainText(); };
    auto clickNeuron = [&](int c, int r) {
        const QPointF p = view->neuronCenter(c, r);
        QVERIFY(!p.isNull());
        QTest::mouseClick(view, Qt::LeftButton, {}, p.toPoint());
        QCOMPARE(model->selection(), (Selection{Selection::Kind::Neuron, c, r, -1}));
    };
    auto clickEdge = [&](int c, int r, int from) {
        const QPointF p = view->edgePoint(c, r, from, 0.3);
        QVERIFY(!p.isNull());
        QTest::mouseClick(view, Qt::LeftButton, {}, p.toPoint());
        QCOMPARE(model->selection(), (Selection{Selection::Kind::Edge, c, r, from}));
        QVERIFY(view->weightEditor()->isVisible());
        QTest::keyClick(view->weightEditor(), Qt::Key_Escape);
        QVERIFY(!view->weightEditor()->isVisible());
    };

    // 1 · forward: the inputs, then each layer.
    QCOMPARE(model->phase(), (Phase{PhaseKind::Forward, 0}));
    VERIFY_SHOWN(text(), at(in.output, 0, 0));
    VERIFY_SHOWN(text(), at(in.output, 1, 0));
    VERIFY_SHOWN(view->neuronLabel(0, 1), at(in.output, 1, 0));
    saveShot(&f.w, QStringLiteral("explain_01_forward_inputs.png"));
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(model->phase(), (Phase{PhaseKind::Forward, 1}));
    clickNeuron(1, 2);
    {
        const QString s = text();
        const ParamTrace &w = param(h1, "weight");
        const ParamTrace &b = param(h1, "bias");
        VERIFY_SHOWN(s, at(w.before, 2, 0));
        VERIFY_SHOWN(s, at(w.before, 2, 1));
        VERIFY_SHOWN(s, at(h1.inputs[0], 0, 0));
        VERIFY_SHOWN(s, at(h1.inputs[0], 1, 0));
        VERIFY_SHOWN(s, at(b.before, 2, 0));
        VERIFY_SHOWN(s, at(h1.z, 2, 0));
        VERIFY_SHOWN(s, at(h1.output, 2, 0));
        QVERIFY(s.contains(QStringLiteral("tanh")));
        // The neuron view shows z and a of every neuron of the current layer.
        for (int r = 0; r < 4; ++r) {
            VERIFY_SHOWN(view->neuronLabel(1, r), at(h1.z, r, 0));
            VERIFY_SHOWN(view->neuronLabel(1, r), at(h1.output, r, 0));
        }
        QVERIFY(view->neuronLabel(2, 0).isEmpty()); // not reached yet
    }
    saveShot(&f.w, QStringLiteral("explain_02_forward_hidden_1.png"));
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    saveShot(&f.w, QStringLiteral("explain_03_forward_hidden_2.png"));
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(model->phase(), (Phase{PhaseKind::Forward, 3}));
    clickNeuron(3, 0);
    VERIFY_SHOWN(text(), at(out.z, 0, 0));
    VERIFY_SHOWN(text(), at(out.output, 0, 0));
    saveShot(&f.w, QStringLiteral("explain_04_forward_output.png"));

    // 2 · loss: output, target and E (binary cross-entropy of the sample, as the formula says).
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(model->phase().kind, PhaseKind::Loss);
    {
        const double a = at(out.output, 0, 0), y = at(t->target, 0, 0);
        const QString s = text();
        VERIFY_SHOWN(s, a);
        VERIFY_SHOWN(s, y);
        VERIFY_SHOWN(s, t->lossValue);
        QVERIFY2(std::abs(t->lossValue + (y * std::log(a) + (1 - y) * std::log(1 - a))) < 1e-5,
                 qPrintable(QString::number(t->lossValue, 'g', 12)));
        VERIFY_SHOWN(view->neuronLabel(3, 0), y);
    }
    saveShot(&f.w, QStringLiteral("explain_05_loss.png"));

    // 3 · backward, output first: δ = a − y (sigmoid + cross-entropy), then the hidden layers.
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(model->phase(), (Phase{PhaseKind::Backward, 3}));
    {
        const double delta = at(out.gradPre, 0, 0);
        QVERIFY(std::abs(delta - (at(out.output, 0, 0) - at(t->target, 0, 0))) < 1e-6); // float core
        VERIFY_SHOWN(text(), delta);
        VERIFY_SHOWN(view->neuronLabel(3, 0), delta);
        clickEdge(3, 0, 1);
        const double grad = at(param(out, "weight").grad, 0, 1);
        VERIFY_SHOWN(text(), grad);
        VERIFY_SHOWN(text(), at(out.inputs[0], 1, 0));
        QVERIFY(std::abs(grad - delta * at(out.inputs[0], 1, 0)) < 1e-6); // float core
    }
    saveShot(&f.w, QStringLiteral("explain_06_backward_output.png"));
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    saveShot(&f.w, QStringLiteral("explain_07_backward_hidden_2.png"));
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(model->phase(), (Phase{PhaseKind::Backward, 1}));
    clickNeuron(1, 1);
    {
        const QString s = text();
        VERIFY_SHOWN(s, at(h1.gradPre, 1, 0));
        VERIFY_SHOWN(s, at(h1.gradOutput, 1, 0));
        VERIFY_SHOWN(s, 1 - std::pow(at(h1.output, 1, 0), 2)); // tanh′ = 1 − a²
        VERIFY_SHOWN(s, at(param(h1, "bias").grad, 1, 0));
        for (int r = 0; r < 4; ++r)
            VERIFY_SHOWN(view->neuronLabel(1, r), at(h1.gradPre, r, 0));
    }
    clickEdge(1, 1, 0);
    VERIFY_SHOWN(text(), at(param(h1, "weight").grad, 1, 0));
    saveShot(&f.w, QStringLiteral("explain_08_backward_hidden_1.png"));

    // 4 · update: old, −α·∂E/∂w, new for the selected weight; the live picture is the network after the step.
    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(model->phase().kind, PhaseKind::Update);
    QVERIFY(!panel->nextButton()->isEnabled());
    {
        const ParamTrace &w = param(h1, "weight");
        const QString s = text();
        VERIFY_SHOWN(s, at(w.before, 1, 0));
        VERIFY_SHOWN(s, at(w.after, 1, 0));
        VERIFY_SHOWN(s, t->learningRate);
        if (t->optimizer == OptimizerKind::SGD)
            QVERIFY(std::abs(at(w.after, 1, 0) - (at(w.before, 1, 0) - t->learningRate * at(w.grad, 1, 0))) <
                    1e-6);
        QVERIFY(s.contains(at(w.grad, 1, 0) < 0 ? QStringLiteral("grows") : QStringLiteral("shrinks")));
        QCOMPARE(double(model->picture()->layers[1].weight(1, 0)), at(w.after, 1, 0));
        VERIFY_SHOWN(view->neuronLabel(1, 1), at(param(h1, "bias").after, 1, 0));
    }
    saveShot(&f.w, QStringLiteral("explain_09_update.png"));
    saveShot(view, QStringLiteral("explain_neuron_view_update.png"));
    saveShot(panel, QStringLiteral("explain_panel_update.png"));

    // Back walks back; Play runs to the end at its pace.
    QTest::mouseClick(panel->backButton(), Qt::LeftButton);
    QCOMPARE(model->phase(), (Phase{PhaseKind::Backward, 1}));
    model->setPhaseIndex(0);
    QTest::mouseClick(panel->playButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(model->phaseIndex(), 1, 8000);
}

void TestExplain::weightEditIsUndoable()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_COMPARE_WITH_TIMEOUT(f.controller()->status(), TrainingStatus::Ready, 30000);
    ExplainModel *model = f.ex->model();
    NeuronView *view = f.ex->neuronView();
    QTRY_VERIFY_WITH_TIMEOUT(model->livePicture() != nullptr, 10000);
    const double old = double(model->livePicture()->layers[2].weight(1, 3));
    QVERIFY(old != 1.5);
    QTest::mouseClick(view, Qt::LeftButton, {}, view->edgePoint(2, 1, 3, 0.3).toPoint());
    QCOMPARE(model->selection(), (Selection{Selection::Kind::Edge, 2, 1, 3}));
    QLineEdit *editor = view->weightEditor();
    QTRY_VERIFY(editor->isVisible());
    // Bad input: a clear sign, nothing applied.
    editor->setText(QStringLiteral("abc"));
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(editor->isVisible());
    QVERIFY(editor->toolTip().contains(QStringLiteral("abc")));
    editor->setText(QStringLiteral("1.5"));
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(!editor->isVisible());
    // The picture comes from the worker's network: the edit reached the run.
    QTRY_COMPARE_WITH_TIMEOUT(double(model->livePicture()->layers[2].weight(1, 3)), 1.5, 5000);
    QUndoStack *undo = f.w.document()->undoStack();
    QVERIFY(undo->canUndo());
    undo->undo();
    QTRY_COMPARE_WITH_TIMEOUT(double(model->livePicture()->layers[2].weight(1, 3)), old, 5000);
    undo->redo();
    QTRY_COMPARE_WITH_TIMEOUT(double(model->livePicture()->layers[2].weight(1, 3)), 1.5, 5000);
    // A step explained now starts from the edited weight.
    f.ex->panel()->sampleBox()->setValue(0);
    QTest::mouseClick(f.ex->panel()->explainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 10000);
    QCOMPARE(at(param(*model->trace()->find(model->picture()->layers[2].id), "weight").before, 1, 3), 1.5);
}

void TestExplain::miniBatchContributions()
{
    Fixture f;
    QVERIFY(f.open());
    QTRY_COMPARE_WITH_TIMEOUT(f.controller()->status(), TrainingStatus::Ready, 30000);
    ExplainPanel *panel = f.ex->panel();
    ExplainModel *model = f.ex->model();
    QTRY_VERIFY_WITH_TIMEOUT(panel->explainButton()->isEnabled(), 10000);
    // A click on a training point of the output view picks it.
    PlaneCanvas *canvas = f.w.training()->outputView()->canvas();
    QTRY_VERIFY_WITH_TIMEOUT(canvas->plane() != nullptr, 10000);
    const PlanePoints &plane = *canvas->plane();
    emit canvas->planeClicked(QPointF(plane.train(0, 11), plane.train(1, 11)));
    QCOMPARE(panel->sampleBox()->value(), 11);
    panel->sampleBox()->setValue(5);
    panel->batchBox()->setValue(4);
    QCOMPARE(panel->chosenSamples(), (std::vector<int>{5, 6, 7, 8}));
    QTest::mouseClick(panel->explainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 10000);
    const TracePtr t = model->trace();
    QCOMPARE(t->samples.size(), std::size_t(4));
    // To the backward phase of hidden_1, and its weight w(2,1).
    while (model->phase() != Phase{PhaseKind::Backward, 1})
        QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    model->setSelection({Selection::Kind::Edge, 1, 2, 1});
    const NodeTrace &h1 = *t->find(model->picture()->layers[1].id);
    const double grad = at(param(h1, "weight").grad, 2, 1);
    const QString s = panel->text()->toPlainText();
    VERIFY_SHOWN(s, grad);
    double sum = 0;
    for (int n = 0; n < 4; ++n) {
        // δ of the sample's own loss (the trace holds the batch mean's, divided by N) times the input it
        // carried.
        const double contribution = 4 * at(h1.gradPre, 2, n) * at(h1.inputs[0], 1, n);
        VERIFY_SHOWN(s, contribution);
        QVERIFY(s.contains(QStringLiteral("#%1").arg(t->samples[std::size_t(n)])));
        sum += contribution;
    }
    QVERIFY(std::abs(sum / 4 - grad) < 1e-6); // float core
    // The loss phase lists each sample's own error; their mean is E.
    model->setPhaseIndex(4);
    QCOMPARE(model->phase().kind, PhaseKind::Loss);
    VERIFY_SHOWN(panel->text()->toPlainText(), t->lossValue);
    saveShot(&f.w, QStringLiteral("explain_10_batch_loss.png"));
}

void TestExplain::wideLayerSummary()
{
    // A spiral with engineered features and a 32-neuron layer: that layer is a summary strip (no single
    // neurons, no heatmaps), the others stay neurons; the walk still works and the panel lists the layer.
    Fixture f;
    QVERIFY(f.open());
    Project p = makeEmptyProject();
    p.name = "wide";
    p.data.generator = {GeneratorKind::Spiral, 300, 0.1, 1};
    p.data.features = {true, true, true, true, true, true, true};
    p.graph = makeMlp(7, {32, 6}, 1, ActivationKind::ReLU, ActivationKind::Sigmoid);
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    f.w.document()->reset(p);
    TrainingController *c = f.controller();
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    ExplainModel *model = f.ex->model();
    NeuronView *view = f.ex->neuronView();
    QTRY_VERIFY_WITH_TIMEOUT(model->livePicture() && model->livePicture()->layers.size() == 4, 10000);
    const PicturePtr pic = model->livePicture();
    QCOMPARE(pic->layers[0].units, 7);
    QCOMPARE(pic->layers[1].units, 32);
    QVERIFY(pic->layers[1].maps.empty());
    QCOMPARE(pic->layers[2].maps.size(), std::size_t(6));
    QVERIFY(view->neuronCenter(1, 0).isNull());
    QVERIFY(!view->neuronCenter(2, 5).isNull());
    QTRY_VERIFY_WITH_TIMEOUT(f.ex->panel()->explainButton()->isEnabled(), 10000);
    QTest::mouseClick(f.ex->panel()->explainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 10000);
    model->setPhaseIndex(1); // forward through the wide layer
    const NodeTrace &wide = *model->trace()->find(pic->layers[1].id);
    const QString s = f.ex->panel()->text()->toPlainText();
    VERIFY_SHOWN(s, at(wide.z, 31, 0));
    VERIFY_SHOWN(s, at(wide.output, 31, 0));
    saveShot(view, QStringLiteral("explain_wide_forward.png"));
    while (f.ex->panel()->nextButton()->isEnabled())
        QTest::mouseClick(f.ex->panel()->nextButton(), Qt::LeftButton);
    QCOMPARE(model->phase().kind, PhaseKind::Update);
    model->setPhaseIndex(int(model->phases().size()) - 3); // backward through hidden layer 2
    saveShot(&f.w, QStringLiteral("explain_wide_backward.png"));
}

QTEST_MAIN(TestExplain)
#include "tst_explain.moc"
