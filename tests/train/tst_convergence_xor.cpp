// Convergence (issue 2): XOR reaches 100 % training accuracy with a fixed seed — the four corner points that
// no linear model separates, and the playground's generated XOR set. Float core, as the product trains.
#include "data/generators.h"
#include "graph/graph_spec.h"
#include "losses/loss.h"
#include "train/network.h"
#include "train/trainer.h"

#include <QtTest>

namespace {
/// QCOMPARE cannot print nnp's enums (ADL finds nnp::toString, which returns a string_view): compare names.
QString stateName(nnp::RunState s)
{
    const std::string_view v = nnp::toString(s);
    return QString::fromUtf8(v.data(), qsizetype(v.size()));
}
} // namespace

using namespace nnp;

class TestConvergenceXor : public QObject {
    Q_OBJECT

private slots:
    void fourPoints()
    {
        // (0,0) → 0, (0,1) → 1, (1,0) → 1, (1,1) → 0
        TrainData train{Matrix(2, 4), Matrix(1, 4)};
        train.x << 0, 0, 1, 1, //
            0, 1, 0, 1;
        train.y << 0, 1, 1, 0;

        Network net = Network::build(makeMlp(2, {4}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid), 3);
        TrainingConfig config;
        config.loss.kind = LossKind::BinaryCrossEntropy;
        config.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
        config.optimizer.learningRate = 0.5;
        config.optimizer.momentum = 0.9;
        config.batchSize = 4;
        config.epochs = 2000;
        config.targetLoss = 0.01;
        config.seed = 3;
        net.setLoss(config.loss);

        const Evaluation before = evaluate(net, train);
        Trainer trainer(net, config, train);
        const RunState state = trainer.run();
        const Evaluation after = evaluate(net, train);
        qInfo("xor (4 points): accuracy %.2f -> %.2f, loss %.4f -> %.4f after %d epochs (%s)",
              before.accuracy, after.accuracy, before.loss, after.loss, trainer.epoch(),
              std::string(toString(state)).c_str());
        QVERIFY2(before.accuracy < 1.0, "the untrained network should not already solve XOR");
        QCOMPARE(stateName(state), stateName(RunState::ReachedTarget));
        QCOMPARE(after.accuracy, 1.0);
        QVERIFY(after.loss <= 0.01 + 1e-6);
        const std::vector<int> expected{0, 1, 1, 0};
        QCOMPARE(after.predicted, expected);
        QCOMPARE(trainer.history().back().trainMetric, 1.0);
    }

    void generatedSet()
    {
        // The playground's XOR: 200 points in [-6, 6]², class = sign(x1·x2), no noise, fed raw as the
        // playground does, mini-batches of 10, shuffled.
        const Dataset d = generate({GeneratorKind::Xor, 200, 0.0, 5});
        QCOMPARE(d.size(), 200);
        const TrainData train{d.x, classTargets(LossKind::BinaryCrossEntropy, d.labels, 2)};

        Network net = Network::build(makeMlp(2, {8, 8}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid), 5);
        TrainingConfig config;
        config.loss.kind = LossKind::BinaryCrossEntropy;
        config.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        config.optimizer.learningRate = 0.01;
        config.batchSize = 10;
        config.epochs = 400;
        config.seed = 5;
        net.setLoss(config.loss);

        const double before = evaluate(net, train).accuracy;
        Trainer trainer(net, config, train);
        trainer.run();
        const Evaluation after = evaluate(net, train);
        qInfo("xor (generated): accuracy %.3f -> %.3f, loss %.4f after %d epochs", before, after.accuracy,
              after.loss, trainer.epoch());
        QVERIFY2(before < 0.8, "the untrained network should not already separate the quadrants");
        QVERIFY2(after.accuracy == 1.0, std::to_string(after.accuracy).c_str());
    }
};

QTEST_GUILESS_MAIN(TestConvergenceXor)
#include "tst_convergence_xor.moc"
