// Issue 13: `nnp new` on a CSV nobody prepared, with the options users asked for: no header row, missing
// values left out, a split column, a column of codes forced categorical. `nnp info` states the policy and
// what it did; the project trains, and `nnp predict` reads headerless rows. Issue 10: a CSV of pixels with an
// image shape trains a small CNN.
#include "io/project.h"

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
        // 600 of the shipped 8×8 digits as 0-255 pixels (the file holds 0-16), 64 columns and the digit.
        QTemporaryDir dir;
        std::ifstream in(NNP_SOURCE_DIR "/samples/datasets/digits_8x8/digits_8x8.csv");
        std::ofstream out(dir.filePath(QStringLiteral("pixels.csv")).toStdString(), std::ios::binary);
        std::string line;
        std::getline(in, line);
        out << line << '\n';
        for (int row = 0; row < 600 && std::getline(in, line); ++row) {
            std::stringstream cells(line);
            std::string cell;
            for (int c = 0; c < 64 && std::getline(cells, cell, ','); ++c)
                out << std::lround(std::stod(cell) * 255.0 / 16.0) << ',';
            std::getline(cells, cell);
            out << cell << '\n';
        }
        out.close();
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
};

QTEST_GUILESS_MAIN(TestCliCsv)
#include "tst_cli_csv.moc"
