// Every sample project exports to ONNX and PyTorch, and both reproduce our predictions on the sample's test
// split (onnxruntime from npm, Debian's python3-torch). Samples with stored weights use them; the others
// train briefly.
#include "export/code_export.h"
#include "export/onnx_export.h"
#include "export_test_util.h"
#include "io/project.h"
#include "train/trainer.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

namespace {
constexpr int kMaxSamples = 400; // enough to compare, small enough for a JSON feed of MNIST-sized inputs

struct Trained {
    Project project;
    std::optional<Network> net;
    Normalizer normalizer;
    Matrix raw; ///< test inputs before normalisation [features x N]
};

Trained prepare(const QString &file)
{
    Trained t;
    t.project = loadProject(file.toStdString());
    const PreparedData data = prepareData(t.project, QFileInfo(file).absolutePath().toStdString());
    t.net.emplace(Network::build(t.project.graph, t.project.training.seed));
    t.net->setLoss(t.project.training.loss);
    if (!t.project.weights.empty()) {
        restoreWeights(t.project, *t.net);
        t.normalizer = t.project.normalizer.value_or(data.normalizer);
    } else {
        TrainingConfig cfg = t.project.training;
        cfg.epochs = std::min(cfg.epochs, 2);
        Trainer(*t.net, cfg, data.train).run();
        t.normalizer = data.normalizer;
    }
    const Matrix &x = data.test.x.cols() > 0 ? data.test.x : data.train.x;
    Matrix normalized = x.leftCols(std::min<Eigen::Index>(x.cols(), kMaxSamples));
    // Undo the normalisation to get what a user would feed the exported model.
    t.raw = normalized;
    if (!t.normalizer.isIdentity())
        for (Eigen::Index r = 0; r < t.raw.rows(); ++r)
            t.raw.row(r) = t.raw.row(r).array() / t.normalizer.scale(r) + t.normalizer.offset(r);
    return t;
}

QStringList sampleFiles()
{
    QStringList files;
    QDirIterator it(QStringLiteral(NNP_SOURCE_DIR) + "/samples", {"*.nnp"}, QDir::Files);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}
} // namespace

class TestExportSamples : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void samples_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = sampleFiles();
        if (files.isEmpty()) QSKIP("no sample projects in samples/");
        for (const QString &f : files)
            QTest::newRow(qPrintable(QFileInfo(f).baseName())) << f;
    }

    // In process: the library's exporters on the sample's network.
    void samples()
    {
        QFETCH(QString, file);
        Trained t = prepare(file);
        const ExportModel model = describeNetwork(*t.net, t.normalizer, t.project.name);
        const QString base = m_dir.filePath(QFileInfo(file).baseName());
        QDir().mkpath(base);
        writeOnnx(model, (base + "/model.onnx").toStdString());
        writePytorch(model, (base + "/model.py").toStdString());
        compare(t, model, base);
    }

    void cli_data() { samples_data(); }

    // As a user does it: `nnp train --epochs 1 --out`, then `nnp export` to ONNX and PyTorch.
    void cli()
    {
        QFETCH(QString, file);
        const QString nnp = QStringLiteral(NNP_BINARY_DIR) + "/app/nnp";
        QVERIFY2(QFileInfo::exists(nnp), "build the nnp target first");
        const QString base = m_dir.filePath("cli_" + QFileInfo(file).baseName());
        QDir().mkpath(base);
        const QString trained = base + "/trained.nnp";
        const auto train = runProcess(nnp, {"train", file, "--epochs", "1", "--out", trained, "--quiet"});
        QVERIFY2(train.exitCode == 0 && QFileInfo::exists(trained), qPrintable(train.err));
        for (const char *format : {"onnx", "pytorch"}) {
            const QString out = base + (QString(format) == "onnx" ? "/model.onnx" : "/model.py");
            const auto r = runProcess(nnp, {"export", trained, "--format", format, "--out", out});
            QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        }
        Trained t = prepare(trained); // the stored weights and normaliser
        QVERIFY(!t.project.weights.empty());
        compare(t, describeNetwork(*t.net, t.normalizer, t.project.name), base);
    }

private:
    /// `base`/model.onnx in onnxruntime and `base`/model.py in PyTorch against our predictions on t.raw.
    void compare(Trained &t, const ExportModel &model, const QString &base)
    {
        compareExportsWithOurs(ourPrediction(*t.net, t.normalizer, t.raw), t.raw, t.net->outputSize(), model,
                               base, QFileInfo(base).fileName());
    }

    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestExportSamples)
#include "tst_export_samples.moc"
