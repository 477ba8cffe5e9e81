// Embedding parity with PyTorch (issue 11): the same initial weights (ours, carried by the PyTorch export:
// nn.Embedding, padding_idx=0 for mask_zero) and the same batches in the same order give the same binary
// cross-entropy at every one of 20 Adam steps, in our core and in PyTorch 1.13, within 1e-5 relative. Two
// models: the seed's recommender (user and item ids -> Embedding(·, 8) each -> Flatten -> Concatenate ->
// Dense 128 relu -> Dense 1 sigmoid) and a padded sequence of word ids with mask_zero (dense Adam on the
// table, as PyTorch's nn.Embedding without sparse gradients). And the other way round: what torch.onnx.export
// writes for nn.Embedding imports and gives PyTorch's predictions.
#include "export/code_export.h"
#include "export/onnx_import.h"
#include "torch_compare.h"
#include "train/trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <type_traits>

using namespace nnp;
using namespace nnp::testutil;

namespace {

constexpr int kSteps = 20;
constexpr bool kDouble = std::is_same_v<Scalar, double>;

LayerOptions ids(int steps)
{
    return input({steps}).set(opt::input::values, InputValues::Ids);
}
LayerOptions table(int vocab, int dim, bool maskZero = false)
{
    return LayerOptions()
        .set(opt::embedding::inputDim, vocab)
        .set(opt::embedding::outputDim, dim)
        .set(opt::embedding::maskZero, maskZero);
}

GraphSpec recommender(int users, int items)
{
    GraphSpec g;
    const NodeId u = g.addNode(LayerKind::Input, "user", ids(1));
    const NodeId i = g.addNode(LayerKind::Input, "item", ids(1));
    const NodeId eu = g.addNode(LayerKind::Embedding, "user_emb", table(users, 8));
    const NodeId ei = g.addNode(LayerKind::Embedding, "item_emb", table(items, 8));
    const NodeId fu = g.addNode(LayerKind::Flatten, "user_flat", {});
    const NodeId fi = g.addNode(LayerKind::Flatten, "item_flat", {});
    const NodeId cat = g.addNode(LayerKind::Concatenate, "joined", {});
    const NodeId h = g.addNode(LayerKind::Dense, "hidden", dense(128, ActivationKind::ReLU));
    const NodeId o = g.addNode(LayerKind::Dense, "liked", dense(1, ActivationKind::Sigmoid));
    g.connect(u, eu);
    g.connect(i, ei);
    g.connect(eu, fu);
    g.connect(ei, fi);
    g.connect(fu, cat);
    g.connect(fi, cat);
    g.connect(cat, h);
    g.connect(h, o);
    return g;
}

GraphSpec paddedWords(int vocab, int steps)
{
    GraphSpec g;
    const NodeId w = g.addNode(LayerKind::Input, "words", ids(steps));
    const NodeId e = g.addNode(LayerKind::Embedding, "word_emb", table(vocab, 6, true));
    const NodeId f = g.addNode(LayerKind::Flatten, "flat", {});
    const NodeId h = g.addNode(LayerKind::Dense, "hidden", dense(16, ActivationKind::Tanh));
    const NodeId o = g.addNode(LayerKind::Dense, "positive", dense(1, ActivationKind::Sigmoid));
    g.connect(w, e);
    g.connect(e, f);
    g.connect(f, h);
    g.connect(h, o);
    return g;
}

/// Padded word ids → Embedding (mask_zero) → the mean and the largest value over the real steps only
/// (GlobalAveragePool1D, GlobalMaxPool1D behind the mask; the PyTorch export computes both by hand).
GraphSpec pooledWords(int vocab, int steps)
{
    GraphSpec g;
    const NodeId w = g.addNode(LayerKind::Input, "words", ids(steps));
    const NodeId e = g.addNode(LayerKind::Embedding, "word_emb", table(vocab, 6, true));
    const NodeId mean = g.addNode(LayerKind::GlobalAveragePool1D, "mean", {});
    const NodeId max = g.addNode(LayerKind::GlobalMaxPool1D, "max", {});
    const NodeId cat = g.addNode(LayerKind::Concatenate, "joined", {});
    const NodeId h = g.addNode(LayerKind::Dense, "hidden", dense(16, ActivationKind::Tanh));
    const NodeId o = g.addNode(LayerKind::Dense, "positive", dense(1, ActivationKind::Sigmoid));
    g.connect(w, e);
    g.connect(e, mean);
    g.connect(e, max);
    g.connect(mean, cat);
    g.connect(max, cat);
    g.connect(cat, h);
    g.connect(h, o);
    return g;
}

const char *kDriver = R"PY(
import importlib.util, json, sys
import numpy as np, torch
import torch.nn.functional as F
torch.set_num_threads(1)
script, data, labels, batch, steps, dtype = sys.argv[1:7]
spec = importlib.util.spec_from_file_location("exported", script)
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
model = mod.load_weights(mod.Model()).train()
torch.sigmoid = lambda z: z  # the model's last layer: the loss takes the logits, as our fused loss
x = torch.from_numpy(np.fromfile(data, dtype=np.float32).reshape(-1, mod.N_INPUTS))
y = torch.from_numpy(np.fromfile(labels, dtype=np.float32).reshape(-1, 1))
if dtype == "float64":
    model, x, y = model.double(), x.double(), y.double()
opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), eps=1e-8)
batch, losses = int(batch), []
for s in range(int(steps)):
    xb, yb = x[s * batch:(s + 1) * batch], y[s * batch:(s + 1) * batch]
    opt.zero_grad()
    loss = F.binary_cross_entropy_with_logits(model(*mod.split_inputs(xb)), yb)
    loss.backward()
    opt.step()
    losses.append(loss.item())
