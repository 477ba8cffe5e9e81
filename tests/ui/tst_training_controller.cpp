// The training controller and its worker thread: real training through the queued commands, snapshots,
// live changes, divergence, failures, stale runs, and a storm of commands (also run under TSan).
#include "i18n/memory_text.h"
#include "layers/dense.h"
#include "memory_budget.h"
#include "training/training_controller.h"
#include "training/training_session.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <memory>

using namespace nnp;

#if defined(__SANITIZE_THREAD__)
// Races TSan reports inside uninstrumented libraries, not in our code: glib's event dispatcher creates its
// wake-up eventfd on the worker thread and the GUI thread writes to it; QtTest's watchdog thread is torn down
// at exit. (Our own hand-overs are made visible by thread_handoff.h.)
extern "C" const char *__tsan_default_suppressions()
{
    return "race:libglib-2.0.so\nrace:libQt6Test.so\nrace:QWaitCondition::~QWaitCondition\n";
}
#endif

namespace {
Project xorProject()
{
    Project p;
    p.name = "xor";
    p.data.kind = DataSourceKind::Generator;
    p.data.generator = {GeneratorKind::Xor, 400, 0.0, 3};
    p.preprocessing.split.test = 0.25;
    p.preprocessing.normalization = NormalizationKind::ZScore;
    p.graph = makeMlp(2, {8}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.optimizer.learningRate = 0.02;
    p.training.batchSize = 10;
    p.training.epochs = 1000000; // runs until a test stops it
    p.training.seed = 5;
    return p;
}

/// A regression that a learning rate of 1e4 blows up within a few batches.
Project explodingProject()
{
    Project p;
    p.data.generator = {GeneratorKind::Plane, 200, 0.0, 1};
    p.preprocessing.split.test = 0.2;
    p.graph = makeMlp(2, {8}, 1, ActivationKind::ReLU, ActivationKind::Linear);
    p.training.loss.kind = LossKind::MSE;
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    p.training.optimizer.learningRate = 1e4;
    p.training.batchSize = 10;
    p.training.epochs = 1000000;
    return p;
}
} // namespace

class TestTrainingController : public QObject {
    Q_OBJECT
private slots:
    void trainsXorWithSnapshots();
    void stepAndStepEpoch();
    void liveChangesReachTheWorker();
    void divergedRunKeepsFiniteWeights();
    void badNetworkFailsWithMessage();
    void aNetworkOverTheMemoryLimitFails();
    void editsMarkTheRunStale();
    void epochLimitFinishesAndCanBeRaised();
    void rapidCommandsNeitherDeadlockNorLeak();
    void aStepIsNeverLost_data();
    void aStepIsNeverLost();
    void aBurstOfEditsBuildsOneRun();
    void anEditKeepsTrainingAskedFor();
    void ratesReachAStaleRun();
};

void TestTrainingController::trainsXorWithSnapshots()
{
    TrainingController c;
    c.setProject(xorProject());
    QSignalSpy snapshots(&c, &TrainingController::snapshotReceived);
    QElapsedTimer clock;
    clock.start();
    c.play();
    QCOMPARE(c.status(), TrainingStatus::Running);
    QTRY_VERIFY_WITH_TIMEOUT(!c.history().empty() && c.history().back().trainLoss < 0.1, 120000);
    const qint64 elapsed = clock.elapsed();
    c.pause();
    QCOMPARE(c.status(), TrainingStatus::Paused); // at once, before the worker confirms
    QTRY_COMPARE_WITH_TIMEOUT(c.lastSnapshot()->status, TrainingStatus::Paused, 10000);
    QVERIFY(c.lastSnapshot()->weights);
    QCOMPARE(c.lastWeights(), c.lastSnapshot()->weights);

    QVERIFY(snapshots.count() >= 3);
    // At most ~30 a second, plus the few sent at changes of state.
    QVERIFY2(snapshots.count() <= elapsed / 30 + 12,
             qPrintable(QStringLiteral("%1 snapshots in %2 ms").arg(snapshots.count()).arg(elapsed)));
    QVERIFY(c.history().front().trainLoss > c.history().back().trainLoss);
    for (std::size_t i = 0; i < c.history().size(); ++i)
        QCOMPARE(c.history()[i].epoch, int(i) + 1); // every epoch arrives once, in order

    const SnapshotPtr last = c.lastSnapshot();
    QVERIFY(last);
    QCOMPARE(last->epoch, int(c.history().size()));
    QCOMPARE(last->trainSamples, 300);
    QCOMPARE(last->samplesSeen, last->step * 10); // 10 divides 300: every batch is whole
    QVERIFY(last->plane);
    QCOMPARE(last->plane->classes, 2);
    QCOMPARE(last->plane->train.cols(), 300);
    QCOMPARE(last->plane->test.cols(), 100);
    QVERIFY(last->boundary);
    QCOMPARE(last->boundary->size, 100);
    QCOMPARE(last->boundary->smooth.size(), QSize(100, 100));
    // XOR: the trained network gives each quadrant's centre the class of the training points there.
    const auto p1 = [&](int row, int col) {
        return last->boundary->values[std::size_t(row * 100 + col) * 2 + 1];
    };
    const PlanePoints &pl = *last->plane;
    const auto labelNear = [&](double x1, double x2) {
        for (Eigen::Index i = 0; i < pl.train.cols(); ++i)
            if (std::abs(pl.train(0, i) - x1) < 1.5 && std::abs(pl.train(1, i) - x2) < 1.5)
                return pl.trainLabels[std::size_t(i)];
        return -1;
    };
    // Grid row 0 is the top (x2 = 6), column 0 the left (x1 = -6); cell 25 lies at ±3.
    QCOMPARE(p1(25, 25) > 0.5f ? 1 : 0, labelNear(-3, 3));
    QCOMPARE(p1(75, 75) > 0.5f ? 1 : 0, labelNear(3, -3));
    QCOMPARE(p1(25, 75) > 0.5f ? 1 : 0, labelNear(3, 3));
    QCOMPARE(p1(75, 25) > 0.5f ? 1 : 0, labelNear(-3, -3));
    QVERIFY(labelNear(-3, 3) != labelNear(3, 3));
    QVERIFY(c.lastWeights()->allFinite());
    QVERIFY(!c.lastWeights()->tensors.empty());
}

void TestTrainingController::stepAndStepEpoch()
{
    TrainingController c;
    c.setProject(xorProject());
    c.step();
    QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot() && c.lastSnapshot()->step == 1, 20000);
    QCOMPARE(c.status(), TrainingStatus::Paused);
    QCOMPARE(c.lastSnapshot()->samplesSeen, 10LL);
    QCOMPARE(c.lastSnapshot()->lossPoints.size(), std::size_t(1));
    QVERIFY(c.history().empty());

