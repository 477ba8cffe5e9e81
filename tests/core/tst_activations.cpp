// The eight activation functions: hand values of f and f', the matrix forms against the scalar ones,
// f' against central differences, and finite results at extreme inputs.
#include "gradcheck.h"
#include "layers/activations.h"

#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

Q_DECLARE_METATYPE(nnp::ActivationKind)

namespace {
ActivationParams params(ActivationKind k, double slope = 0.01, double alpha = 1.0)
{
    return {k, static_cast<Scalar>(slope), static_cast<Scalar>(alpha)};
}

void addKinds()
{
    QTest::addColumn<ActivationKind>("kind");
    for (ActivationKind k : allActivations())
        QTest::newRow(std::string(toString(k)).c_str()) << k;
}
} // namespace

class TestActivations : public QObject {
    Q_OBJECT

private slots:
    void handValues_data()
    {
        QTest::addColumn<ActivationKind>("kind");
        QTest::addColumn<double>("slope");
        QTest::addColumn<double>("alpha");
        QTest::addColumn<double>("z");
        QTest::addColumn<double>("f");
        QTest::addColumn<double>("df");
        using K = ActivationKind;
        // f and f' worked out from the definitions (decimals from a calculator, 16 digits).
        QTest::newRow("linear -2") << K::Linear << 0.01 << 1.0 << -2.0 << -2.0 << 1.0;
        QTest::newRow("relu -2") << K::ReLU << 0.01 << 1.0 << -2.0 << 0.0 << 0.0;
        QTest::newRow("relu 3") << K::ReLU << 0.01 << 1.0 << 3.0 << 3.0 << 1.0;
        // LeakyReLU: slope·z below 0
        QTest::newRow("leaky -2") << K::LeakyReLU << 0.01 << 1.0 << -2.0 << -0.02 << 0.01;
        QTest::newRow("leaky -2 slope .2") << K::LeakyReLU << 0.2 << 1.0 << -2.0 << -0.4 << 0.2;
        QTest::newRow("leaky 3") << K::LeakyReLU << 0.01 << 1.0 << 3.0 << 3.0 << 1.0;
        // ELU: α(e^z − 1), derivative αe^z: e^−1 = 0.36787944117144233
        QTest::newRow("elu -1") << K::ELU << 0.01 << 1.0 << -1.0 << -0.6321205588285577
                                << 0.36787944117144233;
        // α = 1.5, z = −0.5: 1.5(e^−0.5 − 1), 1.5e^−0.5 with e^−0.5 = 0.6065306597126334
        QTest::newRow("elu -0.5 alpha 1.5")
            << K::ELU << 0.01 << 1.5 << -0.5 << -0.5902040104310499 << 0.9097959895689501;
        QTest::newRow("elu 2") << K::ELU << 0.01 << 1.0 << 2.0 << 2.0 << 1.0;
        // GELU (exact, erf form): zΦ(z), Φ(z) + zφ(z); Φ(1) = 0.8413447460685429, φ(1) = 0.24197072451914337
        QTest::newRow("gelu 1") << K::GELU << 0.01 << 1.0 << 1.0 << 0.8413447460685429 << 1.0833154705876864;
        QTest::newRow("gelu -1") << K::GELU << 0.01 << 1.0 << -1.0 << -0.15865525393145707
                                 << -0.08331547058768629;
        QTest::newRow("gelu 0") << K::GELU << 0.01 << 1.0 << 0.0 << 0.0 << 0.5;
        // tanh(0.5) = 0.46211715726000974, 1 − tanh² = 0.7864477329659274
        QTest::newRow("tanh 0.5") << K::Tanh << 0.01 << 1.0 << 0.5 << 0.46211715726000974
                                  << 0.7864477329659274;
        QTest::newRow("tanh -2") << K::Tanh << 0.01 << 1.0 << -2.0 << -0.9640275800758169
                                 << 0.07065082485316443;
        // σ(0) = ½, σ' = σ(1−σ) = ¼; σ(2) = 1/(1+e^−2)
        QTest::newRow("sigmoid 0") << K::Sigmoid << 0.01 << 1.0 << 0.0 << 0.5 << 0.25;
        QTest::newRow("sigmoid 2") << K::Sigmoid << 0.01 << 1.0 << 2.0 << 0.8807970779778823
                                   << 0.10499358540350662;
        QTest::newRow("sigmoid -1") << K::Sigmoid << 0.01 << 1.0 << -1.0 << 0.2689414213699951
                                    << 0.19661193324148185;
        // softplus log(1 + e^z), derivative σ(z): log 2 at 0
        QTest::newRow("softplus 0") << K::Softplus << 0.01 << 1.0 << 0.0 << 0.6931471805599453 << 0.5;
        QTest::newRow("softplus -2") << K::Softplus << 0.01 << 1.0 << -2.0 << 0.1269280110429725
                                     << 0.11920292202211755;
        QTest::newRow("softplus 3") << K::Softplus << 0.01 << 1.0 << 3.0 << 3.048587351573742
                                    << 0.9525741268224334;
    }

