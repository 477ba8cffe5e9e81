// Every optimizer, one and two steps on two small parameters with fixed gradients, against the update rules
// of the papers as written in PyTorch 1.13's documentation (the algorithm boxes of torch.optim.*), re-derived
// here element by element — the test never calls the optimizer code for its expectations. Plus L1/L2
// penalties.
#include "gradcheck.h"
#include "optimizers/optimizer.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace nnp;
using namespace nnp::testutil;

Q_DECLARE_METATYPE(nnp::OptimizerConfig)
Q_DECLARE_METATYPE(nnp::Matrix)
Q_DECLARE_METATYPE(nnp::OptimizerKind)

namespace {
double sign(double x)
{
    return x > 0 ? 1.0 : (x < 0 ? -1.0 : 0.0);
}

/// One scalar parameter under one optimizer: the update rules written out from the papers / PyTorch 1.13
/// docs.
struct Reference {
    OptimizerConfig c;
    double m = 0, v = 0, u = 0, buf = 0;
    int t = 0;

    double step(double w, double g, double lr)
    {
        ++t;
        switch (c.kind) {
        case OptimizerKind::SGD: {
            // b_t = g (t = 1), μ b_{t−1} + g (t > 1); Nesterov: g ← g + μ b_t, else g ← b_t; θ ← θ − γ g
            if (c.momentum == 0) return w - lr * g;
            buf = t == 1 ? g : c.momentum * buf + g;
            const double d = c.nesterov ? g + c.momentum * buf : buf;
            return w - lr * d;
        }
        case OptimizerKind::AdaGrad:
            // state_sum ← state_sum + g²; θ ← θ − γ g / (√state_sum + ε)
            v += g * g;
            return w - lr * g / (std::sqrt(v) + c.epsilon);
        case OptimizerKind::RMSProp: {
            // v ← α v + (1 − α) g²; with momentum μ: b ← μ b + g/(√v + ε), θ ← θ − γ b; else θ ← θ − γ g/(√v
            // + ε)
            v = c.alpha * v + (1 - c.alpha) * g * g;
            if (c.momentum == 0) return w - lr * g / (std::sqrt(v) + c.epsilon);
            buf = c.momentum * buf + g / (std::sqrt(v) + c.epsilon);
            return w - lr * buf;
        }
        case OptimizerKind::Adadelta: {
            // v ← ρ v + (1 − ρ) g²; Δx = √(u + ε)/√(v + ε) · g; u ← ρ u + (1 − ρ) Δx²; θ ← θ − γ Δx
            v = c.rho * v + (1 - c.rho) * g * g;
            const double dx = std::sqrt(u + c.epsilon) / std::sqrt(v + c.epsilon) * g;
            u = c.rho * u + (1 - c.rho) * dx * dx;
            return w - lr * dx;
        }
        case OptimizerKind::Adam:
        case OptimizerKind::AdamW: {
            // AdamW first decays: θ ← θ − γ λ θ. Then m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
            // m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); θ ← θ − γ m̂/(√v̂ + ε)
            if (c.kind == OptimizerKind::AdamW) w -= lr * c.weightDecay * w;
            m = c.beta1 * m + (1 - c.beta1) * g;
            v = c.beta2 * v + (1 - c.beta2) * g * g;
            const double mHat = m / (1 - std::pow(c.beta1, t));
            const double vHat = v / (1 - std::pow(c.beta2, t));
            return w - lr * mHat / (std::sqrt(vHat) + c.epsilon);
        }
        }
        return w;
    }
};

/// Two parameters (a 3x1 and a 1x2) and the gradients of two steps.
struct Problem {
    Matrix a = mat(3, 1, {1, -2, 0.5}), b = mat(1, 2, {3, -1});
    Matrix ga, gb;
    std::vector<std::pair<Matrix, Matrix>> grads{
        {mat(3, 1, {0.1, -0.2, 0.3}), mat(1, 2, {0.5, -0.05})},
        {mat(3, 1, {-0.3, 0.1, 0.2}), mat(1, 2, {-0.4, 0.2})},
    };
    std::vector<ParamRef> refs(double l1 = 0, double l2 = 0)
    {
        return {{"weight", &a, &ga, static_cast<Scalar>(l1), static_cast<Scalar>(l2)},
                {"bias", &b, &gb, 0, 0}};
    }
};

OptimizerConfig config(OptimizerKind kind, double momentum = 0, bool nesterov = false)
{
    OptimizerConfig c = defaultOptimizerConfig(kind);
    c.momentum = momentum;
    c.nesterov = nesterov;
    return c;
}
} // namespace

