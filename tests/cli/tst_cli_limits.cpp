// Issue 13 (1, 2) through the `nnp` binary: sizes that overflowed 32 bits are refused with the node named
// (predict read out of bounds), networks over the memory limit are refused naming the layer, the limit is an
// option (`--memory-limit`), and running out of memory anyway is an exit code, never a crash.
#include "io/project.h"
#include "layers/simple_layers.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace nnp;

// GCC defines __SANITIZE_ADDRESS__; clang 14 (the fuzz preset, tests/asan.sh) only answers __has_feature.
#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NNP_SANITIZED 1
#endif
#endif

namespace {

struct Run {
    int code = -1; ///< -1: killed by a signal (a crash) or did not finish
    QString out, err;
};

Run run(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
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

Run runNnp(const QStringList &args)
{
    return run(QStringLiteral(NNP_EXE), args);
}

Project generatorProject(GraphSpec graph)
{
    Project p;
    p.name = "limits";
    p.data.kind = DataSourceKind::Generator;
    p.data.generator = {GeneratorKind::Xor, 100, 0.0, 1};
    p.graph = std::move(graph);
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.batchSize = 32;
    p.training.epochs = 1;
    return p;
}

void write(const QString &path, const std::string &text)
{
    std::ofstream f(path.toStdString(), std::ios::binary);
    f << text;
    QVERIFY(f.good());
}

} // namespace

class TestCliLimits : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void predictRefusesInputsSummingPast32Bits();
    void aNetworkOverTheLimitIsRefusedNamingTheLayer();
    void theLimitCanBeRaised();
    void aBadLimitIsAUsageError();
    void runningOutOfMemoryIsAnExitCodeNotACrash();

private:
    QTemporaryDir m_dir;
    QString m_huge;
};

void TestCliLimits::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Input 2 → Dense 10,000,000 → Dense 1: a 1 KB file that took 21 GB to train.
    GraphSpec g = makeMlp(2, {10'000'000}, 1, ActivationKind::ReLU, ActivationKind::Sigmoid);
    g.nodes[1].name = "hidden";
    m_huge = m_dir.filePath(QStringLiteral("huge.nnp"));
    write(m_huge, projectToText(generatorProject(g)));
}

