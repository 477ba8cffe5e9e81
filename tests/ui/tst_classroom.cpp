// Issue 12, the classroom: new hidden layers start with ReLU, a pace with units at which samples open, a
// toolbar that keeps its width, the classic mistakes shown before Play with one-click fixes, divergence
// messages that name the cause, and the small things of the trial (wheel over spin boxes, the status bar
// after Reset, the error banner, undo texts, toolbar mnemonics, drops at the edge, numbers for students, the
// test loss drawn by default).
#include "commands/graph_commands.h"
#include "explain/explain_text.h"
#include "i18n/language.h"
#include "panels/data_panel.h"
#include "panels/problems_bar.h"
#include "plots/loss_plot.h"
#include "training/training_pace.h"

#include "main_window_driver.h"
#include "settle.h"

#include <QCheckBox>
#include <QLabel>
#include <QWheelEvent>

using namespace nnp;
using namespace nnp::testutil;

namespace {
QString sample(const char *name)
{
    return QStringLiteral(NNP_SOURCE_DIR "/samples/") + QString::fromLatin1(name);
}

/// The last node of this kind in the document.
NodeId last(const GraphDocument *doc, LayerKind kind)
{
    const auto &nodes = doc->graph().nodes;
    for (auto it = nodes.rbegin(); it != nodes.rend(); ++it)
        if (it->kind == kind) return it->id;
    return -1;
}

void setActivation(GraphDocument *doc, NodeId id, ActivationKind f)
{
    const NodeSpec *n = doc->graph().find(id);
    LayerOptions o = n->options;
    o.set(opt::activation, f);
    doc->undoStack()->push(new ChangeNodeOptionsCommand(doc, id, n->name, o, QStringLiteral("activation")));
}

bool wheel(QWidget *w, int steps)
{
    const QPointF at(w->width() / 2.0, w->height() / 2.0);
    QWheelEvent e(at, w->mapToGlobal(at), QPoint(), QPoint(0, 120 * steps), Qt::NoButton, Qt::NoModifier,
                  Qt::NoScrollPhase, false);
    return QApplication::sendEvent(w, &e);
}
} // namespace

class TestClassroom : public QObject, protected MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_classroom"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void newDenseLayersStartWithRelu();
    void paceHasUnitsAndSamplesOpenAtAClassPace();
    void paceNeverSlowsDownToTheRight();
    void toolbarKeepsItsWidthBetweenPlayAndPause();
    void linearOutputWithBinaryLossIsFixedInOneClick();
    void missingSoftmaxIsAddedInOneClick();
    void wheelOverAnUnfocusedSpinBoxChangesNothing();
    void statusBarForgetsTheFinishedRunAfterReset();
    void bannerLeavesRoomForTheCurves();
    void undoTextNamesTheKindOnce();
    void toolbarButtonsShowNoMnemonics();
    void layerDroppedAtTheEdgeLandsInside();
    void explainNumbersAreWrittenForStudents();
    void testLossIsDrawnWithoutAValidationSplit();
    void divergenceOnAnUnscaledTargetSaysSo();
    void unscaledTargetIsScaledInOneClick();
};

void TestClassroom::newDenseLayersStartWithRelu()
{
    const NodeId id = dropLayer(LayerKind::Dense, {700, 300});
    QVERIFY(id >= 0);
    QVERIFY(m_window->document()->graph().find(id)->options.get(opt::activation) == ActivationKind::ReLU);
}

void TestClassroom::paceHasUnitsAndSamplesOpenAtAClassPace()
{
    QVERIFY(m_window->loadFile(sample("spiral.nnp")));
    TrainingToolbar *bar = m_window->training()->toolbar();
    TrainingController *c = m_window->training()->controller();
    // Spiral's 300 epochs take about a minute, not 3 s.
    QCOMPARE(c->paceLevel(), defaultPaceLevel(300));
    QCOMPARE(paceForLevel(c->paceLevel()).unit, TrainingPace::Unit::Epochs);
    QCOMPARE(paceForLevel(c->paceLevel()).perSecond, 5.0);
    QCOMPARE(bar->paceValueText(), QStringLiteral("5 epochs/s"));
    QCOMPARE(bar->paceSlider()->value(), c->paceLevel());
    bar->paceSlider()->setValue(1);
    QCOMPARE(c->paceLevel(), 1);
    QCOMPARE(bar->paceValueText(), QStringLiteral("1 step/s"));
    bar->paceSlider()->setValue(bar->paceSlider()->maximum());
    QCOMPARE(bar->paceValueText(), QStringLiteral("As fast as possible"));
    // The MNIST subset's 10 epochs at 1 epoch/s, not under a second.
    QVERIFY(m_window->loadFile(sample("mnist_subset.nnp")));
    QCOMPARE(bar->paceValueText(), QStringLiteral("1 epoch/s"));
    QCOMPARE(bar->paceSlider()->value(), c->paceLevel());
}