    void handValues()
    {
        QFETCH(ActivationKind, kind);
        QFETCH(double, slope);
        QFETCH(double, alpha);
        QFETCH(double, z);
        QFETCH(double, f);
        QFETCH(double, df);
        const ActivationParams p = params(kind, slope, alpha);
        QVERIFY2(near(activate(p, z), f), qPrintable(QString::number(activate(p, z), 'g', 17)));
        QVERIFY2(near(activateDerivative(p, z), df),
                 qPrintable(QString::number(activateDerivative(p, z), 'g', 17)));

        // The matrix forms give the same numbers, and backward multiplies by the incoming gradient.
        Matrix zm(1, 2), a, dz;
        zm << z, z;
        activate(p, zm, a);
        QVERIFY(near(a(0, 0), f) && near(a(0, 1), f));
        Matrix da(1, 2);
        da << 1.0, -3.0;
        activateBackward(p, zm, a, da, dz);
        QVERIFY2(near(dz(0, 0), df) && near(dz(0, 1), -3.0 * df),
                 qPrintable(QString::number(dz(0, 0), 'g', 17)));
    }

    // f' against central differences of f at many points away from the kinks of ReLU/LeakyReLU/ELU.
    void derivativeMatchesDifferences_data() { addKinds(); }
    void derivativeMatchesDifferences()
    {
        QFETCH(ActivationKind, kind);
        const ActivationParams p = params(kind, 0.05, 1.3);
        const double h = 1e-6;
        for (int i = -40; i <= 40; ++i) {
            const double z = 0.1 * i + 0.0137; // never exactly 0
            const double numeric = (activate(p, z + h) - activate(p, z - h)) / (2 * h);
            const double analytic = activateDerivative(p, z);
            QVERIFY2(std::abs(numeric - analytic) <= 1e-7 * std::max(1.0, std::abs(numeric)),
                     qPrintable(QString("z=%1 analytic %2 numeric %3").arg(z).arg(analytic).arg(numeric)));
        }
    }

    // The vectorised matrix paths (ReLU, tanh, sigmoid have their own) agree with the scalar definition.
    void matrixMatchesScalar_data() { addKinds(); }
    void matrixMatchesScalar()
    {
        QFETCH(ActivationKind, kind);
        const ActivationParams p = params(kind, 0.05, 1.3);
        const Matrix z = randomMatrix(4, 7, 3, -4.0, 4.0);
        const Matrix da = randomMatrix(4, 7, 4);
        Matrix a, dz;
        activate(p, z, a);
        activateBackward(p, z, a, da, dz);
        QCOMPARE(a.rows(), z.rows());
        QCOMPARE(dz.cols(), z.cols());
        for (Eigen::Index i = 0; i < z.size(); ++i) {
            QVERIFY(near(a.data()[i], activate(p, z.data()[i])));
            QVERIFY(near(dz.data()[i], da.data()[i] * activateDerivative(p, z.data()[i]), 1e-10));
        }
    }

    // z = ±100, ±1000: values and derivatives stay finite and take their limits (no inf − inf, no 0·inf).
    void extremeInputs_data() { addKinds(); }
    void extremeInputs()
    {
        QFETCH(ActivationKind, kind);
        const ActivationParams p = params(kind);
        Matrix z(1, 4), a, dz;
        z << -1000.0, -100.0, 100.0, 1000.0;
        activate(p, z, a);
        activateBackward(p, z, a, Matrix::Ones(1, 4), dz);
        QVERIFY(a.allFinite());
        QVERIFY(dz.allFinite());
        for (int i = 0; i < 4; ++i) {
            QVERIFY(std::isfinite(activate(p, z(0, i))));
            QVERIFY(std::isfinite(activateDerivative(p, z(0, i))));
        }
        switch (kind) {
        case ActivationKind::Sigmoid:
            QCOMPARE(a(0, 0), 0.0);
            QCOMPARE(a(0, 3), 1.0);
            QCOMPARE(dz(0, 3), 0.0);
            break;
        case ActivationKind::Softplus:
            QCOMPARE(a(0, 0), 0.0);
            QCOMPARE(a(0, 3), 1000.0); // log(1 + e^1000) = 1000 + log(1 + e^−1000)
            QCOMPARE(dz(0, 3), 1.0);
            break;
        case ActivationKind::Tanh:
            QCOMPARE(a(0, 0), -1.0);
            QCOMPARE(a(0, 3), 1.0);
            break;
        case ActivationKind::ELU:
            QCOMPARE(a(0, 0), -1.0);
            QCOMPARE(dz(0, 0), 0.0);
            break;
        case ActivationKind::GELU:
            QCOMPARE(a(0, 0) + 0.0, 0.0);
            QCOMPARE(a(0, 3), 1000.0);
            QCOMPARE(dz(0, 3), 1.0);
            break;
        default:
            break;
        }
    }

    void namesRoundTrip_data() { addKinds(); }
    void namesRoundTrip()
    {
        QFETCH(ActivationKind, kind);
        QVERIFY(activationFromString(toString(kind)) == std::optional<ActivationKind>(kind));
    }

    void allEightActivations()
    {
        QCOMPARE(allActivations().size(), std::size_t(8));
        QVERIFY(!activationFromString("swish").has_value());
    }
};

QTEST_GUILESS_MAIN(TestActivations)
#include "tst_activations.moc"
