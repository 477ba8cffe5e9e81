// Project files: lossless round trips, the pinned version-1 format, atomic saves, and prepareData.
#include "io/project.h"
#include "io/project_run.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/reshape.h"
#include "layers/simple_layers.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <cstring>
#include <fstream>
#include <limits>
#include <sstream>
#include <system_error>

using namespace nnp;

namespace {

std::string readText(const std::filesystem::path &p)
{
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

bool sameBits(const Matrix &a, const Matrix &b)
{
    return a.rows() == b.rows() && a.cols() == b.cols() &&
           std::memcmp(a.data(), b.data(), sizeof(Scalar) * static_cast<std::size_t>(a.size())) == 0;
}

/// Saves to a scratch file and reports whether that worked.
bool saveProjectWorks(const Project &p)
{
    QTemporaryDir dir;
    try {
        saveProject(p, dir.filePath("ok.nnp").toStdString());
        return true;
    } catch (const std::exception &) {
        return false;
    }
}

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof a) == 0;
}

bool sameHistory(const std::vector<EpochRecord> &a, const std::vector<EpochRecord> &b)
{
    if (a.size() != b.size()) return false;
    const auto same = [](const std::optional<double> &x, const std::optional<double> &y) {
        return x.has_value() == y.has_value() && (!x || sameBits(*x, *y));
    };
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].epoch != b[i].epoch || !sameBits(a[i].trainLoss, b[i].trainLoss) ||
            !sameBits(a[i].trainMetric, b[i].trainMetric) || !same(a[i].valLoss, b[i].valLoss) ||
            !same(a[i].valMetric, b[i].valMetric) || !sameBits(a[i].learningRate, b[i].learningRate))
            return false;
    return true;
}

/// A graph that uses every kind with saved tensors (Dense with and without bias, BatchNorm) and options
/// that differ from the defaults.
Project spiralProject()
{
    Project p;
    p.name = "round trip";
    p.description = "Ünïcode and \"quotes\"\nand a second line.";
    GraphSpec &g = p.graph;
    LayerOptions in;
    in.set(opt::input::shape, {7});
    const NodeId input = g.addNode(LayerKind::Input, "input", in);
    LayerOptions d1;
    d1.set(opt::dense::units, 8);
    d1.set(opt::activation, ActivationKind::LeakyReLU);
    d1.set(opt::leakySlope, 0.2);
    d1.set(opt::dense::init, InitKind::HeNormal);
    d1.set(opt::dense::l2, 0.001);
    const NodeId h1 = g.addNode(LayerKind::Dense, "hidden/1", d1);
    LayerOptions bn;
    bn.set(opt::batchnorm::momentum, 0.2);
    const NodeId norm = g.addNode(LayerKind::BatchNorm, "norm", bn);
    LayerOptions drop;
    drop.set(opt::dropout::rate, 0.1);
    const NodeId dr = g.addNode(LayerKind::Dropout, "drop", drop);
    LayerOptions out;
    out.set(opt::dense::units, 1);
    out.set(opt::activation, ActivationKind::Sigmoid);
    out.set(opt::dense::useBias, false);
    const NodeId o = g.addNode(LayerKind::Dense, "out~put", out);
    g.connect(input, h1);
    g.connect(h1, norm);
    g.connect(norm, dr);
    g.connect(dr, o);
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        g.nodes[i].x = 123.25 * double(i);
        g.nodes[i].y = -0.1 * double(i);
    }
    p.data.kind = DataSourceKind::Generator;
    p.data.generator = {GeneratorKind::Spiral, 300, 0.1, 42};
    p.data.features = {true, true, true, true, true, true, true};
    p.preprocessing.normalization = NormalizationKind::ZScore;
    p.preprocessing.split = {0.1, 0.2, true, 7};
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::AdamW);
    p.training.optimizer.learningRate = 0.0123456789;
    p.training.schedule = {ScheduleKind::StepDecay, 3, 0.7, 0.0};
    p.training.batchSize = 16;
    p.training.epochs = 4;
    p.training.seed = 0xFFFFFFFFFFFFFFFFull; // the largest seed must survive JSON
    p.expect = ExpectedResult{EvalSplit::Validation, ExpectMetric::Loss, std::nullopt, 0.5};
    return p;
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT
private slots:
    void networkInputsAreTheTrainingPipeline();
    void projectRunContinuesStoredWeightsWhenTheyFit();
    void roundTripIsLossless();
    void csvRoundTripKeepsSchemaAndPredictions();
    void versionOneFixture();
    void savedTextIsStableAndMinimal();
    void saveIsAtomic();
    void saveDropsStaleWeights();
    void nonFiniteTensorsAreNeverSaved();
    void extremeValuesRoundTrip();
    void expectedTensorsMatchTheNetwork();
    void prepareFitsNormaliserOnTrainingSplitOnly();
    void prepareUsesSeparateIdxTestFiles();
    void idxPixelScalingIsExplicit();
    void prepareRejectsDataThatDoesNotFit();
    void rebasedPathsStillFindTheData();
    void reshapeAndDotTrainSaveAndReload();
};

