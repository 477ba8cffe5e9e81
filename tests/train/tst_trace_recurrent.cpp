// The explained step through a recurrent layer (issue 11): Trainer::traceStep on ids → Embedding(mask_zero)
// → SimpleRNN / LSTM / GRU (2 units) → Dense 1 sigmoid with binary cross-entropy, over three steps of which
// one is padding, checked against PyTorch's equations written out here in double:
//   SimpleRNN  hₜ = tanh(W xₜ + b_ih + U hₜ₋₁ + b_hh)
//   LSTM       i, f, o = σ(Wᵢ,f,o xₜ + Uᵢ,f,o hₜ₋₁ + b),  g = tanh(W_g xₜ + U_g hₜ₋₁ + b),
//              cₜ = f⊙cₜ₋₁ + i⊙g,  hₜ = o⊙tanh(cₜ)
//   GRU        r, z = σ(W xₜ + U hₜ₋₁ + b),  n = tanh(W_n xₜ + b_in + r⊙(U_n hₜ₋₁ + b_hn)),
//              hₜ = (1 − z)⊙n + z⊙hₜ₋₁   (PyTorch: the reset gate after the product)
//   a masked (padded) step keeps hₜ = hₜ₋₁ (and cₜ = cₜ₋₁).
// Backward: the trace's dE/dhₜ against central differences of the hand-run loss with hₜ nudged (the
// recurrence continuing from the nudged state), and every parameter's gradient as the sum of the steps'
// shares (stepContribution). Double core.
#include "graph/graph_spec.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"
#include "train/network.h"
#include "train/recurrent_trace.h"
#include "train/trainer.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace nnp;

Q_DECLARE_METATYPE(nnp::LayerKind)