void TestCliLimits::predictRefusesInputsSummingPast32Bits()
{
    // 430 Inputs of sizes summing to 2³² + 2, each averaged to one value, added, then a trained Dense 1: in
    // 32 bits the network took 2 values per sample, the rows x1,x2 passed, and predict read ten million rows
    // from them (SIGSEGV).
    GraphSpec g;
    const NodeId add = g.addNode(LayerKind::Add, "sum");
    for (int i = 0; i < 430; ++i) {
        LayerOptions o;
        o.set(opt::input::shape, std::vector<int>{1, 1, i < 429 ? 10'000'000 : 4'967'298});
        const NodeId in = g.addNode(LayerKind::Input, "in_" + std::to_string(i + 1), o);
        const NodeId pool = g.addNode(LayerKind::GlobalAveragePool2D, "pool_" + std::to_string(i + 1));
        g.connect(in, pool);
        g.connect(pool, add);
    }
    const NodeId out = g.addNode(LayerKind::Dense, "out");
    g.connect(add, out);
    Project p = generatorProject(g);
    p.weights = {{out, "weight", 1, 1, {0.5f}}, {out, "bias", 1, 1, {0.0f}}};
    const QString file = m_dir.filePath(QStringLiteral("overflow.nnp"));
    write(file, projectToText(p)); // as written (saveProject would leave out weights that do not fit)
    const QString rows = m_dir.filePath(QStringLiteral("rows.csv"));
    write(rows, "x1,x2\n0.5,-0.5\n");

    const Run r = runNnp({QStringLiteral("predict"), file, QStringLiteral("--input"), rows});
    QVERIFY2(r.code == 2, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
    QVERIFY2(r.err.contains(QStringLiteral("in_2")), qPrintable(r.err)); // the Input that passes the limit

    const Run info = runNnp({QStringLiteral("info"), file});
    QVERIFY2(info.code == 2 && info.err.contains(QStringLiteral("in_2")), qPrintable(info.err));
    // Untrained, the file opens and info shows the problem on the node, with no negative parameter count.
    p.weights.clear();
    write(file, projectToText(p));
    const Run untrained = runNnp({QStringLiteral("info"), file});
    QVERIFY2(untrained.out.contains(QStringLiteral("error: in_2:")), qPrintable(untrained.out.right(2000)));
    QVERIFY2(!untrained.out.contains(QStringLiteral("params: -")), qPrintable(untrained.out.right(2000)));
}

void TestCliLimits::aNetworkOverTheLimitIsRefusedNamingTheLayer()
{
    const QString out = m_dir.filePath(QStringLiteral("trained.nnp"));
    // The option before or after the command.
    for (const QStringList &args :
         {QStringList{QStringLiteral("--memory-limit"), QStringLiteral("1G"), QStringLiteral("train"), m_huge,
                      QStringLiteral("--out"), out},
          QStringList{QStringLiteral("train"), m_huge, QStringLiteral("--out"), out,
                      QStringLiteral("--memory-limit"), QStringLiteral("1G")}}) {
        const Run r = runNnp(args);
        QVERIFY2(r.code == 2, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
        QVERIFY2(r.err.contains(QStringLiteral("'hidden'")) && r.err.contains(QStringLiteral("1.0 GB")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(out));
    }
}

void TestCliLimits::theLimitCanBeRaised()
{
    // A network that fits a generous limit but not a tight one: Input 2 → Dense 20,000 → 1 (about 13 MB
    // to train with batches of 32).
    GraphSpec g = makeMlp(2, {20'000}, 1, ActivationKind::ReLU, ActivationKind::Sigmoid);
    g.nodes[1].name = "wide";
    const QString file = m_dir.filePath(QStringLiteral("wide.nnp"));
    write(file, projectToText(generatorProject(g)));
    const QString out = m_dir.filePath(QStringLiteral("wide-trained.nnp"));
    const Run tight = runNnp({QStringLiteral("--memory-limit"), QStringLiteral("1M"), QStringLiteral("train"),
                              file, QStringLiteral("--out"), out});
    QVERIFY2(tight.code == 2 && tight.err.contains(QStringLiteral("'wide'")), qPrintable(tight.err));
    const Run raised = runNnp({QStringLiteral("--memory-limit"), QStringLiteral("64M"),
                               QStringLiteral("train"), file, QStringLiteral("--out"), out});
    QVERIFY2(raised.code == 0, qPrintable(raised.err));
    QVERIFY(QFile::exists(out));
}

void TestCliLimits::aBadLimitIsAUsageError()
{
    for (const char *bad : {"lots", "0", "-2G"}) {
        const Run r = runNnp(
            {QStringLiteral("--memory-limit"), QString::fromLatin1(bad), QStringLiteral("info"), m_huge});
        QVERIFY2(r.code == 1, qPrintable(QStringLiteral("%1: exit %2 %3").arg(bad).arg(r.code).arg(r.err)));
    }
    const Run help = runNnp({QStringLiteral("--help")});
    QCOMPARE(help.code, 0);
    QVERIFY(help.out.contains(QStringLiteral("--memory-limit")));
}

void TestCliLimits::runningOutOfMemoryIsAnExitCodeNotACrash()
{
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__) || defined(NNP_SANITIZED)
    QSKIP("The sanitizers reserve more address space than the ulimit this test sets.");
#else
    // The limit raised past what the process may have (ulimit -v 1.5 GB): the allocation fails part-way
    // through. It used to crash in Dense::~Dense (Eigen's resize frees the old buffer before the throwing
    // allocation); now it is a message and exit code 2.
    const Run r = run(QStringLiteral("/bin/sh"),
                      {QStringLiteral("-c"),
                       QStringLiteral("ulimit -v 1500000 && exec \"$0\" --memory-limit 100G "
                                      "train \"$1\" --out \"$2\""),
                       QStringLiteral(NNP_EXE), m_huge, m_dir.filePath(QStringLiteral("oom.nnp"))});
    QVERIFY2(r.code == 2, qPrintable(QStringLiteral("exit %1: %2").arg(r.code).arg(r.err)));
    QVERIFY2(r.err.contains(QStringLiteral("memory")), qPrintable(r.err));
#endif
}

QTEST_GUILESS_MAIN(TestCliLimits)
#include "tst_cli_limits.moc"