print(json.dumps(losses))
)PY";

} // namespace

class TestEmbeddingParity : public QObject {
    Q_OBJECT

private slots:
    void lossesMatchPyTorch_data()
    {
        QTest::addColumn<bool>("sequence");
        QTest::addColumn<bool>("pooled");
        QTest::addColumn<int>("batch");
        QTest::newRow("seed recommender, Adam, batch 64") << false << false << 64;
        QTest::newRow("padded word ids, mask_zero, Adam, batch 32") << true << false << 32;
        QTest::newRow("padded word ids, mask_zero, mean and max over time, Adam, batch 32")
            << true << true << 32;
    }

    void lossesMatchPyTorch()
    {
        QFETCH(bool, sequence);
        QFETCH(bool, pooled);
        QFETCH(int, batch);
        if (!torchAvailable()) QSKIP("python3 cannot import torch and numpy (install python3-torch)");
        QTemporaryDir dir;
        constexpr int kUsers = 50, kItems = 30, kVocab = 20, kWords = 5;
        Network net = Network::build(pooled     ? pooledWords(kVocab, kWords)
                                     : sequence ? paddedWords(kVocab, kWords)
                                                : recommender(kUsers, kItems),
                                     19);
        roundParametersToFloat(net);
        // Labels that depend on the ids, so the loss falls; sentences padded with id 0 at the end.
        const int n = kSteps * batch;
        Rng rng(29);
        Matrix x(net.inputSize(), n), y(1, n);
        for (int c = 0; c < n; ++c) {
            if (sequence) {
                // The pooled model also meets sentences of padding only; its words are distinct (a tie in
                // the max would send the gradient to the first step here, to both in PyTorch's amax).
                const int length = pooled ? static_cast<int>(rng.below(kWords + 1))
                                          : 1 + static_cast<int>(rng.below(kWords));
                int sum = 0;
                for (int t = 0; t < kWords; ++t) {
                    int id = t < length ? 1 + static_cast<int>(rng.below(kVocab - 1)) : 0;
                    for (int u = 0; pooled && id != 0 && u < t; ++u)
                        if (x(u, c) == static_cast<Scalar>(id)) {
                            id = 1 + static_cast<int>(rng.below(kVocab - 1));
                            u = -1; // drawn again: check every earlier word
                        }
                    x(t, c) = static_cast<Scalar>(id);
                    sum += id;
                }
                y(0, c) = sum % 3 == 0 ? 1 : 0;
            } else {
                const int u = static_cast<int>(rng.below(kUsers)), i = static_cast<int>(rng.below(kItems));
                x(0, c) = static_cast<Scalar>(u);
                x(1, c) = static_cast<Scalar>(i);
                y(0, c) = (u * 7 + i * 3) % 5 < 2 ? 1 : 0;
            }
        }
        const QString script = dir.filePath("model.py"), data = dir.filePath("x.f32"),
                      labelFile = dir.filePath("y.f32");
        writePytorch(describeNetwork(net, Normalizer{}, "parity"), script.toStdString());
        writeFloatRows(x, data);
        writeFloatRows(y, labelFile);

        TrainingConfig config;
        config.loss.kind = LossKind::BinaryCrossEntropy;
        config.optimizer.kind = OptimizerKind::Adam;
        config.optimizer.learningRate = 1e-3;
        config.optimizer.epsilon = 1e-8;
        config.batchSize = batch;
        config.shuffle = false;
        config.epochs = 1;
        net.setLoss(config.loss);
        Trainer trainer(net, config, {x, y});
        std::vector<double> ours;
        for (int s = 0; s < kSteps; ++s)
            ours.push_back(trainer.runBatch());

        const auto run = runProcess(QStringLiteral("/usr/bin/python3"),
                                    {"-c", kDriver, script, data, labelFile, QString::number(batch),
                                     QString::number(kSteps), kDouble ? "float64" : "float32"},
                                    600000);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        double worst = 0;
        const QString differs = compareLosses(
            ours, run.out, [](int) { return kDouble ? 1e-9 : 1e-5; }, worst);
        QVERIFY2(differs.isEmpty(), qPrintable(differs));
        QVERIFY2(ours.back() < ours.front(), "the loss should fall over the 20 steps");
        qInfo("largest relative loss difference from PyTorch over %d steps: %.3g", kSteps, worst);
    }