    c.stepEpoch();
    QTRY_VERIFY_WITH_TIMEOUT(c.history().size() == 1 && c.status() == TrainingStatus::Paused, 20000);
    QCOMPARE(c.lastSnapshot()->epoch, 1);
    QCOMPARE(c.lastSnapshot()->samplesSeen, 300LL);
    // It stopped there: the next Step trains one batch after the epoch, not after a run that went on.
    c.step();
    QTRY_COMPARE_WITH_TIMEOUT(c.pendingSteps(), 0, 20000);
    QCOMPARE(c.lastSnapshot()->samplesSeen, 310LL);
    QCOMPARE(c.lastSnapshot()->epoch, 1);

    c.reset();
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Ready, 20000);
    QVERIFY(c.history().empty());
    QCOMPARE(c.lastSnapshot()->step, 0);
}

void TestTrainingController::liveChangesReachTheWorker()
{
    TrainingController c;
    Project p = xorProject();
    c.setProject(p);
    c.reset();
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Ready, 20000);
    QCOMPARE(c.lastSnapshot()->learningRate, 0.02);

    // The project is pushed with new settings: they apply live, the run is not rebuilt.
    const quint64 generation = c.generation();
    p.training.optimizer.learningRate = 0.0123;
    p.training.batchSize = 25;
    c.setProject(p);
    QCOMPARE(c.generation(), generation);
    QVERIFY(!c.isStale());
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(c.lastSnapshot()->learningRate - 0.0123) < 1e-12 &&
                                 c.lastSnapshot()->batchSize == 25,
                             20000);
    c.step();
    QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->step == 1, 20000);
    QCOMPARE(c.lastSnapshot()->samplesSeen, 25LL); // the batch took the new size

    // While running: the change arrives between chunks and the next epochs record it.
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.history().size() >= 2, 60000);
    p.training.optimizer.learningRate = 0.004;
    c.setProject(p);
    QTRY_COMPARE_WITH_TIMEOUT(c.lastSnapshot()->learningRate, 0.004, 20000);
    // Epochs after the snapshot that showed the change were trained with it.
    const std::size_t from = c.history().size();
    QTRY_VERIFY_WITH_TIMEOUT(c.history().size() >= from + 3, 60000);
    for (std::size_t i = from; i < c.history().size(); ++i)
        QCOMPARE(c.history()[i].learningRate, 0.004);
    QCOMPARE(c.history().front().learningRate, 0.0123);

    // A reset builds from the project, whose settings are the live ones.
    c.reset();
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Ready, 20000);
    QCOMPARE(c.lastSnapshot()->learningRate, 0.004);
    QCOMPARE(c.lastSnapshot()->batchSize, 25);
}

