// Trace vs hand computation for convolution (issue 10): Trainer::traceStep through a tiny CNN with fixed
// weights, checked number by number against the forward and backward pass written out here with scalar loops,
// the way a student computes them on paper:
//   z[f,y,x] = Σ_{i,j} k[f,i,j]·x[y+i−p, x+j−p] + b[f],  a = f(z);  (MaxPool 2×2: m = the window's max)
//   out = Σ_k v_k·flat_k + c,  E = ½(out − t)²;  δ = ∂E/∂z;  ∂E/∂k[f,i,j] = Σ_positions δ·x;  ∂E/∂b = Σ δ
// One input channel 4×4, 2 filters 3×3. Variants: `valid` padding + ReLU + Dense; `same` padding (the window
// reaches into the zeros) + linear + MaxPool 2×2 + Dense; one sample and a batch of two (the trace holds the
// batch mean). The explain maths (core/train/conv_explain) is checked against the same hand numbers. Double.
#include "graph/graph_spec.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/pooling.h"
#include "layers/simple_layers.h"
#include "train/conv_explain.h"
#include "train/network.h"
#include "train/trainer.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace nnp;

namespace {

constexpr double kTol = 1e-12;
constexpr double kLearningRate = 0.1;
constexpr int kF = 2;

constexpr double kX[2][4][4] = {
    {{0.1, 0.5, -0.2, 0.0}, {0.3, -0.4, 0.8, 0.2}, {-0.6, 0.7, 0.1, -0.3}, {0.9, 0.0, -0.5, 0.4}},
    {{-0.2, 0.3, 0.6, -0.1}, {0.4, 0.2, -0.7, 0.5}, {0.0, -0.3, 0.2, 0.8}, {0.1, 0.6, -0.4, -0.9}}};
constexpr double kTarget[2] = {0.5, -0.25};
constexpr double kK[kF][3][3] = {{{0.2, -0.1, 0.3}, {0.4, 0.1, -0.2}, {-0.3, 0.25, 0.15}},
                                 {{-0.15, 0.35, 0.05}, {0.1, -0.25, 0.3}, {0.2, 0.05, -0.4}}};
constexpr double kB[kF] = {0.05, -0.1};

struct Variant {
    bool same = false; ///< padding `same` (p = 1, output 4×4) instead of `valid` (output 2×2)
    bool relu = false;
    bool pool = false; ///< MaxPool 2×2 after the convolution
    int out() const { return same ? 4 : 2; }
    int flat() const { return kF * (pool ? out() / 2 : out()) * (pool ? out() / 2 : out()); }
    double v(int k) const { return 0.3 * std::sin(1.0 + k) - 0.05 * k / flat(); } ///< Dense weights
    static constexpr double c = 0.02;                                             ///< Dense bias
};

/// One sample by hand, its own loss (not divided by N).
struct Hand {
    double z[kF][4][4] = {}, a[kF][4][4] = {};
    std::vector<double> flat;
    double out = 0, loss = 0;
    double da[kF][4][4] = {}, dz[kF][4][4] = {}; ///< ∂E/∂a, δ = ∂E/∂z
    double dx[4][4] = {};                        ///< ∂E/∂x (what the convolution sends back)
};

double pixel(int s, int y, int x)
{
    return (y < 0 || y >= 4 || x < 0 || x >= 4) ? 0.0 : kX[s][y][x];
}

Hand handSample(const Variant &v, int s)
{
    Hand h;
    const int O = v.out(), p = v.same ? 1 : 0;
    for (int f = 0; f < kF; ++f)
        for (int y = 0; y < O; ++y)
            for (int x = 0; x < O; ++x) {
                double z = kB[f];
                for (int i = 0; i < 3; ++i)
                    for (int j = 0; j < 3; ++j)
                        z += kK[f][i][j] * pixel(s, y + i - p, x + j - p);
                h.z[f][y][x] = z;
                h.a[f][y][x] = v.relu ? std::max(z, 0.0) : z;
            }
    // Pooling (first of equals wins) and flattening in (f, y, x) order.
    std::vector<std::array<int, 3>> source; // which a[f][y][x] each flat value is
    for (int f = 0; f < kF; ++f) {
        const int P = v.pool ? O / 2 : O;
        for (int y = 0; y < P; ++y)
            for (int x = 0; x < P; ++x) {
                if (!v.pool) {
                    source.push_back({f, y, x});
                    continue;
                }
                std::array<int, 3> best{f, 2 * y, 2 * x};
                for (int i = 0; i < 2; ++i)
                    for (int j = 0; j < 2; ++j)
                        if (h.a[f][2 * y + i][2 * x + j] > h.a[f][best[1]][best[2]])
                            best = {f, 2 * y + i, 2 * x + j};
                source.push_back(best);
            }
    }
    for (const auto &src : source)
        h.flat.push_back(h.a[src[0]][src[1]][src[2]]);
    h.out = Variant::c;
    for (int k = 0; k < v.flat(); ++k)
        h.out += v.v(k) * h.flat[std::size_t(k)];
    h.loss = 0.5 * (h.out - kTarget[s]) * (h.out - kTarget[s]);
    const double dout = h.out - kTarget[s];
    for (int k = 0; k < v.flat(); ++k) {
        const auto &src = source[std::size_t(k)];
        h.da[src[0]][src[1]][src[2]] += v.v(k) * dout;
    }
    for (int f = 0; f < kF; ++f)
        for (int y = 0; y < O; ++y)
            for (int x = 0; x < O; ++x) {
                h.dz[f][y][x] = h.da[f][y][x] * (v.relu ? (h.z[f][y][x] > 0 ? 1.0 : 0.0) : 1.0);
                for (int i = 0; i < 3; ++i)
                    for (int j = 0; j < 3; ++j) {
                        const int yy = y + i - p, xx = x + j - p;
                        if (yy >= 0 && yy < 4 && xx >= 0 && xx < 4)
                            h.dx[yy][xx] += h.dz[f][y][x] * kK[f][i][j];
                    }
            }
    return h;
}

struct Built {
    Network net;
    NodeId in = 0, conv = 0, pool = 0, dense = 0;
};

Built build(const Variant &v)
{
    GraphSpec g;
    LayerOptions io;
    io.set(opt::input::shape, {1, 4, 4});
    LayerOptions co;
    co.set(opt::conv2d::filters, kF);
    co.set(opt::conv2d::padding, v.same ? Padding::Same : Padding::Valid);
    co.set(opt::activation, v.relu ? ActivationKind::ReLU : ActivationKind::Linear);
    LayerOptions po;
    LayerOptions fo;
    LayerOptions d;
    d.set(opt::dense::units, 1);
    const NodeId in = g.addNode(LayerKind::Input, "x", io);
    const NodeId conv = g.addNode(LayerKind::Conv2D, "conv", co);
    NodeId last = conv, pool = 0;
    g.connect(in, conv);
    if (v.pool) {
        pool = g.addNode(LayerKind::MaxPool2D, "pool", po);
        g.connect(last, pool);
        last = pool;
    }
    const NodeId flat = g.addNode(LayerKind::Flatten, "flatten", fo);
    g.connect(last, flat);
    const NodeId dense = g.addNode(LayerKind::Dense, "out", d);
    g.connect(flat, dense);
    Built b{Network::build(g, 7), in, conv, pool, dense};
    auto params = b.net.parameters(); // conv W [2 x 9], conv b, dense W [1 x flat], dense b
    Matrix &w = *params[0].ref.value;
    for (int f = 0; f < kF; ++f)
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j)
                w(f, i * 3 + j) = kK[f][i][j];
    for (int f = 0; f < kF; ++f)
        (*params[1].ref.value)(f, 0) = kB[f];
    for (int k = 0; k < v.flat(); ++k)
        (*params[2].ref.value)(0, k) = v.v(k);
    (*params[3].ref.value)(0, 0) = Variant::c;
    return b;
}

