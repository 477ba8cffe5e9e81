// The built-in 2-D datasets: sizes, class balance, the geometry of each generator, what noise changes,
// reproducibility from the seed, engineered features and the names used by files and the CLI.
#include "data/data_error.h"
#include "data/generators.h"

#include <QtTest>

#include <cmath>
#include <numbers>

using namespace nnp;

Q_DECLARE_METATYPE(nnp::GeneratorKind)

namespace {

Dataset gen(GeneratorKind k, int n = 500, double noise = 0.0, std::uint64_t seed = 7)
{
    return generate({k, n, noise, seed});
}

int countLabel(const Dataset &d, int label)
{
    return static_cast<int>(std::count(d.labels.begin(), d.labels.end(), label));
}

double radius(const Dataset &d, int i)
{
    return std::hypot(double(d.x(0, i)), double(d.x(1, i)));
}

void addKinds()
{
    QTest::addColumn<GeneratorKind>("kind");
    for (GeneratorKind k : allGenerators())
        QTest::newRow(std::string(toString(k)).c_str()) << k;
}

} // namespace

class TestGenerators : public QObject {
    Q_OBJECT

private slots:
    void countsAndLayout_data() { addKinds(); }
    void countsAndLayout()
    {
        QFETCH(GeneratorKind, kind);
        for (int n : {1, 2, 7, 500, 1001}) {
            const Dataset d = gen(kind, n);
            QCOMPARE(d.size(), n);
            QCOMPARE(d.features(), 2);
            QCOMPARE(d.sampleShape, Shape{2});
            QCOMPARE(d.featureNames, (std::vector<std::string>{"x1", "x2"}));
            QCOMPARE(d.name, std::string(toString(kind)));
            if (isRegression(kind)) {
                QCOMPARE(d.task, TaskKind::Regression);
                QCOMPARE(d.targets.rows(), 1);
                QCOMPARE(d.targets.cols(), n);
                QVERIFY(d.labels.empty());
            } else {
                QCOMPARE(d.task, TaskKind::Classification);
                QCOMPARE(int(d.labels.size()), n);
                QCOMPARE(d.classes, kind == GeneratorKind::Spiral3 ? 3 : 2);
                QCOMPARE(int(d.classNames.size()), d.classes);
                for (int l : d.labels)
                    QVERIFY(l >= 0 && l < d.classes);
            }
        }
    }

    void pointsStayInTheSquare_data() { addKinds(); }
    void pointsStayInTheSquare()
    {
        QFETCH(GeneratorKind, kind);
        for (double noise : {0.0, 0.25, 0.5}) {
            const Dataset d = gen(kind, 2000, noise, 3);
            QVERIFY(d.x.allFinite());
            QVERIFY2(d.x.cwiseAbs().maxCoeff() <= 6.0, std::to_string(d.x.cwiseAbs().maxCoeff()).c_str());
        }
    }

    void sameSeedSamePoints_data() { addKinds(); }
    void sameSeedSamePoints()
    {
        QFETCH(GeneratorKind, kind);
        const Dataset a = gen(kind, 300, 0.2, 42), b = gen(kind, 300, 0.2, 42), c = gen(kind, 300, 0.2, 43);
        QCOMPARE(a.x, b.x);
        QCOMPARE(a.labels, b.labels);
        QCOMPARE(a.targets, b.targets);
        // The spiral's noise-free positions do not depend on the seed, but with noise every point moves.
        QVERIFY(a.x != c.x);
    }

    void exactBalance_data()
    {
        QTest::addColumn<GeneratorKind>("kind");
        for (auto k :
             {GeneratorKind::Circle, GeneratorKind::Gaussian, GeneratorKind::Spiral, GeneratorKind::TwoMoons})
            QTest::newRow(std::string(toString(k)).c_str()) << k;
    }
    void exactBalance()
    {
        // These draw each class's points separately: without noise an odd count splits 1 more / 1 less.
        QFETCH(GeneratorKind, kind);
        const Dataset even = gen(kind, 400), odd = gen(kind, 401);
        QCOMPARE(countLabel(even, 0), 200);
        QCOMPARE(countLabel(even, 1), 200);
        QCOMPARE(countLabel(odd, 0) + countLabel(odd, 1), 401);
        QVERIFY(std::abs(countLabel(odd, 0) - countLabel(odd, 1)) == 1);
    }