void TestTrainingController::divergedRunKeepsFiniteWeights()
{
    TrainingController c;
    c.setProject(explodingProject());
    QSignalSpy failed(&c, &TrainingController::failed);
    c.play();
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Diverged, 60000);
    QVERIFY(c.message().contains(QStringLiteral("diverged")));
    QVERIFY(c.message().contains(QStringLiteral("learning rate")));
    QVERIFY(c.lastWeights());
    QVERIFY(c.lastWeights()->allFinite());
    QVERIFY(failed.isEmpty()); // divergence is a state of the run, not an error
    const long long steps = c.lastSnapshot()->step;

    c.play(); // nothing to continue: Play is not even sent
    QCOMPARE(c.status(), TrainingStatus::Diverged);
    c.step();
    QTRY_COMPARE_WITH_TIMEOUT(c.pendingSteps(), 0, 20000);
    QCOMPARE(c.status(), TrainingStatus::Diverged);
    QCOMPARE(c.lastSnapshot()->step, steps);

    Project lower = explodingProject();
    lower.training.optimizer.learningRate = 0.01;
    c.setProject(lower);
    c.reset();
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.history().size() >= 3, 60000);
    QCOMPARE(c.status(), TrainingStatus::Running);
    QVERIFY(std::isfinite(c.history().back().trainLoss));
}

void TestTrainingController::badNetworkFailsWithMessage()
{
    TrainingController c;
    Project p = xorProject();
    p.graph = makeMlp(3, {4}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid); // the data has 2 features
    c.setProject(p);
    QSignalSpy failed(&c, &TrainingController::failed);
    c.play();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(c.status(), TrainingStatus::Failed);
    QVERIFY2(c.message().contains(QStringLiteral("3")) && c.message().contains(QStringLiteral("2")),
             qPrintable(c.message()));

    p.graph = GraphSpec{}; // nothing to build
    c.setProject(p);
    c.play(); // a failed run is rebuilt by Play
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, 20000);
    QVERIFY2(c.message().contains(QStringLiteral("cannot be built")), qPrintable(c.message()));

    c.setProject(xorProject());
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(!c.history().empty(), 60000);
    QCOMPARE(c.status(), TrainingStatus::Running);
}