class TestOptimizers : public QObject {
    Q_OBJECT

private slots:
    // Hand arithmetic for plain SGD and its momentum forms, lr 0.1, w = (1, −2, 0.5),
    // g₁ = (0.1, −0.2, 0.3), g₂ = (−0.3, 0.1, 0.2):
    void sgdByHand_data()
    {
        QTest::addColumn<double>("momentum");
        QTest::addColumn<bool>("nesterov");
        QTest::addColumn<Matrix>("after1");
        QTest::addColumn<Matrix>("after2");
        // plain: w − 0.1g₁ = (0.99, −1.98, 0.47); − 0.1g₂ → (1.02, −1.99, 0.45)
        QTest::newRow("plain") << 0.0 << false << mat(3, 1, {0.99, -1.98, 0.47})
                               << mat(3, 1, {1.02, -1.99, 0.45});
        // momentum 0.9: b₁ = g₁ → same first step; b₂ = 0.9g₁ + g₂ = (−0.21, −0.08, 0.47)
        // → w₂ = (0.99 + 0.021, −1.98 + 0.008, 0.47 − 0.047) = (1.011, −1.972, 0.423)
        QTest::newRow("momentum") << 0.9 << false << mat(3, 1, {0.99, -1.98, 0.47})
                                  << mat(3, 1, {1.011, -1.972, 0.423});
        // Nesterov: step 1 uses g₁ + 0.9b₁ = 1.9g₁ → w₁ = w − 0.19g₁ = (0.981, −1.962, 0.443);
        // step 2 uses g₂ + 0.9b₂ = (−0.489, 0.028, 0.623) → w₂ = (1.0299, −1.9648, 0.3807)
        QTest::newRow("nesterov") << 0.9 << true << mat(3, 1, {0.981, -1.962, 0.443})
                                  << mat(3, 1, {1.0299, -1.9648, 0.3807});
    }
    void sgdByHand()
    {
        QFETCH(double, momentum);
        QFETCH(bool, nesterov);
        QFETCH(Matrix, after1);
        QFETCH(Matrix, after2);
        Problem pr;
        Optimizer opt(config(OptimizerKind::SGD, momentum, nesterov), pr.refs());
        pr.ga = pr.grads[0].first;
        pr.gb = pr.grads[0].second;
        opt.step(0.1); // the schedule's rate, not the config's 0.03
        QVERIFY(pr.a.isApprox(after1, 1e-14));
        pr.ga = pr.grads[1].first;
        pr.gb = pr.grads[1].second;
        opt.step(0.1);
        QVERIFY(pr.a.isApprox(after2, 1e-14));
        QCOMPARE(opt.steps(), 2LL);
    }

    // First steps of the adaptive methods move each weight by about lr·sign(g), whatever |g| is.
    void adaptiveFirstStepIsSignStep_data()
    {
        QTest::addColumn<OptimizerConfig>("cfg");
        QTest::addColumn<double>("lr");
        // AdaGrad: g/√g² = sign g. Adam: m̂/√v̂ = g/|g|. RMSProp: g/√(0.01g²) = 10 sign g.
        QTest::newRow("adagrad") << config(OptimizerKind::AdaGrad) << 0.1;
        QTest::newRow("adam") << config(OptimizerKind::Adam) << 0.001;
        QTest::newRow("rmsprop") << config(OptimizerKind::RMSProp) << 0.01;
    }
    void adaptiveFirstStepIsSignStep()
    {
        QFETCH(OptimizerConfig, cfg);
        QFETCH(double, lr);
        Problem pr;
        Optimizer opt(cfg, pr.refs());
        pr.ga = pr.grads[0].first;
        pr.gb = pr.grads[0].second;
        opt.step(lr);
        const double scale = cfg.kind == OptimizerKind::RMSProp ? 10.0 : 1.0; // 1/√(1 − α) with α = 0.99
        const Matrix expected = mat(3, 1, {1 - lr * scale, -2 + lr * scale, 0.5 - lr * scale});
        QVERIFY2(pr.a.isApprox(expected, 1e-6), qPrintable(QString::number(pr.a(0, 0), 'g', 17)));
    }

