// The bottom dock's tabs (issue 12): views that only mean something for some networks (Feature maps and
// Kernels for convolutions, the Embedding map, the Unrolled sequence) are there only when the network has
// such layers, and come back when it does; the View menu lists them disabled, with a tooltip that says why.
// At 1600×1000, in English and Chinese, no tab title is elided (measured with the tab bar's fontMetrics).
#include "main_window.h"

#include "document/graph_document.h"
#include "presentation/presentation_mode.h"
#include "settle.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStyle>
#include <QTabBar>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

using namespace nnp;

namespace {
const QStringList kOptional = {QStringLiteral("featureMapsDock"), QStringLiteral("kernelsDock"),
                               QStringLiteral("embeddingMapDock"), QStringLiteral("unrolledDock")};

QString sample(const char *name)
{
    return QStringLiteral(NNP_SOURCE_DIR "/samples/") + QString::fromLatin1(name);
}
} // namespace

class TestDockTabs : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void viewsFollowTheNetwork();
    void restoredLayoutsKeepTheRule();
    void titlesAreNotElided_data();
    void titlesAreNotElided();

private:
    /// Shown, then out of the maximised state its first show gives it, at 1600×1000.
    static bool showAt1600x1000(MainWindow &w)
    {
        w.show();
        if (!QTest::qWaitForWindowExposed(&w)) return false;
        w.showNormal();
        w.resize(1600, 1000);
        return true;
    }
    static QDockWidget *dock(MainWindow &w, const QString &name) { return w.findChild<QDockWidget *>(name); }
    /// The docks that are open (shown, perhaps behind another tab).
    static QStringList openOptional(MainWindow &w)
    {
        QStringList open;
        for (const QString &name : kOptional)
            if (!dock(w, name)->isHidden()) open << name;
        return open;
    }
};

void TestDockTabs::viewsFollowTheNetwork()
{
    MainWindow w;
    QVERIFY(showAt1600x1000(w));

    QVERIFY(w.loadFile(sample("spiral.nnp")));
    QApplication::processEvents();
    QCOMPARE(openOptional(w), QStringList());
    for (const QString &name : kOptional) {
        const QAction *toggle = dock(w, name)->toggleViewAction();
        QVERIFY(!toggle->isEnabled()); // listed in View > Panels, disabled
        QVERIFY(!toggle->toolTip().isEmpty());
    }
    QVERIFY(dock(w, QStringLiteral("probeDock"))->toggleViewAction()->isEnabled());

    QVERIFY(w.loadFile(sample("mnist_cnn.nnp")));
    QApplication::processEvents();
    QCOMPARE(openOptional(w),
             (QStringList{QStringLiteral("featureMapsDock"), QStringLiteral("kernelsDock")}));
    QVERIFY(dock(w, QStringLiteral("kernelsDock"))->toggleViewAction()->isEnabled());
    QVERIFY(!dock(w, QStringLiteral("kernelsDock"))
                 ->toggleViewAction()
                 ->toolTip()
                 .startsWith(QStringLiteral("Shown")));
    // Tabbed at the bottom with the curves, where they were.
    QVERIFY(w.tabifiedDockWidgets(dock(w, QStringLiteral("curvesDock")))
                .contains(dock(w, QStringLiteral("kernelsDock"))));

    QVERIFY(w.loadFile(sample("essay_lstm.nnp")));
    QApplication::processEvents();
    QVERIFY(openOptional(w).contains(QStringLiteral("unrolledDock")));
    QVERIFY(!openOptional(w).contains(QStringLiteral("kernelsDock")));

    QVERIFY(w.loadFile(sample("spiral.nnp")));
    QApplication::processEvents();
    QCOMPARE(openOptional(w), QStringList());

    // An edit that adds the layer brings the view back at once; its undo closes it again.
    const NodeId conv = w.document()->addNode(LayerKind::Conv2D, QPointF(0, 600));
    QVERIFY(conv > 0);
    QVERIFY(openOptional(w).contains(QStringLiteral("kernelsDock")));
    w.document()->undoStack()->undo();
    QCOMPARE(openOptional(w), QStringList());
}

