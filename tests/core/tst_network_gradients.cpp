// Numeric gradient checks through whole compiled graphs: an MLP, a DAG with two inputs, fan-out, Concatenate
// and Add, BatchNorm and Dropout inside a graph, and every loss including the fused sigmoid/softmax paths.
// Each parameter entry is perturbed in place (Network::parameters()) and the loss re-evaluated.
#include "gradcheck.h"
#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/pooling.h"
#include "layers/reshape.h"
#include "layers/simple_layers.h"
#include "train/network.h"

#include <QtTest>

#include <set>

using namespace nnp;
using namespace nnp::testutil;

Q_DECLARE_METATYPE(nnp::ActivationKind)
Q_DECLARE_METATYPE(nnp::LossKind)

namespace {
LayerOptions dense(int units, ActivationKind act = ActivationKind::Linear)
{
    LayerOptions o;
    o.set(opt::dense::units, units);
    o.set(opt::activation, act);
    return o;
}
LayerOptions input(std::vector<int> shape)
{
    LayerOptions o;
    o.set(opt::input::shape, std::move(shape));
    return o;
}
LayerOptions activation(ActivationKind act)
{
    LayerOptions o;
    o.set(opt::activation, act);
    return o;
}

/// Random targets that suit the loss: real values, 0/1, one-hot columns or class indices.
Matrix targetsFor(LossKind k, int outputs, int n, std::uint64_t seed)
{
    Rng rng(seed);
    Matrix t = Matrix::Zero(targetRows(k, outputs), n);
    for (int c = 0; c < n; ++c) {
        switch (k) {
        case LossKind::BinaryCrossEntropy:
            for (int r = 0; r < outputs; ++r)
                t(r, c) = static_cast<Scalar>(rng.below(2));
            break;
        case LossKind::CategoricalCrossEntropy:
            t(static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(outputs))), c) = 1;
            break;
        case LossKind::SparseCategoricalCrossEntropy:
            t(0, c) = static_cast<Scalar>(rng.below(static_cast<std::uint64_t>(outputs)));
            break;
        default:
            for (int r = 0; r < outputs; ++r)
                t(r, c) = rng.uniform(-2.0, 2.0);
        }
    }
    return t;
}

/// Compares every parameter gradient of lossAndBackward with central differences of lossOf. `reseed` fixes
/// the dropout masks by reseeding before each forward. Also insists each gradient is not identically zero,
/// so that a check cannot pass because nothing reached a parameter.
/// `zeroAllowed` names parameters ("node.param") whose gradient is truly 0; their analytic gradient must be 0
/// too.
std::string checkNetwork(Network &net, const Matrix &x, const Matrix &target, bool reseed = false,
                         const std::set<std::string> &zeroAllowed = {})
{
    auto forward = [&] {
        if (reseed) net.reseedRandomLayers(1234);
        net.forward(x, Mode::Train);
    };
    forward();
    const double loss = net.lossAndBackward(target);
    if (!std::isfinite(loss)) return "loss is not finite";
    auto params = net.parameters();
    if (params.empty()) return "no parameters";
    std::vector<Matrix> grads;
    for (const auto &p : params)
        grads.push_back(*p.ref.grad);
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Matrix numeric = numericGradient(*params[i].ref.value, [&] {
            forward();
            return net.lossOf(target);
        });
        const std::string what = params[i].nodeName + "." + params[i].ref.name;
        if (numeric.cwiseAbs().maxCoeff() < 1e-8 && !zeroAllowed.count(what))
            return what + ": the numeric gradient is zero — the check would prove nothing";
        auto err = compareGradients(what, grads[i], numeric);
        if (!err.empty()) return err;
    }
    return {};
}

