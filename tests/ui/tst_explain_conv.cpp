// The explain mode through a convolution (issue 10) on the 8×8 digits CNN: one traced step, walked to the
// Conv2D's forward pass (a position clicked on the output map, then stepped), the max pooling, the second
// Conv2D's channels, and back to the first Conv2D's backward pass (a kernel weight clicked): the panel must
// show the Trace's numbers (z, a, b, every tap's k and x, δ, ∂E/∂k, the update, δ sent back), and the Trace's
// sums must add up (the Trace itself is checked against a hand computation in tests/train/tst_trace_conv).
// Screenshots go to <build>/screenshots.
#include "explain/explain_docks.h"
#include "explain/explain_model.h"
#include "explain/explain_panel.h"
#include "explain/window_view.h"
#include "explain_numbers.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "settle.h"
#include "train/conv_explain.h"
#include "training/training_controller.h"

#include <QDir>
#include <QDockWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>

#include <cmath>

using namespace nnp;

namespace {

const ParamTrace &param(const NodeTrace &n, const char *name)
{
    for (const ParamTrace &p : n.params)
        if (p.name == name) return p;
    qFatal("no parameter %s", name);
}

const NodeTrace *named(const Trace &t, const char *name)
{
    for (const NodeTrace &n : t.nodes)
        if (n.name == name) return &n;
    return nullptr;
}

void saveShot(QWidget *w, const QString &name)
{
    testutil::settle();
    const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QString path = dir + QLatin1Char('/') + name;
    if (w->grab().save(path)) qInfo("screenshot: %s", qPrintable(path));
}

/// Relative closeness for sums the float core computed in another order.
bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-5 * std::max(1.0, std::abs(b));
}

} // namespace

class TestExplainConv : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void walkThroughConvolution();
    void miniBatchKernelGradient();
};

void TestExplainConv::miniBatchKernelGradient()
{
    // A mini-batch of 3: a kernel weight's gradient is the mean over the samples of Σ δ·x, and the panel
    // shows the trace's value.
    MainWindow w;
    w.resize(1600, 1000);
    QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/digits_8x8_cnn.nnp")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *ex = w.findChild<ExplainDocks *>();
    QVERIFY(ex);
    ex->explainDock()->show();
    QTRY_COMPARE_WITH_TIMEOUT(w.training()->controller()->status(), TrainingStatus::Ready, 30000);
    ExplainPanel *panel = ex->panel();
    ExplainModel *model = ex->model();
    QTRY_VERIFY_WITH_TIMEOUT(panel->explainButton()->isEnabled(), 10000);
    panel->sampleBox()->setValue(20);
    panel->batchBox()->setValue(3);
    QTest::mouseClick(panel->explainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 10000);
    const TracePtr t = model->trace();
    QCOMPARE(t->samples.size(), std::size_t(3));
    const NodeTrace *conv1 = named(*t, "conv_1");
    QVERIFY(conv1);
    while (!(model->phase().kind == PhaseKind::Backward && model->phase().node == conv1->id))
        QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    // The filter whose weights moved most.
    Eigen::Index f = 0, tap = 0;
    param(*conv1, "weight").grad.cwiseAbs().maxCoeff(&f, &tap);
    const WindowGeometry &g = conv1->window;
    model->setWindowSelection({int(f), 0, 0, 0, int(tap) / g.kw, int(tap) % g.kw});
    const QString shown = panel->text()->toPlainText();
    const double grad = double(param(*conv1, "weight").grad(f, tap));
    VERIFY_SHOWN(shown, grad);
    const KernelGradient kg = kernelGradient(*conv1, int(f), 0, int(tap) / g.kw, int(tap) % g.kw);
    QCOMPARE(kg.samples, 3);
    QCOMPARE(kg.terms.size(), std::size_t(3 * g.outPlane()));
    QVERIFY2(std::abs(kg.total - grad) <= 1e-6 * std::max(1.0, std::abs(grad)),
             qPrintable(QStringLiteral("%1 vs %2").arg(kg.total).arg(grad)));
    QVERIFY(shown.contains(QStringLiteral("(1/3)")));
    QVERIFY(shown.contains(QStringLiteral("#20")));
}

