// GraphDocument and its commands without a window: every edit undoes and redoes exactly, refusals say why.
#include "commands/graph_commands.h"
#include "document/default_project.h"
#include "document/graph_document.h"
#include "document/graph_fragment.h"
#include "editor/auto_layout.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

#include <QFile>
#include <QSignalSpy>
#include <QSvgRenderer>
#include <QTest>
#include <QUndoStack>

using namespace nnp;

class TestGraphDocument : public QObject {
    Q_OBJECT
private slots:
    void everyKindHasItsIcon();
    void addUndoRedo();
    void refusedConnections_data();
    void refusedConnections();
    void multiInputSlots();
    void deleteSelectionIsOneStep();
    void optionEditsMerge();
    void hyperparametersUndo();
    void fragmentRoundTripAndPaste();
    void malformedClipboardIsRejected();
    void modifiedFollowsUndo();
    void layeredLayoutFollowsDepth();

private:
    static QByteArray serialised(const GraphDocument &doc)
    {
        std::vector<NodeId> all;
        for (const auto &n : doc.graph().nodes)
            all.push_back(n.id);
        return GraphFragment::extract(doc.graph(), all).toJson();
    }
};

void TestGraphDocument::everyKindHasItsIcon()
{
    // The icons are embedded by a glob (ui/CMakeLists.txt): a registered kind whose icon file is missing or
    // misnamed fails here, not as a blank palette entry.
    for (const LayerKindInfo *k : layerKinds()) {
        const QString path = QStringLiteral(":/icons/%1.svg").arg(QString::fromLatin1(k->ui.icon));
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QVERIFY2(QSvgRenderer(path).isValid(), qPrintable(path));
    }
}

void TestGraphDocument::addUndoRedo()
{
    GraphDocument doc;
    doc.reset(makeEmptyProject());
    QSignalSpy added(&doc, &GraphDocument::nodeAdded);
    QSignalSpy removed(&doc, &GraphDocument::nodeRemoved);
    const GraphSpec empty = doc.graph();
    const NodeId in = doc.addNode(LayerKind::Input, {0, 0});
    const NodeId dense = doc.addNode(LayerKind::Dense, {300, 0});
    QVERIFY(doc.connectNodes(in, dense).isEmpty());
    QCOMPARE(added.count(), 2);
    QCOMPARE(doc.graph().nodes.size(), 2u);
    QCOMPARE(doc.graph().nodes[1].name, std::string("dense_1"));
    QVERIFY(doc.validation().ok());
    QCOMPARE(doc.validation().shapes.at(dense), Shape{4});
    const GraphSpec built = doc.graph();

    doc.undoStack()->undo();
    QVERIFY(doc.graph().edges.empty());
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(removed.count(), 2);
    QVERIFY(doc.graph() == empty);
    for (int i = 0; i < 3; ++i)
        doc.undoStack()->redo();
    QVERIFY(doc.graph() == built);
}

void TestGraphDocument::refusedConnections_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QString>("reason");
    // Default network: 1 input -> 2 hidden_1 -> 3 hidden_2 -> 4 output.
    QTest::newRow("cycle") << 4 << 2 << "loop";
    QTest::newRow("into input") << 3 << 1 << "data enters";
    QTest::newRow("self") << 2 << 2 << "itself";
    QTest::newRow("port taken") << 1 << 3 << "one input";
    QTest::newRow("already wired") << 1 << 2 << "already feeds";
    QTest::newRow("missing node") << 1 << 99 << "no longer exists";
}

