#include "data/generators.h"

#include "data/data_error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <numbers>
#include <string>

// The playground's four classifications and two regressions follow tensorflow/playground src/dataset.ts
// (classifyCircleData, classifyXORData, classifyTwoGaussData, classifySpiralData, regressPlane,
// regressGaussian): the same shapes, constants and noise rules. Its labels +1 / -1 become classes 1 / 0.
// Differences, on purpose: every random number comes from nnp::Rng (a seed gives the same points everywhere),
// a sample count is exact also when it is odd, and Gaussian draws are kept inside [-6, 6]².

namespace nnp {

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kHalfWidth = 6.0; // points lie in [-6, 6]², the playground's view
constexpr int kMaxSamples = 1'000'000;

struct Point {
    double x = 0, y = 0;
};

/// Collects points with labels (classification) or values (regression) in generation order.
struct Builder {
    std::vector<Point> points;
    std::vector<int> labels;
    std::vector<double> values;

    void add(double x, double y, int label)
    {
        points.push_back({x, y});
        labels.push_back(label);
    }
    void addValue(double x, double y, double v)
    {
        points.push_back({x, y});
        values.push_back(v);
    }
};

double dist(double x, double y)
{
    return std::sqrt(x * x + y * y);
}

/// A normal draw kept inside the square: the playground lets wide blobs spill off its canvas; here a point
/// must stay where the boundary view and the engineered features expect it.
double boundedNormal(Rng &rng, double mean, double stddev)
{
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const double v = rng.normal(mean, stddev);
        if (v >= -kHalfWidth && v <= kHalfWidth) return v;
    }
    return std::clamp(mean, -kHalfWidth, kHalfWidth); // unreachable for the means used here
}

// Label +1 inside a disc of radius 2.5, drawn from the disc (r < 2.5) and the ring 3.5 < r < 5; noise
// moves the point at which the label is decided, not the point itself.
void circle(Builder &b, int n, double noise, Rng &rng)
{
    constexpr double radius = 5.0;
    const auto label = [&](double x, double y) {
        const double nx = rng.uniform(-radius, radius) * noise, ny = rng.uniform(-radius, radius) * noise;
        return dist(x + nx, y + ny) < radius * 0.5 ? 1 : 0;
    };
    const int inside = n - n / 2;
    for (int i = 0; i < n; ++i) {
        const double r = i < inside ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
        const double angle = rng.uniform(0, 2 * kPi);
        const double x = r * std::sin(angle), y = r * std::cos(angle);
        b.add(x, y, label(x, y));
    }
}

// Uniform in [-5, 5]² pushed 0.3 away from the axes; class 1 where x·y >= 0 (at the noisy point).
void xorData(Builder &b, int n, double noise, Rng &rng)
{
    constexpr double padding = 0.3;
    for (int i = 0; i < n; ++i) {
        double x = rng.uniform(-5, 5);
        x += x > 0 ? padding : -padding;
        double y = rng.uniform(-5, 5);
        y += y > 0 ? padding : -padding;
        const double nx = rng.uniform(-5, 5) * noise, ny = rng.uniform(-5, 5) * noise;
        b.add(x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0);
    }
}

// Two blobs at (2, 2) (class 1) and (-2, -2) (class 0); noise 0..0.5 maps linearly to variance 0.5..4.
void gaussian(Builder &b, int n, double noise, Rng &rng)
{
    const double variance = 0.5 + noise / 0.5 * (4.0 - 0.5);
    const double sd = std::sqrt(variance);
    const int positives = n - n / 2;
    for (int i = 0; i < n; ++i) {
        const double c = i < positives ? 2.0 : -2.0;
        const double x = boundedNormal(rng, c, sd);
        const double y = boundedNormal(rng, c, sd);
        b.add(x, y, i < positives ? 1 : 0);
    }
}

// Arms r = 5·i/n, t = 1.75·2π·i/n + Δ (1.75 turns), each point moved by up to ±noise per axis.
void spiralArm(Builder &b, int count, double delta, int label, double noise, Rng &rng)
{
    for (int i = 0; i < count; ++i) {
        const double r = static_cast<double>(i) / count * 5.0;
        const double t = 1.75 * i / count * 2 * kPi + delta;
        const double x = r * std::sin(t) + rng.uniform(-1, 1) * noise;
        const double y = r * std::cos(t) + rng.uniform(-1, 1) * noise;
        b.add(x, y, label);
    }
}

