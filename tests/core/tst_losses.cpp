// Every loss: values and gradients worked out by hand, gradients against central differences, and the
// from-logits forms of the cross-entropies checked against z and at extreme logits.
#include "gradcheck.h"
#include "layers/activations.h"
#include "losses/loss.h"

#include <QtTest>

#include <functional>
#include <numbers>

using namespace nnp;
using namespace nnp::testutil;

Q_DECLARE_METATYPE(nnp::LossKind)
Q_DECLARE_METATYPE(nnp::Matrix)

namespace {
LossParams loss(LossKind k, double delta = 1.0)
{
    return {k, static_cast<Scalar>(delta)};
}

Matrix sigmoid(const Matrix &z)
{
    Matrix a;
    activate({ActivationKind::Sigmoid}, z, a);
    return a;
}

Matrix softmax(const Matrix &z)
{
    Matrix a(z.rows(), z.cols());
    for (Eigen::Index c = 0; c < z.cols(); ++c) {
        a.col(c) = (z.col(c).array() - z.col(c).maxCoeff()).exp();
        a.col(c) /= a.col(c).sum();
    }
    return a;
}

/// One-hot [classes x N] from labels, and the same labels as a [1 x N] row.
Matrix oneHot(const std::vector<int> &labels, int classes)
{
    Matrix t = Matrix::Zero(classes, static_cast<Eigen::Index>(labels.size()));
    for (std::size_t i = 0; i < labels.size(); ++i)
        t(labels[i], static_cast<Eigen::Index>(i)) = 1;
    return t;
}
Matrix labelRow(const std::vector<int> &labels)
{
    Matrix t(1, static_cast<Eigen::Index>(labels.size()));
    for (std::size_t i = 0; i < labels.size(); ++i)
        t(0, static_cast<Eigen::Index>(i)) = labels[i];
    return t;
}
} // namespace

class TestLosses : public QObject {
    Q_OBJECT

private slots:
    void handValues_data()
    {
        QTest::addColumn<LossKind>("kind");
        QTest::addColumn<double>("delta");
        QTest::addColumn<Matrix>("out");
        QTest::addColumn<Matrix>("target");
        QTest::addColumn<double>("value");
        QTest::addColumn<Matrix>("grad");
        using K = LossKind;
        const Matrix out = mat(1, 2, {0.5, 2}), t = mat(1, 2, {1, 0}); // residuals r = (−0.5, 2), N = 2
        // MSE, ½ convention: ½(0.25 + 4)/2 = 1.0625; dL/da = r/N = (−0.25, 1)
        QTest::newRow("mse") << K::MSE << 1.0 << out << t << 1.0625 << mat(1, 2, {-0.25, 1});
        // Sums over outputs, averages over samples: one sample, outputs (1, 3) vs (0, 1): ½(1 + 4) = 2.5
        QTest::newRow("mse 2 outputs")
            << K::MSE << 1.0 << mat(2, 1, {1, 3}) << mat(2, 1, {0, 1}) << 2.5 << mat(2, 1, {1, 2});
        // MAE: (0.5 + 2)/2 = 1.25; sign(r)/N = (−0.5, 0.5)
        QTest::newRow("mae") << K::MAE << 1.0 << out << t << 1.25 << mat(1, 2, {-0.5, 0.5});
        // Huber δ = 1: ½·0.25 = 0.125 (quadratic), 1·(2 − ½) = 1.5 (linear): 1.625/2 = 0.8125;
        // gradient clamp(r, −δ, δ)/N = (−0.25, 0.5)
        QTest::newRow("huber 1") << K::Huber << 1.0 << out << t << 0.8125 << mat(1, 2, {-0.25, 0.5});
        // Huber δ = ¼: both linear: ¼(0.5 − ⅛) = 0.09375, ¼(2 − ⅛) = 0.46875; 0.5625/2 = 0.28125
        QTest::newRow("huber 0.25") << K::Huber << 0.25 << out << t << 0.28125 << mat(1, 2, {-0.125, 0.125});
        // BCE: a = (0.8, 0.25), y = (1, 0): −(ln 0.8 + ln 0.75)/2, ln 0.8 = −0.2231435513142097,
        // ln 0.75 = −0.2876820724517809; dL/da = (a − y)/(a(1 − a))/N = (−0.2/0.16, 0.25/0.1875)/2
        QTest::newRow("bce") << K::BinaryCrossEntropy << 1.0 << mat(1, 2, {0.8, 0.25}) << t
                             << 0.2554128118829953 << mat(1, 2, {-0.625, 2.0 / 3});
        // CCE: columns (0.2, 0.5, 0.3) with class 1 and (0.1, 0.1, 0.8) with class 2:
        // −(ln 0.5 + ln 0.8)/2 = (0.6931471805599453 + 0.2231435513142097)/2; dL/da = −y/a/N
        const Matrix probs = mat(3, 2, {0.2, 0.1, 0.5, 0.1, 0.3, 0.8});
        const Matrix cceGrad = mat(3, 2, {0, 0, -1, 0, 0, -0.625});
        QTest::newRow("cce") << K::CategoricalCrossEntropy << 1.0 << probs << oneHot({1, 2}, 3)
                             << 0.4581453659370775 << cceGrad;
        QTest::newRow("scce") << K::SparseCategoricalCrossEntropy << 1.0 << probs << labelRow({1, 2})
                              << 0.4581453659370775 << cceGrad;
    }
    void handValues()
    {
        QFETCH(LossKind, kind);
        QFETCH(double, delta);
        QFETCH(Matrix, out);
        QFETCH(Matrix, target);
        QFETCH(double, value);
        QFETCH(Matrix, grad);
        const LossParams p = loss(kind, delta);
        QVERIFY2(near(lossValue(p, out, target), value),
                 qPrintable(QString::number(lossValue(p, out, target), 'g', 17)));
        Matrix g = Matrix::Constant(3, 3, 99.0); // stale content and shape must not survive
        lossGradient(p, out, target, g);
        QVERIFY2(matNear(g, grad), show(g));
    }