/// Two inputs; `h` fans out to two Dense branches that meet in Add; input A also fans out (to `h` and to the
/// Concatenate); the Concatenate joins the Add, a branch from input B, and A itself.
GraphSpec dagSpec(bool samePortTwice)
{
    GraphSpec g;
    const NodeId a = g.addNode(LayerKind::Input, "a", input({3}));
    const NodeId b = g.addNode(LayerKind::Input, "b", input({2}));
    const NodeId h = g.addNode(LayerKind::Dense, "h", dense(4, ActivationKind::Tanh));
    const NodeId b1 = g.addNode(LayerKind::Dense, "b1", dense(3, ActivationKind::Sigmoid));
    const NodeId b2 = g.addNode(LayerKind::Dense, "b2", dense(3, ActivationKind::ELU));
    const NodeId add = g.addNode(LayerKind::Add, "add");
    const NodeId gb = g.addNode(LayerKind::Dense, "gb", dense(2, ActivationKind::Softplus));
    const NodeId cat = g.addNode(LayerKind::Concatenate, "cat");
    const NodeId out = g.addNode(LayerKind::Dense, "out", dense(2));
    g.connect(a, h);
    g.connect(h, b1);
    g.connect(h, b2);
    g.connect(b1, add);
    g.connect(b2, add);
    g.connect(b, gb);
    g.connect(add, cat);
    g.connect(gb, cat);
    g.connect(a, cat);
    if (samePortTwice)
        g.connect(h,
                  cat); // h now has three consumers, one of them the Concatenate that also sees its branches
    g.connect(cat, out);
    return g;
}
} // namespace

class TestNetworkGradients : public QObject {
    Q_OBJECT

private slots:
    void mlp_data()
    {
        QTest::addColumn<ActivationKind>("hidden");
        for (ActivationKind k : allActivations())
            QTest::newRow(std::string(toString(k)).c_str()) << k;
    }
    void mlp()
    {
        QFETCH(ActivationKind, hidden);
        Network net = Network::build(makeMlp(3, {5, 4}, 2, hidden, ActivationKind::Linear), 3);
        net.setLoss({LossKind::MSE});
        const auto err = checkNetwork(net, randomMatrix(3, 6, 1, -2, 2), targetsFor(LossKind::MSE, 2, 6, 2));
        QVERIFY2(err.empty(), err.c_str());
    }

    void dag_data()
    {
        QTest::addColumn<bool>("samePortTwice");
        QTest::newRow("fan-out, Add, Concatenate") << false;
        QTest::newRow("producer also feeds the Concatenate") << true;
    }
    void dag()
    {
        QFETCH(bool, samePortTwice);
        Network net = Network::build(dagSpec(samePortTwice), 5);
        QCOMPARE(net.inputSize(), 5);
        QCOMPARE(net.inputNodes().size(), std::size_t(2));
        QCOMPARE(net.outputSize(), 2);
        net.setLoss({LossKind::MSE});
        const Matrix x = randomMatrix(5, 4, 6, -2, 2), t = targetsFor(LossKind::MSE, 2, 4, 7);
        auto err = checkNetwork(net, x, t);
        QVERIFY2(err.empty(), err.c_str());

        // A copy rewires its own gradient buffers: it must give the same gradients as the original.
        Network copy(net);
        err = checkNetwork(copy, x, t);
        QVERIFY2(err.empty(), err.c_str());
        net.forward(x, Mode::Train);
        net.lossAndBackward(t);
        copy.forward(x, Mode::Train);
        copy.lossAndBackward(t);
        auto pa = net.parameters(), pb = copy.parameters();
        for (std::size_t i = 0; i < pa.size(); ++i)
            QCOMPARE(*pa[i].ref.grad, *pb[i].ref.grad);
    }

    // An image input through Flatten, and one producer wired into both ports of an Add (y = h + h): the two
    // gradient contributions must be summed, not one overwrite the other.
    void flattenAndOneProducerOnTwoPorts()
    {
        GraphSpec g;
        const NodeId in = g.addNode(LayerKind::Input, "image", input({2, 2, 1}));
        const NodeId flat = g.addNode(LayerKind::Flatten, "flat");
        const NodeId h = g.addNode(LayerKind::Dense, "h", dense(3, ActivationKind::Tanh));
        const NodeId add = g.addNode(LayerKind::Add, "add");
        const NodeId out = g.addNode(LayerKind::Dense, "out", dense(2));
        g.connect(in, flat);
        g.connect(flat, h);
        g.connect(h, add, 0);
        g.connect(h, add, 1);
        g.connect(add, out);
        Network net = Network::build(g, 21);
        QCOMPARE(net.inputSize(), 4);
        const Matrix x = randomMatrix(4, 5, 22, -2, 2), t = targetsFor(LossKind::MSE, 2, 5, 23);
        const auto err = checkNetwork(net, x, t);
        QVERIFY2(err.empty(), err.c_str());
    }

