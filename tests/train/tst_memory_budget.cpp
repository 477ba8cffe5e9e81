// Issue 13 (1, 2): shape and size arithmetic is checked, and what a network or a data file would take is
// refused above the memory limit before anything is allocated, naming the layer or the file. Every case runs
// with a small limit and allocates next to nothing.
#include "checked.h"
#include "data/data_error.h"
#include "data/idx.h"
#include "io/project_run.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "memory_budget.h"
#include "train/memory_estimate.h"
#include "train/network.h"

#include <QTemporaryDir>
#include <QtTest>

#include <zlib.h>

using namespace nnp;

namespace {

LayerOptions input(std::vector<int> shape)
{
    LayerOptions o;
    o.set(opt::input::shape, std::move(shape));
    return o;
}

LayerOptions dense(int units)
{
    LayerOptions o;
    o.set(opt::dense::units, units);
    return o;
}

/// 430 Inputs whose sizes sum to 2³² + 2, each averaged to one value, added, then Dense 1: in 32 bits the
/// network took 2 values per sample (x1, x2 of a generator), and predict read ten million rows of them.
GraphSpec inputsSummingPast32Bits()
{
    GraphSpec g;
    const NodeId add = g.addNode(LayerKind::Add, "sum");
    for (int i = 0; i < 430; ++i) {
        const int size = i < 429 ? 10'000'000 : 4'967'298;
        const NodeId in = g.addNode(LayerKind::Input, "in_" + std::to_string(i + 1), input({1, 1, size}));
        const NodeId pool = g.addNode(LayerKind::GlobalAveragePool2D, "pool_" + std::to_string(i + 1));
        g.connect(in, pool);
        g.connect(pool, add);
    }
    g.connect(add, g.addNode(LayerKind::Dense, "out", dense(1)));
    return g;
}

/// Input 2 → Dense 10,000,000 → Dense 1: a 1.1 KB file that took 21 GB to train.
Project hugeDenseProject()
{
    Project p;
    p.data.kind = DataSourceKind::Generator;
    p.data.generator = {GeneratorKind::Xor, 100, 0.0, 1};
    p.graph = makeMlp(2, {10'000'000}, 1, ActivationKind::ReLU, ActivationKind::Sigmoid);
    p.graph.nodes[1].name = "hidden";
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.batchSize = 32;
    return p;
}

/// Restores the default limit when a test ends, whichever way.
struct LimitGuard {
    explicit LimitGuard(std::uint64_t bytes) { setMemoryLimit(bytes); }
    ~LimitGuard() { setMemoryLimit(0); }
    LimitGuard(const LimitGuard &) = delete;
    LimitGuard &operator=(const LimitGuard &) = delete;
};

void writeGz(const QString &path, const std::vector<unsigned char> &bytes)
{
    gzFile f = gzopen(path.toLocal8Bit().constData(), "wb");
    QVERIFY(f);
    QCOMPARE(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())), int(bytes.size()));
    gzclose(f);
}

void bigEndian(std::vector<unsigned char> &out, std::uint32_t v)
{
    for (int shift = 24; shift >= 0; shift -= 8)
        out.push_back(static_cast<unsigned char>(v >> shift));
}

} // namespace

class TestMemoryBudget : public QObject {
    Q_OBJECT
private slots:
    void checkedArithmetic();
    void shapeSizesSaturate();
    void inputsThatTogetherPass32BitsAreRefused();
    void parseSizes_data();
    void parseSizes();
    void defaultLimitIsAFractionOfTheMachine();
    void aHugeDenseLayerIsRefusedBeforeTraining();
    void aThousandMillionParametersAreRefusedBeforeBuilding();
    void estimateGrowsWithBatchAndOptimizer();
    void predictWorksInChunksThatFit();
    void aGzipIdxThatWouldInflatePastTheLimitIsRefused();
};

void TestMemoryBudget::checkedArithmetic()
{
    QCOMPARE(saturatingAdd(2LL, 3LL), 5LL);
    QCOMPARE(saturatingAdd(kSizeOverflow - 1, 1LL), kSizeOverflow);
    QCOMPARE(saturatingAdd(kSizeOverflow - 1, 2LL), kSizeOverflow);
    QCOMPARE(saturatingMul(1LL << 31, 1LL << 31), 1LL << 62);
    QCOMPARE(saturatingMul(1LL << 32, 1LL << 32), kSizeOverflow);
    QCOMPARE(saturatingMul(0LL, kSizeOverflow), 0LL);
    QCOMPARE(saturatingMul(kSizeOverflow, 2LL), kSizeOverflow);
    QCOMPARE(saturatingMul(std::uint64_t(1) << 40, std::uint64_t(1) << 40), ~std::uint64_t(0));
    QCOMPARE(checkedInt(10'000'000, "x"), 10'000'000);
    QVERIFY_THROWS_EXCEPTION(std::length_error, (void)checkedInt(1LL << 32, "x"));
    QVERIFY_THROWS_EXCEPTION(std::length_error, (void)checkedInt(-1, "x"));
}

