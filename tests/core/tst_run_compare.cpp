// Runs side by side (issue 12): the rule that names what differs between two runs' settings, and the shelf of
// kept runs. Each case checks the codes and the values (and the English text, which is what the CLI would
// say).
#include "io/kept_runs.h"
#include "io/run_compare.h"
#include "layers/activations.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"

#include <QtTest>

using namespace nnp;

namespace {

/// Input(2) → Dense(w, act) per hidden width → Dense(1, sigmoid); ids 1, 2, 3 …
GraphSpec chain(const std::vector<int> &hidden, ActivationKind act = ActivationKind::Tanh)
{
    GraphSpec g;
    NodeId last =
        g.addNode(LayerKind::Input, "x", LayerOptions().set(opt::input::shape, std::vector<int>{2}));
    for (std::size_t i = 0; i < hidden.size(); ++i) {
        LayerOptions o;
        o.set(opt::dense::units, hidden[i]).set(opt::activation, act);
        const NodeId h = g.addNode(LayerKind::Dense, "hidden_" + std::to_string(i + 1), o);
        g.connect(last, h);
        last = h;
    }
    LayerOptions out;
    out.set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid);
    g.connect(last, g.addNode(LayerKind::Dense, "output", out));
    return g;
}

Project project(const std::vector<int> &hidden = {4})
{
    Project p;
    p.graph = chain(hidden);
    p.data.kind = DataSourceKind::Generator;
    p.data.generator.kind = GeneratorKind::Spiral;
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.optimizer.kind = OptimizerKind::SGD;
    p.training.optimizer.learningRate = 0.03;
    p.training.batchSize = 32;
    return p;
}

QStringList texts(const std::vector<RunDifference> &d)
{
    QStringList r;
    for (const RunDifference &x : d)
        r << QString::fromStdString(x.english());
    return r;
}

std::vector<RunChange> codes(const std::vector<RunDifference> &d)
{
    std::vector<RunChange> r;
    for (const RunDifference &x : d)
        r.push_back(x.code);
    return r;
}

NodeSpec &node(Project &p, const std::string &name)
{
    for (NodeSpec &n : p.graph.nodes)
        if (n.name == name) return n;
    throw std::logic_error("no node " + name);
}

/// Inserts Dropout(rate) between hidden_1 and the output.
void addDropout(Project &p, double rate)
{
    const NodeId h = node(p, "hidden_1").id, out = node(p, "output").id;
    std::erase_if(p.graph.edges, [&](const EdgeSpec &e) { return e.from == h && e.to == out; });
    const NodeId d =
        p.graph.addNode(LayerKind::Dropout, "dropout", LayerOptions().set(opt::dropout::rate, rate));
    p.graph.connect(h, d);
    p.graph.connect(d, out);
}

/// Inserts Dense(units, tanh) after the node `after`, as the editor does (a new id, the wires moved).
void insertDense(Project &p, const std::string &after, int units)
{
    const NodeId from = node(p, after).id;
    LayerOptions o;
    o.set(opt::dense::units, units).set(opt::activation, ActivationKind::Tanh);
    const NodeId d = p.graph.addNode(LayerKind::Dense, "inserted", o);
    for (EdgeSpec &e : p.graph.edges)
        if (e.from == from) e.from = d;
    p.graph.connect(from, d);
}

/// Removes a node with one input and one output, wiring its input to its output.
void removeNode(Project &p, const std::string &name)
{
    const NodeId id = node(p, name).id;
    const NodeId in = p.graph.inputsOf(id).front().from;
    for (EdgeSpec &e : p.graph.edges)
        if (e.from == id) e.from = in;
    std::erase_if(p.graph.edges, [&](const EdgeSpec &e) { return e.to == id; });
    std::erase_if(p.graph.nodes, [&](const NodeSpec &n) { return n.id == id; });
}

} // namespace

