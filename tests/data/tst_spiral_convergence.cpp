// Convergence (issue 2): the playground's 2-class spiral, 500 noise-free points, learned by a 2-16-16-1 tanh
// MLP with a sigmoid output, binary cross-entropy and Adam, to at least 97 % training accuracy with a fixed
// seed. Float core, as the product trains.
#include "data/generators.h"
#include "graph/graph_spec.h"
#include "losses/loss.h"
#include "train/network.h"
#include "train/trainer.h"

#include <QtTest>

using namespace nnp;

class TestSpiralConvergence : public QObject {
    Q_OBJECT

private slots:
    void reaches97Percent()
    {
        const Dataset d = generate({GeneratorKind::Spiral, 500, 0.0, 1});
        QCOMPARE(d.size(), 500);
        // Raw coordinates in [-5, 5], as the playground feeds them: z-scored inputs (σ ≈ 2.5) make the
        // spiral's many turns harder for 16 tanh units at this learning rate (it stalls near 60 %).
        const TrainData train{d.x, classTargets(LossKind::BinaryCrossEntropy, d.labels, 2)};

        const GraphSpec spec = makeMlp(2, {16, 16}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
        Network net = Network::build(spec, 1);
        TrainingConfig config;
        config.loss.kind = LossKind::BinaryCrossEntropy;
        config.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        config.optimizer.learningRate = 0.01;
        config.batchSize = 16;
        config.epochs = 600;
        config.seed = 1;
        net.setLoss(config.loss);

        const double before = evaluate(net, train).accuracy;
        Trainer trainer(net, config, train);
        const RunState state = trainer.run();
        QVERIFY(state == RunState::Finished || state == RunState::ReachedTarget);
        const Evaluation after = evaluate(net, train);
        qInfo("spiral: accuracy %.3f -> %.3f after %d epochs, loss %.4f", before, after.accuracy,
              trainer.epoch(), after.loss);
        QVERIFY2(before < 0.8, "an untrained network should not already separate the spirals");
        QVERIFY2(after.accuracy >= 0.97, std::to_string(after.accuracy).c_str());
    }
};

QTEST_GUILESS_MAIN(TestSpiralConvergence)
#include "tst_spiral_convergence.moc"
