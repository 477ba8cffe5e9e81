// What a student sees when the graph is wrong: one diagnostic per problem, on the right node, with its code
// and values (the UI translates its text; the CLI prints message(), whose English is checked for a few cases)
// — and Network::build refuses such a graph with GraphError instead of crashing. Also shape inference and
// parameter counts on a valid DAG.
#include "graph/validator.h"
#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/pooling.h"
#include "layers/recurrent.h"
#include "layers/reshape.h"
#include "layers/simple_layers.h"
#include "train/network.h"

#include <QtTest>

#include <functional>

using namespace nnp;

Q_DECLARE_METATYPE(nnp::GraphSpec)
Q_DECLARE_METATYPE(nnp::DiagnosticCode)

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

/// Ids are assigned 1, 2, 3 ... in the order nodes are added (GraphSpec::addNode).
GraphSpec chain(std::initializer_list<std::pair<LayerKind, LayerOptions>> layers)
{
    GraphSpec g;
    NodeId prev = -1;
    int i = 0;
    for (const auto &[kind, opts] : layers) {
        const NodeId id = g.addNode(kind, "n" + std::to_string(++i), opts);
        if (prev >= 0) g.connect(prev, id);
        prev = id;
    }
    return g;
}

/// A diagnostic's values, without the wording around them: "Dense:n2" for a node, an option's label, a
/// phrase's values in parentheses.
QString show(const DiagnosticArg &a)
{
    switch (a.kind) {
    case DiagnosticArg::Kind::Value:
        return QString::fromStdString(a.text);
    case DiagnosticArg::Kind::Node:
        return QString::fromUtf8(toString(a.layer).data()) + ':' + QString::fromStdString(a.text);
    case DiagnosticArg::Kind::Option:
        return QString::fromUtf8(a.format);
    case DiagnosticArg::Kind::Phrase: {
        QStringList inner;
        for (const DiagnosticArg &b : a.args)
            inner << show(b);
        return '(' + inner.join(',') + ')';
    }
    }
    return {};
}

QStringList show(const std::vector<DiagnosticArg> &args)
{
    QStringList r;
    for (const DiagnosticArg &a : args)
        r << show(a);
    return r;
}

QString describe(const ValidationResult &r)
{
    QString s;
    for (const auto &d : r.diagnostics)
        s += QString("[node %1 %2 code %3 args %4] %5\n")
                 .arg(d.node)
                 .arg(d.severity == Severity::Error ? "error" : "warning")
                 .arg(static_cast<int>(d.code))
                 .arg(show(d.args).join(" | "), QString::fromStdString(d.message()));
    return s;
}
} // namespace

