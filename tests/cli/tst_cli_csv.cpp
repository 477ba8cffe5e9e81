// Issue 13: `nnp new` on a CSV nobody prepared, with the options users asked for: no header row, missing
// values left out, a split column, a column of codes forced categorical. `nnp info` states the policy and
// what it did; the project trains, and `nnp predict` reads headerless rows. Missing values filled with a
// value given or the most frequent one, stated by `nnp info` and applied by `nnp predict`. Issue 10: a CSV of
// pixels with an image shape trains a small CNN, and `nnp new --image-shape` makes a project for one.
#include "io/project.h"
#include "layers/simple_layers.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace nnp;

namespace {

struct Run {
    int code = -1;
    QString out, err;
};

Run runNnp(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(NNP_EXE), args);
    Run r;
    if (!p.waitForStarted() || !p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// Two classes by the sign of x1 + x2; column 3 is a region code (1-3); column 5 says the split; rows 7, 8
/// and 9 (0-based) have a gap.
std::string rawCsv()
{
    std::string s;
    for (int i = 0; i < 200; ++i) {
        const double x1 = ((i * 37) % 101) / 50.0 - 1.0, x2 = ((i * 53) % 97) / 48.0 - 1.0;
        const std::string a = i == 7 ? "" : std::to_string(x1), b = i == 8 ? "NA" : std::to_string(x2);
        const std::string region = i == 9 ? "?" : std::to_string(1 + i % 3);
        s += a + "," + region + "," + b + "," + (x1 + x2 > 0 ? "yes" : "no") + "," +
             (i % 5 == 0 ? "test" : "train") + "\n";
    }
    return s;
}

/// `rows` of the shipped 8×8 digits as 0-255 pixels (the file holds 0-16): 64 columns and the digit.
void writePixelCsv(const QString &path, int rows)
{
    std::ifstream in(NNP_SOURCE_DIR "/samples/datasets/digits_8x8/digits_8x8.csv");
    std::ofstream out(path.toStdString(), std::ios::binary);
    std::string line;
    std::getline(in, line);
    out << line << '\n';
    for (int row = 0; row < rows && std::getline(in, line); ++row) {
        std::stringstream cells(line);
        std::string cell;
        for (int c = 0; c < 64 && std::getline(cells, cell, ','); ++c)
            out << std::lround(std::stod(cell) * 255.0 / 16.0) << ',';
        std::getline(cells, cell);
        out << cell << '\n';
    }
}

double testAccuracy(const QString &file)
{
    const Run eval = runNnp({"eval", file, "--split", "test"});
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("accuracy\\s+([0-9.]+)")).match(eval.out);
    if (eval.code != 0 || !m.hasMatch()) qWarning("%s", qPrintable(eval.out + eval.err));
    return m.hasMatch() ? m.captured(1).toDouble() : -1.0;
}

} // namespace