void TestTrainingController::aNetworkOverTheMemoryLimitFails()
{
    // Input 2 → Dense 10,000,000 → 1 took 21 GB: refused before anything is allocated, naming the layer and
    // the limit, and the controller goes on with the next project.
    setMemoryLimit(500'000'000);
    TrainingController c;
    Project p = xorProject();
    p.graph = makeMlp(2, {10'000'000}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    p.graph.nodes[1].name = "huge";
    c.setProject(p);
    QSignalSpy failed(&c, &TrainingController::failed);
    c.play();
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    QCOMPARE(c.status(), TrainingStatus::Failed);
    QVERIFY2(c.message().contains(QStringLiteral("'huge'")) &&
                 c.message().contains(MemoryText::bytes(500'000'000)),
             qPrintable(c.message()));
    setMemoryLimit(0);
    c.setProject(xorProject());
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(!c.history().empty(), 60000);
    QCOMPARE(c.status(), TrainingStatus::Running);
}

void TestTrainingController::editsMarkTheRunStale()
{
    TrainingController c;
    Project p = xorProject();
    c.setProject(p);
    c.play();
    QTRY_VERIFY_WITH_TIMEOUT(c.history().size() >= 2, 60000);
    QSignalSpy stale(&c, &TrainingController::staleChanged);

    // Live settings and the layers' L2 rates are not a new network: no reset needed.
    p.training.optimizer.learningRate = 0.01;
    p.graph.nodes[1].options.set(opt::dense::l2, 0.001);
    c.setProject(p);
    QVERIFY(!c.isStale());
    QCOMPARE(c.runConfig().optimizer.learningRate, 0.01);
    QCOMPARE(c.runGraph().nodes[1].options.get(opt::dense::l2), 0.001);
    QTRY_COMPARE_WITH_TIMEOUT(c.lastSnapshot()->learningRate, 0.01, 20000);

    // Another optimizer is: the run goes on with the old one and says "press Reset" ...
    Project changed = p;
    changed.training.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    c.setProject(changed);
    QVERIFY(c.isStale());
    // ... until an undo brings back what the run was built from.
    c.setProject(p);
    QVERIFY(!c.isStale());

    // A graph edit marks it stale; the running network is untouched and training goes on with it.
    changed = p;
    changed.graph = makeMlp(2, {6}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    const quint64 generation = c.generation();
    c.setProject(changed);
    QVERIFY(c.isStale());
    const std::size_t before = c.history().size();
    QTRY_VERIFY_WITH_TIMEOUT(c.history().size() > before + 1, 60000);
    QCOMPARE(c.status(), TrainingStatus::Running);
    QCOMPARE(c.generation(), generation);
    QCOMPARE(stale.count(), 3);
    QCOMPARE(stale.last().at(0).toBool(), true);

    // Reset builds the edited network.
    c.reset();
    QVERIFY(!c.isStale());
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Ready, 20000);
    QCOMPARE(c.lastSnapshot()->parameterCount, 2 * 6 + 6 + 6 + 1);
}

void TestTrainingController::epochLimitFinishesAndCanBeRaised()
{
    TrainingController c;
    Project p = xorProject();
    p.training.epochs = 3;
    c.setProject(p);
    c.play();
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Finished, 60000);
    QCOMPARE(int(c.history().size()), 3);
    QVERIFY(!c.message().isEmpty());
    p.training.epochs = 5;
    c.setProject(p); // a live setting: the finished run may go on
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Paused, 20000);
    c.play();
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Finished, 60000);
    QCOMPARE(int(c.history().size()), 5);

    // Lowered again to what a paused run has already trained: it has finished (Play would train past it).
    p.training.epochs = 7;
    c.setProject(p);
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Paused, 20000);
    p.training.epochs = 5;
    c.setProject(p);
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Finished, 20000);
    c.play();
    QCOMPARE(c.status(), TrainingStatus::Finished);
    QCOMPARE(int(c.history().size()), 5);
}

void TestTrainingController::rapidCommandsNeitherDeadlockNorLeak()
{
    QCOMPARE(TrainingSession::liveCount(), 0);
    {
        TrainingController c;
        Project p = xorProject();
        c.setProject(p);
        for (int i = 0; i < 200; ++i) {
            switch (i % 7) {
            case 0:
                c.play();
                break;
            case 1:
                c.pause();
                break;
            case 2:
                c.step();
                break;
            case 3:
                c.togglePlay();
                break;
            case 4:
                c.stepEpoch();
                break;
            case 5:
                p.training.optimizer.learningRate = 0.01 + 0.001 * (i % 5);
                c.setProject(p);
                break;
            case 6:
                c.reset();
                break;
            }
            if (i % 3 == 0) QCoreApplication::processEvents();
            if (i % 50 == 0) c.setPaceLevel(1 + i % kPaceLevels);
        }
        // Still alive and obeying: a fresh run trains.
        c.setPaceLevel(kPaceLevels);
        c.reset();
        c.play();
        QTRY_VERIFY_WITH_TIMEOUT(c.history().size() >= 2, 60000);
        QCOMPARE(c.status(), TrainingStatus::Running);
        QTRY_VERIFY_WITH_TIMEOUT(TrainingSession::liveCount() == 1, 20000); // old runs are gone
        c.reset();
        c.play();
        // Destroyed while running: the destructor stops the thread promptly.
    }
    QCOMPARE(TrainingSession::liveCount(), 0);
}