namespace {

using Vec = Eigen::VectorXd;
using Mat = Eigen::MatrixXd;

constexpr int kSteps = 3, kUnits = 2, kDim = 2, kVocab = 6;

double sigmoid(double z)
{
    return 1.0 / (1.0 + std::exp(-z));
}

Vec sigmoid(const Vec &v)
{
    Vec out(v.size());
    for (Eigen::Index i = 0; i < v.size(); ++i)
        out(i) = sigmoid(v(i));
    return out;
}

Vec tanhOf(const Vec &v)
{
    return v.array().tanh().matrix();
}

struct Weights {
    Mat table, wih, whh;
    Vec bih, bhh;
    Vec dw;
    double db = 0;
};

/// One step by hand, as the header's formulas say.
struct HandStep {
    bool masked = false;
    Vec x, hPrev, cPrev, pre, gates, h, c;
};

struct HandRun {
    std::vector<HandStep> steps;
    double loss = 0;
};

/// The forward pass by hand; `nudgeStep` ≥ 0 adds `eps` to unit `nudgeUnit` of h at that step (after the
/// step, before the next one reads it).
HandRun handRun(LayerKind kind, const Weights &w, const std::vector<int> &ids, double y, int nudgeStep = -1,
                int nudgeUnit = 0, double eps = 0)
{
    HandRun run;
    const int H = kUnits;
    Vec h = Vec::Zero(H), c = Vec::Zero(H);
    for (int t = 0; t < kSteps; ++t) {
        HandStep s;
        s.masked = ids[std::size_t(t)] == 0;
        s.x = w.table.row(ids[std::size_t(t)]).transpose();
        if (s.masked) s.x.setZero(); // the Embedding outputs zero for the padding id
        s.hPrev = h;
        s.cPrev = c;
        if (kind == LayerKind::SimpleRNN) {
            s.pre = w.wih * s.x + w.bih + w.whh * h + w.bhh;
            s.gates = tanhOf(s.pre);
            if (!s.masked) h = s.gates;
        } else if (kind == LayerKind::LSTM) {
            s.pre = w.wih * s.x + w.bih + w.whh * h + w.bhh;
            const Vec i = sigmoid(s.pre.segment(0, H)), f = sigmoid(s.pre.segment(H, H)),
                      g = tanhOf(s.pre.segment(2 * H, H)), o = sigmoid(s.pre.segment(3 * H, H));
            s.gates.resize(4 * H);
            s.gates << i, f, g, o;
            if (!s.masked) {
                c = f.cwiseProduct(c) + i.cwiseProduct(g);
                h = o.cwiseProduct(tanhOf(c));
            }
        } else {
            const Vec a = w.wih * s.x + w.bih, b = w.whh * h + w.bhh;
            s.pre.resize(3 * H);
            s.pre.segment(0, 2 * H) = a.segment(0, 2 * H) + b.segment(0, 2 * H);
            const Vec r = sigmoid(s.pre.segment(0, H)), z = sigmoid(s.pre.segment(H, H));
            s.pre.segment(2 * H, H) = a.segment(2 * H, H) + r.cwiseProduct(b.segment(2 * H, H));
            const Vec n = tanhOf(s.pre.segment(2 * H, H));
            s.gates.resize(3 * H);
            s.gates << r, z, n;
            if (!s.masked) h = (Vec::Ones(H) - z).cwiseProduct(n) + z.cwiseProduct(h);
        }
        if (t == nudgeStep) h(nudgeUnit) += eps;
        s.h = h;
        s.c = c;
        run.steps.push_back(s);
    }
    const double p = sigmoid(w.dw.dot(h) + w.db);
    run.loss = -(y * std::log(p) + (1 - y) * std::log(1 - p));
    return run;
}

GraphSpec model(LayerKind kind)
{
    GraphSpec g;
    const NodeId in =
        g.addNode(LayerKind::Input, "ids",
                  LayerOptions().set(opt::input::shape, {kSteps}).set(opt::input::values, InputValues::Ids));
    const NodeId emb = g.addNode(LayerKind::Embedding, "table",
                                 LayerOptions()
                                     .set(opt::embedding::inputDim, kVocab)
                                     .set(opt::embedding::outputDim, kDim)
                                     .set(opt::embedding::maskZero, true));
    const NodeId r = g.addNode(kind, "memory", LayerOptions().set(opt::rnn::units, kUnits));
    const NodeId out =
        g.addNode(LayerKind::Dense, "out",
                  LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
    g.connect(in, emb);
    g.connect(emb, r);
    g.connect(r, out);
    return g;
}

/// Sets every parameter to a fixed pseudo-random value in [−1.5, 1.5] (gates far from ½) and reads them back.
Weights randomise(Network &net)
{
    Rng rng(11);
    for (auto &p : net.parameters())
        for (Eigen::Index i = 0; i < p.ref.value->size(); ++i)
            p.ref.value->data()[i] = rng.uniform(-1.5, 1.5);
    auto &rec = static_cast<Recurrent &>(net.layer(2));
    Weights w;
    w.table = *net.parameters()[0].ref.value;
    w.wih = rec.weightIh();
    w.whh = rec.weightHh();
    w.bih = rec.biasIh().col(0);
    w.bhh = rec.biasHh().col(0);
    const auto params = net.parameters();
    w.dw = params[params.size() - 2].ref.value->row(0).transpose();
    w.db = (*params.back().ref.value)(0, 0);
    return w;
}

// Two sentences: a padded step in the middle (the state must stay) and one in front; targets 1 and 0.
const std::vector<std::vector<int>> kIds = {{2, 0, 4}, {0, 3, 5}};
constexpr double kY[2] = {1.0, 0.0};

TrainData data()
{
    TrainData d{Matrix(kSteps, 2), Matrix(1, 2)};
    for (int n = 0; n < 2; ++n) {
        for (int t = 0; t < kSteps; ++t)
            d.x(t, n) = kIds[std::size_t(n)][std::size_t(t)];
        d.y(0, n) = kY[n];
    }
    return d;
}

TrainingConfig config()
{
    TrainingConfig c;
    c.loss.kind = LossKind::BinaryCrossEntropy;
    c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    c.optimizer.learningRate = 0.1;
    c.batchSize = 2;
    c.shuffle = false;
    return c;
}

void expectClose(const Matrix &actual, const Vec &expected, double tol, const char *what, int t)
{
    QVERIFY2(actual.rows() == expected.size() && actual.cols() == 1,
             qPrintable(QStringLiteral("%1 at step %2: shape").arg(what).arg(t)));
    for (Eigen::Index i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(double(actual(i, 0)) - expected(i)) <= tol,
                 qPrintable(QStringLiteral("%1 at step %2, row %3: %4, by hand %5")
                                .arg(what)
                                .arg(t)
                                .arg(i)
                                .arg(double(actual(i, 0)), 0, 'g', 17)
                                .arg(expected(i), 0, 'g', 17)));
}

} // namespace

class TestTraceRecurrent : public QObject {
    Q_OBJECT

private slots:
    void kinds_data()
    {
        QTest::addColumn<LayerKind>("kind");
        QTest::addColumn<int>("sample");
        for (int s = 0; s < 2; ++s) {
            QTest::addRow("SimpleRNN, sentence %d", s) << LayerKind::SimpleRNN << s;
            QTest::addRow("LSTM, sentence %d", s) << LayerKind::LSTM << s;
            QTest::addRow("GRU, sentence %d", s) << LayerKind::GRU << s;
        }
    }

