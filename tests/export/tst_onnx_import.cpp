// ONNX import: round trips of every exported network, models written by hand the way other tools write them,
// clear errors for unsupported operators, and damaged or hostile files that must fail cleanly.
#include "export/onnx_export.h"
#include "export/onnx_import.h"
#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/pooling.h"
#include "layers/reshape.h"
#include "layers/simple_layers.h"
#include "torch_compare.h"

#include <onnx/onnx_pb.h>

#include <QTemporaryDir>
#include <QtTest>

#include <cstring>

using namespace nnp;
using namespace nnp::testutil;

namespace {

onnx::TensorProto floatTensor(const std::string &name, std::vector<std::int64_t> dims,
                              std::vector<float> values)
{
    onnx::TensorProto t;
    t.set_name(name);
    t.set_data_type(onnx::TensorProto::FLOAT);
    for (auto d : dims)
        t.add_dims(d);
    for (float v : values)
        t.add_float_data(v);
    return t;
}

onnx::NodeProto *addNode(onnx::GraphProto *g, const std::string &op, std::vector<std::string> in,
                         std::vector<std::string> out, const std::string &name = {})
{
    auto *n = g->add_node();
    n->set_op_type(op);
    n->set_name(name);
    for (auto &i : in)
        n->add_input(i);
    for (auto &o : out)
        n->add_output(o);
    return n;
}

void addIo(onnx::ValueInfoProto *v, const std::string &name, int features)
{
    v->set_name(name);
    auto *t = v->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    t->mutable_shape()->add_dim()->set_dim_param("batch");
    t->mutable_shape()->add_dim()->set_dim_value(features);
}

/// x[2] -> MatMul(W[2,3]) -> Add(b) -> LeakyRelu(0.3) -> Gemm(alpha 2, transB 0) -> Sigmoid: as PyTorch and
/// tf2onnx write them (MatMul + Add, Gemm without transB, Constant nodes).
onnx::ModelProto handWritten()
{
    onnx::ModelProto m;
    m.set_ir_version(8);
    m.add_opset_import()->set_version(13);
    auto *g = m.mutable_graph();
    g->set_name("hand");
    addIo(g->add_input(), "x", 2);
    *g->add_initializer() = floatTensor("W", {2, 3}, {1, 2, 3, 4, 5, 6});
    *g->add_initializer() = floatTensor("b", {3}, {0.1f, -0.2f, 0.3f});
    *g->add_initializer() = floatTensor("W2", {3, 1}, {0.5f, -1, 0.25f});
    auto *c = addNode(g, "Constant", {}, {"b2"}, "const_b2");
    auto *a = c->add_attribute();
    a->set_name("value");
    a->set_type(onnx::AttributeProto::TENSOR);
    *a->mutable_t() = floatTensor("", {1}, {0.75f});
    addNode(g, "MatMul", {"x", "W"}, {"mm"}, "/fc1/MatMul");
    addNode(g, "Add", {"mm", "b"}, {"z"}, "/fc1/Add");
    auto *leaky = addNode(g, "LeakyRelu", {"z"}, {"h"}, "/act/LeakyRelu");
    auto *la = leaky->add_attribute();
    la->set_name("alpha");
    la->set_type(onnx::AttributeProto::FLOAT);
    la->set_f(0.3f);
    auto *gemm = addNode(g, "Gemm", {"h", "W2", "b2"}, {"z2"}, "/fc2/Gemm");
    auto *ga = gemm->add_attribute();
    ga->set_name("alpha");
    ga->set_type(onnx::AttributeProto::FLOAT);
    ga->set_f(2.0f);
    addNode(g, "Sigmoid", {"z2"}, {"y"}, "/out/Sigmoid");
    addIo(g->add_output(), "y", 1);
    return m;
}

QString name(ActivationKind k)
{
    const auto v = toString(k);
    return QString::fromLatin1(v.data(), static_cast<qsizetype>(v.size()));
}

// NNP_FUZZ_ROUNDS / NNP_FUZZ_SEED let a longer fuzzing session run the same tests (CI uses the defaults).
int fuzzRounds(int def)
{
    const int n = qEnvironmentVariableIntValue("NNP_FUZZ_ROUNDS");
    return n > 0 ? n : def;
}
std::uint64_t fuzzSeed()
{
    return static_cast<std::uint64_t>(qEnvironmentVariableIntValue("NNP_FUZZ_SEED"));
}

std::string bytesOf(const onnx::ModelProto &m)
{
    std::string s;
    m.SerializeToString(&s);
    return s;
}

} // namespace

