// Metrics on hand cases: predicted classes, accuracy, confusion matrix, MAE and R².
#include "gradcheck.h"
#include "metrics/metrics.h"

#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

class TestMetrics : public QObject {
    Q_OBJECT

private slots:
    // One rule for class probabilities (the output view, the probe, `nnp predict`): a sigmoid unit, a softmax
    // column as it is, linear scores through a softmax, and classes beyond the outputs at 0.
    void classProbabilitiesOfEveryOutputKind()
    {
        const Matrix sigmoid = mat(1, 2, {0.8, 1.3});
        QCOMPARE(classProbabilities(sigmoid, 0, 2),
                 (std::vector<double>{1 - double(Scalar(0.8)), double(Scalar(0.8))}));
        QCOMPARE(classProbabilities(sigmoid, 1, 2), (std::vector<double>{0.0, 1.0})); // clamped
        const Matrix softmax = mat(3, 1, {0.2, 0.5, 0.3});
        QCOMPARE(classProbabilities(softmax, 0, 3), (std::vector<double>{0.2, 0.5, 0.3}));
        const Matrix scores = mat(2, 1, {1.0, 3.0});
        const std::vector<double> p = classProbabilities(scores, 0, 3);
        QVERIFY(near(p[0], 1 / (1 + std::exp(2.0)), 1e-12));
        QVERIFY(near(p[1], 1 / (1 + std::exp(-2.0)), 1e-12));
        QCOMPARE(p[2], 0.0);
    }

    void predictedClasses()
    {
        // Argmax per column: columns (0.1, 0.7, 0.2) → 1, (0.5, 0.2, 0.3) → 0, (0, 0, 1) → 2
        QCOMPARE(nnp::predictedClasses(mat(3, 3, {0.1, 0.5, 0, 0.7, 0.2, 0, 0.2, 0.3, 1})),
                 (std::vector<int>{1, 0, 2}));
        // One output: ≥ threshold is class 1 (0.5 counts as 1), or a threshold of 0 for a tanh output.
        QCOMPARE(nnp::predictedClasses(mat(1, 4, {0.2, 0.5, 0.9, 0.49})), (std::vector<int>{0, 1, 1, 0}));
        QCOMPARE(nnp::predictedClasses(mat(1, 3, {-0.3, 0.1, 0}), 0), (std::vector<int>{0, 1, 1}));
    }

    void accuracy()
    {
        // 3 of 4 right
        QCOMPARE(nnp::accuracy({0, 1, 2, 1}, {0, 2, 2, 1}), 0.75);
        QCOMPARE(nnp::accuracy({1, 1}, {1, 1}), 1.0);
        QCOMPARE(nnp::accuracy({}, {}), 0.0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)nnp::accuracy({1}, {1, 0}));
    }

    void confusionMatrix()
    {
        // (truth, predicted): (0,0), (2,1), (2,2), (1,1), (2,1) → rows are truths, columns predictions
        const auto m = nnp::confusionMatrix({0, 1, 2, 1, 1}, {0, 2, 2, 1, 2}, 3);
        const std::vector<std::vector<int>> expected{{1, 0, 0}, {0, 1, 0}, {0, 2, 1}};
        QCOMPARE(m, expected);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)nnp::confusionMatrix({0, 3}, {0, 1}, 3));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)nnp::confusionMatrix({0}, {-1}, 3));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)nnp::confusionMatrix({0}, {0, 1}, 3));
    }

    void meanAbsoluteError()
    {
        // |1 − 0| + |2 − 2| + |3 − 5| + |4 − 4| = 3 over 4 entries
        QCOMPARE(nnp::meanAbsoluteError(mat(2, 2, {1, 2, 3, 4}), mat(2, 2, {0, 2, 5, 4})), 0.75);
        QCOMPARE(nnp::meanAbsoluteError(Matrix(0, 0), Matrix(0, 0)), 0.0);
    }

    void rSquared()
    {
        // target (1, 2, 3, 4): mean 2.5, SS_tot = 2.25 + 0.25 + 0.25 + 2.25 = 5; out (1, 2, 3, 5): SS_res = 1
        // → R² = 1 − 1/5 = 0.8
        QVERIFY(qFuzzyCompare(nnp::rSquared(mat(1, 4, {1, 2, 3, 5}), mat(1, 4, {1, 2, 3, 4})), 0.8));
        // Per-row means: row 1 target (1, 3) mean 2, SS_tot 2, out (1, 2) SS_res 1; row 2 target (10, 14)
        // mean 12, SS_tot 8, out (11, 14) SS_res 1 → 1 − 2/10 = 0.8 (a global mean of 7 would give 1 −
        // 2/106).
        QVERIFY(qFuzzyCompare(nnp::rSquared(mat(2, 2, {1, 2, 11, 14}), mat(2, 2, {1, 3, 10, 14})), 0.8));
        QCOMPARE(nnp::rSquared(mat(1, 3, {1, 2, 3}), mat(1, 3, {1, 2, 3})), 1.0);
        // Predicting the mean scores 0; a constant target (SS_tot = 0) is reported as 0, not a division by 0.
        QVERIFY(std::abs(nnp::rSquared(mat(1, 2, {2, 2}), mat(1, 2, {1, 3}))) < 1e-15);
        QCOMPARE(nnp::rSquared(mat(1, 2, {1, 2}), mat(1, 2, {5, 5})), 0.0);
        // Worse than the mean is negative: out (3, 1) vs target (1, 3): SS_res 8, SS_tot 2 → −3
        QVERIFY(qFuzzyCompare(nnp::rSquared(mat(1, 2, {3, 1}), mat(1, 2, {1, 3})), -3.0));
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
