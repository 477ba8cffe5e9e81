// Runs side by side (issue 12, "Done when": a comparison of SGD and Adam on spiral is exported as a figure by
// a test). Opens samples/spiral.nnp, trains a few epochs with SGD, keeps the run, switches to Adam in the
// inspector, resets, trains and keeps again; the Compare runs dock then shows both runs labelled by what
// differs, its curves are the runs' recorded losses, the figure export writes a picture that is not blank,
// and removing and clearing work. A screenshot of the window at 1600×1000 goes to <build>/screenshots.
#include "export/figure_export.h"
#include "figures/figure_registry.h"
#include "panels/on_screen.h"
#include "runs/compare_view.h"
#include "runs/run_shelf.h"
#include "runs/runs_docks.h"
#include "training/training_pace.h"

#include "main_window_driver.h"
#include "settle.h"

#include <QSet>
#include <QSvgRenderer>
#include <QToolBar>
#include <QTranslator>
#include <qcustomplot.h>

using namespace nnp;
using namespace nnp::testutil;

class TestCompareRuns : public QObject, public MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_compare_runs"); }
    void sgdAgainstAdamOnSpiral();
    void hiddenViewWaitsAndCatchesUp();

private:
    RunsDocks *runs() const { return m_window->findChild<RunsDocks *>(); }
    /// Step epoch `n` times with the toolbar's button, waiting for each epoch to arrive.
    void trainEpochs(int n);
    void chooseOptimizer(OptimizerKind kind);
    /// Clicks Keep run on the first toolbar row.
    void clickKeep();
};

void TestCompareRuns::clickKeep()
{
    auto *bar = m_window->findChild<QToolBar *>(QStringLiteral("editToolBar"));
    QVERIFY(bar);
    auto *button = qobject_cast<QToolButton *>(bar->widgetForAction(runs()->keepAction()));
    QVERIFY(button && button->isVisible() && button->isEnabled());
    button->click();
}

void TestCompareRuns::trainEpochs(int n)
{
    TrainingController *c = m_window->training()->controller();
    for (int i = 0; i < n; ++i) {
        const std::size_t before = c->history().size();
        clickToolButton(m_window->training()->toolbar()->stepEpochAction());
        QTRY_COMPARE_WITH_TIMEOUT(c->history().size(), before + 1, 20000);
    }
    QTRY_VERIFY_WITH_TIMEOUT(!c->isRunning() && c->pendingSteps() == 0, 20000);
    settle();
}

void TestCompareRuns::chooseOptimizer(OptimizerKind kind)
{
    click(toView(QPointF(0, -600))); // the empty canvas: the inspector shows the run's settings
    QVERIFY(!m_window->inspector()->showsLayer());
    QVERIFY(chooseByKeys(m_window->inspector()->hyperparametersForm()->optimizerBox(), int(kind)));
    QVERIFY(m_window->document()->training().optimizer.kind == kind);
}

