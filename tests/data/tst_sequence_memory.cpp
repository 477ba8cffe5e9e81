// The sequence task of the "vanishing gradients" samples (core/data/generators.h): the layout the recurrent
// layers read ([steps, 4] time-major per sample), the same sequences for the same seed, and the shipped CSV
// (samples/datasets/sequence_memory) is exactly the generator's output at its default settings, printed to
// four decimals. NNP_WRITE_SAMPLE_DATA=1 rewrites that CSV instead.
#include "data/data_error.h"
#include "data/generators.h"

#include <QFile>
#include <QtTest>

using namespace nnp;

namespace {
QString csvPath()
{
    return QStringLiteral(NNP_SOURCE_DIR) + "/samples/datasets/sequence_memory/sequence_memory.csv";
}
} // namespace

class TestSequenceMemory : public QObject {
    Q_OBJECT

private slots:
    void layout()
    {
        const Dataset d = generateSequenceMemory({300, 7, 1.5, 4});
        QCOMPARE(d.x.rows(), 28);
        QCOMPARE(d.x.cols(), 300);
        QCOMPARE(d.sampleShape, (Shape{7, 4}));
        QCOMPARE(d.featureNames.size(), std::size_t(28));
        QCOMPARE(QString::fromStdString(d.featureNames[5]), QStringLiteral("t1_signal"));
        int ones = 0;
        double noise = 0;
        for (int s = 0; s < 300; ++s) {
            const int label = d.labels[std::size_t(s)];
            ones += label;
            QCOMPARE(double(d.x(0, s)), 1.0);                     // the marker at step 0
            QCOMPARE(double(d.x(1, s)), label == 1 ? 1.0 : -1.0); // the class at step 0
            for (int t = 1; t < 7; ++t) {
                QCOMPARE(double(d.x(t * 4, s)), 0.0);
                QCOMPARE(double(d.x(t * 4 + 1, s)), 0.0);
            }
            for (int t = 0; t < 7; ++t)
                noise +=
                    double(d.x(t * 4 + 2, s) * d.x(t * 4 + 2, s) + d.x(t * 4 + 3, s) * d.x(t * 4 + 3, s));
        }
        QVERIFY(ones > 120 && ones < 180);
        const double sd = std::sqrt(noise / (300.0 * 7 * 2));
        QVERIFY2(sd > 1.4 && sd < 1.6, qPrintable(QString::number(sd)));
        const Dataset again = generateSequenceMemory({300, 7, 1.5, 4});
        QCOMPARE(again.labels, d.labels);
        QVERIFY(again.x == d.x);
        QVERIFY(generateSequenceMemory({300, 7, 1.5, 5}).x != d.x);
        QVERIFY_THROWS_EXCEPTION(DataError, generateSequenceMemory({0, 7, 1.5, 4}));
        QVERIFY_THROWS_EXCEPTION(DataError, generateSequenceMemory({10, 0, 1.5, 4}));
        QVERIFY_THROWS_EXCEPTION(DataError, generateSequenceMemory({10, 7, -1, 4}));
    }

    void shippedCsvIsTheGenerator()
    {
        const Dataset d = generateSequenceMemory({});
        QString text;
        {
            QStringList header;
            for (const auto &f : d.featureNames)
                header << QString::fromStdString(f);
            header << QStringLiteral("label");
            text = header.join(',') + '\n';
            for (int s = 0; s < d.size(); ++s) {
                QStringList row;
                for (Eigen::Index r = 0; r < d.x.rows(); ++r) {
                    const double v = double(d.x(r, s));
                    row << (v == std::round(v) ? QString::number(int(v)) : QString::number(v, 'f', 4));
                }
                row << QString::number(d.labels[std::size_t(s)]);
                text += row.join(',') + '\n';
            }
        }
        QFile f(csvPath());
        if (qEnvironmentVariableIntValue("NNP_WRITE_SAMPLE_DATA") == 1) {
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text.toUtf8());
            QSKIP("wrote the CSV");
        }
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(csvPath()));
        QVERIFY2(QString::fromUtf8(f.readAll()) == text,
                 "the CSV is not the generator's output (regenerate it)");
    }
};

QTEST_GUILESS_MAIN(TestSequenceMemory)
#include "tst_sequence_memory.moc"
