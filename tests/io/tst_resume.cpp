// Continuing a stored run (issue 13): the optimizer's moments and step, the schedule's epoch, the position
// inside an epoch and Dropout's random streams are saved with the weights (project version 3), so N steps,
// save, load, M steps give the weights of N + M steps in one go, to the bit. The reader refuses a malformed
// training state with a message naming where it is; projects without one (version 2) still load and continue
// as before. Float core.
#include "io/base64.h"
#include "io/project.h"
#include "io/project_run.h"
#include "layers/simple_layers.h"

#include <QtTest>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <limits>

using namespace nnp;

namespace {

const std::filesystem::path kSamples = NNP_SOURCE_DIR "/samples";

/// The circle sample with Adam, a learning rate that halves every epoch (the schedule must continue too),
/// batches that leave a short one at the end of each epoch, and a validation split.
Project resumeProject()
{
    Project p = loadProject(kSamples / "circle.nnp");
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.optimizer.learningRate = 0.02;
    p.training.schedule.kind = ScheduleKind::StepDecay;
    p.training.schedule.stepEpochs = 1;
    p.training.schedule.gamma = 0.5;
    p.training.batchSize = 16;
    p.training.epochs = 50;
    p.preprocessing.split.validation = 0.2;
    return p;
}

/// resumeProject with a Dropout (rate 0.3) after the first hidden layer: its random stream must continue.
Project dropoutProject()
{
    Project p = resumeProject();
    GraphSpec &g = p.graph;
    const EdgeSpec first = g.outputsOf(g.outputsOf(g.nodes.front().id).front().to).front();
    g.edges.erase(std::find(g.edges.begin(), g.edges.end(), first));
    LayerOptions o;
    o.set(opt::dropout::rate, 0.3);
    const NodeId drop = g.addNode(LayerKind::Dropout, "drop", o);
    g.connect(first.from, drop);
    g.connect(drop, first.to, first.port);
    return p;
}

std::vector<Matrix> parameters(ProjectRun &run)
{
    std::vector<Matrix> out;
    for (const auto &list : {run.network().parameters(), run.network().state()})
        for (const NodeParam &p : list)
            out.push_back(*p.ref.value);
    return out;
}

bool bitIdentical(const std::vector<Matrix> &a, const std::vector<Matrix> &b)
{
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].rows() != b[i].rows() || a[i].cols() != b[i].cols() ||
            std::memcmp(a[i].data(), b[i].data(), sizeof(Scalar) * std::size_t(a[i].size())) != 0)
            return false;
    return true;
}

/// Trains `n` steps from the seed, stores the run into the project and writes it as a file's text.
std::string trainAndStore(Project p, int n)
{
    ProjectRun run(p, kSamples, ProjectRun::Start::Seed);
    for (int i = 0; i < n; ++i)
        run.trainer().runBatch();
    p.history = run.trainer().history();
    run.store(p);
    return projectToText(p);
}

/// A stored run's text with one line of its training state replaced.
std::string withStateLine(const std::string &text, const std::string &key, const std::string &value)
{
    const std::string needle = "\"" + key + "\": ";
    const auto at = text.find(needle, text.find("\"run_state\""));
    if (at == std::string::npos) return {};
    const auto end = text.find_first_of(",\n", at);
    return text.substr(0, at + needle.size()) + value + text.substr(end);
}

} // namespace

class TestResume : public QObject {
    Q_OBJECT
private slots:
    void continuingIsTheSameAsNeverStopping_data()
    {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("then");
        // 150 training samples (half for test, a fifth for validation) at 16: 10 batches per epoch, the last
        // one of 6.
        QTest::newRow("inside an epoch") << 23 << 41;
        QTest::newRow("at an epoch's end") << 30 << 20;
        QTest::newRow("after the first step") << 1 << 17;
        QTest::newRow("with Dropout, inside an epoch") << 23 << 41;
        QTest::newRow("with Dropout, at an epoch's end") << 30 << 20;
    }