    void spiral3Balance()
    {
        const Dataset d = gen(GeneratorKind::Spiral3, 301);
        QCOMPARE(countLabel(d, 0), 101);
        QCOMPARE(countLabel(d, 1), 100);
        QCOMPARE(countLabel(d, 2), 100);
    }

    void approximateBalance_data()
    {
        QTest::addColumn<GeneratorKind>("kind");
        QTest::newRow("xor") << GeneratorKind::Xor;
        QTest::newRow("checkerboard") << GeneratorKind::Checkerboard;
    }
    void approximateBalance()
    {
        // Uniform points: each class has half the area, so 4000 points give 2000 ± a few sigma (sigma ≈ 32).
        QFETCH(GeneratorKind, kind);
        const Dataset d = gen(kind, 4000);
        QVERIFY2(std::abs(countLabel(d, 1) - 2000) < 150, std::to_string(countLabel(d, 1)).c_str());
    }

    void circleGeometry()
    {
        // Playground: class 1 drawn from the disc r < 2.5, class 0 from the ring 3.5 < r < 5.
        const Dataset d = gen(GeneratorKind::Circle, 1000);
        for (int i = 0; i < d.size(); ++i) {
            const double r = radius(d, i);
            if (d.labels[std::size_t(i)] == 1)
                QVERIFY(r < 2.5);
            else
                QVERIFY(r >= 3.5 - 1e-6 && r <= 5.0 + 1e-6);
        }
    }

    void circleNoiseChangesLabelsNotPoints()
    {
        // The playground decides the label at a jittered point and keeps the point itself.
        const Dataset clean = gen(GeneratorKind::Circle, 1000, 0.0, 5);
        const Dataset noisy = gen(GeneratorKind::Circle, 1000, 0.5, 5);
        QCOMPARE(noisy.x, clean.x);
        int flipped = 0;
        for (std::size_t i = 0; i < clean.labels.size(); ++i)
            flipped += clean.labels[i] != noisy.labels[i];
        QVERIFY(flipped > 20);
        QVERIFY(flipped < 500);
        const Dataset little = gen(GeneratorKind::Circle, 1000, 0.05, 5); // jitter ≤ 0.25 per axis
        for (std::size_t i = 0; i < clean.labels.size(); ++i)
            if (little.labels[i] != clean.labels[i]) {
                const double r = radius(little, int(i));
                QVERIFY(std::abs(r - 2.5) <= 0.25 * std::sqrt(2.0) + 1e-9 || r >= 3.5);
                QVERIFY(r <= 2.5 || std::abs(r - 3.5) <= 1.0); // outer points only flip near r = 3.5
            }
    }

    void xorGeometry()
    {
        const Dataset d = gen(GeneratorKind::Xor, 2000);
        for (int i = 0; i < d.size(); ++i) {
            const double x = d.x(0, i), y = d.x(1, i);
            QVERIFY(std::abs(x) >= 0.3 - 1e-6 && std::abs(x) <= 5.3 + 1e-6);
            QVERIFY(std::abs(y) >= 0.3 - 1e-6 && std::abs(y) <= 5.3 + 1e-6);
            QCOMPARE(d.labels[std::size_t(i)], x * y >= 0 ? 1 : 0);
        }
        // Noise 0.1 moves the decision point by at most 0.5 per axis: only points that near an axis flip.
        const Dataset noisy = gen(GeneratorKind::Xor, 2000, 0.1);
        int flipped = 0;
        for (int i = 0; i < noisy.size(); ++i) {
            const double x = noisy.x(0, i), y = noisy.x(1, i);
            if (noisy.labels[std::size_t(i)] != (x * y >= 0 ? 1 : 0)) {
                ++flipped;
                QVERIFY(std::min(std::abs(x), std::abs(y)) <= 0.5 + 1e-6);
            }
        }
        QVERIFY(flipped > 0);
    }

