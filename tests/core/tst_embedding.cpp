// The Embedding layer and integer-id Inputs: hand-computed lookups, the padding mask and its gradient
// (numeric check in double), bad ids reported with the layer, the value and the sample, the
// validator's id rules and the vocabulary limit.
#include "gradcheck.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"
#include "train/network.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace nnp;
using namespace nnp::testutil;

namespace {

LayerOptions idInput(int steps)
{
    return LayerOptions().set(opt::input::shape, {steps}).set(opt::input::values, InputValues::Ids);
}
LayerOptions embedding(int vocab, int dim, bool maskZero = false)
{
    return LayerOptions()
        .set(opt::embedding::inputDim, vocab)
        .set(opt::embedding::outputDim, dim)
        .set(opt::embedding::maskZero, maskZero);
}

/// ids (one column per sample) -> Embedding -> Flatten -> Dense 1 sigmoid.
GraphSpec lookupNet(int steps, int vocab, int dim, bool maskZero)
{
    GraphSpec g;
    const NodeId in = g.addNode(LayerKind::Input, "words", idInput(steps));
    const NodeId e = g.addNode(LayerKind::Embedding, "emb", embedding(vocab, dim, maskZero));
    const NodeId f = g.addNode(LayerKind::Flatten, "flat");
    const NodeId o =
        g.addNode(LayerKind::Dense, "out",
                  LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
    g.connect(in, e);
    g.connect(e, f);
    g.connect(f, o);
    return g;
}

bool same(const Matrix &a, const Matrix &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() && a == b;
}

bool hasCode(const ValidationResult &v, DiagnosticCode c, NodeId node)
{
    return std::any_of(v.diagnostics.begin(), v.diagnostics.end(),
                       [&](const Diagnostic &d) { return d.code == c && d.node == node; });
}

} // namespace

class TestEmbedding : public QObject {
    Q_OBJECT

private slots:
    void shapes()
    {
        const ValidationResult one = validate(lookupNet(1, 10, 4, false));
        QVERIFY2(one.ok(), one.summary().c_str());
        QCOMPARE(one.shapes.at(2), (Shape{1, 4}));
        QCOMPARE(one.shapes.at(3), (Shape{4})); // Flatten
        const ValidationResult seq = validate(lookupNet(7, 10, 3, true));
        QCOMPARE(seq.shapes.at(2), (Shape{7, 3}));
        QCOMPARE(seq.parameterCount, 10LL * 3 + 7 * 3 + 1);
    }

    // Each id's column holds its row of the table: step t at rows t·dim … t·dim + dim − 1.
    void lookupByHand()
    {
        Embedding e({5, 2, false, EmbeddingInit::Uniform});
        Rng rng(3);
        const Shape in{3};
        e.initialize({&in, 1}, rng);
        Matrix &w = *e.parameters()[0].value;
        QCOMPARE(w.rows(), Eigen::Index(5));
        QCOMPARE(w.cols(), Eigen::Index(2));
        QVERIFY(w.cwiseAbs().maxCoeff() <= 0.05);
        for (Eigen::Index i = 0; i < 5; ++i)
            for (Eigen::Index d = 0; d < 2; ++d)
                w(i, d) = 10.0 * static_cast<double>(i) + static_cast<double>(d);
        Matrix ids(3, 2);
        ids << 4, 0, 1, 1, 0, 3;
        Matrix y;
        const Matrix *xs[] = {&ids};
        e.forward(xs, y, Mode::Train);
        Matrix expected(6, 2);
        expected << 40, 0, 41, 1, 10, 10, 11, 11, 0, 30, 1, 31;
        QVERIFY(same(y, expected));
        QVERIFY(e.mask().size() == 0); // no mask without mask_zero

        // dL/dW[i] sums dy over the steps that looked i up; ids get no gradient.
        Matrix dy = Matrix::Ones(6, 2);
        dy(0, 0) = 2; // sample 0, step 0 (id 4), first component
        Matrix dx;
        Matrix *dxs[] = {&dx};
        e.backward(xs, y, dy, dxs);
        const Matrix &dw = *e.parameters()[0].grad;
        QCOMPARE(dw(4, 0), 2.0);
        QCOMPARE(dw(4, 1), 1.0);
        QCOMPARE(dw(1, 0), 2.0); // id 1 at sample 0 step 1 and sample 1 step 1
        QCOMPARE(dw(0, 1), 2.0); // id 0 at sample 1 step 0 and sample 0 step 2
        QCOMPARE(dw(2, 0), 0.0);
        QVERIFY(same(dx, Matrix::Zero(3, 2)));
    }

