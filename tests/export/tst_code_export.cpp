// PyTorch and Keras scripts: the PyTorch script reproduces our predictions with Debian's python3-torch and
// trains one more step; the Keras script compiles and declares the weight shapes our tensors have.
#include "export/code_export.h"
#include "export_test_util.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

namespace {
const QString kPython = QStringLiteral("/usr/bin/python3");

// Imports the exported module, loads its weights, and takes one SGD step on an MSE loss in training mode
// (Dropout and BatchNorm active): every parameter must receive a finite gradient and change.
const char *kTrainStep = R"PY(
import importlib.util, sys, torch
spec = importlib.util.spec_from_file_location("exported", sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
torch.manual_seed(0)
model = mod.load_weights(mod.Model()).train()
params = [p for p in model.parameters()]
assert params and all(p.requires_grad for p in params), "weights must be trainable nn.Parameters"
before = [p.detach().clone() for p in params]
x = torch.rand(16, mod.N_INPUTS) * 2  # in [0, 2): real values, and ids 0 or 1 (.long()) for every Embedding
out = model(*mod.split_inputs(x))
loss = torch.nn.functional.mse_loss(out, torch.zeros_like(out))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
opt.zero_grad()
loss.backward()
assert all(p.grad is not None and torch.isfinite(p.grad).all() for p in params)
opt.step()
changed = sum(int(not torch.equal(a, p.detach())) for a, p in zip(before, params))
print(f"OK {len(params)} {changed} {loss.item():.6g}")
)PY";

// Reads EXPECTED_SHAPES from the Keras script without importing TensorFlow.
const char *kKerasShapes = R"PY(
import ast, json, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
for node in tree.body:
    if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "EXPECTED_SHAPES":
        print(json.dumps({k: [list(s) for s in v] for k, v in ast.literal_eval(node.value).items()}))
        break
)PY";

// Issue 13: model.save() on Keras 2 calls every custom layer's get_config() and load_model() rebuilds it
// with cls(**config). TensorFlow is not installed here: the script's Normalize class runs against a stand-in
// for keras.layers.Layer that behaves as Keras 2's does (get_config() gives name, trainable and dtype).
const char *kNormalizeConfig = R"PY(
import ast, json, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Normalize")
class Layer:
    def __init__(self, trainable=True, name=None, dtype=None):
        self.trainable, self.name, self.dtype = trainable, name, dtype
    def add_weight(self, name, shape, initializer, trainable):
        return (name, shape, initializer)
    def get_config(self):
        return {"name": self.name, "trainable": self.trainable, "dtype": self.dtype}
class layers:
    pass
layers.Layer = Layer
scope = {"layers": layers}
exec(compile(ast.Module(body=[cls], type_ignores=[]), sys.argv[1], "exec"), scope)
Normalize = scope["Normalize"]
a = Normalize(7, name="x_normalize")
config = a.get_config()
b = Normalize(**config)  # what load_model does
print(json.dumps({"config": config, "size": b.size, "offset": list(b.offset[1]), "trainable": b.trainable}))
)PY";

bool torchAvailable()
{
    return QFileInfo::exists(kPython) && runProcess(kPython, {"-c", "import torch"}, 120000).exitCode == 0;
}
} // namespace

class TestCodeExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_torch = torchAvailable();
    }

    void pytorch_data()
    {
        QTest::addColumn<int>("index");
        const auto nets = testNetworks();
        for (std::size_t i = 0; i < nets.size(); ++i)
            QTest::newRow(nets[i].name.c_str()) << static_cast<int>(i);
    }

    void pytorch()
    {
        if (!m_torch) QSKIP("/usr/bin/python3 cannot import torch (install python3-torch)");
        QFETCH(int, index);
        const TestNet t = testNetworks().at(static_cast<std::size_t>(index));
        Network net = makeNetwork(t.spec, 31 + static_cast<std::uint64_t>(index));
        const Normalizer norm = makeNormalizer(net, t.normalized, 8);
        const ExportModel model = describeNetwork(net, norm, t.name);
        const QString dir = m_dir.filePath(QString::fromStdString(t.name));
        QDir().mkpath(dir);
        const QString script = dir + "/model.py";
        const auto weights = writePytorch(model, script.toStdString());
        QCOMPARE(QString::fromStdString(weights.filename().string()), QString("model_weights.json"));

        // The script's own __main__ on a CSV of raw inputs.
        const Matrix raw = makeInputs(net, 40, 17);
        QVERIFY(writeInputsCsv(dir + "/inputs.csv", raw));
        const auto run = runProcess(kPython, {script, dir + "/inputs.csv"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QString error;
        const Matrix theirs = parseRows(run.out, net.outputSize(), error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Matrix ours = ourPrediction(net, norm, raw);
        const double diff = maxAbsDiff(ours, theirs);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("max abs diff %1").arg(diff)));

        // One further training step in PyTorch.
        const auto train = runProcess(kPython, {"-c", kTrainStep, script});
        QVERIFY2(train.exitCode == 0, qPrintable(train.err));
        const QStringList parts = train.out.trimmed().split(' ');
        QCOMPARE(parts.value(0), QString("OK"));
        QCOMPARE(parts.value(1).toInt(), static_cast<int>(net.parameters().size()));
        QVERIFY2(parts.value(2).toInt() > 0, qPrintable(train.out));
    }

    void pytorchRejectsWrongWeights()
    {
        if (!m_torch) QSKIP("/usr/bin/python3 cannot import torch (install python3-torch)");
        // A weights file from another network must be refused with the tensor's name, not silently
        // half-loaded.
        Network a = makeNetwork(mlp(ActivationKind::ReLU), 1);
        GraphSpec other = mlp(ActivationKind::ReLU);
        other.find(2)->options.set(opt::dense::units, 6);
        Network b = makeNetwork(other, 1);
        const QString dir = m_dir.filePath("mismatch");
        QDir().mkpath(dir);
        writePytorch(describeNetwork(a, {}), (dir + "/a.py").toStdString());
        writePytorch(describeNetwork(b, {}), (dir + "/b.py").toStdString());
        QVERIFY(writeInputsCsv(dir + "/in.csv", makeInputs(3, 2, 1)));
        const auto run =
            runProcess(kPython, {dir + "/a.py", dir + "/in.csv", "--weights", dir + "/b_weights.json"});
        QVERIFY(run.exitCode != 0);
        QVERIFY2(run.err.contains("hidden_1.weight"), qPrintable(run.err));
    }

    void keras_data() { pytorch_data(); }

    void keras()
    {
        QFETCH(int, index);
        const TestNet t = testNetworks().at(static_cast<std::size_t>(index));
        Network net = makeNetwork(t.spec, 5);
        const ExportModel model = describeNetwork(net, makeNormalizer(net, t.normalized, 2), t.name);
        const QString dir = m_dir.filePath("keras_" + QString::fromStdString(t.name));
        QDir().mkpath(dir);
        const QString script = dir + "/model.py";
        writeKeras(model, script.toStdString());
        const auto compile = runProcess(kPython, {"-m", "py_compile", script});
        QVERIFY2(compile.exitCode == 0, qPrintable(compile.err));

        const auto shapes = runProcess(kPython, {"-c", kKerasShapes, script});
        QVERIFY2(shapes.exitCode == 0, qPrintable(shapes.err));
        const QJsonObject declared = QJsonDocument::fromJson(shapes.out.toUtf8()).object();
        int layersWithWeights = 0;
        for (const auto &n : model.nodes) {
            if (n.tensors.empty()) continue;
            ++layersWithWeights;
            const QJsonArray got = declared[QString::fromStdString(n.ident)].toArray();
            QJsonArray want;
            if (n.kind == LayerKind::Dense) {
                const auto &w = n.tensor("weight").shape;
                want.append(QJsonArray{w[1], w[0]}); // Keras kernel: [inputs, units]
                if (n.options.get(opt::dense::useBias)) want.append(QJsonArray{n.tensor("bias").shape[0]});
            } else if (n.kind == LayerKind::Conv2D) {
                const auto &w = n.tensor("weight").shape; // ours (PyTorch's): [filters, channels, kh, kw]
                want.append(QJsonArray{w[2], w[3], w[1], w[0]}); // Keras kernel: HWIO
                if (n.options.get(opt::conv2d::useBias)) want.append(QJsonArray{n.tensor("bias").shape[0]});
            } else if (n.kind == LayerKind::Embedding) {
                const auto &w = n.tensor("weight").shape; // [vocabulary, dim] in Keras too
                want.append(QJsonArray{w[0], w[1]});
            } else if (isRecurrent(n.kind)) {
                // Keras: kernel [features, G·units], recurrent kernel [units, G·units], bias [G·units] (the
                // two summed) or, for the GRU with reset_after, [2, G·units].
                const auto &w = n.tensor("weight_ih").shape, &u = n.tensor("weight_hh").shape;
                want.append(QJsonArray{w[1], w[0]});
                want.append(QJsonArray{u[1], u[0]});
                want.append(n.kind == LayerKind::GRU ? QJsonArray{2, w[0]} : QJsonArray{w[0]});
            } else {
                for (const char *name : {"gamma", "beta", "running_mean", "running_var"})
                    want.append(QJsonArray{n.tensor(name).shape[0]});
            }
            QVERIFY2(got == want, qPrintable(QString::fromStdString(n.ident) + ": " +
                                             QJsonDocument(got).toJson(QJsonDocument::Compact)));
        }
        QCOMPARE(declared.size(), layersWithWeights);
    }

    void kerasNormalizeHasGetConfig()
    {
        const TestNet t = testNetworks().front();
        Network net = makeNetwork(t.spec, 5);
        const ExportModel model = describeNetwork(net, makeNormalizer(net, true, 2), t.name);
        const QString script = m_dir.filePath("keras_config.py");
        writeKeras(model, script.toStdString());
        const auto run = runProcess(kPython, {"-c", kNormalizeConfig, script});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject got = QJsonDocument::fromJson(run.out.toUtf8()).object();
        const QJsonObject config = got["config"].toObject();
        QCOMPARE(config["size"].toInt(), 7);
        QCOMPARE(config["name"].toString(), QStringLiteral("x_normalize"));
        QCOMPARE(got["size"].toInt(), 7);
        QCOMPARE(got["offset"].toArray(), (QJsonArray{7}));
        QCOMPARE(got["trainable"].toBool(), false);
    }

    void identifiers()
    {
        QCOMPARE(QString::fromStdString(makeIdentifier("hidden 1")), QString("hidden_1"));
        QCOMPARE(QString::fromStdString(makeIdentifier("1st layer!")), QString("n_1st_layer"));
        QCOMPARE(QString::fromStdString(makeIdentifier("class")), QString("class_"));
        QCOMPARE(QString::fromStdString(makeIdentifier("forward")), QString("forward_"));
        QCOMPARE(QString::fromStdString(makeIdentifier("äöü")), QString("node"));
    }

private:
    QTemporaryDir m_dir;
    bool m_torch = false;
};

QTEST_GUILESS_MAIN(TestCodeExport)
#include "tst_code_export.moc"
