// SimpleRNN, LSTM, GRU and the global pooling over time: numeric gradient checks in double (each kind, both
// return modes, with and without a mask), hand-computed steps in PyTorch's formulas, the mask's meaning
// (padded steps leave the state as it was), gradient checks through whole graphs, and shape inference.
#include "gradcheck.h"
#include "layers/dense.h"
#include "layers/layer_registry.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"
#include "train/network.h"

#include <QtTest>

#include <cmath>

using namespace nnp;
using namespace nnp::testutil;

Q_DECLARE_METATYPE(nnp::LayerKind)

namespace {

double sigmoid(double x)
{
    return 1 / (1 + std::exp(-x));
}

Recurrent makeRecurrent(LayerKind kind, int units, bool sequences, int steps, int features,
                        std::uint64_t seed = 7)
{
    Recurrent r({kind, units, sequences});
    Rng rng(seed);
    const Shape in{steps, features};
    r.initialize(std::span<const Shape>(&in, 1), rng);
    return r;
}

/// A 0/1 mask [steps x samples]: sample 0 unmasked, sample 1 padded at the end (Keras' post-padding), sample
/// 2 padded at the start and in the middle.
Matrix someMask(int steps, int samples)
{
    Matrix m = Matrix::Ones(steps, samples);
    if (samples > 1) m.bottomRows(2).col(1).setZero();
    if (samples > 2) {
        m(0, 2) = 0;
        m(steps / 2, 2) = 0;
    }
    return m;
}

LayerOptions input(std::vector<int> shape)
{
    return LayerOptions().set(opt::input::shape, std::move(shape));
}
LayerOptions recurrent(int units, bool sequences)
{
    return LayerOptions().set(opt::rnn::units, units).set(opt::rnn::returnSequences, sequences);
}

/// Every parameter gradient of a network against central differences of its loss.
std::string checkNetwork(Network &net, const Matrix &x, const Matrix &target)
{
    net.forward(x, Mode::Train);
    net.lossAndBackward(target);
    auto params = net.parameters();
    std::vector<Matrix> grads;
    for (const auto &p : params)
        grads.push_back(*p.ref.grad);
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Matrix numeric = numericGradient(*params[i].ref.value, [&] {
            net.forward(x, Mode::Train);
            return net.lossOf(target);
        });
        const std::string what = params[i].nodeName + "." + params[i].ref.name;
        if (numeric.cwiseAbs().maxCoeff() < 1e-8) return what + ": the numeric gradient is zero";
        auto err = compareGradients(what, grads[i], numeric);
        if (!err.empty()) return err;
    }
    return {};
}

} // namespace

