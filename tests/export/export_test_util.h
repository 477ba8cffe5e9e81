#pragma once
// Shared by the export tests: networks of every layer kind with non-trivial weights, raw inputs, and runners
// for onnxruntime (node) and Python.

#include "export/export_model.h"
#include "graph/graph_spec.h"
#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/pooling.h"
#include "layers/recurrent.h"
#include "layers/reshape.h"
#include "layers/simple_layers.h"
#include "train/network.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTest>

#include <cmath>
#include <vector>

namespace nnp::testutil {

struct TestNet {
    std::string name;
    GraphSpec spec;
    bool normalized = true;
};

inline LayerOptions dense(int units, ActivationKind a, bool bias = true)
{
    LayerOptions o;
    o.set(opt::dense::units, units);
    o.set(opt::activation, a);
    o.set(opt::dense::useBias, bias);
    o.set(opt::leakySlope, 0.2);
    o.set(opt::eluAlpha, 0.7);
    return o;
}

inline LayerOptions input(std::vector<int> shape)
{
    LayerOptions o;
    o.set(opt::input::shape, std::move(shape));
    return o;
}

inline GraphSpec mlp(ActivationKind a)
{
    GraphSpec g;
    NodeId in = g.addNode(LayerKind::Input, "input", input({3}));
    NodeId h1 = g.addNode(LayerKind::Dense, "hidden 1", dense(5, a));
    NodeId h2 = g.addNode(LayerKind::Dense, "hidden2", dense(4, a));
    NodeId out = g.addNode(LayerKind::Dense, "output", dense(2, ActivationKind::Linear));
    g.connect(in, h1);
    g.connect(h1, h2);
    g.connect(h2, out);
    return g;
}

/// Two inputs, Dense branches joined by Add, BatchNorm, Dropout, Concatenate with a raw input, Flatten, a
/// Dense without bias, an Activation layer and a final Softmax.
inline GraphSpec dag()
{
    GraphSpec g;
    NodeId a = g.addNode(LayerKind::Input, "a", input({3}));
    NodeId b = g.addNode(LayerKind::Input, "b", input({2}));
    NodeId da = g.addNode(LayerKind::Dense, "dense a", dense(4, ActivationKind::Tanh));
    NodeId db = g.addNode(LayerKind::Dense, "dense b", dense(4, ActivationKind::ELU));
    NodeId sum = g.addNode(LayerKind::Add, "sum", {});
    LayerOptions bo;
    bo.set(opt::batchnorm::momentum, 0.2);
    bo.set(opt::batchnorm::epsilon, 1e-3);
    NodeId bn = g.addNode(LayerKind::BatchNorm, "bn", bo);
    LayerOptions dro;
    dro.set(opt::dropout::rate, 0.3);
    NodeId drop = g.addNode(LayerKind::Dropout, "drop", dro);
    NodeId cat = g.addNode(LayerKind::Concatenate, "cat", {});
    NodeId flat = g.addNode(LayerKind::Flatten, "flat", {});
    NodeId d2 = g.addNode(LayerKind::Dense, "d2", dense(5, ActivationKind::GELU, false));
    LayerOptions act;
    act.set(opt::activation, ActivationKind::Softplus);
    NodeId sp = g.addNode(LayerKind::Activation, "soft plus", act);
    NodeId out = g.addNode(LayerKind::Dense, "logits", dense(3, ActivationKind::Linear));
    NodeId sm = g.addNode(LayerKind::Softmax, "probabilities", {});
    g.connect(a, da);
    g.connect(b, db);
    g.connect(da, sum);
    g.connect(db, sum);
    g.connect(sum, bn);
    g.connect(bn, drop);
    g.connect(drop, cat);
    g.connect(b, cat);
    g.connect(cat, flat);
    g.connect(flat, d2);
    g.connect(d2, sp);
    g.connect(sp, out);
    g.connect(out, sm);
    return g;
}

inline std::vector<TestNet> testNetworks()
{
    std::vector<TestNet> r;
    for (ActivationKind a : allActivations())
        r.push_back({"mlp_" + std::string(toString(a)), mlp(a), true});
    r.push_back({"dag", dag(), true});
    {
        GraphSpec g; // an image-shaped input, flattened, without normalisation
        NodeId in = g.addNode(LayerKind::Input, "pixels", input({2, 2, 1}));
        NodeId flat = g.addNode(LayerKind::Flatten, "flatten", {});
        NodeId h = g.addNode(LayerKind::Dense, "h", dense(3, ActivationKind::Sigmoid));
        NodeId o = g.addNode(LayerKind::Dense, "o", dense(1, ActivationKind::Linear));
        g.connect(in, flat);
        g.connect(flat, h);
        g.connect(h, o);
        r.push_back({"image_no_norm", g, false});
    }
    {
        GraphSpec g; // one feature in, an Activation and a three-way Add
        NodeId in = g.addNode(LayerKind::Input, "x", input({1}));
        NodeId d1 = g.addNode(LayerKind::Dense, "d1", dense(2, ActivationKind::Linear));
        NodeId d2 = g.addNode(LayerKind::Dense, "d2", dense(2, ActivationKind::ReLU));
        NodeId d3 = g.addNode(LayerKind::Dense, "d3", dense(2, ActivationKind::Sigmoid));
        NodeId add = g.addNode(LayerKind::Add, "add3", {});
        LayerOptions act;
        act.set(opt::activation, ActivationKind::LeakyReLU);
        act.set(opt::leakySlope, 0.1);
        NodeId leaky = g.addNode(LayerKind::Activation, "leaky", act);
        g.connect(in, d1);
        g.connect(in, d2);
        g.connect(in, d3);
        g.connect(d1, add);
        g.connect(d2, add);
        g.connect(d3, add);
        g.connect(add, leaky);
        r.push_back({"three_way_add", g, true});
    }
    {
        GraphSpec
            g; // a recommender's interaction: two branches, one seen as an image and back, joined by Dot
        NodeId user = g.addNode(LayerKind::Input, "user", input({4}));
        NodeId item = g.addNode(LayerKind::Input, "item", input({3}));
        NodeId eu = g.addNode(LayerKind::Dense, "user vector", dense(6, ActivationKind::Tanh));
        NodeId grid =
            g.addNode(LayerKind::Reshape, "grid", LayerOptions().set(opt::reshape::shape, {1, 2, 3}));
        NodeId act = g.addNode(LayerKind::Activation, "grid relu",
                               LayerOptions().set(opt::activation, ActivationKind::ReLU));
        NodeId flat = g.addNode(LayerKind::Reshape, "flat", LayerOptions().set(opt::reshape::shape, {6}));
        NodeId ei = g.addNode(LayerKind::Dense, "item vector", dense(6, ActivationKind::Linear));
        NodeId dot = g.addNode(LayerKind::Dot, "match", {});
        NodeId out = g.addNode(LayerKind::Dense, "liked", dense(1, ActivationKind::Sigmoid));
        g.connect(user, eu);
        g.connect(eu, grid);
        g.connect(grid, act);
        g.connect(act, flat);
        g.connect(item, ei);
        g.connect(flat, dot);
        g.connect(ei, dot);
        g.connect(dot, out);
        r.push_back({"reshape_dot", g, true});
    }
    {
        // A CNN over normalised 1×7×7 images: odd kernel with same padding, a max pool whose same padding
        // is one pixel at the bottom and right, an even kernel, an average pool over the edge, two heads.
        GraphSpec g;
        NodeId in = g.addNode(LayerKind::Input, "pixels", input({1, 7, 7}));
        NodeId c1 = g.addNode(LayerKind::Conv2D, "conv 1",
                              LayerOptions()
                                  .set(opt::conv2d::filters, 4)
                                  .set(opt::conv2d::padding, Padding::Same)
                                  .set(opt::activation, ActivationKind::Tanh));
        NodeId p1 =
            g.addNode(LayerKind::MaxPool2D, "pool", LayerOptions().set(opt::pool2d::padding, Padding::Same));
        NodeId c2 = g.addNode(LayerKind::Conv2D, "conv 2",
                              LayerOptions()
                                  .set(opt::conv2d::filters, 3)
                                  .set(opt::conv2d::kernel, {2, 2})
                                  .set(opt::activation, ActivationKind::ReLU));
        NodeId avg = g.addNode(LayerKind::AveragePool2D, "avg",
                               LayerOptions()
                                   .set(opt::pool2d::size, {2, 2})
                                   .set(opt::pool2d::strides, {1, 1})
                                   .set(opt::pool2d::padding, Padding::Same));
        NodeId flat = g.addNode(LayerKind::Flatten, "flat", {});
        NodeId out = g.addNode(LayerKind::Dense, "scores", dense(3, ActivationKind::Linear));
        NodeId sm = g.addNode(LayerKind::Softmax, "probabilities", {});
        g.connect(in, c1);
        g.connect(c1, p1);
        g.connect(p1, c2);
        g.connect(c2, avg);
        g.connect(avg, flat);
        g.connect(flat, out);
        g.connect(out, sm);
        r.push_back({"cnn", g, true});
    }
    {
        // Two channels of 6×5 from a flat input through Reshape, a strided convolution without bias (same), a
        // dilated one, a 1×1 one, global average pooling, a sigmoid unit.
        GraphSpec g;
        NodeId in = g.addNode(LayerKind::Input, "rows", input({60}));
        NodeId img =
            g.addNode(LayerKind::Reshape, "image", LayerOptions().set(opt::reshape::shape, {2, 6, 5}));
        NodeId c1 = g.addNode(LayerKind::Conv2D, "strided",
                              LayerOptions()
                                  .set(opt::conv2d::filters, 3)
                                  .set(opt::conv2d::kernel, {3, 2})
                                  .set(opt::conv2d::strides, {2, 2})
                                  .set(opt::conv2d::padding, Padding::Same)
                                  .set(opt::conv2d::useBias, false)
                                  .set(opt::activation, ActivationKind::ELU)
                                  .set(opt::eluAlpha, 0.7));
        NodeId c2 = g.addNode(LayerKind::Conv2D, "dilated",
                              LayerOptions()
                                  .set(opt::conv2d::filters, 2)
                                  .set(opt::conv2d::dilation, {2, 2})
                                  .set(opt::conv2d::padding, Padding::Same));
        NodeId c3 = g.addNode(LayerKind::Conv2D, "mix",
                              LayerOptions()
                                  .set(opt::conv2d::filters, 2)
                                  .set(opt::conv2d::kernel, {1, 1})
                                  .set(opt::activation, ActivationKind::Sigmoid));
        NodeId gap = g.addNode(LayerKind::GlobalAveragePool2D, "gap", {});
        NodeId out = g.addNode(LayerKind::Dense, "out", dense(1, ActivationKind::Sigmoid));
        g.connect(in, img);
        g.connect(img, c1);
        g.connect(c1, c2);
        g.connect(c2, c3);
        g.connect(c3, gap);
        g.connect(gap, out);
        r.push_back({"cnn_strided_dilated", g, false});
    }
    {
        // The seed's recommender with a real feature beside the ids: user and item ids -> Embedding each (the
        // item's with padding id 0) -> Flatten -> Concatenate with the normalised age -> Dense relu ->
        // sigmoid.
        GraphSpec g;
        const auto ids = [](int steps) { return input({steps}).set(opt::input::values, InputValues::Ids); };
        NodeId user = g.addNode(LayerKind::Input, "user", ids(1));
        NodeId item = g.addNode(LayerKind::Input, "item", ids(1));
        NodeId age = g.addNode(LayerKind::Input, "age", input({2}));
        NodeId eu =
            g.addNode(LayerKind::Embedding, "user emb",
                      LayerOptions().set(opt::embedding::inputDim, 7).set(opt::embedding::outputDim, 4));
        NodeId ei = g.addNode(LayerKind::Embedding, "item_emb",
                              LayerOptions()
                                  .set(opt::embedding::inputDim, 5)
                                  .set(opt::embedding::outputDim, 3)
                                  .set(opt::embedding::maskZero, true));
        NodeId fu = g.addNode(LayerKind::Flatten, "user_flat", {});
        NodeId fi = g.addNode(LayerKind::Flatten, "item_flat", {});
        NodeId cat = g.addNode(LayerKind::Concatenate, "joined", {});
        NodeId h = g.addNode(LayerKind::Dense, "hidden", dense(6, ActivationKind::ReLU));
        NodeId out = g.addNode(LayerKind::Dense, "liked", dense(1, ActivationKind::Sigmoid));
        g.connect(user, eu);
        g.connect(item, ei);
        g.connect(eu, fu);
        g.connect(ei, fi);
        g.connect(fu, cat);
        g.connect(fi, cat);
        g.connect(age, cat);
        g.connect(cat, h);
        g.connect(h, out);
        r.push_back({"recommender", g, true});
    }
    {
        // Matrix factorisation over a sequence: three word ids -> Embedding -> Flatten (12 values) Dot one
        // item's 12-vector, sigmoid.
        GraphSpec g;
        NodeId words =
            g.addNode(LayerKind::Input, "words", input({3}).set(opt::input::values, InputValues::Ids));
        NodeId item =
            g.addNode(LayerKind::Input, "item", input({1}).set(opt::input::values, InputValues::Ids));
        NodeId ew =
            g.addNode(LayerKind::Embedding, "word_vectors",
                      LayerOptions().set(opt::embedding::inputDim, 6).set(opt::embedding::outputDim, 4));
        NodeId ei =
            g.addNode(LayerKind::Embedding, "item_vector",
                      LayerOptions().set(opt::embedding::inputDim, 9).set(opt::embedding::outputDim, 12));
        NodeId fw = g.addNode(LayerKind::Flatten, "words_flat", {});
        NodeId fi = g.addNode(LayerKind::Flatten, "item_flat", {});
        NodeId dot = g.addNode(LayerKind::Dot, "match", {});
        NodeId out = g.addNode(LayerKind::Dense, "liked", dense(1, ActivationKind::Sigmoid));
        g.connect(words, ew);
        g.connect(item, ei);
        g.connect(ew, fw);
        g.connect(ei, fi);
        g.connect(fw, dot);
        g.connect(fi, dot);
        g.connect(dot, out);
        r.push_back({"embedding_dot", g, false});
    }
    {
        // Normalised sequences [6, 3]: LSTM (every step) → GRU (last state) → Dense.
        GraphSpec g;
        NodeId in = g.addNode(LayerKind::Input, "sequence", input({6, 3}));
        NodeId lstm = g.addNode(LayerKind::LSTM, "lstm",
                                LayerOptions().set(opt::rnn::units, 4).set(opt::rnn::returnSequences, true));
        NodeId gru = g.addNode(LayerKind::GRU, "gru", LayerOptions().set(opt::rnn::units, 3));
        NodeId out = g.addNode(LayerKind::Dense, "out", dense(2, ActivationKind::Linear));
        g.connect(in, lstm);
        g.connect(lstm, gru);
        g.connect(gru, out);
        r.push_back({"lstm_gru", g, true});
    }
    {
        // Flat rows seen as sequences [5, 4] by a Reshape: SimpleRNN and GRU over every step, pooled over
        // time by mean and by max, an LSTM's last state, a Flatten of a sequence, joined → Dense sigmoid.
        GraphSpec g;
        NodeId in = g.addNode(LayerKind::Input, "rows", input({20}));
        NodeId seq = g.addNode(LayerKind::Reshape, "steps", LayerOptions().set(opt::reshape::shape, {5, 4}));
        const auto every = [](int units) {
            return LayerOptions().set(opt::rnn::units, units).set(opt::rnn::returnSequences, true);
        };
        NodeId rnn = g.addNode(LayerKind::SimpleRNN, "rnn", every(3));
        NodeId gru = g.addNode(LayerKind::GRU, "gru seq", every(2));
        NodeId avg = g.addNode(LayerKind::GlobalAveragePool1D, "mean over time", {});
        NodeId max = g.addNode(LayerKind::GlobalMaxPool1D, "max over time", {});
        NodeId lstm = g.addNode(LayerKind::LSTM, "lstm", LayerOptions().set(opt::rnn::units, 2));
        NodeId flat = g.addNode(LayerKind::Flatten, "flat", {});
        NodeId cat = g.addNode(LayerKind::Concatenate, "cat", {});
        NodeId out = g.addNode(LayerKind::Dense, "out", dense(1, ActivationKind::Sigmoid));
        g.connect(in, seq);
        g.connect(seq, rnn);
        g.connect(seq, gru);
        g.connect(rnn, avg);
        g.connect(gru, max);
        g.connect(rnn, lstm);
        g.connect(gru, flat);
        g.connect(avg, cat);
        g.connect(max, cat);
        g.connect(lstm, cat);
        g.connect(flat, cat);
        g.connect(cat, out);
        r.push_back({"recurrent_pooled", g, false});
    }
    return r;
}

/// For each input feature of the network, the vocabulary of the Embedding that looks it up; 0 for a real
/// value.
inline std::vector<int> idVocabularies(const Network &net)
{
    std::vector<int> v;
    for (int idx : net.inputNodes()) {
        const Network::Node &in = net.nodes().at(static_cast<std::size_t>(idx));
        int vocab = 0;
        for (const EdgeSpec &e : net.spec().outputsOf(in.id))
            if (const NodeSpec *to = net.spec().find(e.to); to && to->kind == LayerKind::Embedding)
                vocab = to->options.get(opt::embedding::inputDim);
        v.insert(v.end(), static_cast<std::size_t>(in.shape.size()), vocab);
    }
    return v;
}

/// A network whose every parameter and running statistic is random (biases and BatchNorm stats included), so
/// that an exporter that drops or transposes any tensor shows.
inline Network makeNetwork(const GraphSpec &spec, std::uint64_t seed)
{
    Network net = Network::build(spec, seed);
    Rng rng(seed + 100);
    for (auto &p : net.parameters())
        for (Eigen::Index i = 0; i < p.ref.value->size(); ++i)
            p.ref.value->data()[i] = static_cast<Scalar>(rng.uniform(-1.0, 1.0));
    for (auto &p : net.state())
        for (Eigen::Index i = 0; i < p.ref.value->size(); ++i)
            p.ref.value->data()[i] = static_cast<Scalar>(
                p.ref.name == "running_var" ? rng.uniform(0.5, 2.0) : rng.uniform(-0.5, 0.5));
    return net;
}

inline Normalizer makeNormalizer(int features, bool normalized, std::uint64_t seed)
{
    Normalizer n;
    if (!normalized) return n;
    Rng rng(seed);
    n.kind = NormalizationKind::ZScore;
    n.offset.resize(features);
    n.scale.resize(features);
    for (int i = 0; i < features; ++i) {
        n.offset(i) = static_cast<Scalar>(rng.uniform(-2.0, 3.0));
        n.scale(i) = static_cast<Scalar>(rng.uniform(0.2, 1.5));
    }
    return n;
}

/// Raw inputs [features x N] around the normaliser's offsets.
inline Matrix makeInputs(int features, int n, std::uint64_t seed)
{
    Rng rng(seed);
    Matrix x(features, n);
    for (Eigen::Index i = 0; i < x.size(); ++i)
        x.data()[i] = static_cast<Scalar>(rng.uniform(-3.0, 4.0));
    return x;
}

/// The same for a network's inputs, with every id an Embedding looks up drawn from its vocabulary.
inline Matrix makeInputs(const Network &net, int n, std::uint64_t seed)
{
    Matrix x = makeInputs(net.inputSize(), n, seed);
    const std::vector<int> vocab = idVocabularies(net);
    Rng rng(seed + 7);
    for (Eigen::Index c = 0; c < x.cols(); ++c)
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            if (const int v = vocab[static_cast<std::size_t>(r)])
                x(r, c) = static_cast<Scalar>(rng.below(static_cast<std::uint64_t>(v)));
    return x;
}

/// A normaliser for the network's inputs that leaves ids as they are (as prepareData fits one).
inline Normalizer makeNormalizer(const Network &net, bool normalized, std::uint64_t seed)
{
    Normalizer norm = makeNormalizer(net.inputSize(), normalized, seed);
    if (norm.isIdentity()) return norm;
    const std::vector<int> vocab = idVocabularies(net);
    for (Eigen::Index r = 0; r < norm.offset.size(); ++r)
        if (vocab[static_cast<std::size_t>(r)]) {
            norm.offset(r) = 0;
            norm.scale(r) = 1;
        }
    return norm;
}

/// Our prediction for raw inputs: normalise (written out here, independent of Normalizer::apply), then
/// predict.
inline Matrix ourPrediction(Network &net, const Normalizer &norm, const Matrix &raw)
{
    Matrix x = raw;
    if (!norm.isIdentity())
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            x.row(r) = (x.row(r).array() - norm.offset(r)) * norm.scale(r);
    return net.predict(x);
}

struct ProcessResult {
    bool started = false;
    int exitCode = -1;
    QString out, err;
};

inline ProcessResult runProcess(const QString &program, const QStringList &args, int timeoutMs = 300000,
                                const QString &workDir = {}, const QStringList &extraEnv = {})
{
    QProcess p;
    if (!workDir.isEmpty()) p.setWorkingDirectory(workDir);
    if (!extraEnv.isEmpty()) {
        QStringList env = QProcess::systemEnvironment();
        env += extraEnv;
        p.setEnvironment(env);
    }
    p.start(program, args);
    ProcessResult r;
    r.started = p.waitForStarted(30000);
    if (!r.started) return r;
    if (!p.waitForFinished(timeoutMs)) p.kill();
    p.waitForFinished(5000);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

/// node_modules folder holding onnxruntime-node, installed with npm on first use (its install script only
/// fetches GPU parts and is skipped). Empty, with `why` set, when node or the npm registry is unavailable.
inline QString onnxRuntimeModules(QString &why)
{
    const QString node = QStandardPaths::findExecutable("node"), npm = QStandardPaths::findExecutable("npm");
    if (node.isEmpty() || npm.isEmpty()) {
        why = "node/npm are not installed";
        return {};
    }
    const QString dir = QStringLiteral(NNP_BINARY_DIR) + "/onnxruntime-node";
    const QString marker = dir + "/node_modules/onnxruntime-node/package.json";
    QDir().mkpath(dir);
    QLockFile lock(dir + "/install.lock"); // test executables may run in parallel
    lock.setStaleLockTime(0);
    if (!lock.tryLock(600000)) {
        why = "another test kept the onnxruntime install lock";
        return {};
    }
    if (!QFileInfo::exists(marker)) {
        const auto r = runProcess(
            npm,
            {"install", "onnxruntime-node", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", dir},
            600000, dir);
        if (r.exitCode != 0 || !QFileInfo::exists(marker)) {
            why = "npm could not install onnxruntime-node (no access to the registry?): " + r.err.right(400);
            return {};
        }
    }
    return dir + "/node_modules";
}

/// Runs `onnxFile` in onnxruntime on raw inputs [features x N] split among the model's inputs; returns
/// [outputs x N], or an empty matrix with `error` set.
inline Matrix runOnnxRuntime(const QString &onnxFile, const ExportModel &model, const Matrix &raw,
                             const QString &nodeModules, QString &error)
{
    QJsonObject feeds;
    int row = 0;
    for (int idx : model.inputs) {
        const ExportNode &in = model.nodes.at(static_cast<std::size_t>(idx));
        QJsonArray data;
        for (Eigen::Index c = 0; c < raw.cols(); ++c)
            for (int f = 0; f < in.size; ++f)
                data.append(static_cast<double>(raw(row + f, c)));
        row += in.size;
        feeds[QString::fromStdString(in.ident)] =
            QJsonObject{{"dims", QJsonArray{static_cast<int>(raw.cols()), in.size}}, {"data", data}};
    }
    const QString feedsFile = onnxFile + ".feeds.json", outFile = onnxFile + ".out.json";
    QFile f(feedsFile);
    if (!f.open(QIODevice::WriteOnly)) {
        error = "cannot write " + feedsFile;
        return {};
    }
    f.write(QJsonDocument(feeds).toJson(QJsonDocument::Compact));
    f.close();
    const auto r = runProcess(
        QStandardPaths::findExecutable("node"),
        {QStringLiteral(NNP_SOURCE_DIR) + "/tests/export/run_onnx.js", onnxFile, feedsFile, outFile}, 120000,
        {}, {"NODE_PATH=" + nodeModules});
    if (r.exitCode != 0) {
        error = "onnxruntime failed: " + r.err;
        return {};
    }
    QFile o(outFile);
    o.open(QIODevice::ReadOnly);
    const QJsonObject result = QJsonDocument::fromJson(o.readAll()).object();
    QString outName = QString::fromStdString(model.nodes.at(static_cast<std::size_t>(model.output)).ident);
    // A model exported with its project's meaning names its output ("probabilities", the target's name).
    if (!result.contains(outName) && result.size() == 1) outName = result.keys().front();
    if (!result.contains(outName)) {
        error = "onnxruntime returned no output called " + outName;
        return {};
    }
    const QJsonArray dims = result[outName].toObject()["dims"].toArray();
    const QJsonArray data = result[outName].toObject()["data"].toArray();
    if (dims.size() != 2 || dims[0].toInt() != raw.cols() || dims[1].toInt() != model.outputSize()) {
        error = "onnxruntime returned an output of the wrong shape";
        return {};
    }
    Matrix y(model.outputSize(), raw.cols());
    for (Eigen::Index c = 0; c < y.cols(); ++c)
        for (Eigen::Index r2 = 0; r2 < y.rows(); ++r2)
            y(r2, c) = static_cast<Scalar>(data[static_cast<int>(c * y.rows() + r2)].toDouble());
    return y;
}

/// Writes raw inputs as CSV (a header, one sample per row) for the Python scripts.
inline bool writeInputsCsv(const QString &file, const Matrix &raw)
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly)) return false;
    QStringList header;
    for (Eigen::Index r = 0; r < raw.rows(); ++r)
        header << QString("f%1").arg(r);
    f.write((header.join(',') + "\n").toUtf8());
    for (Eigen::Index c = 0; c < raw.cols(); ++c) {
        QStringList row;
        for (Eigen::Index r = 0; r < raw.rows(); ++r)
            row << QString::fromStdString(formatFloat(static_cast<float>(raw(r, c))));
        f.write((row.join(',') + "\n").toUtf8());
    }
    return true;
}