    // Reshape (flat -> [channels, height, width] -> Flatten) carries values and gradients unchanged; the Dot
    // of two embeddings-like branches (a recommender's interaction) gets both of its input gradients,
    // including when one producer feeds both ports (y = h·h).
    void reshapeAndDot_data()
    {
        QTest::addColumn<bool>("sameProducer");
        QTest::newRow("two branches") << false;
        QTest::newRow("one producer on both ports") << true;
    }
    void reshapeAndDot()
    {
        QFETCH(bool, sameProducer);
        GraphSpec g;
        const NodeId user = g.addNode(LayerKind::Input, "user", input({4}));
        const NodeId item = g.addNode(LayerKind::Input, "item", input({3}));
        const NodeId eu = g.addNode(LayerKind::Dense, "eu", dense(6, ActivationKind::Tanh));
        const NodeId image =
            g.addNode(LayerKind::Reshape, "image", LayerOptions().set(opt::reshape::shape, {1, 2, 3}));
        const NodeId flat = g.addNode(LayerKind::Flatten, "flat");
        const NodeId ei = g.addNode(LayerKind::Dense, "ei", dense(6, ActivationKind::Sigmoid));
        const NodeId dot = g.addNode(LayerKind::Dot, "dot");
        const NodeId out = g.addNode(LayerKind::Dense, "out", dense(1, ActivationKind::Sigmoid));
        g.connect(user, eu);
        g.connect(eu, image);
        g.connect(image, flat);
        g.connect(item, ei);
        g.connect(flat, dot, 0);
        g.connect(sameProducer ? flat : ei, dot, 1);
        g.connect(dot, out);
        NodeId imageNode = image;
        if (sameProducer) { // ei must still reach the output: feed it through an Add with the Dot's input
            g = GraphSpec{};
            const NodeId u = g.addNode(LayerKind::Input, "user", input({4}));
            const NodeId e = g.addNode(LayerKind::Dense, "eu", dense(6, ActivationKind::Tanh));
            const NodeId r =
                g.addNode(LayerKind::Reshape, "image", LayerOptions().set(opt::reshape::shape, {2, 3}));
            const NodeId f = g.addNode(LayerKind::Flatten, "flat");
            const NodeId d = g.addNode(LayerKind::Dot, "dot");
            const NodeId o = g.addNode(LayerKind::Dense, "out", dense(1, ActivationKind::Sigmoid));
            g.connect(u, e);
            g.connect(e, r);
            g.connect(r, f);
            g.connect(f, d, 0);
            g.connect(f, d, 1);
            g.connect(d, o);
            imageNode = r;
        }
        const ValidationResult v = validate(g);
        QVERIFY2(v.ok(), v.summary().c_str());
        QCOMPARE(v.shapes.at(imageNode), sameProducer ? (Shape{2, 3}) : (Shape{1, 2, 3}));
        Network net = Network::build(g, 31);
        QCOMPARE(net.outputSize(), 1);
        const int inputs = net.inputSize();
        const Matrix x = randomMatrix(inputs, 5, 32, -2, 2);
        net.setLoss({LossKind::BinaryCrossEntropy});
        const auto err = checkNetwork(net, x, targetsFor(LossKind::BinaryCrossEntropy, 1, 5, 33));
        QVERIFY2(err.empty(), err.c_str());

        // The Dot's value is the dot product of its inputs, sample by sample.
        net.forward(x, Mode::Eval);
        const auto &nodes = net.nodes();
        const auto at = [&](const char *name) -> const Network::Node & {
            for (const auto &n : nodes)
                if (n.name == name) return n;
            throw std::logic_error(name);
        };
        const Matrix &a = at("flat").y, &b = sameProducer ? at("flat").y : at("ei").y;
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            QVERIFY(std::abs(at("dot").y(0, c) - a.col(c).dot(b.col(c))) < 1e-12);
    }

