// Train / validation / test split: sizes from the fractions, per-class proportions, reproducibility from
// the seed, sorted and disjoint index lists, tiny sets, bad fractions, and subset().
#include "data/data_error.h"
#include "data/split.h"

#include <QtTest>

#include <set>
#include <stdexcept>

using namespace nnp;

namespace {

/// Classification data with the given number of samples per class, classes interleaved.
Dataset classes(const std::vector<int> &perClass)
{
    Dataset d;
    d.task = TaskKind::Classification;
    d.classes = static_cast<int>(perClass.size());
    std::vector<int> left = perClass;
    for (bool any = true; any;) {
        any = false;
        for (std::size_t k = 0; k < left.size(); ++k)
            if (left[k] > 0) {
                d.labels.push_back(static_cast<int>(k));
                --left[k];
                any = true;
            }
    }
    const auto n = static_cast<Eigen::Index>(d.labels.size());
    d.x.resize(1, n);
    for (Eigen::Index i = 0; i < n; ++i)
        d.x(0, i) = static_cast<Scalar>(i);
    return d;
}

int count(const Dataset &d, const std::vector<int> &idx, int label)
{
    return static_cast<int>(
        std::count_if(idx.begin(), idx.end(), [&](int i) { return d.labels[std::size_t(i)] == label; }));
}

void checkPartition(const SplitIndices &s, int n)
{
    for (const auto *v : {&s.train, &s.validation, &s.test})
        QVERIFY(std::is_sorted(v->begin(), v->end()));
    std::set<int> all(s.train.begin(), s.train.end());
    all.insert(s.validation.begin(), s.validation.end());
    all.insert(s.test.begin(), s.test.end());
    QCOMPARE(int(all.size()), n); // disjoint and complete
    QCOMPARE(int(s.train.size() + s.validation.size() + s.test.size()), n);
    QCOMPARE(*all.begin(), 0);
    QCOMPARE(*all.rbegin(), n - 1);
}

} // namespace

class TestSplit : public QObject {
    Q_OBJECT

private slots:
    void fractions_data()
    {
        QTest::addColumn<bool>("stratify");
        QTest::newRow("stratified") << true;
        QTest::newRow("plain") << false;
    }
    void fractions()
    {
        QFETCH(bool, stratify);
        const Dataset d = classes({600, 300, 100});
        const SplitIndices s = splitDataset(d, {0.1, 0.2, stratify, 5});
        QCOMPARE(int(s.test.size()), 200);
        QCOMPARE(int(s.validation.size()), 100);
        QCOMPARE(int(s.train.size()), 700);
        checkPartition(s, 1000);
    }

    void stratifiedKeepsProportions()
    {
        const Dataset d = classes({600, 300, 100});
        const SplitIndices s = splitDataset(d, {0.1, 0.2, true, 5});
        QCOMPARE(count(d, s.test, 0), 120);
        QCOMPARE(count(d, s.test, 1), 60);
        QCOMPARE(count(d, s.test, 2), 20);
        QCOMPARE(count(d, s.validation, 0), 60);
        QCOMPARE(count(d, s.validation, 1), 30);
        QCOMPARE(count(d, s.validation, 2), 10);
        // Uneven: penguin-like 146/68/119, test 20% = 67: per class 29.2/13.6/23.8 -> 29, 14, 24 (largest
        // remainders).
        const Dataset p = classes({146, 68, 119});
        const SplitIndices q = splitDataset(p, {0.0, 0.2, true, 1});
        QCOMPARE(int(q.test.size()), 67);
        QCOMPARE(count(p, q.test, 0), 29);
        QCOMPARE(count(p, q.test, 1), 14);
        QCOMPARE(count(p, q.test, 2), 24);
        checkPartition(q, 333);
    }

    void plainSplitIgnoresClasses()
    {
        // Without stratification a rare class lands wherever the shuffle puts it; over seeds its test share
        // varies, with stratification it never does.
        const Dataset d = classes({90, 10});
        std::set<int> plainCounts, stratCounts;
        for (std::uint64_t seed = 1; seed <= 20; ++seed) {
            plainCounts.insert(count(d, splitDataset(d, {0.0, 0.3, false, seed}).test, 1));
            stratCounts.insert(count(d, splitDataset(d, {0.0, 0.3, true, seed}).test, 1));
        }
        QVERIFY(plainCounts.size() > 1);
        QCOMPARE(stratCounts, std::set<int>{3});
    }