void TestClassroom::paceNeverSlowsDownToTheRight()
{
    for (double perEpoch : {1.0, 20.0, 50.0, 1000.0}) {
        double before = 0;
        for (int level = 1; level < kPaceLevels; ++level) {
            const double rate = batchesPerSecond(level, perEpoch);
            QVERIFY2(rate >= before && rate > 0, qPrintable(QStringLiteral("level %1").arg(level)));
            before = rate;
        }
        QCOMPARE(batchesPerSecond(kPaceLevels, perEpoch), 0.0); // as fast as possible
    }
    QCOMPARE(batchesPerSecond(8, 50), 250.0); // spiral: 5 epochs/s of 50 batches
    QCOMPARE(batchesPerSecond(3, 50), 5.0);   // 5 steps/s
}

void TestClassroom::toolbarKeepsItsWidthBetweenPlayAndPause()
{
    QVERIFY(m_window->loadFile(sample("spiral.nnp")));
    TrainingToolbar *bar = m_window->training()->toolbar();
    TrainingController *c = m_window->training()->controller();
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    settle();
    auto *status = bar->settingsBar()->findChild<QLabel *>(QStringLiteral("statusLabel"));
    QVERIFY(status);
    // At 1600 px every control, the state label too, is on the toolbar, none in its overflow menu.
    QVERIFY2(status->isVisible(), "the state label fell into the toolbar's overflow menu");
    QVERIFY(bar->geometry().right() <= m_window->width());
    QVERIFY(bar->settingsBar()->geometry().right() <= m_window->width());
    const int sliderX = bar->paceSlider()->mapTo(bar, QPoint()).x();
    bar->paceSlider()->setValue(1); // slow: still running when we look
    QCOMPARE(bar->playAction()->text(), QStringLiteral("Play"));
    clickToolButton(bar->playAction());
    QCOMPARE(bar->playAction()->text(), QStringLiteral("Pause"));
    settle();
    QCOMPARE(bar->paceSlider()->mapTo(bar, QPoint()).x(), sliderX); // the slider stays under the mouse
    QVERIFY(status->isVisible());
    clickToolButton(bar->playAction());
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Paused, 10000);
    settle();
    QCOMPARE(bar->paceSlider()->mapTo(bar, QPoint()).x(), sliderX);
}

void TestClassroom::linearOutputWithBinaryLossIsFixedInOneClick()
{
    QVERIFY(m_window->loadFile(sample("spiral.nnp")));
    GraphDocument *doc = m_window->document();
    ProblemsBar *problems = m_window->problemsBar();
    QAction *play = m_window->training()->toolbar()->playAction();
    QVERIFY(!problems->isVisible());
    QVERIFY(play->isEnabled() || m_window->training()->controller()->status() == TrainingStatus::Preparing);
    const NodeId out = last(doc, LayerKind::Dense);
    setActivation(doc, out, ActivationKind::Linear); // the trial's mistake
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->texts().size(), 1);
    QVERIFY2(problems->texts().front().contains(QStringLiteral("sigmoid")),
             qPrintable(problems->texts().front()));
    QTRY_VERIFY2_WITH_TIMEOUT(!play->isEnabled(), "Play must not start a network that cannot train", 30000);
    settle();
    const QString shots = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(shots);
    QVERIFY(m_window->grab().save(shots + QStringLiteral("/problems_bar.png"))); // to look at
    const QList<QPushButton *> fixes = problems->fixButtons();
    QCOMPARE(fixes.size(), 1);
    QCOMPARE(fixes.front()->text(), QStringLiteral("Use Sigmoid"));
    QTest::mouseClick(fixes.front(), Qt::LeftButton);
    settle();
    QVERIFY(doc->graph().find(out)->options.get(opt::activation) == ActivationKind::Sigmoid);
    QVERIFY(!problems->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(play->isEnabled(), 30000);
    // One undo step takes the fix back.
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Fix: Use Sigmoid"));
    doc->undoStack()->undo();
    QVERIFY(doc->graph().find(out)->options.get(opt::activation) == ActivationKind::Linear);
    QVERIFY(problems->isVisible());
}

