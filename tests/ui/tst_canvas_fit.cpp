// What the canvas shows when a sample opens: a short network fits whole; a long CNN chain (which whole would
// be drawn at about a third of its size, too small to read) opens at a readable zoom with its input in view
// and the rest a scroll away; "Fit network in view" still shows everything on request.
#include "editor/graph_scene.h"
#include "editor/graph_view.h"
#include "editor/node_item.h"
#include "main_window.h"
#include "settle.h"

#include <QAction>
#include <QDir>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>

using namespace nnp;

namespace {

/// The viewport rectangle a node's block is drawn in.
QRect blockInView(const MainWindow &w, NodeId id)
{
    const NodeItem *item = w.scene()->nodeItem(id);
    if (!item) return {};
    return w.view()->mapFromScene(item->sceneBoundingRect()).boundingRect();
}

bool open(MainWindow &w, const char *sample, QSize size)
{
    w.resize(size);
    w.show();
    if (!QTest::qWaitForWindowExposed(&w)) return false;
    if (!w.loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/") + QLatin1String(sample))) return false;
    testutil::settle(); // the fit runs once the view has its size
    return true;
}

} // namespace

class TestCanvasFit : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shortNetworkFitsWhole()
    {
        MainWindow w;
        QVERIFY(open(w, "xor.nnp", {1600, 1000}));
        const QRect viewport = w.view()->viewport()->rect();
        const QRectF whole = w.scene()->itemsBoundingRect().adjusted(-60, -60, 60, 60);
        QVERIFY2(viewport.width() / whole.width() >= GraphView::kReadableZoom,
                 qPrintable(QStringLiteral("%1 / %2 x %3")
                                .arg(viewport.width())
                                .arg(whole.width())
                                .arg(whole.height()))); // it fits readably here
        const QRect all = w.view()->mapFromScene(w.scene()->itemsBoundingRect()).boundingRect();
        QVERIFY2(viewport.contains(all), qPrintable(QStringLiteral("zoom %1").arg(w.view()->zoom())));
        QVERIFY(w.view()->zoom() <= 1.0);
    }

    void longChainOpensReadable()
    {
        MainWindow w;
        QVERIFY(open(w, "digits_8x8_cnn.nnp", {1280, 800}));
        GraphView *view = w.view();
        const QRect viewport = view->viewport()->rect();
        // Whole, this chain would need a zoom far below the readable one in this window.
        const QRectF all = w.scene()->itemsBoundingRect().adjusted(-60, -60, 60, 60);
        QVERIFY(viewport.width() / all.width() < GraphView::kReadableZoom);
        QVERIFY2(view->zoom() >= GraphView::kReadableZoom - 1e-9, qPrintable(QString::number(view->zoom())));
        // The input block (node 1, at the left) is wholly in view; the last block is reached by scrolling.
        const QRect input = blockInView(w, 1);
        QVERIFY2(viewport.contains(input), qPrintable(QStringLiteral("input block at %1,%2 %3×%4")
                                                          .arg(input.x())
                                                          .arg(input.y())
                                                          .arg(input.width())
                                                          .arg(input.height())));
        QVERIFY(view->horizontalScrollBar()->maximum() > view->horizontalScrollBar()->value());
        const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
        QDir().mkpath(dir);
        view->grab().save(dir + QStringLiteral("/canvas_long_chain.png"));
        // "Fit network in view" still shows every block.
        QAction *fit = w.findChild<QAction *>(QStringLiteral("actionFit"));
        QVERIFY(fit);
        fit->trigger();
        QVERIFY(view->zoom() < GraphView::kReadableZoom);
        QVERIFY(viewport.contains(view->mapFromScene(w.scene()->itemsBoundingRect()).boundingRect()));
    }
};

QTEST_MAIN(TestCanvasFit)
#include "tst_canvas_fit.moc"
