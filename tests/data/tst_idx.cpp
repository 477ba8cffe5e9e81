// IDX images and labels (MNIST's format), plain and gzip'd: the shipped MNIST subset, hand-made files whose
// pixels are known, and damaged or hostile files that must give a DataError before any large allocation.
#include "data/data_error.h"
#include "data/idx.h"
#include "memory_budget.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <vector>

using namespace nnp;

namespace {

using Bytes = std::vector<unsigned char>;

std::string sample(const char *relative)
{
    return std::string(NNP_SOURCE_DIR) + "/samples/datasets/mnist_subset/" + relative;
}

void putBigEndian(Bytes &b, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        b.push_back(static_cast<unsigned char>(v >> shift));
}

Bytes idx(std::uint32_t magic, const std::vector<std::uint32_t> &dims, const Bytes &payload)
{
    Bytes b;
    putBigEndian(b, magic);
    for (std::uint32_t d : dims)
        putBigEndian(b, d);
    b.insert(b.end(), payload.begin(), payload.end());
    return b;
}

void writePlain(const std::string &path, const Bytes &b)
{
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char *>(b.data()), static_cast<std::streamsize>(b.size()));
}

void writeGz(const std::string &path, const Bytes &b)
{
    gzFile f = gzopen(path.c_str(), "wb");
    QVERIFY(f);
    if (!b.empty()) QCOMPARE(gzwrite(f, b.data(), static_cast<unsigned>(b.size())), int(b.size()));
    gzclose(f);
}

Bytes readGz(const std::string &path)
{
    Bytes out;
    gzFile f = gzopen(path.c_str(), "rb");
    unsigned char buf[65536];
    int n;
    while ((n = gzread(f, buf, sizeof buf)) > 0)
        out.insert(out.end(), buf, buf + n);
    gzclose(f);
    return out;
}

Bytes readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), {});
}

std::string errorOf(const std::string &images, const std::string &labels)
{
    try {
        loadIdx(images, labels);
    } catch (const DataError &e) {
        return e.what();
    }
    return "(no error)";
}

} // namespace

class TestIdx : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    std::string path(const char *name) const { return (m_dir.path() + "/" + name).toStdString(); }

    /// 3 images of 2x3 with known pixels, and labels 2, 0, 1.
    void writeSmall(bool gz)
    {
        Bytes pixels;
        for (int i = 0; i < 3 * 6; ++i)
            pixels.push_back(static_cast<unsigned char>(i * 15));
        const Bytes images = idx(0x803, {3, 2, 3}, pixels), labels = idx(0x801, {3}, {2, 0, 1});
        if (gz) {
            writeGz(path("small-images.gz"), images);
            writeGz(path("small-labels.gz"), labels);
        } else {
            writePlain(path("small-images"), images);
            writePlain(path("small-labels"), labels);
        }
    }