class TestCliCsv : public QObject {
    Q_OBJECT
private slots:
    void newTrainsOnARawCsv()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("raw.csv")), file = dir.filePath("raw.nnp");
        {
            std::ofstream f(csv.toStdString(), std::ios::binary);
            f << rawCsv();
        }
        // Refused by default, with line and column, as before.
        const Run refused = runNnp({"new", "-o", file, "--csv", csv, "--no-header", "--target", "c4"});
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains(QStringLiteral("line 8")) && refused.err.contains("drop_rows"),
                 qPrintable(refused.err));
        QCOMPARE(runNnp({"new", "-o", file, "--csv", csv, "--missing", "guess"}).code, 1);

        const Run made =
            runNnp({"new", "-o", file, "--csv", csv, "--no-header", "--target", "c4", "--missing",
                    "drop_rows", "--split-column", "c5", "--categorical", "c2", "--epochs", "60"});
        QVERIFY2(made.code == 0, qPrintable(made.err + made.out));
        const Project p = loadProject(file.toStdString());
        QVERIFY(!p.data.csv.header);
        QVERIFY(p.data.csv.missing == CsvMissing::DropRows);
        QCOMPARE(p.data.csv.splitColumn, std::string("c5"));
        QCOMPARE(p.data.csv.categorical, (std::vector<std::string>{"c2"}));

        const Run info = runNnp({"info", file});
        QVERIFY2(info.code == 0, qPrintable(info.err));
        QVERIFY2(info.out.contains(QStringLiteral("missing values: drop_rows, 3 rows left out")),
                 qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("157 train / 0 validation / 40 test")),
                 qPrintable(info.out));
        QVERIFY2(info.out.contains(QStringLiteral("c2=1")), qPrintable(info.out)); // one-hot region

        const Run train = runNnp({"train", file, "-q"});
        QVERIFY2(train.code == 0, qPrintable(train.err + train.out));
        const Run eval = runNnp({"eval", file, "--split", "test"});
        QVERIFY2(eval.code == 0, qPrintable(eval.err));
        const QString input = dir.filePath(QStringLiteral("new.csv"));
        {
            std::ofstream f(input.toStdString(), std::ios::binary);
            f << "0.9,2,0.8\n-0.9,1,-0.8\n"; // no header: by position, without the target
        }
        const Run predict = runNnp({"predict", file, "--input", input});
        QVERIFY2(predict.code == 0, qPrintable(predict.err));
        const QStringList lines = predict.out.trimmed().split('\n');
        QVERIFY2(lines.size() >= 2 && lines[lines.size() - 2].startsWith("yes") &&
                     lines.last().startsWith("no"),
                 qPrintable(predict.out));
    }

    void aSmallCnnTrainsOnACsvOfImages()
    {
        QTemporaryDir dir;
        writePixelCsv(dir.filePath(QStringLiteral("pixels.csv")), 600);
        Project p = loadProject(NNP_SOURCE_DIR "/samples/digits_8x8_cnn.nnp");
        p.data.path = "pixels.csv";
        p.data.csv.imageShape = {1, 8, 8};
        p.preprocessing.normalization = NormalizationKind::Pixels; // ÷255, explicit
        p.training.epochs = 12;
        p.expect.reset();
        const QString file = dir.filePath(QStringLiteral("pixels.nnp"));
        saveProject(p, file.toStdString());

        const Run info = runNnp({"info", file});
        QVERIFY2(info.out.contains(QStringLiteral("pixels of 1 x 8 x 8 images")),
                 qPrintable(info.out + info.err));
        const Run train = runNnp({"train", file, "-q"});
        QVERIFY2(train.code == 0, qPrintable(train.err + train.out));
        const Run eval = runNnp({"eval", file, "--split", "test"});
        QVERIFY2(eval.code == 0, qPrintable(eval.err));
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("accuracy\\s+([0-9.]+)")).match(eval.out);
        QVERIFY2(m.hasMatch(), qPrintable(eval.out));
        qInfo("test accuracy of the CNN on 600 CSV images: %s", qPrintable(m.captured(1)));
        QVERIFY2(m.captured(1).toDouble() >= 0.85, qPrintable(eval.out));

        // A shape that does not hold the file's columns is refused, naming both counts.
        p.data.csv.imageShape = {1, 8, 9};
        const QString bad = dir.filePath(QStringLiteral("bad.nnp"));
        saveProject(p, bad.toStdString());
        const Run refused = runNnp({"train", bad, "-q"});
        QVERIFY(refused.code != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("72 pixels")) &&
                     refused.err.contains(QStringLiteral("64 feature columns")),
                 qPrintable(refused.err));
    }

    void newWithAnImageShapeMakesAnImageInput()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("pixels.csv")), file = dir.filePath("pixels.nnp");
        writePixelCsv(csv, 600);
        const Run made = runNnp(
            {"new", "-o", file, "--csv", csv, "--image-shape", "1,8,8", "--hidden", "32", "--epochs", "60"});
        QVERIFY2(made.code == 0, qPrintable(made.err + made.out));
        QVERIFY2(made.out.contains(QStringLiteral("1x8x8 inputs -> flatten -> 32 relu")),
                 qPrintable(made.out));
        const Project p = loadProject(file.toStdString());
        QCOMPARE(p.data.csv.imageShape, (std::vector<int>{1, 8, 8}));
        QCOMPARE(p.graph.nodes.front().options.get(opt::input::shape), (std::vector<int>{1, 8, 8}));
        QVERIFY(p.graph.nodes[1].kind == LayerKind::Flatten);
        const Run info = runNnp({"info", file});
        QVERIFY2(info.out.contains(QStringLiteral("pixels of 1 x 8 x 8 images")),
                 qPrintable(info.out + info.err));
        const Run train = runNnp({"train", file, "-q"});
        QVERIFY2(train.code == 0, qPrintable(train.err + train.out));
        const double accuracy = testAccuracy(file);
        qInfo("test accuracy of nnp new --image-shape 1,8,8 on 600 CSV images: %.3f", accuracy);
        QVERIFY(accuracy >= 0.85);

        // The same refusals as a project's image shape: the counts named, or not three sides.
        const QString bad = dir.filePath(QStringLiteral("bad.nnp"));
        const Run wrong = runNnp({"new", "-o", bad, "--csv", csv, "--image-shape", "1,8,9"});
        QCOMPARE(wrong.code, 2);
        QVERIFY2(wrong.err.contains(QStringLiteral("72 pixels")) &&
                     wrong.err.contains(QStringLiteral("64 feature columns")),
                 qPrintable(wrong.err));
        const Run two = runNnp({"new", "-o", bad, "--csv", csv, "--image-shape", "8,8"});
        QCOMPARE(two.code, 2);
        QVERIFY2(two.err.contains(QStringLiteral("[8, 8] is not [channels, height, width]")),
                 qPrintable(two.err));
        QVERIFY(!QFileInfo::exists(bad));
    }

    void newFillsMissingValues()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("raw.csv")), file = dir.filePath("filled.nnp");
        {
            std::ofstream f(csv.toStdString(), std::ios::binary);
            f << rawCsv();
        }
        const QStringList base{"new",           "-o",       file, "--csv",          csv,
                               "--no-header",   "--target", "c4", "--split-column", "c5",
                               "--categorical", "c2"};
        QCOMPARE(runNnp(base + QStringList{"--missing", "fill_value"}).code, 1); // no value given
        QCOMPARE(runNnp(base + QStringList{"--fill-value", "0"}).code, 1);       // no policy that uses it
        const Run text = runNnp(base + QStringList{"--missing", "fill_value", "--fill-value", "lots"});
        QCOMPARE(text.code, 2);
        QVERIFY2(text.err.contains(QStringLiteral("\"lots\" is not a number")) &&
                     text.err.contains(QStringLiteral("\"c1\"")),
                 qPrintable(text.err));

        const Run made =
            runNnp(base + QStringList{"--missing", "fill_value", "--fill-value", "0", "--epochs", "60"});
        QVERIFY2(made.code == 0, qPrintable(made.err + made.out));
        const Project p = loadProject(file.toStdString());
        QVERIFY(p.data.csv.missing == CsvMissing::FillValue);
        QCOMPARE(p.data.csv.fillValue, std::string("0"));
        const Run info = runNnp({"info", file});
        QVERIFY2(info.out.contains(QStringLiteral("missing values: fill_value, 3 cells filled with \"0\"")) &&
                     info.out.contains(QStringLiteral("a missing cell becomes: c1 = 0, c2 = 0, c3 = 0")) &&
                     info.out.contains(QStringLiteral("160 train / 0 validation / 40 test")),
                 qPrintable(info.out + info.err));
        const Run train = runNnp({"train", file, "-q"});
        QVERIFY2(train.code == 0, qPrintable(train.err + train.out));
        // New rows with gaps are filled with the stored value: the region "0", then a missing x2 of 0.
        const QString input = dir.filePath(QStringLiteral("new.csv"));
        {
            std::ofstream f(input.toStdString(), std::ios::binary);
            f << "0.9,,0.8\n-0.9,1,NA\n";
        }
        const Run predict = runNnp({"predict", file, "--input", input});
        QVERIFY2(predict.code == 0, qPrintable(predict.err));
        const QStringList lines = predict.out.trimmed().split('\n');
        QVERIFY2(lines.size() >= 2 && lines[lines.size() - 2].startsWith("yes") &&
                     lines.last().startsWith("no"),
                 qPrintable(predict.out));

        // The most frequent value, numbers too: stated as such.
        const QString frequent = dir.filePath(QStringLiteral("frequent.nnp"));
        QStringList args = base;
        args[2] = frequent;
        const Run mf = runNnp(args + QStringList{"--missing", "fill_most_frequent", "--epochs", "5"});
        QVERIFY2(mf.code == 0, qPrintable(mf.err + mf.out));
        const Run mfInfo = runNnp({"info", frequent});
        QVERIFY2(mfInfo.out.contains(QStringLiteral("3 cells filled with each column's most frequent value")),
                 qPrintable(mfInfo.out + mfInfo.err));
    }
};

QTEST_GUILESS_MAIN(TestCliCsv)
#include "tst_cli_csv.moc"