void TestGraphDocument::refusedConnections()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QString, reason);
    GraphDocument doc;
    doc.reset(makeDefaultProject());
    const GraphSpec before = doc.graph();
    const QString problem = doc.connectNodes(from, to);
    QVERIFY2(problem.contains(reason), qPrintable(problem));
    QVERIFY(doc.graph() == before);
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestGraphDocument::multiInputSlots()
{
    GraphDocument doc;
    doc.reset(makeEmptyProject());
    const NodeId in = doc.addNode(LayerKind::Input, {0, 0});
    const NodeId a = doc.addNode(LayerKind::Dense, {300, -100});
    const NodeId b = doc.addNode(LayerKind::Dense, {300, 100});
    const NodeId cat = doc.addNode(LayerKind::Concatenate, {600, 0});
    QVERIFY(doc.connectNodes(in, a).isEmpty());
    QVERIFY(doc.connectNodes(in, b).isEmpty());
    QVERIFY(doc.connectNodes(a, cat).isEmpty());
    QCOMPARE(doc.nextFreePort(cat), 1);
    QVERIFY(doc.connectionProblem(b, cat, 0).contains("already taken"));
    QVERIFY(doc.connectNodes(b, cat).isEmpty());
    QCOMPARE(doc.graph().inputsOf(cat).size(), 2u);
    QCOMPARE(doc.graph().inputsOf(cat)[1].from, b);
    QVERIFY(doc.validation().ok());
    QCOMPARE(doc.validation().shapes.at(cat), Shape{8});
}

void TestGraphDocument::deleteSelectionIsOneStep()
{
    GraphDocument doc;
    doc.reset(makeDefaultProject());
    const QByteArray before = serialised(doc);
    doc.removeItems({2, 3});
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.graph().nodes.size(), 2u);
    QVERIFY(doc.graph().edges.empty()); // every wire touching the two hidden layers went with them
    QVERIFY(!doc.validation().ok());
    doc.undoStack()->undo();
    QCOMPARE(serialised(doc), before);
    QVERIFY(doc.validation().ok());
    doc.undoStack()->redo();
    QCOMPARE(doc.graph().nodes.size(), 2u);

    // A lone wire.
    doc.undoStack()->undo();
    doc.removeItems({}, {EdgeSpec{2, 3, 0}});
    QCOMPARE(doc.graph().edges.size(), 2u);
    doc.undoStack()->undo();
    QCOMPARE(serialised(doc), before);
}

void TestGraphDocument::optionEditsMerge()
{
    GraphDocument doc;
    doc.reset(makeDefaultProject());
    const QByteArray before = serialised(doc);
    for (int units : {5, 6, 7}) {
        LayerOptions o = doc.graph().find(2)->options;
        o.set(opt::dense::units, units);
        doc.undoStack()->push(new ChangeNodeOptionsCommand(&doc, 2, "hidden_1", o, "units"));
    }
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.graph().find(2)->options.get(opt::dense::units), 7);
    QCOMPARE(doc.validation().shapes.at(2), Shape{7});
    // Another field is another step.
    LayerOptions o = doc.graph().find(2)->options;
    o.set(opt::activation, ActivationKind::ReLU);
    doc.undoStack()->push(new ChangeNodeOptionsCommand(&doc, 2, "hidden_1", o, "activation"));
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(serialised(doc), before);
}

void TestGraphDocument::hyperparametersUndo()
{
    GraphDocument doc;
    doc.reset(makeDefaultProject());
    QSignalSpy changed(&doc, &GraphDocument::hyperparametersChanged);
    for (double lr : {0.1, 0.3}) {
        TrainingConfig c = doc.training();
        c.optimizer.learningRate = lr;
        doc.undoStack()->push(new ChangeHyperparametersCommand(&doc, c, "learning rate"));
    }
    TrainingConfig c = doc.training();
    c.batchSize = 32;
    doc.undoStack()->push(new ChangeHyperparametersCommand(&doc, c, "batch size"));
    QCOMPARE(doc.undoStack()->count(), 2);
    QCOMPARE(doc.training().optimizer.learningRate, 0.3);
    QCOMPARE(doc.training().batchSize, 32);
    doc.undoStack()->undo();
    QCOMPARE(doc.training().batchSize, 10);
    doc.undoStack()->undo();
    QCOMPARE(doc.training().optimizer.learningRate, 0.03);
    QCOMPARE(changed.count(), 5);
}

