// Trace vs hand computation (issue 5): Trainer::traceStep on a 2-2-1 network with fixed weights, checked
// number by number against the forward pass, the loss, the deltas, the gradients and the SGD update written
// out here with scalars, the way a student computes them on paper (no Eigen products in the expectations):
//   z¹ = W¹x + b¹, a¹ = σ(z¹);  z² = W²a¹ + b², a² = f(z²);  L = loss(a², y)
//   δ² = ∂L/∂z² = (a² − y) for sigmoid + BCE and for linear + MSE (½ convention);  δ¹ = (W²ᵀδ²) ⊙ σ'(z¹)
//   ∂E/∂W = δ aᵀ, ∂E/∂b = δ;  W ← W − α ∂E/∂W
// For a mini-batch of N samples the trace holds the batch-mean loss's gradients: every δ is divided by N and
// the per-sample contributions δ_n a_nᵀ (δ_n of sample n's own loss) sum to N·grad. Variants: sigmoid hidden
// + sigmoid output with binary cross-entropy (the fused from-logits path), and sigmoid hidden + linear output
// with MSE. Double core.
#include "graph/graph_spec.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "losses/loss.h"
#include "train/network.h"
#include "train/trainer.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace nnp;

namespace {

constexpr double kTol = 1e-12;
constexpr double kLearningRate = 0.5;

// Fixed weights (the values of Matt Mazur's well-known worked backpropagation example, 2-2 part).
constexpr double kW1[2][2] = {{0.15, 0.20}, {0.25, 0.30}};
constexpr double kB1[2] = {0.35, 0.45};
constexpr double kW2[2] = {0.40, 0.45};
constexpr double kB2 = 0.60;

// Three samples (columns) and their targets for each variant.
constexpr double kX[3][2] = {{0.05, 0.10}, {-0.3, 0.8}, {1.0, -0.5}};
constexpr double kYBce[3] = {1.0, 0.0, 1.0};
constexpr double kYMse[3] = {0.01, 0.5, -0.2};

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

/// One sample worked by hand: every quantity of the step, for that sample's own loss (not divided by N).
struct Hand {
    double z1[2], a1[2], z2, a2, loss;
    double dLda2;    ///< ∂L/∂a² of this sample's loss
    double d2;       ///< δ² = ∂L/∂z²
    double dLda1[2]; ///< ∂L/∂a¹ = W²ᵀ δ²
    double d1[2];    ///< δ¹ = ∂L/∂a¹ ⊙ σ'(z¹)
};

Hand handSample(const double x[2], double y, bool bce)
{
    Hand h{};
    for (int i = 0; i < 2; ++i) {
        h.z1[i] = kW1[i][0] * x[0] + kW1[i][1] * x[1] + kB1[i];
        h.a1[i] = sigmoid(h.z1[i]);
    }
    h.z2 = kW2[0] * h.a1[0] + kW2[1] * h.a1[1] + kB2;
    if (bce) {
        h.a2 = sigmoid(h.z2);
        h.loss = -(y * std::log(h.a2) + (1 - y) * std::log(1 - h.a2));
        h.dLda2 = -(y / h.a2 - (1 - y) / (1 - h.a2));
        h.d2 = h.dLda2 * h.a2 * (1 - h.a2); // = a² − y
    } else {
        h.a2 = h.z2;
        h.loss = 0.5 * (h.a2 - y) * (h.a2 - y);
        h.dLda2 = h.a2 - y;
        h.d2 = h.dLda2; // linear: f'(z) = 1
    }
    for (int i = 0; i < 2; ++i) {
        h.dLda1[i] = kW2[i] * h.d2;
        h.d1[i] = h.dLda1[i] * h.a1[i] * (1 - h.a1[i]);
    }
    return h;
}

/// The batch-mean step by hand over the given samples: gradients and updated parameters.
struct HandStep {
    std::vector<Hand> samples;
    double loss = 0;
    double gW1[2][2] = {}, gB1[2] = {}, gW2[2] = {}, gB2 = 0;
    double newW1[2][2] = {}, newB1[2] = {}, newW2[2] = {}, newB2 = 0;
};

HandStep handStep(const std::vector<int> &cols, bool bce)
{
    HandStep s;
    const double n = double(cols.size());
    for (int c : cols) {
        const Hand h = handSample(kX[c], bce ? kYBce[c] : kYMse[c], bce);
        s.samples.push_back(h);
        s.loss += h.loss / n;
        for (int i = 0; i < 2; ++i) {
            for (int j = 0; j < 2; ++j)
                s.gW1[i][j] += h.d1[i] * kX[c][j] / n; // ∂E/∂W¹ = δ¹ xᵀ
            s.gB1[i] += h.d1[i] / n;
            s.gW2[i] += h.d2 * h.a1[i] / n; // ∂E/∂W² = δ² a¹ᵀ
        }
        s.gB2 += h.d2 / n;
    }
    for (int i = 0; i < 2; ++i) {
        for (int j = 0; j < 2; ++j)
            s.newW1[i][j] = kW1[i][j] - kLearningRate * s.gW1[i][j];
        s.newB1[i] = kB1[i] - kLearningRate * s.gB1[i];
        s.newW2[i] = kW2[i] - kLearningRate * s.gW2[i];
    }
    s.newB2 = kB2 - kLearningRate * s.gB2;
    return s;
}

struct Fixture {
    Network net;
    NodeId in = 0, hidden = 0, out = 0;
};

Fixture buildNetwork(bool bce)
{
    GraphSpec g;
    LayerOptions io;
    io.set(opt::input::shape, {2});
    LayerOptions h;
    h.set(opt::dense::units, 2);
    h.set(opt::activation, ActivationKind::Sigmoid);
    LayerOptions o;
    o.set(opt::dense::units, 1);
    o.set(opt::activation, bce ? ActivationKind::Sigmoid : ActivationKind::Linear);
    const NodeId in = g.addNode(LayerKind::Input, "x", io);
    const NodeId hid = g.addNode(LayerKind::Dense, "hidden", h);
    const NodeId out = g.addNode(LayerKind::Dense, "output", o);
    g.connect(in, hid);
    g.connect(hid, out);
    Fixture f{Network::build(g, 99), in, hid, out};
    auto params = f.net.parameters(); // hidden W, hidden b, output W, output b
    *params[0].ref.value << kW1[0][0], kW1[0][1], kW1[1][0], kW1[1][1];
    *params[1].ref.value << kB1[0], kB1[1];
    *params[2].ref.value << kW2[0], kW2[1];
    *params[3].ref.value << kB2;
    return f;
}

TrainData data(bool bce)
{
    TrainData d{Matrix(2, 3), Matrix(1, 3)};
    for (int c = 0; c < 3; ++c) {
        d.x(0, c) = kX[c][0];
        d.x(1, c) = kX[c][1];
        d.y(0, c) = bce ? kYBce[c] : kYMse[c];
    }
    return d;
}

TrainingConfig sgdConfig(bool bce)
{
    TrainingConfig c;
    c.loss.kind = bce ? LossKind::BinaryCrossEntropy : LossKind::MSE;
    c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    c.optimizer.learningRate = kLearningRate;
    c.batchSize = 3;
    c.shuffle = false;
    return c;
}

#define EXPECT_NEAR(actual, expected)                                                                        \
    QVERIFY2(std::abs(double(actual) - double(expected)) <= kTol,                                            \
             qPrintable(QStringLiteral("%1 = %2, by hand %3")                                                \
                            .arg(#actual)                                                                    \
                            .arg(double(actual), 0, 'g', 17)                                                 \
                            .arg(double(expected), 0, 'g', 17)))

} // namespace

class TestTrace : public QObject {
    Q_OBJECT

private slots:
    void step_data()
    {
        QTest::addColumn<bool>("bce");
        QTest::addColumn<std::vector<int>>("samples");
        QTest::newRow("sigmoid+BCE, one sample") << true << std::vector<int>{0};
        QTest::newRow("linear+MSE, one sample") << false << std::vector<int>{0};
        QTest::newRow("sigmoid+BCE, other sample") << true << std::vector<int>{1};
        QTest::newRow("sigmoid+BCE, batch of 3") << true << std::vector<int>{0, 1, 2};
        QTest::newRow("linear+MSE, batch of 3") << false << std::vector<int>{2, 0, 1};
    }