    void gradientsMatchDifferences_data()
    {
        QTest::addColumn<LossKind>("kind");
        QTest::addColumn<double>("delta");
        QTest::addColumn<Matrix>("out");
        QTest::addColumn<Matrix>("target");
        using K = LossKind;
        const Matrix reg = randomMatrix(3, 5, 1, -2, 2), regT = randomMatrix(3, 5, 2, -2, 2);
        QTest::newRow("mse") << K::MSE << 1.0 << reg << regT;
        QTest::newRow("mae") << K::MAE << 1.0 << reg << regT;
        QTest::newRow("huber 1") << K::Huber << 1.0 << reg << regT;
        QTest::newRow("huber 0.3") << K::Huber << 0.3 << reg << regT;
        const Matrix p = randomMatrix(3, 5, 3, 0.05, 0.95);
        QTest::newRow("bce 0/1") << K::BinaryCrossEntropy << 1.0 << p << oneHot({0, 2, 1, 1, 0}, 3);
        QTest::newRow("bce soft") << K::BinaryCrossEntropy << 1.0 << p << randomMatrix(3, 5, 4, 0, 1);
        QTest::newRow("cce") << K::CategoricalCrossEntropy << 1.0 << p << oneHot({0, 2, 1, 1, 0}, 3);
        QTest::newRow("cce soft") << K::CategoricalCrossEntropy << 1.0 << p << randomMatrix(3, 5, 5, 0, 1);
        QTest::newRow("scce") << K::SparseCategoricalCrossEntropy << 1.0 << p << labelRow({0, 2, 1, 1, 0});
    }
    void gradientsMatchDifferences()
    {
        QFETCH(LossKind, kind);
        QFETCH(double, delta);
        QFETCH(Matrix, out);
        QFETCH(Matrix, target);
        const LossParams p = loss(kind, delta);
        // No residual sits on a kink of MAE (0) or Huber (±δ).
        for (Eigen::Index i = 0; kind != LossKind::SparseCategoricalCrossEntropy && i < out.size(); ++i) {
            const double r = std::abs(out.data()[i] - target.data()[i]);
            QVERIFY(r > 1e-3 && std::abs(r - delta) > 1e-3);
        }
        Matrix g;
        lossGradient(p, out, target, g);
        const Matrix numeric = numericGradient(out, [&] { return lossValue(p, out, target); });
        const auto err = compareGradients("dL/da", g, numeric);
        QVERIFY2(err.empty(), err.c_str());
    }

