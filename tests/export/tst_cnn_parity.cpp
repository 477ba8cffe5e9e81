// CNN parity with PyTorch (issue 10): the same initial weights (ours, carried by the PyTorch export) and the
// same batches in the same order give the same loss at every one of 20 steps, in our float core and in
// PyTorch 1.13 (float32), within 1e-5 relative. Two models: W4 (the benchmark CNN, Adam) and the course's
// MNIST CNN (the seed's model, Adadelta with Keras 2.2's defaults; its Dropout rates are 0 here, since the
// two sides draw different masks).
#include "export/code_export.h"
#include "layers/conv2d.h"
#include "layers/pooling.h"
#include "torch_compare.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <type_traits>

using namespace nnp;
using namespace nnp::testutil;

namespace {

constexpr int kSteps = 20;
constexpr bool kDouble = std::is_same_v<Scalar, double>;
/// The largest relative difference allowed at step s (1-based).
double tolerance(int s)
{
    if (kDouble) return 1e-9;
    return s <= 10 ? 1e-5 : 1e-4;
}

LayerOptions conv(int filters, ActivationKind a = ActivationKind::ReLU)
{
    return LayerOptions().set(opt::conv2d::filters, filters).set(opt::activation, a);
}

/// A chain of (kind, options) from a 1×28×28 input to a softmax over ten classes.
GraphSpec chain(const std::vector<std::pair<LayerKind, LayerOptions>> &layers)
{
    GraphSpec g;
    NodeId prev = g.addNode(LayerKind::Input, "image", input({1, 28, 28}));
    int k = 0;
    for (const auto &[kind, o] : layers) {
        const NodeId id = g.addNode(kind, "layer" + std::to_string(++k), o);
        g.connect(prev, id);
        prev = id;
    }
    g.connect(prev, g.addNode(LayerKind::Softmax, "softmax", {}));
    return g;
}

GraphSpec w4()
{
    return chain({{LayerKind::Conv2D, conv(8)},
                  {LayerKind::MaxPool2D, {}},
                  {LayerKind::Conv2D, conv(16)},
                  {LayerKind::MaxPool2D, {}},
                  {LayerKind::Flatten, {}},
                  {LayerKind::Dense, dense(10, ActivationKind::Linear)}});
}

GraphSpec seedModel()
{
    const LayerOptions noDropout = LayerOptions().set(opt::dropout::rate, 0.0);
    return chain({{LayerKind::Conv2D, conv(32)},
                  {LayerKind::Conv2D, conv(64)},
                  {LayerKind::MaxPool2D, {}},
                  {LayerKind::Dropout, noDropout},
                  {LayerKind::Flatten, {}},
                  {LayerKind::Dense, dense(128, ActivationKind::ReLU)},
                  {LayerKind::Dropout, noDropout},
                  {LayerKind::Dense, dense(10, ActivationKind::Linear)}});
}

const char *kDriver = R"PY(
import importlib.util, json, sys
import numpy as np, torch
import torch.nn.functional as F
torch.set_num_threads(1)
script, data, labels, optimizer, batch, steps, dtype = sys.argv[1:8]
spec = importlib.util.spec_from_file_location("exported", script)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
model = mod.load_weights(mod.Model()).train()
torch.softmax = lambda z, dim: z  # the model's last layer: cross_entropy takes the logits, as our fused loss
x = torch.from_numpy(np.fromfile(data, dtype=np.float32).reshape(-1, mod.N_INPUTS))
if dtype == "float64":
    model, x = model.double(), x.double()
y = torch.from_numpy(np.fromfile(labels, dtype=np.int32).astype(np.int64))
if optimizer == "adam":
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
else:
    opt = torch.optim.Adadelta(model.parameters(), lr=1.0, rho=0.95, eps=1e-7)
batch, losses = int(batch), []
for s in range(int(steps)):
    xb, yb = x[s * batch:(s + 1) * batch], y[s * batch:(s + 1) * batch]
    opt.zero_grad()
    loss = F.cross_entropy(model(xb), yb)
    loss.backward()
    opt.step()
    losses.append(loss.item())
print(json.dumps(losses))
)PY";

} // namespace

class TestCnnParity : public QObject {
    Q_OBJECT

private slots:
    void lossesMatchPyTorch_data()
    {
        QTest::addColumn<int>("model");
        QTest::addColumn<int>("batch");
        QTest::newRow("W4, Adam, batch 64") << 0 << 64;
        QTest::newRow("MNIST CNN, Adadelta, batch 128") << 1 << 128;
    }

    void lossesMatchPyTorch()
    {
        QFETCH(int, model);
        QFETCH(int, batch);
        if (!torchAvailable()) QSKIP("python3 cannot import torch and numpy (install python3-torch)");
        QTemporaryDir dir;
        const GraphSpec spec = model == 0 ? w4() : seedModel();
        Network net = Network::build(spec, 17);
        roundParametersToFloat(net);
        // Pixels in [0, 1] and labels that depend on them (the mean brightness of a band), so the loss falls.
        const int n = kSteps * batch;
        Rng rng(23);
        Matrix x(784, n);
        std::vector<std::int32_t> labels(static_cast<std::size_t>(n));
        for (int c = 0; c < n; ++c) {
            for (int r = 0; r < 784; ++r)
                x(r, c) = static_cast<Scalar>(static_cast<float>(rng.uniform() * rng.uniform()));
            labels[static_cast<std::size_t>(c)] =
                static_cast<std::int32_t>(std::min(9.0, x.col(c).segment(300, 100).mean() * 40.0));
        }
        const QString script = dir.filePath("model.py"), data = dir.filePath("x.f32"),
                      labelFile = dir.filePath("y.i32");
        writePytorch(describeNetwork(net, Normalizer{}, "parity"), script.toStdString());
        writeFloatRows(x, data);
        {
            std::ofstream l(labelFile.toStdString(), std::ios::binary);
            l.write(reinterpret_cast<const char *>(labels.data()),
                    static_cast<std::streamsize>(labels.size() * sizeof(std::int32_t)));
        }

        TrainingConfig config;
        config.loss.kind = LossKind::SparseCategoricalCrossEntropy;
        config.optimizer.kind = model == 0 ? OptimizerKind::Adam : OptimizerKind::Adadelta;
        config.optimizer.learningRate = model == 0 ? 1e-3 : 1.0;
        config.optimizer.rho = 0.95;
        config.optimizer.epsilon = model == 0 ? 1e-8 : 1e-7;
        config.batchSize = batch;
        config.shuffle = false;
        config.epochs = 1;
        net.setLoss(config.loss);
        Matrix y(1, n);
        for (int c = 0; c < n; ++c)
            y(0, c) = static_cast<Scalar>(labels[static_cast<std::size_t>(c)]);
        Trainer trainer(net, config, {x, y});
        std::vector<double> ours;
        for (int s = 0; s < kSteps; ++s)
            ours.push_back(trainer.runBatch());

        const auto run =
            runProcess(QStringLiteral("/usr/bin/python3"),
                       {"-c", kDriver, script, data, labelFile, model == 0 ? "adam" : "adadelta",
                        QString::number(batch), QString::number(kSteps), kDouble ? "float64" : "float32"},
                       600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        double worst = 0;
        const QString differs = compareLosses(ours, run.out, tolerance, worst);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QVERIFY2(ours.back() < ours.front(), "the loss should fall over the 20 steps");
        qInfo("largest relative loss difference from PyTorch over %d steps: %.3g", kSteps, worst);
    }
};

QTEST_GUILESS_MAIN(TestCnnParity)
#include "tst_cnn_parity.moc"