    void step()
    {
        QFETCH(bool, bce);
        QFETCH(std::vector<int>, samples);
        Fixture f = buildNetwork(bce);
        Trainer trainer(f.net, sgdConfig(bce), data(bce));
        const Trace t = trainer.traceStep(samples);
        const HandStep hand = handStep(samples, bce);
        const auto n = static_cast<Eigen::Index>(samples.size());

        // What the step was.
        QCOMPARE(t.samples, samples);
        QCOMPARE(t.fusedOutput, bce);
        QVERIFY(t.optimizer == OptimizerKind::SGD);
        QCOMPARE(t.learningRate, kLearningRate);
        QVERIFY(t.loss.kind == (bce ? LossKind::BinaryCrossEntropy : LossKind::MSE));
        QCOMPARE(t.target.rows(), Eigen::Index(1));
        QCOMPARE(t.target.cols(), n);
        for (Eigen::Index c = 0; c < n; ++c)
            QCOMPARE(double(t.target(0, c)),
                     bce ? kYBce[samples[std::size_t(c)]] : kYMse[samples[std::size_t(c)]]);
        EXPECT_NEAR(t.lossValue, hand.loss);
        QCOMPARE(t.nodes.size(), std::size_t(3));
        const NodeTrace *tin = t.find(f.in), *th = t.find(f.hidden), *to = t.find(f.out);
        QVERIFY(tin && th && to);
        QCOMPARE(th->name, std::string("hidden"));
        QVERIFY(to->kind == LayerKind::Dense);

        // Forward, sample by sample.
        QCOMPARE(tin->output.rows(), Eigen::Index(2));
        QCOMPARE(tin->output.cols(), n);
        QCOMPARE(th->inputs.size(), std::size_t(1));
        QCOMPARE(to->inputs.size(), std::size_t(1));
        QCOMPARE(th->z.rows(), Eigen::Index(2));
        QCOMPARE(th->z.cols(), n);
        QCOMPARE(to->z.rows(), Eigen::Index(1));
        for (Eigen::Index c = 0; c < n; ++c) {
            const int s = samples[std::size_t(c)];
            const Hand &h = hand.samples[std::size_t(c)];
            for (int i = 0; i < 2; ++i) {
                QCOMPARE(double(tin->output(i, c)), kX[s][i]);
                QCOMPARE(double(th->inputs[0](i, c)), kX[s][i]);
                EXPECT_NEAR(th->z(i, c), h.z1[i]);
                EXPECT_NEAR(th->output(i, c), h.a1[i]);
                EXPECT_NEAR(to->inputs[0](i, c), h.a1[i]);
            }
            EXPECT_NEAR(to->z(0, c), h.z2);
            EXPECT_NEAR(to->output(0, c), h.a2);
            EXPECT_NEAR(t.sampleLosses[std::size_t(c)], h.loss); // E_n, the sample's own loss
        }
        QCOMPARE(t.sampleLosses.size(), std::size_t(n));

        // Backward: the batch-mean loss's δ is each sample's own δ divided by N.
        const double invN = 1.0 / double(n);
        QCOMPARE(to->gradOutput.cols(), n);
        QCOMPARE(to->gradPre.cols(), n);
        QCOMPARE(th->gradOutput.cols(), n);
        QCOMPARE(th->gradPre.cols(), n);
        for (Eigen::Index c = 0; c < n; ++c) {
            const Hand &h = hand.samples[std::size_t(c)];
            EXPECT_NEAR(to->gradOutput(0, c), h.dLda2 * invN);
            EXPECT_NEAR(to->gradPre(0, c), h.d2 * invN);
            for (int i = 0; i < 2; ++i) {
                EXPECT_NEAR(th->gradOutput(i, c), h.dLda1[i] * invN);
                EXPECT_NEAR(th->gradPre(i, c), h.d1[i] * invN);
            }
        }

        // Gradients and the update.
        QCOMPARE(th->params.size(), std::size_t(2));
        QCOMPARE(to->params.size(), std::size_t(2));
        QCOMPARE(tin->params.size(), std::size_t(0));
        const ParamTrace &w1 = th->params[0], &b1 = th->params[1], &w2 = to->params[0], &b2 = to->params[1];
        QCOMPARE(w1.name, std::string("weight"));
        QCOMPARE(b1.name, std::string("bias"));
        for (int i = 0; i < 2; ++i) {
            for (int j = 0; j < 2; ++j) {
                QCOMPARE(double(w1.before(i, j)), kW1[i][j]);
                EXPECT_NEAR(w1.grad(i, j), hand.gW1[i][j]);
                EXPECT_NEAR(w1.after(i, j), hand.newW1[i][j]);
            }
            QCOMPARE(double(b1.before(i, 0)), kB1[i]);
            EXPECT_NEAR(b1.grad(i, 0), hand.gB1[i]);
            EXPECT_NEAR(b1.after(i, 0), hand.newB1[i]);
            QCOMPARE(double(w2.before(0, i)), kW2[i]);
            EXPECT_NEAR(w2.grad(0, i), hand.gW2[i]);
            EXPECT_NEAR(w2.after(0, i), hand.newW2[i]);
        }
        QCOMPARE(double(b2.before(0, 0)), kB2);
        EXPECT_NEAR(b2.grad(0, 0), hand.gB2);
        EXPECT_NEAR(b2.after(0, 0), hand.newB2);

        // Per-sample contributions δ_n a_nᵀ (δ_n of sample n's own loss) sum to N·grad, and the trace's own
        // columns give the same list the explain panel shows.
        double sumW2[2] = {0, 0}, sumW1[2][2] = {{0, 0}, {0, 0}}, fromTrace[2] = {0, 0};
        for (Eigen::Index c = 0; c < n; ++c) {
            const int s = samples[std::size_t(c)];
            const Hand &h = hand.samples[std::size_t(c)];
            for (int i = 0; i < 2; ++i) {
                sumW2[i] += h.d2 * h.a1[i];
                fromTrace[i] += double(to->gradPre(0, c)) * double(to->inputs[0](i, c));
                for (int j = 0; j < 2; ++j)
                    sumW1[i][j] += h.d1[i] * kX[s][j];
            }
        }
        for (int i = 0; i < 2; ++i) {
            EXPECT_NEAR(sumW2[i], double(n) * double(w2.grad(0, i)));
            EXPECT_NEAR(fromTrace[i], double(w2.grad(0, i)));
            for (int j = 0; j < 2; ++j)
                EXPECT_NEAR(sumW1[i][j], double(n) * double(w1.grad(i, j)));
        }

        // The trace describes the step that really happened: the network now holds the "after" values.
        auto params = f.net.parameters();
        QCOMPARE(*params[0].ref.value, w1.after);
        QCOMPARE(*params[1].ref.value, b1.after);
        QCOMPARE(*params[2].ref.value, w2.after);
        QCOMPARE(*params[3].ref.value, b2.after);
        QCOMPARE(trainer.step(), 1LL);
        QCOMPARE(trainer.samplesSeen(), (long long)n);
    }