void TestCompareRuns::sgdAgainstAdamOnSpiral()
{
    openWindow();
    QVERIFY(m_window->loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/spiral.nnp")));
    RunsDocks *r = runs();
    QVERIFY(r);
    RunShelf *shelf = r->shelf();
    CompareView *view = r->view();
    QAction *keep = r->keepAction();
    QVERIFY(!keep->isEnabled()); // nothing trained yet
    QVERIFY(view->curve(0, false) == nullptr);

    // Run 1: SGD.
    chooseOptimizer(OptimizerKind::SGD);
    trainEpochs(4);
    QVERIFY(keep->isEnabled());
    QVERIFY(view->curve(0, false)); // the current run is drawn before it is kept
    clickKeep();
    QCOMPARE(shelf->runs().size(), std::size_t(1));
    QCOMPARE(view->cardLabels(), QStringList{"Run 1 (reference)"});

    // Run 2: Adam. Changing the optimizer of a trained run marks it stale; Reset starts the new one (the kept
    // run is not kept twice).
    chooseOptimizer(OptimizerKind::Adam);
    clickToolButton(m_window->training()->toolbar()->resetAction());
    QTRY_VERIFY(m_window->training()->controller()->history().empty());
    QCOMPARE(shelf->runs().size(), std::size_t(1));
    trainEpochs(4);
    // Before it is kept, the current run is drawn and labelled against the reference.
    QVERIFY(view->cardLabels().last().startsWith("Current run: SGD → Adam"));
    clickKeep();
    QCOMPARE(shelf->runs().size(), std::size_t(2));

    const QStringList labels = view->cardLabels();
    QCOMPARE(labels.size(), 2);
    QCOMPARE(labels[0], QStringLiteral("Run 1 (reference)"));
    QVERIFY2(labels[1].startsWith(QStringLiteral("Run 2: SGD → Adam")), qPrintable(labels[1]));
    const auto &entries = shelf->runs().entries();
    QVERIFY(entries[0].record.settings.training.optimizer.kind == OptimizerKind::SGD);
    QVERIFY(entries[1].record.settings.training.optimizer.kind == OptimizerKind::Adam);
    const auto differences = settingsDifferences(entries[0].record.settings, entries[1].record.settings);
    QVERIFY(!differences.empty());
    QVERIFY(differences.front().code == RunChange::Optimizer);

    // The curves are the runs' recorded losses: training solid, test dashed, in the run's colour.
    for (const auto &e : entries) {
        const int number = e.record.number;
        QCOMPARE(e.record.history.size(), std::size_t(4));
        QCPGraph *train = view->curve(number, false);
        QCPGraph *test = view->curve(number, true);
        QVERIFY(train && test);
        QCOMPARE(train->data()->size(), 4);
        QCOMPARE(test->data()->size(), 4);
        for (int i = 0; i < 4; ++i) {
            const EpochRecord &h = e.record.history[static_cast<std::size_t>(i)];
            QVERIFY(h.testLoss); // spiral has a test split: the test loss is drawn by default
            QCOMPARE(train->data()->at(i)->key, double(h.epoch));
            QCOMPARE(train->data()->at(i)->value, h.trainLoss);
            QCOMPARE(test->data()->at(i)->value, *h.testLoss);
        }
        QCOMPARE(train->pen().style(), Qt::SolidLine);
        QCOMPARE(test->pen().style(), Qt::DashLine);
        QCOMPARE(train->pen().color(), CompareView::runColor(number));
        QCOMPARE(train->name(), shelf->label(e.record));
        QVERIFY(e.picture.plane && e.picture.boundary); // 2-D data: the final boundary is kept
    }
    QVERIFY(CompareView::runColor(1) != CompareView::runColor(2));
    QVERIFY(view->curve(0, false) == nullptr); // the current run is kept: drawn once
    // The training and test curves can be hidden and shown again.
    view->testBox()->click();
    QVERIFY(view->curve(1, true) == nullptr);
    view->testBox()->click();
    QVERIFY(view->curve(1, true));

    // Export the comparison through File > Export > Figure's dialog, opened by the view's button.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const FigureSource *figure = m_window->figures()->find(QStringLiteral("compare"));
    int exportedHeight = 0;
    QVERIFY(figure);
    const QString png = dir.filePath(QStringLiteral("sgd_vs_adam.png"));
    {
        auto *button = view->findChild<QPushButton *>(QStringLiteral("exportFigure"));
        QVERIFY(button && button->isEnabled());
        button->click();
        auto *dialog = m_window->findChild<FigureExportDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(dialog->figureBox()->currentData().toString(), QStringLiteral("compare"));
        QVERIFY(chooseByKeys(dialog->formatBox(), int(FigureFormat::Png)));
        dialog->widthBox()->setValue(1600);
        dialog->pathEdit()->setText(png);
        QVERIFY2(dialog->exportNow(), qPrintable(dialog->messageLabel()->text()));
        exportedHeight = dialog->heightBox()->value();
        dialog->close(); // deleted on close
        QTRY_VERIFY(!m_window->findChild<FigureExportDialog *>());
    }
    QImage image(png);
    QVERIFY(!image.isNull());
    QCOMPARE(image.width(), 1600);
    QCOMPARE(image.height(), exportedHeight);
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3)
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    QVERIFY2(colours.size() > 200, qPrintable(QString::number(colours.size()))); // curves, text, boundaries
    // Both runs' colours are drawn (their curves and swatches).
    for (int number : {1, 2}) {
        const QColor c = CompareView::runColor(number);
        QVERIFY2(colours.contains(c.rgb()), qPrintable(c.name()));
    }
    const QString svg = dir.filePath(QStringLiteral("sgd_vs_adam.svg"));
    QVERIFY(writeFigure(*figure, svg, figure->naturalSize(), FigureFormat::Svg));
    QVERIFY(QSvgRenderer(svg).isValid());

    // The window as a class sees it, with the comparison in front.
    r->dock()->show();
    r->dock()->raise();
    settle();
    const QString shots = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(shots);
    QVERIFY(m_window->grab().save(shots + QStringLiteral("/compare_runs.png")));
    QVERIFY(image.save(shots + QStringLiteral("/compare_runs_figure.png")));

    // The same labels in Chinese.
    QTranslator zh;
    QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                    QStringLiteral(":/i18n")));
    QVERIFY(QCoreApplication::installTranslator(&zh));
    const QString zhLabel = shelf->label(entries[1].record);
    const QString zhReference = shelf->label(entries[0].record);
    QCoreApplication::removeTranslator(&zh);
    QVERIFY2(zhLabel.contains(QStringLiteral("SGD → Adam")) && !zhLabel.startsWith(QStringLiteral("Run")),
             qPrintable(zhLabel));
    QVERIFY2(zhReference != QStringLiteral("Run 1 (reference)"), qPrintable(zhReference));

    // Once a run has been kept, a run that Reset ends is kept automatically (once).
    QAction *reset = m_window->training()->toolbar()->resetAction();
    clickToolButton(reset);
    QTRY_VERIFY(m_window->training()->controller()->history().empty());
    QCOMPARE(shelf->runs().size(), std::size_t(2)); // run 2 was kept already
    trainEpochs(1);
    clickToolButton(reset);
    QTRY_COMPARE(shelf->runs().size(), std::size_t(3));
    QCOMPARE(view->cardLabels().last(), QStringLiteral("Run 3: SGD → Adam, lr 0.03 → 0.001"));
    QCOMPARE(shelf->runs().entries().back().record.history.size(), std::size_t(1));

    // Remove a run by its card's button, then clear all.
    QToolButton *remove = view->removeButton(1);
    QVERIFY(remove);
    remove->click();
    QCOMPARE(shelf->runs().size(), std::size_t(2));
    // The oldest left is the reference, and the labels follow.
    QCOMPARE(view->cardLabels(), (QStringList{"Run 2 (reference)", "Run 3: same settings"}));
    QVERIFY(view->curve(1, false) == nullptr);
    view->clearButton()->click();
    QVERIFY(shelf->runs().empty());
    QVERIFY(view->curve(2, false) == nullptr);
    QVERIFY(!view->clearButton()->isEnabled());
    // After Clear all, nothing is kept until the user keeps a run again.
    trainEpochs(1);
    clickToolButton(reset);
    QTRY_VERIFY(m_window->training()->controller()->history().empty());
    QVERIFY(shelf->runs().empty());
    closeWindow();
}

