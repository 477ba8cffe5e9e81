// Models leave with their meaning (issue 13): the PyTorch script reads the raw CSV rows a project was trained
// on (categories one-hot, a generator's engineered features, pixels 0-255) and prints the same classes and
// probabilities as `nnp predict` on the same file; the ONNX file carries the feature and class names in its
// metadata_props (read back in node beside onnxruntime); the Keras script carries the same tables.
#include "data/idx.h"
#include "export_test_util.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

namespace {
const QString kNnp = QStringLiteral(NNP_BINARY_DIR) + "/app/nnp";
const QString kSamples = QStringLiteral(NNP_SOURCE_DIR) + "/samples";

struct Table {
    QStringList header;
    QList<QStringList> rows;
};

Table parseTable(const QString &text)
{
    Table t;
    const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
    if (lines.isEmpty()) return t;
    t.header = lines.front().trimmed().split(',');
    for (int k = 1; k < lines.size(); ++k)
        t.rows << lines[k].trimmed().split(',');
    return t;
}

bool torchAvailable()
{
    static const bool ok = runProcess("/usr/bin/python3", {"-c", "import torch"}, 120000).exitCode == 0;
    return ok;
}
} // namespace

class TestExportMeaning : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    /// samples/<name>.nnp trained for `epochs` into the temporary folder (its data paths made absolute).
    QString trained(const QString &name, int epochs)
    {
        const QString out = m_dir.filePath(name + ".nnp");
        if (QFileInfo::exists(out)) return out;
        const auto r = runProcess(kNnp, {"train", kSamples + "/" + name + ".nnp", "--epochs",
                                         QString::number(epochs), "--out", out, "-q"});
        if (r.exitCode != 0) qWarning("nnp train %s: %s", qPrintable(name), qPrintable(r.err));
        return r.exitCode == 0 ? out : QString();
    }

    /// Exports `project` as a PyTorch script, runs it on `csv` and compares with `nnp predict` on the same
    /// file: the same header, the same class per row, every probability (or value) within 1e-5.
    void comparePredictions(const QString &project, const QString &csv, const QString &label, int expectRows)
    {
        QVERIFY2(!project.isEmpty(), "training failed");
        const QString script = m_dir.filePath(label + "/model.py");
        QDir().mkpath(m_dir.filePath(label));
        const auto ex = runProcess(kNnp, {"export", project, "-f", "pytorch", "-o", script});
        QVERIFY2(ex.exitCode == 0, qPrintable(ex.err));
        const auto ours = runProcess(kNnp, {"predict", project, "--input", csv, "--precision", "9"});
        QVERIFY2(ours.exitCode == 0, qPrintable(ours.err));
        if (!torchAvailable()) QSKIP("/usr/bin/python3 cannot import torch");
        const auto theirs = runProcess("/usr/bin/python3", {script, csv});
        QVERIFY2(theirs.exitCode == 0, qPrintable(theirs.err));
        const Table a = parseTable(ours.out), b = parseTable(theirs.out);
        QCOMPARE(b.header, a.header);
        QCOMPARE(a.rows.size(), expectRows);
        QCOMPARE(b.rows.size(), a.rows.size());
        const bool classes = a.header.front() == "class";
        double worst = 0;
        int ties = 0;
        for (int r = 0; r < a.rows.size(); ++r) {
            QCOMPARE(b.rows[r].size(), a.rows[r].size());
            std::vector<double> p;
            for (int c = classes ? 1 : 0; c < a.rows[r].size(); ++c) {
                bool ok1 = false, ok2 = false;
                const double x = a.rows[r][c].toDouble(&ok1), y = b.rows[r][c].toDouble(&ok2);
                QVERIFY2(ok1 && ok2, qPrintable(a.rows[r].join(',') + " / " + b.rows[r].join(',')));
                worst = std::max(worst, std::abs(x - y) / std::max(1.0, std::abs(x)));
                p.push_back(x);
            }
            if (!classes || a.rows[r].front() == b.rows[r].front()) continue;
            // Another class only where two probabilities tie within the tolerance.
            std::sort(p.rbegin(), p.rend());
            QVERIFY2(
                p.size() > 1 && p[0] - p[1] <= 1e-5,
                qPrintable(QString("row %1: %2 vs %3").arg(r + 1).arg(a.rows[r].front(), b.rows[r].front())));
            ++ties;
        }
        qInfo("%s: %lld rows, max difference %g, %d ties", qPrintable(label),
              static_cast<long long>(a.rows.size()), worst, ties);
        QVERIFY2(worst <= 1e-5, qPrintable(QString("max difference %1").arg(worst)));
    }

    QJsonObject onnxMeaning(const QString &project, const QString &label)
    {
        const QString onnx = m_dir.filePath(label + ".onnx");
        const auto ex = runProcess(kNnp, {"export", project, "-f", "onnx", "-o", onnx});
        if (ex.exitCode != 0) {
            qWarning("%s", qPrintable(ex.err));
            return {};
        }
        QString why;
        const QString modules = onnxRuntimeModules(why);
        if (modules.isEmpty()) {
            qWarning("onnxruntime unavailable: %s", qPrintable(why));
            return {};
        }
        const QString out = m_dir.filePath(label + ".meaning.json");
        const auto r =
            runProcess("node", {QStringLiteral(NNP_SOURCE_DIR) + "/tests/export/onnx_meaning.js", onnx, out},
                       300000, {}, {"NODE_PATH=" + modules});
        if (r.exitCode != 0) {
            qWarning("node: %s", qPrintable(r.err));
            return {};
        }
        QFile f(out);
        if (!f.open(QIODevice::ReadOnly)) return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    static QStringList jsonStrings(const QString &text)
    {
        QStringList r;
        for (const auto &v : QJsonDocument::fromJson(text.toUtf8()).array())
            r << v.toString();
        return r;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(kNnp), "build the nnp target first");
    }

    // Penguins' raw file: four numbers, two text columns (island, sex) one-hot encoded by the script.
    void penguinsFromRawRows()
    {
        comparePredictions(trained("penguins", 20), kSamples + "/datasets/penguins/penguins.csv", "penguins",
                           333);
    }

    void irisFromRawRows()
    {
        comparePredictions(trained("iris", 20), kSamples + "/datasets/iris/iris.csv", "iris", 150);
    }

    // Spiral from raw x, y: the script computes the 7 engineered features itself.
    void spiralFromPoints()
    {
        const QString csv = m_dir.filePath("points.csv");
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("x1,x2\n");
        for (int i = 0; i < 60; ++i) // a spiral-like walk over the plane, away from lattice points
            f.write(QString("%1,%2\n")
                        .arg(5.7 * std::cos(i * 0.7) * (i + 3) / 63.0)
                        .arg(5.3 * std::sin(i * 0.7) * (i + 3) / 63.0)
                        .toUtf8());
        f.close();
        comparePredictions(trained("spiral", 20), csv, "spiral", 60);
        const QString script = m_dir.filePath("spiral/model.py");
        QFile s(script);
        QVERIFY(s.open(QIODevice::ReadOnly));
        QVERIFY(s.readAll().contains(
            R"t(ENGINEERED = ["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"])t"));
    }

    // An image project (IDX): one row of raw pixels 0-255 per image; the scaling is inside the model.
    void mnistFromRawPixels()
    {
        const Dataset test =
            loadIdx((kSamples + "/datasets/mnist_subset/test-images-idx3-ubyte.gz").toStdString(),
                    (kSamples + "/datasets/mnist_subset/test-labels-idx1-ubyte.gz").toStdString());
        const QString csv = m_dir.filePath("pixels.csv");
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QStringList header;
        for (Eigen::Index r = 0; r < test.x.rows(); ++r)
            header << QString("pixel%1").arg(r);
        f.write((header.join(',') + "\n").toUtf8());
        for (int c = 0; c < 40; ++c) {
            QStringList row;
            for (Eigen::Index r = 0; r < test.x.rows(); ++r)
                row << QString::number(static_cast<int>(test.x(r, c))); // raw 0-255
            f.write((row.join(',') + "\n").toUtf8());
        }
        f.close();
        comparePredictions(trained("mnist_subset", 1), csv, "mnist", 40);
    }

    // A regression: the header is the target's name, the values nnp predict's.
    void regressionFromRawRows()
    {
        comparePredictions(trained("sat_act", 20), kSamples + "/datasets/sat_act/sat_act.csv", "sat_act",
                           687);
    }

    void onnxCarriesNamesInMetadata()
    {
        const QJsonObject o = onnxMeaning(trained("penguins", 20), "penguins");
        if (o.isEmpty()) QSKIP("node or onnxruntime unavailable");
        const QJsonObject meta = o["metadata"].toObject();
        QCOMPARE(meta["nnp.task"].toString(), QString("classification"));
        QCOMPARE(jsonStrings(meta["nnp.class_names"].toString()),
                 (QStringList{"Adelie", "Chinstrap", "Gentoo"}));
        const QStringList features = jsonStrings(meta["nnp.feature_names"].toString());
        QCOMPARE(features, (QStringList{"bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g",
                                        "island=Biscoe", "island=Dream", "island=Torgersen", "sex=female",
                                        "sex=male"}));
        // As many names as onnxruntime sees input features; the output is named for what it holds.
        QCOMPARE(o["inputs"].toArray()[0].toObject()["shape"].toArray()[1].toInt(), features.size());
        QCOMPARE(o["outputs"].toArray()[0].toObject()["name"].toString(), QString("probabilities"));
        QCOMPARE(meta["nnp.normalization"].toString(), QString("zscore"));
        const QJsonObject raw = QJsonDocument::fromJson(meta["nnp.raw_input"].toString().toUtf8()).object();
        QCOMPARE(raw["kind"].toString(), QString("csv"));
        const QJsonObject island = raw["columns"].toArray()[4].toObject();
        QCOMPARE(island["name"].toString(), QString("island"));
        QCOMPARE(island["type"].toString(), QString("categories"));
        QCOMPARE(island["one_hot"].toArray().size(), 3);
        QVERIFY(o["doc"].toString().contains("Adelie, Chinstrap, Gentoo"));
        QCOMPARE(meta["nnp.project"].toString(), QString("penguins"));
        QVERIFY(meta["nnp.description"].toString().contains("penguins"));
    }

    void onnxCarriesEngineeredFeaturesAndVocabulary()
    {
        const QJsonObject spiral = onnxMeaning(trained("spiral", 20), "spiral");
        if (spiral.isEmpty()) QSKIP("node or onnxruntime unavailable");
        const QJsonObject meta = spiral["metadata"].toObject();
        QCOMPARE(jsonStrings(meta["nnp.feature_names"].toString()).size(), 7);
        QCOMPARE(jsonStrings(meta["nnp.class_names"].toString()), (QStringList{"0", "1"}));
        const QJsonObject raw = QJsonDocument::fromJson(meta["nnp.raw_input"].toString().toUtf8()).object();
        QCOMPARE(raw["kind"].toString(), QString("plane"));
        QCOMPARE(raw["features"].toArray()[6].toString(), QString("sin(x2)"));

        // A text model carries its tokenizer's vocabulary.
        const QJsonObject words = onnxMeaning(trained("bag_of_words", 2), "bag_of_words");
        QVERIFY(!words.isEmpty());
        const QJsonObject wm = words["metadata"].toObject();
        QVERIFY(wm.contains("nnp.tokenizer"));
        const QJsonObject text = QJsonDocument::fromJson(wm["nnp.raw_input"].toString().toUtf8())
                                     .object()["columns"]
                                     .toArray()[0]
                                     .toObject();
        QCOMPARE(text["type"].toString(), QString("text"));
        QCOMPARE(text["length"].toInt(), 12);
        QVERIFY(text["vocabulary"].toArray().size() > 50);

        // Pixels: the range and the image's shape.
        const QJsonObject mnist = onnxMeaning(trained("mnist_subset", 1), "mnist");
        QVERIFY(!mnist.isEmpty());
        const QJsonObject pm = mnist["metadata"].toObject();
        QCOMPARE(pm["nnp.normalization"].toString(), QString("pixels"));
        QCOMPARE(jsonStrings(pm["nnp.class_names"].toString()).size(), 10);
        QVERIFY(mnist["doc"].toString().contains("0-255"));
    }

    // Keras is not installed here: the script's text carries the same tables and compiles.
    void kerasCarriesTheSameTables()
    {
        const QString script = m_dir.filePath("keras_penguins.py");
        const auto ex = runProcess(kNnp, {"export", trained("penguins", 20), "-f", "keras", "-o", script});
        QVERIFY2(ex.exitCode == 0, qPrintable(ex.err));
        QFile f(script);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        QVERIFY(text.contains(R"t(("island", "categories", ["Biscoe", "Dream", "Torgersen"]),)t"));
        QVERIFY(text.contains(R"t(CLASS_NAMES = ["Adelie", "Chinstrap", "Gentoo"])t"));
        QVERIFY(text.contains("print_predictions(outputs, header=not args.no_header)"));
        QVERIFY(text.contains("rows = read_raw_csv(args.csv)"));
        if (runProcess("/usr/bin/python3", {"--version"}).exitCode == 0)
            QCOMPARE(runProcess("/usr/bin/python3", {"-m", "py_compile", script}).exitCode, 0);
    }
};

QTEST_GUILESS_MAIN(TestExportMeaning)
#include "tst_export_meaning.moc"