    // Embeddings of integer ids (the seed's recommender: user and item ids -> Embedding each -> Flatten ->
    // Concatenate -> Dense -> Dense sigmoid, and its Dot form), and a sequence of ids in which ids repeat:
    // the gradient is scattered onto the table's rows. Every id of the small vocabularies occurs.
    void embeddings_data()
    {
        QTest::addColumn<bool>("sequence");
        QTest::addColumn<bool>("dot");
        QTest::newRow("recommender, concatenate") << false << false;
        QTest::newRow("recommender, dot") << false << true;
        QTest::newRow("a sequence of ids") << true << false;
    }
    void embeddings()
    {
        QFETCH(bool, sequence);
        QFETCH(bool, dot);
        const auto ids = [](int steps) {
            return LayerOptions().set(opt::input::shape, {steps}).set(opt::input::values, InputValues::Ids);
        };
        const auto table = [](int vocab, int dim) {
            return LayerOptions().set(opt::embedding::inputDim, vocab).set(opt::embedding::outputDim, dim);
        };
        GraphSpec g;
        const NodeId u = g.addNode(LayerKind::Input, "user", ids(sequence ? 4 : 1));
        const NodeId eu = g.addNode(LayerKind::Embedding, "user_emb", table(5, 3));
        const NodeId fu = g.addNode(LayerKind::Flatten, "user_flat");
        g.connect(u, eu);
        g.connect(eu, fu);
        NodeId last = fu;
        if (!sequence) {
            const NodeId i = g.addNode(LayerKind::Input, "item", ids(1));
            const NodeId ei = g.addNode(LayerKind::Embedding, "item_emb", table(4, 3));
            const NodeId fi = g.addNode(LayerKind::Flatten, "item_flat");
            const NodeId join = g.addNode(dot ? LayerKind::Dot : LayerKind::Concatenate, "join");
            g.connect(i, ei);
            g.connect(ei, fi);
            g.connect(fu, join);
            g.connect(fi, join);
            last = join;
        }
        if (!dot) {
            const NodeId h = g.addNode(LayerKind::Dense, "hidden", dense(4, ActivationKind::Tanh));
            g.connect(last, h);
            last = h;
        }
        const NodeId out = g.addNode(LayerKind::Dense, "out", dense(1, ActivationKind::Sigmoid));
        g.connect(last, out);
        Network net = Network::build(g, 41);
        net.setLoss({LossKind::BinaryCrossEntropy});
        Matrix x(net.inputSize(), 10);
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            for (Eigen::Index r = 0; r < x.rows(); ++r)
                x(r, c) = static_cast<Scalar>((3 * c + r) % (r == 1 && !sequence ? 4 : 5));
        const auto err = checkNetwork(net, x, targetsFor(LossKind::BinaryCrossEntropy, 1, 10, 42));
        QVERIFY2(err.empty(), err.c_str());
    }