    void secondStepStartsFromTheUpdate()
    {
        // Two traced steps in a row: the second one's "before" is the first one's "after", and its forward
        // pass uses those weights.
        Fixture f = buildNetwork(true);
        Trainer trainer(f.net, sgdConfig(true), data(true));
        const std::vector<int> one{0};
        const Trace t1 = trainer.traceStep(one);
        const Trace t2 = trainer.traceStep(one);
        const NodeTrace *h1 = t1.find(f.hidden), *h2 = t2.find(f.hidden);
        QCOMPARE(h2->params[0].before, h1->params[0].after);
        const Matrix z = h1->params[0].after * h2->inputs[0] + h1->params[1].after;
        QVERIFY((z - h2->z).cwiseAbs().maxCoeff() < kTol);
        QVERIFY(t2.lossValue < t1.lossValue); // a step down the gradient on the same sample lowers its loss
        QCOMPARE(trainer.step(), 2LL);
    }

    void badSamplesAreRefused()
    {
        Fixture f = buildNetwork(true);
        Trainer trainer(f.net, sgdConfig(true), data(true));
        const auto before = f.net.parameters()[0].ref.value->eval();
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.traceStep(std::vector<int>{}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.traceStep(std::vector<int>{3}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, trainer.traceStep(std::vector<int>{0, -1}));
        QCOMPARE(*f.net.parameters()[0].ref.value, before);
        QCOMPARE(trainer.step(), 0LL);
    }
};

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"
