// Input normalisation: z-score and min-max fitted on the given columns only, constant features, applying a
// fit to other data, and the names used in files.
#include "data/data_error.h"
#include "data/normalize.h"

#include <QtTest>

#include <stdexcept>

using namespace nnp;

namespace {

Matrix example()
{
    Matrix x(3, 4);
    x << 1, 2, 3, 4,  // mean 2.5, population σ = √1.25, min 1, max 4
        5, 5, 5, 5,   // constant
        0, 10, 0, 10; // mean 5, σ 5, min 0, max 10
    return x;
}

} // namespace

class TestNormalize : public QObject {
    Q_OBJECT

private slots:
    void zScoreHandValues()
    {
        const Normalizer n = Normalizer::fit(NormalizationKind::ZScore, example());
        QVERIFY(n.kind == NormalizationKind::ZScore);
        QVERIFY(!n.isIdentity());
        QVERIFY(std::abs(n.offset(0) - 2.5) < 1e-12);
        QVERIFY(std::abs(n.scale(0) - 1 / std::sqrt(1.25)) < 1e-12);
        QCOMPARE(n.offset(1), Scalar(5));
        QCOMPARE(n.scale(1), Scalar(1)); // constant: scale 1, so the feature becomes 0, not NaN
        QCOMPARE(n.offset(2), Scalar(5));
        QVERIFY(std::abs(n.scale(2) - 0.2) < 1e-12);
        const Matrix y = n.apply(example());
        for (int f = 0; f < 3; ++f)
            QVERIFY(std::abs(y.row(f).mean()) < 1e-12);
        QVERIFY(std::abs(std::sqrt(y.row(0).squaredNorm() / 4) - 1) < 1e-12);
        QVERIFY(std::abs(std::sqrt(y.row(2).squaredNorm() / 4) - 1) < 1e-12);
        QCOMPARE(y.row(1), RowVector::Zero(4));
        QVERIFY(std::abs(y(2, 1) - 1) < 1e-12); // (10 − 5) / 5
    }

    void minMaxHandValues()
    {
        const Normalizer n = Normalizer::fit(NormalizationKind::MinMax, example());
        QCOMPARE(n.offset(0), Scalar(1));
        QVERIFY(std::abs(n.scale(0) - 1.0 / 3) < 1e-12);
        QCOMPARE(n.scale(1), Scalar(1));
        QVERIFY(std::abs(n.scale(2) - 0.1) < 1e-12);
        const Matrix y = n.apply(example());
        QCOMPARE(y.minCoeff(), Scalar(0));
        QVERIFY(std::abs(y.maxCoeff() - 1) < 1e-12);
        QVERIFY(std::abs(y(0, 1) - 1.0 / 3) < 1e-12);
        QCOMPARE(y.row(1), RowVector::Zero(4));
    }

    void fitsOnlyTheGivenColumns()
    {
        // Training columns 0 and 2 only: the fit must not see the other (test) columns.
        const Matrix x = example();
        const std::vector<int> train{0, 2};
        Matrix trainCols(3, 2);
        trainCols << x.col(0), x.col(2);
        for (auto kind : {NormalizationKind::ZScore, NormalizationKind::MinMax}) {
            const Normalizer a = Normalizer::fit(kind, x, train), b = Normalizer::fit(kind, trainCols);
            QCOMPARE(a.offset, b.offset);
            QCOMPARE(a.scale, b.scale);
        }
        // Row 2 is constant (0) on columns 0 and 2: scale 1; applied to the unseen column 1 it gives 10.
        const Normalizer n = Normalizer::fit(NormalizationKind::MinMax, x, train);
        QCOMPARE(n.scale(2), Scalar(1));
        QCOMPARE(n.apply(x)(2, 1), Scalar(10));
        QVERIFY(std::abs(n.apply(x)(0, 3) - 1.5) < 1e-12); // (4 − 1) / 2: outside [0, 1] is fine on new data
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 Normalizer::fit(NormalizationKind::ZScore, x, std::vector<int>{0, 4}));
    }

    void nearlyConstantFeature()
    {
        // 1e6 ± rounding noise: scale 1 rather than a division by ~1e-10.
        Matrix x(1, 3);
        x << 1e6, 1e6 * (1 + 1e-15), 1e6;
        const Normalizer n = Normalizer::fit(NormalizationKind::ZScore, x);
        QCOMPARE(n.scale(0), Scalar(1));
    }

    void noneIsIdentity()
    {
        const Normalizer n = Normalizer::fit(NormalizationKind::None, example());
        QVERIFY(n.isIdentity());
        QCOMPARE(n.offset.size(), 0);
        QCOMPARE(n.apply(example()), example());
        QVERIFY(Normalizer{}.isIdentity());
    }

    void pixelsDivideBy255WhateverTheData()
    {
        // Not fitted: the same 1/255 for every feature, so 0–255 pixels become 0–1 and an export can carry
        // it.
        Matrix x(3, 2);
        x << 0, 255, 51, 102, 7, 7;
        const Normalizer n = Normalizer::fit(NormalizationKind::Pixels, x, std::vector<int>{0});
        QVERIFY(n.kind == NormalizationKind::Pixels && !n.isIdentity());
        QCOMPARE(n.offset, Vector::Zero(3));
        const Matrix y = n.apply(x);
        QCOMPARE(y(0, 1), Scalar(1));
        QCOMPARE(y(1, 0), Scalar(51) * Scalar(1.0 / 255.0));
        QCOMPARE(y(2, 0), y(2, 1)); // a constant feature is scaled all the same
        // No training column is needed (a pure scaling), unlike a fit.
        QCOMPARE(Normalizer::fit(NormalizationKind::Pixels, Matrix(3, 0)).scale.size(), 3);
    }

    void errors()
    {
        QVERIFY_THROWS_EXCEPTION(DataError, Normalizer::fit(NormalizationKind::ZScore, Matrix(3, 0)));
        const Normalizer n = Normalizer::fit(NormalizationKind::ZScore, example());
        Matrix wrong(2, 4);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, n.applyInPlace(wrong));
    }

    void names()
    {
        for (auto k : {NormalizationKind::None, NormalizationKind::ZScore, NormalizationKind::MinMax,
                       NormalizationKind::Pixels})
            QCOMPARE(normalizationFromString(toString(k)), std::optional(k));
        QCOMPARE(toString(NormalizationKind::ZScore), std::string_view("zscore"));
        QCOMPARE(normalizationFromString("Z-Score"), std::optional(NormalizationKind::ZScore));
        QCOMPARE(normalizationFromString("min_max"), std::optional(NormalizationKind::MinMax));
        QCOMPARE(normalizationFromString("log"), std::nullopt);
    }
};

QTEST_GUILESS_MAIN(TestNormalize)
#include "tst_normalize.moc"