TrainData data()
{
    TrainData d{Matrix(16, 2), Matrix(1, 2)};
    for (int s = 0; s < 2; ++s) {
        for (int y = 0; y < 4; ++y)
            for (int x = 0; x < 4; ++x)
                d.x(y * 4 + x, s) = kX[s][y][x];
        d.y(0, s) = kTarget[s];
    }
    return d;
}

TrainingConfig config()
{
    TrainingConfig c;
    c.loss.kind = LossKind::MSE;
    c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    c.optimizer.learningRate = kLearningRate;
    c.batchSize = 2;
    c.shuffle = false;
    return c;
}

#define EXPECT_NEAR(actual, expected)                                                                        \
    QVERIFY2(std::abs(double(actual) - double(expected)) <= kTol,                                            \
             qPrintable(QStringLiteral("%1 = %2, by hand %3")                                                \
                            .arg(#actual)                                                                    \
                            .arg(double(actual), 0, 'g', 17)                                                 \
                            .arg(double(expected), 0, 'g', 17)))

const ParamTrace &param(const NodeTrace &n, const char *name)
{
    for (const ParamTrace &p : n.params)
        if (p.name == name) return p;
    qFatal("no parameter %s", name);
}

} // namespace

Q_DECLARE_METATYPE(Variant)