    // mask_zero: id 0 is padding — a zero vector, no gradient, 0 in the mask; PyTorch's padding row is zero
    // from the start.
    void maskZero()
    {
        Embedding e({4, 3, true, EmbeddingInit::Normal});
        Rng rng(5);
        const Shape in{2};
        e.initialize({&in, 1}, rng);
        QVERIFY(same(e.weight().row(0), Matrix::Zero(1, 3)));
        QVERIFY(e.weight().bottomRows(3).cwiseAbs().maxCoeff() > 0.2); // N(0, 1), not ±0.05
        Matrix &w = *e.parameters()[0].value;
        w.row(0).setConstant(7); // even a table with a non-zero padding row gives zeros for id 0
        Matrix ids(2, 2);
        ids << 0, 2, 3, 0;
        Matrix y;
        const Matrix *xs[] = {&ids};
        e.forward(xs, y, Mode::Train);
        QVERIFY(same(y.col(0).head(3), Matrix::Zero(3, 1)));
        QVERIFY(same(y.col(0).tail(3), Matrix(w.row(3).transpose())));
        QVERIFY(same(y.col(1).tail(3), Matrix::Zero(3, 1)));
        Matrix mask(2, 2);
        mask << 0, 1, 1, 0;
        QVERIFY(same(e.mask(), mask));
        Matrix *dxs[] = {nullptr};
        e.backward(xs, y, Matrix::Ones(6, 2), dxs);
        QVERIFY(same(e.parameters()[0].grad->row(0), Matrix::Zero(1, 3)));
        QVERIFY(same(e.parameters()[0].grad->row(2), Matrix::Ones(1, 3)));
    }

    // With padding, the table's row 0 gets no gradient and has no influence; every other row's gradient
    // matches central differences (in double). Without padding, tst_network_gradients checks the same.
    void paddingGradients()
    {
        const int vocab = 4, samples = 7;
        Network net = Network::build(lookupNet(4, vocab, 3, true), 11);
        net.setLoss({LossKind::BinaryCrossEntropy});
        Matrix x(4, samples);
        for (Eigen::Index c = 0; c < x.cols(); ++c)
            for (Eigen::Index r = 0; r < x.rows(); ++r) // every id occurs, the padding id 0 too
                x(r, c) = static_cast<double>((c * 4 + r + c / 3) % vocab);
        Matrix target(1, samples);
        for (Eigen::Index c = 0; c < samples; ++c)
            target(0, c) = static_cast<double>(c % 2);
        net.forward(x, Mode::Train);
        const double before = net.lossAndBackward(target);
        Matrix &table = *net.parameters()[0].ref.value;
        QVERIFY(same(net.parameters()[0].ref.grad->row(0), Matrix::Zero(1, 3)));
        table.row(0).setConstant(0.3); // a padding row that is not zero still changes nothing
        net.forward(x, Mode::Train);
        QCOMPARE(net.lossOf(target), before);
        for (auto &p : net.parameters()) {
            const Matrix analytic = *p.ref.grad;
            const Matrix numeric = numericGradient(*p.ref.value, [&] {
                net.forward(x, Mode::Train);
                return net.lossOf(target);
            });
            if (p.nodeName == "emb") {
                QVERIFY(same(numeric.row(0), Matrix::Zero(1, 3)));
                QVERIFY(numeric.bottomRows(vocab - 1).cwiseAbs().minCoeff() > 1e-8);
            }
            const auto err = compareGradients(p.nodeName + "." + p.ref.name, analytic, numeric);
            QVERIFY2(err.empty(), err.c_str());
        }
    }