    // A small CNN in a graph: a Dense before the image (so that its gradient checks the convolutions' input
    // gradients too), Conv2D → MaxPool → Conv2D (even kernel, same) → AveragePool (same), two branches joined
    // by Add, GlobalAveragePool and Flatten heads joined by Concatenate, softmax cross-entropy.
    void convolutionalNetwork()
    {
        GraphSpec g;
        const NodeId in = g.addNode(LayerKind::Input, "pixels", input({1, 6, 6}));
        const NodeId mix = g.addNode(LayerKind::Dense, "mix", dense(36, ActivationKind::Tanh));
        const NodeId flatIn = g.addNode(LayerKind::Flatten, "flat in");
        const NodeId image =
            g.addNode(LayerKind::Reshape, "image", LayerOptions().set(opt::reshape::shape, {1, 6, 6}));
        const NodeId c1 = g.addNode(LayerKind::Conv2D, "c1",
                                    LayerOptions()
                                        .set(opt::conv2d::filters, 3)
                                        .set(opt::conv2d::padding, Padding::Same)
                                        .set(opt::activation, ActivationKind::ELU));
        const NodeId pool = g.addNode(LayerKind::MaxPool2D, "pool");
        const NodeId c2 = g.addNode(LayerKind::Conv2D, "c2",
                                    LayerOptions()
                                        .set(opt::conv2d::filters, 2)
                                        .set(opt::conv2d::kernel, {2, 2})
                                        .set(opt::conv2d::padding, Padding::Same)
                                        .set(opt::activation, ActivationKind::Softplus));
        const NodeId c3 = g.addNode(LayerKind::Conv2D, "c3",
                                    LayerOptions()
                                        .set(opt::conv2d::filters, 2)
                                        .set(opt::conv2d::kernel, {1, 1})
                                        .set(opt::conv2d::useBias, false));
        const NodeId sum = g.addNode(LayerKind::Add, "sum");
        const NodeId avg = g.addNode(LayerKind::AveragePool2D, "avg",
                                     LayerOptions()
                                         .set(opt::pool2d::size, {2, 2})
                                         .set(opt::pool2d::strides, {2, 2})
                                         .set(opt::pool2d::padding, Padding::Same));
        const NodeId gap = g.addNode(LayerKind::GlobalAveragePool2D, "gap");
        const NodeId flat = g.addNode(LayerKind::Flatten, "flat");
        const NodeId cat = g.addNode(LayerKind::Concatenate, "cat");
        const NodeId out = g.addNode(LayerKind::Dense, "out", dense(3));
        const NodeId sm = g.addNode(LayerKind::Softmax, "softmax");
        g.connect(in, flatIn);
        g.connect(flatIn, mix);
        g.connect(mix, image);
        g.connect(image, c1);
        g.connect(c1, pool);
        g.connect(pool, c2);
        g.connect(pool, c3);
        g.connect(c2, sum);
        g.connect(c3, sum);
        g.connect(sum, avg);
        g.connect(sum, gap);
        g.connect(avg, flat);
        g.connect(gap, cat);
        g.connect(flat, cat);
        g.connect(cat, out);
        g.connect(out, sm);
        const ValidationResult v = validate(g);
        QVERIFY2(v.ok(), v.summary().c_str());
        QCOMPARE(v.shapes.at(c1), (Shape{3, 6, 6}));
        QCOMPARE(v.shapes.at(pool), (Shape{3, 3, 3}));
        QCOMPARE(v.shapes.at(c2), (Shape{2, 3, 3}));
        QCOMPARE(v.shapes.at(avg), (Shape{2, 2, 2}));
        QCOMPARE(v.shapes.at(gap), (Shape{2}));
        QCOMPARE(v.shapes.at(cat), (Shape{10}));
        Network net = Network::build(g, 41);
        net.setLoss({LossKind::CategoricalCrossEntropy});
        const Matrix x = randomMatrix(36, 4, 42, -1, 1);
        const auto err = checkNetwork(net, x, targetsFor(LossKind::CategoricalCrossEntropy, 3, 4, 43));
        QVERIFY2(err.empty(), err.c_str());
    }

    // Gradients are assigned per backward, not accumulated across calls.
    void backwardTwiceGivesSameGradients()
    {
        Network net = Network::build(dagSpec(false), 5);
        const Matrix x = randomMatrix(5, 4, 6), t = targetsFor(LossKind::MSE, 2, 4, 7);
        net.forward(x, Mode::Train);
        const double l1 = net.lossAndBackward(t);
        std::vector<Matrix> first;
        for (auto &p : net.parameters())
            first.push_back(*p.ref.grad);
        net.forward(x, Mode::Train);
        QCOMPARE(net.lossAndBackward(t), l1);
        auto params = net.parameters();
        for (std::size_t i = 0; i < params.size(); ++i)
            QCOMPARE(*params[i].ref.grad, first[i]);
    }