private slots:
    // The header and truncation checks whatever the machine: "count 10^6" announces 784 M pixels, which the
    // memory budget (tst_memory_budget) would refuse on a machine with less than ~18 GB before reading.
    void initTestCase() { setMemoryLimit(1ull << 40); }
    void mnistSubset()
    {
        const Dataset train =
            loadIdx(sample("train-images-idx3-ubyte.gz"), sample("train-labels-idx1-ubyte.gz"));
        QCOMPARE(train.size(), 6000);
        QCOMPARE(train.features(), 784);
        QCOMPARE(train.sampleShape, (Shape{1, 28, 28})); // channels-first, as the Input's shape
        QCOMPARE(train.classes, 10);
        QCOMPARE(train.task, TaskKind::Classification);
        for (int k = 0; k < 10; ++k)
            QCOMPARE(std::count(train.labels.begin(), train.labels.end(), k), 600L);
        QCOMPARE(train.x.minCoeff(), Scalar(0));
        QCOMPARE(train.x.maxCoeff(),
                 Scalar(255)); // raw pixel values: the project's normalisation scales them
        QCOMPARE(int(train.featureNames.size()), 784);

        const Dataset test =
            loadIdx(sample("test-images-idx3-ubyte.gz"), sample("test-labels-idx1-ubyte.gz"));
        QCOMPARE(test.size(), 1000);
        QCOMPARE(test.features(), 784);
        for (int k = 0; k < 10; ++k)
            QCOMPARE(std::count(test.labels.begin(), test.labels.end(), k), 100L);
        // Ink sits in the middle of an MNIST image, not in its corners.
        QCOMPARE(test.x.row(0).maxCoeff(), Scalar(0));
        QVERIFY(test.x.row(14 * 28 + 14).mean() > 0.1);
    }

    void plainEqualsGzip()
    {
        // The same file uncompressed loads to the same data: gzread reads both.
        writePlain(path("t-images"), readGz(sample("test-images-idx3-ubyte.gz")));
        writePlain(path("t-labels"), readGz(sample("test-labels-idx1-ubyte.gz")));
        const Dataset plain = loadIdx(path("t-images"), path("t-labels"));
        const Dataset gz = loadIdx(sample("test-images-idx3-ubyte.gz"), sample("test-labels-idx1-ubyte.gz"));
        QCOMPARE(plain.x, gz.x);
        QCOMPARE(plain.labels, gz.labels);
    }

    void knownPixels_data()
    {
        QTest::addColumn<bool>("gz");
        QTest::newRow("plain") << false;
        QTest::newRow("gzip") << true;
    }
    void knownPixels()
    {
        QFETCH(bool, gz);
        writeSmall(gz);
        const Dataset d = gz ? loadIdx(path("small-images.gz"), path("small-labels.gz"))
                             : loadIdx(path("small-images"), path("small-labels"));
        QCOMPARE(d.size(), 3);
        QCOMPARE(d.sampleShape, (Shape{1, 2, 3}));
        QCOMPARE(d.labels, (std::vector<int>{2, 0, 1}));
        QCOMPARE(d.classes, 3);
        // Image i, row r, column c is byte 6i + 3r + c = (6i + 3r + c)·15, at feature 3r + c, unscaled.
        for (int i = 0; i < 3; ++i)
            for (int r = 0; r < 2; ++r)
                for (int c = 0; c < 3; ++c)
                    QCOMPARE(d.x(3 * r + c, i), Scalar((6 * i + 3 * r + c) * 15));
        QCOMPARE(d.featureNames[4], std::string("pixel_1_1"));
    }

    void damagedFiles_data()
    {
        QTest::addColumn<QByteArray>("images"); // raw file bytes (before optional gzip)
        QTest::addColumn<QByteArray>("labels");
        QTest::addColumn<QString>("mentions");
        const auto bytes = [](const Bytes &b) {
            return QByteArray(reinterpret_cast<const char *>(b.data()), qsizetype(b.size()));
        };
        const Bytes px(2 * 4 * 4, 7);
        const QByteArray goodImages = bytes(idx(0x803, {2, 4, 4}, px)),
                         goodLabels = bytes(idx(0x801, {2}, {0, 1}));
        QTest::newRow("truncated images")
            << bytes(idx(0x803, {2, 4, 4}, Bytes(20, 1))) << goodLabels << "truncated";
        QTest::newRow("truncated labels") << goodImages << bytes(idx(0x801, {2}, {1})) << "truncated";
        QTest::newRow("extra bytes") << bytes(idx(0x803, {2, 4, 4}, Bytes(40, 1))) << goodLabels << "extra";
        QTest::newRow("header cut off") << bytes(Bytes{0, 0, 8, 3, 0, 0}) << goodLabels << "cut off";
        QTest::newRow("empty file") << QByteArray() << goodLabels << "too short";
        QTest::newRow("labels as images") << goodLabels << goodLabels << "Wrong magic number 0x00000801";
        QTest::newRow("images as labels") << goodImages << goodImages << "Wrong magic number 0x00000803";
        QTest::newRow("float images") << bytes(idx(0xD03, {2, 4, 4}, px)) << goodLabels << "unsigned bytes";
        QTest::newRow("text file") << QByteArray("label,pixel\n1,2\n") << goodLabels << "not an IDX file";
        QTest::newRow("count mismatch") << goodImages << bytes(idx(0x801, {3}, {0, 1, 1})) << "3 labels";
        QTest::newRow("zero images") << bytes(idx(0x803, {0, 4, 4}, {})) << goodLabels << "between 1 and";
        QTest::newRow("huge side") << bytes(idx(0x803, {1, 100000, 1}, {})) << goodLabels
                                   << "between 1 and 4096";
        // Hostile counts: 2^31 images, or 2^31 − 1 of 28x28 (1.7 TB): refused from the header alone.
        QTest::newRow("count 2^31") << bytes(idx(0x803, {0x80000000u, 28, 28}, px)) << goodLabels
                                    << "between 1 and";
        QTest::newRow("count 2^31-1")
            << bytes(idx(0x803, {0x7FFFFFFFu, 28, 28}, px)) << goodLabels << "more than";
        QTest::newRow("labels 2^32-1")
            << goodImages << bytes(idx(0x801, {0xFFFFFFFFu}, {0, 1})) << "between 1 and";
        // Within the size limit, but the file holds almost nothing: found while reading, in bounded chunks.
        QTest::newRow("count 10^6") << bytes(idx(0x803, {1000000, 28, 28}, px)) << goodLabels << "truncated";
    }
    void damagedFiles()
    {
        QFETCH(QByteArray, images);
        QFETCH(QByteArray, labels);
        QFETCH(QString, mentions);
        const auto toBytes = [](const QByteArray &a) { return Bytes(a.begin(), a.end()); };
        writePlain(path("bad-images"), toBytes(images));
        writePlain(path("bad-labels"), toBytes(labels));
        const std::string plain = errorOf(path("bad-images"), path("bad-labels"));
        QVERIFY2(QString::fromStdString(plain).contains(mentions), plain.c_str());
        writeGz(path("bad-images.gz"), toBytes(images));
        writeGz(path("bad-labels.gz"), toBytes(labels));
        const std::string gz = errorOf(path("bad-images.gz"), path("bad-labels.gz"));
        QVERIFY2(QString::fromStdString(gz).contains(mentions), gz.c_str());
    }

    void damagedCompression()
    {
        // A gzip stream cut in the middle, and one with flipped bytes: errors, not garbage images.
        const Bytes gz = readFile(sample("test-labels-idx1-ubyte.gz"));
        writePlain(path("cut.gz"),
                   Bytes(gz.begin(), gz.begin() + static_cast<std::ptrdiff_t>(gz.size() / 2)));
        const std::string cut = errorOf(sample("test-images-idx3-ubyte.gz"), path("cut.gz"));
        QVERIFY2(cut != "(no error)", cut.c_str());
        Bytes flipped = gz;
        for (std::size_t i = 40; i < flipped.size() - 10; i += 7)
            flipped[i] ^= 0x5A;
        writePlain(path("flipped.gz"), flipped);
        const std::string bad = errorOf(sample("test-images-idx3-ubyte.gz"), path("flipped.gz"));
        QVERIFY2(bad != "(no error)", bad.c_str());
    }

    void errorsNameTheFile()
    {
        const std::string missing = path("does-not-exist");
        writeSmall(false);
        const std::string e = errorOf(missing, path("small-labels"));
        QVERIFY2(e.rfind(missing, 0) == 0, e.c_str());
        QVERIFY_THROWS_EXCEPTION(DataError, loadIdx(path("small-images"), m_dir.path().toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestIdx)
#include "tst_idx.moc"