    void regressionSplits()
    {
        Dataset d;
        d.task = TaskKind::Regression;
        d.x = Matrix::Zero(2, 50);
        d.targets = Matrix::Zero(1, 50);
        const SplitIndices s = splitDataset(d, {0.2, 0.2, true, 3});
        QCOMPARE(int(s.test.size()), 10);
        QCOMPARE(int(s.validation.size()), 10);
        checkPartition(s, 50);
    }

    void reproducibleFromTheSeed()
    {
        const Dataset d = classes({100, 100});
        const SplitIndices a = splitDataset(d, {0.1, 0.2, true, 11}),
                           b = splitDataset(d, {0.1, 0.2, true, 11});
        QCOMPARE(a.train, b.train);
        QCOMPARE(a.validation, b.validation);
        QCOMPARE(a.test, b.test);
        const SplitIndices c = splitDataset(d, {0.1, 0.2, true, 12});
        QVERIFY(a.test != c.test);
    }

    void tinySetsKeepATrainingSample()
    {
        const Dataset one = classes({1});
        const SplitIndices s = splitDataset(one, {0.0, 0.5, true, 1});
        QCOMPARE(s.train, std::vector<int>{0});
        QVERIFY(s.test.empty());
        const Dataset three = classes({2, 1});
        const SplitIndices t = splitDataset(three, {0.3, 0.5, false, 1}); // rounds to 1 + 2 of 3
        QCOMPARE(int(t.train.size()), 1);
        checkPartition(t, 3);
    }

    void badFractions_data()
    {
        QTest::addColumn<double>("validation");
        QTest::addColumn<double>("test");
        QTest::newRow("negative test") << 0.0 << -0.1;
        QTest::newRow("negative validation") << -0.2 << 0.2;
        QTest::newRow("test 1") << 0.0 << 1.0;
        QTest::newRow("sum 1") << 0.5 << 0.5;
        QTest::newRow("sum above 1") << 0.6 << 0.7;
        QTest::newRow("NaN") << std::nan("") << 0.2;
    }
    void badFractions()
    {
        QFETCH(double, validation);
        QFETCH(double, test);
        QVERIFY_THROWS_EXCEPTION(DataError, splitDataset(classes({10, 10}), {validation, test, true, 1}));
    }

    void emptyDataset() { QVERIFY_THROWS_EXCEPTION(DataError, splitDataset(Dataset{}, SplitConfig{})); }

    void subsetCopiesSamples()
    {
        Dataset d = classes({3, 2});
        d.name = "toy";
        d.classNames = {"a", "b"};
        d.featureNames = {"f"};
        d.sampleShape = Shape{1};
        const Dataset s = subset(d, {4, 0, 4});
        QCOMPARE(s.size(), 3);
        QCOMPARE(s.x(0, 0), Scalar(4));
        QCOMPARE(s.x(0, 1), Scalar(0));
        QCOMPARE(s.labels, (std::vector<int>{d.labels[4], d.labels[0], d.labels[4]}));
        QCOMPARE(s.classNames, d.classNames);
        QCOMPARE(s.featureNames, d.featureNames);
        QCOMPARE(s.name, d.name);
        QCOMPARE(s.classes, 2);
        QCOMPARE(s.sampleShape, Shape{1});

        Dataset r;
        r.task = TaskKind::Regression;
        r.x = Matrix::Random(2, 5);
        r.targets = Matrix::Random(1, 5);
        const Dataset rs = subset(r, {3, 1});
        QCOMPARE(Vector(rs.targets.col(0)), Vector(r.targets.col(3)));
        QCOMPARE(Vector(rs.x.col(1)), Vector(r.x.col(1)));
        QVERIFY(rs.labels.empty());
        QCOMPARE(subset(r, {}).size(), 0);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, subset(r, {5}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, subset(r, {-1}));
    }
};

QTEST_GUILESS_MAIN(TestSplit)
#include "tst_split.moc"