    void batchNormAndDropout_data()
    {
        QTest::addColumn<bool>("dropoutFirst");
        QTest::newRow("BatchNorm then Dropout") << false;
        QTest::newRow("Dropout then BatchNorm") << true;
    }
    void batchNormAndDropout()
    {
        QFETCH(bool, dropoutFirst);
        GraphSpec g;
        const NodeId in = g.addNode(LayerKind::Input, "in", input({3}));
        const NodeId d1 = g.addNode(LayerKind::Dense, "d1", dense(6));
        LayerOptions drop;
        drop.set(opt::dropout::rate, 0.3);
        const NodeId bn = g.addNode(LayerKind::BatchNorm, "bn");
        const NodeId act = g.addNode(LayerKind::Activation, "act", activation(ActivationKind::Tanh));
        const NodeId dr = g.addNode(LayerKind::Dropout, "drop", drop);
        const NodeId out = g.addNode(LayerKind::Dense, "out", dense(2));
        g.connect(in, d1);
        if (dropoutFirst) {
            g.connect(d1, dr);
            g.connect(dr, bn);
            g.connect(bn, act);
            g.connect(act, out);
        } else {
            g.connect(d1, bn);
            g.connect(bn, act);
            g.connect(act, dr);
            g.connect(dr, out);
        }
        Network net = Network::build(g, 9);
        QVERIFY(net.hasBatchNorm());
        // γ and β away from their initial 1 and 0 so that their gradients are general.
        for (auto &p : net.parameters())
            if (p.ref.name == "gamma" || p.ref.name == "beta")
                *p.ref.value = randomMatrix(6, 1, p.ref.name == "gamma" ? 10 : 11, 0.5, 1.5);
        net.setLoss({LossKind::MSE});
        // With BatchNorm right after d1 (in training mode) the batch mean absorbs d1's bias: dL/db is exactly
        // 0.
        const std::set<std::string> zero =
            dropoutFirst ? std::set<std::string>{} : std::set<std::string>{"d1.bias"};
        const auto err =
            checkNetwork(net, randomMatrix(3, 8, 12, -2, 2), targetsFor(LossKind::MSE, 2, 8, 13), true, zero);
        QVERIFY2(err.empty(), err.c_str());

        // The dropout mask really is in play: without reseeding, two forwards differ.
        const Matrix x = randomMatrix(3, 8, 12);
        net.reseedRandomLayers(1);
        const Matrix y1 = net.forward(x, Mode::Train);
        const Matrix y2 = net.forward(x, Mode::Train);
        QVERIFY(y1 != y2);
    }

    void everyLoss_data()
    {
        QTest::addColumn<LossKind>("loss");
        QTest::addColumn<QString>("head"); // how the network ends
        QTest::addColumn<bool>("fused");
        using K = LossKind;
        QTest::newRow("mse") << K::MSE << "dense" << false;
        QTest::newRow("mae") << K::MAE << "dense" << false;
        QTest::newRow("huber") << K::Huber << "dense" << false;
        QTest::newRow("bce dense sigmoid (fused)") << K::BinaryCrossEntropy << "dense-sigmoid" << true;
        QTest::newRow("bce activation sigmoid (fused)")
            << K::BinaryCrossEntropy << "activation-sigmoid" << true;
        QTest::newRow("bce logistic regression (fused)") << K::BinaryCrossEntropy << "logistic" << true;
        QTest::newRow("bce after softmax (not fused)") << K::BinaryCrossEntropy << "softmax" << false;
        QTest::newRow("cce softmax (fused)") << K::CategoricalCrossEntropy << "softmax" << true;
        QTest::newRow("cce dense sigmoid (not fused)")
            << K::CategoricalCrossEntropy << "dense-sigmoid" << false;
        QTest::newRow("scce softmax (fused)") << K::SparseCategoricalCrossEntropy << "softmax" << true;
        QTest::newRow("scce dense sigmoid (not fused)")
            << K::SparseCategoricalCrossEntropy << "dense-sigmoid" << false;
    }
    void everyLoss()
    {
        QFETCH(LossKind, loss);
        QFETCH(QString, head);
        QFETCH(bool, fused);
        const int outputs = 3;
        GraphSpec g;
        const NodeId in = g.addNode(LayerKind::Input, "in", input({4}));
        NodeId last = in;
        if (head != "logistic") {
            last = g.addNode(LayerKind::Dense, "hidden", dense(5, ActivationKind::Tanh));
            g.connect(in, last);
        }
        const bool sigmoidDense = head == "dense-sigmoid" || head == "logistic";
        const NodeId d =
            g.addNode(LayerKind::Dense, "out",
                      dense(outputs, sigmoidDense ? ActivationKind::Sigmoid : ActivationKind::Linear));
        g.connect(last, d);
        if (head == "activation-sigmoid")
            g.connect(d, g.addNode(LayerKind::Activation, "sigmoid", activation(ActivationKind::Sigmoid)));
        else if (head == "softmax")
            g.connect(d, g.addNode(LayerKind::Softmax, "softmax"));
        Network net = Network::build(g, 17);
        net.setLoss({loss, 0.5});
        QCOMPARE(net.fusedOutput(), fused);
        QCOMPARE(net.fusedLogits() != nullptr, fused);

        const Matrix x = randomMatrix(4, 7, 18, -2, 2), t = targetsFor(loss, outputs, 7, 19);
        const auto err = checkNetwork(net, x, t);
        QVERIFY2(err.empty(), err.c_str());

        // The fused loss is the same number as the loss of the probabilities, and its dL/dz is (a − y)/N.
        net.forward(x, Mode::Train);
        const double value = net.lossAndBackward(t);
        QVERIFY(near(value, lossValue({loss, 0.5}, net.output(), t), 1e-10));
        if (fused) {
            Matrix expected;
            lossGradientFromLogits({loss}, net.output(), t, expected);
            QCOMPARE(*net.fusedLogitGrad(), expected);
        }
    }

