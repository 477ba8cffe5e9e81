// Weight initialisation: shapes, bounds, rough statistics over a large matrix, and seed determinism.
#include "init/init.h"
#include "train/network.h"

#include <QtTest>

#include <cmath>

using namespace nnp;

Q_DECLARE_METATYPE(nnp::InitKind)

namespace {
struct Stats {
    double mean = 0, std = 0, maxAbs = 0, withinOneStd = 0;
};
Stats stats(const Matrix &w)
{
    Stats s;
    const double n = static_cast<double>(w.size());
    s.mean = w.sum() / n;
    s.std = std::sqrt((w.array() - s.mean).square().sum() / n);
    s.maxAbs = w.cwiseAbs().maxCoeff();
    s.withinOneStd = static_cast<double>((w.array().abs() <= s.std).count()) / n;
    return s;
}
} // namespace

class TestInit : public QObject {
    Q_OBJECT

private slots:
    // Over 300x200 = 60,000 draws the sample std is within 1% of the target with overwhelming probability,
    // and the mean within 4 standard errors of 0.
    void distributions_data()
    {
        QTest::addColumn<InitKind>("kind");
        QTest::addColumn<double>("limit"); // uniform bound, 0 for normal
        QTest::addColumn<double>("stddev");
        const int fanIn = 200, fanOut = 300;
        // Uniform(−a, a) has std a/√3.
        const double glorotU = std::sqrt(6.0 / (fanIn + fanOut)), heU = std::sqrt(6.0 / fanIn);
        QTest::newRow("uniform ±0.5") << InitKind::Uniform05 << 0.5 << 0.5 / std::sqrt(3.0);
        QTest::newRow("glorot uniform") << InitKind::GlorotUniform << glorotU << glorotU / std::sqrt(3.0);
        QTest::newRow("he uniform") << InitKind::HeUniform << heU << heU / std::sqrt(3.0);
        QTest::newRow("glorot normal") << InitKind::GlorotNormal << 0.0 << std::sqrt(2.0 / (fanIn + fanOut));
        QTest::newRow("he normal") << InitKind::HeNormal << 0.0 << std::sqrt(2.0 / fanIn);
    }
    void distributions()
    {
        QFETCH(InitKind, kind);
        QFETCH(double, limit);
        QFETCH(double, stddev);
        Rng rng(11);
        Matrix w;
        initializeWeights(w, kind, 200, 300, rng);
        QCOMPARE(w.rows(), 300); // [fanOut x fanIn]
        QCOMPARE(w.cols(), 200);
        const Stats s = stats(w);
        QVERIFY2(std::abs(s.mean) < 4 * stddev / std::sqrt(60000.0), qPrintable(QString::number(s.mean)));
        QVERIFY2(std::abs(s.std / stddev - 1) < 0.01,
                 qPrintable(QString("std %1 expected %2").arg(s.std).arg(stddev)));
        if (limit > 0) {
            QVERIFY(s.maxAbs <= limit);
            QVERIFY(s.maxAbs > 0.999 * limit);                             // fills its whole range
            QVERIFY(std::abs(s.withinOneStd - 1 / std::sqrt(3.0)) < 0.01); // uniform: P(|x| ≤ a/√3) = 1/√3
        } else {
            QVERIFY(std::abs(s.withinOneStd - 0.6827) < 0.01); // normal: 68.27% within one σ
            QVERIFY(s.maxAbs > 3.5 * stddev);                  // tails a uniform could not have
        }
    }

    void zerosAndShapes()
    {
        Rng rng(1);
        Matrix w = Matrix::Ones(2, 2);
        initializeWeights(w, InitKind::Zeros, 3, 5, rng);
        QCOMPARE(w.rows(), 5);
        QCOMPARE(w.cols(), 3);
        QVERIFY(w.isZero(0));
        initializeWeights(w, InitKind::HeNormal, 1, 1, rng);
        QCOMPARE(w.size(), 1);
    }

    void sameSeedSameWeights_data()
    {
        QTest::addColumn<InitKind>("kind");
        for (InitKind k : allInits())
            if (k != InitKind::Zeros) QTest::newRow(std::string(toString(k)).c_str()) << k;
    }
    void sameSeedSameWeights()
    {
        QFETCH(InitKind, kind);
        Matrix a, b, c;
        Rng r1(5), r2(5), r3(6);
        initializeWeights(a, kind, 7, 4, r1);
        initializeWeights(b, kind, 7, 4, r2);
        initializeWeights(c, kind, 7, 4, r3);
        QCOMPARE(a, b);
        QVERIFY(a != c);

        // The same through a whole network: same seed, same parameters; another seed, others. Biases start at
        // 0.
        GraphSpec g = makeMlp(3, {6}, 2, ActivationKind::ReLU, ActivationKind::Linear, kind);
        Network n1 = Network::build(g, 42), n2 = Network::build(g, 42), n3 = Network::build(g, 43);
        auto p1 = n1.parameters(), p2 = n2.parameters(), p3 = n3.parameters();
        QCOMPARE(p1.size(), std::size_t(4));
        bool anyDiffers = false;
        for (std::size_t i = 0; i < p1.size(); ++i) {
            QCOMPARE(*p1[i].ref.value, *p2[i].ref.value);
            anyDiffers = anyDiffers || *p1[i].ref.value != *p3[i].ref.value;
            if (p1[i].ref.name == "bias") QVERIFY(p1[i].ref.value->isZero(0));
        }
        QVERIFY(anyDiffers);
    }

    void names()
    {
        QCOMPARE(allInits().size(), std::size_t(6));
        for (InitKind k : allInits())
            QVERIFY(initFromString(toString(k)) == std::optional<InitKind>(k));
    }
};

QTEST_GUILESS_MAIN(TestInit)
#include "tst_init.moc"
