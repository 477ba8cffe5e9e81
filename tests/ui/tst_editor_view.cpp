// The canvas on its own (a GraphDocument, a GraphScene, a GraphView): panning, rubber-band selection,
// Space taps, auto-layout, snapping and multi-input slots, driven with mouse and keyboard events.
#include "commands/graph_commands.h"
#include "document/default_project.h"
#include "document/graph_document.h"
#include "editor/auto_layout.h"
#include "editor/edge_item.h"
#include "editor/graph_scene.h"
#include "editor/graph_view.h"
#include "editor/node_item.h"
#include "io/project.h"

#include <QApplication>
#include <QDir>
#include <QLocale>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTranslator>
#include <QUndoStack>

#include <memory>

using namespace nnp;

class TestEditorView : public QObject {
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void middleButtonPans();
    void spaceDragPansAndTapIsReported();
    void rubberBandSelects();
    void autoLayoutIsOneStep();
    void snapToGridCanBeTurnedOff();
    void concatenateGrowsSlots();
    void wireSelectedAndDeleted();
    void blocksShowTheirTextWhole();

private:
    QWidget *viewport() const { return m_view->viewport(); }
    QPoint toView(QPointF p) const { return m_view->mapFromScene(p); }
    void mouse(QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons)
    {
        QMouseEvent e(type, QPointF(pos), viewport()->mapToGlobal(QPointF(pos)), button, buttons,
                      Qt::NoModifier);
        QApplication::sendEvent(viewport(), &e);
    }
    void drag(QPoint from, QPoint to, Qt::MouseButton button = Qt::LeftButton)
    {
        mouse(QEvent::MouseButtonPress, from, button, button);
        for (int i = 1; i <= 8; ++i)
            mouse(QEvent::MouseMove, from + (to - from) * i / 8, Qt::NoButton, button);
        mouse(QEvent::MouseButtonRelease, to, button, Qt::NoButton);
    }
    QPoint scroll() const
    {
        return {m_view->horizontalScrollBar()->value(), m_view->verticalScrollBar()->value()};
    }

    std::unique_ptr<GraphDocument> m_doc;
    std::unique_ptr<GraphScene> m_scene;
    std::unique_ptr<GraphView> m_view;
};

void TestEditorView::init()
{
    m_doc = std::make_unique<GraphDocument>();
    m_doc->reset(makeDefaultProject());
    m_scene = std::make_unique<GraphScene>(m_doc.get());
    m_view = std::make_unique<GraphView>(m_scene.get());
    m_view->resize(1000, 700);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
    m_view->centerOn(400, 50);
}

void TestEditorView::cleanup()
{
    m_view.reset();
    m_scene.reset();
    m_doc.reset();
}

void TestEditorView::middleButtonPans()
{
    const QPoint before = scroll();
    drag({500, 500}, {400, 450}, Qt::MiddleButton);
    QCOMPARE(scroll(), before + QPoint(100, 50));
    QCOMPARE(m_doc->undoStack()->count(), 0);
}

void TestEditorView::spaceDragPansAndTapIsReported()
{
    QSignalSpy taps(m_view.get(), &GraphView::spaceTapped);
    m_view->setFocus();
    const QPoint before = scroll();
    // Start the drag on a block: with Space held it pans instead of moving the block.
    const QPoint onBlock = toView(m_scene->nodeItem(2)->mapToScene(NodeItem::kWidth / 2, 60));
    QTest::keyPress(m_view.get(), Qt::Key_Space);
    drag(onBlock, onBlock - QPoint(120, 0));
    QTest::keyRelease(m_view.get(), Qt::Key_Space);
    QCOMPARE(scroll(), before + QPoint(120, 0));
    QCOMPARE(m_doc->undoStack()->count(), 0);
    QCOMPARE(taps.count(), 0);
    QTest::keyClick(m_view.get(), Qt::Key_Space);
    QCOMPARE(taps.count(), 1);
}