    void continuingIsTheSameAsNeverStopping()
    {
        QFETCH(int, first);
        QFETCH(int, then);
        const bool dropout = QString::fromLatin1(QTest::currentDataTag()).contains("Dropout");
        const Project p = dropout ? dropoutProject() : resumeProject();
        ProjectRun straight(p, kSamples, ProjectRun::Start::Seed);
        for (int i = 0; i < first + then; ++i)
            straight.trainer().runBatch();

        const std::string text = trainAndStore(p, first);
        QCOMPARE(text.find("\"random\"") != std::string::npos, dropout); // Dropout's stream is stored
        QVERIFY(text.find("\"run_state\"") != std::string::npos);
        const Project stored = parseProject(text);
        QVERIFY(stored.trainerState);
        ProjectRun resumed(stored, kSamples, ProjectRun::Start::StoredWeights);
        QVERIFY(resumed.restored());
        QVERIFY(resumed.stateRestored());
        QCOMPARE(resumed.epochOffset(), 0);
        QCOMPARE(resumed.trainer().step(), first);
        for (int i = 0; i < then; ++i)
            resumed.trainer().runBatch();

        QVERIFY(bitIdentical(parameters(resumed), parameters(straight)));
        QCOMPARE(resumed.trainer().step(), straight.trainer().step());
        QCOMPARE(resumed.trainer().epoch(), straight.trainer().epoch());
        QCOMPARE(resumed.trainer().samplesSeen(), straight.trainer().samplesSeen());
        QCOMPARE(resumed.trainer().currentLearningRate(), straight.trainer().currentLearningRate());
        // The epochs that ended after the resume have the records of the straight run.
        const auto &all = straight.trainer().history();
        const auto &later = resumed.trainer().history();
        QVERIFY(later.size() <= all.size());
        for (std::size_t i = 0; i < later.size(); ++i) {
            const EpochRecord &a = all[all.size() - later.size() + i], &b = later[i];
            QCOMPARE(b.epoch, a.epoch);
            QCOMPARE(b.trainLoss, a.trainLoss);
            QCOMPARE(b.trainMetric, a.trainMetric);
            QCOMPARE(b.learningRate, a.learningRate);
            QVERIFY(b.valLoss && a.valLoss && *b.valLoss == *a.valLoss);
        }

        // The same file without its training state (a version-2 project) continues with a fresh optimizer
        // and the schedule from its start: not the same run, which is what the state is for.
        Project without = stored;
        without.trainerState.reset();
        ProjectRun fresh(without, kSamples, ProjectRun::Start::StoredWeights);
        QVERIFY(fresh.restored());
        QVERIFY(!fresh.stateRestored());
        for (int i = 0; i < then; ++i)
            fresh.trainer().runBatch();
        QVERIFY(!bitIdentical(parameters(fresh), parameters(straight)));
    }

    // Issue 13: Dropout's stream is part of the stored run; a damaged or misplaced one is refused.
    void dropoutStreamsAreCheckedOnLoad()
    {
        const Project p = dropoutProject();
        const std::string text = trainAndStore(p, 5);
        const Project stored = parseProject(text);
        QCOMPARE(stored.trainerState->random.size(), std::size_t(1));
        QVERIFY(stored.graph.find(stored.trainerState->random[0].node)->kind == LayerKind::Dropout);
        const auto at = text.find("\"state\": \"", text.find("\"random\""));
        QVERIFY(at != std::string::npos);
        std::string damaged = text;
        damaged.replace(at + 10, 3, "x y"); // not a generator state
        QVERIFY_THROWS_EXCEPTION(ProjectError, parseProject(damaged));
        Project moved = stored; // a stream for a node that is not a Dropout
        moved.trainerState->random[0].node = moved.graph.nodes.front().id;
        QVERIFY_THROWS_EXCEPTION(ProjectError, parseProject(projectToText(moved)));
    }

    void aSavedFileContinuesToo()
    {
        // Through a real file, as `nnp train` writes it and the app opens it.
        const Project p = resumeProject();
        QTemporaryDir dir;
        const std::filesystem::path file = dir.filePath(QStringLiteral("run.nnp")).toStdString();
        Project stored = parseProject(trainAndStore(p, 21));
        rebaseDataPaths(stored, kSamples, file.parent_path());
        saveProject(stored, file);
        const Project loaded = loadProject(file);
        QVERIFY(loaded.trainerState == stored.trainerState);
        QVERIFY(loaded.trainerState->moments.size() == 6); // three Dense layers: weight and bias
        QCOMPARE(loaded.trainerState->optimizerSteps, 21);
        QCOMPARE(loaded.trainerState->epoch, 2); // 2 epochs of 10 batches, then one batch of 16 samples
        QVERIFY(loaded.trainerState->epochOpen);
        QCOMPARE(loaded.trainerState->position, 16);
    }

    void versionTwoProjectsStillLoad()
    {
        // Every sample is a version 1 or 2 file; none has a training state, all load.
        for (const auto &entry : std::filesystem::directory_iterator(kSamples)) {
            if (entry.path().extension() != ".nnp") continue;
            const Project p = loadProject(entry.path());
            QVERIFY2(!p.trainerState, entry.path().string().c_str());
        }
        // Version 3 only where the training state is: others stay readable by version-2 readers.
        QVERIFY(projectToText(resumeProject()).find("\"version\": 2,") != std::string::npos);
        QVERIFY(trainAndStore(resumeProject(), 3).find("\"version\": 3,") != std::string::npos);
    }

