// `nnp bench`: the training core's speed on fixed workloads (issue 2, "Speed"). Each run trains with a
// fixed seed through the same Trainer the app uses, warms up, then counts steps for a fixed wall time.
// tests/bench/compare.sh runs this next to the same workloads in PyTorch and prints the ratios.
#include "commands.h"

#include "data/generators.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/pooling.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"
#include "train/trainer.h"

#include <CLI/CLI.hpp>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace nnp::cli {

namespace {

constexpr std::uint64_t kSeed = 42;

/// How a workload's network is made: an MLP from the sizes, the seed's recommender, a CNN on 28×28 images, or
/// the seed's sentiment model (ids over time -> Embedding -> LSTM -> sigmoid).
enum class Arch { Mlp, Recommender, SmallCnn, SeedCnn, Sequence };

struct Workload {
    const char *name;
    const char *description;
    int inputs;
    std::vector<int> hidden;
    int outputs;
    ActivationKind hiddenActivation;
    LossKind loss;
    OptimizerKind optimizer;
    double learningRate;
    int batch;
    int samples;
    /// W7, the seed's recommender: > 0 is the embedding size, `inputs` are a user id and an item id from
    /// `users` and `items` (the hidden layers follow their Concatenate). W6: `inputs` ids (the time steps)
    /// from a vocabulary of `users`, embedded in `embedding` values, the LSTM's units in `hidden`.
    int embedding = 0;
    int users = 0, items = 0;
    Arch arch = Arch::Mlp;
};

const std::vector<Workload> &workloads()
{
    static const std::vector<Workload> w{
        {"W1",
         "2-8-8-1 tanh, sigmoid+BCE, SGD, batch 10, 500 points",
         2,
         {8, 8},
         1,
         ActivationKind::Tanh,
         LossKind::BinaryCrossEntropy,
         OptimizerKind::SGD,
         0.03,
         10,
         500},
        {"W2",
         "64-128-64-10 ReLU, softmax CE, Adam, batch 32, 1797 samples",
         64,
         {128, 64},
         10,
         ActivationKind::ReLU,
         LossKind::SparseCategoricalCrossEntropy,
         OptimizerKind::Adam,
         0.001,
         32,
         1797},
        {"W3",
         "784-256-128-10 ReLU, softmax CE, Adam, batch 128, 60000 samples",
         784,
         {256, 128},
         10,
         ActivationKind::ReLU,
         LossKind::SparseCategoricalCrossEntropy,
         OptimizerKind::Adam,
         0.001,
         128,
         60000},
        {"W7",
         "recommender: 2 ids -> Embedding 8 each -> 128 relu -> 1, BCE, Adam, batch 256",
         2,
         {128},
         1,
         ActivationKind::ReLU,
         LossKind::BinaryCrossEntropy,
         OptimizerKind::Adam,
         0.001,
         256,
         100000,
         8,
         1000,
         500,
         Arch::Recommender},
        {"W6",
         "sentiment: 20 ids -> Embedding(1000, 32) -> LSTM 64 -> 1 sigmoid, BCE, Adam, batch 32",
         20,
         {64},
         1,
         ActivationKind::Tanh,
         LossKind::BinaryCrossEntropy,
         OptimizerKind::Adam,
         0.001,
         32,
         10000,
         32,
         1000,
         0,
         Arch::Sequence},
        {"W4",
         "CNN 1x28x28: conv 8 3x3 relu, max pool 2, conv 16 3x3 relu, max pool 2, 400-10, Adam, batch 64",
         784,
         {},
         10,
         ActivationKind::ReLU,
         LossKind::SparseCategoricalCrossEntropy,
         OptimizerKind::Adam,
         0.001,
         64,
         10000,
         0,
         0,
         0,
         Arch::SmallCnn},
        {"W5",
         "the seed's MNIST CNN: conv 32, conv 64, pool, dropout, 9216-128-10, Adadelta, batch 128",
         784,
         {128},
         10,
         ActivationKind::ReLU,
         LossKind::CategoricalCrossEntropy,
         OptimizerKind::Adadelta,
         1.0,
         128,
         10000,
         0,
         0,
         0,
         Arch::SeedCnn},
    };
    return w;
}

/// W1: the playground's circle data set. W2, W3, W4, W5: uniform random inputs in [0, 1) with random class
/// labels (the speed depends only on the shapes).
TrainData makeData(const Workload &w)
{
    TrainData d;
    if (w.arch == Arch::Sequence) { // W6: uniform ids at every step, random labels
        Rng rng(kSeed);
        d.x.resize(w.inputs, w.samples);
        d.y.resize(1, w.samples);
        for (Eigen::Index c = 0; c < d.x.cols(); ++c) {
            for (Eigen::Index r = 0; r < d.x.rows(); ++r)
                d.x(r, c) = static_cast<Scalar>(rng.below(static_cast<std::uint64_t>(w.users)));
            d.y(0, c) = static_cast<Scalar>(rng.below(2));
        }
        return d;
    }
    if (w.embedding > 0) { // W7: uniform user and item ids, random likes
        Rng rng(kSeed);
        d.x.resize(2, w.samples);
        d.y.resize(1, w.samples);
        for (Eigen::Index c = 0; c < d.x.cols(); ++c) {
            d.x(0, c) = static_cast<Scalar>(rng.below(static_cast<std::uint64_t>(w.users)));
            d.x(1, c) = static_cast<Scalar>(rng.below(static_cast<std::uint64_t>(w.items)));
            d.y(0, c) = static_cast<Scalar>(rng.below(2));
        }
        return d;
    }
    if (w.inputs == 2) {
        GeneratorConfig g;
        g.kind = GeneratorKind::Circle;
        g.samples = w.samples;
        g.seed = kSeed;
        const Dataset set = generate(g);
        d.x = set.x;
        d.y = classTargets(w.loss, set.labels, set.classes);
        return d;
    }
    Rng rng(kSeed);
    d.x.resize(w.inputs, w.samples);
    for (Eigen::Index c = 0; c < d.x.cols(); ++c)
        for (Eigen::Index r = 0; r < d.x.rows(); ++r)
            d.x(r, c) = static_cast<Scalar>(rng.uniform());
    std::vector<int> labels(static_cast<std::size_t>(w.samples));
    for (int &l : labels)
        l = static_cast<int>(rng.below(static_cast<std::uint64_t>(w.outputs)));
    d.y = classTargets(w.loss, labels, w.outputs);
    return d;
}

/// W7: user and item ids -> Embedding each -> Flatten -> Concatenate -> the hidden layers -> sigmoid.
GraphSpec makeRecommender(const Workload &w)
{
    GraphSpec g;
    const NodeId cat = g.addNode(LayerKind::Concatenate, "user_and_item");
    const LayerOptions ids =
        LayerOptions().set(opt::input::shape, {1}).set(opt::input::values, InputValues::Ids);
    for (const auto &[name, vocab] : {std::pair{"user", w.users}, std::pair{"item", w.items}}) {
        const NodeId in = g.addNode(LayerKind::Input, name, ids);
        const NodeId e = g.addNode(
            LayerKind::Embedding, std::string(name) + "_embedding",
            LayerOptions().set(opt::embedding::inputDim, vocab).set(opt::embedding::outputDim, w.embedding));
        const NodeId f = g.addNode(LayerKind::Flatten, std::string(name) + "_vector");
        g.connect(in, e);
        g.connect(e, f);
        g.connect(f, cat);
    }
    NodeId prev = cat;
    for (int units : w.hidden) {
        const NodeId h =
            g.addNode(LayerKind::Dense, "hidden",
                      LayerOptions().set(opt::dense::units, units).set(opt::activation, w.hiddenActivation));
        g.connect(prev, h);
        prev = h;
    }
    const NodeId out =
        g.addNode(LayerKind::Dense, "liked",
                  LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
    g.connect(prev, out);
    return g;
}

/// W6: `inputs` ids -> Embedding -> LSTM (its last state) -> Dense 1 sigmoid.
GraphSpec makeSequence(const Workload &w)
{
    GraphSpec g;
    const NodeId in = g.addNode(
        LayerKind::Input, "words",
        LayerOptions().set(opt::input::shape, {w.inputs}).set(opt::input::values, InputValues::Ids));
    const NodeId e = g.addNode(
        LayerKind::Embedding, "embedding",
        LayerOptions().set(opt::embedding::inputDim, w.users).set(opt::embedding::outputDim, w.embedding));
    const NodeId lstm = g.addNode(LayerKind::LSTM, "lstm", LayerOptions().set(opt::rnn::units, w.hidden[0]));
    const NodeId out =
        g.addNode(LayerKind::Dense, "positive",
                  LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
    g.connect(in, e);
    g.connect(e, lstm);
    g.connect(lstm, out);
    return g;
}

/// W4 and W5 on one 1×28×28 image per sample: convolutions and pooling, then Flatten and the Dense layers.
GraphSpec makeCnn(const Workload &w)
{
    GraphSpec g;
    NodeId prev = g.addNode(LayerKind::Input, "pixels", LayerOptions().set(opt::input::shape, {1, 28, 28}));
    const auto add = [&](LayerKind kind, const std::string &name, const LayerOptions &o = {}) {
        const NodeId id = g.addNode(kind, name, o);
        g.connect(prev, id);
        prev = id;
    };
    const auto conv = [](int filters) {
        return LayerOptions()
            .set(opt::conv2d::filters, filters)
            .set(opt::conv2d::kernel, {3, 3})
            .set(opt::activation, ActivationKind::ReLU);
    };
    if (w.arch == Arch::SmallCnn) {
        add(LayerKind::Conv2D, "conv_1", conv(8));
        add(LayerKind::MaxPool2D, "pool_1");
        add(LayerKind::Conv2D, "conv_2", conv(16));
        add(LayerKind::MaxPool2D, "pool_2");
        add(LayerKind::Flatten, "flatten");
    } else {
        add(LayerKind::Conv2D, "conv_1", conv(32));
        add(LayerKind::Conv2D, "conv_2", conv(64));
        add(LayerKind::MaxPool2D, "pool");
        add(LayerKind::Dropout, "dropout_1", LayerOptions().set(opt::dropout::rate, 0.25));
        add(LayerKind::Flatten, "flatten");
        for (int units : w.hidden)
            add(LayerKind::Dense, "hidden",
                LayerOptions().set(opt::dense::units, units).set(opt::activation, w.hiddenActivation));
        add(LayerKind::Dropout, "dropout_2", LayerOptions().set(opt::dropout::rate, 0.5));
    }
    add(LayerKind::Dense, "logits",
        LayerOptions().set(opt::dense::units, w.outputs).set(opt::activation, ActivationKind::Linear));
    add(LayerKind::Softmax, "softmax");
    return g;
}

GraphSpec makeGraph(const Workload &w)
{
    if (w.arch == Arch::Recommender) return makeRecommender(w);
    if (w.arch == Arch::Sequence) return makeSequence(w);
    if (w.arch == Arch::SmallCnn || w.arch == Arch::SeedCnn) return makeCnn(w);
    const bool softmax = w.outputs > 1;
    GraphSpec g = makeMlp(w.inputs, w.hidden, w.outputs, w.hiddenActivation,
                          softmax ? ActivationKind::Linear : ActivationKind::Sigmoid);
    if (softmax) {
        const NodeId logits = g.nodes.back().id;
        const NodeId s = g.addNode(LayerKind::Softmax, "softmax");
        g.connect(logits, s);
    }
    return g;
}

/// CPU time of the whole process (all threads): on a busy machine, wall time alone says little.
double cpuSeconds()
{
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
}

/// The multiply-add work of one training sample in the matrix products of Dense and Conv2D layers: the
/// forward product, the weight gradient, and the input gradient where the layer below needs one (2 FLOPs per
/// multiply-add). Other layers (embeddings, recurrences, pooling, activations) are not counted; 0 when the
/// network has trained parameters elsewhere, so no fraction is claimed for it.
double productFlopsPerSample(const Network &net)
{
    double flops = 0;
    for (std::size_t i = 0; i < net.nodes().size(); ++i) {
        const Network::Node &n = net.nodes()[i];
        if (n.layer->parameters().empty()) continue;
        if (n.kind != LayerKind::Dense && n.kind != LayerKind::Conv2D) return 0;
        const bool inputGradient = net.nodes()[static_cast<std::size_t>(n.inputs.front())].needsGrad;
        flops += 2.0 * double(net.forwardMultiplyAdds(i)) * (inputGradient ? 3 : 2);
    }
    return flops;
}

/// This core's peak of single-precision multiply-adds (GFLOP/s, one thread): independent chains of vector
/// FMAs, as wide as the build's instructions allow (AVX-512, AVX2 or SSE), best of a few short runs.
double fmaPeakGflops()
{
#if defined(__AVX512F__)
    using V = __m512;
    constexpr int kLanes = 16;
    const auto fma = [](V a, V b, V c) { return _mm512_fmadd_ps(a, b, c); };
    const auto set = [](float v) { return _mm512_set1_ps(v); };
    const auto sum = [](V v) { return _mm512_reduce_add_ps(v); };
#elif defined(__FMA__)
    using V = __m256;
    constexpr int kLanes = 8;
    const auto fma = [](V a, V b, V c) { return _mm256_fmadd_ps(a, b, c); };
    const auto set = [](float v) { return _mm256_set1_ps(v); };
    const auto sum = [](V v) {
        alignas(32) float f[8];
        _mm256_store_ps(f, v);
        return f[0] + f[1] + f[2] + f[3] + f[4] + f[5] + f[6] + f[7];
    };
#else
    return 0; // no FMA instructions in this build: no fraction is printed
#endif
#if defined(__AVX512F__) || defined(__FMA__)
    constexpr int kChains = 16; // covers the FMA latency on both ports
    constexpr long long kIterations = 1 << 20;
    volatile float seed = 1.0f;
    double best = 0, sink = 0;
    for (int run = 0; run < 5; ++run) {
        V acc[kChains];
        for (int c = 0; c < kChains; ++c)
            acc[c] = set(seed * float(c));
        const V a = set(seed * 0.999999f), b = set(seed * 1e-7f);
        const auto start = std::chrono::steady_clock::now();
        for (long long i = 0; i < kIterations; ++i)
            for (int c = 0; c < kChains; ++c)
                acc[c] = fma(acc[c], a, b);
        const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        for (int c = 0; c < kChains; ++c)
            sink += double(sum(acc[c]));
        best = std::max(best, 2.0 * kLanes * kChains * double(kIterations) / t * 1e-9);
    }
    if (sink == 12345.678) std::puts(""); // keeps the loop's result alive
    return best;
#endif
}

struct Result {
    long long steps = 0;
    long long samples = 0;
    double seconds = 0;
    double cpuSeconds = 0;
    double finalLoss = 0;
    int epochs = 0;
    int threadsUsed = 1;
    double flopsPerSample = 0; ///< productFlopsPerSample
};

/// Trains for `seconds` of wall time after the warm-up, or exactly `steps` steps (no warm-up) when steps > 0:
/// a fixed step count gives a final loss that must not change between runs of one build and thread count.
Result run(const Workload &w, int threads, double seconds, long long steps)
{
    using Clock = std::chrono::steady_clock;
    Network net = Network::build(makeGraph(w), kSeed);
    TrainingConfig cfg;
    cfg.loss.kind = w.loss;
    cfg.optimizer = defaultOptimizerConfig(w.optimizer);
    cfg.optimizer.learningRate = w.learningRate;
    cfg.batchSize = w.batch;
    cfg.epochs = 1 << 30;
    cfg.seed = kSeed;
    cfg.threads = threads;
    Trainer trainer(net, cfg, makeData(w));

    // Warm-up: buffers reach their sizes, caches and the helper thread are hot.
    const double warm = std::max(0.2, 0.1 * seconds);
    const auto warmEnd = Clock::now() + std::chrono::duration<double>(warm);
    long long warmSteps = 0;
    while (steps == 0 && (warmSteps < 20 || Clock::now() < warmEnd)) {
        trainer.runBatch();
        ++warmSteps;
    }

    // Read the clock every few steps only: on W1 a step costs about as much as a clock read.
    const int every = w.inputs == 2 && w.embedding == 0 ? 64 : 1;
    const long long steps0 = trainer.step(), samples0 = trainer.samplesSeen();
    const double cpu0 = cpuSeconds();
    const auto start = Clock::now();
    const auto end = start + std::chrono::duration<double>(seconds);
    double loss = 0;
    auto now = start;
    if (steps > 0) {
        for (long long i = 0; i < steps && trainer.state() != RunState::Diverged; ++i)
            loss = trainer.runBatch();
        now = Clock::now();
    } else {
        do {
            for (int i = 0; i < every; ++i)
                loss = trainer.runBatch();
            now = Clock::now();
        } while (now < end && trainer.state() != RunState::Diverged);
    }

    Result r;
    r.seconds = std::chrono::duration<double>(now - start).count();
    r.cpuSeconds = cpuSeconds() - cpu0;
    r.steps = trainer.step() - steps0;
    r.samples = trainer.samplesSeen() - samples0;
    r.finalLoss = loss;
    r.epochs = trainer.epoch();
    r.threadsUsed = trainer.threadsInUse();
    r.flopsPerSample = productFlopsPerSample(net);
    return r;
}

void print(const Workload &w, int threads, const Result &r, bool json, double peak)
{
    const double sps = double(r.steps) / r.seconds, samplesPerS = double(r.samples) / r.seconds;
    // The products' rate against one core's FMA peak, per thread used (the measure of issue 14's W3 target).
    const double gflops = r.flopsPerSample * samplesPerS * 1e-9;
    const double fraction = peak > 0 ? gflops / (peak * r.threadsUsed) : 0;
    if (json) {
        std::printf(
            "{\"workload\":\"%s\",\"threads\":%d,\"threads_used\":%d,\"batch\":%d,\"steps_per_s\":%.1f,"
            "\"samples_per_s\":%.1f,\"seconds\":%.3f,\"cpu_seconds\":%.3f,\"steps\":%lld,\"epochs\":%d,"
            "\"final_loss\":%.9g,\"product_gflops\":%.2f,\"fma_peak_gflops\":%.1f,\"fma_peak_fraction\":%.4f}"
            "\n",
            w.name, threads, r.threadsUsed, w.batch, sps, samplesPerS, r.seconds, r.cpuSeconds, r.steps,
            r.epochs, r.finalLoss, gflops, peak, fraction);
    } else {
        std::printf("%s  %-63s threads %d (used %d)  %10.1f steps/s  %10.1f samples/s  loss %.6g  (%.2f s, "
                    "%.2f s CPU)\n",
                    w.name, w.description, threads, r.threadsUsed, sps, samplesPerS, r.finalLoss, r.seconds,
                    r.cpuSeconds);
        if (r.flopsPerSample > 0 && peak > 0)
            std::printf("    products %.1f GFLOP/s = %.1f %% of the FMA peak (%.0f GFLOP/s per core, "
                        "measured); per CPU "
                        "second %.1f %% (what counts on a busy machine)\n",
                        gflops, 100 * fraction, peak,
                        r.cpuSeconds > 0
                            ? 100 * r.flopsPerSample * double(r.samples) / r.cpuSeconds * 1e-9 / peak
                            : 0.0);
    }
    std::fflush(stdout);
}

} // namespace

void addBenchCommand(CLI::App &app, int &exitCode)
{
    auto *cmd = app.add_subcommand(
        "bench", "Benchmark the training core on fixed workloads (W1 playground, W2 "
                 "digits, W3 MNIST scale, W4 a small CNN, W5 the seed's MNIST CNN, W6 the seed's "
                 "LSTM, W7 the seed's recommender); one line per workload");
    struct Options {
        std::string workload = "all";
        int threads = 1;
        double seconds = 3.0;
        long long steps = 0;
        bool json = false;
        std::vector<int> mlp;
        int batch = 128;
    };
    auto opt = std::make_shared<Options>();
    cmd->add_option("--workload", opt->workload, "W1, W2, W3, W4, W5, W6, W7 or all")
        ->check(CLI::IsMember({"W1", "W2", "W3", "W4", "W5", "W6", "W7", "all"}, CLI::ignore_case));
    cmd->add_option("--threads", opt->threads, "Training threads (1 or 2)")->check(CLI::Range(1, 2));
    // NaN passes any range check (its comparisons are all false): refused first.
    const CLI::Validator aNumber(
        [](std::string &text) {
            return std::isnan(std::strtod(text.c_str(), nullptr)) ? std::string("not a number: " + text)
                                                                  : std::string();
        },
        "", "NUMBER");
    cmd->add_option("--seconds", opt->seconds, "Measured wall time per workload")
        ->check(aNumber)
        ->check(CLI::Range(0.05, 3600.0));
    cmd->add_option("--steps", opt->steps,
                    "Train exactly this many steps without warm-up instead (checks that the final loss is "
                    "reproducible)")
        ->check(CLI::Range(1LL, 1LL << 40));
    cmd->add_flag("--json", opt->json, "One JSON object per line");
    cmd->add_option("--mlp", opt->mlp,
                    "Instead of the workloads: an MLP of these sizes (inputs, hidden..., classes; ReLU, "
                    "softmax CE, Adam) on random data, for tests/bench/sweep.py")
        ->delimiter(',')
        ->check(CLI::Range(1, 1 << 16));
    cmd->add_option("--batch", opt->batch, "The batch size of --mlp")->check(CLI::Range(1, 1 << 16));
    cmd->callback([opt, &exitCode] {
        try {
            const double peak = opt->steps > 0 ? 0 : fmaPeakGflops();
            if (!opt->mlp.empty()) {
                if (opt->mlp.size() < 2 || opt->mlp.back() < 2)
                    throw std::invalid_argument("--mlp needs the inputs and at least 2 classes");
                Workload w = workloads()[2]; // W3's loss, optimizer and activation
                w.name = "MLP";
                w.description = "MLP (--mlp), ReLU, softmax CE, Adam";
                w.inputs = opt->mlp.front();
                w.hidden.assign(opt->mlp.begin() + 1, opt->mlp.end() - 1);
                w.outputs = opt->mlp.back();
                w.batch = opt->batch;
                w.samples = std::max(4 * opt->batch, 2048);
                print(w, opt->threads, run(w, opt->threads, opt->seconds, opt->steps), opt->json, peak);
                exitCode = Ok;
                return;
            }
            for (const Workload &w : workloads()) {
                std::string want = opt->workload;
                for (char &c : want)
                    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                if (want != "ALL" && want != w.name) continue;
                print(w, opt->threads, run(w, opt->threads, opt->seconds, opt->steps), opt->json, peak);
            }
            exitCode = Ok;
        } catch (const std::exception &e) {
            std::cerr << "nnp bench: " << e.what() << '\n';
            exitCode = BadInput;
        }
    });
}

} // namespace nnp::cli