    // Logits of ±1000 through a fused head: a finite loss and finite gradients (the unfused path would log
    // 0).
    void fusedHeadsAtExtremeLogits()
    {
        for (bool softmax : {false, true}) {
            GraphSpec g;
            const NodeId in = g.addNode(LayerKind::Input, "in", input({2}));
            const NodeId d =
                g.addNode(LayerKind::Dense, "out",
                          dense(softmax ? 3 : 1, softmax ? ActivationKind::Linear : ActivationKind::Sigmoid));
            g.connect(in, d);
            if (softmax) g.connect(d, g.addNode(LayerKind::Softmax, "softmax"));
            Network net = Network::build(g, 1);
            net.setLoss({softmax ? LossKind::SparseCategoricalCrossEntropy : LossKind::BinaryCrossEntropy});
            auto params = net.parameters();
            // z = ±500·(x₁ + x₂) = ±1000 for x = ±(1, 1); the softmax's rows 1 and 2 take the opposite sign.
            params[0].ref.value->setConstant(500);
            if (softmax) params[0].ref.value->bottomRows(2) *= -1;
            Matrix x(2, 2);
            x << 1, -1, 1, -1;
            const Matrix t = softmax ? (Matrix(1, 2) << 2, 0).finished() : (Matrix(1, 2) << 0, 1).finished();
            net.forward(x, Mode::Train);
            const double loss = net.lossAndBackward(t);
            // Sigmoid: both samples are wrong by a logit of 1000 → mean loss 1000.
            // Softmax: z = (1000, −1000, −1000) with class 2 costs log Σe^z − z₂ = 1000 + 1000 (+ e^−2000
            // terms); z = (−1000, 1000, 1000) with class 0 costs 1000 + ln 2 + 1000. Mean: 2000 + ln 2 / 2.
            const double expected = softmax ? 2000.0 + std::log(2.0) / 2 : 1000.0;
            QVERIFY2(near(loss, expected, 1e-12), qPrintable(QString::number(loss, 'g', 17)));
            QVERIFY(net.allGradientsFinite());
        }
    }

    void regularisationPenalty()
    {
        // Penalty Σ l1|w| + Σ (l2/2) w² over Dense weights only (biases are not penalised):
        // W = [[1, −2]], l1 = 0.1, l2 = 0.2: 0.1·3 + 0.1·5 = 0.8
        GraphSpec g;
        const NodeId in = g.addNode(LayerKind::Input, "in", input({2}));
        LayerOptions o = dense(1);
        o.set(opt::dense::l1, 0.1);
        o.set(opt::dense::l2, 0.2);
        g.connect(in, g.addNode(LayerKind::Dense, "d", o));
        Network net = Network::build(g, 1);
        auto p = net.parameters();
        *p[0].ref.value = (Matrix(1, 2) << 1, -2).finished();
        *p[1].ref.value = (Matrix(1, 1) << 5).finished();
        QVERIFY(near(net.regularizationPenalty(), 0.8));
        net.setRegularization(0, 1.0); // ½·1·5
        QVERIFY(near(net.regularizationPenalty(), 2.5));
        QCOMPARE(net.parameters()[0].ref.l2, 1.0);
    }

    void badShapesThrow()
    {
        Network net = Network::build(makeMlp(3, {4}, 2, ActivationKind::Tanh, ActivationKind::Linear), 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net.forward(Matrix::Zero(4, 2), Mode::Train));
        net.forward(Matrix::Zero(3, 2), Mode::Train);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net.lossAndBackward(Matrix::Zero(2, 3)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net.lossAndBackward(Matrix::Zero(1, 2)));
    }
};

QTEST_GUILESS_MAIN(TestNetworkGradients)
#include "tst_network_gradients.moc"
