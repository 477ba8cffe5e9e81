// The rules behind the canvas's ± buttons (core/graph/chain_edit.h): chains are recognised and nothing
// else is, a hidden layer goes in before the output copying the last hidden layer, the last hidden layer
// comes out with its neighbours joined, and neuron counts stay within the buttons' range.
#include "graph/chain_edit.h"
#include "graph/validator.h"
#include "layers/activations.h"
#include "layers/dense.h"

#include <QTest>

using namespace nnp;

class TestChainEdit : public QObject {
    Q_OBJECT
private slots:
    void recognisesChains();
    void refusesOtherGraphs();
    void insertsBeforeTheOutput();
    void insertsIntoANetworkWithoutHiddenLayers();
    void removesTheLastHiddenLayer();
    void neuronCountsStayInRange();

private:
    static GraphSpec spiralLike() // Input -> 8 tanh -> 8 tanh -> 1 sigmoid, blocks 240 apart
    {
        GraphSpec g = makeMlp(2, {8, 6}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
        for (std::size_t i = 0; i < g.nodes.size(); ++i)
            g.nodes[i].x = 240.0 * static_cast<double>(i);
        return g;
    }
    static GraphSpec applied(GraphSpec g, const LayerInsertion &p)
    {
        g.nodes.push_back(p.node);
        g.edges.erase(std::find(g.edges.begin(), g.edges.end(), p.removed));
        g.edges.push_back(p.in);
        g.edges.push_back(p.out);
        for (const auto &[id, x] : p.shifted)
            g.find(id)->x = x;
        return g;
    }
};

void TestChainEdit::recognisesChains()
{
    const GraphSpec g = spiralLike();
    const auto order = chainOrder(g);
    QVERIFY(order);
    QCOMPARE(order->size(), std::size_t(4));
    QCOMPARE(hiddenDenseLayers(g), (std::vector<NodeId>{order->at(1), order->at(2)}));
    QCOMPARE(chainOutputLayer(g), std::optional<NodeId>(order->back()));

    // An Activation or Dropout inside the chain keeps it a chain; only Dense layers get buttons.
    GraphSpec d = spiralLike();
    const NodeId out = *chainOutputLayer(d);
    const EdgeSpec last = d.inputsOf(out).front();
    d.edges.erase(std::find(d.edges.begin(), d.edges.end(), last));
    const NodeId drop = d.addNode(LayerKind::Dropout, "dropout_1");
    d.connect(last.from, drop);
    d.connect(drop, out);
    QVERIFY(chainOrder(d));
    QCOMPARE(hiddenDenseLayers(d).size(), std::size_t(2));
}

void TestChainEdit::refusesOtherGraphs()
{
    GraphSpec branch = spiralLike(); // a second wire out of the Input: a DAG, not a chain
    const NodeId extra = branch.addNode(LayerKind::Dense, "side");
    branch.connect(branch.nodes.front().id, extra);
    QVERIFY(!chainOrder(branch));
    QVERIFY(hiddenDenseLayers(branch).empty());
    QVERIFY(!planHiddenLayerInsertion(branch, "hidden_9"));
    QVERIFY(!planHiddenLayerRemoval(branch));

    GraphSpec loose = spiralLike(); // a layer on no path
    loose.addNode(LayerKind::Dense, "loose");
    QVERIFY(!chainOrder(loose));

    GraphSpec twoInputs = spiralLike();
    twoInputs.addNode(LayerKind::Input, "input_2");
    QVERIFY(!chainOrder(twoInputs));

    QVERIFY(!chainOrder(GraphSpec{}));
}

void TestChainEdit::insertsBeforeTheOutput()
{
    const GraphSpec g = spiralLike();
    const auto order = *chainOrder(g);
    const auto plan = planHiddenLayerInsertion(g, "hidden_3");
    QVERIFY(plan);
    QVERIFY(plan->node.kind == LayerKind::Dense);
    QCOMPARE(plan->node.name, std::string("hidden_3"));
    QCOMPARE(plan->node.options, g.find(order[2])->options); // as wide as the last hidden layer: 6 tanh
    QCOMPARE(plan->node.options.get(opt::dense::units), 6);
    QCOMPARE(plan->node.x, 720.0); // where the output was
    QCOMPARE(plan->removed, (EdgeSpec{order[2], order[3], 0}));
    QCOMPARE(plan->shifted.size(), std::size_t(1));
    QCOMPARE(plan->shifted.front().second, 720.0 + kChainStep);

    const GraphSpec after = applied(g, *plan);
    const auto newOrder = chainOrder(after);
    QVERIFY(newOrder);
    QCOMPARE(*newOrder, (std::vector<NodeId>{order[0], order[1], order[2], plan->node.id, order[3]}));
    QCOMPARE(hiddenDenseLayers(after).size(), std::size_t(3));
    QVERIFY(validate(after).ok());
}

void TestChainEdit::insertsIntoANetworkWithoutHiddenLayers()
{
    const GraphSpec g = makeMlp(2, {}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    QVERIFY(hiddenDenseLayers(g).empty());
    QVERIFY(!planHiddenLayerRemoval(g));
    const auto plan = planHiddenLayerInsertion(g, "hidden_1");
    QVERIFY(plan);
    QCOMPARE(plan->node.options.get(opt::dense::units), 4);
    QVERIFY(plan->node.options.get(opt::activation) == ActivationKind::ReLU);
    QCOMPARE(hiddenDenseLayers(applied(g, *plan)), std::vector<NodeId>{plan->node.id});
}

void TestChainEdit::removesTheLastHiddenLayer()
{
    const GraphSpec g = spiralLike();
    const auto order = *chainOrder(g);
    const auto plan = planHiddenLayerRemoval(g);
    QVERIFY(plan);
    QCOMPARE(plan->node, order[2]);
    QCOMPARE(plan->in, (EdgeSpec{order[1], order[2], 0}));
    QCOMPARE(plan->out, (EdgeSpec{order[2], order[3], 0}));
    QCOMPARE(plan->joined, (EdgeSpec{order[1], order[3], 0}));
    QCOMPARE(plan->shifted.size(), std::size_t(1));
    QCOMPARE(plan->shifted.front(), (std::pair<NodeId, double>{order[3], 480.0}));

    // Applied twice, the network has no hidden layer and no removal is offered.
    GraphSpec after = g;
    for (int i = 0; i < 2; ++i) {
        const auto p = planHiddenLayerRemoval(after);
        QVERIFY(p);
        for (const EdgeSpec &e : {p->in, p->out})
            after.edges.erase(std::find(after.edges.begin(), after.edges.end(), e));
        after.nodes.erase(std::find_if(after.nodes.begin(), after.nodes.end(),
                                       [&](const NodeSpec &n) { return n.id == p->node; }));
        after.edges.push_back(p->joined);
        QVERIFY(validate(after).ok());
    }
    QVERIFY(hiddenDenseLayers(after).empty());
    QVERIFY(!planHiddenLayerRemoval(after));
}

void TestChainEdit::neuronCountsStayInRange()
{
    GraphSpec g = spiralLike();
    const auto order = *chainOrder(g);
    QCOMPARE(unitsAfter(g, order[1], +1), std::optional<int>(9));
    QCOMPARE(unitsAfter(g, order[1], -1), std::optional<int>(7));
    QVERIFY(!unitsAfter(g, order[3], +1)); // the output layer's width is the data's, not a button's
    QVERIFY(!unitsAfter(g, order[0], +1));
    g.find(order[1])->options.set(opt::dense::units, 1);
    QVERIFY(!unitsAfter(g, order[1], -1));
    g.find(order[1])->options.set(opt::dense::units, kMaxButtonUnits);
    QVERIFY(!unitsAfter(g, order[1], +1));
}

QTEST_APPLESS_MAIN(TestChainEdit)
#include "tst_chain_edit.moc"