// A long run at the fastest pace froze the window for seconds: the comparison, hidden behind the loss curves,
// redrew every run's curves and made a new picture card at every epoch, and the shelf converted the whole
// history at every snapshot. Hidden, the view now only notes what changed; shown, it catches up at once, and
// while it is seen it redraws a few times a second, not at every epoch.
void TestCompareRuns::hiddenViewWaitsAndCatchesUp()
{
    openWindow();
    QVERIFY(m_window->loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/spiral.nnp")));
    RunsDocks *r = runs();
    CompareView *view = r->view();
    RunShelf *shelf = r->shelf();
    TrainingController *c = m_window->training()->controller();
    m_window->dock(DockRole::Curves)->raise(); // as the window opens by default: a tab behind the curves
    QTRY_VERIFY(!onScreen(view));              // Qt leaves it isVisible(), out of sight
    TrainingConfig training = m_window->document()->training();
    training.epochs = 1000000;
    m_window->document()->applyTraining(training);
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready, 30000);
    c->setPaceLevel(kPaceLevels);

    const int before = view->curveRebuilds();
    c->play();
    QTRY_VERIFY_WITH_TIMEOUT(c->history().size() >= 60, 60000);
    c->pause();
    QTRY_VERIFY_WITH_TIMEOUT(!c->isRunning(), 20000);
    settle();
    QCOMPARE(view->curveRebuilds(), before); // nothing drawn while hidden
    // The shelf's copy of the history, kept up to date piece by piece, is the controller's.
    QCOMPARE(shelf->current().history.size(), c->history().size());
    for (std::size_t i = 0; i < c->history().size(); ++i) {
        QCOMPARE(shelf->current().history[i].epoch, c->history()[i].epoch);
        QCOMPARE(shelf->current().history[i].trainLoss, c->history()[i].trainLoss);
    }

    // Shown, it catches up: the current run's curve has every epoch, its card its picture.
    r->dock()->show();
    r->dock()->raise();
    QTRY_VERIFY(onScreen(view));
    QTRY_COMPARE(view->curveRebuilds(), before + 1);
    QCPGraph *current = view->curve(0, false);
    QVERIFY(current);
    QCOMPARE(current->data()->size(), int(c->history().size()));
    QCOMPARE(current->data()->at(current->data()->size() - 1)->value, c->history().back().trainLoss);
    auto *picture = view->findChild<QLabel *>(QStringLiteral("runPicture"));
    QVERIFY(picture && !picture->pixmap().isNull());
    QTRY_VERIFY(picture->isVisible());

    // Seen while it trains: redrawn a few times a second, not at each of the epochs.
    const std::size_t epochsBefore = c->history().size();
    const int shownBefore = view->curveRebuilds();
    c->play();
    QTRY_VERIFY_WITH_TIMEOUT(c->history().size() >= epochsBefore + 200, 60000);
    c->pause();
    QTRY_VERIFY_WITH_TIMEOUT(!c->isRunning(), 20000);
    QTRY_COMPARE(view->curve(0, false)->data()->size(), int(c->history().size()));
    const int redraws = view->curveRebuilds() - shownBefore;
    const int epochs = int(c->history().size() - epochsBefore);
    QVERIFY2(redraws >= 1 && redraws < epochs / 2,
             qPrintable(QStringLiteral("%1 redraws for %2 epochs").arg(redraws).arg(epochs)));
    closeWindow();
}

QTEST_MAIN(TestCompareRuns)
#include "tst_compare_runs.moc"