// The two kinds added through the registry: the spiral's 7 features through a Dense seen as a 2x3 grid and
// back, a Dot with another branch; trained, saved (options written, shapes checked on load) and reloaded.
void TestProject::reshapeAndDotTrainSaveAndReload()
{
    Project p = spiralProject();
    GraphSpec &g = p.graph;
    g = GraphSpec{};
    const NodeId in = g.addNode(LayerKind::Input, "input", LayerOptions().set(opt::input::shape, {7}));
    const NodeId a =
        g.addNode(LayerKind::Dense, "a",
                  LayerOptions().set(opt::dense::units, 6).set(opt::activation, ActivationKind::Tanh));
    const NodeId grid =
        g.addNode(LayerKind::Reshape, "grid", LayerOptions().set(opt::reshape::shape, {2, 3}));
    const NodeId flat = g.addNode(LayerKind::Flatten, "flat");
    const NodeId b =
        g.addNode(LayerKind::Dense, "b",
                  LayerOptions().set(opt::dense::units, 6).set(opt::activation, ActivationKind::Tanh));
    const NodeId dot = g.addNode(LayerKind::Dot, "dot");
    const NodeId out =
        g.addNode(LayerKind::Dense, "out",
                  LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
    g.connect(in, a);
    g.connect(a, grid);
    g.connect(grid, flat);
    g.connect(in, b);
    g.connect(flat, dot);
    g.connect(b, dot);
    g.connect(dot, out);
    const PreparedData data = prepareData(p, {});
    Network net = Network::build(p.graph, p.training.seed);
    Trainer trainer(net, p.training, data.train, data.validation);
    trainer.run();
    p.history = trainer.history();
    QVERIFY(p.history.size() == 4 && std::isfinite(p.history.back().trainLoss));
    storeTrainedModel(p, net, data);

    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("p.nnp").toStdString();
    saveProject(p, file);
    std::ifstream text(file);
    const std::string saved((std::istreambuf_iterator<char>(text)), std::istreambuf_iterator<char>());
    QVERIFY(saved.find("\"kind\": \"Reshape\"") != std::string::npos);
    QVERIFY(saved.find("\"kind\": \"Dot\"") != std::string::npos);
    const Project q = loadProject(file);
    QVERIFY(q.graph == p.graph);
    QCOMPARE(q.graph.find(grid)->options.get(opt::reshape::shape), (std::vector<int>{2, 3}));
    Network again = Network::build(q.graph, 5);
    restoreWeights(q, again);
    QVERIFY(sameBits(again.predict(data.test.x), net.predict(data.test.x)));

    // A Reshape whose sizes do not fit its input is refused when the weights are checked against the graph.
    Project bad = q;
    bad.graph.find(grid)->options.set(opt::reshape::shape, {4, 2});
    QVERIFY(!checkWeightsAgainstGraph(bad).empty() || !validate(bad.graph).ok());
}

void TestProject::nonFiniteTensorsAreNeverSaved()
{
    // Issue 13 (5): a NaN BatchNorm running variance used to be saved; `nnp predict` then printed nan.
    Project p = spiralProject();
    Network net = Network::build(p.graph, 1);
    storeWeights(p, net, Normalizer{});
    QVERIFY(saveProjectWorks(p));
    StoredTensor *var = nullptr;
    for (StoredTensor &t : p.weights)
        if (t.name == "running_var") var = &t;
    QVERIFY(var);
    var->values[3] = std::numeric_limits<float>::quiet_NaN();
    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("nan.nnp").toStdString();
    try {
        saveProject(p, file);
        QFAIL("a NaN running variance was saved");
    } catch (const ProjectError &e) {
        QVERIFY2(std::string(e.what()).find("\"running_var\" of node") != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("\"norm\"") != std::string::npos, e.what());
    }
    QVERIFY2(!std::filesystem::exists(file), "nothing is written");
    QVERIFY_THROWS_EXCEPTION(ProjectError, (void)projectToText(p));
    var->values[3] = std::numeric_limits<float>::infinity();
    QVERIFY_THROWS_EXCEPTION(ProjectError, saveProject(p, file));
    QVERIFY(!std::filesystem::exists(file));
}

void TestProject::extremeValuesRoundTrip()
{
    // Issue 13 (3): whatever the writer writes, the reader reads. Every finite float is a valid weight or
    // normaliser value, from the largest to the smallest subnormal (the reader used to refuse a normaliser
    // offset above 1e30, which `nnp train` wrote for CSV values near 1e31).
    Project p = spiralProject();
    Network net = Network::build(p.graph, 1);
    constexpr float big = std::numeric_limits<float>::max(), tiny = std::numeric_limits<float>::denorm_min();
    Normalizer n;
    n.kind = NormalizationKind::ZScore;
    n.offset.resize(7);
    n.scale.resize(7);
    n.offset << big, -big, Scalar(1e31), Scalar(-1e31), tiny, Scalar(-0.0), Scalar(3e-39);
    n.scale << big, tiny, Scalar(1e-31), Scalar(1e31), Scalar(1), std::numeric_limits<float>::min(), -big;
    storeWeights(p, net, n);
    const std::vector<float> extremes{big,   -big, tiny, -tiny, -0.0f, std::numeric_limits<float>::min(),
                                      1e-40f};
    QVERIFY(p.weights[0].values.size() >= extremes.size());
    std::copy(extremes.begin(), extremes.end(), p.weights[0].values.begin());

    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("extreme.nnp").toStdString();
    saveProject(p, file);
    Project q;
    try {
        q = loadProject(file);
    } catch (const ProjectError &e) {
        QFAIL(e.what());
    }
    QVERIFY(q.normalizer.has_value());
    QVERIFY(sameBits(Matrix(q.normalizer->offset), Matrix(p.normalizer->offset)));
    QVERIFY(sameBits(Matrix(q.normalizer->scale), Matrix(p.normalizer->scale)));
    QCOMPARE(q.weights.size(), p.weights.size());
    for (std::size_t i = 0; i < p.weights.size(); ++i)
        QVERIFY(std::memcmp(q.weights[i].values.data(), p.weights[i].values.data(),
                            p.weights[i].values.size() * sizeof(float)) == 0);

    // What the reader cannot read is not written: a non-finite normaliser value used to become `null`.
    p.normalizer->offset(2) = std::numeric_limits<Scalar>::infinity();
    const std::filesystem::path other = dir.filePath("infinite.nnp").toStdString();
    try {
        saveProject(p, other);
        QFAIL("an infinite normaliser offset was saved");
    } catch (const ProjectError &e) {
        QVERIFY2(std::string(e.what()).find("normaliser") != std::string::npos, e.what());
    }
    QVERIFY(!std::filesystem::exists(other));
}

void TestProject::roundTripIsLossless()
{
    Project p = spiralProject();
    const PreparedData data = prepareData(p, {});
    Network net = Network::build(p.graph, p.training.seed);
    Trainer trainer(net, p.training, data.train, data.validation);
    trainer.run();
    p.history = trainer.history();
    p.history.push_back(
        {5, std::nan(""), HUGE_VAL, -HUGE_VAL, std::nullopt, 1e-300, std::nullopt, std::nullopt}); // diverged
    storeTrainedModel(p, net, data);
    const Matrix before = net.predict(data.test.x);

    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("p.nnp").toStdString();
    saveProject(p, file);
    const Project q = loadProject(file);

    QCOMPARE(q.name, p.name);
    QCOMPARE(q.description, p.description);
    QVERIFY(q.graph == p.graph);
    QVERIFY(q.data == p.data);
    QVERIFY(q.preprocessing == p.preprocessing);
    QVERIFY(q.training == p.training);
    QVERIFY(q.expect == p.expect);
    QVERIFY(sameHistory(q.history, p.history));
    QCOMPARE(q.weights.size(), p.weights.size());
    for (std::size_t i = 0; i < p.weights.size(); ++i) {
        QCOMPARE(q.weights[i].node, p.weights[i].node);
        QCOMPARE(q.weights[i].name, p.weights[i].name);
        QVERIFY(std::memcmp(q.weights[i].values.data(), p.weights[i].values.data(),
                            p.weights[i].values.size() * sizeof(float)) == 0);
    }
    QVERIFY(q.normalizer.has_value());
    QVERIFY(sameBits(Matrix(q.normalizer->offset), Matrix(p.normalizer->offset)));
    QVERIFY(sameBits(Matrix(q.normalizer->scale), Matrix(p.normalizer->scale)));

    // Same predictions, bit for bit, from a network rebuilt with another seed and the loaded weights.
    Network again = Network::build(q.graph, 999);
    restoreWeights(q, again);
    const PreparedData reloaded = prepareData(q, {}, &*q.normalizer);
    QVERIFY(sameBits(reloaded.test.x, data.test.x));
    QVERIFY(sameBits(again.predict(reloaded.test.x), before));
}

void TestProject::csvRoundTripKeepsSchemaAndPredictions()
{
    const std::filesystem::path samples = std::filesystem::path(NNP_SOURCE_DIR) / "samples";
    Project p = loadProject(samples / "penguins.nnp");
    p.training.epochs = 2;
    const PreparedData data = prepareData(p, samples);
    QVERIFY(data.csvSchema.has_value());
    Network net = Network::build(p.graph, p.training.seed);
    Trainer trainer(net, p.training, data.train, data.validation);
    trainer.run();
    storeTrainedModel(p, net, data);
    p.history = trainer.history();

    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("penguins.nnp").toStdString();
    rebaseDataPaths(p, samples, file.parent_path());
    saveProject(p, file);
    const Project q = loadProject(file);
    QVERIFY(q.csvSchema.has_value());
    QCOMPARE(q.csvSchema->features.size(), data.csvSchema->features.size());
    for (std::size_t i = 0; i < q.csvSchema->features.size(); ++i) {
        QCOMPARE(q.csvSchema->features[i].name, data.csvSchema->features[i].name);
        QCOMPARE(q.csvSchema->features[i].categorical, data.csvSchema->features[i].categorical);
        QVERIFY(q.csvSchema->features[i].categories == data.csvSchema->features[i].categories);
    }
    QVERIFY(q.csvSchema->target.categories == data.csvSchema->target.categories);
    QCOMPARE(q.csvSchema->delimiter, data.csvSchema->delimiter);
    QVERIFY(sameHistory(q.history, p.history));

    Network again = Network::build(q.graph, 5);
    restoreWeights(q, again);
    const PreparedData reloaded = prepareData(q, file.parent_path(), &*q.normalizer);
    QVERIFY(sameBits(again.predict(reloaded.test.x), net.predict(data.test.x)));
}

void TestProject::versionOneFixture()
{
    // Written by version 1 and committed: every later build must read it to the same values.
    const std::filesystem::path file =
        std::filesystem::path(NNP_SOURCE_DIR) / "tests/io/fixtures/v1_circle.nnp";
    const Project p = loadProject(file);
    QCOMPARE(p.name, std::string("v1 fixture"));
    QCOMPARE(p.graph.nodes.size(), std::size_t(4));
    QCOMPARE(p.graph.nodes[1].name, std::string("hidden_1"));
    QCOMPARE(p.graph.nodes[1].options.get(opt::dense::units), 4);
    QVERIFY(p.graph.nodes[1].options.get(opt::activation) == ActivationKind::Tanh);
    QVERIFY(p.graph.nodes[3].options.get(opt::activation) == ActivationKind::Sigmoid);
    QCOMPARE(p.graph.nodes[2].x, 480.0);
    QCOMPARE(p.graph.edges.size(), std::size_t(3));
    QVERIFY(p.data.kind == DataSourceKind::Generator);
    QVERIFY(p.data.generator.kind == GeneratorKind::Circle);
    QCOMPARE(p.data.generator.samples, 200);
    QCOMPARE(p.data.generator.noise, 0.05);
    QVERIFY(p.data.features.x1 && p.data.features.x2 && p.data.features.x1Squared && !p.data.features.sinX1);
    QVERIFY(p.preprocessing.normalization == NormalizationKind::ZScore);
    QCOMPARE(p.preprocessing.split.test, 0.25);
    QVERIFY(p.training.loss.kind == LossKind::BinaryCrossEntropy);
    QVERIFY(p.training.optimizer.kind == OptimizerKind::Adam);
    QCOMPARE(p.training.optimizer.learningRate, 0.02);
    QVERIFY(p.training.schedule.kind == ScheduleKind::Cosine);
    QCOMPARE(p.training.batchSize, 8);
    QCOMPARE(p.training.epochs, 3);
    QCOMPARE(p.training.seed, std::uint64_t(11));
    QVERIFY(p.expect && p.expect->metric == ExpectMetric::Accuracy && p.expect->min == 0.5);
    QCOMPARE(p.history.size(), std::size_t(3));
    QCOMPARE(p.history[2].epoch, 3);
    QCOMPARE(p.weights.size(), std::size_t(6));
    QCOMPARE(p.weights[0].rows, 4);
    QCOMPARE(p.weights[0].cols, 3);
    QVERIFY(p.normalizer && p.normalizer->offset.size() == 3);

    // The fixture's weights and history are what training its own settings produces: the format and the
    // training core both still agree with the file.
    Project retrained = p;
    const PreparedData data = prepareData(retrained, {});
    Network net = Network::build(retrained.graph, retrained.training.seed);
    Trainer trainer(net, retrained.training, data.train, data.validation);
    trainer.run();
    storeTrainedModel(retrained, net, data);
    for (std::size_t i = 0; i < p.weights.size(); ++i)
        for (std::size_t k = 0; k < p.weights[i].values.size(); ++k)
            QVERIFY2(std::abs(p.weights[i].values[k] - retrained.weights[i].values[k]) < 1e-3f,
                     qPrintable(QString::fromStdString(p.weights[i].name)));
    QVERIFY(std::abs(p.history[2].trainLoss - trainer.history()[2].trainLoss) < 1e-3);

    // Writing it again gives the same text, but for the version (version 2 changed how IDX images load) and
    // the Input's "values" option (real numbers or ids), which version 2 added and writes.
    std::string v1 = readText(file);
    const std::size_t at = v1.find("\"version\": 1,");
    QVERIFY(at != std::string::npos);
    v1.replace(at, 13, "\"version\": 2,");
    const std::string shape = "\"shape\": [\n            3\n          ]";
    const std::size_t input = v1.find(shape);
    QVERIFY(input != std::string::npos);
    v1.insert(input + shape.size(), ",\n          \"values\": \"real\"");
    QCOMPARE(projectToText(p), v1);
}

void TestProject::savedTextIsStableAndMinimal()
{
    const Project p = spiralProject();
    const std::string text = projectToText(p);
    QVERIFY(text.find("\"format\": \"nnp\"") != std::string::npos);
    QVERIFY(text.find("\"version\": 2") != std::string::npos);
    QVERIFY(text.find("\"trained\"") == std::string::npos); // untrained: no weights section
    QCOMPARE(projectToText(parseProject(text)), text);
    // Options a kind does not use are left out when they have their defaults.
    const Project q = parseProject(text);
    QVERIFY(q.graph == p.graph);
    QVERIFY(text.find("\"rate\": 0.1") != std::string::npos);
    QCOMPARE(std::count(text.begin(), text.end(), '\n') < 200, true);
}

void TestProject::saveIsAtomic()
{
    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("a.nnp").toStdString();
    {
        std::ofstream(file) << "old contents";
    }
    Project p = spiralProject();
    saveProject(p, file);
    QCOMPARE(loadProject(file).name, p.name);
    // Only the project is left: the temporary file was renamed over it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    // A folder that does not exist: an error naming the file, and the old file elsewhere is untouched.
    const std::filesystem::path missing = dir.filePath("no/such/dir/b.nnp").toStdString();
    try {
        saveProject(p, missing);
        QFAIL("saving into a missing folder must throw");
    } catch (const ProjectError &e) {
        QVERIFY(std::string(e.what()).find("b.nnp") != std::string::npos);
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
    // Issue 13 (7): a rename that fails (here onto a folder) says why; it used to say "(Success)", the
    // message of the clean-up that followed it.
    const std::filesystem::path folder = dir.filePath("folder.nnp").toStdString();
    std::filesystem::create_directory(folder);
    try {
        saveProject(p, folder);
        QFAIL("saving over a folder must throw");
    } catch (const ProjectError &e) {
        const std::string what = e.what();
        QVERIFY2(what.find("Success") == std::string::npos, e.what());
        QVERIFY2(what.find(std::make_error_code(std::errc::is_a_directory).message()) != std::string::npos,
                 e.what());
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

void TestProject::saveDropsStaleWeights()
{
    Project p = spiralProject();
    Network net = Network::build(p.graph, 1);
    storeWeights(p, net, Normalizer{});
    QVERIFY(checkWeightsAgainstGraph(p).empty());
    p.graph.nodes[1].options.set(opt::dense::units, 9); // edited after training
    const std::string problem = checkWeightsAgainstGraph(p);
    QVERIFY2(problem.find("needs 9 x 7") != std::string::npos, problem.c_str());
    QTemporaryDir dir;
    const std::filesystem::path file = dir.filePath("stale.nnp").toStdString();
    saveProject(p, file);
    const Project q = loadProject(file);
    QVERIFY(q.weights.empty());
    QCOMPARE(q.graph.nodes[1].options.get(opt::dense::units), 9);
}

void TestProject::expectedTensorsMatchTheNetwork()
{
    // checkWeightsAgainstGraph predicts the tensors from shapes alone; it must agree with what the layers
    // really hold, for every parameterised kind.
    Project p = spiralProject();
    Network net = Network::build(p.graph, 3);
    storeWeights(p, net, Normalizer{});
    QCOMPARE(p.weights.size(), std::size_t(2 + 4 + 1)); // dense w+b, batch norm 4, dense without bias
    QVERIFY2(checkWeightsAgainstGraph(p).empty(), checkWeightsAgainstGraph(p).c_str());
    Project missing = p;
    missing.weights.pop_back();
    QVERIFY(checkWeightsAgainstGraph(missing).find("is missing") != std::string::npos);
    Project extra = p;
    extra.weights.push_back(extra.weights.front());
    extra.weights.back().name = "gamma";
    QVERIFY(checkWeightsAgainstGraph(extra).find("does not belong") != std::string::npos);
    Project wrongRestore = p;
    wrongRestore.weights[0].rows = 7;
    wrongRestore.weights[0].cols = 8;
    Network other = Network::build(p.graph, 4);
    const Matrix beforeOut = other.predict(Matrix::Ones(7, 3));
    QVERIFY_THROWS_EXCEPTION(ProjectError, restoreWeights(wrongRestore, other));
    QVERIFY(sameBits(other.predict(Matrix::Ones(7, 3)), beforeOut)); // untouched after the failure
}

void TestProject::prepareFitsNormaliserOnTrainingSplitOnly()
{
    Project p = spiralProject();
    const PreparedData d = prepareData(p, {});
    const Normalizer expected = Normalizer::fit(NormalizationKind::ZScore, d.full.x, d.split.train);
    QVERIFY(sameBits(Matrix(d.normalizer.offset), Matrix(expected.offset)));
    const Normalizer all = Normalizer::fit(NormalizationKind::ZScore, d.full.x);
    QVERIFY(!sameBits(Matrix(d.normalizer.offset), Matrix(all.offset)));
    QCOMPARE(d.train.x.cols() + d.validation.x.cols() + d.test.x.cols(), Eigen::Index(d.full.size()));
    QCOMPARE(d.train.x.rows(), Eigen::Index(7));
    // BCE with one output: class indices in one row, as classTargets gives them.
    QCOMPARE(d.train.y.rows(), Eigen::Index(1));
    std::vector<int> labels;
    for (int i : d.split.train)
        labels.push_back(d.full.labels[static_cast<std::size_t>(i)]);
    QVERIFY(sameBits(d.train.y, classTargets(LossKind::BinaryCrossEntropy, labels, 2)));
    // Normalised training inputs have mean 0 per feature.
    QVERIFY(d.train.x.rowwise().mean().cwiseAbs().maxCoeff() < 1e-4f);
}

void TestProject::prepareUsesSeparateIdxTestFiles()
{
    const std::filesystem::path samples = std::filesystem::path(NNP_SOURCE_DIR) / "samples";
    const Project p = loadProject(samples / "mnist_subset.nnp");
    const PreparedData d = prepareData(p, samples);
    QCOMPARE(d.test.x.cols(), Eigen::Index(1000));
    QCOMPARE(d.train.x.cols() + d.validation.x.cols(), Eigen::Index(6000));
    QVERIFY(d.split.test.empty());
    QCOMPARE(d.train.x.rows(), Eigen::Index(784));
}

void TestProject::idxPixelScalingIsExplicit()
{
    // IDX images load as raw 0–255 values; the project's "pixels" normalisation scales them to 0–1, and the
    // stored normaliser (which every export carries) holds the 1/255.
    const std::filesystem::path samples = std::filesystem::path(NNP_SOURCE_DIR) / "samples";
    Project p = loadProject(samples / "mnist_subset.nnp");
    QVERIFY(p.preprocessing.normalization == NormalizationKind::Pixels);
    const PreparedData d = prepareData(p, samples);
    QCOMPARE(d.full.x.maxCoeff(), Scalar(255));
    QCOMPARE(d.train.x.maxCoeff(), Scalar(1));
    QCOMPARE(d.normalizer.scale(100), Scalar(1.0 / 255.0));

    // A version 1 file meant the same with "none" (its loader divided by 255): it is read as "pixels", and a
    // stored identity normaliser becomes the scaling, so its trained weights keep their inputs.
    Network net = Network::build(p.graph, 1);
    storeWeights(p, net, Normalizer{});
    p.preprocessing.normalization = NormalizationKind::None;
    std::string text = projectToText(p);
    const std::size_t at = text.find("\"version\": 2,");
    QVERIFY(at != std::string::npos);
    const Project v2None = parseProject(text);
    QVERIFY(v2None.preprocessing.normalization ==
            NormalizationKind::None); // raw pixels stay raw in version 2
    text.replace(at, 13, "\"version\": 1,");
    const Project v1 = parseProject(text);
    QVERIFY(v1.preprocessing.normalization == NormalizationKind::Pixels);
    QVERIFY(v1.normalizer && v1.normalizer->kind == NormalizationKind::Pixels);
    QCOMPARE(v1.normalizer->scale.size(), Eigen::Index(784));
    const Matrix raw = d.full.x.leftCols(3);
    QCOMPARE(networkInputs(v1, &*v1.normalizer, raw), networkInputs(p, &d.normalizer, raw));
    QCOMPARE(networkInputs(v1, &*v1.normalizer, raw).maxCoeff(), Scalar(1));
}

void TestProject::prepareRejectsDataThatDoesNotFit()
{
    Project p = spiralProject();
    p.data.features = FeatureConfig{}; // x1, x2 only: the network takes 7
    try {
        (void)prepareData(p, {});
        QFAIL("7 inputs and 2 features must not fit");
    } catch (const std::invalid_argument &e) {
        QVERIFY2(std::string(e.what()).find("takes 7 inputs") != std::string::npos, e.what());
    }
    Project r = spiralProject();
    r.data.generator.kind = GeneratorKind::Plane; // regression data, BCE loss
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, (void)prepareData(r, {}));
}

void TestProject::rebasedPathsStillFindTheData()
{
    Project p;
    p.data.kind = DataSourceKind::Csv;
    p.data.path = "datasets/iris/iris.csv";
    rebaseDataPaths(p, "/a/samples", "/a/samples/sub");
    QCOMPARE(p.data.path, std::string("/a/samples/datasets/iris/iris.csv"));
    p.data.path = "sub/x.csv";
    rebaseDataPaths(p, "/a", "/a/sub");
    QCOMPARE(p.data.path, std::string("x.csv"));
    p.data.path = "/abs/x.csv";
    rebaseDataPaths(p, "/a", "/b");
    QCOMPARE(p.data.path, std::string("/abs/x.csv"));
}

void TestProject::networkInputsAreTheTrainingPipeline()
{
    // Raw plane points through networkInputs give exactly what training fed the network (engineered
    // features, then the z-score fitted on the training split), so the boundary grid, the probe and
    // `nnp predict` see inputs as training did.
    Project p;
    p.data.kind = DataSourceKind::Generator;
    p.data.generator = {GeneratorKind::Spiral, 120, 0.1, 4};
    p.data.features.x1Squared = p.data.features.sinX2 = p.data.features.x1x2 = true;
    p.preprocessing.normalization = NormalizationKind::ZScore;
    p.preprocessing.split.test = 0.25;
    p.graph = makeMlp(5, {4}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    const PreparedData d = prepareData(p, ".");
    QVERIFY(!d.normalizer.isIdentity());
    const Matrix raw = generate(p.data.generator).x(Eigen::all, d.split.train);
    const Matrix x = networkInputs(p, &d.normalizer, raw);
    QCOMPARE(x.rows(), Eigen::Index(5));
    QCOMPARE(x.cols(), d.train.x.cols());
    QVERIFY(((x - d.train.x).cwiseAbs().maxCoeff()) < 1e-5);
    // Without a normaliser only the features; a normaliser for other features is refused, not ignored.
    const Matrix features =
        withFeatures(generate(p.data.generator), p.data.features).x(Eigen::all, d.split.train);
    QCOMPARE(((networkInputs(p, nullptr, raw) - features).cwiseAbs().maxCoeff()), Scalar(0));
    p.data.features = {};
    QVERIFY_THROWS_EXCEPTION(std::invalid_argument, networkInputs(p, &d.normalizer, raw));
}

void TestProject::projectRunContinuesStoredWeightsWhenTheyFit()
{
    // The one way the CLI and the app build a run: from the seed, or from the stored trained weights when
    // they still fit the graph and the data.
    Project p;
    p.data.kind = DataSourceKind::Generator;
    p.data.generator = {GeneratorKind::Xor, 200, 0.0, 2};
    p.preprocessing.normalization = NormalizationKind::ZScore;
    p.preprocessing.split.test = 0.2;
    p.graph = makeMlp(2, {6}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.epochs = 3;
    Matrix trainedOut;
    {
        ProjectRun run(p, ".", ProjectRun::Start::Seed);
        QVERIFY(!run.restored());
        run.trainer().run();
        p.history = run.trainer().history();
        storeTrainedModel(p, run.network(), run.data());
        trainedOut = run.network().predict(run.data().test.x);
    }
    ProjectRun continued(p, ".", ProjectRun::Start::StoredWeights);
    QVERIFY(continued.restored());
    QCOMPARE(continued.epochOffset(), 3);
    QCOMPARE(continued.network().predict(continued.data().test.x), trainedOut);
    ProjectRun fresh(p, ".", ProjectRun::Start::Seed);
    QVERIFY(!fresh.restored());
    QCOMPARE(fresh.epochOffset(), 0);
    QVERIFY(fresh.network().predict(fresh.data().test.x) != trainedOut);

    Project edited = p; // another hidden width: the stored weights no longer fit, the run starts afresh
    edited.graph = makeMlp(2, {5}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    QVERIFY(!ProjectRun(edited, ".", ProjectRun::Start::StoredWeights).restored());
    edited = p; // two more input features (and a network for them): neither weights nor normaliser fit
    edited.data.features.x1Squared = edited.data.features.x2Squared = true;
    edited.graph = makeMlp(4, {6}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    QVERIFY(!ProjectRun(edited, ".", ProjectRun::Start::StoredWeights).restored());
}

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