void TestEditorView::rubberBandSelects()
{
    // A band around the two hidden layers, starting on empty canvas above them.
    const QPointF a = m_scene->nodeItem(2)->scenePos() - QPointF(20, 60);
    const QPointF b =
        m_scene->nodeItem(3)->scenePos() + QPointF(NodeItem::kWidth + 20, NodeItem::kHeight + 20);
    drag(toView(a), toView(b));
    QCOMPARE(m_scene->selectedNodeIds(), (std::vector<NodeId>{2, 3}));
    QVERIFY(m_scene->selectedEdges().size() >= 1); // the wire between them is inside the band too
    QCOMPARE(m_doc->undoStack()->count(), 0);
}

void TestEditorView::autoLayoutIsOneStep()
{
    // Scramble the layout, then lay it out again.
    std::vector<NodeMove> moves;
    for (const auto &n : m_doc->graph().nodes)
        moves.push_back({n.id, QPointF(n.x, n.y), QPointF(500 - n.x, 37 * n.id)});
    m_doc->undoStack()->push(new MoveNodesCommand(m_doc.get(), moves));
    m_scene->autoLayout();
    QCOMPARE(m_doc->undoStack()->count(), 2);
    const auto &nodes = m_doc->graph().nodes;
    for (std::size_t i = 1; i < nodes.size(); ++i) {
        QCOMPARE(nodes[i].x - nodes[i - 1].x, kLayoutColumnSpacing);
        QCOMPARE(nodes[i].y, nodes[0].y);
        QCOMPARE(m_scene->nodeItem(nodes[i].id)->pos(), QPointF(nodes[i].x, nodes[i].y));
    }
    m_doc->undoStack()->undo();
    QCOMPARE(m_doc->graph().nodes[1].x, 500 - 260.0);
    // Wires follow their blocks.
    const EdgeItem *wire = m_scene->edgeItem(EdgeSpec{1, 2, 0});
    QVERIFY(wire);
    QCOMPARE(wire->path().pointAtPercent(0), m_scene->nodeItem(1)->outputPort()->scenePos());
    QCOMPARE(wire->path().pointAtPercent(1), m_scene->nodeItem(2)->inputPorts().front()->scenePos());
}

void TestEditorView::snapToGridCanBeTurnedOff()
{
    const QPoint grab = toView(m_scene->nodeItem(2)->mapToScene(NodeItem::kWidth / 2, 60));
    m_view->resetZoom();
    m_scene->setSnapToGrid(false);
    const QPointF before = m_scene->nodeItem(2)->pos();
    drag(grab, grab + QPoint(33, 7));
    QCOMPARE(m_scene->nodeItem(2)->pos(), before + QPointF(33, 7));
    m_scene->setSnapToGrid(true);
    drag(grab + QPoint(33, 7), grab + QPoint(66, 14));
    const QPointF p = m_scene->nodeItem(2)->pos();
    QCOMPARE(std::fmod(p.x(), GraphScene::kGridSize), 0.0);
    QCOMPARE(std::fmod(p.y(), GraphScene::kGridSize), 0.0);
    QCOMPARE(m_doc->undoStack()->count(), 2);
}

void TestEditorView::concatenateGrowsSlots()
{
    m_doc->reset(makeEmptyProject());
    const NodeId in = m_doc->addNode(LayerKind::Input, {0, 0});
    const NodeId a = m_doc->addNode(LayerKind::Dense, {260, -100});
    const NodeId b = m_doc->addNode(LayerKind::Dense, {260, 100});
    const NodeId c = m_doc->addNode(LayerKind::Dense, {260, 300});
    const NodeId cat = m_doc->addNode(LayerKind::Concatenate, {520, 0});
    for (NodeId d : {a, b, c})
        QVERIFY(m_doc->connectNodes(in, d).isEmpty());
    m_view->resetZoom();
    m_view->centerOn(260, 100);
    NodeItem *item = m_scene->nodeItem(cat);
    QCOMPARE(item->inputPorts().size(), 2u);
    // Wire into the second (free) slot first, then onto the block body: it takes the next free slot.
    drag(toView(m_scene->nodeItem(a)->outputPort()->scenePos()), toView(item->inputPorts()[1]->scenePos()));
    QCOMPARE(m_doc->graph().inputsOf(cat).size(), 1u);
    QCOMPARE(m_doc->graph().inputsOf(cat)[0].port, 1);
    drag(toView(m_scene->nodeItem(b)->outputPort()->scenePos()), toView(item->mapToScene(100, 60)));
    drag(toView(m_scene->nodeItem(c)->outputPort()->scenePos()), toView(item->mapToScene(100, 60)));
    const auto wires = m_doc->graph().inputsOf(cat);
    QCOMPARE(wires.size(), 3u);
    QCOMPARE(wires[1].from, b);
    QCOMPARE(wires[2].from, c);
    QCOMPARE(item->inputPorts().size(), 4u); // three used and one free
    QVERIFY(m_doc->validation().shapes.count(cat));
    QCOMPARE(m_doc->validation().shapes.at(cat), Shape{12});
    // Every wire ends on its own slot.
    for (const auto &w : wires)
        QCOMPARE(m_scene->edgeItem(w)->path().pointAtPercent(1), item->inputPort(w.port)->scenePos());
}