void spiral(Builder &b, int n, double noise, Rng &rng)
{
    spiralArm(b, n - n / 2, 0.0, 1, noise, rng);
    spiralArm(b, n / 2, kPi, 0, noise, rng);
}

void spiral3(Builder &b, int n, double noise, Rng &rng)
{
    for (int k = 0; k < 3; ++k)
        spiralArm(b, n / 3 + (k < n % 3 ? 1 : 0), 2 * kPi * k / 3, k, noise, rng);
}

// Target (x1 + x2) / 10 at the noisy point (playground's linear scale [-10, 10] -> [-1, 1], not clamped).
void plane(Builder &b, int n, double noise, Rng &rng)
{
    constexpr double radius = 6.0;
    for (int i = 0; i < n; ++i) {
        const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
        const double nx = rng.uniform(-radius, radius) * noise, ny = rng.uniform(-radius, radius) * noise;
        b.addValue(x, y, (x + nx + y + ny) / 10.0);
    }
}

// Six signed bumps max(0, 1 − d/2); the target is the bump largest in absolute value.
void multiGaussian(Builder &b, int n, double noise, Rng &rng)
{
    constexpr double radius = 6.0;
    constexpr std::array<std::array<double, 3>, 6> bumps{
        {{-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}}};
    const auto value = [&](double x, double y) {
        double v = 0;
        for (const auto &[cx, cy, sign] : bumps) {
            const double candidate = sign * std::clamp(1.0 - dist(x - cx, y - cy) / 2.0, 0.0, 1.0);
            if (std::abs(candidate) > std::abs(v)) v = candidate;
        }
        return v;
    };
    for (int i = 0; i < n; ++i) {
        const double x = rng.uniform(-radius, radius), y = rng.uniform(-radius, radius);
        const double nx = rng.uniform(-radius, radius) * noise, ny = rng.uniform(-radius, radius) * noise;
        b.addValue(x, y, value(x + nx, y + ny));
    }
}

// scikit-learn's make_moons (upper half circle = class 0, lower one shifted = class 1), centred and scaled
// by 3 to span [-4.5, 4.5] x [-2.25, 2.25]; noise is Gaussian with standard deviation noise·3 (sklearn's
// noise in moon units), kept inside the square.
void twoMoons(Builder &b, int n, double noise, Rng &rng)
{
    constexpr double scale = 3.0;
    const int upper = n - n / 2;
    for (int i = 0; i < n; ++i) {
        const double t = rng.uniform(0, kPi);
        const bool first = i < upper;
        const double mx = first ? std::cos(t) : 1.0 - std::cos(t);
        const double my = first ? std::sin(t) : 0.5 - std::sin(t);
        const double cx = (mx - 0.5) * scale, cy = (my - 0.25) * scale;
        const double x = noise > 0 ? boundedNormal(rng, cx, noise * scale) : cx;
        const double y = noise > 0 ? boundedNormal(rng, cy, noise * scale) : cy;
        b.add(x, y, first ? 0 : 1);
    }
}

// 4x4 cells of width 3 over the square; class (column + row) mod 2 at the noisy point, like XOR's noise.
void checkerboard(Builder &b, int n, double noise, Rng &rng)
{
    constexpr double cell = 3.0;
    const auto cellOf = [](double v) { return static_cast<int>(std::floor((v + kHalfWidth) / cell)); };
    for (int i = 0; i < n; ++i) {
        const double x = rng.uniform(-kHalfWidth, kHalfWidth), y = rng.uniform(-kHalfWidth, kHalfWidth);
        const double nx = rng.uniform(-cell, cell) * noise, ny = rng.uniform(-cell, cell) * noise;
        b.add(x, y, (cellOf(x + nx) + cellOf(y + ny)) % 2 == 0 ? 1 : 0);
    }
}

struct GeneratorInfo {
    GeneratorKind kind;
    std::string_view name;
    int classes; // 0: regression
    void (*run)(Builder &, int, double, Rng &);
};