    void gaussianSpreadFollowsNoise()
    {
        // Variance 0.5 at noise 0 and 4 at noise 0.5 (the playground's linear scale), around (2,2) / (-2,-2).
        const auto spread = [](const Dataset &d, int label, Eigen::Index axis, double &mean) {
            double s = 0, s2 = 0;
            int n = 0;
            for (int i = 0; i < d.size(); ++i)
                if (d.labels[std::size_t(i)] == label) {
                    s += d.x(axis, i);
                    s2 += double(d.x(axis, i)) * d.x(axis, i);
                    ++n;
                }
            mean = s / n;
            return std::sqrt(s2 / n - mean * mean);
        };
        double mean = 0;
        const Dataset tight = gen(GeneratorKind::Gaussian, 4000);
        QVERIFY(std::abs(spread(tight, 1, 0, mean) - std::sqrt(0.5)) < 0.05);
        QVERIFY(std::abs(mean - 2.0) < 0.05);
        QVERIFY(std::abs(spread(tight, 0, 1, mean) - std::sqrt(0.5)) < 0.05);
        QVERIFY(std::abs(mean + 2.0) < 0.05);
        const Dataset wide = gen(GeneratorKind::Gaussian, 4000, 0.5);
        const double sd = spread(wide, 1, 0, mean);
        QVERIFY2(sd > 1.6 && sd < 2.0, std::to_string(sd).c_str()); // σ = 2, a little less: kept in [-6, 6]
    }

    void spiralGeometryAndNoise()
    {
        // Arm k: r = 5 i / n, t = 1.75 · 2π i / n + Δ, x = r sin t, y = r cos t.
        const int n = 400;
        const Dataset clean = gen(GeneratorKind::Spiral, n, 0.0, 9);
        const int arm = n / 2;
        for (int i = 0; i < arm; ++i) {
            const double r = 5.0 * i / arm, t = 1.75 * 2 * std::numbers::pi * i / arm;
            QVERIFY(std::abs(clean.x(0, i) - r * std::sin(t)) < 1e-5);
            QVERIFY(std::abs(clean.x(1, i) - r * std::cos(t)) < 1e-5);
            QCOMPARE(clean.labels[std::size_t(i)], 1);
            // The other arm is the same curve turned by π: the point mirrored through the origin.
            QVERIFY(std::abs(clean.x(0, arm + i) + r * std::sin(t)) < 1e-5);
            QVERIFY(std::abs(clean.x(1, arm + i) + r * std::cos(t)) < 1e-5);
            QCOMPARE(clean.labels[std::size_t(arm + i)], 0);
        }
        const double noise = 0.3;
        const Dataset noisy = gen(GeneratorKind::Spiral, n, noise, 9);
        const Matrix moved = (noisy.x - clean.x).cwiseAbs();
        QVERIFY(moved.maxCoeff() <= noise + 1e-6);
        QVERIFY(moved.maxCoeff() > noise * 0.9); // uniform in ±noise: 800 draws reach close to the edge
        QCOMPARE(noisy.labels, clean.labels);
    }

    void spiral3Arms()
    {
        const Dataset d = gen(GeneratorKind::Spiral3, 300);
        // Point i of arm k (100 per arm) at angle 1.75·2π i/100 + 2πk/3.
        for (int k = 0; k < 3; ++k)
            for (int i = 1; i < 100; i += 7) {
                const int col = k * 100 + i;
                const double r = 5.0 * i / 100,
                             t = 1.75 * 2 * std::numbers::pi * i / 100 + 2 * std::numbers::pi * k / 3;
                QVERIFY(std::abs(d.x(0, col) - r * std::sin(t)) < 1e-5);
                QVERIFY(std::abs(d.x(1, col) - r * std::cos(t)) < 1e-5);
                QCOMPARE(d.labels[std::size_t(col)], k);
            }
    }