    void twoStepsAgainstReference_data()
    {
        QTest::addColumn<OptimizerConfig>("cfg");
        QTest::addColumn<double>("lr");
        QTest::addColumn<double>("l1");
        QTest::addColumn<double>("l2");
        auto add = [](const char *name, OptimizerConfig c, double lr) {
            QTest::newRow(name) << c << lr << 0.0 << 0.0;
            QTest::newRow((std::string(name) + " +l1 l2").c_str()) << c << lr << 0.05 << 0.3;
        };
        add("sgd", config(OptimizerKind::SGD), 0.1);
        add("sgd momentum", config(OptimizerKind::SGD, 0.9), 0.1);
        add("sgd nesterov", config(OptimizerKind::SGD, 0.9, true), 0.1);
        add("adagrad", config(OptimizerKind::AdaGrad), 0.1);
        add("rmsprop", config(OptimizerKind::RMSProp), 0.01);
        add("rmsprop momentum", config(OptimizerKind::RMSProp, 0.8), 0.01);
        add("adadelta", config(OptimizerKind::Adadelta), 1.0);
        add("adam", config(OptimizerKind::Adam), 0.01);
        OptimizerConfig betas = config(OptimizerKind::Adam);
        betas.beta1 = 0.5;
        betas.beta2 = 0.6;
        betas.epsilon = 0.1;
        add("adam other betas", betas, 0.01);
        OptimizerConfig adamw = config(OptimizerKind::AdamW);
        adamw.weightDecay = 0.1;
        add("adamw", adamw, 0.01);
    }
    void twoStepsAgainstReference()
    {
        QFETCH(OptimizerConfig, cfg);
        QFETCH(double, lr);
        QFETCH(double, l1);
        QFETCH(double, l2);
        Problem pr;
        Optimizer opt(cfg, pr.refs(l1, l2));
        std::vector<Reference> refA(3, Reference{cfg}), refB(2, Reference{cfg});
        Matrix expA = pr.a, expB = pr.b;
        for (int s = 0; s < 2; ++s) {
            pr.ga = pr.grads[s].first;
            pr.gb = pr.grads[s].second;
            opt.step(lr);
            // The penalties add l2·w + l1·sign(w) to the weight's gradient (L = l1|w| + (l2/2)w²); biases
            // carry none.
            for (int i = 0; i < 3; ++i) {
                const double w = expA(i, 0);
                expA(i, 0) = refA[i].step(w, pr.ga(i, 0) + l2 * w + l1 * sign(w), lr);
            }
            for (int i = 0; i < 2; ++i)
                expB(0, i) = refB[i].step(expB(0, i), pr.gb(0, i), lr);
            for (int i = 0; i < 3; ++i)
                QVERIFY2(near(pr.a(i, 0), expA(i, 0), 1e-12), qPrintable(QString("step %1 a[%2]: %3 vs %4")
                                                                             .arg(s + 1)
                                                                             .arg(i)
                                                                             .arg(pr.a(i, 0), 0, 'g', 17)
                                                                             .arg(expA(i, 0), 0, 'g', 17)));
            for (int i = 0; i < 2; ++i)
                QVERIFY2(near(pr.b(0, i), expB(0, i), 1e-12), qPrintable(QString("step %1 b[%2]: %3 vs %4")
                                                                             .arg(s + 1)
                                                                             .arg(i)
                                                                             .arg(pr.b(0, i), 0, 'g', 17)
                                                                             .arg(expB(0, i), 0, 'g', 17)));
            // The stored gradient is the loss's own; the penalty is added on the side.
            QCOMPARE(pr.ga, pr.grads[s].first);
        }
    }