    // An id the table does not have stops the pass with the layer's name, the value and the sample; nothing
    // is read out of bounds.
    void badIds_data()
    {
        QTest::addColumn<double>("id");
        QTest::newRow("too large") << 10.0;
        QTest::newRow("negative") << -1.0;
        QTest::newRow("not whole") << 2.5;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN();
        QTest::newRow("huge") << 1e30;
    }
    void badIds()
    {
        QFETCH(double, id);
        Network net = Network::build(lookupNet(2, 10, 2, false), 1);
        Matrix x = Matrix::Constant(2, 5, 3);
        x(1, 3) = id;
        try {
            net.forward(x, Mode::Eval);
            QFAIL("no error");
        } catch (const InvalidIdError &e) {
            QCOMPARE(e.node, std::string("emb"));
            QCOMPARE(e.sample, 3LL);
            QCOMPARE(e.vocabulary, 10);
            QVERIFY(std::isnan(id) ? std::isnan(e.value) : e.value == id);
            const std::string what = e.what();
            QVERIFY2(what.find("'emb'") != std::string::npos && what.find("sample 4") != std::string::npos &&
                         what.find("0 to 9") != std::string::npos,
                     what.c_str());
        }
        // forwardColumns names the sample in the data passed in, not in the batch; predict counts across
        // its chunks.
        Matrix data = Matrix::Constant(2, 9, 1);
        data(0, 8) = id;
        const int cols[] = {2, 8};
        QVERIFY_THROWS_EXCEPTION(InvalidIdError, net.forwardColumns(data, cols, Mode::Train));
        try {
            net.forwardColumns(data, cols, Mode::Train);
        } catch (const InvalidIdError &e) {
            QCOMPARE(e.sample, 8LL);
        }
        try {
            net.predict(data, 3);
            QFAIL("no error");
        } catch (const InvalidIdError &e) {
            QCOMPARE(e.sample, 8LL);
        }
    }

    // An Embedding needs ids straight from an id Input; a Dense may read raw ids.
    void validatorRules()
    {
        GraphSpec g = lookupNet(3, 10, 2, false);
        QVERIFY(validate(g).ok());
        g.find(1)->options.set(opt::input::values, InputValues::Real);
        ValidationResult v = validate(g);
        QVERIFY(!v.ok());
        QVERIFY(hasCode(v, DiagnosticCode::NeedsIds, 2));
        QCOMPARE(v.forNode(2).front().args.at(1).text, std::string("words"));

        // ids through a Dense are real values
        GraphSpec h;
        const NodeId in = h.addNode(LayerKind::Input, "ids", idInput(1));
        const NodeId d = h.addNode(LayerKind::Dense, "d", LayerOptions().set(opt::dense::units, 1));
        const NodeId e = h.addNode(LayerKind::Embedding, "emb", embedding(4, 2));
        const NodeId f = h.addNode(LayerKind::Flatten, "f");
        h.connect(in, d);
        h.connect(d, e);
        h.connect(e, f);
        v = validate(h);
        QVERIFY(hasCode(v, DiagnosticCode::NeedsIds, e));
        QVERIFY(v.forNode(d).empty()); // a Dense on raw ids is fine

        // a grid of ids is not a row of ids
        GraphSpec grid = lookupNet(3, 10, 2, false);
        grid.find(1)->options.set(opt::input::shape, {2, 3});
        QVERIFY(hasCode(validate(grid), DiagnosticCode::NotFlat, 2));
    }

    // Ids are exact in float up to 2^24: a larger vocabulary is refused, as is a table over the parameter
    // limit.
    void vocabularyLimits()
    {
        GraphSpec g = lookupNet(1, kMaxVocabulary, 1, false);
        QVERIFY2(validate(g).ok(), validate(g).summary().c_str());
        g.find(2)->options.set(opt::embedding::inputDim, kMaxVocabulary + 1);
        QVERIFY(hasCode(validate(g), DiagnosticCode::BadOption, 2));
        g.find(2)->options.set(opt::embedding::inputDim, kMaxVocabulary);
        g.find(2)->options.set(opt::embedding::outputDim, 8);
        QVERIFY(hasCode(validate(g), DiagnosticCode::TooLarge, 2));
    }

    // The same seed gives the same table; the default is Keras' U(−0.05, 0.05).
    void initialisation()
    {
        Network a = Network::build(lookupNet(1, 50, 4, false), 9),
                b = Network::build(lookupNet(1, 50, 4, false), 9);
        const Matrix &wa = *a.parameters()[0].ref.value;
        QVERIFY(same(wa, *b.parameters()[0].ref.value));
        QVERIFY(wa.cwiseAbs().maxCoeff() <= 0.05);
        QVERIFY(wa.cwiseAbs().maxCoeff() > 0.04);
        QCOMPARE(layerKind(LayerKind::Embedding).option("init")->def, OptionValue(std::string("uniform")));
        QVERIFY(layerKind(LayerKind::Embedding).traits.integerIds);
    }
};

QTEST_GUILESS_MAIN(TestEmbedding)
#include "tst_embedding.moc"