class TestOnnxImport : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("index");
        const auto nets = testNetworks();
        for (std::size_t i = 0; i < nets.size(); ++i)
            QTest::newRow(nets[i].name.c_str()) << static_cast<int>(i);
    }

    // Export, import: the same layers (activations fused back into their Dense), the same normaliser, the
    // same predictions.
    void roundTrip()
    {
        QFETCH(int, index);
        const TestNet t = testNetworks().at(static_cast<std::size_t>(index));
        Network net = makeNetwork(t.spec, 3 + static_cast<std::uint64_t>(index));
        const Normalizer norm = makeNormalizer(net, t.normalized, 9);
        const std::string bytes = exportOnnx(describeNetwork(net, norm, t.name));

        const ImportedModel imported = importOnnxBytes(bytes, t.name);
        QCOMPARE(imported.graph.nodes.size(), t.spec.nodes.size());
        QCOMPARE(imported.graph.edges.size(), t.spec.edges.size());
        for (const auto &orig : t.spec.nodes) {
            const NodeSpec *same = nullptr;
            for (const auto &n : imported.graph.nodes)
                if (n.kind == orig.kind && makeIdentifier(orig.name) == n.name) same = &n;
            QVERIFY2(same, orig.name.c_str());
            if (orig.kind == LayerKind::Conv2D) {
                QCOMPARE(same->options.get(opt::conv2d::filters), orig.options.get(opt::conv2d::filters));
                QCOMPARE(same->options.get(opt::conv2d::useBias), orig.options.get(opt::conv2d::useBias));
                QCOMPARE(convWindow(same->options).size.size(), std::size_t(2));
                const WindowGeometry a = windowGeometry(Shape{3, 9, 9}, convWindow(same->options));
                const WindowGeometry b = windowGeometry(Shape{3, 9, 9}, convWindow(orig.options));
                QCOMPARE(std::tie(a.kh, a.kw, a.sh, a.sw, a.dh, a.dw, a.padTop, a.padBottom),
                         std::tie(b.kh, b.kw, b.sh, b.sw, b.dh, b.dw, b.padTop, b.padBottom));
            }
            if (orig.kind == LayerKind::MaxPool2D || orig.kind == LayerKind::AveragePool2D) {
                const WindowGeometry a = windowGeometry(Shape{3, 9, 9}, poolWindow(same->options));
                const WindowGeometry b = windowGeometry(Shape{3, 9, 9}, poolWindow(orig.options));
                QCOMPARE(std::tie(a.kh, a.kw, a.sh, a.sw, a.padTop, a.padBottom),
                         std::tie(b.kh, b.kw, b.sh, b.sw, b.padTop, b.padBottom));
            }
            if (orig.kind == LayerKind::Input) {
                QCOMPARE(same->options.get(opt::input::shape), orig.options.get(opt::input::shape));
                QVERIFY(same->options.get(opt::input::values) == orig.options.get(opt::input::values));
            }
            if (orig.kind == LayerKind::Embedding) { // mask_zero is no ONNX notion: the padding row is zero
                QCOMPARE(same->options.get(opt::embedding::inputDim),
                         orig.options.get(opt::embedding::inputDim));
                QCOMPARE(same->options.get(opt::embedding::outputDim),
                         orig.options.get(opt::embedding::outputDim));
            }
            if (orig.kind == LayerKind::Dense || orig.kind == LayerKind::Activation ||
                orig.kind == LayerKind::Conv2D)
                QCOMPARE(name(same->options.get(opt::activation)), name(orig.options.get(opt::activation)));
            if (orig.kind == LayerKind::Dense) {
                QCOMPARE(same->options.get(opt::dense::units), orig.options.get(opt::dense::units));
                QCOMPARE(same->options.get(opt::dense::useBias), orig.options.get(opt::dense::useBias));
            }
            if (orig.options.get(opt::activation) == ActivationKind::LeakyReLU)
                QCOMPARE(float(same->options.get(opt::leakySlope)), float(orig.options.get(opt::leakySlope)));
            if (isRecurrent(orig.kind)) {
                QCOMPARE(same->options.get(opt::rnn::units), orig.options.get(opt::rnn::units));
                QCOMPARE(same->options.get(opt::rnn::returnSequences),
                         orig.options.get(opt::rnn::returnSequences));
            }
            if (orig.kind == LayerKind::Reshape)
                QCOMPARE(same->options.get(opt::reshape::shape), orig.options.get(opt::reshape::shape));
            if (orig.kind == LayerKind::Dropout)
                QCOMPARE(float(same->options.get(opt::dropout::rate)),
                         float(orig.options.get(opt::dropout::rate)));
            if (orig.kind == LayerKind::BatchNorm) {
                QCOMPARE(float(same->options.get(opt::batchnorm::momentum)),
                         float(orig.options.get(opt::batchnorm::momentum)));
                QCOMPARE(float(same->options.get(opt::batchnorm::epsilon)),
                         float(orig.options.get(opt::batchnorm::epsilon)));
            }
        }
        QCOMPARE(imported.normalizer.isIdentity(), !t.normalized);

        Network back = buildImported(imported);
        const Matrix raw = makeInputs(net, 50, 4);
        const double diff =
            maxAbsDiff(ourPrediction(net, norm, raw), ourPrediction(back, imported.normalizer, raw));
        QVERIFY2(diff <= 1e-6, qPrintable(QString("max abs diff %1").arg(diff)));
        // The layout puts every node somewhere distinct.
        for (std::size_t i = 0; i < imported.graph.nodes.size(); ++i)
            for (std::size_t j = i + 1; j < imported.graph.nodes.size(); ++j)
                QVERIFY(imported.graph.nodes[i].x != imported.graph.nodes[j].x ||
                        imported.graph.nodes[i].y != imported.graph.nodes[j].y);
    }

    // Issue 11: ids with padding → Embedding (mask_zero) → the mean and the largest value over the real steps
    // (GlobalAveragePool1D, GlobalMaxPool1D). ONNX has no mask, so our export computes one from the ids
    // (Equal, Not, Where, ReduceSum ...); read back, that pattern is the two pools again behind an Embedding
    // with mask_zero, and the predictions are ours, sentences of padding only included.
    void maskedPoolsRoundTrip()
    {
        GraphSpec g;
        const NodeId words =
            g.addNode(LayerKind::Input, "words", input({6}).set(opt::input::values, InputValues::Ids));
        const NodeId emb = g.addNode(LayerKind::Embedding, "word vectors",
                                     LayerOptions()
                                         .set(opt::embedding::inputDim, 9)
                                         .set(opt::embedding::outputDim, 4)
                                         .set(opt::embedding::maskZero, true));
        const NodeId mean = g.addNode(LayerKind::GlobalAveragePool1D, "mean", {});
        const NodeId max = g.addNode(LayerKind::GlobalMaxPool1D, "max", {});
        const NodeId cat = g.addNode(LayerKind::Concatenate, "joined", {});
        const NodeId out = g.addNode(LayerKind::Dense, "out", dense(2, ActivationKind::Linear));
        g.connect(words, emb);
        g.connect(emb, mean);
        g.connect(emb, max);
        g.connect(mean, cat);
        g.connect(max, cat);
        g.connect(cat, out);
        Network net = makeNetwork(g, 17);
        Matrix raw = makeInputs(net, 64, 5);
        for (Eigen::Index c = 0; c < raw.cols(); ++c)
            for (Eigen::Index t = 0; t < raw.rows(); ++t)
                if (t < c % 7) raw(t, c) = 0; // padding in front; c % 7 == 6: padding only
        const std::string bytes = exportOnnx(describeNetwork(net, {}, "masked_pools"));
        const ImportedModel imported = importOnnxBytes(bytes, "masked_pools");
        QStringList kinds;
        for (const auto &n : imported.graph.nodes) {
            kinds << QString::fromUtf8(toString(n.kind).data());
            if (n.kind == LayerKind::Embedding) QVERIFY(n.options.get(opt::embedding::maskZero));
        }
        kinds.sort();
        QCOMPARE(kinds.join(' '),
                 QStringLiteral("Concatenate Dense Embedding GlobalAveragePool1D GlobalMaxPool1D Input"));
        QCOMPARE(imported.graph.edges.size(), g.edges.size());
        Network back = buildImported(imported);
        const Matrix ours = ourPrediction(net, {}, raw),
                     theirs = ourPrediction(back, imported.normalizer, raw);
        const double diff = maxAbsDiff(ours, theirs);
        QVERIFY2(diff <= 1e-6, qPrintable(QString("max abs diff %1").arg(diff)));
        // Without the mask the padded steps would count: the masked columns must differ from an unmasked
        // read.
        GraphSpec unmasked = imported.graph;
        for (auto &n : unmasked.nodes)
            if (n.kind == LayerKind::Embedding) n.options.set(opt::embedding::maskZero, false);
        ImportedModel plain = imported;
        plain.graph = unmasked;
        Network blind = buildImported(plain);
        QVERIFY(maxAbsDiff(ourPrediction(blind, imported.normalizer, raw), ours) > 1e-3);
    }

    void handWrittenModel()
    {
        const ImportedModel imported = importOnnxBytes(bytesOf(handWritten()), "hand.onnx");
        // Input, fc1 (MatMul + Add + LeakyRelu fused), fc2 (Gemm + Sigmoid fused)
        QCOMPARE(imported.graph.nodes.size(), std::size_t(3));
        const NodeSpec &fc1 = imported.graph.nodes[1];
        QCOMPARE(fc1.name, std::string("fc1"));
        QCOMPARE(name(fc1.options.get(opt::activation)), name(ActivationKind::LeakyReLU));
        QCOMPARE(float(fc1.options.get(opt::leakySlope)), 0.3f);
        QVERIFY(fc1.options.get(opt::dense::useBias));
        QCOMPARE(name(imported.graph.nodes[2].options.get(opt::activation)), name(ActivationKind::Sigmoid));
        QVERIFY(imported.normalizer.isIdentity());
        QVERIFY(!imported.notes.empty()); // alpha folded

        Network net = buildImported(imported);
        Matrix x(2, 2);
        x << 1, -2, 0.5, 3;
        const Matrix y = net.predict(x);
        // By hand: z = x·W + b, h = leaky(z, 0.3), y = sigmoid(2 · h·W2 + 0.75)
        for (int c = 0; c < 2; ++c) {
            const float x0 = x(0, c), x1 = x(1, c);
            const float z[3] = {x0 * 1 + x1 * 4 + 0.1f, x0 * 2 + x1 * 5 - 0.2f, x0 * 3 + x1 * 6 + 0.3f};
            const float w2[3] = {0.5f, -1, 0.25f};
            float s = 0.75f;
            for (int k = 0; k < 3; ++k)
                s += 2 * w2[k] * (z[k] > 0 ? z[k] : 0.3f * z[k]);
            QVERIFY(std::abs(y(0, c) - 1 / (1 + std::exp(-s))) < 1e-6f);
        }
    }

    void normalisationWithDiv()
    {
        // (x - mean) / std, as scikit-learn converters write a StandardScaler.
        onnx::ModelProto m;
        m.add_opset_import()->set_version(13);
        m.set_ir_version(8);
        auto *g = m.mutable_graph();
        addIo(g->add_input(), "x", 2);
        *g->add_initializer() = floatTensor("mean", {2}, {1, 2});
        *g->add_initializer() = floatTensor("std", {2}, {2, 4});
        *g->add_initializer() = floatTensor("W", {1, 2}, {1, 1});
        addNode(g, "Sub", {"x", "mean"}, {"c"});
        addNode(g, "Div", {"c", "std"}, {"n"});
        auto *gemm = addNode(g, "Gemm", {"n", "W"}, {"y"});
        auto *a = gemm->add_attribute();
        a->set_name("transB");
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(1);
        addIo(g->add_output(), "y", 1);
        const ImportedModel imported = importOnnxBytes(bytesOf(m));
        QVERIFY(!imported.normalizer.isIdentity());
        QCOMPARE(float(imported.normalizer.offset(1)), 2.0f);
        QCOMPARE(float(imported.normalizer.scale(1)), 0.25f);
        QVERIFY(!imported.graph.nodes[1].options.get(opt::dense::useBias));
    }

    void unsupportedOperatorIsNamed()
    {
        onnx::ModelProto m = handWritten();
        m.mutable_graph()->mutable_node(4)->set_op_type("Conv"); // the Gemm
        try {
            importOnnxBytes(bytesOf(m), "conv.onnx");
            QFAIL("a Conv was imported");
        } catch (const OnnxImportError &e) {
            const QString msg = e.what();
            QVERIFY2(msg.contains("conv.onnx") && msg.contains("/fc2/Gemm") && msg.contains("Conv"),
                     e.what());
        }
    }

    void damagedFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << "no graph";
        QTest::newRow("text") << QByteArray("this is not a model at all\n") << "not an ONNX model";
        const std::string good = bytesOf(handWritten());
        QTest::newRow("truncated") << QByteArray::fromStdString(good.substr(0, good.size() / 2)) << "";

        onnx::ModelProto badRaw = handWritten();
        badRaw.mutable_graph()->mutable_initializer(0)->clear_float_data();
        badRaw.mutable_graph()->mutable_initializer(0)->set_raw_data(std::string(7, '\0'));
        QTest::newRow("raw data size") << QByteArray::fromStdString(bytesOf(badRaw)) << "damaged";

        onnx::ModelProto negative = handWritten();
        negative.mutable_graph()->mutable_initializer(0)->set_dims(0, -5);
        QTest::newRow("negative dim") << QByteArray::fromStdString(bytesOf(negative)) << "invalid dimension";

        onnx::ModelProto huge = handWritten();
        huge.mutable_graph()->mutable_initializer(0)->set_dims(0, 1ll << 40);
        QTest::newRow("huge dim") << QByteArray::fromStdString(bytesOf(huge)) << "";

        onnx::ModelProto dangling = handWritten();
        dangling.mutable_graph()->mutable_node(1)->set_input(0, "nowhere");
        QTest::newRow("dangling input") << QByteArray::fromStdString(bytesOf(dangling)) << "nowhere";

        onnx::ModelProto wrongShape = handWritten();
        wrongShape.mutable_graph()->mutable_initializer(0)->set_dims(0, 3);
        wrongShape.mutable_graph()->mutable_initializer(0)->set_dims(1, 2);
        QTest::newRow("weight shape") << QByteArray::fromStdString(bytesOf(wrongShape)) << "MatMul";

        onnx::ModelProto twoOutputs = handWritten();
        addIo(twoOutputs.mutable_graph()->add_output(), "h", 3);
        QTest::newRow("two outputs") << QByteArray::fromStdString(bytesOf(twoOutputs)) << "outputs";

        onnx::ModelProto noShape = handWritten();
        noShape.mutable_graph()->mutable_input(0)->mutable_type()->mutable_tensor_type()->clear_shape();
        QTest::newRow("input without shape") << QByteArray::fromStdString(bytesOf(noShape)) << "features";

        onnx::ModelProto external = handWritten();
        external.mutable_graph()->mutable_initializer(0)->set_data_location(onnx::TensorProto::EXTERNAL);
        QTest::newRow("external data") << QByteArray::fromStdString(bytesOf(external)) << "external";
    }

    void damagedFiles()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        try {
            importOnnxBytes(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())),
                            "bad.onnx");
            QFAIL("a damaged model was imported");
        } catch (const OnnxImportError &e) {
            QVERIFY2(QString(e.what()).startsWith("bad.onnx"), e.what());
            QVERIFY2(QString(e.what()).contains(expected), e.what());
        }
    }

    // Random byte flips, insertions and truncations of valid models: an import either works or throws
    // OnnxImportError, and an imported graph always builds.
    void mutatedFilesNeverCrash()
    {
        std::vector<std::string> seeds = {bytesOf(handWritten())};
        for (const auto &t : testNetworks()) {
            Network net = makeNetwork(t.spec, 1);
            seeds.push_back(exportOnnx(describeNetwork(net, makeNormalizer(net, t.normalized, 1))));
        }
        Rng rng(2024 + fuzzSeed());
        int imported = 0, refused = 0;
        for (int round = 0; round < fuzzRounds(3000); ++round) {
            std::string b = seeds[rng.below(seeds.size())];
            const int edits = 1 + static_cast<int>(rng.below(4));
            for (int e = 0; e < edits && !b.empty(); ++e) {
                const auto pos = static_cast<std::size_t>(rng.below(b.size()));
                switch (rng.below(4)) {
                case 0:
                    b[pos] = static_cast<char>(rng.below(256));
                    break;
                case 1:
                    b[pos] = static_cast<char>(b[pos] ^ (1 << rng.below(8)));
                    break;
                case 2:
                    b.insert(pos, 1, static_cast<char>(rng.below(256)));
                    break;
                default:
                    b.resize(pos);
                    break;
                }
            }
            try {
                const ImportedModel m = importOnnxBytes(b, "fuzz");
                Network net = buildImported(m);
                QVERIFY(net.outputSize() > 0);
                ++imported;
            } catch (const OnnxImportError &) {
                ++refused;
            } catch (const std::exception &e) {
                QFAIL(qPrintable(QString("unexpected exception type: ") + e.what()));
            }
        }
        QVERIFY(imported > 0 && refused > 0);
    }

    // Valid protobuf with wrong contents: swapped operators, moved or dropped inputs, bad dimensions and
    // attributes, reordered nodes. Reaches the importer's own checks rather than the protobuf parser.
    void structuredMutationsNeverCrash()
    {
        std::vector<onnx::ModelProto> seeds = {handWritten()};
        for (const auto &t : testNetworks()) {
            Network net = makeNetwork(t.spec, 2);
            onnx::ModelProto m;
            QVERIFY(
                m.ParseFromString(exportOnnx(describeNetwork(net, makeNormalizer(net, t.normalized, 1)))));
            seeds.push_back(m);
        }
        const char *ops[] = {
            "Gemm",     "MatMul",   "Add",     "Sum",    "Sub",     "Mul",     "Div",
            "Relu",     "Erf",      "Softmax", "Concat", "Flatten", "Dropout", "BatchNormalization",
            "Identity", "Constant", "Conv"};
        Rng rng(77 + fuzzSeed());
        int imported = 0, refused = 0;
        for (int round = 0; round < fuzzRounds(4000); ++round) {
            onnx::ModelProto m = seeds[rng.below(seeds.size())];
            auto *g = m.mutable_graph();
            const int edits = 1 + static_cast<int>(rng.below(3));
            for (int e = 0; e < edits && g->node_size() > 0; ++e) {
                auto *n =
                    g->mutable_node(static_cast<int>(rng.below(static_cast<std::uint64_t>(g->node_size()))));
                switch (rng.below(8)) {
                case 0:
                    n->set_op_type(ops[rng.below(std::size(ops))]);
                    break;
                case 1:
                    if (n->input_size() > 0) n->mutable_input()->RemoveLast();
                    break;
                case 2: { // read another value (maybe one produced later)
                    const auto &o =
                        g->node(static_cast<int>(rng.below(static_cast<std::uint64_t>(g->node_size()))));
                    if (n->input_size() > 0 && o.output_size() > 0)
                        n->set_input(static_cast<int>(rng.below(static_cast<std::uint64_t>(n->input_size()))),
                                     o.output(0));
                    break;
                }
                case 3:
                    if (g->initializer_size() > 0) {
                        auto *t = g->mutable_initializer(
                            static_cast<int>(rng.below(static_cast<std::uint64_t>(g->initializer_size()))));
                        if (t->dims_size() > 0)
                            t->set_dims(
                                static_cast<int>(rng.below(static_cast<std::uint64_t>(t->dims_size()))),
                                static_cast<std::int64_t>(rng.below(9)) - 1);
                        else
                            t->add_dims(2);
                    }
                    break;
                case 4:
                    for (auto &a : *n->mutable_attribute()) {
                        a.set_i(static_cast<std::int64_t>(rng.below(5)) - 2);
                        a.set_f(static_cast<float>(rng.uniform(-2, 2)));
                        if (rng.below(2)) a.set_type(onnx::AttributeProto::INT);
                    }
                    break;
                case 5:
                    g->mutable_node()->SwapElements(
                        static_cast<int>(rng.below(static_cast<std::uint64_t>(g->node_size()))),
                        static_cast<int>(rng.below(static_cast<std::uint64_t>(g->node_size()))));
                    break;
                case 6:
                    if (g->initializer_size() > 0) g->mutable_initializer()->RemoveLast();
                    break;
                default:
                    n->add_input(n->input_size() > 0 ? n->input(0) : std::string("x"));
                    break;
                }
            }
            try {
                const ImportedModel im = importOnnxBytes(bytesOf(m), "mutant");
                Network net = buildImported(im);
                QVERIFY(net.outputSize() > 0);
                ++imported;
            } catch (const OnnxImportError &) {
                ++refused;
            } catch (const std::exception &e) {
                QFAIL(qPrintable(QString("unexpected exception type: ") + e.what()));
            }
        }
        QVERIFY(imported > 0 && refused > 0);
    }

    void pytorchModels_data()
    {
        QTest::addColumn<int>("opset");
        QTest::newRow("opset 13") << 13;
        QTest::newRow("opset 11") << 11; // older Softmax semantics, Dropout ratio as an attribute
    }

    // Models written by torch.onnx.export (not by us) import and give PyTorch's outputs.
    void pytorchModels()
    {
        QFETCH(int, opset);
        if (runProcess("/usr/bin/python3", {"-c", "import torch"}, 120000).exitCode != 0)
            QSKIP("/usr/bin/python3 cannot import torch (install python3-torch)");
        QTemporaryDir dir;
        const char *script = R"PY(
import json, sys, torch
from torch import nn
F = nn.functional
torch.manual_seed(3)
class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer("off", torch.tensor([0.5, -1.0, 2.0]))
        self.register_buffer("scale", torch.tensor([2.0, 0.5, 1.5]))
        self.fa = nn.Linear(3, 4)
        self.fb = nn.Linear(2, 4, bias=False)
        self.bn = nn.BatchNorm1d(4)
        self.f2 = nn.Linear(6, 5)
        self.f3 = nn.Linear(5, 5)
        self.f4 = nn.Linear(5, 3)
        self.drop = nn.Dropout(0.25)
    def forward(self, a, b):
        a = (a - self.off) * self.scale
        h = F.leaky_relu(self.fa(a), 0.2) + F.elu(self.fb(b), alpha=0.5)
        h = self.drop(self.bn(h))
        h = torch.flatten(torch.cat([torch.tanh(h), b], dim=1), 1)
        h = F.softplus(self.f2(h))
        h = F.gelu(self.f3(h)) + torch.sigmoid(h)
        return torch.softmax(self.f4(h), dim=1)
m = Net()
with torch.no_grad():
    m.bn.running_mean.uniform_(-0.5, 0.5)
    m.bn.running_var.uniform_(0.5, 2.0)
m.eval()
a, b = torch.randn(20, 3) * 2, torch.randn(20, 2)
torch.onnx.export(m, (a, b), sys.argv[1], input_names=["a", "b"], output_names=["y"],
                  dynamic_axes={"a": {0: "N"}, "b": {0: "N"}, "y": {0: "N"}}, opset_version=int(sys.argv[3]))
with torch.no_grad():
    y = m(a, b)
json.dump({"a": a.tolist(), "b": b.tolist(), "y": y.tolist()}, open(sys.argv[2], "w"))
)PY";
        const QString model = dir.filePath("torch.onnx"), data = dir.filePath("data.json");
        const auto r = runProcess("/usr/bin/python3", {"-c", script, model, data, QString::number(opset)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));

        const ImportedModel imported = importOnnx(model.toStdString());
        QVERIFY(!imported.normalizer.isIdentity());
        int dense = 0, fusedActivations = 0;
        for (const auto &n : imported.graph.nodes)
            if (n.kind == LayerKind::Dense) {
                ++dense;
                fusedActivations += n.options.get(opt::activation) != ActivationKind::Linear;
            }
        QCOMPARE(dense, 5);
        QVERIFY(fusedActivations >= 3); // leaky, elu, softplus (f3's GELU too when its output is not shared)
        Network net = buildImported(imported);

        QFile f(data);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject d = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray a = d["a"].toArray(), b = d["b"].toArray(), y = d["y"].toArray();
        Matrix raw(5, a.size()), expected(3, y.size());
        for (int c = 0; c < a.size(); ++c) {
            for (int k = 0; k < 3; ++k)
                raw(k, c) = static_cast<Scalar>(a[c].toArray()[k].toDouble());
            for (int k = 0; k < 2; ++k)
                raw(3 + k, c) = static_cast<Scalar>(b[c].toArray()[k].toDouble());
            for (int k = 0; k < 3; ++k)
                expected(k, c) = static_cast<Scalar>(y[c].toArray()[k].toDouble());
        }
        const double diff = maxAbsDiff(ourPrediction(net, imported.normalizer, raw), expected);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("max abs diff %1").arg(diff)));
    }

    void pytorchImageModels_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("opset");
        QTest::addColumn<QString>("refusal"); // empty: imports; else a phrase of the message
        QTest::newRow("cnn opset 13") << "cnn" << 13 << "";
        QTest::newRow("cnn opset 17") << "cnn" << 17 << "";
        QTest::newRow("flatten [N,1,6,6]") << "flatten4" << 13 << "";
        QTest::newRow("flatten [N,6,6]") << "flatten3" << 13 << "";
        QTest::newRow("global pool") << "gap" << 14 << "";
        QTest::newRow("torch's stride-2 padding")
            << "stride2pad1" << 13 << "neither 'valid' nor Keras' 'same'";
    }

    // CNNs written by torch.onnx.export: convolutions, pooling and nn.Flatten on image inputs import and give
    // PyTorch's outputs from the same raw pixels; padding we cannot express is refused by name.
    void pytorchImageModels()
    {
        QFETCH(QString, model);
        QFETCH(int, opset);
        QFETCH(QString, refusal);
        if (runProcess("/usr/bin/python3", {"-c", "import torch"}, 120000).exitCode != 0)
            QSKIP("/usr/bin/python3 cannot import torch (install python3-torch)");
        QTemporaryDir dir;
        const char *script = R"PY(
import json, sys, torch
from torch import nn
torch.manual_seed(5)
kind = sys.argv[3]
if kind == "cnn":
    m, shape = nn.Sequential(nn.Conv2d(2, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                             nn.Conv2d(4, 3, (2, 3), dilation=(1, 2)), nn.Tanh(), nn.AvgPool2d(2, stride=1),
                             nn.Flatten(), nn.Linear(3 * 3 * 1, 3), nn.Softmax(dim=1)), (2, 10, 12)
elif kind == "flatten4":
    m, shape = nn.Sequential(nn.Flatten(), nn.Linear(36, 4), nn.Sigmoid()), (1, 6, 6)
elif kind == "flatten3":
    m, shape = nn.Sequential(nn.Flatten(), nn.Linear(36, 4), nn.ReLU(), nn.Linear(4, 2)), (6, 6)
elif kind == "gap":
    m, shape = nn.Sequential(nn.Conv2d(3, 5, 3, stride=2, bias=False), nn.ELU(), nn.AdaptiveAvgPool2d(1),
                             nn.Flatten(), nn.Linear(5, 2)), (3, 9, 7)
else:
    m, shape = nn.Sequential(nn.Conv2d(1, 2, 3, stride=2, padding=1), nn.Flatten()), (1, 8, 8)
m.eval()
x = torch.randn(16, *shape)
torch.onnx.export(m, (x,), sys.argv[1], input_names=["x"], output_names=["y"],
                  dynamic_axes={"x": {0: "N"}, "y": {0: "N"}}, opset_version=int(sys.argv[4]))
with torch.no_grad():
    y = m(x)
json.dump({"x": x.reshape(16, -1).tolist(), "y": y.tolist()}, open(sys.argv[2], "w"))
)PY";
        const QString file = dir.filePath("torch.onnx"), data = dir.filePath("data.json");
        const auto r =
            runProcess("/usr/bin/python3", {"-c", script, file, data, model, QString::number(opset)});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        if (!refusal.isEmpty()) {
            try {
                importOnnx(file.toStdString());
                QFAIL("the model was imported");
            } catch (const OnnxImportError &e) {
                QVERIFY2(QString(e.what()).contains(refusal) && QString(e.what()).contains("Conv"), e.what());
            }
            return;
        }
        const ImportedModel imported = importOnnx(file.toStdString());
        Network net = buildImported(imported);
        Matrix raw, expected;
        QVERIFY(readTorchSamples(data, raw, expected));
        QCOMPARE(net.inputSize(), raw.rows());
        const double diff = maxAbsDiff(ourPrediction(net, imported.normalizer, raw), expected);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("max abs diff %1").arg(diff)));
        if (model == "cnn") {
            int convs = 0, pools = 0;
            for (const auto &n : imported.graph.nodes) {
                convs += n.kind == LayerKind::Conv2D;
                pools += n.kind == LayerKind::MaxPool2D || n.kind == LayerKind::AveragePool2D;
                if (n.kind == LayerKind::Input)
                    QCOMPARE(n.options.get(opt::input::shape), (std::vector<int>{2, 10, 12}));
            }
            QCOMPARE(convs, 2);
            QCOMPARE(pools, 2);
        }
    }

    void missingFile() { QVERIFY_THROWS_EXCEPTION(OnnxImportError, importOnnx("/nonexistent/model.onnx")); }
};

QTEST_GUILESS_MAIN(TestOnnxImport)
#include "tst_onnx_import.moc"