constexpr std::array<GeneratorInfo, 9> kGenerators{{
    {GeneratorKind::Circle, "circle", 2, circle},
    {GeneratorKind::Xor, "xor", 2, xorData},
    {GeneratorKind::Gaussian, "gaussian", 2, gaussian},
    {GeneratorKind::Spiral, "spiral", 2, spiral},
    {GeneratorKind::Plane, "plane", 0, plane},
    {GeneratorKind::MultiGaussian, "multi_gaussian", 0, multiGaussian},
    {GeneratorKind::TwoMoons, "two_moons", 2, twoMoons},
    {GeneratorKind::Checkerboard, "checkerboard", 2, checkerboard},
    {GeneratorKind::Spiral3, "spiral3", 3, spiral3},
}};

const GeneratorInfo &info(GeneratorKind k)
{
    for (const GeneratorInfo &g : kGenerators)
        if (g.kind == k) return g;
    throw DataError("Unknown generator kind " + std::to_string(static_cast<int>(k)) + ".");
}

/// Lower case, '-' and ' ' read as '_'.
std::string canonicalName(std::string_view s)
{
    std::string out;
    for (char c : s)
        out += (c == '-' || c == ' ') ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string withoutUnderscores(std::string s)
{
    std::erase(s, '_');
    return s;
}

} // namespace

int FeatureConfig::count() const
{
    return int(x1) + int(x2) + int(x1Squared) + int(x2Squared) + int(x1x2) + int(sinX1) + int(sinX2);
}

Dataset generateSequenceMemory(const SequenceMemoryConfig &config)
{
    if (config.samples < 1 || config.samples > kMaxSamples || config.steps < 1 || config.steps > 10'000 ||
        !(config.noise >= 0.0 && config.noise <= 100.0) ||
        static_cast<long long>(config.samples) * config.steps > 100'000'000LL)
        throw DataError("The sequence memory generator needs 1 to " + std::to_string(kMaxSamples) +
                        " samples of 1 to 10000 steps with noise between 0 and 100.");
    constexpr int kFeatures = 4;
    Rng rng(config.seed);
    Dataset d;
    d.name = "sequence_memory";
    d.task = TaskKind::Classification;
    d.classes = 2;
    d.classNames = {"0", "1"};
    d.sampleShape = Shape{config.steps, kFeatures};
    d.x = Matrix::Zero(static_cast<Eigen::Index>(config.steps) * kFeatures, config.samples);
    d.labels.resize(static_cast<std::size_t>(config.samples));
    for (int s = 0; s < config.samples; ++s) {
        const int label = rng.uniform() < 0.5 ? 0 : 1;
        d.labels[static_cast<std::size_t>(s)] = label;
        d.x(0, s) = 1;
        d.x(1, s) = label == 1 ? 1 : -1;
        for (int t = 0; t < config.steps; ++t)
            for (int f = 2; f < kFeatures; ++f)
                d.x(t * kFeatures + f, s) = static_cast<Scalar>(rng.normal(0.0, config.noise));
    }
    for (int t = 0; t < config.steps; ++t)
        for (const char *f : {"marker", "signal", "noise1", "noise2"})
            d.featureNames.push_back("t" + std::to_string(t) + "_" + f);
    return d;
}