void TestTrainingController::aStepIsNeverLost_data()
{
    // The worker's setup stands for a slow machine loading the data: none, shorter and longer than the time
    // the GUI thread takes to send the commands below.
    QTest::addColumn<int>("delayMs");
    QTest::newRow("no delay") << 0;
    QTest::newRow("30 ms") << 30;
    QTest::newRow("400 ms") << 400;
}

void TestTrainingController::aStepIsNeverLost()
{
    QFETCH(int, delayMs);
    TrainingController c;
    c.setSetupDelayForTesting(delayMs);
    Project p = xorProject();
    c.openProject(p); // as the window does when a project opens: the run is being built
    c.step();         // pressed at once
    // An edit before anything was trained rebuilds the run, while the worker may still build the old one:
    // the step pressed before it goes to the new run.
    p.data.generator.samples = 200; // 400 before
    c.setProject(p);
    c.step();
    QCOMPARE(c.pendingSteps(), 2);
    QTRY_VERIFY_WITH_TIMEOUT(c.pendingSteps() == 0, 20000);
    QCOMPARE(c.status(), TrainingStatus::Paused);
    QCOMPARE(c.lastSnapshot()->step, 2);
    QCOMPARE(c.lastSnapshot()->samplesSeen, 20LL);
    // The steps ran on the run of the edited data.
    QCOMPARE(c.lastSnapshot()->trainSamples, 150);
}

void TestTrainingController::aBurstOfEditsBuildsOneRun()
{
    TrainingController c;
    c.setSetupDelayForTesting(300);
    Project p = xorProject();
    c.openProject(p);
    const int built = TrainingSession::builtCount();
    // A slider dragged over twenty values while the first run is still being built: every edit asks for a
    // new run at once (no timer), and the worker builds only the last one.
    for (int i = 1; i <= 20; ++i) {
        p.data.generator.noise = 0.01 * i;
        c.setProject(p);
    }
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Ready, 20000);
    // One run; two if the machine was so busy that the first setup woke before the last edit was sent.
    const int runs = TrainingSession::builtCount() - built;
    QVERIFY2(runs >= 1 && runs <= 2, qPrintable(QString::number(runs)));
    c.step();
    QTRY_VERIFY_WITH_TIMEOUT(c.lastSnapshot()->step == 1, 20000);
}

void TestTrainingController::anEditKeepsTrainingAskedFor()
{
    // Step, then Step epoch, then an edit, all before the worker has answered: the run is not rebuilt (that
    // would drop the epoch asked for); it trains the epoch and says the project changed since.
    TrainingController c;
    c.setSetupDelayForTesting(200);
    Project p = xorProject();
    c.openProject(p);
    c.step();
    c.stepEpoch();
    const quint64 generation = c.generation();
    p.data.generator.samples = 200;
    c.setProject(p);
    QVERIFY(c.isStale());
    QCOMPARE(c.generation(), generation);
    QTRY_VERIFY_WITH_TIMEOUT(c.history().size() == 1 && c.status() == TrainingStatus::Paused, 20000);
    QCOMPARE(c.lastSnapshot()->trainSamples, 300); // the run's own data: 400 samples, a quarter for testing
}

void TestTrainingController::ratesReachAStaleRun()
{
    // An L2 rate set while the run is stale (the data was edited) still reaches the run: when the data edit
    // is undone, the run is current again and trains with the rate the document shows.
    TrainingController c;
    Project p = xorProject();
    c.setProject(p);
    c.step();
    QTRY_VERIFY_WITH_TIMEOUT(c.pendingSteps() == 0 && c.status() == TrainingStatus::Paused, 20000);
    Project edited = p;
    edited.data.generator.noise = 0.3;
    c.setProject(edited);
    QVERIFY(c.isStale());
    edited.graph.nodes[1].options.set(opt::dense::l2, 0.01);
    c.setProject(edited);
    p.graph.nodes[1].options.set(opt::dense::l2, 0.01);
    c.setProject(p); // the data edit undone
    QVERIFY(!c.isStale());
    QCOMPARE(c.runGraph().nodes[1].options.get(opt::dense::l2), 0.01);
}

QTEST_MAIN(TestTrainingController)
#include "tst_training_controller.moc"