class TestRunCompare : public QObject {
    Q_OBJECT
private slots:
    void sameSettingsDifferInNothing()
    {
        Project a = project(), b = project();
        // Layout, names, trained weights and the history do not change what a run learns.
        node(b, "hidden_1").x += 300;
        node(b, "hidden_1").name = "renamed";
        b.weights.push_back({1, "weight", 1, 1, {1.0f}});
        b.history.push_back({});
        b.name = "another name";
        QVERIFY(settingsDifferences(a, b).empty());
    }

    void optimizer()
    {
        Project a = project(), b = project();
        b.training.optimizer.kind = OptimizerKind::Adam;
        const auto d = settingsDifferences(a, b);
        QCOMPARE(codes(d), std::vector<RunChange>{RunChange::Optimizer});
        QCOMPARE(d[0].args.size(), 2u);
        QCOMPARE(d[0].args[0].text, std::string("SGD"));
        QCOMPARE(d[0].args[1].text, std::string("Adam"));
        QCOMPARE(texts(d), QStringList{"SGD → Adam"});
        // Momentum matters to SGD only: Adam with another momentum value is the same run.
        b.training.optimizer.momentum = 0.9;
        QCOMPARE(texts(settingsDifferences(a, b)), QStringList{"SGD → Adam"});
    }

    void optimizerComesBeforeLearningRate()
    {
        Project a = project(), b = project();
        b.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        b.training.optimizer.learningRate = 0.001;
        QCOMPARE(texts(settingsDifferences(a, b)), (QStringList{"SGD → Adam", "lr 0.03 → 0.001"}));
    }