Dataset generate(const GeneratorConfig &config)
{
    const GeneratorInfo &g = info(config.kind);
    if (config.samples < 1 || config.samples > kMaxSamples)
        throw DataError("The " + std::string(g.name) + " generator needs between 1 and " +
                        std::to_string(kMaxSamples) + " samples, not " + std::to_string(config.samples) +
                        ".");
    if (!(config.noise >= 0.0 && config.noise <= 0.5))
        throw DataError("Noise must lie between 0 and 0.5 (0–50 %), not " + std::to_string(config.noise) +
                        ".");

    Rng rng(config.seed);
    Builder b;
    b.points.reserve(static_cast<std::size_t>(config.samples));
    g.run(b, config.samples, config.noise, rng);

    Dataset d;
    d.name = std::string(g.name);
    const auto n = static_cast<Eigen::Index>(b.points.size());
    d.x.resize(2, n);
    for (Eigen::Index i = 0; i < n; ++i) {
        d.x(0, i) = static_cast<Scalar>(b.points[static_cast<std::size_t>(i)].x);
        d.x(1, i) = static_cast<Scalar>(b.points[static_cast<std::size_t>(i)].y);
    }
    d.featureNames = {"x1", "x2"};
    d.sampleShape = Shape{2};
    if (g.classes > 0) {
        d.task = TaskKind::Classification;
        d.labels = std::move(b.labels);
        d.classes = g.classes;
        for (int c = 0; c < g.classes; ++c)
            d.classNames.push_back(std::to_string(c));
    } else {
        d.task = TaskKind::Regression;
        d.targets.resize(1, n);
        for (Eigen::Index i = 0; i < n; ++i)
            d.targets(0, i) = static_cast<Scalar>(b.values[static_cast<std::size_t>(i)]);
        d.targetNames = {"y"};
    }
    return d;
}

Matrix engineerFeatures(const Matrix &points, const FeatureConfig &features)
{
    if (points.rows() != 2)
        throw DataError("Engineered features need points with 2 coordinates (x1, x2), not " +
                        std::to_string(points.rows()) + ".");
    if (features.count() == 0)
        throw DataError("No input feature is selected: choose at least one of x1, x2, x1², x2², x1·x2, "
                        "sin(x1), sin(x2).");
    Matrix out(features.count(), points.cols());
    // No points (planeFeatureNames asks for the names only): row(1) of an empty matrix is null + 1, undefined
    // behaviour (UBSan, `nnp export` of a generator project).
    if (points.cols() == 0) return out;
    Eigen::Index r = 0;
    const auto x1 = points.row(0).array(), x2 = points.row(1).array();
    if (features.x1) out.row(r++) = x1.matrix();
    if (features.x2) out.row(r++) = x2.matrix();
    if (features.x1Squared) out.row(r++) = x1.square().matrix();
    if (features.x2Squared) out.row(r++) = x2.square().matrix();
    if (features.x1x2) out.row(r++) = (x1 * x2).matrix();
    if (features.sinX1) out.row(r++) = x1.sin().matrix();
    if (features.sinX2) out.row(r++) = x2.sin().matrix();
    return out;
}

Dataset withFeatures(const Dataset &plane, const FeatureConfig &features)
{
    Dataset d = plane;
    d.x = engineerFeatures(plane.x, features);
    d.featureNames.clear();
    const std::array<std::pair<bool, const char *>, 7> names{{{features.x1, "x1"},
                                                              {features.x2, "x2"},
                                                              {features.x1Squared, "x1^2"},
                                                              {features.x2Squared, "x2^2"},
                                                              {features.x1x2, "x1*x2"},
                                                              {features.sinX1, "sin(x1)"},
                                                              {features.sinX2, "sin(x2)"}}};
    for (const auto &[on, name] : names)
        if (on) d.featureNames.emplace_back(name);
    d.sampleShape = Shape{features.count()};
    return d;
}

bool isRegression(GeneratorKind k)
{
    return info(k).classes == 0;
}

std::string_view toString(GeneratorKind k)
{
    for (const GeneratorInfo &g : kGenerators)
        if (g.kind == k) return g.name;
    return "unknown";
}

std::optional<GeneratorKind> generatorFromString(std::string_view s)
{
    // "two-moons", "Two Moons", "twomoons" and "multigaussian" are all accepted.
    const std::string key = withoutUnderscores(canonicalName(s));
    for (const GeneratorInfo &g : kGenerators)
        if (withoutUnderscores(std::string(g.name)) == key) return g.kind;
    if (key == "moons") return GeneratorKind::TwoMoons;
    if (key == "gauss" || key == "twogauss" || key == "twogaussians") return GeneratorKind::Gaussian;
    return std::nullopt;
}

const std::vector<GeneratorKind> &allGenerators()
{
    static const std::vector<GeneratorKind> all = [] {
        std::vector<GeneratorKind> v;
        for (const GeneratorInfo &g : kGenerators)
            v.push_back(g.kind);
        return v;
    }();
    return all;
}

} // namespace nnp
