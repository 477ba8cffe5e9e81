// Learning-rate schedules: values worked out by hand for constant, step, exponential and cosine decay.
#include "schedules/schedule.h"

#include <QtTest>

#include <cmath>

using namespace nnp;

Q_DECLARE_METATYPE(nnp::ScheduleKind)

class TestSchedules : public QObject {
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<ScheduleKind>("kind");
        QTest::addColumn<int>("stepEpochs");
        QTest::addColumn<double>("gamma");
        QTest::addColumn<double>("minLr");
        QTest::addColumn<double>("base");
        QTest::addColumn<int>("epoch");
        QTest::addColumn<int>("total");
        QTest::addColumn<double>("expected");
        using K = ScheduleKind;
        QTest::newRow("constant 0") << K::Constant << 10 << 0.5 << 0.0 << 0.1 << 0 << 100 << 0.1;
        QTest::newRow("constant 99") << K::Constant << 10 << 0.5 << 0.0 << 0.1 << 99 << 100 << 0.1;
        // step: base · γ^⌊epoch/10⌋
        QTest::newRow("step 0") << K::StepDecay << 10 << 0.5 << 0.0 << 0.1 << 0 << 100 << 0.1;
        QTest::newRow("step 9") << K::StepDecay << 10 << 0.5 << 0.0 << 0.1 << 9 << 100 << 0.1;
        QTest::newRow("step 10") << K::StepDecay << 10 << 0.5 << 0.0 << 0.1 << 10 << 100 << 0.05;
        QTest::newRow("step 25") << K::StepDecay << 10 << 0.5 << 0.0 << 0.1 << 25 << 100 << 0.025;
        QTest::newRow("step every 3, γ 0.1") << K::StepDecay << 3 << 0.1 << 0.0 << 1.0 << 7 << 100 << 0.01;
        // a step size of 0 is read as 1 (no division by zero): 0.1 · 0.5³
        QTest::newRow("step size 0") << K::StepDecay << 0 << 0.5 << 0.0 << 0.1 << 3 << 100 << 0.0125;
        // exponential: base · γ^epoch, 0.1 · 0.9² = 0.081
        QTest::newRow("exp 0") << K::ExponentialDecay << 10 << 0.9 << 0.0 << 0.1 << 0 << 100 << 0.1;
        QTest::newRow("exp 2") << K::ExponentialDecay << 10 << 0.9 << 0.0 << 0.1 << 2 << 100 << 0.081;
        // cosine over 5 epochs: min + ½(base − min)(1 + cos(π·epoch/4)); cos(π/4) = 0.7071067811865476
        QTest::newRow("cos 0") << K::Cosine << 10 << 0.5 << 0.0 << 1.0 << 0 << 5 << 1.0;
        QTest::newRow("cos 1") << K::Cosine << 10 << 0.5 << 0.0 << 1.0 << 1 << 5 << 0.8535533905932737;
        QTest::newRow("cos 2") << K::Cosine << 10 << 0.5 << 0.0 << 1.0 << 2 << 5 << 0.5;
        QTest::newRow("cos 3") << K::Cosine << 10 << 0.5 << 0.0 << 1.0 << 3 << 5 << 0.14644660940672624;
        QTest::newRow("cos 4 (last)") << K::Cosine << 10 << 0.5 << 0.0 << 1.0 << 4 << 5 << 0.0;
        QTest::newRow("cos past the end") << K::Cosine << 10 << 0.5 << 0.0 << 1.0 << 9 << 5 << 0.0;
        // with a floor of 0.1: 0.1 + ½·0.9·1 = 0.55 halfway, 0.1 at the end
        QTest::newRow("cos floor half") << K::Cosine << 10 << 0.5 << 0.1 << 1.0 << 2 << 5 << 0.55;
        QTest::newRow("cos floor end") << K::Cosine << 10 << 0.5 << 0.1 << 1.0 << 4 << 5 << 0.1;
        QTest::newRow("cos one epoch") << K::Cosine << 10 << 0.5 << 0.1 << 1.0 << 0 << 1 << 1.0;
    }
    void values()
    {
        QFETCH(ScheduleKind, kind);
        QFETCH(int, stepEpochs);
        QFETCH(double, gamma);
        QFETCH(double, minLr);
        QFETCH(double, base);
        QFETCH(int, epoch);
        QFETCH(int, total);
        QFETCH(double, expected);
        ScheduleConfig s;
        s.kind = kind;
        s.stepEpochs = stepEpochs;
        s.gamma = gamma;
        s.minLearningRate = minLr;
        const double lr = scheduledLearningRate(s, base, epoch, total);
        QVERIFY2(std::abs(lr - expected) <= 1e-15, qPrintable(QString::number(lr, 'g', 17)));
    }

    void names()
    {
        QCOMPARE(allSchedules().size(), std::size_t(4));
        for (ScheduleKind k : allSchedules())
            QVERIFY(scheduleFromString(toString(k)) == std::optional<ScheduleKind>(k));
        QVERIFY(!scheduleFromString("warmup").has_value());
    }
};

QTEST_GUILESS_MAIN(TestSchedules)
#include "tst_schedules.moc"