void TestExplainConv::walkThroughConvolution()
{
    MainWindow w;
    w.resize(1600, 1000);
    QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/digits_8x8_cnn.nnp")));
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    auto *ex = w.findChild<ExplainDocks *>();
    QVERIFY(ex);
    ex->explainDock()->show();
    // As on a projector: the Explain dock floated and large.
    ex->explainDock()->setFloating(true);
    ex->explainDock()->resize(1000, 1000);
    TrainingController *controller = w.training()->controller();
    QTRY_COMPARE_WITH_TIMEOUT(controller->status(), TrainingStatus::Ready, 30000);
    ExplainPanel *panel = ex->panel();
    ExplainModel *model = ex->model();
    QTRY_VERIFY_WITH_TIMEOUT(panel->explainButton()->isEnabled(), 10000);
    panel->sampleBox()->setValue(7);
    panel->batchBox()->setValue(1);
    QTest::mouseClick(panel->explainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 10000);
    const TracePtr t = model->trace();
    const NodeTrace *conv1 = named(*t, "conv_1");
    const NodeTrace *pool1 = named(*t, "pool_1");
    const NodeTrace *conv2 = named(*t, "conv_2");
    QVERIFY(conv1 && pool1 && conv2);
    QCOMPARE(conv1->window.outHeight, 8); // `same` padding keeps 8×8
    QCOMPARE(conv2->window.channels, 8);
    auto text = [&] { return panel->text()->toPlainText(); };
    WindowView *view = panel->windowView();
    auto walkTo = [&](PhaseKind kind, NodeId node) {
        while (!(model->phase().kind == kind && model->phase().node == node)) {
            if (!panel->nextButton()->isEnabled()) return false;
            QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
        }
        return true;
    };

    // The input phase is the neuron view's as before: no maps.
    QCOMPARE(model->phase(), (Phase{PhaseKind::Forward, 0}));
    QVERIFY(!view->isVisible());

    // 1 · forward through conv_1: click output pixel (row 4, column 6) of filter 3.
    QVERIFY(walkTo(PhaseKind::Forward, conv1->id));
    QTRY_VERIFY(view->isVisible());
    testutil::settle();
    view->mapBox()->setValue(3);
    const QRect cell = view->canvas()->outputCell(3, 5);
    QVERIFY(!cell.isEmpty());
    QTest::mouseClick(view->canvas(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(model->windowSelection().map, 2);
    QCOMPARE(model->windowSelection().oy, 3);
    QCOMPARE(model->windowSelection().ox, 5);
    auto checkForward = [&](const NodeTrace &nt, int f, int oy, int ox, int channel) {
        const ConvPosition p = convPosition(nt, f, oy, ox, 0);
        const QString s = text();
        const int row = outputIndex(nt.window, f, oy, ox);
        QCOMPARE(p.z, double(nt.z(row, 0)));
        VERIFY_SHOWN(s, p.z);
        VERIFY_SHOWN(s, p.a);
        VERIFY_SHOWN(s, p.bias);
        QCOMPARE(p.bias, double(param(nt, "bias").before(f, 0)));
        for (const WindowTap &tap : p.taps)
            if (tap.channel == channel) {
                VERIFY_SHOWN(s, tap.kernel);
                VERIFY_SHOWN(s, tap.input);
                VERIFY_SHOWN(s, tap.kernel * tap.input);
                QCOMPARE(
                    tap.kernel,
                    double(
                        param(nt, "weight").before(f, kernelIndex(nt.window, tap.channel, tap.ki, tap.kj))));
            }
        QVERIFY2(near(p.sum + p.bias, p.z),
                 qPrintable(QStringLiteral("%1 vs %2").arg(p.sum + p.bias).arg(p.z)));
        QVERIFY(near(p.a, std::max(0.0, p.z))); // ReLU
    };
    checkForward(*conv1, 2, 3, 5, 0);
    QVERIFY(text().contains(QStringLiteral("ReLU")));
    saveShot(&w, QStringLiteral("explain_conv_forward.png"));
    saveShot(panel, QStringLiteral("explain_conv_forward_panel.png"));
    // Step the window: the next position in reading order.
    QTest::mouseClick(view->nextPositionButton(), Qt::LeftButton);
    QCOMPARE(model->windowSelection().ox, 6);
    checkForward(*conv1, 2, 3, 6, 0);
    // A window at the border reads the zero padding.
    QTest::mouseClick(view->canvas(), Qt::LeftButton, {}, view->canvas()->outputCell(0, 0).center());
    QCOMPARE(model->windowSelection().oy, 0);
    QCOMPARE(model->windowSelection().ox, 0);
    checkForward(*conv1, 2, 0, 0, 0);
    QVERIFY(text().contains(QStringLiteral("padding")));

    // Max pooling: the window's largest value wins. The channel and position with the largest output, so the
    // winner is not a tie of zeros; the input map shows the pooled channel.
    QVERIFY(walkTo(PhaseKind::Forward, pool1->id));
    {
        const WindowGeometry &pg = pool1->window;
        Eigen::Index top = 0;
        pool1->output.col(0).maxCoeff(&top);
        const int pc = int(top) / pg.outPlane(), py = (int(top) % pg.outPlane()) / pg.outWidth,
                  px = int(top) % pg.outWidth;
        view->mapBox()->setValue(pc + 1);
        QTest::mouseClick(view->canvas(), Qt::LeftButton, {}, view->canvas()->outputCell(py, px).center());
        QCOMPARE(model->windowSelection().map, pc);
        QCOMPARE(model->windowSelection().oy, py);
        QCOMPARE(model->windowSelection().ox, px);
        QCOMPARE(view->canvas()->inputChannel(), pc);
        const PoolPosition p = poolPosition(*pool1, pc, py, px, 0);
        QCOMPARE(p.taps.size(), std::size_t(4));
        QVERIFY(p.winner >= 0);
        QVERIFY(p.output > 0);
        QCOMPARE(p.output, p.taps[std::size_t(p.winner)].input);
        // The winner is the input conv_1 gave at that pixel of that channel.
        const WindowTap &win = p.taps[std::size_t(p.winner)];
        QCOMPARE(p.output, double(conv1->output(outputIndex(conv1->window, pc, win.y, win.x), 0)));
        for (const WindowTap &tap : p.taps)
            VERIFY_SHOWN(text(), tap.input);
        VERIFY_SHOWN(text(), p.output);
    }
    saveShot(panel, QStringLiteral("explain_conv_pool_panel.png"));

    // conv_2 has 8 input channels: choose channel 5 and see its taps.
    QVERIFY(walkTo(PhaseKind::Forward, conv2->id));
    view->channelBox()->setValue(5);
    QCOMPARE(model->windowSelection().channel, 4);
    {
        const WindowSelection s = model->windowSelection();
        checkForward(*conv2, s.map, s.oy, s.ox, 4);
    }

    // 3 · backward through conv_1: the chosen kernel weight's gradient, its update, δ sent back.
    // 3 · backward through pool_1: the gradient goes to the window's winner only.
    QVERIFY(walkTo(PhaseKind::Backward, pool1->id));
    {
        const WindowGeometry &pg = pool1->window;
        Eigen::Index top = 0;
        pool1->gradOutput.col(0).cwiseAbs().maxCoeff(&top);
        QVERIFY(pool1->gradOutput(top, 0) != 0);
        const int pc = int(top) / pg.outPlane(), py = (int(top) % pg.outPlane()) / pg.outWidth,
                  px = int(top) % pg.outWidth;
        view->mapBox()->setValue(pc + 1);
        QTest::mouseClick(view->canvas(), Qt::LeftButton, {}, view->canvas()->outputCell(py, px).center());
        const PoolPosition p = poolPosition(*pool1, pc, py, px, 0);
        QCOMPARE(p.delta, double(pool1->gradOutput(top, 0)));
        VERIFY_SHOWN(text(), p.delta);
        VERIFY_SHOWN(text(), p.taps[std::size_t(p.winner)].input);
        // conv_1 received exactly that at the winner's pixel (its ∂E/∂a).
        const WindowTap &win = p.taps[std::size_t(p.winner)];
        QVERIFY(near(double(conv1->gradOutput(outputIndex(conv1->window, pc, win.y, win.x), 0)), p.delta));
    }

    // The filter and output position with the largest δ, and that filter's weight with the largest gradient,
    // so that the numbers checked are not zeros.
    QVERIFY(walkTo(PhaseKind::Backward, conv1->id));
    const WindowGeometry &g = conv1->window;
    Eigen::Index big = 0;
    conv1->gradPre.col(0).cwiseAbs().maxCoeff(&big);
    QVERIFY(conv1->gradPre(big, 0) != 0);
    const int bf = int(big) / g.outPlane(), by = (int(big) % g.outPlane()) / g.outWidth,
              bx = int(big) % g.outWidth;
    Eigen::Index bigTap = 0;
    param(*conv1, "weight").grad.row(bf).cwiseAbs().maxCoeff(&bigTap);
    const int bi = int(bigTap) / g.kw, bj = int(bigTap) % g.kw;
    view->mapBox()->setValue(bf + 1);
    QTest::mouseClick(view->canvas(), Qt::LeftButton, {}, view->canvas()->outputCell(by, bx).center());
    QTest::mouseClick(view->canvas(), Qt::LeftButton, {}, view->canvas()->kernelCell(bi, bj).center());
    const WindowSelection s = model->windowSelection();
    QCOMPARE(s, (WindowSelection{bf, by, bx, 0, bi, bj}));
    {
        const QString shown = text();
        const int row = outputIndex(g, s.map, by, bx);
        VERIFY_SHOWN(shown, double(conv1->gradPre(row, 0))); // δ (one sample: the batch mean is the sample's)
        VERIFY_SHOWN(shown, double(conv1->gradOutput(row, 0))); // ∂E/∂a
        const ParamTrace &wt = param(*conv1, "weight");
        const int col = kernelIndex(g, 0, bi, bj);
        const double grad = double(wt.grad(s.map, col));
        VERIFY_SHOWN(shown, grad);
        VERIFY_SHOWN(shown, double(wt.before(s.map, col)));
        VERIFY_SHOWN(shown, double(wt.after(s.map, col)));
        VERIFY_SHOWN(shown, t->learningRate);
        VERIFY_SHOWN(shown, double(param(*conv1, "bias").grad(s.map, 0)));
        // The sum of δ·x over the positions is the trace's gradient; the first terms are on screen.
        QVERIFY(grad != 0);
        const KernelGradient kg = kernelGradient(*conv1, s.map, 0, bi, bj);
        QVERIFY2(std::abs(kg.total - grad) <= 1e-6 * std::max(1.0, std::abs(grad)),
                 qPrintable(QStringLiteral("%1 vs %2").arg(kg.total).arg(grad)));
        int checked = 0;
        for (const GradTerm &term : kg.terms)
            if (term.delta != 0 && term.input != 0 && checked < 3) {
                VERIFY_SHOWN(shown, term.delta);
                VERIFY_SHOWN(shown, term.input);
                ++checked;
            }
        // δ sent back to the patch: δ·k for each tap of the window.
        for (double v : deltaToPatch(*conv1, s.map, by, bx, 0))
            VERIFY_SHOWN(shown, v);
    }
    saveShot(&w, QStringLiteral("explain_conv_backward.png"));
    saveShot(panel, QStringLiteral("explain_conv_backward_panel.png"));

    // What conv_2 sends back is what pool_1 received (∂E/∂a of pool_1), for every pixel.
    {
        const std::vector<double> dx = inputGradient(*conv2, 0);
        QCOMPARE(Eigen::Index(dx.size()), pool1->gradOutput.rows());
        for (std::size_t k = 0; k < dx.size(); ++k)
            QVERIFY(near(dx[k], double(pool1->gradOutput(Eigen::Index(k), 0))));
    }

    // Leaving the convolution's stops hides the maps again.
    while (panel->nextButton()->isEnabled())
        QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
    QCOMPARE(model->phase().kind, PhaseKind::Update);
    QVERIFY(!view->isVisible());
    // The Update phase's table lists every trained parameter: both convolutions' kernels and biases, not only
    // the Dense weights (it listed Dense only), each with its value after the step.
    const QString updated = text();
    int tensors = 0;
    for (const NodeTrace &n : t->nodes)
        for (const ParamTrace &p : n.params) {
            QVERIFY2(updated.contains(QString::fromStdString(n.name)), n.name.c_str());
            VERIFY_SHOWN(updated, double(p.after(0, 0)));
            ++tensors;
        }
    QCOMPARE(tensors, 6); // conv_1, conv_2 and the Dense output: weight and bias each
}

QTEST_MAIN(TestExplainConv)
#include "tst_explain_conv.moc"