    void forwardAgainstHand_data() { kinds_data(); }
    void forwardAgainstHand()
    {
        QFETCH(LayerKind, kind);
        QFETCH(int, sample);
        Network net = Network::build(model(kind), 5);
        const Weights w = randomise(net);
        Trainer trainer(net, config(), data());
        const std::vector<int> samples{sample};
        const Trace trace = trainer.traceStep(samples);
        const NodeTrace &nt = trace.nodes[2];
        QVERIFY(nt.kind == kind);
        const RecurrentTrace &r = nt.recurrent;
        QCOMPARE(r.units, kUnits);
        QCOMPARE(r.gates, recurrentGates(kind));
        QCOMPARE(r.features, kDim);
        QCOMPARE(int(r.steps.size()), kSteps);
        const auto &ids = kIds[std::size_t(sample)];
        const HandRun hand = handRun(kind, w, ids, kY[sample]);
        QVERIFY(std::abs(trace.lossValue - hand.loss) < 1e-12);
        for (int t = 0; t < kSteps; ++t) {
            const RecurrentStepTrace &s = r.steps[std::size_t(t)];
            const HandStep &e = hand.steps[std::size_t(t)];
            QCOMPARE(s.ids, std::vector<double>{double(ids[std::size_t(t)])});
            QCOMPARE(s.masked, std::vector<bool>{e.masked});
            expectClose(s.x, e.x, 1e-12, "x", t);
            expectClose(s.hPrev, e.hPrev, 1e-12, "h_prev", t);
            expectClose(s.pre, e.pre, 1e-12, "pre-activation", t);
            expectClose(s.gates, e.gates, 1e-12, "gates", t);
            expectClose(s.h, e.h, 1e-12, "h", t);
            if (kind == LayerKind::LSTM) {
                expectClose(s.cPrev, e.cPrev, 1e-12, "c_prev", t);
                expectClose(s.c, e.c, 1e-12, "c", t);
            } else {
                QCOMPARE(s.c.size(), Eigen::Index(0));
            }
            // The gate's parts from the weights before the update add up to its pre-activation.
            for (int row = 0; row < s.pre.rows(); ++row)
                QVERIFY(std::abs(gateParts(nt, row, t, 0).pre() - e.pre(row)) < 1e-12);
            if (e.masked) {
                QVERIFY(s.h == s.hPrev);        // masked: state unchanged
                QVERIFY(s.gradPre.isZero(0.0)); // and no gate learns from the step
            }
        }
    }