    void fromLogitsHand()
    {
        // BCE, z = (0, ln 3): σ = (½, ¾), y = (1, 0): (−ln ½ − ln ¼)/2 = 1.5 ln 2; dL/dz = (σ − y)/N = (−¼,
        // ⅜)
        const LossParams bce = loss(LossKind::BinaryCrossEntropy);
        const Matrix z = mat(1, 2, {0, std::log(3.0)}), y = mat(1, 2, {1, 0});
        QVERIFY(near(lossValueFromLogits(bce, z, y), 1.5 * std::numbers::ln2));
        Matrix dz;
        lossGradientFromLogits(bce, sigmoid(z), y, dz);
        QVERIFY2(matNear(dz, mat(1, 2, {-0.25, 0.375})), show(dz));

        // Softmax CE, columns z = (0, ln 2, ln 3) → (1/6, 1/3, 1/2), class 2; z = (1, 1, 1) → ⅓ each, class
        // 0: (−ln ½ − ln ⅓)/2 = (ln 2 + ln 3)/2; dL/dz = (a − y)/2 = (1/12, 1/6, −1/4) and (−1/3, 1/6, 1/6)
        Matrix zc(3, 2);
        zc << 0, 1, std::log(2.0), 1, std::log(3.0), 1;
        const double expected = (std::numbers::ln2 + std::log(3.0)) / 2;
        const Matrix expectedDz = mat(3, 2, {1.0 / 12, -1.0 / 3, 1.0 / 6, 1.0 / 6, -0.25, 1.0 / 6});
        const LossParams cce = loss(LossKind::CategoricalCrossEntropy);
        const LossParams scce = loss(LossKind::SparseCategoricalCrossEntropy);
        QVERIFY(near(lossValueFromLogits(cce, zc, oneHot({2, 0}, 3)), expected));
        QVERIFY(near(lossValueFromLogits(scce, zc, labelRow({2, 0})), expected));
        lossGradientFromLogits(cce, softmax(zc), oneHot({2, 0}, 3), dz);
        QVERIFY2(matNear(dz, expectedDz), show(dz));
        lossGradientFromLogits(scce, softmax(zc), labelRow({2, 0}), dz);
        QVERIFY2(matNear(dz, expectedDz), show(dz));

        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)lossValueFromLogits(loss(LossKind::MSE), z, y));
    }

    // The logits forms are the same loss as the probability forms where both are accurate.
    void fromLogitsAgreesWithProbabilities()
    {
        const Matrix z = randomMatrix(3, 6, 7, -3, 3);
        const Matrix y01 = oneHot({0, 1, 2, 2, 1, 0}, 3);
        const LossParams bce = loss(LossKind::BinaryCrossEntropy);
        QVERIFY(near(lossValueFromLogits(bce, z, y01), lossValue(bce, sigmoid(z), y01), 1e-10));
        const LossParams cce = loss(LossKind::CategoricalCrossEntropy);
        QVERIFY(near(lossValueFromLogits(cce, z, y01), lossValue(cce, softmax(z), y01), 1e-10));
        const LossParams scce = loss(LossKind::SparseCategoricalCrossEntropy);
        const Matrix labels = labelRow({0, 1, 2, 2, 1, 0});
        QVERIFY(near(lossValueFromLogits(scce, z, labels), lossValue(scce, softmax(z), labels), 1e-10));
    }

    // Per-sample losses: the hand values of fromLogitsHand one by one, and for every loss their mean is the
    // batch loss (with and without logits).
    void sampleLossesAreTheBatchLossSplit()
    {
        const LossParams bce = loss(LossKind::BinaryCrossEntropy);
        const std::vector<double> e =
            sampleLosses(bce, mat(1, 2, {0, std::log(3.0)}), mat(1, 2, {1, 0}), true);
        QCOMPARE(e.size(), std::size_t(2));
        QVERIFY(near(e[0], std::numbers::ln2) && near(e[1], 2 * std::numbers::ln2)); // −ln ½, −ln ¼
        const Matrix z = randomMatrix(3, 6, 7, -3, 3);
        const Matrix y01 = oneHot({0, 1, 2, 2, 1, 0}, 3), labels = labelRow({0, 1, 2, 2, 1, 0});
        const auto mean = [](const std::vector<double> &v) {
            double s = 0;
            for (double x : v)
                s += x;
            return s / double(v.size());
        };
        for (LossKind k : allLosses()) {
            const LossParams p = loss(k);
            const Matrix &y = k == LossKind::SparseCategoricalCrossEntropy ? labels : y01;
            const Matrix a = k == LossKind::BinaryCrossEntropy ? sigmoid(z) : softmax(z);
            QVERIFY2(near(mean(sampleLosses(p, a, y)), lossValue(p, a, y), 1e-10), toString(k).data());
            if (isClassificationLoss(k))
                QVERIFY2(near(mean(sampleLosses(p, z, y, true)), lossValueFromLogits(p, z, y), 1e-10),
                         toString(k).data());
        }
    }

    void fromLogitsGradients_data()
    {
        QTest::addColumn<LossKind>("kind");
        QTest::addColumn<Matrix>("target");
        using K = LossKind;
        QTest::newRow("bce 0/1") << K::BinaryCrossEntropy << oneHot({1, 0, 2, 2}, 3);
        QTest::newRow("bce soft") << K::BinaryCrossEntropy << randomMatrix(3, 4, 8, 0, 1);
        QTest::newRow("cce one-hot") << K::CategoricalCrossEntropy << oneHot({1, 0, 2, 2}, 3);
        // Label smoothing: each column a distribution (0.8, 0.1, 0.1) in some order.
        QTest::newRow("cce soft") << K::CategoricalCrossEntropy
                                  << mat(3, 4, {0.8, 0.1, 0.1, 0.1, 0.1, 0.8, 0.1, 0.1, 0.1, 0.1, 0.8, 0.8});
        // Targets that do not sum to 1 per column: L = −Σ y log softmax(z) still has dL/dz = a·Σy − y.
        QTest::newRow("cce unnormalised")
            << K::CategoricalCrossEntropy << mat(3, 4, {1, 0, 0.5, 1, 1, 0, 0, 2, 0, 0.2, 1, 0});
        QTest::newRow("scce") << K::SparseCategoricalCrossEntropy << labelRow({1, 0, 2, 2});
    }
    void fromLogitsGradients()
    {
        QFETCH(LossKind, kind);
        QFETCH(Matrix, target);
        const LossParams p = loss(kind);
        Matrix z = randomMatrix(3, 4, 9, -3, 3);
        const Matrix a = kind == LossKind::BinaryCrossEntropy ? sigmoid(z) : softmax(z);
        Matrix dz;
        lossGradientFromLogits(p, a, target, dz);
        const Matrix numeric = numericGradient(z, [&] { return lossValueFromLogits(p, z, target); });
        const auto err = compareGradients("dL/dz", dz, numeric);
        QVERIFY2(err.empty(), err.c_str());
    }

    void extremeLogits_data()
    {
        QTest::addColumn<double>("scale");
        QTest::newRow("100") << 100.0;
        QTest::newRow("1000") << 1000.0;
    }
    void extremeLogits()
    {
        QFETCH(double, scale);
        const double s = scale;
        // BCE per sample max(z,0) − zy + log(1 + e^−|z|): z = s with y = 0 costs s, z = −s with y = 1 costs
        // s, z = ±s on the right side costs log(1 + e^−s) ≈ 0. Mean over 4 samples: 2s/4.
        const LossParams bce = loss(LossKind::BinaryCrossEntropy);
        const Matrix z = mat(1, 4, {s, -s, s, -s}), y = mat(1, 4, {0, 1, 1, 0});
        const double v = lossValueFromLogits(bce, z, y);
        QVERIFY(std::isfinite(v));
        QVERIFY2(near(v, s / 2, 1e-12), qPrintable(QString::number(v, 'g', 17)));
        Matrix dz;
        lossGradientFromLogits(bce, sigmoid(z), y, dz);
        QVERIFY2(matNear(dz, mat(1, 4, {0.25, -0.25, 0, 0})), show(dz)); // (σ(z) − y)/4, σ(±s) = 1 or 0

        // Softmax CE, column (s, −s, 0) with class 1: log Σ e^z − z₁ = s + log(1 + e^−2s + e^−s) + s ≈ 2s;
        // column (−s, −s, −s) with class 0: ln 3. Mean over 2 columns.
        Matrix zc(3, 2);
        zc << s, -s, -s, -s, 0, -s;
        const double expected = (2 * s + std::log(3.0)) / 2;
        const Matrix expectedDz = mat(3, 2, {0.5, 1.0 / 6 - 0.5, -0.5, 1.0 / 6, 0, 1.0 / 6});
        for (LossKind k : {LossKind::CategoricalCrossEntropy, LossKind::SparseCategoricalCrossEntropy}) {
            const Matrix t = k == LossKind::CategoricalCrossEntropy ? oneHot({1, 0}, 3) : labelRow({1, 0});
            const double vc = lossValueFromLogits(loss(k), zc, t);
            QVERIFY2(near(vc, expected, 1e-12), qPrintable(QString::number(vc, 'g', 17)));
            lossGradientFromLogits(loss(k), softmax(zc), t, dz);
            QVERIFY(dz.allFinite());
            QVERIFY2(matNear(dz, expectedDz, 1e-12), show(dz));
        }
    }

    // The probability forms clamp instead of returning inf/NaN when a saturated output is exactly 0 or 1.
    void probabilityFormsStayFinite()
    {
        const Matrix a = mat(1, 2, {0, 1}), y = mat(1, 2, {1, 0});
        const LossParams bce = loss(LossKind::BinaryCrossEntropy);
        Matrix g;
        QVERIFY(std::isfinite(lossValue(bce, a, y)));
        lossGradient(bce, a, y, g);
        QVERIFY(g.allFinite());
        const Matrix probs = mat(2, 1, {1, 0});
        QVERIFY(std::isfinite(lossValue(loss(LossKind::CategoricalCrossEntropy), probs, mat(2, 1, {0, 1}))));
        lossGradient(loss(LossKind::SparseCategoricalCrossEntropy), probs, mat(1, 1, {1}), g);
        QVERIFY(g.allFinite());
    }

    // Targets that do not fit are a user's data problem (a CSV with label 7 for a 3-unit output): every entry
    // point says so with std::invalid_argument instead of reading or writing outside the matrices.
    void badTargetsThrow_data()
    {
        QTest::addColumn<LossKind>("kind");
        QTest::addColumn<Matrix>("target");
        QTest::addColumn<QString>("message");
        using K = LossKind;
        QTest::newRow("scce label too large")
            << K::SparseCategoricalCrossEntropy << labelRow({0, 3}) << "class label 3";
        QTest::newRow("scce label negative")
            << K::SparseCategoricalCrossEntropy << labelRow({-1, 0}) << "class label -1";
        QTest::newRow("scce label not whole")
            << K::SparseCategoricalCrossEntropy << mat(1, 2, {0.5, 1}) << "class label 0.5";
        QTest::newRow("scce one-hot targets")
            << K::SparseCategoricalCrossEntropy << oneHot({0, 1}, 3) << "targets";
        QTest::newRow("cce labels") << K::CategoricalCrossEntropy << labelRow({0, 1}) << "targets";
        QTest::newRow("bce too few columns") << K::BinaryCrossEntropy << mat(3, 1, {0, 1, 0}) << "targets";
        QTest::newRow("mse wrong rows") << K::MSE << mat(2, 2, {0, 1, 0, 1}) << "targets";
    }
    void badTargetsThrow()
    {
        QFETCH(LossKind, kind);
        QFETCH(Matrix, target);
        QFETCH(QString, message);
        const LossParams p = loss(kind);
        const Matrix out = softmax(randomMatrix(3, 2, 1)); // 3 outputs, 2 samples
        auto expectThrow = [&](const std::function<void()> &f) {
            try {
                f();
            } catch (const std::invalid_argument &e) {
                return QString(e.what()).contains(message);
            }
            return false;
        };
        Matrix g;
        QVERIFY(expectThrow([&] { (void)lossValue(p, out, target); }));
        QVERIFY(expectThrow([&] { lossGradient(p, out, target, g); }));
        if (isClassificationLoss(kind)) {
            QVERIFY(expectThrow([&] { (void)lossValueFromLogits(p, out, target); }));
            QVERIFY(expectThrow([&] { lossGradientFromLogits(p, out, target, g); }));
        }
    }

    void namesAndTargets()
    {
        QCOMPARE(allLosses().size(), std::size_t(6));
        for (LossKind k : allLosses())
            QVERIFY(lossFromString(toString(k)) == std::optional<LossKind>(k));
        QVERIFY(!lossFromString("hinge").has_value());
        QVERIFY(isClassificationLoss(LossKind::BinaryCrossEntropy));
        QVERIFY(!isClassificationLoss(LossKind::Huber));
        QCOMPARE(targetRows(LossKind::SparseCategoricalCrossEntropy, 10), 1);
        QCOMPARE(targetRows(LossKind::CategoricalCrossEntropy, 10), 10);
        QCOMPARE(classTargets(LossKind::CategoricalCrossEntropy, {2, 0}, 3), oneHot({2, 0}, 3));
        QCOMPARE(classTargets(LossKind::SparseCategoricalCrossEntropy, {2, 0}, 3), labelRow({2, 0}));
        QCOMPARE(classTargets(LossKind::BinaryCrossEntropy, {1, 0, 1}, 2), labelRow({1, 0, 1}));
    }
};

QTEST_GUILESS_MAIN(TestLosses)
#include "tst_losses.moc"