    // An independent anchor for the rules above: w after two steps as PyTorch 1.13 computed them
    // (torch.optim.*, float64, default arguments except those named; run once offline with Debian's
    // python3-torch: w = tensor([1, −2, 0.5]); w.grad = g₁; opt.step(); w.grad = g₂; opt.step()).
    void pytorchTwoSteps_data()
    {
        QTest::addColumn<OptimizerConfig>("cfg");
        QTest::addColumn<double>("lr");
        QTest::addColumn<Matrix>("expected");
        QTest::newRow("SGD momentum=0.9")
            << config(OptimizerKind::SGD, 0.9) << 0.1 << mat(3, 1, {1.011, -1.972, 0.423});
        QTest::newRow("SGD nesterov") << config(OptimizerKind::SGD, 0.9, true) << 0.1
                                      << mat(3, 1, {1.0299, -1.9647999999999999, 0.3807});
        QTest::newRow("Adagrad") << config(OptimizerKind::AdaGrad) << 0.1
                                 << mat(3, 1, {0.9948683298750512, -1.9447213595799957, 0.34452998042619504});
        QTest::newRow("RMSprop") << config(OptimizerKind::RMSProp) << 0.01
                                 << mat(3, 1, {0.9949158695451293, -1.9449013553453873, 0.34433701482604706});
        QTest::newRow("RMSprop momentum=0.8")
            << config(OptimizerKind::RMSProp, 0.8) << 0.01
            << mat(3, 1, {0.9149159495450494, -1.8649013953453675, 0.2643370414927049});
        QTest::newRow("Adadelta") << config(OptimizerKind::Adadelta) << 1.0
                                  << mat(3, 1, {1.0011020362650882, -1.9989229048030062, 0.4942667782815578});
        QTest::newRow("Adam") << config(OptimizerKind::Adam) << 0.01
                              << mat(3, 1, {0.9949418991120065, -1.9873366302718676, 0.4802964794330103});
        OptimizerConfig adamw = config(OptimizerKind::AdamW);
        adamw.weightDecay = 0.1;
        QTest::newRow("AdamW weight_decay=0.1")
            << adamw << 0.01 << mat(3, 1, {0.9929528991110065, -1.9833486302713677, 0.47930697943267697});
    }
    void pytorchTwoSteps()
    {
        QFETCH(OptimizerConfig, cfg);
        QFETCH(double, lr);
        QFETCH(Matrix, expected);
        Problem pr;
        Optimizer opt(cfg, pr.refs());
        for (int s = 0; s < 2; ++s) {
            pr.ga = pr.grads[s].first;
            pr.gb = pr.grads[s].second;
            opt.step(lr);
        }
        for (int i = 0; i < 3; ++i)
            QVERIFY2(near(pr.a(i, 0), expected(i, 0), 1e-12),
                     qPrintable(QString::number(pr.a(i, 0), 'g', 17)));
    }

    // L1 and L2 by hand with plain SGD, lr 0.1, w = (1, −2, 0.5), g = (0.1, −0.2, 0.3):
    void penaltiesByHand_data()
    {
        QTest::addColumn<double>("l1");
        QTest::addColumn<double>("l2");
        QTest::addColumn<Matrix>("expected");
        // l2 = 0.5: g + 0.5w = (0.6, −1.2, 0.55) → (0.94, −1.88, 0.445)
        QTest::newRow("l2") << 0.0 << 0.5 << mat(3, 1, {0.94, -1.88, 0.445});
        // l1 = 0.2: g + 0.2 sign(w) = (0.3, −0.4, 0.5) → (0.97, −1.96, 0.45)
        QTest::newRow("l1") << 0.2 << 0.0 << mat(3, 1, {0.97, -1.96, 0.45});
        // both: (0.8, −1.4, 0.75) → (0.92, −1.86, 0.425)
        QTest::newRow("l1+l2") << 0.2 << 0.5 << mat(3, 1, {0.92, -1.86, 0.425});
    }
    void penaltiesByHand()
    {
        QFETCH(double, l1);
        QFETCH(double, l2);
        QFETCH(Matrix, expected);
        Problem pr;
        Optimizer opt(config(OptimizerKind::SGD), pr.refs(l1, l2));
        pr.ga = pr.grads[0].first;
        pr.gb = pr.grads[0].second;
        opt.step(0.1);
        QVERIFY(pr.a.isApprox(expected, 1e-14));
        QVERIFY(pr.b.isApprox(mat(1, 2, {2.95, -0.995}), 1e-14)); // bias: plain SGD, no penalty
    }

