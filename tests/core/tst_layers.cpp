// Every layer: a forward (and where it helps, backward) case worked out by hand, and a numeric gradient check
// of the input gradients and every parameter gradient against L = Σ r ⊙ y with a fixed random r.
#include "gradcheck.h"
#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/pooling.h"
#include "layers/simple_layers.h"

#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

Q_DECLARE_METATYPE(nnp::ActivationKind)
Q_DECLARE_METATYPE(nnp::Matrix)

namespace {
NodeSpec spec(LayerKind kind, LayerOptions o = {})
{
    NodeSpec n;
    n.kind = kind;
    n.name = "n";
    n.options = o;
    return n;
}

Matrix forward1(Layer &l, const Matrix &x, Mode mode = Mode::Train)
{
    Matrix y;
    const Matrix *in[] = {&x};
    l.forward(in, y, mode);
    return y;
}

/// Dense 2 → 2 with W = [[1, 2], [3, −1]], b = [0.5, −1].
std::unique_ptr<Dense> handDense(ActivationKind act, bool bias = true)
{
    Dense::Options o;
    o.units = 2;
    o.activation.kind = act;
    o.useBias = bias;
    auto d = std::make_unique<Dense>(o);
    Rng rng(1);
    const Shape in[] = {Shape{2}};
    d->initialize(in, rng);
    d->weight() = mat(2, 2, {1, 2, 3, -1});
    if (bias) d->bias() = mat(2, 1, {0.5, -1});
    return d;
}

/// A node's layer made through the registry, initialised for one input shape.
std::unique_ptr<Layer> made(LayerKind kind, const LayerOptions &o, const Shape &in, std::uint64_t seed = 3)
{
    auto l = makeLayer(spec(kind, o));
    Rng rng(seed);
    const Shape shapes[] = {in};
    l->initialize(shapes, rng);
    return l;
}

/// Keras' rule for one axis, written out again: the output length and the padding before it.
std::pair<int, int> kerasAxis(int in, int k, int s, int d, bool same)
{
    const int span = (k - 1) * d + 1;
    if (!same) return {(in - span) / s + 1, 0};
    const int out = (in + s - 1) / s;
    return {out, std::max((out - 1) * s + span - in, 0) / 2};
}

/// The convolution by its definition, one output value at a time: z = b + Σ k·x over the window.
Matrix directConvolution(const Matrix &x, const Shape &in, const Matrix &w, const Matrix &b, int kh, int kw,
                         int sh, int sw, int dh, int dw, bool same)
{
    const int C = in.dims[0], H = in.dims[1], W = in.dims[2], F = static_cast<int>(w.rows());
    const auto [oh, pt] = kerasAxis(H, kh, sh, dh, same);
    const auto [ow, pl] = kerasAxis(W, kw, sw, dw, same);
    Matrix z(F * oh * ow, x.cols());
    for (Eigen::Index n = 0; n < x.cols(); ++n)
        for (int f = 0; f < F; ++f)
            for (int oy = 0; oy < oh; ++oy)
                for (int ox = 0; ox < ow; ++ox) {
                    double sum = b.size() ? b(f, 0) : 0.0;
                    for (int c = 0; c < C; ++c)
                        for (int i = 0; i < kh; ++i)
                            for (int j = 0; j < kw; ++j) {
                                const int y = oy * sh - pt + i * dh, xx = ox * sw - pl + j * dw;
                                if (y < 0 || y >= H || xx < 0 || xx >= W) continue;
                                sum += w(f, (c * kh + i) * kw + j) * x((c * H + y) * W + xx, n);
                            }
                    z((f * oh + oy) * ow + ox, n) = sum;
                }
    return z;
}
} // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    // ---- Dense ----
    void denseHandForwardBackward()
    {
        // x columns (1, 2) and (−1, 0):
        // z = W x + b = [1+4+0.5, 3−2−1 ; −1+0+0.5, −3+0−1] per column = [[5.5, −0.5], [0, −4]]
        const Matrix x = mat(2, 2, {1, -1, 2, 0});
        auto d = handDense(ActivationKind::Linear);
        Matrix y = forward1(*d, x);
        QVERIFY2(matNear(y, mat(2, 2, {5.5, -0.5, 0, -4})), show(y));
        QVERIFY(matNear(*d->preActivation(), y));

        // dy = [[1, 2], [−1, 1]]:
        // dW = dy xᵀ = [[1·1 + 2·(−1), 1·2 + 2·0], [−1·1 + 1·(−1), −1·2 + 1·0]] = [[−1, 2], [−2, −2]]
        // db = row sums of dy = [3, 0]; dx = Wᵀ dy = [[1−3, 2+3], [2+1, 4−1]] = [[−2, 5], [3, 3]]
        const Matrix dy = mat(2, 2, {1, 2, -1, 1});
        Matrix dx;
        const Matrix *in[] = {&x};
        Matrix *out[] = {&dx};
        d->backward(in, y, dy, out);
        auto p = d->parameters();
        QCOMPARE(p.size(), std::size_t(2));
        QCOMPARE(p[0].name, std::string("weight"));
        QCOMPARE(p[1].name, std::string("bias"));
        QVERIFY2(matNear(*p[0].grad, mat(2, 2, {-1, 2, -2, -2})), show(*p[0].grad));
        QVERIFY2(matNear(*p[1].grad, mat(2, 1, {3, 0})), show(*p[1].grad));
        QVERIFY2(matNear(dx, mat(2, 2, {-2, 5, 3, 3})), show(dx));

        // With ReLU, z = [[5.5, −0.5], [0, −4]] keeps only (0,0): y = [[5.5, 0], [0, 0]],
        // dz = dy ⊙ [z > 0] = [[1, 0], [0, 0]], dW = [[1, 2], [0, 0]], db = [1, 0], dx = [[1, 0], [2, 0]].
        auto r = handDense(ActivationKind::ReLU);
        y = forward1(*r, x);
        QVERIFY2(matNear(y, mat(2, 2, {5.5, 0, 0, 0})), show(y));
        r->backward(in, y, dy, out);
        QVERIFY(matNear(*r->parameters()[0].grad, mat(2, 2, {1, 2, 0, 0})));
        QVERIFY(matNear(*r->parameters()[1].grad, mat(2, 1, {1, 0})));
        QVERIFY(matNear(*r->preActivationGrad(), mat(2, 2, {1, 0, 0, 0})));
        QVERIFY2(matNear(dx, mat(2, 2, {1, 0, 2, 0})), show(dx));
    }

    void denseWithoutBias()
    {
        // z = W x = [[5, −1], [1, −3]]; tanh applied element-wise.
        auto d = handDense(ActivationKind::Tanh, false);
        const Matrix y = forward1(*d, mat(2, 2, {1, -1, 2, 0}));
        QVERIFY(matNear(y, mat(2, 2, {std::tanh(5.0), std::tanh(-1.0), std::tanh(1.0), std::tanh(-3.0)})));
        QCOMPARE(d->parameters().size(), std::size_t(1));
    }

    void denseRegularisationOnWeightsOnly()
    {
        Dense d(Dense::Options{3, {}, InitKind::GlorotUniform, true, 0.25, 0.5});
        Rng rng(2);
        const Shape in[] = {Shape{4}};
        d.initialize(in, rng);
        auto p = d.parameters();
        QCOMPARE(p[0].l1, 0.25);
        QCOMPARE(p[0].l2, 0.5);
        QCOMPARE(p[1].l1, 0.0);
        QCOMPARE(p[1].l2, 0.0);
        QCOMPARE(p[0].value->rows(), 3);
        QCOMPARE(p[0].value->cols(), 4);
        QVERIFY(p[1].value->isZero()); // biases start at 0
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)Dense(Dense::Options{0}));
    }

    void denseGradients_data()
    {
        QTest::addColumn<ActivationKind>("kind");
        QTest::addColumn<bool>("bias");
        for (ActivationKind k : allActivations()) {
            QTest::newRow((std::string(toString(k)) + " bias").c_str()) << k << true;
            QTest::newRow((std::string(toString(k)) + " no bias").c_str()) << k << false;
        }
    }
    void denseGradients()
    {
        QFETCH(ActivationKind, kind);
        QFETCH(bool, bias);
        Dense::Options o;
        o.units = 4;
        o.activation = {kind, 0.1, 1.2};
        o.useBias = bias;
        Dense d(o);
        Rng rng(7);
        const Shape in[] = {Shape{3}};
        d.initialize(in, rng);
        if (bias) d.bias() = randomMatrix(4, 1, 8);
        const auto err = checkLayerGradients(d, {randomMatrix(3, 5, 9, -2, 2)}, Mode::Train);
        QVERIFY2(err.empty(), err.c_str());
    }

    // ---- Activation layer ----
    void activationHandForward_data()
    {
        QTest::addColumn<ActivationKind>("kind");
        QTest::addColumn<Matrix>("expected");
        // Input [−1, 0.5, 2]; values from the definitions (see tst_activations for the formulas).
        using K = ActivationKind;
        QTest::newRow("linear") << K::Linear << mat(1, 3, {-1, 0.5, 2});
        QTest::newRow("relu") << K::ReLU << mat(1, 3, {0, 0.5, 2});
        QTest::newRow("leaky_relu") << K::LeakyReLU << mat(1, 3, {-0.01, 0.5, 2});
        QTest::newRow("elu") << K::ELU << mat(1, 3, {-0.6321205588285577, 0.5, 2}); // e^−1 − 1
        // zΦ(z): Φ(−1) = 0.15865525393145707, Φ(0.5) = 0.6914624612740131, Φ(2) = 0.9772498680518208
        QTest::newRow("gelu") << K::GELU
                              << mat(1, 3, {-0.15865525393145707, 0.34573123063700656, 1.9544997361036416});
        QTest::newRow("tanh") << K::Tanh
                              << mat(1, 3, {-0.7615941559557649, 0.46211715726000974, 0.9640275800758169});
        QTest::newRow("sigmoid") << K::Sigmoid
                                 << mat(1, 3, {0.2689414213699951, 0.6224593312018546, 0.8807970779778823});
        QTest::newRow("softplus") << K::Softplus
                                  << mat(1, 3, {0.31326168751822286, 0.9740769841801067, 2.1269280110429727});
    }
    void activationHandForward()
    {
        QFETCH(ActivationKind, kind);
        QFETCH(Matrix, expected);
        LayerOptions o;
        o.set(opt::activation, kind);
        auto l = makeLayer(spec(LayerKind::Activation, o));
        QVERIFY(l->kind() == LayerKind::Activation);
        QVERIFY(l->parameters().empty());
        const Matrix y = forward1(*l, mat(1, 3, {-1, 0.5, 2}));
        QVERIFY2(matNear(y, expected), show(y));
    }

    void activationGradients_data()
    {
        QTest::addColumn<ActivationKind>("kind");
        for (ActivationKind k : allActivations())
            QTest::newRow(std::string(toString(k)).c_str()) << k;
    }
    void activationGradients()
    {
        QFETCH(ActivationKind, kind);
        LayerOptions o;
        o.set(opt::activation, kind);
        o.set(opt::leakySlope, 0.2);
        o.set(opt::eluAlpha, 0.7);
        auto l = makeLayer(spec(LayerKind::Activation, o));
        const auto err = checkLayerGradients(*l, {randomMatrix(3, 4, 11, -3, 3)}, Mode::Train);
        QVERIFY2(err.empty(), err.c_str());
    }

    // ---- Softmax ----
    void softmaxHand()
    {
        // softmax(0, ln 2, ln 3) = (1, 2, 3)/6; a column of (1000, 1000, −1000) → (½, ½, 0) without overflow.
        auto l = makeLayer(spec(LayerKind::Softmax));
        Matrix x(3, 2);
        x << 0, 1000, std::log(2.0), 1000, std::log(3.0), -1000;
        const Matrix y = forward1(*l, x);
        QVERIFY2(matNear(y, mat(3, 2, {1.0 / 6, 0.5, 1.0 / 3, 0.5, 0.5, 0})), show(y));

        // dy = (1, 0, 0) on the first column: Σ y dy = 1/6, dx = y ⊙ (dy − 1/6) = (5/36, −1/18, −1/12).
        Matrix dy = Matrix::Zero(3, 2), dx;
        dy(0, 0) = 1;
        const Matrix *in[] = {&x};
        Matrix *out[] = {&dx};
        l->backward(in, y, dy, out);
        QVERIFY2(near(dx(0, 0), 5.0 / 36) && near(dx(1, 0), -1.0 / 18) && near(dx(2, 0), -1.0 / 12),
                 show(dx));
        QVERIFY(dx.col(1).isZero());
    }

    void softmaxGradients()
    {
        auto l = makeLayer(spec(LayerKind::Softmax));
        const auto err = checkLayerGradients(*l, {randomMatrix(4, 3, 12, -2, 2)}, Mode::Train);
        QVERIFY2(err.empty(), err.c_str());
    }

    // ---- Dropout ----
    void dropoutFixedSeed()
    {
        Dropout d(0.5);
        const Matrix x = Matrix::Constant(20, 30, 3.0);
        d.reseed(42);
        const Matrix y = forward1(d, x);
        const Matrix mask = d.mask();
        // Inverted dropout with rate ½: every kept unit is scaled by 1/(1 − ½) = 2, so y ∈ {0, 6}.
        int kept = 0;
        for (Eigen::Index i = 0; i < y.size(); ++i) {
            QVERIFY(mask.data()[i] == 0.0 || mask.data()[i] == 2.0);
            QCOMPARE(y.data()[i], 3.0 * mask.data()[i]);
            kept += mask.data()[i] != 0.0;
        }
        QVERIFY2(kept > 240 && kept < 360, qPrintable(QString::number(kept))); // 600 draws, p = ½

        // The same seed gives the same mask; another seed another one.
        d.reseed(42);
        QCOMPARE(forward1(d, x), y);
        d.reseed(43);
        QVERIFY(forward1(d, x) != y);

        // Backward routes dy through the same mask: dx = dy ⊙ mask.
        d.reseed(42);
        forward1(d, x);
        const Matrix dy = randomMatrix(20, 30, 5);
        Matrix dx;
        const Matrix *in[] = {&x};
        Matrix *out[] = {&dx};
        d.backward(in, y, dy, out);
        QVERIFY(matNear(dx, (dy.array() * mask.array()).matrix()));
    }

    void dropoutScaleAndEval()
    {
        // rate ¼: kept units are scaled by 1/(1 − ¼) = 4/3; the expected value of y equals x.
        Dropout d(0.25);
        d.reseed(3);
        const Matrix x = Matrix::Ones(100, 100);
        const Matrix y = forward1(d, x);
        for (Eigen::Index i = 0; i < y.size(); ++i)
            QVERIFY(y.data()[i] == 0.0 || near(y.data()[i], 4.0 / 3));
        QVERIFY2(std::abs(y.mean() - 1.0) < 0.03, qPrintable(QString::number(y.mean())));

        // Eval mode and rate 0 pass data through, and gradients likewise.
        QCOMPARE(forward1(d, x * 2, Mode::Eval), Matrix(x * 2));
        Matrix dx;
        const Matrix dy = randomMatrix(100, 100, 1);
        const Matrix *in[] = {&x};
        Matrix *out[] = {&dx};
        d.backward(in, x, dy, out);
        QCOMPARE(dx, dy);
        Dropout none(0.0);
        QCOMPARE(forward1(none, dy), dy);
    }

    void dropoutGradients_data()
    {
        QTest::addColumn<double>("rate");
        QTest::newRow("0.5") << 0.5;
        QTest::newRow("0.2") << 0.2;
        QTest::newRow("0.9") << 0.9;
    }
    void dropoutGradients()
    {
        QFETCH(double, rate);
        auto l = makeLayer(spec(LayerKind::Dropout, [&] {
            LayerOptions o;
            o.set(opt::dropout::rate, rate);
            return o;
        }()));
        // Reseeding before every forward keeps the mask fixed, so the layer is linear in x.
        const auto err =
            checkLayerGradients(*l, {randomMatrix(5, 6, 13)}, Mode::Train, [&] { l->reseed(77); });
        QVERIFY2(err.empty(), err.c_str());
        const auto errEval = checkLayerGradients(*l, {randomMatrix(5, 6, 14)}, Mode::Eval);
        QVERIFY2(errEval.empty(), errEval.c_str());
    }

    // ---- BatchNorm ----
    void batchNormTrainHand()
    {
        // Two features, batch of 4, ε = 1, momentum 0.1, γ = (2, −1), β = (0.5, 1).
        // a = (2, 2, 2, 6): mean 3, biased var (1+1+1+9)/4 = 3, 1/√(3+1) = ½ → x̂ = (−½, −½, −½, 3/2)
        // b = (1, 5, 5, 9): mean 5, biased var (16+0+0+16)/4 = 8, 1/√(8+1) = ⅓ → x̂ = (−4/3, 0, 0, 4/3)
        // y_a = 2x̂ + ½ = (−½, −½, −½, 7/2); y_b = −x̂ + 1 = (7/3, 1, 1, −1/3)
        BatchNorm bn(0.1, 1.0);
        Rng rng(0);
        const Shape in[] = {Shape{2}};
        bn.initialize(in, rng);
        auto p = bn.parameters();
        QCOMPARE(p[0].name, std::string("gamma"));
        QCOMPARE(p[1].name, std::string("beta"));
        *p[0].value = mat(2, 1, {2, -1});
        *p[1].value = mat(2, 1, {0.5, 1});
        const Matrix x = mat(2, 4, {2, 2, 2, 6, 1, 5, 5, 9});
        const Matrix y = forward1(bn, x, Mode::Train);
        QVERIFY2(matNear(y, mat(2, 4, {-0.5, -0.5, -0.5, 3.5, 7.0 / 3, 1, 1, -1.0 / 3})), show(y));

        // Running statistics (PyTorch's rule): mean ← 0.9·0 + 0.1·(3, 5) = (0.3, 0.5);
        // var ← 0.9·1 + 0.1·unbiased var, unbiased = biased·4/3 = (4, 32/3) → (1.3, 0.9 + 16/15).
        auto s = bn.state();
        QCOMPARE(s[0].name, std::string("running_mean"));
        QCOMPARE(s[1].name, std::string("running_var"));
        QVERIFY(s[0].grad == nullptr);
        QVERIFY2(matNear(*s[0].value, mat(2, 1, {0.3, 0.5})), show(*s[0].value));
        QVERIFY2(matNear(*s[1].value, mat(2, 1, {1.3, 0.9 + 16.0 / 15})), show(*s[1].value));

        // Backward with dy = 1 everywhere: dβ = Σdy = (4, 4), dγ = Σ dy x̂ = (0, 0), and dx = 0 because a
        // constant shift of the output cannot be produced by moving x (the batch mean absorbs it).
        Matrix dx;
        const Matrix *inp[] = {&x};
        Matrix *out[] = {&dx};
        bn.backward(inp, y, Matrix::Ones(2, 4), out);
        QVERIFY(matNear(*p[1].grad, mat(2, 1, {4, 4})));
        QVERIFY(matNear(*p[0].grad, mat(2, 1, {0, 0})));
        QVERIFY2(dx.cwiseAbs().maxCoeff() < 1e-14, show(dx));
    }

    void batchNormEvalHand()
    {
        // Eval uses the running statistics: mean (1, 2), var (3, 8), ε = 1 → 1/σ = (½, ⅓).
        // x = (3, 5): x̂ = ((3−1)/2, (5−2)/3) = (1, 1), y = (2·1 + 0.5, −1·1 + 1) = (2.5, 0).
        BatchNorm bn(0.1, 1.0);
        Rng rng(0);
        const Shape in[] = {Shape{2}};
        bn.initialize(in, rng);
        *bn.parameters()[0].value = mat(2, 1, {2, -1});
        *bn.parameters()[1].value = mat(2, 1, {0.5, 1});
        *bn.state()[0].value = mat(2, 1, {1, 2});
        *bn.state()[1].value = mat(2, 1, {3, 8});
        const Matrix x = mat(2, 1, {3, 5});
        const Matrix y = forward1(bn, x, Mode::Eval);
        QVERIFY2(matNear(y, mat(2, 1, {2.5, 0})), show(y));
        // Eval leaves the running statistics alone; backward is the affine map's: dx = γ/σ · dy.
        QVERIFY(matNear(*bn.state()[0].value, mat(2, 1, {1, 2})));
        Matrix dx;
        const Matrix *inp[] = {&x};
        Matrix *out[] = {&dx};
        bn.backward(inp, y, mat(2, 1, {1, 1}), out);
        QVERIFY2(matNear(dx, mat(2, 1, {1, -1.0 / 3})), show(dx));
    }

    void batchNormGradients_data()
    {
        QTest::addColumn<bool>("train");
        QTest::newRow("train") << true;
        QTest::newRow("eval") << false;
    }
    void batchNormGradients()
    {
        QFETCH(bool, train);
        auto l = makeLayer(spec(LayerKind::BatchNorm));
        Rng rng(0);
        const Shape in[] = {Shape{3}};
        l->initialize(in, rng);
        auto p = l->parameters();
        *p[0].value = randomMatrix(3, 1, 21, 0.5, 2.0);
        *p[1].value = randomMatrix(3, 1, 22);
        *l->state()[0].value = randomMatrix(3, 1, 23);
        *l->state()[1].value = randomMatrix(3, 1, 24, 0.5, 2.0);
        const auto err =
            checkLayerGradients(*l, {randomMatrix(3, 6, 25, -2, 2)}, train ? Mode::Train : Mode::Eval);
        QVERIFY2(err.empty(), err.c_str());
    }

    // Layers assign gradients (the Network sums where needed): a second backward gives the same, not double.
    void backwardAssigns()
    {
        auto l = makeLayer(spec(LayerKind::BatchNorm));
        Rng rng(0);
        const Shape in[] = {Shape{2}};
        l->initialize(in, rng);
        const Matrix x = randomMatrix(2, 5, 1), dy = randomMatrix(2, 5, 2);
        const Matrix y = forward1(*l, x);
        Matrix dx = Matrix::Constant(2, 5, 7.0);
        const Matrix *inp[] = {&x};
        Matrix *out[] = {&dx};
        l->backward(inp, y, dy, out);
        const Matrix dx1 = dx, dg1 = *l->parameters()[0].grad;
        l->backward(inp, y, dy, out);
        QVERIFY(matNear(dx, dx1));
        QVERIFY(matNear(*l->parameters()[0].grad, dg1));

        auto d = handDense(ActivationKind::Tanh);
        const Matrix xd = randomMatrix(2, 3, 3);
        const Matrix yd = forward1(*d, xd);
        Matrix dxd;
        const Matrix *ind[] = {&xd};
        Matrix *outd[] = {&dxd};
        d->backward(ind, yd, Matrix::Ones(2, 3), outd);
        const Matrix w1 = *d->parameters()[0].grad;
        d->backward(ind, yd, Matrix::Ones(2, 3), outd);
        QVERIFY(matNear(*d->parameters()[0].grad, w1));
    }

    // ---- Concatenate, Add, Flatten ----
    void concatenateHand()
    {
        // (1, 2) on top of (3) per column: [[1, 4], [2, 5]] ++ [[3, 6]] = [[1, 4], [2, 5], [3, 6]]
        auto l = makeLayer(spec(LayerKind::Concatenate));
        const Matrix a = mat(2, 2, {1, 4, 2, 5}), b = mat(1, 2, {3, 6});
        Matrix y;
        const Matrix *in[] = {&a, &b};
        l->forward(in, y, Mode::Train);
        QCOMPARE(y, mat(3, 2, {1, 4, 2, 5, 3, 6}));
        // Backward splits dy by rows in port order; a null target is skipped.
        Matrix da, db;
        Matrix *out[] = {&da, &db};
        const Matrix dy = mat(3, 2, {1, 2, 3, 4, 5, 6});
        l->backward(in, y, dy, out);
        QCOMPARE(da, mat(2, 2, {1, 2, 3, 4}));
        QCOMPARE(db, mat(1, 2, {5, 6}));
        Matrix *partial[] = {nullptr, &db};
        db.setZero();
        l->backward(in, y, dy, partial);
        QCOMPARE(db, mat(1, 2, {5, 6}));
    }

    void concatenateGradients()
    {
        auto l = makeLayer(spec(LayerKind::Concatenate));
        const auto err = checkLayerGradients(
            *l, {randomMatrix(2, 3, 31), randomMatrix(1, 3, 32), randomMatrix(4, 3, 33)}, Mode::Train);
        QVERIFY2(err.empty(), err.c_str());
    }

    void addHand()
    {
        // (1, 2) + (10, 20) + (100, 200) = (111, 222); each input receives dy unchanged.
        auto l = makeLayer(spec(LayerKind::Add));
        const Matrix a = mat(1, 2, {1, 2}), b = mat(1, 2, {10, 20}), c = mat(1, 2, {100, 200});
        Matrix y;
        const Matrix *in[] = {&a, &b, &c};
        l->forward(in, y, Mode::Train);
        QCOMPARE(y, mat(1, 2, {111, 222}));
        Matrix da, db, dc;
        Matrix *out[] = {&da, &db, &dc};
        l->backward(in, y, mat(1, 2, {-1, 4}), out);
        QCOMPARE(da, mat(1, 2, {-1, 4}));
        QCOMPARE(dc, mat(1, 2, {-1, 4}));
    }

    void addGradients()
    {
        auto l = makeLayer(spec(LayerKind::Add));
        const auto err = checkLayerGradients(
            *l, {randomMatrix(3, 4, 41), randomMatrix(3, 4, 42), randomMatrix(3, 4, 43)}, Mode::Train);
        QVERIFY2(err.empty(), err.c_str());
    }

    void flattenAndInput()
    {
        // One column per sample is already flat storage: Flatten and Input pass values through.
        for (LayerKind k : {LayerKind::Flatten, LayerKind::Input}) {
            auto l = makeLayer(spec(k));
            QVERIFY(l->kind() == k);
            const Matrix x = mat(4, 1, {1, 2, 3, 4});
            QCOMPARE(forward1(*l, x), x);
            const auto err = checkLayerGradients(*l, {randomMatrix(6, 2, 51)}, Mode::Train);
            QVERIFY2(err.empty(), err.c_str());
        }
    }

    // ---- Conv2D and pooling ----
    void convShapesFollowKeras()
    {
        // 28×28, 3×3 valid: 26×26; 7×7, 3×3 stride 2 same: 4×4 with one pixel each side; an even kernel (4)
        // with same padding puts the odd pixel at the bottom and right (1 before, 2 after), as
        // Keras/TensorFlow.
        WindowGeometry g = windowGeometry(Shape{1, 28, 28}, {{3, 3}, {1, 1}, {1, 1}, Padding::Valid});
        QCOMPARE(g.outHeight, 26);
        QCOMPARE(g.outWidth, 26);
        g = windowGeometry(Shape{2, 7, 7}, {{3}, {2}, {1}, Padding::Same});
        QCOMPARE(g.outHeight, 4);
        QCOMPARE(g.padTop, 1);
        QCOMPARE(g.padBottom, 1);
        QCOMPARE(g.patch(), 18);
        g = windowGeometry(Shape{1, 6, 5}, {{4, 2}, {1, 1}, {1, 1}, Padding::Same});
        QCOMPARE(g.outHeight, 6);
        QCOMPARE(g.outWidth, 5);
        QCOMPARE(g.padTop, 1);
        QCOMPARE(g.padBottom, 2);
        QCOMPARE(g.padLeft, 0);
        QCOMPARE(g.padRight, 1);
        g = windowGeometry(Shape{1, 7, 7}, {{3, 3}, {1, 1}, {2, 2}, Padding::Valid}); // spans 5×5
        QCOMPARE(g.outHeight, 3);
        g = windowGeometry(Shape{1, 2, 2}, {{3, 3}, {1, 1}, {1, 1}, Padding::Valid});
        QCOMPARE(g.outPlane(), 0);
    }

    void convMatchesDefinition_data()
    {
        QTest::addColumn<QList<int>>("g"); // C H W F kh kw sh sw dh dw same
        QTest::newRow("1ch 3x3 valid") << QList<int>{1, 5, 5, 2, 3, 3, 1, 1, 1, 1, 0};
        QTest::newRow("2ch 3x3 same") << QList<int>{2, 5, 4, 3, 3, 3, 1, 1, 1, 1, 1};
        QTest::newRow("even 2x4 same") << QList<int>{2, 5, 6, 2, 2, 4, 1, 1, 1, 1, 1};
        QTest::newRow("stride 2 same") << QList<int>{1, 7, 6, 2, 3, 3, 2, 2, 1, 1, 1};
        QTest::newRow("stride 2x1 valid") << QList<int>{3, 6, 5, 2, 2, 3, 2, 1, 1, 1, 0};
        QTest::newRow("dilation 2 valid") << QList<int>{1, 7, 7, 2, 3, 3, 1, 1, 2, 2, 0};
        QTest::newRow("dilation 2 same") << QList<int>{2, 5, 6, 1, 3, 2, 1, 1, 2, 2, 1};
        QTest::newRow("1x1") << QList<int>{4, 3, 3, 2, 1, 1, 1, 1, 1, 1, 0};
    }
    void convMatchesDefinition()
    {
        QFETCH(QList<int>, g);
        const Shape in{g[0], g[1], g[2]};
        LayerOptions o;
        o.set(opt::conv2d::filters, g[3])
            .set(opt::conv2d::kernel, {g[4], g[5]})
            .set(opt::conv2d::strides, {g[6], g[7]})
            .set(opt::conv2d::dilation, {g[8], g[9]})
            .set(opt::conv2d::padding, g[10] ? Padding::Same : Padding::Valid)
            .set(opt::activation, ActivationKind::Tanh);
        auto l = made(LayerKind::Conv2D, o, in);
        auto params = l->parameters();
        QCOMPARE(params.size(), std::size_t(2));
        QCOMPARE(params[0].value->rows(), g[3]);
        QCOMPARE(params[0].value->cols(), g[0] * g[4] * g[5]);
        *params[1].value = randomMatrix(g[3], 1, 12);
        const Matrix x = randomMatrix(in.size(), 3, 13, -2, 2);
        const Matrix z = directConvolution(x, in, *params[0].value, *params[1].value, g[4], g[5], g[6], g[7],
                                           g[8], g[9], g[10]);
        const Matrix y = forward1(*l, x);
        QCOMPARE(y.rows(), z.rows());
        QVERIFY2((y - z.array().tanh().matrix()).cwiseAbs().maxCoeff() < 1e-12,
                 "Conv2D differs from Σ k·x + b");
        QVERIFY((*l->preActivation() - z).cwiseAbs().maxCoeff() < 1e-12);
        const auto err = checkLayerGradients(*l, {x}, Mode::Train);
        QVERIFY2(err.empty(), err.c_str());
    }

    void convWithoutBiasAndManySamples()
    {
        // More samples than one im2col block holds (blocks of 2^20 values: 4096 positions × 9 taps = 1 block
        // per 28 samples), so the block loop and its last, shorter block are exercised.
        LayerOptions o;
        o.set(opt::conv2d::filters, 2).set(opt::conv2d::useBias, false);
        const Shape in{1, 66, 66};
        auto l = made(LayerKind::Conv2D, o, in);
        QCOMPARE(l->parameters().size(), std::size_t(1));
        const Matrix x = randomMatrix(in.size(), 61, 21);
        const Matrix y = forward1(*l, x);
        const Matrix z =
            directConvolution(x, in, *l->parameters()[0].value, Matrix(), 3, 3, 1, 1, 1, 1, false);
        QVERIFY((y - z).cwiseAbs().maxCoeff() < 1e-12);
        // The kernel's gradient sums over every block: compare with the definition, ∂L/∂k = Σ δ·x.
        const Matrix r = randomMatrix(y.rows(), y.cols(), 22);
        Matrix dx;
        const Matrix *xs[] = {&x};
        Matrix *dxs[] = {&dx};
        l->backward(xs, y, r, dxs);
        const Matrix &dw = *l->parameters()[0].grad;
        for (int f = 0; f < 2; ++f)
            for (int t = 0; t < 9; ++t) {
                double sum = 0;
                for (Eigen::Index n = 0; n < x.cols(); ++n)
                    for (int oy = 0; oy < 64; ++oy)
                        for (int ox = 0; ox < 64; ++ox)
                            sum += r((f * 64 + oy) * 64 + ox, n) * x((oy + t / 3) * 66 + ox + t % 3, n);
                QVERIFY2(near(dw(f, t), sum, 1e-10), qPrintable(QString("dw(%1,%2)").arg(f).arg(t)));
            }
    }

    void maxPoolHand()
    {
        // 1×4×4, 2×2 windows: each output is its window's largest value; a tie goes to the first (as
        // PyTorch).
        const Matrix x = mat(16, 1,
                             {1, 5, 2, 2,   //
                              3, 4, 2, 0,   //
                              -1, -2, 7, 8, //
                              -3, -1, 8, 6});
        auto l = made(LayerKind::MaxPool2D, {}, Shape{1, 4, 4});
        const Matrix y = forward1(*l, x);
        QCOMPARE(y, mat(4, 1, {5, 2, -1, 8}));
        Matrix dx;
        const Matrix *xs[] = {&x};
        Matrix *dxs[] = {&dx};
        l->backward(xs, y, mat(4, 1, {10, 20, 30, 40}), dxs);
        Matrix want = Matrix::Zero(16, 1);
        want(1, 0) = 10;  // the 5
        want(2, 0) = 20;  // the first of three 2s
        want(8, 0) = 30;  // the first of two -1s
        want(11, 0) = 40; // the first of two 8s
        QCOMPARE(dx, want);
    }

    void averagePoolSameIgnoresPadding()
    {
        // 1×3×3, 2×2 windows, stride 2, same: 2×2 outputs; the windows over the edge average only the pixels
        // they cover (Keras), so the corner is the corner pixel itself.
        LayerOptions o;
        o.set(opt::pool2d::padding, Padding::Same);
        auto l = made(LayerKind::AveragePool2D, o, Shape{1, 3, 3});
        const Matrix x = mat(9, 1, {1, 2, 3, 4, 5, 6, 7, 8, 9});
        QCOMPARE(forward1(*l, x), mat(4, 1, {3, 4.5, 7.5, 9}));
    }

    void poolingGradients_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("same");
        QTest::addColumn<QList<int>>("window"); // kh kw sh sw
        for (LayerKind k : {LayerKind::MaxPool2D, LayerKind::AveragePool2D}) {
            const std::string name(toString(k));
            QTest::newRow((name + " 2x2").c_str()) << int(k) << false << QList<int>{2, 2, 2, 2};
            QTest::newRow((name + " 3x3 stride 2 same").c_str()) << int(k) << true << QList<int>{3, 3, 2, 2};
            QTest::newRow((name + " 2x3 stride 1 same").c_str()) << int(k) << true << QList<int>{2, 3, 1, 1};
        }
        QTest::newRow("GlobalAveragePool2D") << int(LayerKind::GlobalAveragePool2D) << false << QList<int>{};
    }
    void poolingGradients()
    {
        QFETCH(int, kind);
        QFETCH(bool, same);
        QFETCH(QList<int>, window);
        LayerOptions o;
        if (!window.isEmpty())
            o.set(opt::pool2d::size, {window[0], window[1]})
                .set(opt::pool2d::strides, {window[2], window[3]})
                .set(opt::pool2d::padding, same ? Padding::Same : Padding::Valid);
        auto l = made(static_cast<LayerKind>(kind), o, Shape{2, 5, 6});
        const auto err = checkLayerGradients(*l, {randomMatrix(60, 3, 31, -2, 2)}, Mode::Train);
        QVERIFY2(err.empty(), err.c_str());
    }

    void globalAveragePoolHand()
    {
        auto l = made(LayerKind::GlobalAveragePool2D, {}, Shape{2, 1, 3});
        QCOMPARE(forward1(*l, mat(6, 2, {1, 0, 2, 0, 3, 0, 4, 1, 5, 1, 9, 1})), mat(2, 2, {2, 0, 6, 1}));
    }

    void factoryMakesEveryKind()
    {
        for (LayerKind k : allLayerKinds()) {
            auto l = makeLayer(spec(k));
            QVERIFY(l);
            QVERIFY(l->kind() == k);
            QVERIFY(l->clone()->kind() == k);
            QCOMPARE(hasParameters(k), k == LayerKind::Dense || k == LayerKind::BatchNorm ||
                                           k == LayerKind::Conv2D || k == LayerKind::Embedding ||
                                           k == LayerKind::SimpleRNN || k == LayerKind::LSTM ||
                                           k == LayerKind::GRU);
        }
    }
};

QTEST_GUILESS_MAIN(TestLayers)
#include "tst_layers.moc"
