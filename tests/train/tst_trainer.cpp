// Trainer behaviour (issue 2): reproducibility per seed, the end states of a run (finished, reached target,
// stopped, diverged), live changes of learning rate, batch size and regularisation, validation records,
// evaluate()'s metrics, batch splitting across two threads, and messages for data that does not fit.
// Float core, as the product trains.
#include "data/generators.h"
#include "graph/graph_spec.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "losses/loss.h"
#include "train/network.h"
#include "train/trainer.h"

#include "small_cnn.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <limits>
#include <stop_token>
#include <thread>

namespace {
/// QCOMPARE cannot print nnp's enums (ADL finds nnp::toString, which returns a string_view): compare names.
QString stateName(nnp::RunState s)
{
    const std::string_view v = nnp::toString(s);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}
} // namespace

using namespace nnp;

namespace {

/// 2-D two-class data (the playground's Gaussian blobs) as BCE targets [1 x N].
TrainData blobs(int n, std::uint64_t seed, double noise = 0.2)
{
    const Dataset d = generate({GeneratorKind::Gaussian, n, noise, seed});
    return {d.x, classTargets(LossKind::BinaryCrossEntropy, d.labels, 2)};
}

/// The playground's circle data: needs a hidden layer, so training takes a while.
TrainData circle(int n, std::uint64_t seed)
{
    const Dataset d = generate({GeneratorKind::Circle, n, 0.1, seed});
    return {d.x, classTargets(LossKind::BinaryCrossEntropy, d.labels, 2)};
}

TrainData plane(int n, std::uint64_t seed)
{
    const Dataset d = generate({GeneratorKind::Plane, n, 0.1, seed});
    return {d.x, d.targets};
}

GraphSpec classifier()
{
    return makeMlp(2, {8}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
}

TrainingConfig bceConfig(double lr = 0.1, int batch = 10, int epochs = 5)
{
    TrainingConfig c;
    c.loss.kind = LossKind::BinaryCrossEntropy;
    c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    c.optimizer.learningRate = lr;
    c.batchSize = batch;
    c.epochs = epochs;
    return c;
}

/// The two-thread comparisons: 10 classes, SGD at 0.05 (Adam's first steps would magnify the rounding
/// differences of a split batch), two epochs.
TrainingConfig splitConfig(int batch, double momentum = 0)
{
    TrainingConfig c;
    c.loss.kind = LossKind::SparseCategoricalCrossEntropy;
    c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
    c.optimizer.learningRate = 0.05;
    c.optimizer.momentum = momentum;
    c.batchSize = batch;
    c.epochs = 2;
    return c;
}

std::vector<Matrix> weights(Network &net)
{
    std::vector<Matrix> r;
    for (const auto &p : net.parameters())
        r.push_back(*p.ref.value);
    return r;
}

double maxDifference(const std::vector<Matrix> &a, const std::vector<Matrix> &b)
{
    double m = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        m = std::max(m, double((a[i] - b[i]).cwiseAbs().maxCoeff()));
    return m;
}

bool sameRecord(const EpochRecord &a, const EpochRecord &b)
{
    return a.epoch == b.epoch && a.trainLoss == b.trainLoss && a.trainMetric == b.trainMetric &&
           a.valLoss == b.valLoss && a.valMetric == b.valMetric && a.learningRate == b.learningRate;
}

struct RunResult {
    std::vector<Matrix> weights;
    std::vector<EpochRecord> history;
    RunState state;
};

RunResult trainCircle(std::uint64_t netSeed, std::uint64_t trainSeed, int epochs = 6)
{
    Network net = Network::build(classifier(), netSeed);
    TrainingConfig c = bceConfig(0.1, 10, epochs);
    c.seed = trainSeed;
    c.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    c.optimizer.learningRate = 0.01;
    Trainer t(net, c, circle(200, 1), circle(50, 2));
    const RunState s = t.run();
    return {weights(net), t.history(), s};
}

/// A sink that asks for a stop after a given number of batches, from inside the training loop.
class StopAfter : public ProgressSink {
public:
    StopAfter(std::stop_source &src, long long steps) : m_src(src), m_steps(steps) {}
    void batchDone(long long step, double) override
    {
        ++batches;
        if (step == m_steps) m_src.request_stop();
    }
    void epochDone(const EpochRecord &) override { ++epochs; }
    int batches = 0, epochs = 0;

private:
    std::stop_source &m_src;
    long long m_steps;
};

/// Adds a Softmax after the last Dense of an MLP spec.
GraphSpec withSoftmax(GraphSpec g)
{
    const NodeId last = g.nodes.back().id;
    const NodeId s = g.addNode(LayerKind::Softmax, "softmax");
    g.connect(last, s);
    return g;
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private slots:
    // The live L1/L2 rates (toolbar, inspector) reach every layer whose weights take them, Conv2D as well as
    // Dense: the penalty and the optimizer's view of the parameters both change.
    void layerRatesReachConvolutions()
    {
        GraphSpec g;
        const NodeId in =
            g.addNode(LayerKind::Input, "image", LayerOptions().set(opt::input::shape, {1, 5, 5}));
        const NodeId conv = g.addNode(LayerKind::Conv2D, "conv", LayerOptions().set(opt::conv2d::filters, 2));
        const NodeId flat = g.addNode(LayerKind::Flatten, "flat");
        const NodeId out = g.addNode(LayerKind::Dense, "out", LayerOptions().set(opt::dense::units, 1));
        g.connect(in, conv);
        g.connect(conv, flat);
        g.connect(flat, out);
        Network net = Network::build(g, 3);
        TrainingConfig c;
        c.loss.kind = LossKind::MSE;
        c.batchSize = 4;
        Trainer t(net, c, {Matrix::Ones(25, 4), Matrix::Zero(1, 4)});
        QCOMPARE(net.regularizationPenalty(), 0.0);
        t.setLayerRegularization(conv, 0.0, 2.0);
        t.setLayerRegularization(out, 0.5, 0.0);
        double want = 0;
        for (const auto &p : net.parameters()) {
            if (p.ref.name != "weight") continue;
            if (p.id == conv) {
                QCOMPARE(double(p.ref.l2), 2.0);
                want += 0.5 * 2.0 * p.ref.value->squaredNorm();
            } else {
                QCOMPARE(double(p.ref.l1), 0.5);
                want += 0.5 * p.ref.value->cwiseAbs().sum();
            }
        }
        QVERIFY(std::abs(net.regularizationPenalty() - want) <= 1e-6 * want);
    }

    void sameSeedIsBitIdentical()
    {
        const RunResult a = trainCircle(11, 21), b = trainCircle(11, 21);
        QCOMPARE(stateName(a.state), stateName(RunState::Finished));
        QCOMPARE(a.history.size(), std::size_t(6));
        QCOMPARE(b.history.size(), a.history.size());
        for (std::size_t i = 0; i < a.history.size(); ++i) {
            QVERIFY2(sameRecord(a.history[i], b.history[i]),
                     qPrintable(QStringLiteral("epoch %1").arg(i + 1)));
            QVERIFY(a.history[i].valLoss.has_value());
        }
        QCOMPARE(a.weights.size(), b.weights.size());
        for (std::size_t i = 0; i < a.weights.size(); ++i)
            QVERIFY(a.weights[i] == b.weights[i]); // bit for bit
        QVERIFY(a.history.back().trainLoss < a.history.front().trainLoss);
    }

    void differentSeedDiffers()
    {
        const RunResult a = trainCircle(11, 21);
        const RunResult shuffledOtherwise = trainCircle(11, 22); // same start, other batch order
        const RunResult startedOtherwise = trainCircle(12, 21);  // other initial weights
        QVERIFY(maxDifference(a.weights, shuffledOtherwise.weights) > 1e-4);
        QVERIFY(maxDifference(a.weights, startedOtherwise.weights) > 1e-4);
        QVERIFY(a.history.front().trainLoss != shuffledOtherwise.history.front().trainLoss);
    }

    void upcomingBatchIsWhatRunBatchTrains()
    {
        // Two identical runs: one trains its next batch with runBatch(), the other a traced step on the
        // columns upcomingBatch() names. Same columns, same arithmetic: the same weights to the bit, batch
        // after batch, across epoch ends (100 samples in batches of 30: the fourth batch of each epoch has
        // 10).
        Network netA = Network::build(classifier(), 4), netB = Network::build(classifier(), 4);
        Trainer a(netA, bceConfig(0.1, 30, 5), blobs(100, 1));
        Trainer b(netB, bceConfig(0.1, 30, 5), blobs(100, 1));
        for (int k = 0; k < 9; ++k) {
            const std::vector<int> cols = a.upcomingBatch();
            QCOMPARE(cols, a.upcomingBatch()); // asking twice changes nothing
            QCOMPARE(int(cols.size()), k % 4 == 3 ? 10 : 30);
            a.runBatch();
            b.traceStep(cols); // b's own order stays where it was: a traced step does not use up a batch
            QCOMPARE(netA.parameters().size(), netB.parameters().size());
            for (std::size_t i = 0; i < netA.parameters().size(); ++i)
                QVERIFY(*netA.parameters()[i].ref.value == *netB.parameters()[i].ref.value);
        }
    }

    void epochLimitFinishes()
    {
        Network net = Network::build(classifier(), 1);
        Trainer t(net, bceConfig(0.1, 30, 3), blobs(100, 1));
        QCOMPARE(stateName(t.state()), stateName(RunState::Ready));
        QCOMPARE(stateName(t.run()), stateName(RunState::Finished));
        QCOMPARE(stateName(t.state()), stateName(RunState::Finished));
        QCOMPARE(t.epoch(), 3);
        QCOMPARE(t.history().size(), std::size_t(3));
        QCOMPARE(t.step(), 3LL * 4); // 30 + 30 + 30 + 10 per epoch
        QCOMPARE(t.samplesSeen(), 300LL);
        for (int e = 0; e < 3; ++e)
            QCOMPARE(t.history()[std::size_t(e)].epoch, e + 1);
        QVERIFY(!t.history().back().valLoss.has_value()); // no validation split given
    }

    void targetLossStopsEarly()
    {
        Network net = Network::build(classifier(), 1);
        TrainingConfig c = bceConfig(0.1, 10, 500);
        c.targetLoss = 0.1;
        Trainer t(net, c, blobs(100, 1, 0.0));
        QCOMPARE(stateName(t.run()), stateName(RunState::ReachedTarget));
        QVERIFY2(t.epoch() < 500, "the blobs are easy: far fewer epochs should reach the target");
        QVERIFY(t.history().back().trainLoss <= 0.1);
        for (std::size_t e = 0; e + 1 < t.history().size(); ++e)
            QVERIFY2(t.history()[e].trainLoss > 0.1, "the run should stop at the first epoch at the target");
    }

    void stopTokenStopsWithinABatch()
    {
        Network net = Network::build(classifier(), 1);
        Trainer t(net, bceConfig(0.1, 10, 50), circle(200, 1));
        std::stop_source src;
        StopAfter sink(src, 27);
        QCOMPARE(stateName(t.run(src.get_token(), &sink)), stateName(RunState::Stopped));
        QCOMPARE(stateName(t.state()), stateName(RunState::Stopped));
        QCOMPARE(t.step(), 27LL); // not one batch more
        QCOMPARE(sink.batches, 27);
        QCOMPARE(t.epoch(), 1);
        QCOMPARE(sink.epochs, 1);

        // A stop requested before the run starts trains nothing.
        std::stop_source early;
        early.request_stop();
        QCOMPARE(stateName(t.run(early.get_token())), stateName(RunState::Stopped));
        QCOMPARE(t.step(), 27LL);
    }

    void stoppedRunResumesExactly()
    {
        // Stopping in the middle of an epoch and running on gives the same weights as never stopping.
        Network a = Network::build(classifier(), 4), b = Network::build(classifier(), 4);
        Trainer ta(a, bceConfig(0.1, 10, 4), circle(200, 1));
        Trainer tb(b, bceConfig(0.1, 10, 4), circle(200, 1));
        QCOMPARE(stateName(ta.run()), stateName(RunState::Finished));
        std::stop_source src;
        StopAfter sink(src, 33);
        QCOMPARE(stateName(tb.run(src.get_token(), &sink)), stateName(RunState::Stopped));
        QCOMPARE(stateName(tb.run()), stateName(RunState::Finished));
        QCOMPARE(tb.step(), ta.step());
        const auto wa = weights(a), wb = weights(b);
        for (std::size_t i = 0; i < wa.size(); ++i)
            QVERIFY(wa[i] == wb[i]);
        QVERIFY(sameRecord(ta.history().back(), tb.history().back()));
    }

    void stopFromAnotherThread()
    {
        // The way the GUI stops a run: another thread requests the stop while the trainer runs (the test
        // would hang, and time out, if the request were not seen).
        Network net = Network::build(classifier(), 1);
        Trainer t(net, bceConfig(0.01, 1, 1000000), circle(200, 1));
        class Counter : public ProgressSink {
        public:
            void batchDone(long long, double) override { batches.fetch_add(1); }
            std::atomic<long long> batches{0};
        } sink;
        std::stop_source src;
        RunState result = RunState::Ready;
        std::thread worker([&] { result = t.run(src.get_token(), &sink); });
        while (sink.batches.load() < 100)
            std::this_thread::yield();
        src.request_stop();
        worker.join();
        QCOMPARE(stateName(result), stateName(RunState::Stopped));
        QVERIFY(t.epoch() < 1000000);
        QCOMPARE(t.step(), sink.batches.load());
    }

    void hugeLearningRateDiverges()
    {
        // Linear regression with a learning rate of 1e30: the weights overflow within a step or two.
        Network net = Network::build(makeMlp(2, {4}, 1, ActivationKind::ReLU, ActivationKind::Linear), 1);
        TrainingConfig c;
        c.loss.kind = LossKind::MSE;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
        c.optimizer.learningRate = 1e30;
        c.batchSize = 10;
        c.epochs = 50;
        Trainer t(net, c, plane(100, 1));
        QCOMPARE(stateName(t.run()), stateName(RunState::Diverged));
        QCOMPARE(stateName(t.state()), stateName(RunState::Diverged));
        QVERIFY2(net.allParametersFinite(), "a diverged run keeps the last finite weights");
        QVERIFY(t.epoch() < 50);
        // A diverged run stays diverged and trains no further.
        const auto w = weights(net);
        const long long steps = t.step();
        QVERIFY(std::isnan(t.runBatch()));
        QCOMPARE(stateName(t.run()), stateName(RunState::Diverged));
        QVERIFY(!t.runEpoch().has_value());
        QCOMPARE(t.step(), steps);
        QVERIFY(maxDifference(w, weights(net)) == 0.0);
    }

    void divergedRunReturnsToItsLastCompletedEpoch()
    {
        // Issue 13 (4): the learning rate jumps after two epochs. The third epoch's steps send the weights
        // far out (still finite) until the gradients overflow. The run keeps the weights of the end of epoch
        // 2, the last its history records, not the finite-but-exploded ones of the diverging epoch.
        Network net = Network::build(makeMlp(2, {4}, 1, ActivationKind::ReLU, ActivationKind::Linear), 1);
        TrainingConfig c;
        c.loss.kind = LossKind::MSE;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
        c.optimizer.learningRate = 0.01;
        c.batchSize = 10;
        c.epochs = 10;
        Trainer t(net, c, plane(100, 1));
        struct RaiseAfterTwo : ProgressSink {
            Trainer *trainer = nullptr;
            Network *net = nullptr;
            std::vector<Matrix> atEpoch2;
            void epochDone(const EpochRecord &r) override
            {
                if (r.epoch != 2) return;
                atEpoch2 = weights(*net);
                trainer->setLearningRate(1e18);
            }
        } sink;
        sink.trainer = &t;
        sink.net = &net;
        QCOMPARE(stateName(t.run({}, &sink)), stateName(RunState::Diverged));
        QCOMPARE(t.epoch(), 2);
        QCOMPARE(t.history().size(), std::size_t(2));
        QVERIFY2(t.step() > 20, "the third epoch took steps before it diverged");
        QCOMPARE(sink.atEpoch2.size(), weights(net).size());
        QVERIFY2(maxDifference(sink.atEpoch2, weights(net)) == 0.0,
                 "a diverged run keeps the weights of its last completed epoch");
    }

    void explodingLossDiverges()
    {
        // Issue 13 (6): Adam with a learning rate of 1e6 on a regression. Every step moves each weight by
        // about the learning rate, so the loss grows by orders of magnitude (to ~1e17 and beyond) without
        // ever overflowing: it used to report "Finished". Exploded is diverged too.
        Network net = Network::build(makeMlp(2, {4}, 1, ActivationKind::ReLU, ActivationKind::Linear), 1);
        TrainingConfig c;
        c.loss.kind = LossKind::MSE;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        c.optimizer.learningRate = 1e6;
        c.batchSize = 10;
        c.epochs = 20;
        const TrainData d = plane(100, 1);
        Trainer t(net, c, d);
        QCOMPARE(stateName(t.run()), stateName(RunState::Diverged));
        QVERIFY(t.epoch() < 20);
        QVERIFY(net.allParametersFinite());
        for (const EpochRecord &r : t.history())
            QVERIFY2(r.trainLoss < 1e12, "no recorded epoch has an exploded loss");
    }

    void largeLossThatDoesNotGrowIsNotDivergence()
    {
        // The rule is relative: inputs a thousand times too large make the first losses huge (~1e6 times what
        // predicting the mean gives), but a small learning rate only brings them down. That run is not
        // diverged.
        Network net = Network::build(makeMlp(2, {4}, 1, ActivationKind::Linear, ActivationKind::Linear), 1);
        TrainingConfig c;
        c.loss.kind = LossKind::MSE;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
        c.optimizer.learningRate = 1e-9;
        c.batchSize = 10;
        c.epochs = 5;
        TrainData d = plane(100, 1);
        d.x *= Scalar(1000);
        Trainer t(net, c, d);
        QCOMPARE(stateName(t.run()), stateName(RunState::Finished));
        QVERIFY(t.history().front().trainLoss > 1e3);
    }

    void nanDataDivergesWithoutTouchingWeights()
    {
        Network net = Network::build(classifier(), 1);
        TrainData d = blobs(20, 1);
        d.x(0, 3) = std::numeric_limits<Scalar>::quiet_NaN();
        Trainer t(net, bceConfig(0.1, 20, 5), d);
        const auto before = weights(net);
        QVERIFY(std::isnan(t.runBatch()));
        QCOMPARE(stateName(t.state()), stateName(RunState::Diverged));
        QCOMPARE(t.step(), 0LL);
        QVERIFY(maxDifference(before, weights(net)) == 0.0);
    }

    void divergenceLeavesBatchNormStatisticsFinite()
    {
        // Issue 13 (5): BatchNorm updates its running statistics in forward(), before the loss is checked. A
        // NaN sample makes the batch diverge; the statistics must be those of the last good weights (here the
        // initial ones: the NaN batch is in the first epoch), never NaN, or they would be saved and exported.
        GraphSpec g;
        const NodeId in = g.addNode(LayerKind::Input, "in", LayerOptions().set(opt::input::shape, {2}));
        const NodeId d1 =
            g.addNode(LayerKind::Dense, "d1",
                      LayerOptions().set(opt::dense::units, 6).set(opt::activation, ActivationKind::Tanh));
        const NodeId bn = g.addNode(LayerKind::BatchNorm, "bn");
        const NodeId out =
            g.addNode(LayerKind::Dense, "out",
                      LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
        g.connect(in, d1);
        g.connect(d1, bn);
        g.connect(bn, out);
        Network net = Network::build(g, 1);
        TrainData d = blobs(60, 1);
        d.x(1, 37) = std::numeric_limits<Scalar>::quiet_NaN();
        std::vector<Matrix> stateBefore;
        for (const auto &p : net.state())
            stateBefore.push_back(*p.ref.value);
        QCOMPARE(stateBefore.size(), std::size_t(2));
        Trainer t(net, bceConfig(0.1, 10, 5), d);
        QCOMPARE(stateName(t.run()), stateName(RunState::Diverged));
        QCOMPARE(t.epoch(), 0);
        std::size_t k = 0;
        for (const auto &p : net.state()) {
            QVERIFY2(p.ref.value->allFinite(), p.ref.name.c_str());
            QVERIFY2(*p.ref.value == stateBefore[k++], "the statistics go back with the weights");
        }
        QVERIFY(net.allParametersFinite());
    }

    void overflowingTracedStepKeepsFiniteWeights()
    {
        // An explained step (the first thing a student may do, before any epoch) whose update overflows
        // float: a regression target near FLT_MAX and a learning rate of 10. The run is diverged and the
        // weights are those before the step.
        Network net = Network::build(makeMlp(2, {2}, 1, ActivationKind::Sigmoid, ActivationKind::Linear), 1);
        TrainingConfig c;
        c.loss.kind = LossKind::MSE;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
        c.optimizer.learningRate = 10;
        TrainData d{Matrix(2, 1), Matrix(1, 1)};
        d.x << Scalar(0.05), Scalar(0.1);
        d.y << Scalar(2e38);
        Trainer t(net, c, d);
        const auto before = weights(net);
        const Trace trace = t.traceStep(std::vector<int>{0});
        QVERIFY(std::isfinite(trace.lossValue)); // the loss itself (computed in double) is finite
        QCOMPARE(stateName(t.state()), stateName(RunState::Diverged));
        QVERIFY2(net.allParametersFinite(), "a diverged step keeps the last finite weights");
        QVERIFY(maxDifference(before, weights(net)) == 0.0);
        QCOMPARE(t.step(), 0LL);
    }

    void liveLearningRate()
    {
        Network net = Network::build(classifier(), 1);
        Trainer t(net, bceConfig(0.1, 10, 100), circle(100, 1));
        QVERIFY(t.runEpoch().has_value());
        t.setLearningRate(0.0);
        QCOMPARE(t.currentLearningRate(), 0.0);
        const auto frozen = weights(net);
        QVERIFY(t.runEpoch().has_value());
        QVERIFY(maxDifference(frozen, weights(net)) == 0.0); // plain SGD with lr 0 moves nothing
        QCOMPARE(t.history().back().learningRate, 0.0);
        QCOMPARE(t.history().front().learningRate, 0.1);
        t.setLearningRate(0.2);
        t.runBatch();
        QVERIFY(maxDifference(frozen, weights(net)) > 0);
        QCOMPARE(t.config().optimizer.learningRate, 0.2);
    }

    void liveBatchSize()
    {
        Network net = Network::build(classifier(), 1);
        Trainer t(net, bceConfig(0.1, 10, 100), circle(100, 1));
        QVERIFY(t.runEpoch().has_value());
        QCOMPARE(t.step(), 10LL);
        t.setBatchSize(25);
        QVERIFY(t.runEpoch().has_value());
        QCOMPARE(t.step(), 14LL);
        // Mid-epoch: two batches of 25, then 50 at once finish the epoch.
        t.runBatch();
        t.runBatch();
        t.setBatchSize(50);
        QCOMPARE(t.epoch(), 2);
        t.runBatch();
        QCOMPARE(t.epoch(), 3);
        QCOMPARE(t.samplesSeen(), 300LL);
        QCOMPARE(t.config().batchSize, 50);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, t.setBatchSize(0));
        QCOMPARE(t.config().batchSize, 50);
    }

    void liveRegularization_data()
    {
        QTest::addColumn<double>("l1");
        QTest::addColumn<double>("l2");
        QTest::newRow("L2") << 0.0 << 0.5;
        QTest::newRow("L1") << 0.02 << 0.0;
    }

    void liveRegularization()
    {
        // Twins trained alike; one switches regularisation on. After one more SGD step its weights differ by
        // exactly −lr·(l2·w + l1·sign w), and its biases (never penalised) not at all.
        QFETCH(double, l1);
        QFETCH(double, l2);
        const double lr = 0.1;
        Network a = Network::build(classifier(), 2), b = Network::build(classifier(), 2);
        Trainer ta(a, bceConfig(lr, 10, 100), circle(100, 1)), tb(b, bceConfig(lr, 10, 100), circle(100, 1));
        ta.runEpoch();
        tb.runEpoch();
        const auto start = weights(b);
        tb.setRegularization(l1, l2);
        ta.runBatch();
        tb.runBatch();
        const auto pa = a.parameters(), pb = b.parameters();
        for (std::size_t i = 0; i < pa.size(); ++i) {
            const Matrix diff = *pb[i].ref.value - *pa[i].ref.value;
            if (pa[i].ref.name == "bias") {
                QCOMPARE(diff.cwiseAbs().maxCoeff(), Scalar(0));
                continue;
            }
            const Matrix expected = -Scalar(lr) * (Scalar(l2) * start[i] + Scalar(l1) * start[i].cwiseSign());
            QVERIFY2(
                (diff - expected).cwiseAbs().maxCoeff() < 1e-6,
                qPrintable(QStringLiteral("%1 %2").arg(pa[i].nodeName.c_str()).arg(pa[i].ref.name.c_str())));
            QVERIFY(expected.cwiseAbs().maxCoeff() > 1e-3); // the penalty did something measurable
        }
        // Switching it off again stops the extra pull.
        tb.setRegularization(0, 0);
        const auto wa = weights(a), wb = weights(b);
        ta.runBatch();
        tb.runBatch();
        // Same gradient formula on slightly different weights: the steps are nearly equal.
        for (std::size_t i = 0; i < wa.size(); ++i) {
            const Matrix stepA = weights(a)[i] - wa[i], stepB = weights(b)[i] - wb[i];
            QVERIFY((stepA - stepB).cwiseAbs().maxCoeff() < 0.01);
        }
    }

    void validationRecords()
    {
        Network net = Network::build(classifier(), 1);
        const TrainData val = circle(80, 9);
        Trainer t(net, bceConfig(0.1, 10, 3), circle(200, 1), val);
        QCOMPARE(stateName(t.run()), stateName(RunState::Finished));
        QCOMPARE(t.history().size(), std::size_t(3));
        for (const auto &r : t.history()) {
            QVERIFY(r.valLoss.has_value() && r.valMetric.has_value());
            QVERIFY(*r.valLoss > 0 && std::isfinite(*r.valLoss));
            QVERIFY(*r.valMetric >= 0 && *r.valMetric <= 1);
        }
        const Evaluation e = evaluate(net, val);
        QCOMPARE(*t.history().back().valLoss, e.loss);
        QCOMPARE(*t.history().back().valMetric, e.accuracy);
        QVERIFY(*t.history().front().valLoss != *t.history().back().valLoss);
    }

    void evaluateClassification()
    {
        // Three classes, softmax + categorical cross-entropy; every metric recomputed here from predict().
        const Dataset d = generate({GeneratorKind::Spiral3, 90, 0.0, 3});
        const TrainData data{d.x, classTargets(LossKind::CategoricalCrossEntropy, d.labels, 3)};
        Network net =
            Network::build(withSoftmax(makeMlp(2, {6}, 3, ActivationKind::Tanh, ActivationKind::Linear)), 8);
        net.setLoss({LossKind::CategoricalCrossEntropy});
        const Evaluation e = evaluate(net, data);
        const Matrix out = net.predict(data.x);
        double loss = 0;
        int correct = 0;
        std::vector<std::vector<int>> confusion(3, std::vector<int>(3, 0));
        for (Eigen::Index c = 0; c < out.cols(); ++c) {
            Eigen::Index k;
            out.col(c).maxCoeff(&k);
            const int truth = d.labels[std::size_t(c)];
            QCOMPARE(e.predicted[std::size_t(c)], int(k));
            correct += int(k) == truth;
            ++confusion[std::size_t(truth)][std::size_t(k)];
            loss -= std::log(double(out(truth, c)));
        }
        QCOMPARE(e.confusion, confusion);
        QCOMPARE(e.accuracy, double(correct) / 90.0);
        QCOMPARE(e.metric, e.accuracy);
        QVERIFY(std::abs(e.loss - loss / 90.0) < 1e-5);
    }

    void evaluateBinaryAndRegression()
    {
        Network cls = Network::build(classifier(), 5);
        cls.setLoss({LossKind::BinaryCrossEntropy});
        const TrainData b = blobs(40, 2);
        const Evaluation eb = evaluate(cls, b);
        const Matrix pb = cls.predict(b.x);
        int correct = 0;
        for (Eigen::Index c = 0; c < pb.cols(); ++c) {
            const int predicted = pb(0, c) >= Scalar(0.5) ? 1 : 0;
            QCOMPARE(eb.predicted[std::size_t(c)], predicted);
            correct += predicted == int(b.y(0, c));
        }
        QCOMPARE(eb.accuracy, correct / 40.0);
        QCOMPARE(eb.confusion.size(), std::size_t(2));

        Network reg = Network::build(makeMlp(2, {4}, 1, ActivationKind::Tanh, ActivationKind::Linear), 5);
        reg.setLoss({LossKind::MSE});
        const TrainData p = plane(50, 3);
        const Evaluation er = evaluate(reg, p);
        const Matrix out = reg.predict(p.x);
        double mae = 0, sse = 0, mean = 0, sst = 0;
        for (Eigen::Index c = 0; c < 50; ++c)
            mean += double(p.y(0, c)) / 50;
        for (Eigen::Index c = 0; c < 50; ++c) {
            const double r = double(out(0, c)) - double(p.y(0, c));
            mae += std::abs(r) / 50;
            sse += r * r;
            sst += (double(p.y(0, c)) - mean) * (double(p.y(0, c)) - mean);
        }
        QVERIFY(std::abs(er.mae - mae) < 1e-6);
        QCOMPARE(er.metric, er.mae);
        QVERIFY(std::abs(er.r2 - (1 - sse / sst)) < 1e-4);
        QVERIFY(std::abs(er.loss - 0.5 * sse / 50) < 1e-6); // MSE with the ½ convention
        QVERIFY(er.predicted.empty());
    }

    void twoThreadsMatchOne()
    {
        // 784-64-10, batch 256: large enough that the trainer splits each batch across two threads.
        constexpr int kSamples = 1024;
        Rng rng(5);
        TrainData data{Matrix(784, kSamples), Matrix(1, kSamples)};
        for (Eigen::Index c = 0; c < kSamples; ++c) {
            for (Eigen::Index r = 0; r < 784; ++r)
                data.x(r, c) = Scalar(rng.uniform());
            data.y(0, c) = Scalar(rng.below(10));
        }
        const GraphSpec spec =
            withSoftmax(makeMlp(784, {64}, 10, ActivationKind::ReLU, ActivationKind::Linear));
        Network one = Network::build(spec, 3), two = Network::build(spec, 3);
        TrainingConfig c = splitConfig(256, 0.9);
        Trainer t1(one, c, data);
        c.threads = 2;
        Trainer t2(two, c, data);
        QCOMPARE(t1.threadsInUse(), 1);
        QCOMPARE(t2.threadsInUse(), 2);
        QCOMPARE(stateName(t1.run()), stateName(RunState::Finished));
        QCOMPARE(stateName(t2.run()), stateName(RunState::Finished));
        QCOMPARE(t2.step(), t1.step());
        // The two-thread path is reproducible too: a second two-thread run gives the same bits.
        Network again = Network::build(spec, 3);
        Trainer t3(again, c, data);
        QCOMPARE(stateName(t3.run()), stateName(RunState::Finished));
        QVERIFY(maxDifference(weights(two), weights(again)) == 0.0);
        const double diff = maxDifference(weights(one), weights(two));
        Network start = Network::build(spec, 3);
        const double moved = maxDifference(weights(one), weights(start));
        qInfo("two threads vs one: largest weight difference %.3g (largest change by training %.3g)", diff,
              moved);
        QVERIFY2(diff < 1e-4, "two threads should train to almost the same weights");
        // Float sums in another order: exactly equal weights would mean the batch was never split.
        QVERIFY2(diff > 0, "the two-thread run looks identical: was the batch split at all?");
        QVERIFY(moved > 100 * diff);
        for (std::size_t e = 0; e < t1.history().size(); ++e) {
            QVERIFY(std::abs(t1.history()[e].trainLoss - t2.history()[e].trainLoss) < 1e-4);
            QCOMPARE(t1.history()[e].trainMetric, t2.history()[e].trainMetric);
        }
    }

    void smallCnnSplitsItsBatches()
    {
        // W4 has only 5,258 parameters but 192k multiply-adds per image (the convolutions' weights apply at
        // every position): its batches of 64 are worth two threads. Counted by parameters, they were never
        // split, and a second thread gained nothing (nnp bench W4: 1.0x).
        const TrainData data = test::randomImages(256, 8);
        Network one = Network::build(test::smallCnn(), 4), two = Network::build(test::smallCnn(), 4);
        QCOMPARE(one.forwardMultiplyAddsPerSample(), 8LL * 9 * 26 * 26 + 16LL * 72 * 11 * 11 + 400 * 10);
        TrainingConfig c = splitConfig(64);
        Trainer t1(one, c, data);
        c.threads = 2;
        Trainer t2(two, c, data);
        QCOMPARE(stateName(t1.run()), stateName(RunState::Finished));
        QCOMPARE(stateName(t2.run()), stateName(RunState::Finished));
        const double diff = maxDifference(weights(one), weights(two));
        qInfo("two threads vs one: largest weight difference %.3g", diff);
        // Float sums in another order: exactly equal weights would mean the batches were never split.
        QVERIFY2(diff > 0, "the two-thread run is identical to the one-thread run: no batch was split");
        QVERIFY2(diff < 1e-4, "two threads should train to almost the same weights");
    }

    void smallNetworkWithTwoThreadsTrainsAlike()
    {
        // threads = 2 on a playground-sized network (whether or not the trainer splits such small batches):
        // the same training, to float rounding.
        Network a = Network::build(classifier(), 6), b = Network::build(classifier(), 6);
        TrainingConfig c = bceConfig(0.1, 10, 3);
        Trainer ta(a, c, circle(100, 1));
        c.threads = 2;
        Trainer tb(b, c, circle(100, 1));
        ta.run();
        tb.run();
        QVERIFY(maxDifference(weights(a), weights(b)) < 1e-5);
    }

    void mismatchedDataIsRefused()
    {
        Network net = Network::build(classifier(), 1); // 2 inputs, 1 output
        const TrainingConfig c = bceConfig();
        const auto message = [&](TrainData train, std::optional<TrainData> val = {},
                                 TrainingConfig cfg = {}) {
            if (cfg == TrainingConfig{}) cfg = c;
            try {
                Trainer t(net, cfg, std::move(train), std::move(val));
            } catch (const std::invalid_argument &e) {
                return QString::fromUtf8(e.what());
            }
            return QString();
        };
        const TrainData good = blobs(20, 1);

        QString m = message({Matrix(3, 20), good.y});
        QVERIFY2(m.contains("2") && m.contains("3") && m.contains("features"), qPrintable(m));
        m = message({good.x, Matrix(2, 20)});
        QVERIFY2(m.contains("target"), qPrintable(m));
        m = message({good.x, Matrix(1, 19)});
        QVERIFY2(m.contains("target"), qPrintable(m));
        m = message({Matrix(2, 0), Matrix(1, 0)});
        QVERIFY2(m.contains("no training data"), qPrintable(m));
        TrainingConfig zeroBatch = c;
        zeroBatch.batchSize = 0;
        m = message(good, {}, zeroBatch);
        QVERIFY2(m.contains("batch size"), qPrintable(m));
        // A validation split that does not fit is refused up front, not after the first epoch.
        m = message(good, TrainData{Matrix(3, 5), Matrix(1, 5)});
        QVERIFY2(m.contains("validation") && m.contains("3"), qPrintable(m));
        m = message(good, TrainData{Matrix::Zero(2, 5), Matrix(1, 4)});
        QVERIFY2(m.contains("validation") && m.contains("target"), qPrintable(m));
        QVERIFY(message(good, TrainData{Matrix::Zero(2, 5), Matrix::Zero(1, 5)}).isEmpty());

        // evaluate() and predict() on data of the wrong shape.
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 evaluate(net, TrainData{Matrix::Zero(3, 4), Matrix::Zero(1, 4)}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 evaluate(net, TrainData{Matrix::Zero(2, 4), Matrix::Zero(1, 3)}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, net.predict(Matrix::Zero(5, 4)));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "tst_trainer.moc"
