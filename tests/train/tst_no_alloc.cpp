// "No allocation in the steady-state training loop" (issue 2). This executable replaces malloc and friends
// with counting wrappers around glibc's own allocator; after a warm-up epoch (buffers get their sizes, the
// optimizer its state), further epochs must not touch the heap at all. Two workloads: the playground's W1
// (2-8-8-1 tanh, sigmoid + BCE, SGD, batch 10, 500 samples) and a ReLU/softmax MLP trained with Adam in
// batches of 32. Float core, as the product trains. Skipped under AddressSanitizer and ThreadSanitizer, which
// bring their own allocator.
#include "data/generators.h"
#include "graph/graph_spec.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"
#include "losses/loss.h"
#include "train/network.h"
#include "train/trainer.h"

#include "small_cnn.h"

#include <QtTest>

#include <atomic>
#include <cstddef>
#include <cstdlib>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define NNP_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define NNP_SANITIZED 1
#endif
#endif

namespace {
std::atomic<long long> g_allocations{0};
std::atomic<bool> g_measuring{false};
} // namespace

#ifndef NNP_SANITIZED
/// Called for every allocation while a measurement runs: `break nnpAllocationWhileMeasuring` in gdb shows who
/// allocates.
extern "C" [[gnu::noinline]] void nnpAllocationWhileMeasuring()
{
    asm volatile("");
}

namespace {
void countAllocation()
{
    g_allocations.fetch_add(1, std::memory_order_relaxed);
    if (g_measuring.load(std::memory_order_relaxed)) nnpAllocationWhileMeasuring();
}
} // namespace

// glibc's allocator under its internal names: the wrappers below replace the public symbols for the whole
// process (operator new and Eigen's aligned allocation end up here too).
extern "C" {
void *__libc_malloc(std::size_t);
void *__libc_calloc(std::size_t, std::size_t);
void *__libc_realloc(void *, std::size_t);
void *__libc_memalign(std::size_t, std::size_t);
void __libc_free(void *);

void *malloc(std::size_t n)
{
    countAllocation();
    return __libc_malloc(n);
}
void *calloc(std::size_t n, std::size_t size)
{
    countAllocation();
    return __libc_calloc(n, size);
}
void *realloc(void *p, std::size_t n)
{
    countAllocation();
    return __libc_realloc(p, n);
}
void *memalign(std::size_t alignment, std::size_t n)
{
    countAllocation();
    return __libc_memalign(alignment, n);
}
void *aligned_alloc(std::size_t alignment, std::size_t n)
{
    countAllocation();
    return __libc_memalign(alignment, n);
}
int posix_memalign(void **out, std::size_t alignment, std::size_t n)
{
    countAllocation();
    void *p = __libc_memalign(alignment, n);
    if (!p) return 12; // ENOMEM
    *out = p;
    return 0;
}
void free(void *p)
{
    __libc_free(p);
}
}
#endif

using namespace nnp;

namespace {

long long allocations()
{
    return g_allocations.load(std::memory_order_relaxed);
}

/// Allocations made while training `epochs` more epochs (the trainer has already warmed up).
long long allocationsDuring(Trainer &t, int epochs)
{
    const long long before = allocations();
    g_measuring = true;
    bool ok = true;
    for (int e = 0; e < epochs && ok; ++e)
        ok = t.runEpoch().has_value();
    g_measuring = false;
    return ok ? allocations() - before : -1;
}

} // namespace

class TestNoAlloc : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
#ifdef NNP_SANITIZED
        QSKIP("a sanitizer replaces the allocator; the allocation count is meaningless here");