/// Parses lines of comma-separated numbers into [columns x lines].
inline Matrix parseRows(const QString &text, int columns, QString &error)
{
    const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
    Matrix y(columns, lines.size());
    for (int c = 0; c < lines.size(); ++c) {
        const QStringList cells = lines[c].trimmed().split(',');
        if (cells.size() != columns) {
            error = "line " + QString::number(c + 1) + " has " + QString::number(cells.size()) +
                    " values: " + lines[c];
            return {};
        }
        for (int r = 0; r < columns; ++r)
            y(r, c) = static_cast<Scalar>(cells[r].toDouble());
    }
    return y;
}

/// max |a − b| / max(1, |a|): the absolute difference for outputs up to 1 (probabilities), relative beyond,
/// because a float32 output of 600 (a regression in its own units) has a spacing of 6e-5 between neighbours —
/// no float32 runtime can agree with another to 1e-5 absolute there.
inline double maxScaledDiff(const Matrix &a, const Matrix &b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
    const auto diff = (a - b).cwiseAbs().array();
    const auto scale = a.cwiseAbs().array().max(Scalar(1));
    return static_cast<double>((diff / scale).maxCoeff());
}

inline double maxAbsDiff(const Matrix &a, const Matrix &b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols()) return INFINITY;
    return static_cast<double>((a - b).cwiseAbs().maxCoeff());
}