class TestValidator : public QObject {
    Q_OBJECT

private slots:
    void problems_data()
    {
        QTest::addColumn<GraphSpec>("graph");
        QTest::addColumn<int>("node"); // the node the diagnostic sits on (-1: the whole graph)
        QTest::addColumn<DiagnosticCode>("code");
        QTest::addColumn<QStringList>("args"); // its values, as show() writes them
        using K = LayerKind;
        using C = DiagnosticCode;
        using L = QStringList;

        QTest::newRow("empty graph") << GraphSpec{} << -1 << C::EmptyGraph << L{};

        QTest::newRow("no input") << chain({{K::Dense, dense(2)}}) << -1 << C::NoInputNode << L{};

        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Dense, dense(3)}, {K::Dense, dense(3)}});
            g.connect(3, 2, 1); // n3 → n2 closes a loop n2 → n3 → n2
            QTest::newRow("cycle") << g << 2 << C::Cycle << L{"Dense:n2"};
            QTest::newRow("cycle, other node") << g << 3 << C::Cycle << L{"Dense:n3"};
        }
        {
            GraphSpec g;
            const NodeId in = g.addNode(K::Input, "image", input({28, 28, 1}));
            g.connect(in, g.addNode(K::Dense, "hidden1", dense(16)));
            QTest::newRow("dense fed an image") << g << 2 << C::NotFlat << L{"Dense:hidden1", "28x28x1"};
        }
        {
            GraphSpec g;
            const NodeId in = g.addNode(K::Input, "in", input({4}));
            const NodeId a = g.addNode(K::Dense, "a", dense(3));
            const NodeId b = g.addNode(K::Dense, "b", dense(5));
            const NodeId add = g.addNode(K::Add, "sum");
            g.connect(in, a);
            g.connect(in, b);
            g.connect(a, add);
            g.connect(b, add);
            QTest::newRow("add with mismatched shapes")
                << g << 4 << C::ShapeMismatch << L{"Add:sum", "3", "5"};
        }
        QTest::newRow("concatenate with one input") << chain({{K::Input, input({2})}, {K::Concatenate, {}}})
                                                    << 2 << C::TooFewInputs << L{"Concatenate:n2"};
        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Dense, dense(3)}});
            g.connect(1, g.addNode(K::Dense, "side", dense(1)));
            QTest::newRow("loose end (first sink)") << g << 2 << C::SeveralOutputs << L{"Dense:n2"};
            QTest::newRow("loose end (second sink)") << g << 3 << C::SeveralOutputs << L{"Dense:side"};
        }
        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Dense, dense(3)}});
            g.addNode(K::Dense, "lonely", dense(1));
            QTest::newRow("unconnected layer") << g << 3 << C::MissingInput << L{"Dense:lonely"};
            // A layer fed only by an unconnected layer is reported as not reaching any Input.
            g.connect(3, g.addNode(K::Dense, "after", dense(1)));
            QTest::newRow("fed by an unconnected layer") << g << 4 << C::Unreachable << L{"Dense:after"};
            g.nodes.back().name = "n2"; // a duplicate-name warning must not hide the error
            QTest::newRow("fed by an unconnected layer, duplicate name")
                << g << 4 << C::Unreachable << L{"Dense:n2"};
        }
        QTest::newRow("dense with 0 units") << chain({{K::Input, input({2})}, {K::Dense, dense(0)}}) << 2
                                            << C::BadOption << L{"Dense:n2", "Units", "(1,1e+07)"};
        {
            LayerOptions o;
            o.set(opt::dropout::rate, 1.0);
            QTest::newRow("dropout rate 1")
                << chain({{K::Input, input({2})}, {K::Dropout, o}, {K::Dense, dense(1)}}) << 2 << C::BadOption
                << L{"Dropout:n2", "Drop rate", "(0,1)"};
        }
        QTest::newRow("huge layer") << chain({{K::Input, input({100000})}, {K::Dense, dense(1000)}}) << 2
                                    << C::TooLarge << L{"Dense:n2", "100001000", "50000000"};
        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Input, input({2})}});
            g.edges.clear();
            const NodeId cat = g.addNode(K::Concatenate, "cat");
            g.connect(1, cat, 0);
            g.connect(2, cat, 0);
            QTest::newRow("duplicate port") << g << 3 << C::DuplicatePort << L{"Concatenate:cat", "0"};
        }
        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Dense, dense(1)}});
            g.connect(7, 2, 1);
            QTest::newRow("dangling edge") << g << 2 << C::DanglingEdge << L{"7"};
            GraphSpec h = chain({{K::Input, input({2})}, {K::Dense, dense(1)}});
            h.connect(2, 9);
            QTest::newRow("dangling edge to nowhere") << h << -1 << C::DanglingEdge << L{"9"};
        }
        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Dense, dense(1)}});
            g.connect(2, 1);
            QTest::newRow("wire into an input") << g << 1 << C::Cycle << L{"Input:n1"};
        }
        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Dense, dense(1)}});
            g.connect(g.addNode(K::Input, "extra", input({1})), 1);
            QTest::newRow("input fed by another input") << g << 1 << C::InputHasIncoming << L{"Input:n1"};
        }
        QTest::newRow("bad input shape") << chain({{K::Input, input({2, 0})}, {K::Dense, dense(1)}}) << 1
                                         << C::BadOption << L{"Input:n1", "Input shape", "(1,1e+07)"};
        QTest::newRow("input too large") << chain({{K::Input, input({4000, 4000})}, {K::Flatten, {}}}) << 1
                                         << C::TooLarge << L{"Input:n1", "4000x4000"};
        // 65536⁴ = 2⁶⁴ wraps a 64-bit product to 0: the size check must not be fooled by overflow.
        QTest::newRow("input size overflows")
            << chain(
                   {{K::Input, input({65536, 65536, 65536, 65536})}, {K::Flatten, {}}, {K::Dense, dense(1)}})
            << 1 << C::TooLarge << L{"Input:n1", "65536x65536x65536x65536"};
        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Dense, dense(3)}});
            g.connect(1, 2);
            QTest::newRow("two wires into a one-input layer")
                << g << 2 << C::TooManyInputs << L{"Dense:n2", "2"};
        }
        {
            LayerOptions o;
            o.set(opt::activation, ActivationKind::LeakyReLU);
            o.set(opt::leakySlope, 1.5);
            QTest::newRow("bad leaky slope") << chain({{K::Input, input({2})}, {K::Activation, o}}) << 2
                                             << C::BadOption << L{"Activation:n2", "Leaky slope", "(0,1)"};
        }
        {
            LayerOptions o;
            o.set(opt::batchnorm::momentum, 0);
            QTest::newRow("bad batchnorm momentum") << chain({{K::Input, input({2})}, {K::BatchNorm, o}}) << 2
                                                    << C::BadOption << L{"BatchNorm:n2", "Momentum", "(0,1)"};
        }
        {
            LayerOptions o = dense(2);
            o.set(opt::dense::l2, -1);
            QTest::newRow("negative l2") << chain({{K::Input, input({2})}, {K::Dense, o}}) << 2
                                         << C::BadOption << L{"Dense:n2", "L2 regularisation", "(0,1e+06)"};
        }
        QTest::newRow("reshape to the wrong size")
            << chain({{K::Input, input({784})},
                      {K::Reshape, LayerOptions().set(opt::reshape::shape, {1, 28, 27})}})
            << 2 << C::ShapeMismatch << L{"Reshape:n2", "784", "784", "1x28x27", "756"};
        QTest::newRow("dense on a reshaped image")
            << chain({{K::Input, input({784})},
                      {K::Reshape, LayerOptions().set(opt::reshape::shape, {1, 28, 28})},
                      {K::Dense, dense(2)}})
            << 3 << C::NotFlat << L{"Dense:n3", "1x28x28"};
        {
            GraphSpec g = chain({{K::Input, input({3})}, {K::Dot, {}}});
            QTest::newRow("dot with one input") << g << 2 << C::TooFewInputs << L{"Dot:n2"};
            const NodeId b = g.addNode(LayerKind::Input, "b", input({4}));
            g.connect(b, 2);
            QTest::newRow("dot of different sizes") << g << 2 << C::ShapeMismatch << L{"Dot:n2", "3", "4"};
            const NodeId c = g.addNode(LayerKind::Input, "c", input({3}));
            g.connect(c, 2);
            QTest::newRow("dot with three inputs") << g << 2 << C::TooManyInputs << L{"Dot:n2", "3"};
        }
        QTest::newRow("conv on flat rows") << chain({{K::Input, input({784})}, {K::Conv2D, {}}}) << 2
                                           << C::ShapeMismatch << L{"Conv2D:n2", "784"};
        QTest::newRow("conv kernel larger than its input")
            << chain({{K::Input, input({1, 4, 4})},
                      {K::Conv2D, LayerOptions().set(opt::conv2d::kernel, {5, 5})}})
            << 2 << C::ShapeMismatch << L{"Conv2D:n2", "5×5", "1x4x4"};
        QTest::newRow("conv with too many filters")
            << chain({{K::Input, input({3, 1000, 1000})},
                      {K::Conv2D, LayerOptions()
                                      .set(opt::conv2d::filters, 4096)
                                      .set(opt::conv2d::padding, Padding::Same)}})
            << 2 << C::TooLarge << L{"Conv2D:n2", "4096000000", "10000000"};
        QTest::newRow("pool window larger than its input")
            << chain(
                   {{K::Input, input({2, 3, 3})}, {K::MaxPool2D, LayerOptions().set(opt::pool2d::size, {4})}})
            << 2 << C::ShapeMismatch << L{"MaxPool2D:n2", "4×4", "2x3x3"};
        QTest::newRow("global pool of a vector")
            << chain({{K::Input, input({8})}, {K::GlobalAveragePool2D, {}}}) << 2 << C::ShapeMismatch
            << L{"GlobalAveragePool2D:n2", "8"};
        QTest::newRow("lstm on flat rows") << chain({{K::Input, input({20})}, {K::LSTM, {}}}) << 2
                                           << C::ShapeMismatch << L{"LSTM:n2", "20", "20x1"};
        QTest::newRow("gru on an image") << chain({{K::Input, input({1, 4, 4})}, {K::GRU, {}}}) << 2
                                         << C::ShapeMismatch << L{"GRU:n2", "1x4x4", "16x1"};
        QTest::newRow("pooling over time of a vector")
            << chain({{K::Input, input({8})}, {K::GlobalMaxPool1D, {}}}) << 2 << C::ShapeMismatch
            << L{"GlobalMaxPool1D:n2", "8", "8x1"};
        QTest::newRow("simple rnn with too many units")
            << chain({{K::Input, input({20, 100000})},
                      {K::SimpleRNN, LayerOptions().set(opt::rnn::units, 100000)}})
            << 2 << C::TooLarge << L{"SimpleRNN:n2", "20000200000", "50000000"};
        QTest::newRow("dense on a sequence")
            << chain({{K::Input, input({20, 3})},
                      {K::LSTM, LayerOptions().set(opt::rnn::returnSequences, true)},
                      {K::Dense, dense(2)}})
            << 3 << C::NotFlat << L{"Dense:n3", "20x32"};
        QTest::newRow("dense on a feature map")
            << chain({{K::Input, input({1, 6, 6})}, {K::Conv2D, {}}, {K::Dense, dense(2)}}) << 3 << C::NotFlat
            << L{"Dense:n3", "8x4x4"};
        QTest::newRow("softmax on an image") << chain({{K::Input, input({4, 4})}, {K::Softmax, {}}}) << 2
                                             << C::NotFlat << L{"Softmax:n2", "4x4"};
        {
            GraphSpec g = chain({{K::Input, input({2})}, {K::Input, input({2})}});
            g.nodes[1].id = 1;
            QTest::newRow("duplicate id") << g << 1 << C::DuplicateId << L{"1"};
        }
    }

    void problems()
    {
        QFETCH(GraphSpec, graph);
        QFETCH(int, node);
        QFETCH(DiagnosticCode, code);
        QFETCH(QStringList, args);
        const ValidationResult r = validate(graph);
        QVERIFY2(!r.ok(), qPrintable(describe(r)));
        const Diagnostic *found = nullptr;
        for (const auto &d : r.diagnostics)
            if (d.node == node && d.code == code && d.severity == Severity::Error && show(d.args) == args)
                found = &d;
        QVERIFY2(found, qPrintable("expected on node " + QString::number(node) + ": code " +
                                   QString::number(static_cast<int>(code)) + ", args " + args.join(" | ") +
                                   "\ngot:\n" + describe(r)));
        // Every diagnostic has a text, and its values fill every placeholder; the summary lists the errors.
        static const QRegularExpression placeholder("%\\d");
        for (const auto &d : r.diagnostics) {
            QVERIFY(d.format && *d.format);
            const QString text = QString::fromStdString(d.message());
            QVERIFY2(!text.contains(placeholder), qPrintable(text));
        }
        const std::string message = found->message();
        QVERIFY(r.summary().find(message) != std::string::npos);

        // Building refuses the graph with the same diagnostics, and never crashes.
        try {
            (void)Network::build(graph, 1);
            QFAIL("Network::build accepted an invalid graph");
        } catch (const GraphError &e) {
            QCOMPARE(e.diagnostics().size(), r.diagnostics.size());
            QVERIFY(std::string(e.what()).find(message) != std::string::npos);
        }
    }

    /// message() is the English the CLI prints (nnp info, nnp train); a few sentences in full, one per way a
    /// template is chosen.
    void englishMessages_data()
    {
        QTest::addColumn<GraphSpec>("graph");
        QTest::addColumn<int>("node");
        QTest::addColumn<QString>("message");
        using K = LayerKind;

        GraphSpec lonely = chain({{K::Input, input({2})}, {K::Dense, dense(3)}});
        lonely.addNode(K::Dense, "lonely", dense(1));
        QTest::newRow("no input") << lonely << 3 << "Dense 'lonely' has no input — connect a layer to it.";
        QTest::newRow("image into dense")
            << chain({{K::Input, input({28, 28, 1})}, {K::Dense, dense(16)}}) << 2
            << "Dense 'n2' expects a flat input but receives 28x28x1 — add Flatten.";
        QTest::newRow("too large")
            << chain({{K::Input, input({100000})}, {K::Dense, dense(1000)}}) << 2
            << "Dense 'n2' would have 100001000 parameters (the limit is 50000000) — use "
               "fewer units.";
        QTest::newRow("bad option") << chain({{K::Input, input({2})}, {K::Dense, dense(0)}}) << 2
                                    << "Dense 'n2': Units must be at least 1 and at most 1e+07.";
        LayerOptions drop;
        drop.set(opt::dropout::rate, 1.0);
        QTest::newRow("bad option, below")
            << chain({{K::Input, input({2})}, {K::Dropout, drop}, {K::Dense, dense(1)}}) << 2
            << "Dropout 'n2': Drop rate must be at least 0 and below 1.";
        LayerOptions momentum;
        momentum.set(opt::batchnorm::momentum, 0);
        QTest::newRow("bad option, above") << chain({{K::Input, input({2})}, {K::BatchNorm, momentum}}) << 2
                                           << "BatchNorm 'n2': Momentum must be above 0 and at most 1.";
        QTest::newRow("bad shape option") << chain({{K::Input, input({2, 0})}, {K::Dense, dense(1)}}) << 1
                                          << "Input 'n1': Input shape has a size outside 1 to 1e+07.";
        QTest::newRow("two or more inputs")
            << chain({{K::Input, input({2})}, {K::Concatenate, {}}}) << 2
            << "Concatenate 'n2' takes two or more inputs — connect another layer.";
        GraphSpec dot = chain({{K::Input, input({3})}, {K::Dot, {}}});
        QTest::newRow("two inputs") << dot << 2 << "Dot 'n2' takes two inputs — connect another layer.";
        dot.connect(dot.addNode(LayerKind::Input, "b", input({4})), 2);
        QTest::newRow("dot of different sizes")
            << dot << 2
            << "Dot 'n2' multiplies vectors of one length but receives 3 and 4 — give both branches the same "
               "size.";
        dot.connect(dot.addNode(LayerKind::Input, "c", input({3})), 2);
        QTest::newRow("too many of two") << dot << 2 << "Dot 'n2' takes two inputs but 3 are connected.";
        GraphSpec twice = chain({{K::Input, input({2})}, {K::Dense, dense(3)}});
        twice.connect(1, 2);
        QTest::newRow("too many of one")
            << twice << 2
            << "Dense 'n2' takes one input but 2 are connected — merge them first with Concatenate or Add.";
        QTest::newRow("reshape")
            << chain({{K::Input, input({784})},
                      {K::Reshape, LayerOptions().set(opt::reshape::shape, {1, 28, 27})}})
            << 2
            << "Reshape 'n2' turns 784 values (784) into 1x28x27 = 756 — choose sizes that multiply to 784.";
        QTest::newRow("reshape, too many")
            << chain({{K::Input, input({784})},
                      {K::Reshape, LayerOptions().set(opt::reshape::shape, {4000, 4000})}})
            << 2
            << "Reshape 'n2' turns 784 values (784) into 4000x4000 = too many — choose sizes that multiply "
               "to "
               "784.";
        GraphSpec named = chain({{K::Input, input({2})}, {K::Dense, dense(1)}});
        named.addNode(K::Dense, "a%2b", dense(1)); // a name with a placeholder in it stays as it is
        QTest::newRow("conv kernel") << chain({{K::Input, input({1, 4, 4})},
                                               {K::Conv2D, LayerOptions().set(opt::conv2d::kernel, {5, 5})}})
                                     << 2
                                     << "Conv2D 'n2''s 5×5 kernel does not fit in its 1x4x4 input — use a "
                                        "smaller kernel or padding 'same'.";
        QTest::newRow("names are not templates")
            << named << 3 << "Dense 'a%2b' has no input — connect a layer to it.";
    }

    void englishMessages()
    {
        QFETCH(GraphSpec, graph);
        QFETCH(int, node);
        QFETCH(QString, message);
        const ValidationResult r = validate(graph);
        QStringList got;
        for (const auto &d : r.forNode(node))
            got << QString::fromStdString(d.message());
        QVERIFY2(got.contains(message), qPrintable("got:\n" + got.join('\n')));
    }

    void warningsDoNotBlock()
    {
        // Two layers with one name: a warning on the second, the graph still builds.
        GraphSpec g = chain({{LayerKind::Input, input({2})}, {LayerKind::Dense, dense(1)}});
        g.nodes[1].name = "n1";
        const ValidationResult r = validate(g);
        QVERIFY(r.ok());
        const auto d = r.forNode(2);
        QCOMPARE(d.size(), std::size_t(1));
        QVERIFY(d[0].severity == Severity::Warning);
        QVERIFY(d[0].code == DiagnosticCode::DuplicateName);
        QCOMPARE(show(d[0].args), QStringList{"n1"});
        QCOMPARE(QString::fromStdString(d[0].message()),
                 QString("Another layer is also called 'n1' — give each layer its own name."));
        QVERIFY(r.summary().empty()); // the summary lists errors only
        (void)Network::build(g, 1);
    }

    void validDagShapesAndParameters()
    {
        // image 4x4x1 → flat(16) → d1 Dense 8 ─┬→ d2 Dense 3 ──┐
        //                                      └→ d3 Dense 3 ──┴→ add(3) ─┐
        // vec (5) → bn BatchNorm(5) → drop ───────────────────────────────┴→ cat(3 + 5) → out Dense 2 →
        // softmax
        GraphSpec g;
        const NodeId image = g.addNode(LayerKind::Input, "image", input({4, 4, 1}));
        const NodeId vec = g.addNode(LayerKind::Input, "vec", input({5}));
        const NodeId flat = g.addNode(LayerKind::Flatten, "flat");
        const NodeId d1 = g.addNode(LayerKind::Dense, "d1", dense(8));
        const NodeId d2 = g.addNode(LayerKind::Dense, "d2", dense(3));
        LayerOptions noBias = dense(3);
        noBias.set(opt::dense::useBias, false);
        const NodeId d3 = g.addNode(LayerKind::Dense, "d3", noBias);
        const NodeId add = g.addNode(LayerKind::Add, "add");
        const NodeId bn = g.addNode(LayerKind::BatchNorm, "bn");
        const NodeId drop = g.addNode(LayerKind::Dropout, "drop");
        const NodeId cat = g.addNode(LayerKind::Concatenate, "cat");
        const NodeId out = g.addNode(LayerKind::Dense, "out", dense(2));
        const NodeId sm = g.addNode(LayerKind::Softmax, "softmax");
        g.connect(image, flat);
        g.connect(flat, d1);
        g.connect(d1, d2);
        g.connect(d1, d3);
        g.connect(d2, add);
        g.connect(d3, add);
        g.connect(vec, bn);
        g.connect(bn, drop);
        g.connect(add, cat);
        g.connect(drop, cat);
        g.connect(cat, out);
        g.connect(out, sm);
        const ValidationResult r = validate(g);
        QVERIFY2(r.ok(), r.summary().c_str());
        QVERIFY(r.diagnostics.empty());
        const std::map<NodeId, Shape> expected{
            {image, {4, 4, 1}}, {vec, {5}}, {flat, {16}}, {d1, {8}},  {d2, {3}},  {d3, {3}},
            {add, {3}},         {bn, {5}},  {drop, {5}},  {cat, {8}}, {out, {2}}, {sm, {2}},
        };
        QVERIFY(r.shapes == expected);
        QCOMPARE(r.inputs, (std::vector<NodeId>{image, vec}));
        QCOMPARE(r.output, sm);
        // Topological: every wire goes forward in the order.
        QCOMPARE(r.order.size(), g.nodes.size());
        auto pos = [&](NodeId id) { return std::find(r.order.begin(), r.order.end(), id) - r.order.begin(); };
        for (const auto &e : g.edges)
            QVERIFY(pos(e.from) < pos(e.to));
        // d1 16·8 + 8 = 136, d2 8·3 + 3 = 27, d3 8·3 = 24, bn 2·5 = 10, out 8·2 + 2 = 18 → 215
        QCOMPARE(r.parameterCount, 215LL);
        QCOMPARE(parameterCount(*g.find(d1), {Shape{16}}), 136LL);
        QCOMPARE(parameterCount(*g.find(d3), {Shape{8}}), 24LL);
        QCOMPARE(parameterCount(*g.find(bn), {Shape{5}}), 10LL);
        QCOMPARE(parameterCount(*g.find(add), {Shape{3}, Shape{3}}), 0LL);

        Network net = Network::build(g, 3);
        QCOMPARE(net.parameterCount(), 215LL);
        QCOMPARE(net.inputSize(), 21);
        QCOMPARE(net.outputSize(), 2);
        const Matrix y = net.forward(Matrix::Random(21, 3), Mode::Eval);
        QCOMPARE(y.rows(), 2);
        QVERIFY(((y.colwise().sum().array() - 1).abs() < 1e-12).all());
    }

    // Students build graphs in any order: a random-ish edit sequence never crashes the validator or build.
    void neverCrashesOnOddGraphs()
    {
        Rng rng(2024);
        const auto &kinds = allLayerKinds();
        for (int trial = 0; trial < 300; ++trial) {
            GraphSpec g;
            const int n = 1 + static_cast<int>(rng.below(6));
            for (int i = 0; i < n; ++i) {
                LayerOptions o;
                o.set(opt::dense::units, static_cast<int>(rng.below(4)));
                o.set(opt::input::shape, {1 + static_cast<int>(rng.below(3))});
                if (rng.below(4) == 0) {
                    auto dims = o.get(opt::input::shape);
                    dims.push_back(2);
                    o.set(opt::input::shape, dims);
                }
                o.set(opt::dropout::rate, rng.uniform(0.0, 1.2));
                g.addNode(kinds[rng.below(kinds.size())], "n" + std::to_string(i), o);
            }
            const int edges = static_cast<int>(rng.below(8));
            for (int e = 0; e < edges; ++e)
                g.edges.push_back({static_cast<NodeId>(rng.below(n + 1)),
                                   static_cast<NodeId>(1 + rng.below(n + 1)),
                                   static_cast<int>(rng.below(3)) - (rng.below(10) == 0 ? 1 : 0)});
            const ValidationResult r = validate(g);
            try {
                Network net = Network::build(g, 1);
                QVERIFY2(r.ok(), "build accepted a graph validate() rejects");
                const Matrix y = net.forward(Matrix::Ones(net.inputSize(), 2), Mode::Train);
                QCOMPARE(y.rows(), net.outputSize());
            } catch (const GraphError &) {
                QVERIFY(!r.ok());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestValidator)
#include "tst_validator.moc"