void TestEditorView::wireSelectedAndDeleted()
{
    const EdgeItem *wire = m_scene->edgeItem(EdgeSpec{2, 3, 0});
    QVERIFY(wire);
    const QPoint mid = toView(wire->path().pointAtPercent(0.5));
    mouse(QEvent::MouseButtonPress, mid, Qt::LeftButton, Qt::LeftButton);
    mouse(QEvent::MouseButtonRelease, mid, Qt::LeftButton, Qt::NoButton);
    QCOMPARE(m_scene->selectedEdges().size(), 1u);
    QVERIFY(m_scene->selectedNodeIds().empty());
    m_scene->deleteSelection();
    QCOMPARE(m_doc->graph().edges.size(), 2u);
    QVERIFY(!m_scene->edgeItem(EdgeSpec{2, 3, 0}));
    QVERIFY(!m_doc->validation().ok()); // hidden_2 now has no input
    m_doc->undoStack()->undo();
    QVERIFY(m_doc->validation().ok());
}

void TestEditorView::blocksShowTheirTextWhole()
{
    // A convolution's block says "16 filters · 3×3 · ReLU", its shape and its parameter count without "…"
    // (it said "kernel 3×…" and "out 16…" beside "160 params"), and a long kind title fits its header
    // (zh_CN's "LSTM（长短期记忆）" lost its bracket): in every sample, in both languages, every block's text
    // fits.
    const QStringList samples =
        QDir(QStringLiteral(NNP_SOURCE_DIR "/samples")).entryList({"*.nnp"}, QDir::Files);
    QVERIFY(samples.size() >= 19);
    for (const bool chinese : {false, true}) {
        QTranslator zh;
        if (chinese) {
            QVERIFY(zh.load(QLocale(QStringLiteral("zh_CN")), QStringLiteral("nnp"), QStringLiteral("_"),
                            QStringLiteral(":/i18n")));
            QVERIFY(QCoreApplication::installTranslator(&zh));
        }
        const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&zh); });
        for (const QString &sample : samples) {
            m_doc->reset(loadProject((QStringLiteral(NNP_SOURCE_DIR "/samples/") + sample).toStdString()));
            for (const NodeSpec &n : m_doc->graph().nodes) {
                const NodeItem *item = m_scene->nodeItem(n.id);
                QVERIFY(item);
                const NodeItem::BodyLines b = item->bodyLines(m_view->font());
                for (const QString &line : {b.title, b.details, b.shape, b.params})
                    QVERIFY2(
                        !line.contains(QChar(0x2026)),
                        qPrintable(QStringLiteral("%1 (%2) / %3: %4")
                                       .arg(sample, chinese ? QStringLiteral("zh_CN") : QStringLiteral("en"),
                                            QString::fromStdString(n.name), line)));
                if (n.kind == LayerKind::Conv2D)
                    QVERIFY2(b.details.contains(QStringLiteral("3×3")), qPrintable(b.details));
            }
        }
    }
}

QTEST_MAIN(TestEditorView)
#include "tst_editor_view.moc"