void TestGraphDocument::fragmentRoundTripAndPaste()
{
    GraphDocument doc;
    doc.reset(makeDefaultProject());
    doc.undoStack()->push(new ChangeNodeOptionsCommand(
        &doc, 3, "hidden_2",
        [&] {
            LayerOptions o = doc.graph().find(3)->options;
            o.set(opt::dense::l2, 0.001);
            o.set(opt::dense::useBias, false);
            return o;
        }(),
        "L2"));
    const QByteArray before = serialised(doc);
    const GraphFragment copied = GraphFragment::extract(doc.graph(), {2, 3});
    QCOMPARE(copied.nodes.size(), 2u);
    QCOMPARE(copied.edges.size(), 1u); // only the wire between the two
    const auto parsed = GraphFragment::fromJson(copied.toJson());
    QVERIFY(parsed);
    QVERIFY(parsed->nodes == copied.nodes);
    QVERIFY(parsed->edges == copied.edges);

    GraphFragment pasted = parsed->rebasedFor(doc, {40, 40});
    QCOMPARE(pasted.nodes[0].id, 5);
    QCOMPARE(pasted.nodes[1].id, 6);
    QCOMPARE(pasted.edges.front().from, 5);
    QCOMPARE(pasted.edges.front().to, 6);
    QCOMPARE(pasted.nodes[0].name, std::string("hidden_3"));
    QCOMPARE(pasted.nodes[1].name, std::string("hidden_4"));
    QCOMPARE(pasted.nodes[1].options, doc.graph().find(3)->options);
    QCOMPARE(pasted.nodes[0].x, doc.graph().find(2)->x + 40);
    const int steps = doc.undoStack()->count();
    doc.undoStack()->push(new PasteCommand(&doc, pasted.nodes, pasted.edges));
    QCOMPARE(doc.undoStack()->count(), steps + 1);
    QCOMPARE(doc.graph().nodes.size(), 6u);
    QCOMPARE(doc.graph().edges.size(), 4u);
    doc.undoStack()->undo();
    QCOMPARE(serialised(doc), before);
}

void TestGraphDocument::malformedClipboardIsRejected()
{
    QVERIFY(!GraphFragment::fromJson("not json"));
    QVERIFY(!GraphFragment::fromJson(R"({"format":"other","nodes":[]})"));
    QVERIFY(!GraphFragment::fromJson(
        R"({"format":"nnp-layers","nodes":[{"id":1,"kind":"Nope","options":{"activation":"tanh","init":"zeros"}}]})"));
    QVERIFY(!GraphFragment::fromJson(
        R"({"format":"nnp-layers","nodes":[],"edges":[{"from":1,"to":2,"port":0}]})")); // dangling wire
}

void TestGraphDocument::modifiedFollowsUndo()
{
    GraphDocument doc;
    doc.reset(makeDefaultProject());
    QSignalSpy modified(&doc, &GraphDocument::modifiedChanged);
    QVERIFY(!doc.isModified());
    doc.addNode(LayerKind::Dropout, {0, 300});
    QVERIFY(doc.isModified());
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
    QCOMPARE(modified.count(), 2);
    QCOMPARE(doc.displayName(), QStringLiteral("Untitled"));
}

void TestGraphDocument::layeredLayoutFollowsDepth()
{
    GraphSpec g = makeMlp(2, {4, 2}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    for (auto &n : g.nodes)
        n.x = n.y = 0;
    QVERIFY(needsLayout(g));
    const auto pos = layeredLayout(g);
    for (std::size_t i = 1; i < g.nodes.size(); ++i)
        QVERIFY(pos.at(g.nodes[i].id).x() > pos.at(g.nodes[i - 1].id).x());
    for (auto &n : g.nodes) {
        n.x = pos.at(n.id).x();
        n.y = pos.at(n.id).y();
    }
    QVERIFY(!needsLayout(g));
}

QTEST_GUILESS_MAIN(TestGraphDocument)
#include "tst_graph_document.moc"