void TestClassroom::missingSoftmaxIsAddedInOneClick()
{
    QVERIFY(m_window->loadFile(sample("iris.nnp")));
    GraphDocument *doc = m_window->document();
    const NodeId logits = last(doc, LayerKind::Dense);
    doc->removeItems({last(doc, LayerKind::Softmax)});
    QVERIFY(doc->validation().ok());
    QVERIFY(!doc->canTrain()); // sparse categorical cross-entropy without Softmax
    QCOMPARE(doc->fitProblems().size(), std::size_t(1));
    QCOMPARE(doc->fitProblems().front().diagnostic.code, DiagnosticCode::NoSoftmaxForCategorical);
    const QList<QPushButton *> fixes = m_window->problemsBar()->fixButtons();
    QCOMPARE(fixes.size(), 1);
    QTest::mouseClick(fixes.front(), Qt::LeftButton);
    settle();
    const NodeId softmax = last(doc, LayerKind::Softmax);
    QVERIFY(softmax >= 0);
    QCOMPARE(doc->graph().inputsOf(softmax).size(), std::size_t(1));
    QCOMPARE(doc->graph().inputsOf(softmax).front().from, logits);
    QVERIFY2(doc->validation().ok(), doc->validation().summary().c_str());
    QVERIFY(doc->canTrain());
    QVERIFY(m_window->scene()->nodeItem(softmax));
}

void TestClassroom::wheelOverAnUnfocusedSpinBoxChangesNothing()
{
    m_window->scene()->clearSelection();
    auto *batch = m_window->inspector()->findChild<QSpinBox *>(QStringLiteral("batchSize"));
    QVERIFY(batch);
    m_window->inspector()->parentWidget()->raise();
    settle();
    m_window->view()->setFocus();
    const int before = batch->value();
    wheel(batch, -1);
    QCOMPARE(batch->value(), before); // the trial: batch 32 became 31
    QVERIFY(!batch->hasFocus());
    batch->setFocus();                                          // clicked into: now the wheel is meant for it
    QVERIFY(batch->hasFocus() || !QApplication::focusWidget()); // offscreen may not give focus
    if (batch->hasFocus()) {
        wheel(batch, 1);
        QCOMPARE(batch->value(), before + 1);
    }
}

void TestClassroom::statusBarForgetsTheFinishedRunAfterReset()
{
    Project p = makeEmptyProject();
    p.graph = makeMlp(2, {4}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.epochs = 2;
    m_window->document()->reset(p);
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    t->toolbar()->paceSlider()->setValue(kPaceLevels);
    clickToolButton(t->toolbar()->playAction());
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Finished, 60000);
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("Finished")),
             qPrintable(m_window->statusBar()->currentMessage()));
    clickToolButton(t->toolbar()->resetAction());
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    QVERIFY2(!m_window->statusBar()->currentMessage().contains(QStringLiteral("Finished")),
             qPrintable(m_window->statusBar()->currentMessage()));
}

void TestClassroom::bannerLeavesRoomForTheCurves()
{
    LossPlot plot;
    plot.resize(420, 300);
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    const QString longMessage =
        QStringLiteral("Training diverged in epoch 3: ") +
        QStringLiteral("the loss became infinite, not a number, or exploded. ").repeated(8);
    plot.setBanner(longMessage, true);
    settle();
    QVERIFY2(plot.plotHeight() >= 150, qPrintable(QString::number(plot.plotHeight())));
    QCOMPARE(plot.bannerText(), longMessage);
}

void TestClassroom::undoTextNamesTheKindOnce()
{
    GraphDocument *doc = m_window->document();
    doc->addNode(LayerKind::Add, {0, 0});
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("New Add layer"));
    doc->addNode(LayerKind::Dense, {0, 200});
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("New Dense layer"));
}

void TestClassroom::toolbarButtonsShowNoMnemonics()
{
    QCOMPARE(withoutMnemonic(QStringLiteral("新建(&N)")), QStringLiteral("新建"));
    QCOMPARE(withoutMnemonic(QStringLiteral("打开(&O)…")), QStringLiteral("打开…"));
    QCOMPARE(withoutMnemonic(QStringLiteral("&Open…")), QStringLiteral("Open…"));
    QCOMPARE(withoutMnemonic(QStringLiteral("Save && quit")), QStringLiteral("Save & quit"));
    auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("editToolBar"));
    QVERIFY(bar);
    for (QAction *a : bar->actions())
        if (!a->isSeparator()) QVERIFY2(!a->iconText().contains(QLatin1Char('&')), qPrintable(a->iconText()));
}

void TestClassroom::layerDroppedAtTheEdgeLandsInside()
{
    GraphView *view = m_window->view();
    const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
    const NodeId id = dropLayer(LayerKind::Dense, {3, view->viewport()->height() - 3});
    QVERIFY(id >= 0);
    const NodeSpec *n = m_window->document()->graph().find(id);
    const QRectF block(n->x, n->y, NodeItem::kWidth, NodeItem::kHeight);
    QVERIFY2(visible.contains(block), qPrintable(QStringLiteral("%1,%2 outside").arg(n->x).arg(n->y)));
}