    void pytorchEmbeddingModels_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("opset");
        QTest::newRow("recommender, int64 ids, opset 13") << "recommender" << 13;
        QTest::newRow("recommender, int64 ids, opset 17") << "recommender" << 17;
        QTest::newRow("float ids cast with .long(), padding_idx") << "cast" << 13;
    }

    // What torch.onnx.export writes for nn.Embedding (a Gather on the table, from int64 inputs or a Cast of
    // float ones) imports as Embedding layers with id Inputs and gives PyTorch's outputs from the same ids.
    void pytorchEmbeddingModels()
    {
        QFETCH(QString, model);
        QFETCH(int, opset);
        if (!torchAvailable(false)) QSKIP("/usr/bin/python3 cannot import torch (install python3-torch)");
        QTemporaryDir dir;
        const char *script = R"PY(
import json, sys, torch
from torch import nn
torch.manual_seed(7)
kind = sys.argv[3]
class Recommender(nn.Module):
    def __init__(self):
        super().__init__()
        self.user_emb, self.item_emb = nn.Embedding(7, 4), nn.Embedding(5, 4)
        self.hidden, self.out = nn.Linear(8, 6), nn.Linear(6, 1)
    def forward(self, user, item):
        h = torch.cat([torch.flatten(self.user_emb(user), 1), torch.flatten(self.item_emb(item), 1)], dim=1)
        return torch.sigmoid(self.out(torch.relu(self.hidden(h))))
class Words(nn.Module):
    def __init__(self):
        super().__init__()
        self.words = nn.Embedding(9, 3, padding_idx=0)
        self.out = nn.Linear(12, 2)
    def forward(self, x):
        return self.out(torch.flatten(self.words(x.long()), 1))
n = 16
if kind == "recommender":
    m, ins, names = Recommender(), (torch.randint(0, 7, (n, 1)), torch.randint(0, 5, (n, 1))), ["user", "item"]
else:
    m, ins, names = Words(), (torch.randint(0, 9, (n, 4)).float(),), ["words"]
m.eval()
torch.onnx.export(m, ins, sys.argv[1], input_names=names, output_names=["y"],
                  dynamic_axes={**{k: {0: "N"} for k in names}, "y": {0: "N"}}, opset_version=int(sys.argv[4]))
with torch.no_grad():
    y = m(*ins)
json.dump({"x": torch.cat([i.float() for i in ins], dim=1).tolist(), "y": y.tolist()}, open(sys.argv[2], "w"))
)PY";
        const QString file = dir.filePath("torch.onnx"), data = dir.filePath("data.json");
        const auto r =
            runProcess("/usr/bin/python3", {"-c", script, file, data, model, QString::number(opset)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const ImportedModel imported = importOnnx(file.toStdString());
        int embeddings = 0, idInputs = 0;
        for (const auto &n : imported.graph.nodes) {
            embeddings += n.kind == LayerKind::Embedding;
            idInputs += n.kind == LayerKind::Input && n.options.get(opt::input::values) == InputValues::Ids;
        }
        QCOMPARE(embeddings, model == "recommender" ? 2 : 1);
        QCOMPARE(idInputs, embeddings);
        Network net = buildImported(imported);
        Matrix raw, expected;
        QVERIFY(readTorchSamples(data, raw, expected));
        QCOMPARE(net.inputSize(), raw.rows());
        const double diff = maxAbsDiff(ourPrediction(net, imported.normalizer, raw), expected);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("max abs diff %1").arg(diff)));
    }
};

QTEST_GUILESS_MAIN(TestEmbeddingParity)
#include "tst_embedding_parity.moc"