    void planeTargets()
    {
        const Dataset d = gen(GeneratorKind::Plane, 1000);
        for (int i = 0; i < d.size(); ++i)
            QVERIFY(std::abs(d.targets(0, i) - (d.x(0, i) + d.x(1, i)) / 10.0) < 1e-5);
        QVERIFY(d.targets.cwiseAbs().maxCoeff() <= 1.2 + 1e-6);
        // With noise the target is taken at a point moved by up to ±3 per axis: off the plane by ≤ 0.6.
        const Dataset noisy = gen(GeneratorKind::Plane, 1000, 0.5);
        double worst = 0;
        for (int i = 0; i < noisy.size(); ++i)
            worst = std::max(worst,
                             std::abs(double(noisy.targets(0, i)) - (noisy.x(0, i) + noisy.x(1, i)) / 10.0));
        QVERIFY(worst <= 0.6 + 1e-5);
        QVERIFY(worst > 0.3);
    }

    void multiGaussianTargets()
    {
        // Six bumps ±max(0, 1 − d/2) at x ∈ {−4, 0, 4}, y = ±2.5 (signs alternate). Near a bump only it
        // counts.
        const Dataset d = gen(GeneratorKind::MultiGaussian, 4000);
        QVERIFY(d.targets.cwiseAbs().maxCoeff() <= 1.0);
        const double centres[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                                      {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
        int checked = 0;
        for (int i = 0; i < d.size(); ++i)
            for (const auto &c : centres) {
                const double dist = std::hypot(d.x(0, i) - c[0], d.x(1, i) - c[1]);
                if (dist < 1.5) { // every other bump is at least 4 − 1.5 = 2.5 away, where it is 0
                    QVERIFY(std::abs(d.targets(0, i) - c[2] * (1 - dist / 2)) < 1e-5);
                    ++checked;
                }
            }
        QVERIFY(checked > 500);
        int zeros = 0;
        for (int i = 0; i < d.size(); ++i)
            zeros += d.targets(0, i) == 0;
        QVERIFY(zeros > 100); // corners and gaps far from every bump
    }

    void twoMoonsGeometry()
    {
        // sklearn's moons scaled by 3 around (0.5, 0.25): class 0 on the upper unit half circle, class 1 on
        // the lower one centred at (1, 0.5).
        const Dataset d = gen(GeneratorKind::TwoMoons, 500);
        for (int i = 0; i < d.size(); ++i) {
            const double mx = d.x(0, i) / 3.0 + 0.5, my = d.x(1, i) / 3.0 + 0.25;
            if (d.labels[std::size_t(i)] == 0) {
                QVERIFY(std::abs(std::hypot(mx, my) - 1) < 1e-5);
                QVERIFY(my >= -1e-6);
            } else {
                QVERIFY(std::abs(std::hypot(mx - 1, my - 0.5) - 1) < 1e-5);
                QVERIFY(my <= 0.5 + 1e-6);
            }
        }
        const Dataset noisy = gen(GeneratorKind::TwoMoons, 500, 0.1);
        QCOMPARE(noisy.labels, d.labels);
        QVERIFY(noisy.x != d.x);
    }

    void checkerboardCells()
    {
        const Dataset d = gen(GeneratorKind::Checkerboard, 2000);
        for (int i = 0; i < d.size(); ++i) {
            const int cx = int(std::floor((d.x(0, i) + 6) / 3)), cy = int(std::floor((d.x(1, i) + 6) / 3));
            QCOMPARE(d.labels[std::size_t(i)], (cx + cy) % 2 == 0 ? 1 : 0);
        }
    }

    void badConfigs_data()
    {
        QTest::addColumn<int>("samples");
        QTest::addColumn<double>("noise");
        QTest::newRow("no samples") << 0 << 0.0;
        QTest::newRow("negative samples") << -5 << 0.0;
        QTest::newRow("too many samples") << 1'000'001 << 0.0;
        QTest::newRow("negative noise") << 100 << -0.01;
        QTest::newRow("noise above 50%") << 100 << 0.51;
        QTest::newRow("NaN noise") << 100 << std::nan("");
    }
    void badConfigs()
    {
        QFETCH(int, samples);
        QFETCH(double, noise);
        for (GeneratorKind k : allGenerators())
            QVERIFY_THROWS_EXCEPTION(DataError, generate({k, samples, noise, 1}));
    }

    void engineeredFeatures()
    {
        Matrix p(2, 3);
        p << 1, -2, 0.5, //
            3, 0.25, -1;
        FeatureConfig all{true, true, true, true, true, true, true};
        QCOMPARE(all.count(), 7);
        const Matrix f = engineerFeatures(p, all);
        QCOMPARE(f.rows(), 7);
        for (int i = 0; i < 3; ++i) {
            const double a = p(0, i), b = p(1, i);
            const double expected[7] = {a, b, a * a, b * b, a * b, std::sin(a), std::sin(b)};
            for (int r = 0; r < 7; ++r)
                QVERIFY(std::abs(f(r, i) - expected[r]) < 1e-12);
        }
        // A subset keeps the playground's order: x1², x1·x2, sin(x2).
        FeatureConfig some{false, false, true, false, true, false, true};
        const Matrix g = engineerFeatures(p, some);
        QCOMPARE(g.rows(), 3);
        QVERIFY(std::abs(g(0, 1) - 4.0) < 1e-12);
        QVERIFY(std::abs(g(1, 1) - (-0.5)) < 1e-12);
        QVERIFY(std::abs(g(2, 2) - std::sin(-1.0)) < 1e-12);

        const Dataset plane = gen(GeneratorKind::Xor, 50);
        const Dataset d = withFeatures(plane, some);
        QCOMPARE(d.featureNames, (std::vector<std::string>{"x1^2", "x1*x2", "sin(x2)"}));
        QCOMPARE(d.sampleShape, Shape{3});
        QCOMPARE(d.labels, plane.labels);
        QCOMPARE(d.x, engineerFeatures(plane.x, some));
        QCOMPARE(withFeatures(plane, all).featureNames,
                 (std::vector<std::string>{"x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"}));

        // No points (how the names alone are found): rows for the features, no columns, no pointer arithmetic
        // on the empty matrix's null data (UBSan failed `nnp export` of a generator project there).
        const Matrix none = engineerFeatures(Matrix(2, 0), some);
        QCOMPARE(none.rows(), 3);
        QCOMPARE(none.cols(), 0);
        Dataset empty;
        empty.x = Matrix(2, 0);
        QCOMPARE(withFeatures(empty, some).featureNames, d.featureNames);

        QVERIFY_THROWS_EXCEPTION(DataError, engineerFeatures(Matrix(3, 4), all));
        QVERIFY_THROWS_EXCEPTION(DataError, engineerFeatures(p, FeatureConfig{false, false}));
    }

    void names()
    {
        QCOMPARE(allGenerators().size(), std::size_t(9));
        for (GeneratorKind k : allGenerators())
            QCOMPARE(generatorFromString(toString(k)), std::optional(k));
        QCOMPARE(toString(GeneratorKind::MultiGaussian), std::string_view("multi_gaussian"));
        QCOMPARE(generatorFromString("Two Moons"), std::optional(GeneratorKind::TwoMoons));
        QCOMPARE(generatorFromString("two-moons"), std::optional(GeneratorKind::TwoMoons));
        QCOMPARE(generatorFromString("MultiGaussian"), std::optional(GeneratorKind::MultiGaussian));
        QCOMPARE(generatorFromString("SPIRAL3"), std::optional(GeneratorKind::Spiral3));
        QCOMPARE(generatorFromString("donut"), std::nullopt);
        QCOMPARE(generatorFromString(""), std::nullopt);
        QVERIFY(isRegression(GeneratorKind::Plane));
        QVERIFY(isRegression(GeneratorKind::MultiGaussian));
        QVERIFY(!isRegression(GeneratorKind::Spiral3));
    }
};

QTEST_GUILESS_MAIN(TestGenerators)
#include "tst_generators.moc"
