// TensorFlow Playground's ± buttons on the canvas (issue 12, "Building quickly"): from the spiral sample,
// clicks on the real buttons add a hidden layer and change its neurons, each click one undo step with a text
// that says what it did; undo restores the sample; the network built by clicks trains. The buttons are there
// only for chain networks and while the structure is not locked.
#include "main_window_driver.h"

#include "graph/chain_edit.h"

#include <QGraphicsSimpleTextItem>

using namespace nnp;

class TestChainButtons : public QObject, testutil::MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_chain_buttons"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }
    void clicksBuildAndUndoRestores();
    void onlyForChains();

private:
    ChainButtonItem *button(ChainAction action, NodeId node = -1) const;
    /// Clicks the button as a user does (press and release on the view) and lets the queued edit run.
    void press(ChainAction action, NodeId node = -1);
    [[nodiscard]] int units(NodeId id) const
    {
        return m_window->document()->graph().find(id)->options.get(opt::dense::units);
    }
};

ChainButtonItem *TestChainButtons::button(ChainAction action, NodeId node) const
{
    for (ChainButtonItem *b : m_window->scene()->chainButtons().buttons())
        if (b->action() == action && (node < 0 || b->node() == node)) return b;
    return nullptr;
}

void TestChainButtons::press(ChainAction action, NodeId node)
{
    ChainButtonItem *b = button(action, node);
    QVERIFY(b && b->isVisible() && b->isActive());
    m_window->view()->centerOn(b);
    const int before = m_window->document()->undoStack()->index();
    click(toView(b->scenePos()));
    QTRY_COMPARE(m_window->document()->undoStack()->index(), before + 1);
}

void TestChainButtons::clicksBuildAndUndoRestores()
{
    QVERIFY(m_window->loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/spiral.nnp")));
    GraphDocument *doc = m_window->document();
    QUndoStack *undo = doc->undoStack();
    const QByteArray sample = serialised();
    const auto hidden = hiddenDenseLayers(doc->graph());
    QCOMPARE(hidden.size(), std::size_t(3));
    // Two buttons per hidden layer and two for the layers; their labels do not cover each other.
    QCOMPARE(m_window->scene()->chainButtons().buttons().size(), std::size_t(8));
    const auto &labels = m_window->scene()->chainButtons().labels();
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (ChainButtonItem *b : m_window->scene()->chainButtons().buttons())
            QVERIFY(!labels[i]->sceneBoundingRect().intersects(b->sceneBoundingRect()));

    // One click: a fourth hidden layer, as wide as the third, before the output.
    press(ChainAction::AddLayer);
    auto now = hiddenDenseLayers(doc->graph());
    QCOMPARE(now.size(), std::size_t(4));
    const NodeId added = now.back();
    QCOMPARE(units(added), units(hidden.back()));
    QCOMPARE(undo->undoText(), QStringLiteral("Add hidden layer"));
    QVERIFY(doc->validation().ok());
    // The new layer has its own buttons, and no block overlaps another.
    QVERIFY(button(ChainAction::AddNeuron, added));
    const NodeItem *newItem = m_window->scene()->nodeItem(added);
    for (const auto &n : doc->graph().nodes)
        if (n.id != added)
            QVERIFY(!m_window->scene()->nodeItem(n.id)->sceneBoundingRect().intersects(
                newItem->sceneBoundingRect().adjusted(4, 14, -14, -4)));

    // Neurons: two fewer, one more, each click its own step.
    press(ChainAction::RemoveNeuron, added);
    press(ChainAction::RemoveNeuron, added);
    QCOMPARE(units(added), 6);
    QCOMPARE(undo->undoText(), QStringLiteral("Remove neuron"));
    press(ChainAction::AddNeuron, added);
    QCOMPARE(units(added), 7);
    QCOMPARE(undo->undoText(), QStringLiteral("Add neuron"));
    // The second layer loses one too (the buttons are per layer).
    press(ChainAction::RemoveNeuron, hidden[1]);
    QCOMPARE(units(hidden[1]), 7);
    QCOMPARE(units(hidden[0]), 8);

    // Undo, step by step, restores the sample exactly (positions too); redo comes back.
    undo->undo();
    QCOMPARE(units(hidden[1]), 8);
    undo->undo();
    QCOMPARE(units(added), 6);
    undo->undo();
    undo->undo();
    QCOMPARE(units(added), 8);
    QCOMPARE(undo->undoText(), QStringLiteral("Add hidden layer"));
    undo->undo();
    QCOMPARE(serialised(), sample);
    QCOMPARE(m_window->scene()->chainButtons().buttons().size(), std::size_t(8));
    for (int i = 0; i < 5; ++i)
        undo->redo();
    QCOMPARE(hiddenDenseLayers(doc->graph()).size(), std::size_t(4));
    QCOMPARE(units(added), 7);

    // Removing a hidden layer by its button is one step too.
    press(ChainAction::RemoveLayer);
    QCOMPARE(hiddenDenseLayers(doc->graph()).size(), std::size_t(3));
    QCOMPARE(undo->undoText(), QStringLiteral("Remove hidden layer"));
    press(ChainAction::AddLayer);

    // The network built by clicks trains: the spiral is learnt.
    QVERIFY(doc->canTrain());
    trainUntil(0.9, 60000);
}

void TestChainButtons::onlyForChains()
{
    QVERIFY(m_window->loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/spiral.nnp")));
    QVERIFY(!m_window->scene()->chainButtons().buttons().empty());

    // A lesson that locks the structure: no buttons.
    m_window->scene()->setStructureLocked(true);
    QVERIFY(m_window->scene()->chainButtons().buttons().empty());
    m_window->scene()->setStructureLocked(false);
    QCOMPARE(m_window->scene()->chainButtons().buttons().size(), std::size_t(8));

    // A layer beside the chain makes it no chain: the buttons go, and come back on undo.
    m_window->document()->addNode(LayerKind::Dense, QPointF(0, 400));
    QVERIFY(m_window->scene()->chainButtons().buttons().empty());
    m_window->document()->undoStack()->undo();
    QCOMPARE(m_window->scene()->chainButtons().buttons().size(), std::size_t(8));

    // A branching network (the recommender's two inputs) has none.
    QVERIFY(m_window->loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/recommender.nnp")));
    QVERIFY(m_window->scene()->chainButtons().buttons().empty());
}

QTEST_MAIN(TestChainButtons)
#include "tst_chain_buttons.moc"