class TestTraceConv : public QObject {
    Q_OBJECT

private slots:
    void step_data()
    {
        QTest::addColumn<Variant>("variant");
        QTest::addColumn<std::vector<int>>("samples");
        QTest::newRow("valid+ReLU, one sample") << Variant{false, true, false} << std::vector<int>{0};
        QTest::newRow("valid+ReLU, batch of 2") << Variant{false, true, false} << std::vector<int>{0, 1};
        QTest::newRow("same+MaxPool, one sample") << Variant{true, false, true} << std::vector<int>{1};
        QTest::newRow("same+MaxPool, batch of 2") << Variant{true, false, true} << std::vector<int>{1, 0};
    }

    void step()
    {
        QFETCH(Variant, variant);
        QFETCH(std::vector<int>, samples);
        Built b = build(variant);
        Trainer trainer(b.net, config(), data());
        const Trace t = trainer.traceStep(samples);
        const int N = int(samples.size()), O = variant.out();
        std::vector<Hand> hand;
        double loss = 0;
        for (int s : samples) {
            hand.push_back(handSample(variant, s));
            loss += hand.back().loss / N;
        }
        EXPECT_NEAR(t.lossValue, loss);
        const NodeTrace *conv = t.find(b.conv);
        QVERIFY(conv);
        // The window the trace records.
        const WindowGeometry &g = conv->window;
        QCOMPARE(g.channels, 1);
        QCOMPARE(g.height, 4);
        QCOMPARE(g.kh, 3);
        QCOMPARE(g.outHeight, O);
        QCOMPARE(g.outWidth, O);
        QCOMPARE(g.padTop, variant.same ? 1 : 0);
        QVERIFY(conv->activation.kind == (variant.relu ? ActivationKind::ReLU : ActivationKind::Linear));

        // Forward and δ, position by position; the explain maths' Σ k·x + b on every position.
        for (int n = 0; n < N; ++n) {
            const int s = samples[std::size_t(n)];
            const Hand &h = hand[std::size_t(n)];
            for (int f = 0; f < kF; ++f)
                for (int y = 0; y < O; ++y)
                    for (int x = 0; x < O; ++x) {
                        const int row = (f * O + y) * O + x;
                        EXPECT_NEAR(conv->z(row, n), h.z[f][y][x]);
                        EXPECT_NEAR(conv->output(row, n), h.a[f][y][x]);
                        EXPECT_NEAR(conv->gradPre(row, n) * N, h.dz[f][y][x]);
                        const ConvPosition p = convPosition(*conv, f, y, x, n);
                        QCOMPARE(p.taps.size(), std::size_t(9));
                        for (const WindowTap &tap : p.taps) {
                            QCOMPARE(tap.kernel, kK[f][tap.ki][tap.kj]);
                            QCOMPARE(tap.input, pixel(s, tap.y, tap.x));
                            QCOMPARE(tap.inside, tap.y >= 0 && tap.y < 4 && tap.x >= 0 && tap.x < 4);
                        }
                        EXPECT_NEAR(p.sum + p.bias, h.z[f][y][x]);
                        EXPECT_NEAR(p.bias, kB[f]);
                        EXPECT_NEAR(p.a, h.a[f][y][x]);
                        const std::vector<double> back = deltaToPatch(*conv, f, y, x, n);
                        for (std::size_t k = 0; k < back.size(); ++k)
                            EXPECT_NEAR(back[k], p.taps[k].inside ? h.dz[f][y][x] * p.taps[k].kernel : 0.0);
                    }
            const std::vector<double> dx = inputGradient(*conv, n);
            for (int y = 0; y < 4; ++y)
                for (int x = 0; x < 4; ++x)
                    EXPECT_NEAR(dx[std::size_t(y * 4 + x)], h.dx[y][x]);
        }

        // Kernel gradients: the trace's, the explain maths' sum of δ·x, and the hand's agree; then the
        // update.
        const ParamTrace &w = param(*conv, "weight");
        const ParamTrace &bias = param(*conv, "bias");
        for (int f = 0; f < kF; ++f) {
            double gb = 0;
            for (int n = 0; n < N; ++n)
                for (int y = 0; y < O; ++y)
                    for (int x = 0; x < O; ++x)
                        gb += hand[std::size_t(n)].dz[f][y][x] / N;
            EXPECT_NEAR(bias.grad(f, 0), gb);
            EXPECT_NEAR(bias.after(f, 0), kB[f] - kLearningRate * gb);
            for (int i = 0; i < 3; ++i)
                for (int j = 0; j < 3; ++j) {
                    double gk = 0;
                    for (int n = 0; n < N; ++n)
                        for (int y = 0; y < O; ++y)
                            for (int x = 0; x < O; ++x)
                                gk += hand[std::size_t(n)].dz[f][y][x] *
                                      pixel(samples[std::size_t(n)], y + i - (variant.same ? 1 : 0),
                                            x + j - (variant.same ? 1 : 0)) /
                                      N;
                    EXPECT_NEAR(w.before(f, i * 3 + j), kK[f][i][j]);
                    EXPECT_NEAR(w.grad(f, i * 3 + j), gk);
                    EXPECT_NEAR(w.after(f, i * 3 + j), kK[f][i][j] - kLearningRate * gk);
                    const KernelGradient kg = kernelGradient(*conv, f, 0, i, j);
                    QCOMPARE(kg.samples, N);
                    QCOMPARE(kg.terms.size(), std::size_t(N * O * O));
                    EXPECT_NEAR(kg.total, gk);
                }
        }

        // MaxPool: the winner and the δ it receives.
        if (variant.pool) {
            const NodeTrace *pool = t.find(b.pool);
            QVERIFY(pool);
            QCOMPARE(pool->window.outHeight, O / 2);
            for (int n = 0; n < N; ++n)
                for (int f = 0; f < kF; ++f)
                    for (int y = 0; y < O / 2; ++y)
                        for (int x = 0; x < O / 2; ++x) {
                            const PoolPosition pp = poolPosition(*pool, f, y, x, n);
                            QCOMPARE(pp.taps.size(), std::size_t(4));
                            QVERIFY(pp.winner >= 0);
                            const WindowTap &win = pp.taps[std::size_t(pp.winner)];
                            const Hand &h = hand[std::size_t(n)];
                            EXPECT_NEAR(pp.output, h.a[f][win.y][win.x]);
                            for (const WindowTap &tap : pp.taps)
                                QVERIFY(tap.input <= win.input);
                            // The winner is the only pixel of the window the pool's δ reaches.
                            EXPECT_NEAR(pp.delta, h.da[f][win.y][win.x]);
                        }
        }
    }

    void outOfRangeThrows()
    {
        Built b = build(Variant{false, true, false});
        Trainer trainer(b.net, config(), data());
        const Trace t = trainer.traceStep(std::vector<int>{0});
        const NodeTrace *conv = t.find(b.conv);
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, convPosition(*conv, 2, 0, 0, 0));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, convPosition(*conv, 0, 2, 0, 0));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, kernelGradient(*conv, 0, 1, 0, 0));
        QVERIFY_THROWS_EXCEPTION(std::out_of_range, poolPosition(*t.find(b.in), 0, 0, 0, 0));
    }
};

QTEST_APPLESS_MAIN(TestTraceConv)
#include "tst_trace_conv.moc"
