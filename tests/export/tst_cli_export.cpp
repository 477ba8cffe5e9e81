// `nnp export`: every format from a trained project, the exit codes for an untrained or damaged project, and
// the exported files checked (ONNX by onnx::checker, PyTorch by running it, data by its rows).
#include "export_test_util.h"
#include "io/project.h"
#include "train/trainer.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace nnp;
using namespace nnp::testutil;

namespace {
const QString kNnp = QStringLiteral(NNP_BINARY_DIR) + "/app/nnp";

/// A small circle-classification project, trained in-process and saved with its weights.
Project makeProject(bool trained)
{
    Project p;
    p.name = "circle demo";
    p.graph = makeMlp(2, {5}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    p.data.kind = DataSourceKind::Generator;
    p.data.generator.kind = GeneratorKind::Circle;
    p.data.generator.samples = 200;
    p.preprocessing.normalization = NormalizationKind::ZScore;
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.epochs = 3;
    if (trained) {
        const PreparedData data = prepareData(p, ".");
        Network net = Network::build(p.graph, p.training.seed);
        net.setLoss(p.training.loss);
        Trainer(net, p.training, data.train).run();
        storeWeights(p, net, data.normalizer);
    }
    return p;
}
} // namespace

class TestCliExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(kNnp), "build the nnp target first");
        m_trained = m_dir.filePath("trained.nnp");
        m_untrained = m_dir.filePath("untrained.nnp");
        saveProject(makeProject(true), m_trained.toStdString());
        saveProject(makeProject(false), m_untrained.toStdString());
    }

    void onnx()
    {
        const QString out = m_dir.filePath("m.onnx");
        const auto r = runProcess(kNnp, {"export", m_trained, "--format", "onnx", "--out", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains("opset 13"));
        onnx::ModelProto proto;
        std::ifstream in(out.toStdString(), std::ios::binary);
        QVERIFY(proto.ParseFromIstream(&in));
        onnx::checker::check_model(proto);
        QCOMPARE(proto.graph().input(0).type().tensor_type().shape().dim(1).dim_value(), 2L);
    }

    void pytorchReproducesTheProject()
    {
        const QString out = m_dir.filePath("py/model.py");
        QDir().mkpath(m_dir.filePath("py"));
        const auto r = runProcess(kNnp, {"export", m_trained, "-f", "pytorch", "-o", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFileInfo::exists(m_dir.filePath("py/model_weights.json")));
        if (runProcess("/usr/bin/python3", {"-c", "import torch"}, 120000).exitCode != 0)
            QSKIP("/usr/bin/python3 cannot import torch");
        // Our prediction from the saved project, against the script's.
        const Project p = loadProject(m_trained.toStdString());
        Network net = Network::build(p.graph, p.training.seed);
        restoreWeights(p, net);
        const Matrix raw = makeInputs(2, 30, 3);
        QVERIFY(writeInputsCsv(m_dir.filePath("py/in.csv"), raw));
        const auto run = runProcess("/usr/bin/python3", {out, m_dir.filePath("py/in.csv"), "--raw"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QString error;
        const Matrix theirs = parseRows(run.out, 1, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(p.normalizer.has_value());
        QVERIFY(maxAbsDiff(ourPrediction(net, *p.normalizer, raw), theirs) <= 1e-5);
    }

    void kerasAndWeights()
    {
        const QString keras = m_dir.filePath("k.py");
        QCOMPARE(runProcess(kNnp, {"export", m_trained, "-f", "keras", "-o", keras}).exitCode, 0);
        QCOMPARE(runProcess("/usr/bin/python3", {"-m", "py_compile", keras}).exitCode, 0);
        QVERIFY(QFileInfo::exists(m_dir.filePath("k_weights.json")));

        const QString json = m_dir.filePath("w.json");
        QCOMPARE(runProcess(kNnp, {"export", m_trained, "-f", "weights", "-o", json}).exitCode, 0);
        QFile f(json);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(f.readAll()).object()["tensors"].toArray().size(), 4);

        const QString dir = m_dir.filePath("wcsv");
        QCOMPARE(runProcess(kNnp, {"export", m_trained, "-f", "weights", "-o", dir}).exitCode, 0);
        QVERIFY(QFileInfo::exists(dir + "/tensors.csv"));
        QVERIFY(QFileInfo::exists(dir + "/hidden1.weight.csv"));
        QVERIFY(QFileInfo::exists(dir + "/normalization.csv"));
    }

    void data()
    {
        // The dataset needs no training: the untrained project works too.
        const QString out = m_dir.filePath("data.csv");
        const auto r = runProcess(kNnp, {"export", m_untrained, "-f", "data", "-o", out});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 201);
        QVERIFY2(lines[0].endsWith(",split"), qPrintable(lines[0]));
        QCOMPARE(lines.filter(",test").size() + lines.filter(",train").size(), 200);
    }

    void untrainedIsRefused()
    {
        const QString out = m_dir.filePath("never.onnx");
        const auto r = runProcess(kNnp, {"export", m_untrained, "-f", "onnx", "-o", out});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("no trained weights"), qPrintable(r.err));
        QVERIFY(!QFileInfo::exists(out));
    }

    void badArguments()
    {
        QCOMPARE(runProcess(kNnp, {"export", m_trained, "-f", "tflite", "-o", m_dir.filePath("x")}).exitCode,
                 1);
        QCOMPARE(runProcess(kNnp, {"export", m_trained, "-f", "onnx"}).exitCode, 1);
        const QString broken = m_dir.filePath("broken.nnp");
        QFile f(broken);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"format\": \"nnp\", \"version\": 1, \"graph\": 12}");
        f.close();
        const auto r = runProcess(kNnp, {"export", broken, "-f", "onnx", "-o", m_dir.filePath("b.onnx")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("broken.nnp"), qPrintable(r.err));
        QVERIFY(
            runProcess(kNnp, {"export", m_trained, "-f", "onnx", "-o", "/nonexistent/dir/m.onnx"}).exitCode ==
            2);
    }

    void exportOverTheProjectIsRefused()
    {
        // Issue 13 (7): `nnp export F -o F` replaced the project with the export.
        const QString self = m_dir.filePath("self.nnp");
        QVERIFY(QFile::copy(m_trained, self));
        QFile f(self);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray before = f.readAll();
        f.close();
        const QString sameFile = m_dir.filePath("sub/../self.nnp");
        QVERIFY(QDir().mkpath(m_dir.filePath("sub")));
        for (const char *format : {"onnx", "pytorch", "data"})
            for (const QString &out : {self, sameFile}) {
                const auto r = runProcess(kNnp, {"export", self, "-f", format, "-o", out});
                QCOMPARE(r.exitCode, 1);
                QVERIFY2(r.err.contains("is the project file itself"), qPrintable(r.err));
                QVERIFY(f.open(QIODevice::ReadOnly));
                QVERIFY2(f.readAll() == before, qPrintable(QString(format) + " replaced the project"));
                f.close();
            }
    }

private:
    QTemporaryDir m_dir;
    QString m_trained, m_untrained;
};

QTEST_GUILESS_MAIN(TestCliExport)
#include "tst_cli_export.moc"