    void stateGradientsAgainstFiniteDifferences_data() { kinds_data(); }
    void stateGradientsAgainstFiniteDifferences()
    {
        QFETCH(LayerKind, kind);
        QFETCH(int, sample);
        Network net = Network::build(model(kind), 5);
        const Weights w = randomise(net);
        Trainer trainer(net, config(), data());
        const Trace trace = trainer.traceStep(std::vector<int>{sample});
        const RecurrentTrace &r = trace.nodes[2].recurrent;
        const auto &ids = kIds[std::size_t(sample)];
        const double eps = 1e-6;
        for (int t = 0; t < kSteps; ++t) {
            Vec numeric(kUnits);
            for (int u = 0; u < kUnits; ++u)
                numeric(u) = (handRun(kind, w, ids, kY[sample], t, u, eps).loss -
                              handRun(kind, w, ids, kY[sample], t, u, -eps).loss) /
                             (2 * eps);
            const RecurrentStepTrace &s = r.steps[std::size_t(t)];
            expectClose(s.gradH, numeric, 1e-8, "dE/dh", t);
            QVERIFY(std::abs(stateGradientNorm(s) - numeric.norm()) < 1e-8);
        }
        // The gradient reaches the first step: not zero (else the check above proves little).
        QVERIFY(stateGradientNorm(r.steps.front()) > 1e-4);
    }

    void weightGradientIsTheSumOverSteps_data() { kinds_data(); }
    void weightGradientIsTheSumOverSteps()
    {
        QFETCH(LayerKind, kind);
        QFETCH(int, sample);
        Network net = Network::build(model(kind), 5);
        randomise(net);
        Trainer trainer(net, config(), data());
        // Both sentences in one mini-batch: the shares sum over the batch's samples too.
        const Trace trace = trainer.traceStep(std::vector<int>{sample, 1 - sample});
        const NodeTrace &nt = trace.nodes[2];
        QCOMPARE(int(nt.params.size()), 4);
        for (const ParamTrace &p : nt.params) {
            double largest = 0;
            for (int row = 0; row < p.grad.rows(); ++row)
                for (int col = 0; col < p.grad.cols(); ++col) {
                    double sum = 0;
                    for (int t = 0; t < kSteps; ++t)
                        sum += stepContribution(kind, nt.recurrent, p.name, row, col, t);
                    QVERIFY2(std::abs(sum - double(p.grad(row, col))) < 1e-12,
                             qPrintable(QStringLiteral("%1(%2, %3): steps sum to %4, gradient %5")
                                            .arg(QString::fromStdString(p.name))
                                            .arg(row)
                                            .arg(col)
                                            .arg(sum)
                                            .arg(double(p.grad(row, col)))));
                    largest = std::max(largest, std::abs(sum));
                    // Update: θ ← θ − α ∂E/∂θ (SGD).
                    QVERIFY(std::abs(double(p.after(row, col)) -
                                     (double(p.before(row, col)) - 0.1 * double(p.grad(row, col)))) < 1e-12);
                }
            QVERIFY2(largest > 1e-6, p.name.c_str());
        }
        QCOMPARE(stepContribution(kind, nt.recurrent, "weight_ih", 99, 0, 0), 0.0);
        QCOMPARE(stepContribution(kind, nt.recurrent, "weight_ih", 0, 0, kSteps), 0.0);
    }

    void trainingDoesNotRecord()
    {
        Network net = Network::build(model(LayerKind::LSTM), 5);
        Trainer trainer(net, config(), data());
        (void)trainer.traceStep(std::vector<int>{0});
        auto &rec = static_cast<Recurrent &>(net.layer(2));
        const Eigen::Index kept = rec.preActivations().cols();
        trainer.runEpoch();
        // The layer went back to training without recording: its record of the traced step stays as it was
        // (sized for one sample), not refreshed for the two-sample batches.
        QCOMPARE(rec.preActivations().cols(), kept);
        QCOMPARE(rec.stateGradients().cols(), kept);
    }
};

QTEST_GUILESS_MAIN(TestTraceRecurrent)
#include "tst_trace_recurrent.moc"