void TestMemoryBudget::shapeSizesSaturate()
{
    QCOMPARE(Shape({28, 28, 1}).size(), 784LL);
    // 65536⁴ = 2⁶⁴ wrapped to 0 in a plain 64-bit product
    QCOMPARE(Shape({65536, 65536, 65536, 65536}).size(), kSizeOverflow);
}

void TestMemoryBudget::inputsThatTogetherPass32BitsAreRefused()
{
    const GraphSpec g = inputsSummingPast32Bits();
    const ValidationResult v = validate(g);
    QVERIFY(!v.ok());
    // The second Input takes the network past the limit on values per sample: it carries the diagnostic.
    const NodeId second = g.nodes[3].id;
    QCOMPARE(g.nodes[3].name, std::string("in_2"));
    bool found = false;
    for (const Diagnostic &d : v.forNode(second))
        found = found || (d.code == DiagnosticCode::TooLarge && d.args.size() == 2 &&
                          d.args[1].text == std::to_string(kMaxInputSize));
    QVERIFY2(found, v.summary().c_str());
    QVERIFY_THROWS_EXCEPTION(GraphError, (void)Network::build(g, 1));

    // Within the limit, several Inputs are fine and the network takes their sum.
    GraphSpec ok;
    const NodeId a = ok.addNode(LayerKind::Input, "a", input({3}));
    const NodeId b = ok.addNode(LayerKind::Input, "b", input({4}));
    const NodeId cat = ok.addNode(LayerKind::Concatenate, "cat");
    ok.connect(a, cat);
    ok.connect(b, cat);
    ok.connect(cat, ok.addNode(LayerKind::Dense, "out", dense(1)));
    QVERIFY2(validate(ok).ok(), validate(ok).summary().c_str());
    QCOMPARE(Network::build(ok, 1).inputSize(), 7);
}