    void trainingSettings_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("code");
        QTest::newRow("lr") << 0 << "lr 0.03 → 0.3" << int(RunChange::LearningRate);
        QTest::newRow("batch") << 1 << "batch 32 → 8" << int(RunChange::BatchSize);
        QTest::newRow("epochs") << 2 << "epochs 100 → 300" << int(RunChange::Epochs);
        QTest::newRow("momentum") << 3 << "momentum 0 → 0.9" << int(RunChange::Momentum);
        QTest::newRow("loss") << 4 << "loss binary cross-entropy → MSE" << int(RunChange::Loss);
        QTest::newRow("seed") << 5 << "seed 1 → 7" << int(RunChange::Seed);
        QTest::newRow("schedule") << 6 << "schedule constant → cosine" << int(RunChange::Schedule);
        QTest::newRow("small lr") << 7 << "lr 0.03 → 1e-05" << int(RunChange::LearningRate);
    }
    void trainingSettings()
    {
        QFETCH(int, which);
        QFETCH(QString, text);
        QFETCH(int, code);
        Project a = project(), b = project();
        TrainingConfig &t = b.training;
        switch (which) {
        case 0:
            t.optimizer.learningRate = 0.3;
            break;
        case 1:
            t.batchSize = 8;
            break;
        case 2:
            t.epochs = 300;
            break;
        case 3:
            t.optimizer.momentum = 0.9;
            break;
        case 4:
            t.loss.kind = LossKind::MSE;
            break;
        case 5:
            t.seed = 7;
            break;
        case 6:
            t.schedule.kind = ScheduleKind::Cosine;
            break;
        case 7:
            t.optimizer.learningRate = 1e-5;
            break;
        }
        const auto d = settingsDifferences(a, b);
        QCOMPARE(texts(d), QStringList{text});
        QCOMPARE(int(d[0].code), code);
    }

    void hiddenWidthsNameTheShape()
    {
        QCOMPARE(hiddenWidths(chain({8, 8, 8})), std::string("8-8-8"));
        QCOMPARE(hiddenWidths(chain({})), std::string());
        Project a = project({4}), b = project({8});
        auto d = settingsDifferences(a, b);
        QCOMPARE(texts(d), QStringList{"hidden 4 → 8"});
        QVERIFY(d[0].code == RunChange::Hidden);
        // A layer more is the same rule, and nothing else is reported for the new Dense.
        // Layers are matched by id (the editor keeps them): a layer inserted is the same rule, and nothing
        // else is reported for the new Dense.
        Project wider = project({4});
        insertDense(wider, "hidden_1", 2);
        QCOMPARE(texts(settingsDifferences(project({4}), wider)), QStringList{"hidden 4 → 4-2"});
        Project none = project({4});
        removeNode(none, "hidden_1");
        QCOMPARE(texts(settingsDifferences(project({4}), none)), QStringList{"hidden 4 → none"});
        // The output's width is not a hidden layer's.
        Project c = project({4});
        node(c, "output").options.set(opt::dense::units, 2);
        d = settingsDifferences(project({4}), c);
        QCOMPARE(codes(d), std::vector<RunChange>{RunChange::LayerOption});
        QVERIFY(d[0].args[0].kind == DiagnosticArg::Kind::Node);
        QCOMPARE(d[0].args[0].text, std::string("output"));
        QCOMPARE(texts(d), QStringList{"Dense 'output': Units 1 → 2"});
    }

    void activationOfSeveralLayersIsOneDifference()
    {
        Project a = project({8, 8}), b = project({8, 8});
        node(b, "hidden_1").options.set(opt::activation, ActivationKind::ReLU);
        node(b, "hidden_2").options.set(opt::activation, ActivationKind::ReLU);
        auto d = settingsDifferences(a, b);
        QCOMPARE(texts(d), QStringList{"activation tanh → relu"});
        QVERIFY(d[0].code == RunChange::Activation);
        // Changed differently: one difference per layer, each naming it.
        node(b, "hidden_2").options.set(opt::activation, ActivationKind::Sigmoid);
        d = settingsDifferences(a, b);
        QCOMPARE(texts(d), (QStringList{"Dense 'hidden_1': activation tanh → relu",
                                        "Dense 'hidden_2': activation tanh → sigmoid"}));
    }

    void regularisation()
    {
        Project a = project({8, 8}), b = project({8, 8});
        for (const char *n : {"hidden_1", "hidden_2", "output"})
            node(b, n).options.set(opt::dense::l2, 0.001);
        auto d = settingsDifferences(a, b);
        QCOMPARE(texts(d), QStringList{"L2 0 → 0.001"});
        QVERIFY(d[0].code == RunChange::L2);
        node(b, "output").options.set(opt::dense::l1, 0.01);
        d = settingsDifferences(a, b);
        QCOMPARE(texts(d), (QStringList{"L1 0 → 0.01", "L2 0 → 0.001"}));
    }

    void dropout()
    {
        Project a = project(), b = project();
        addDropout(b, 0.5);
        auto d = settingsDifferences(a, b);
        QCOMPARE(texts(d), QStringList{"dropout 0.5"});
        QVERIFY(d[0].code == RunChange::Dropout);
        QCOMPARE(texts(settingsDifferences(b, a)), QStringList{"no dropout (was 0.5)"});
        Project c = project();
        addDropout(c, 0.2);
        QCOMPARE(texts(settingsDifferences(c, b)), QStringList{"dropout 0.2 → 0.5"});
    }

    void otherLayersAddedOrRemoved()
    {
        Project a = project(), b = project();
        const NodeId h = node(b, "hidden_1").id, out = node(b, "output").id;
        std::erase_if(b.graph.edges, [&](const EdgeSpec &e) { return e.from == h && e.to == out; });
        const NodeId bn = b.graph.addNode(LayerKind::BatchNorm, "bn");
        b.graph.connect(h, bn);
        b.graph.connect(bn, out);
        auto d = settingsDifferences(a, b);
        QCOMPARE(codes(d), std::vector<RunChange>{RunChange::LayerAdded});
        QVERIFY(d[0].args[0].layer == LayerKind::BatchNorm);
        QCOMPARE(texts(settingsDifferences(b, a)), QStringList{"− BatchNorm 'bn'"});
    }

    void data()
    {
        Project a = project(), b = project();
        b.data.generator.kind = GeneratorKind::Circle;
        b.data.generator.noise = 0.2;
        b.data.features.x1Squared = true;
        b.preprocessing.split.test = 0.5;
        b.preprocessing.normalization = NormalizationKind::ZScore;
        const auto d = settingsDifferences(a, b);
        QCOMPARE(codes(d), (std::vector<RunChange>{RunChange::Dataset, RunChange::Noise, RunChange::Features,
                                                   RunChange::Normalization, RunChange::TestSplit}));
        QCOMPARE(texts(d),
                 (QStringList{"data Spiral → Circle", "noise 0 % → 20 %", "inputs x₁, x₂ → x₁, x₂, x₁²",
                              "normalisation none → z-score", "test data 20 % → 50 %"}));
        // Names are phrases the UI translates, not values.
        QVERIFY(d[0].args[0].kind == DiagnosticArg::Kind::Phrase);
        Project csv = project();
        csv.data.kind = DataSourceKind::Csv;
        csv.data.path = "data/wine.csv";
        QCOMPARE(texts(settingsDifferences(a, csv)), QStringList{"data Spiral → wine.csv"});
    }

    void severalChangesInAFixedOrder()
    {
        Project a = project({4}), b = project({8});
        b.training.optimizer.kind = OptimizerKind::Adam;
        b.training.batchSize = 8;
        b.data.generator.noise = 0.1;
        addDropout(b, 0.5);
        QCOMPARE(texts(settingsDifferences(a, b)), (QStringList{"SGD → Adam", "batch 32 → 8", "hidden 4 → 8",
                                                                "dropout 0.5", "noise 0 % → 10 %"}));
    }

    void keptRunsKeepSixAndDropTheOldest()
    {
        KeptRuns<int> runs;
        QVERIFY(runs.reference() == nullptr);
        QVERIFY(runs.differencesFromReference(project()).empty());
        for (int i = 1; i <= 7; ++i) {
            Project p = project();
            p.training.optimizer.learningRate = 0.01 * i;
            p.weights.push_back({1, "weight", 1, 1, {1.0f}});
            p.history.push_back({});
            std::vector<EpochRecord> h(static_cast<std::size_t>(i));
            h.back().trainLoss = 1.0 / i;
            QCOMPARE(runs.keep(p, h, i * 10), i);
        }
        QCOMPARE(runs.size(), std::size_t(kMaxKeptRuns));
        QCOMPARE(runs.entries().front().record.number, 2); // run 1 was dropped
        QCOMPARE(runs.entries().front().picture, 20);      // with its picture
        QCOMPARE(runs.entries().back().record.history.size(), std::size_t(7));
        QCOMPARE(runs.entries().back().record.history.back().trainLoss, 1.0 / 7);
        // Settings only: the weights and the project's stored history are not kept.
        QVERIFY(runs.entries().back().record.settings.weights.empty());
        QVERIFY(runs.entries().back().record.settings.history.empty());
        // Labelled against the oldest kept run.
        QCOMPARE(runs.reference()->number, 2);
        QCOMPARE(texts(runs.differencesFromReference(runs.entries().back().record.settings)),
                 QStringList{"lr 0.02 → 0.07"});

        QVERIFY(runs.remove(2));
        QVERIFY(!runs.remove(2));
        QCOMPARE(runs.reference()->number, 3);
        QCOMPARE(runs.size(), std::size_t(5));
        QCOMPARE(runs.keep(project(), {}), 8); // numbers are not reused
        runs.clear();
        QVERIFY(runs.empty());
        QCOMPARE(runs.keep(project(), {}), 1);
    }
};

QTEST_APPLESS_MAIN(TestRunCompare)
#include "tst_run_compare.moc"