/// Runs `base`/model.onnx in onnxruntime and `base`/model.py in PyTorch on `raw` (test inputs before
/// normalisation) and compares both with `ours`: max difference <= 1e-5, relative above 1. A runtime that is
/// missing is skipped with a warning. A mismatch fails the current test; callers check
/// QTest::currentTestFailed().
inline void compareExportsWithOurs(const Matrix &ours, const Matrix &raw, int outputs,
                                   const ExportModel &model, const QString &base, const QString &label)
{
    QVERIFY(ours.allFinite());
    QString why;
    const QString modules = onnxRuntimeModules(why);
    if (modules.isEmpty()) {
        qWarning("onnxruntime is not available (%s): ONNX part skipped", qPrintable(why));
    } else {
        QString error;
        const Matrix theirs = runOnnxRuntime(base + "/model.onnx", model, raw, modules, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const double diff = maxScaledDiff(ours, theirs);
        qInfo("%s ONNX: %d samples, max abs diff %g (scaled %g)", qPrintable(label), int(raw.cols()),
              maxAbsDiff(ours, theirs), diff);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("ONNX: max diff %1 (relative above 1)").arg(diff)));
    }
    if (runProcess("/usr/bin/python3", {"-c", "import torch"}, 120000).exitCode != 0) {
        qWarning("/usr/bin/python3 cannot import torch: PyTorch part skipped");
        return;
    }
    QVERIFY(writeInputsCsv(base + "/inputs.csv", raw));
    // --raw: the model's outputs as they are (a script that knows its classes prints them otherwise).
    const auto run = runProcess("/usr/bin/python3", {base + "/model.py", base + "/inputs.csv", "--raw"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QString error;
    const Matrix torchOut = parseRows(run.out, outputs, error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    const double diff = maxScaledDiff(ours, torchOut);
    qInfo("%s PyTorch: max abs diff %g (scaled %g)", qPrintable(label), maxAbsDiff(ours, torchOut), diff);
    QVERIFY2(diff <= 1e-5, qPrintable(QString("PyTorch: max diff %1 (relative above 1)").arg(diff)));
}

} // namespace nnp::testutil
