// The Neurons view lays out its texts without overlap: for every sample, in English and Chinese, at the
// dock's default size and at a small size, live and at every phase of an explained step, no two label
// rectangles (column titles, the numbers under the neurons, the inputs' names, the strips' counts) intersect.
// MNIST showed "784 neuron(s)64 neuron(s)". Wine (13 features, a fixture beside this test) labels its inputs
// with the CSV's column names and its outputs with the classes, in the view and in the explain text
// ("x₁ (alcohol) = …").
#include "explain/explain_docks.h"
#include "explain/explain_model.h"
#include "explain/explain_text.h"
#include "explain/neuron_view.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "settle.h"
#include "training/training_controller.h"
#include "wine_fixture.h"

#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
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
    QStringList files;
    for (const QString &sample : samples)
        files << QStringLiteral(NNP_SOURCE_DIR "/samples/") + sample;
    QTemporaryDir wineDir;
    const QString wine = testutil::wineProject(wineDir);
    QVERIFY(!wine.isEmpty());
    files << wine;
    int checked = 0, withLabels = 0;
    bool wineNamed = false;
    for (const QString &file : files) {
        const QString sample = QFileInfo(file).fileName();
        QVERIFY2(w.loadFile(file), qPrintable(w.lastError()));
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
        if (file == wine) { // the inputs carry the CSV's names
            const PicturePtr pic = model->livePicture();
            QCOMPARE(pic->inputNames.size(), 13);
            QCOMPARE(pic->inputNames.front(), QStringLiteral("alcohol"));
            QCOMPARE(pic->inputNames.back(), QStringLiteral("proline"));
            QCOMPARE(pic->outputNames,
                     (QStringList{QStringLiteral("cultivar_1"), QStringLiteral("cultivar_2"),
                                  QStringLiteral("cultivar_3")}));
        }
        // An explained step: the numbers under the neurons in every phase.
        model->explainNextInBatch(1);
        QTRY_VERIFY_WITH_TIMEOUT(model->trace() != nullptr, 20000);
        if (file == wine) {
            Selection first;
            first.kind = Selection::Kind::Neuron;
            first.column = 0;
            first.row = 0;
            const QString text = ExplainText::html(*model->picture(), *model->trace(), model->phase(), first);
            QVERIFY2(text.contains(QStringLiteral("<sub>1</sub> (alcohol) = ")), qPrintable(text));
            wineNamed = true;
        }
        for (int i = 0; i < int(model->phases().size()); ++i) {
            model->setPhaseIndex(i);
            check(QStringLiteral("phase %1").arg(i));
            if (QTest::currentTestFailed()) return;
        }
        model->closeTrace();
    }
    QVERIFY2(checked >= 10, qPrintable(QString::number(checked)));
    QVERIFY(withLabels > 0);
    QVERIFY(wineNamed);
}

QTEST_MAIN(TestNeuronLabels)
#include "tst_neuron_labels.moc"