#endif
        // The counter really counts: without this the test could pass by never seeing an allocation.
        const long long before = allocations();
        auto *m = new Matrix(64, 64);
        delete m;
        void *p = std::malloc(10);
        std::free(p);
        QVERIFY2(allocations() - before >= 3, "the malloc wrappers are not in use");
    }

    void playgroundW1()
    {
        const Dataset d = generate({GeneratorKind::Spiral, 500, 0.0, 1});
        const TrainData train{d.x, classTargets(LossKind::BinaryCrossEntropy, d.labels, 2)};
        Network net = Network::build(makeMlp(2, {8, 8}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid), 1);
        TrainingConfig c;
        c.loss.kind = LossKind::BinaryCrossEntropy;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::SGD);
        c.optimizer.learningRate = 0.03;
        c.batchSize = 10; // 500 / 10: every batch has the same size
        c.epochs = 1000;
        Trainer t(net, c, train);
        QVERIFY(t.runEpoch().has_value()); // warm-up
        const long long n = allocationsDuring(t, 3);
        QCOMPARE(t.epoch(), 4);
        QCOMPARE(n, 0LL);
    }

    void adamSoftmaxBatch32()
    {
        // 64-32-32-10 ReLU, softmax + categorical cross-entropy, Adam, 1,024 samples in batches of 32.
        Rng rng(2);
        constexpr int kSamples = 1024;
        TrainData train{Matrix(64, kSamples), Matrix::Zero(10, kSamples)};
        for (Eigen::Index s = 0; s < kSamples; ++s) {
            for (Eigen::Index r = 0; r < 64; ++r)
                train.x(r, s) = Scalar(rng.uniform(-1, 1));
            train.y(Eigen::Index(rng.below(10)), s) = 1;
        }
        GraphSpec spec = makeMlp(64, {32, 32}, 10, ActivationKind::ReLU, ActivationKind::Linear);
        const NodeId last = spec.nodes.back().id;
        spec.connect(last, spec.addNode(LayerKind::Softmax, "softmax"));
        Network net = Network::build(spec, 2);
        TrainingConfig c;
        c.loss.kind = LossKind::CategoricalCrossEntropy;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        c.batchSize = 32;
        c.epochs = 1000;
        Trainer t(net, c, train);
        QVERIFY(net.fusedOutput());
        QVERIFY(t.runEpoch().has_value()); // warm-up
        const long long n = allocationsDuring(t, 2);
        QCOMPARE(t.epoch(), 3);
        QCOMPARE(n, 0LL);
    }

    void twoThreadsLargeBatch()
    {
        // 784-64-10, batch 256 split across two threads: the helper thread's half of the pass, the gradient
        // merge and the shared update must not allocate either (the counter sees every thread).
        Rng rng(4);
        constexpr int kSamples = 1024;
        TrainData train{Matrix(784, kSamples), Matrix(1, kSamples)};
        for (Eigen::Index s = 0; s < kSamples; ++s) {
            for (Eigen::Index r = 0; r < 784; ++r)
                train.x(r, s) = Scalar(rng.uniform());
            train.y(0, s) = Scalar(rng.below(10));
        }
        GraphSpec spec = makeMlp(784, {64}, 10, ActivationKind::ReLU, ActivationKind::Linear);
        const NodeId last = spec.nodes.back().id;
        spec.connect(last, spec.addNode(LayerKind::Softmax, "softmax"));
        Network net = Network::build(spec, 4);
        TrainingConfig c;
        c.loss.kind = LossKind::SparseCategoricalCrossEntropy;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        c.batchSize = 256;
        c.epochs = 1000;
        c.threads = 2;
        Trainer t(net, c, train);
        QCOMPARE(t.threadsInUse(), 2);
        QVERIFY(t.runEpoch().has_value()); // warm-up
        const long long n = allocationsDuring(t, 2);
        QCOMPARE(t.epoch(), 3);
        QCOMPARE(n, 0LL);
    }

    void recommenderW7_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one thread") << 1;
        QTest::newRow("two threads") << 2;
    }
    void recommenderW7()
    {
        // The seed's recommender: user and item ids -> Embedding(·, 8) each -> Flatten -> Concatenate ->
        // Dense 128 relu -> Dense 1 sigmoid, Adam, batch 256: the lookups and the scattered table gradients
        // allocate nothing once warm.
        QFETCH(int, threads);
        Rng rng(7);
        constexpr int kSamples = 1024;
        TrainData train{Matrix(2, kSamples), Matrix(1, kSamples)};
        for (Eigen::Index s = 0; s < kSamples; ++s) {
            train.x(0, s) = Scalar(rng.below(1000));
            train.x(1, s) = Scalar(rng.below(500));
            train.y(0, s) = Scalar(rng.below(2));
        }
        GraphSpec spec;
        const auto ids = LayerOptions().set(opt::input::shape, {1}).set(opt::input::values, InputValues::Ids);
        const NodeId cat = spec.addNode(LayerKind::Concatenate, "cat");
        for (const auto &[name, vocab] : {std::pair{"user", 1000}, std::pair{"item", 500}}) {
            const NodeId in = spec.addNode(LayerKind::Input, name, ids);
            const NodeId e = spec.addNode(
                LayerKind::Embedding, std::string(name) + "_emb",
                LayerOptions().set(opt::embedding::inputDim, vocab).set(opt::embedding::outputDim, 8));
            const NodeId f = spec.addNode(LayerKind::Flatten, std::string(name) + "_flat");
            spec.connect(in, e);
            spec.connect(e, f);
            spec.connect(f, cat);
        }
        const NodeId h = spec.addNode(
            LayerKind::Dense, "hidden",
            LayerOptions().set(opt::dense::units, 128).set(opt::activation, ActivationKind::ReLU));
        const NodeId out = spec.addNode(
            LayerKind::Dense, "out",
            LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
        spec.connect(cat, h);
        spec.connect(h, out);
        Network net = Network::build(spec, 7);
        TrainingConfig c;
        c.loss.kind = LossKind::BinaryCrossEntropy;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        c.batchSize = 256;
        c.epochs = 1000;
        c.threads = threads;
        Trainer t(net, c, train);
        QVERIFY(t.runEpoch().has_value()); // warm-up
        const long long n = allocationsDuring(t, 2);
        QCOMPARE(t.epoch(), 3);
        QCOMPARE(n, 0LL);
    }

    void convolutionalW4_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one thread") << 1;
        QTest::newRow("two threads") << 2;
    }
    void convolutionalW4()
    {
        // W4: Conv2D 8 3x3 relu -> MaxPool 2 -> Conv2D 16 3x3 relu -> MaxPool 2 -> Flatten -> Dense 10,
        // softmax cross-entropy, Adam, batch 64 on 28x28 images: im2col blocks, pooling winners and the
        // two-thread split (tst_trainer::smallCnnSplitsItsBatches checks that it happens) allocate nothing
        // once warm.
        QFETCH(int, threads);
        const TrainData train = test::randomImages(640, 5);
        const GraphSpec spec = test::smallCnn();
        Network net = Network::build(spec, 6);
        TrainingConfig c;
        c.loss.kind = LossKind::SparseCategoricalCrossEntropy;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        c.batchSize = 64;
        c.epochs = 1000;
        c.threads = threads;
        Trainer t(net, c, train);
        QCOMPARE(t.threadsInUse(), threads);
        QVERIFY(t.runEpoch().has_value()); // warm-up
        const long long n = allocationsDuring(t, 1);
        QCOMPARE(t.epoch(), 2);
        QCOMPARE(n, 0LL);
    }

    void recurrent_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("one thread") << 1;
        QTest::newRow("two threads") << 2;
    }
    void recurrent()
    {
        // Sequences [20, 4]: LSTM 32 (sequences) -> GRU 16 (sequences) -> SimpleRNN 8 (sequences), pooled
        // over time by mean and by max, Concatenate -> Dense 1 sigmoid, binary cross-entropy, Adam, batch
        // 256: backpropagation through time and the pooling winners allocate nothing once warm, on one thread
        // or split across two.
        QFETCH(int, threads);
        Rng rng(7);
        constexpr int kSamples = 1024;
        TrainData train{Matrix(80, kSamples), Matrix(1, kSamples)};
        for (Eigen::Index s = 0; s < kSamples; ++s) {
            for (Eigen::Index r = 0; r < 80; ++r)
                train.x(r, s) = Scalar(rng.uniform(-1, 1));
            train.y(0, s) = Scalar(rng.below(2));
        }
        GraphSpec spec;
        const NodeId in = spec.addNode(LayerKind::Input, "x", LayerOptions().set(opt::input::shape, {20, 4}));
        const auto rnn = [](int units) {
            return LayerOptions().set(opt::rnn::units, units).set(opt::rnn::returnSequences, true);
        };
        const NodeId a = spec.addNode(LayerKind::LSTM, "lstm", rnn(32));
        const NodeId b = spec.addNode(LayerKind::GRU, "gru", rnn(16));
        const NodeId c = spec.addNode(LayerKind::SimpleRNN, "rnn", rnn(8));
        const NodeId avg = spec.addNode(LayerKind::GlobalAveragePool1D, "avg");
        const NodeId max = spec.addNode(LayerKind::GlobalMaxPool1D, "max");
        const NodeId cat = spec.addNode(LayerKind::Concatenate, "cat");
        const NodeId out = spec.addNode(
            LayerKind::Dense, "out",
            LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
        spec.connect(in, a);
        spec.connect(a, b);
        spec.connect(b, c);
        spec.connect(c, avg);
        spec.connect(c, max);
        spec.connect(avg, cat);
        spec.connect(max, cat);
        spec.connect(cat, out);
        Network net = Network::build(spec, 8);
        TrainingConfig cfg;
        cfg.loss.kind = LossKind::BinaryCrossEntropy;
        cfg.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        cfg.batchSize = 256;
        cfg.epochs = 1000;
        cfg.threads = threads;
        Trainer t(net, cfg, train);
        QCOMPARE(t.threadsInUse(), threads);
        QVERIFY(t.runEpoch().has_value()); // warm-up
        const long long n = allocationsDuring(t, 1);
        QCOMPARE(t.epoch(), 2);
        QCOMPARE(n, 0LL);
    }

    void unevenLastBatch()
    {
        // 1,000 samples in batches of 32: each epoch ends with a batch of 8 (the digits workload has the same
        // shape: 1,797 in batches of 32).
        Rng rng(3);
        constexpr int kSamples = 1000;
        TrainData train{Matrix(64, kSamples), Matrix(1, kSamples)};
        for (Eigen::Index s = 0; s < kSamples; ++s) {
            for (Eigen::Index r = 0; r < 64; ++r)
                train.x(r, s) = Scalar(rng.uniform(-1, 1));
            train.y(0, s) = Scalar(rng.below(10));
        }
        GraphSpec spec = makeMlp(64, {32}, 10, ActivationKind::ReLU, ActivationKind::Linear);
        const NodeId last = spec.nodes.back().id;
        spec.connect(last, spec.addNode(LayerKind::Softmax, "softmax"));
        Network net = Network::build(spec, 2);
        TrainingConfig c;
        c.loss.kind = LossKind::SparseCategoricalCrossEntropy;
        c.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
        c.batchSize = 32;
        c.epochs = 1000;
        Trainer t(net, c, train);
        QVERIFY(t.runEpoch().has_value()); // warm-up
        // The 30 full batches between the first one (which grows the buffers back after the short batch) and
        // the short one allocate nothing.
        QVERIFY(t.runBatch() > 0);
        const long long before = allocations();
        g_measuring = true;
        for (int b = 1; b < 31; ++b)
            t.runBatch();
        g_measuring = false;
        QCOMPARE(t.epoch(), 1);
        QCOMPARE(allocations() - before, 0LL);
        t.runBatch(); // the short batch ends the epoch
        QCOMPARE(t.epoch(), 2);
        // The short batch runs on the trainer's tail copy of the network, whose buffers keep its size, so the
        // main network's buffers are neither shrunk nor grown again.
        const long long n = allocationsDuring(t, 2);
        qInfo("allocations in 2 epochs with a short last batch: %lld", n);
        QCOMPARE(n, 0LL);
    }
};

QTEST_GUILESS_MAIN(TestNoAlloc)
#include "tst_no_alloc.moc"