    // The update says whether the values it wrote are finite (the trainer diverges on false), per part too;
    // the finiteness is checked inside the update's pass, not by the trainer afterwards.
    void stepReportsNonFiniteValues_data()
    {
        QTest::addColumn<OptimizerKind>("kind");
        for (OptimizerKind k : allOptimizers())
            QTest::newRow(std::string(toString(k)).c_str()) << k;
    }
    void stepReportsNonFiniteValues()
    {
        QFETCH(OptimizerKind, kind);
        const Scalar big = std::numeric_limits<Scalar>::max();
        Matrix w = Matrix::Ones(40, 1), g = Matrix::Constant(40, 1, 0.5);
        Optimizer opt(config(kind), {{"weight", &w, &g, 0, 0}});
        QVERIFY(opt.step(0.1));
        QVERIFY(w.allFinite());
        // Element 35 overflows: the largest value, moved up by a huge learning rate (every rule moves a
        // weight against its gradient by at least a thousandth of the rate here); the others move by about
        // the rate, far from overflowing.
        w(35, 0) = big;
        g(35, 0) = -1;
        opt.beginStep(double(big) * 1e-3);
        QVERIFY(opt.updatePart(0, 2));  // elements 0..15
        QVERIFY(!opt.updatePart(1, 2)); // elements 16..39
        QVERIFY(!std::isfinite(w(35, 0)));
    }

    // rebind keeps the moments but applies new penalties; reset starts over.
    void rebindAndReset()
    {
        Problem pr;
        const OptimizerConfig cfg = config(OptimizerKind::Adam);
        Optimizer opt(cfg, pr.refs());
        std::vector<Reference> ref(3, Reference{cfg});
        Matrix exp = pr.a;
        pr.ga = pr.grads[0].first;
        pr.gb = pr.grads[0].second;
        opt.step(0.01);
        for (int i = 0; i < 3; ++i)
            exp(i, 0) = ref[i].step(exp(i, 0), pr.ga(i, 0), 0.01);
        opt.rebind(pr.refs(0, 0.5));
        pr.ga = pr.grads[1].first;
        opt.step(0.01);
        for (int i = 0; i < 3; ++i)
            exp(i, 0) = ref[i].step(exp(i, 0), pr.ga(i, 0) + 0.5 * exp(i, 0), 0.01);
        QVERIFY(pr.a.isApprox(exp, 1e-12));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, opt.rebind({}));

        opt.reset();
        QCOMPARE(opt.steps(), 0LL);
        const Matrix before = pr.a;
        opt.step(0.01); // a first step again: lr·sign(g') with g' = g₂ + 0.5w
        for (int i = 0; i < 3; ++i) {
            const double g = pr.ga(i, 0) + 0.5 * before(i, 0);
            QVERIFY(near(pr.a(i, 0), before(i, 0) - 0.01 * g / (std::abs(g) + 1e-8), 1e-12));
        }
    }

    void defaultsAndNames()
    {
        QCOMPARE(defaultOptimizerConfig(OptimizerKind::Adam).learningRate, 0.001);
        QCOMPARE(defaultOptimizerConfig(OptimizerKind::Adadelta).learningRate, 1.0);
        QCOMPARE(defaultOptimizerConfig(OptimizerKind::Adadelta).epsilon, 1e-6);
        QCOMPARE(defaultOptimizerConfig(OptimizerKind::AdaGrad).epsilon, 1e-10);
        QCOMPARE(allOptimizers().size(), std::size_t(6));
        for (OptimizerKind k : allOptimizers())
            QVERIFY(optimizerFromString(toString(k)) == std::optional<OptimizerKind>(k));
        QVERIFY(!optimizerFromString("lbfgs").has_value());
    }
};

QTEST_GUILESS_MAIN(TestOptimizers)
#include "tst_optimizers.moc"