    void malformedStateIsRefused_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected"); // in the message, besides the JSON path
        QTest::newRow("negative step") << "step"
                                       << "-3"
                                       << "non-negative integer";
        QTest::newRow("epoch as text") << "epoch"
                                       << "\"two\""
                                       << "integer";
        QTest::newRow("position outside an epoch") << "epoch_open"
                                                   << "false"
                                                   << "epoch_open";
        QTest::newRow("short moments") << "a"
                                       << "\"AAAAAAAAAAA=\""
                                       << "base64 characters";
        QTest::newRow("bad base64") << "b"
                                    << "CORRUPT"
                                    << "not valid base64";
        QTest::newRow("NaN moment") << "a"
                                    << "NAN"
                                    << "not a finite number";
        QTest::newRow("unknown tensor") << "name"
                                        << "\"kernel\""
                                        << "do not hold";
        QTest::newRow("wrong shape") << "rows"
                                     << "7"
                                     << "optimizer state is 7 x";
        QTest::newRow("more right than seen") << "epoch_correct"
                                              << "1000000"
                                              << "more samples right";
        QTest::newRow("loss sum NaN") << "epoch_loss_sum"
                                      << "\"NaN\""
                                      << "number";
    }

    void malformedStateIsRefused()
    {
        QFETCH(QString, key);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        const std::string good = trainAndStore(resumeProject(), 21);
        QVERIFY(parseProject(good).trainerState);
        std::string v = value.toStdString();
        if (v == "CORRUPT") { // the right length, one character outside the alphabet
            const std::string b = "\"b\": \"";
            const auto at = good.find(b, good.find("\"moments\"")) + b.size();
            v = "\"" + good.substr(at, good.find('"', at) - at) + "\"";
            v[3] = '*';
        }
        if (v == "NAN") { // a real float64 NaN, correctly encoded: the count fits, the value does not
            const Project p = parseProject(good);
            const std::size_t n = p.trainerState->moments.front().a.size();
            std::vector<double> values(n, 0.0);
            values[1] = std::numeric_limits<double>::quiet_NaN();
            std::string encoded;
            {
                Project q = p;
                q.trainerState->moments.front().a = values;
                // The writer refuses it; build the text by hand from the good one.
                const std::string a = "\"a\": \"";
                const auto at = good.find(a, good.find("\"moments\""));
                const auto end = good.find('"', at + a.size());
                std::vector<unsigned char> bytes;
                for (double d : values) {
                    std::uint64_t u;
                    std::memcpy(&u, &d, 8);
                    for (int b = 0; b < 8; ++b)
                        bytes.push_back(static_cast<unsigned char>(u >> (8 * b)));
                }
                encoded = good.substr(0, at + a.size()) + base64Encode(bytes) + good.substr(end);
                QVERIFY_THROWS_EXCEPTION(ProjectError, projectToText(q));
            }
            try {
                parseProject(encoded, "bad.nnp");
                QFAIL("a NaN in the optimizer state was accepted");
            } catch (const ProjectError &e) {
                QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
                QVERIFY2(QString::fromStdString(e.jsonPath()).startsWith("/trained/run_state/moments/0/a"),
                         e.what());
            }
            return;
        }
        const std::string bad = withStateLine(good, key.toStdString(), v);
        QVERIFY(!bad.empty());
        QVERIFY(bad != good);
        try {
            parseProject(bad, "bad.nnp");
            QFAIL(qPrintable(QStringLiteral("accepted %1: %2").arg(key, value)));
        } catch (const ProjectError &e) {
            const QString what = QString::fromStdString(e.what());
            QVERIFY2(what.contains(expected), e.what());
            QVERIFY2(what.contains(QStringLiteral("bad.nnp")), e.what());
            QVERIFY2(QString::fromStdString(e.jsonPath()).startsWith("/trained/run_state"), e.what());
        }
    }

    void stateWithoutWeightsIsRefused()
    {
        // A stray training state on an untrained project: the weights it belongs to are missing.
        const std::string good = trainAndStore(resumeProject(), 5);
        const auto start = good.find("\"weights\": [");
        const auto end = good.find("],\n", start);
        QVERIFY(start != std::string::npos && end != std::string::npos);
        const std::string bad = good.substr(0, start) + "\"weights\": [" + good.substr(end);
        QVERIFY_THROWS_EXCEPTION(ProjectError, parseProject(bad));
    }
};

QTEST_APPLESS_MAIN(TestResume)
#include "tst_resume.moc"