void TestDockTabs::restoredLayoutsKeepTheRule()
{
    // Leaving presentation mode restores the layout it entered from, and the next start the saved one: none
    // of them brings back a view the network has no layers for.
    MainWindow w;
    QVERIFY(showAt1600x1000(w));
    QVERIFY(w.loadFile(sample("digits_8x8_cnn.nnp")));
    QApplication::processEvents();
    QCOMPARE(openOptional(w),
             (QStringList{QStringLiteral("featureMapsDock"), QStringLiteral("kernelsDock")}));
    const QByteArray withMaps = w.saveState();

    w.presentation()->setActive(true);
    QVERIFY(w.loadFile(sample("spiral.nnp")));
    QApplication::processEvents();
    QCOMPARE(openOptional(w), QStringList());
    w.presentation()->setActive(false);
    QApplication::processEvents();
    QCOMPARE(openOptional(w), QStringList());

    w.restoreState(withMaps); // as the next start does with the layout saved by the last
    QApplication::processEvents();
    QCOMPARE(openOptional(w), QStringList());

    // The rule closed them, so the network that has the layers brings them back.
    QVERIFY(w.loadFile(sample("digits_8x8_cnn.nnp")));
    QApplication::processEvents();
    QCOMPARE(openOptional(w),
             (QStringList{QStringLiteral("featureMapsDock"), QStringLiteral("kernelsDock")}));
}

void TestDockTabs::titlesAreNotElided_data()
{
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<QString>("file");
    for (const bool zh : {false, true})
        // The most tabs (spiral's are a subset); the 8×8 digits CNN has mnist_cnn's tabs and opens faster.
        for (const char *name : {"digits_8x8_cnn.nnp", "essay_lstm.nnp"})
            QTest::addRow("%s %s", zh ? "zh_CN" : "en", name) << zh << sample(name);
}

void TestDockTabs::titlesAreNotElided()
{
    QFETCH(bool, chinese);
    QFETCH(QString, file);
    QTranslator zh;
    if (chinese) {
        QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                        QStringLiteral(":/i18n")));
        QVERIFY(QCoreApplication::installTranslator(&zh));
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
    MainWindow w;
    QVERIFY(showAt1600x1000(w));
    QVERIFY(w.loadFile(file));
    QApplication::processEvents();
    // The dock areas lay their tab bars out, then the group is widened to fit (both on later passes, which
    // take longer on a busy machine: wait until every title fits, or report the first that does not).
    int tabs = 0;
    const auto firstCut = [&w, &tabs]() -> QString {
        tabs = 0;
        for (QTabBar *bar : w.findChildren<QTabBar *>()) {
            if (!bar->isVisible()) continue;
            const QFontMetrics fm = bar->fontMetrics();
            const int frame = bar->style()->pixelMetric(QStyle::PM_TabBarTabHSpace, nullptr, bar);
            for (int i = 0; i < bar->count(); ++i, ++tabs) {
                const QString title = bar->tabText(i);
                const QRect r = bar->tabRect(i);
                if (r.width() < fm.horizontalAdvance(title) + frame / 2 || !bar->rect().contains(r))
                    return QStringLiteral("“%1”: %2 px for a title of %3 px in a bar of %4 px")
                        .arg(title)
                        .arg(r.width())
                        .arg(fm.horizontalAdvance(title))
                        .arg(bar->width());
            }
        }
        return {};
    };
    QString cut;
    (void)QTest::qWaitFor([&] { return (cut = firstCut()).isEmpty(); }, 5000);
    QVERIFY2(cut.isEmpty(), qPrintable(cut));
    QVERIFY(tabs >= 5);
}

QTEST_MAIN(TestDockTabs)
#include "tst_dock_tabs.moc"
