// The Neurons view lays out its texts without overlap: for every sample, in English and Chinese, at the
// dock's default size and at a small size, live and at every phase of an explained step, no two label
// rectangles (column titles, the numbers under the neurons, the inputs' names, the strips' counts) intersect.
// MNIST showed "784 neuron(s)64 neuron(s)".
#include "explain/explain_docks.h"
#include "explain/explain_model.h"
#include "explain/neuron_view.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "settle.h"
#include "training/training_controller.h"

#include <QDir>
#include <QDockWidget>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

using namespace nnp;

namespace {

/// "" when no two rectangles intersect, else the first pair.
QString firstOverlap(const std::vector<QRectF> &rects)
{
    for (std::size_t i = 0; i < rects.size(); ++i)
        for (std::size_t j = i + 1; j < rects.size(); ++j)
            if (rects[i].intersects(rects[j])) {
                auto text = [](const QRectF &r) {
                    return QStringLiteral("(%1,%2 %3×%4)")
                        .arg(r.x())
                        .arg(r.y())
                        .arg(r.width())
                        .arg(r.height());
                };
                return text(rects[i]) + QStringLiteral(" and ") + text(rects[j]);
            }
    return {};
}

} // namespace

class TestNeuronLabels : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void labelsDoNotOverlap_data();
    void labelsDoNotOverlap();
};

void TestNeuronLabels::labelsDoNotOverlap_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::newRow("en") << false;
    QTest::newRow("zh_CN") << true;
}

void TestNeuronLabels::labelsDoNotOverlap()
{
    QFETCH(bool, chinese);
    QTranslator zh;
    if (chinese) {
        QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&zh));
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });

    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    w.showNormal();
    w.resize(1600, 1000);
    auto *ex = w.findChild<ExplainDocks *>();
    QVERIFY(ex);
    // Only the Neurons dock: the other views' work on each run (insights, boundaries) is not needed here.
    for (QDockWidget *d : w.findChildren<QDockWidget *>())
        d->setVisible(d == ex->neuronDock());
    ExplainModel *model = ex->model();
    NeuronView *docked = ex->neuronView();
    // A second view of the same model at a small size (its minimum).
    NeuronView small(model);
    small.resize(small.minimumSizeHint());
    small.show();
    QVERIFY(QTest::qWaitForWindowExposed(&small));

    const QStringList samples =
        QDir(QStringLiteral(NNP_SOURCE_DIR "/samples")).entryList({"*.nnp"}, QDir::Files);
    QVERIFY(samples.size() >= 19);
    int checked = 0, withLabels = 0;
    for (const QString &sample : samples) {
        QVERIFY2(w.loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/") + sample), qPrintable(w.lastError()));
        TrainingController *c = w.training()->controller();
        QTRY_VERIFY_WITH_TIMEOUT(
            c->status() == TrainingStatus::Ready || c->status() == TrainingStatus::Failed, 60000);
        if (c->status() != TrainingStatus::Ready) continue;
        // A network without a dense part has no picture to check.
        if (!QTest::qWaitFor([&] { return model->livePicture() != nullptr; }, 10000) ||
            model->livePicture()->layers.empty())
            continue;
        const QString lang = chinese ? QStringLiteral("zh_CN") : QStringLiteral("en");
        auto check = [&](const QString &when) {
            for (const NeuronView *view : {docked, &small}) {
                const std::vector<QRectF> rects = view->labelRects();
                if (rects.size() > 1) ++withLabels;
                const QString overlap = firstOverlap(rects);
                QVERIFY2(overlap.isEmpty(), qPrintable(QStringLiteral("%1 (%2), %3, %4×%5: %6")
                                                           .arg(sample, lang, when)
                                                           .arg(view->width())
                                                           .arg(view->height())
                                                           .arg(overlap)));
            }
        };
        check(QStringLiteral("live"));
        if (QTest::currentTestFailed()) return;
        ++checked;
        // An explained step: the numbers under the neurons in every phase.
        model->explainNextInBatch(1);
        QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 20000);
        for (int i = 0; i < int(model->phases().size()); ++i) {
            model->setPhaseIndex(i);
            check(QStringLiteral("phase %1").arg(i));
            if (QTest::currentTestFailed()) return;
        }
        model->closeTrace();
    }
    QVERIFY2(checked >= 10, qPrintable(QString::number(checked)));
    QVERIFY(withLabels > 0);
}

QTEST_MAIN(TestNeuronLabels)
#include "tst_neuron_labels.moc"