void TestClassroom::explainNumbersAreWrittenForStudents()
{
    QCOMPARE(ExplainText::number(3.2e-8), QStringLiteral("3.2×10⁻⁸"));
    QCOMPARE(ExplainText::number(-1.234e-5), QStringLiteral("−1.23×10⁻⁵"));
    QCOMPARE(ExplainText::number(9.999e-4), QStringLiteral("1×10⁻³"));
    QCOMPARE(ExplainText::number(0.5), QStringLiteral("0.5000"));
    QCOMPARE(ExplainText::number(2.0), QStringLiteral("2"));
    QCOMPARE(ExplainText::number(1.5e7), QStringLiteral("1.5×10⁷"));
}

void TestClassroom::testLossIsDrawnWithoutAValidationSplit()
{
    QVERIFY(m_window->loadFile(sample("xor.nnp"))); // validation 0, test 0.5: TF Playground's setup
    QCOMPARE(m_window->document()->preprocessing().split.validation, 0.0);
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    t->toolbar()->paceSlider()->setValue(kPaceLevels);
    clickToolButton(t->toolbar()->playAction());
    QTRY_VERIFY_WITH_TIMEOUT(c->history().size() >= 3, 60000);
    if (c->status() == TrainingStatus::Running) c->pause(); // flat out, it may have finished already
    QTRY_VERIFY_WITH_TIMEOUT(c->status() != TrainingStatus::Running, 10000);
    settle();
    QVERIFY(c->history().back().testLoss.has_value());
    QVERIFY(t->lossPlot()->testPointCount() >= 3);
}

void TestClassroom::divergenceOnAnUnscaledTargetSaysSo()
{
    QVERIFY(m_window->loadFile(sample("sat_act.nnp"))); // the target, SATQ, runs from 200 to 800
    GraphDocument *doc = m_window->document();
    TrainingConfig cfg = doc->training();
    cfg.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    cfg.optimizer.learningRate = 1.0;
    doc->undoStack()->push(new ChangeHyperparametersCommand(doc, cfg, QStringLiteral("optimizer")));
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    t->toolbar()->paceSlider()->setValue(kPaceLevels);
    clickToolButton(t->toolbar()->playAction());
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Diverged, 60000);
    QVERIFY2(c->message().contains(QStringLiteral("the target reaches")), qPrintable(c->message()));
    QVERIFY(!t->toolbar()->playAction()->isEnabled());
}

void TestClassroom::unscaledTargetIsScaledInOneClick()
{
    QVERIFY(m_window->loadFile(sample("sat_act.nnp"))); // SATQ runs from 200 to 800
    GraphDocument *doc = m_window->document();
    ProblemsBar *problems = m_window->problemsBar();
    auto *data = m_window->findChild<DataPanel *>();
    QVERIFY(data);
    QVERIFY(!doc->preprocessing().scaleTarget);
    QVERIFY(!data->scaleTargetBox()->isChecked());
    QVERIFY(problems->isVisible());
    QCOMPARE(doc->fitProblems().size(), std::size_t(1));
    QCOMPARE(doc->fitProblems().front().diagnostic.code, DiagnosticCode::UnscaledTarget);
    QVERIFY(doc->canTrain()); // a warning: the run may still start
    QVERIFY2(problems->texts().front().contains(QStringLiteral("far from unit scale")),
             qPrintable(problems->texts().front()));
    const QList<QPushButton *> fixes = problems->fixButtons();
    QCOMPARE(fixes.size(), 1);
    QCOMPARE(fixes.front()->text(), QStringLiteral("Scale the target"));
    QTest::mouseClick(fixes.front(), Qt::LeftButton);
    settle();
    QVERIFY(doc->preprocessing().scaleTarget);
    QVERIFY(data->scaleTargetBox()->isChecked()); // the Data panel shows the setting the fix turned on
    QVERIFY(doc->fitProblems().empty());
    QVERIFY(!problems->isVisible());
    QCOMPARE(doc->undoStack()->undoText(), QStringLiteral("Fix: Scale the target"));
    doc->undoStack()->undo();
    QVERIFY(!doc->preprocessing().scaleTarget);
    QVERIFY(!data->scaleTargetBox()->isChecked());
    QVERIFY(problems->isVisible());
    // The Data panel's box does the same; training then stores the scaler with the weights.
    data->scaleTargetBox()->click();
    QVERIFY(doc->preprocessing().scaleTarget);
    QVERIFY(doc->fitProblems().empty());
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Ready, 30000);
    t->toolbar()->paceSlider()->setValue(kPaceLevels);
    clickToolButton(t->toolbar()->stepEpochAction());
    QTRY_VERIFY_WITH_TIMEOUT(!doc->project().weights.empty(), 30000);
    QVERIFY(doc->project().targetScaler.has_value());
    QVERIFY(doc->project().targetScaler->offset(0) > 300); // the mean SATQ, in its own units
}

QTEST_MAIN(TestClassroom)
#include "tst_classroom.moc"