void TestMemoryBudget::parseSizes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<quint64>("bytes");
    QTest::newRow("bytes") << "4000000" << quint64(4'000'000);
    QTest::newRow("G") << "2G" << quint64(2'000'000'000);
    QTest::newRow("GB") << "1.5GB" << quint64(1'500'000'000);
    QTest::newRow("MiB") << "512MiB" << quint64(512ull << 20);
    QTest::newRow("lower case") << "64m" << quint64(64'000'000);
    QTest::newRow("space") << "8 GiB" << quint64(8ull << 30);
    QTest::newRow("not a number") << "lots" << quint64(0);
    QTest::newRow("unknown unit") << "3 parsecs" << quint64(0);
    QTest::newRow("negative") << "-1G" << quint64(0);
    QTest::newRow("zero") << "0" << quint64(0);
    QTest::newRow("nan") << "nan" << quint64(0);
}

void TestMemoryBudget::parseSizes()
{
    QFETCH(QString, text);
    QFETCH(quint64, bytes);
    QCOMPARE(quint64(parseByteSize(text.toStdString())), bytes);
}

void TestMemoryBudget::defaultLimitIsAFractionOfTheMachine()
{
    setMemoryLimit(0);
    QCOMPARE(memoryLimit(), defaultMemoryLimit());
    QVERIFY(defaultMemoryLimit() >= (256ull << 20));
    const LimitGuard limit(123'456'789);
    QCOMPARE(memoryLimit(), std::uint64_t(123'456'789));
    QCOMPARE(byteText(123'456'789), std::string("123 MB"));
    QCOMPARE(byteText(1'500'000'000), std::string("1.5 GB"));
    QCOMPARE(byteText(999), std::string("999 bytes"));
}

void TestMemoryBudget::aHugeDenseLayerIsRefusedBeforeTraining()
{
    const Project p = hugeDenseProject();
    const LimitGuard limit(1'000'000'000);
    try {
        ProjectRun run(p, QDir::tempPath().toStdString(), ProjectRun::Start::Seed);
        QFAIL("the run was built");
    } catch (const MemoryError &e) {
        QCOMPARE(e.subject(), MemoryError::Subject::Layer);
        QCOMPARE(e.name(), std::string("hidden"));
        QCOMPARE(e.limit(), std::uint64_t(1'000'000'000));
        // 40 M parameters in 7 copies (value, gradient, a second thread's two, the backup, Adam's two
        // moments) and 32 samples of 10 M units in 8 buffers: about 11.4 GB in float.
        QVERIFY2(e.needed() > 11'000'000'000ull && e.needed() < 12'000'000'000ull,
                 byteText(e.needed()).c_str());
        QVERIFY(std::string(e.what()).find("hidden") != std::string::npos);
    }
}

void TestMemoryBudget::aThousandMillionParametersAreRefusedBeforeBuilding()
{
    // 20 Dense layers of 7000 × 7000 (49 M parameters each, under the per-layer limit): 980 M parameters in
    // a file of a few KB.
    const GraphSpec g =
        makeMlp(7000, std::vector<int>(19, 7000), 7000, ActivationKind::ReLU, ActivationKind::Linear);
    const ValidationResult v = validate(g);
    QVERIFY(v.ok());
    QVERIFY(v.parameterCount > 980'000'000);
    const LimitGuard limit(2'000'000'000);
    try {
        (void)Network::build(g, 1);
        QFAIL("the network was built");
    } catch (const MemoryError &e) {
        QCOMPARE(e.subject(), MemoryError::Subject::Layer);
        QVERIFY(e.needed() > 7'800'000'000ull); // value and gradient of each parameter, in float
    }
}

void TestMemoryBudget::estimateGrowsWithBatchAndOptimizer()
{
    const GraphSpec g = makeMlp(10, {100}, 1, ActivationKind::ReLU, ActivationKind::Linear);
    const ValidationResult v = validate(g);
    OptimizerConfig sgd = defaultOptimizerConfig(OptimizerKind::SGD);
    sgd.momentum = 0;
    const OptimizerConfig adam = defaultOptimizerConfig(OptimizerKind::Adam);
    const std::uint64_t params = 10 * 100 + 100 + 100 + 1;
    const auto a = estimateTraining(g, v, 1, sgd), b = estimateTraining(g, v, 2, sgd),
               c = estimateTraining(g, v, 1, adam);
    QCOMPARE(c.bytes - a.bytes, 2 * params * sizeof(Scalar)); // Adam's two moments
    // One more sample: each node's output, its gradient, the layer's two caches and as much for temporaries.
    QCOMPARE(b.bytes - a.bytes, 8 * (10 + 100 + 1) * sizeof(Scalar));
    QCOMPARE(a.largest, g.nodes[1].id); // the hidden layer holds the most
}

void TestMemoryBudget::predictWorksInChunksThatFit()
{
    const GraphSpec g = makeMlp(2, {100'000}, 1, ActivationKind::Tanh, ActivationKind::Linear);
    Network net = Network::build(g, 3);
    Matrix x = Matrix::Random(2, 300);
    const Matrix whole = net.predict(x);
    {
        const LimitGuard limit(10'000'000'000'000);
        QCOMPARE(net.predictChunk(), 1 << 20); // the most it takes
    }
    {
        // 100 k units take 3.2 MB per sample: 28 MB leave room for 5 beside the 400 k parameters in the 7
        // copies training may hold (11.2 MB).
        const LimitGuard limit(28'000'000);
        const int chunk = net.predictChunk();
        QCOMPARE(chunk, 5);
        const Matrix chunked = net.predict(x);
        QCOMPARE(chunked.cols(), x.cols());
        QVERIFY((chunked - whole).cwiseAbs().maxCoeff() < 1e-4);
    }
}

void TestMemoryBudget::aGzipIdxThatWouldInflatePastTheLimitIsRefused()
{
    QTemporaryDir dir;
    // An image file announcing 60,000 images of 28 × 28 (47 MB of pixels, 420 MB as a dataset) that holds
    // a few bytes: refused from its header, before any inflating.
    std::vector<unsigned char> images;
    bigEndian(images, 0x00000803);
    for (std::uint32_t v : {60000u, 28u, 28u})
        bigEndian(images, v);
    images.resize(images.size() + 1000, 0);
    std::vector<unsigned char> labels;
    bigEndian(labels, 0x00000801);
    bigEndian(labels, 60000u);
    const QString imagesPath = dir.filePath(QStringLiteral("images.gz"));
    const QString labelsPath = dir.filePath(QStringLiteral("labels.gz"));
    writeGz(imagesPath, images);
    writeGz(labelsPath, labels);
    {
        const LimitGuard limit(100'000'000);
        try {
            (void)loadIdx(imagesPath.toStdString(), labelsPath.toStdString());
            QFAIL("the file was loaded");
        } catch (const MemoryError &e) {
            QCOMPARE(e.subject(), MemoryError::Subject::File);
            QCOMPARE(QString::fromStdString(e.name()), imagesPath);
            QVERIFY(e.needed() >= 60000ull * 784 * (1 + 2 * sizeof(Scalar)));
        }
    }
    // Within the default limit the same file is read and found truncated.
    QVERIFY_THROWS_EXCEPTION(DataError, (void)loadIdx(imagesPath.toStdString(), labelsPath.toStdString()));
}

QTEST_GUILESS_MAIN(TestMemoryBudget)
#include "tst_memory_budget.moc"