class TestRecurrent : public QObject {
    Q_OBJECT

private slots:
    void gradients_data()
    {
        QTest::addColumn<LayerKind>("kind");
        QTest::addColumn<bool>("sequences");
        QTest::addColumn<bool>("masked");
        for (LayerKind k : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU})
            for (bool seq : {false, true})
                for (bool mask : {false, true})
                    QTest::addRow("%s %s%s", toString(k).data(), seq ? "sequences" : "last state",
                                  mask ? " masked" : "")
                        << k << seq << mask;
    }
    /// dL/dx and every parameter gradient (through time) against central differences.
    void gradients()
    {
        QFETCH(LayerKind, kind);
        QFETCH(bool, sequences);
        QFETCH(bool, masked);
        const int steps = 5, features = 3, units = 4, samples = 3;
        Recurrent r = makeRecurrent(kind, units, sequences, steps, features);
        // Larger recurrent weights than the default initialisation, so that the state matters.
        r.weightHh() *= 2;
        r.biasIh() = randomMatrix(r.biasIh().rows(), 1, 4, -0.5, 0.5);
        r.biasHh() = randomMatrix(r.biasHh().rows(), 1, 5, -0.5, 0.5);
        if (masked) r.setMask(someMask(steps, samples));
        const Matrix x = randomMatrix(steps * features, samples, 3, -1.5, 1.5);
        const std::string err = checkLayerGradients(r, {x}, Mode::Train);
        QVERIFY2(err.empty(), err.c_str());
    }

    /// Keras' initialisation: Glorot uniform input kernel, orthogonal recurrent kernel (orthonormal columns
    /// of our [G·units x units]), zero biases but the LSTM's forget gate at 1.
    void initialisationAsKeras_data()
    {
        QTest::addColumn<LayerKind>("kind");
        for (LayerKind k : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU})
            QTest::addRow("%s", toString(k).data()) << k;
    }
    void initialisationAsKeras()
    {
        QFETCH(LayerKind, kind);
        const int units = 6, features = 5, gates = recurrentGates(kind);
        Recurrent r = makeRecurrent(kind, units, false, 7, features, 3);
        const Matrix gram = r.weightHh().transpose() * r.weightHh();
        QVERIFY2(matNear(gram, Matrix::Identity(units, units), 1e-12), show(gram).constData());
        const double limit = std::sqrt(6.0 / (features + gates * units));
        QVERIFY(r.weightIh().cwiseAbs().maxCoeff() <= limit);
        QVERIFY(r.weightIh().cwiseAbs().maxCoeff() > 0.5 * limit);
        Matrix bias = Matrix::Zero(gates * units, 1);
        if (kind == LayerKind::LSTM) bias.middleRows(units, units).setOnes();
        QVERIFY(matNear(r.biasIh(), bias, 0));
        QVERIFY(matNear(r.biasHh(), Matrix::Zero(gates * units, 1), 0));
        // The same seed, the same weights.
        Recurrent again = makeRecurrent(kind, units, false, 7, features, 3);
        QVERIFY(matNear(again.weightHh(), r.weightHh(), 0));
        QVERIFY(matNear(again.weightIh(), r.weightIh(), 0));
    }

    /// Output shapes: the last state [units x N] or every state [T·units x N], time-major.
    void shapesAndSequenceLayout()
    {
        Recurrent last = makeRecurrent(LayerKind::GRU, 4, false, 6, 2);
        Recurrent all = makeRecurrent(LayerKind::GRU, 4, true, 6, 2);
        const Matrix x = randomMatrix(12, 3, 5);
        Matrix a, b;
        const Matrix *xs[] = {&x};
        last.forward(xs, a, Mode::Eval);
        all.forward(xs, b, Mode::Eval);
        QCOMPARE(a.rows(), 4);
        QCOMPARE(b.rows(), 24);
        QCOMPARE(b.cols(), 3);
        QVERIFY(matNear(a, b.bottomRows(4), 0)); // the sequence's last step is the last state
    }

    /// Two SimpleRNN steps with one unit, by hand: h₁ = tanh(w·x₁ + b_ih + b_hh), h₂ = tanh(w·x₂ + u·h₁ + …).
    void simpleRnnByHand()
    {
        Recurrent r = makeRecurrent(LayerKind::SimpleRNN, 1, true, 2, 1);
        r.weightIh()(0, 0) = 0.5;
        r.weightHh()(0, 0) = -0.8;
        r.biasIh()(0, 0) = 0.1;
        r.biasHh()(0, 0) = 0.2;
        const Matrix x = mat(2, 1, {1.0, -2.0});
        Matrix y;
        const Matrix *xs[] = {&x};
        r.forward(xs, y, Mode::Eval);
        const double h1 = std::tanh(0.5 + 0.3);
        const double h2 = std::tanh(-1.0 - 0.8 * h1 + 0.3);
        QVERIFY(near(y(0, 0), h1));
        QVERIFY(near(y(1, 0), h2));
    }

    /// One LSTM unit over two steps in PyTorch's gate order i, f, g, o.
    void lstmByHand()
    {
        Recurrent r = makeRecurrent(LayerKind::LSTM, 1, false, 2, 1);
        r.weightIh() = mat(4, 1, {0.3, -0.2, 0.7, 0.1});
        r.weightHh() = mat(4, 1, {0.5, 0.4, -0.6, 0.9});
        r.biasIh() = mat(4, 1, {0.1, 1.0, 0.0, -0.1});
        r.biasHh() = mat(4, 1, {0.0, 0.2, 0.05, 0.3});
        const double xs1 = 0.8, xs2 = -1.1;
        double h = 0, c = 0;
        for (double x : {xs1, xs2}) {
            const double i = sigmoid(0.3 * x + 0.5 * h + 0.1);
            const double f = sigmoid(-0.2 * x + 0.4 * h + 1.2);
            const double g = std::tanh(0.7 * x - 0.6 * h + 0.05);
            const double o = sigmoid(0.1 * x + 0.9 * h + 0.2);
            c = f * c + i * g;
            h = o * std::tanh(c);
        }
        const Matrix x = mat(2, 1, {xs1, xs2});
        Matrix y;
        const Matrix *in[] = {&x};
        r.forward(in, y, Mode::Eval);
        QVERIFY2(near(y(0, 0), h), show(y).constData());
    }

    /// One GRU unit over two steps, PyTorch's r, z, n with the reset gate applied after the product.
    void gruByHand()
    {
        Recurrent r = makeRecurrent(LayerKind::GRU, 1, false, 2, 1);
        r.weightIh() = mat(3, 1, {0.3, -0.2, 0.7});
        r.weightHh() = mat(3, 1, {0.5, 0.4, -0.6});
        r.biasIh() = mat(3, 1, {0.1, 0.3, 0.2});
        r.biasHh() = mat(3, 1, {0.0, 0.2, -0.4});
        double h = 0;
        for (double x : {0.8, -1.1}) {
            const double rr = sigmoid(0.3 * x + 0.1 + 0.5 * h);
            const double z = sigmoid(-0.2 * x + 0.3 + 0.4 * h + 0.2);
            const double n = std::tanh(0.7 * x + 0.2 + rr * (-0.6 * h - 0.4));
            h = (1 - z) * n + z * h;
        }
        const Matrix x = mat(2, 1, {0.8, -1.1});
        Matrix y;
        const Matrix *in[] = {&x};
        r.forward(in, y, Mode::Eval);
        QVERIFY2(near(y(0, 0), h), show(y).constData());
    }

    /// Keras' masking: padded steps leave the state (h and c) as it was, so a padded sequence ends in the
    /// same state as the sequence without its padding, and its padded outputs repeat the previous output.
    void maskedStepsKeepTheState_data()
    {
        QTest::addColumn<LayerKind>("kind");
        for (LayerKind k : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU})
            QTest::addRow("%s", toString(k).data()) << k;
    }
    void maskedStepsKeepTheState()
    {
        QFETCH(LayerKind, kind);
        const int features = 2, units = 3;
        Recurrent padded = makeRecurrent(kind, units, true, 5, features, 11);
        Recurrent plain = makeRecurrent(kind, units, true, 3, features, 11);
        const Matrix real = randomMatrix(3 * features, 1, 21);
        // Steps: pad, real 0, real 1, pad, real 2 (the pads hold other values: they must not count).
        Matrix x = randomMatrix(5 * features, 1, 22);
        x.middleRows(1 * features, 2 * features) = real.topRows(2 * features);
        x.middleRows(4 * features, features) = real.bottomRows(features);
        padded.setMask(mat(5, 1, {0, 1, 1, 0, 1}));
        Matrix yp, yr;
        const Matrix *xp[] = {&x}, *xr[] = {&real};
        padded.forward(xp, yp, Mode::Eval);
        plain.forward(xr, yr, Mode::Eval);
        auto stepOut = [&](const Matrix &y, int t) { return Matrix(y.middleRows(t * units, units)); };
        QVERIFY(matNear(stepOut(yp, 0), Matrix::Zero(units, 1), 0)); // a padded first step: the zero state
        QVERIFY(matNear(stepOut(yp, 2), stepOut(yr, 1)));
        QVERIFY(matNear(stepOut(yp, 3), stepOut(yr, 1))); // repeats the previous output
        QVERIFY(matNear(stepOut(yp, 4), stepOut(yr, 2)));
        padded.clearMask();
        padded.forward(xp, yp, Mode::Eval);
        QVERIFY(!matNear(stepOut(yp, 4), stepOut(yr, 2), 1e-6)); // without the mask the pads count
    }

    void maskOfTheWrongSizeThrows()
    {
        Recurrent r = makeRecurrent(LayerKind::LSTM, 2, false, 4, 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.setMask(Matrix::Ones(3, 2)));
        r.setMask(Matrix::Ones(4, 2));
        const Matrix x = randomMatrix(4, 3, 1);
        Matrix y;
        const Matrix *xs[] = {&x};
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, r.forward(xs, y, Mode::Eval));
    }

    /// Mean and max over time per feature; max passes its gradient to the first largest step only.
    void globalPoolingOverTime()
    {
        const Matrix x = mat(6, 2,
                             {1, 4,  //
                              2, -1, //
                              3, 4,  //
                              -5, 0, //
                              3, 2,  //
                              0, 1});
        const Shape in{3, 2};
        for (LayerKind k : {LayerKind::GlobalAveragePool1D, LayerKind::GlobalMaxPool1D}) {
            auto layer = layerKind(k).make({});
            Rng rng(1);
            layer->initialize(std::span<const Shape>(&in, 1), rng);
            Matrix y;
            const Matrix *xs[] = {&x};
            layer->forward(xs, y, Mode::Eval);
            const Matrix expected = k == LayerKind::GlobalAveragePool1D
                                        ? mat(2, 2, {7.0 / 3, 10.0 / 3, -1, 0})
                                        : mat(2, 2, {3, 4, 2, 1});
            QVERIFY2(matNear(y, expected), show(y).constData());
            Matrix dx;
            Matrix *dxs[] = {&dx};
            layer->backward(xs, y, Matrix::Ones(2, 2), dxs);
            if (k == LayerKind::GlobalMaxPool1D)
                QVERIFY2(matNear(dx, mat(6, 2, {0, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0, 1})), show(dx).constData());
            const std::string err = checkLayerGradients(*layer, {randomMatrix(6, 3, 4)}, Mode::Train);
            QVERIFY2(err.empty(), err.c_str());
        }
    }

    /// Through whole graphs: LSTM (sequences) → GRU → Dense; SimpleRNN (sequences) → GlobalAveragePool1D and
    /// GRU (sequences) → GlobalMaxPool1D joined by Concatenate → Dense.
    void networks()
    {
        {
            GraphSpec g;
            const NodeId in = g.addNode(LayerKind::Input, "x", input({4, 2}));
            const NodeId a = g.addNode(LayerKind::LSTM, "lstm", recurrent(3, true));
            const NodeId b = g.addNode(LayerKind::GRU, "gru", recurrent(2, false));
            const NodeId d = g.addNode(LayerKind::Dense, "out", LayerOptions().set(opt::dense::units, 2));
            g.connect(in, a);
            g.connect(a, b);
            g.connect(b, d);
            Network net = Network::build(g, 5);
            net.setLoss({LossKind::MSE});
            const std::string err = checkNetwork(net, randomMatrix(8, 3, 1), randomMatrix(2, 3, 2));
            QVERIFY2(err.empty(), err.c_str());
        }
        {
            GraphSpec g;
            const NodeId in = g.addNode(LayerKind::Input, "x", input({5, 2}));
            const NodeId r = g.addNode(LayerKind::SimpleRNN, "rnn", recurrent(3, true));
            const NodeId u = g.addNode(LayerKind::GRU, "gru", recurrent(3, true));
            const NodeId avg = g.addNode(LayerKind::GlobalAveragePool1D, "avg");
            const NodeId max = g.addNode(LayerKind::GlobalMaxPool1D, "max");
            const NodeId cat = g.addNode(LayerKind::Concatenate, "cat");
            const NodeId d = g.addNode(LayerKind::Dense, "out", LayerOptions().set(opt::dense::units, 1));
            g.connect(in, r);
            g.connect(in, u);
            g.connect(r, avg);
            g.connect(u, max);
            g.connect(avg, cat);
            g.connect(max, cat);
            g.connect(cat, d);
            Network net = Network::build(g, 6);
            net.setLoss({LossKind::MSE});
            const std::string err = checkNetwork(net, randomMatrix(10, 4, 3), randomMatrix(1, 4, 4));
            QVERIFY2(err.empty(), err.c_str());
        }
    }

    /// Shapes on the graph: [time, features] in; [units] or [time, units] out; parameters as PyTorch's.
    void shapeInference()
    {
        for (LayerKind k : {LayerKind::SimpleRNN, LayerKind::LSTM, LayerKind::GRU})
            for (bool seq : {false, true}) {
                GraphSpec g;
                const NodeId in = g.addNode(LayerKind::Input, "x", input({20, 3}));
                const NodeId r = g.addNode(k, "r", recurrent(64, seq));
                g.connect(in, r);
                const ValidationResult v = validate(g);
                QVERIFY(v.ok());
                QCOMPARE(v.shapes.at(r), seq ? Shape({20, 64}) : Shape({64}));
                const Shape inShape{20, 3};
                const long long gates = recurrentGates(k);
                QCOMPARE(
                    trainableCount(layerKind(k), recurrent(64, seq), std::span<const Shape>(&inShape, 1)),
                    gates * 64 * (3 + 64 + 2));
            }
    }
};

QTEST_APPLESS_MAIN(TestRecurrent)
#include "tst_recurrent.moc"
