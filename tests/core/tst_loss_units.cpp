// The rule that turns a scaled regression target's losses into the target's own units (core/io/
// target_scaling.h: lossUnits), against the loss computed directly on the unscaled predictions and targets
// (in double); and where it must not convert (Huber, outputs of different scales, classification).
#include "io/target_scaling.h"
#include "losses/loss.h"
#include "metrics/metrics.h"

#include <QtTest>

#include <random>

using namespace nnp;

namespace {

/// A z-score target scaler with these means and σ per output.
Normalizer scaler(std::vector<double> mean, std::vector<double> sigma)
{
    Normalizer s;
    s.kind = NormalizationKind::ZScore;
    s.offset.resize(Eigen::Index(mean.size()));
    s.scale.resize(Eigen::Index(sigma.size()));
    for (std::size_t k = 0; k < mean.size(); ++k) {
        s.offset(Eigen::Index(k)) = static_cast<Scalar>(mean[k]);
        s.scale(Eigen::Index(k)) = static_cast<Scalar>(1.0 / sigma[k]);
    }
    return s;
}

Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, unsigned seed)
{
    std::mt19937 rng(seed);
    std::normal_distribution<double> n(0.0, 1.0);
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i)
        m.data()[i] = static_cast<Scalar>(n(rng));
    return m;
}

/// The loss of predictions against targets in the target's units, written out in double: each scaled value
/// v becomes v / scale + offset (what invertInPlace does), then MSE = ½ Σ d² / N, MAE = Σ |d| / N.
double directLoss(LossKind kind, const Matrix &out, const Matrix &y, const Normalizer &s)
{
    double sum = 0;
    for (Eigen::Index c = 0; c < out.cols(); ++c)
        for (Eigen::Index r = 0; r < out.rows(); ++r) {
            const double sigma = 1.0 / double(s.scale(r)), mean = double(s.offset(r));
            const double d = (double(out(r, c)) * sigma + mean) - (double(y(r, c)) * sigma + mean);
            sum += kind == LossKind::MSE ? 0.5 * d * d : std::abs(d);
        }
    return sum / double(out.cols());
}

double directMae(const Matrix &out, const Matrix &y, const Normalizer &s)
{
    return directLoss(LossKind::MAE, out, y, s) / double(out.rows()); // the metric: mean over all entries
}

} // namespace

class TestLossUnits : public QObject {
    Q_OBJECT

private slots:
    void convertsLikeTheDirectLoss_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<double>("sigma");
        QTest::newRow("mse, σ 37.5") << int(LossKind::MSE) << 37.5;
        QTest::newRow("mae, σ 37.5") << int(LossKind::MAE) << 37.5;
        QTest::newRow("mse, σ 0.02") << int(LossKind::MSE) << 0.02;
        QTest::newRow("mae, σ 1200") << int(LossKind::MAE) << 1200.0;
    }

    void convertsLikeTheDirectLoss()
    {
        QFETCH(int, kind);
        QFETCH(double, sigma);
        const LossParams loss{LossKind(kind)};
        const Normalizer s = scaler({250.0}, {sigma});
        const Matrix out = randomMatrix(1, 200, 1), y = randomMatrix(1, 200, 2); // scaled units
        const LossUnits u = lossUnits(loss.kind, &s);
        QVERIFY(u.scaled && u.lossConverts && u.metricConverts);
        QVERIFY(!u.lossInScaledUnits());
        const double rule = u.loss(lossValue(loss, out, y));
        const double direct = directLoss(loss.kind, out, y, s);
        qInfo("rule %.9g, direct %.9g", rule, direct);
        QVERIFY2(std::abs(rule - direct) <= 1e-6 * direct,
                 qPrintable(QString("%1 vs %2").arg(rule).arg(direct)));
        // The MAE metric ×σ as well (the same for both losses).
        const double mae = u.metric(meanAbsoluteError(out, y));
        QVERIFY(std::abs(mae - directMae(out, y, s)) <= 1e-6 * mae);
        // Without the rule the two differ by σ² or σ: the test would see a missing conversion.
        QVERIFY(std::abs(lossValue(loss, out, y) - direct) > 1e-3 * direct);
    }

    void severalOutputsOfOneScaleConvert()
    {
        const Normalizer s = scaler({10.0, -4.0, 300.0}, {8.0, 8.0, 8.0});
        const Matrix out = randomMatrix(3, 50, 3), y = randomMatrix(3, 50, 4);
        for (LossKind k : {LossKind::MSE, LossKind::MAE}) {
            const LossUnits u = lossUnits(k, &s);
            QVERIFY(u.lossConverts);
            const double direct = directLoss(k, out, y, s);
            QVERIFY(std::abs(u.loss(lossValue({k}, out, y)) - direct) <= 1e-6 * direct);
        }
    }

    void whatDoesNotConvertStaysScaled()
    {
        // Huber's δ applies to the scaled errors: the loss stays, the MAE converts.
        const Normalizer one = scaler({200.0}, {32.0}); // 1/32: exact in float
        const LossUnits huber = lossUnits(LossKind::Huber, &one);
        QVERIFY(huber.scaled && !huber.lossConverts && huber.lossInScaledUnits());
        QCOMPARE(huber.loss(0.25), 0.25);
        QVERIFY(huber.metricConverts);
        QCOMPARE(huber.metric(0.5), 16.0);
        // Outputs of different σ have no one factor: both stay scaled.
        const Normalizer two = scaler({1.0, 2.0}, {3.0, 30.0});
        const LossUnits mixed = lossUnits(LossKind::MSE, &two);
        QVERIFY(mixed.scaled && mixed.lossInScaledUnits() && mixed.metricInScaledUnits());
        QCOMPARE(mixed.loss(2.0), 2.0);
        QCOMPARE(mixed.metric(2.0), 2.0);
        // No scaling, or a classification loss: nothing changes and nothing is said.
        const Normalizer none;
        for (const LossUnits &u : {lossUnits(LossKind::MSE, nullptr), lossUnits(LossKind::MSE, &none),
                                   lossUnits(LossKind::BinaryCrossEntropy, &one)}) {
            QVERIFY(!u.scaled && !u.lossInScaledUnits() && !u.metricInScaledUnits());
            QCOMPARE(u.loss(3.0), 3.0);
            QCOMPARE(u.metric(3.0), 3.0);
        }
        QVERIFY(lossScalesWithTarget(LossKind::MSE) && lossScalesWithTarget(LossKind::MAE));
        QVERIFY(!lossScalesWithTarget(LossKind::Huber));
    }
};

QTEST_GUILESS_MAIN(TestLossUnits)
#include "tst_loss_units.moc"
