// The padding mask through a compiled network (issue 11): an Embedding with mask_zero hands its mask of each
// batch to the SimpleRNN / LSTM / GRU that reads it (directly, through Dropout, or through a recurrent layer
// that returns the whole sequence), so padded steps (id 0) leave the state alone, and to the
// GlobalAveragePool1D / GlobalMaxPool1D that reads it, which leave padded steps out (Keras' masked mean).
// Checked against the same sentence without padding, by hand, by a numeric gradient check in double, and on
// the rule's cases.
#include "gradcheck.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"
#include "layers/step_mask.h"
#include "train/network.h"

#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

Q_DECLARE_METATYPE(nnp::LayerKind)

namespace {

constexpr int kVocab = 9, kDim = 3;

/// ids [steps] → Embedding(kVocab, kDim, mask_zero) → `kind`(4) [→ `second`(3)] → Dense 1 sigmoid.
GraphSpec model(int steps, LayerKind kind, bool maskZero = true, bool stacked = false, bool dropout = false)
{
    GraphSpec g;
    const NodeId in =
        g.addNode(LayerKind::Input, "ids",
                  LayerOptions().set(opt::input::shape, {steps}).set(opt::input::values, InputValues::Ids));
    const NodeId emb = g.addNode(LayerKind::Embedding, "table",
                                 LayerOptions()
                                     .set(opt::embedding::inputDim, kVocab)
                                     .set(opt::embedding::outputDim, kDim)
                                     .set(opt::embedding::maskZero, maskZero));
    g.connect(in, emb);
    NodeId prev = emb;
    if (dropout) {
        const NodeId d = g.addNode(LayerKind::Dropout, "drop", LayerOptions().set(opt::dropout::rate, 0.0));
        g.connect(prev, d);
        prev = d;
    }
    const NodeId r = g.addNode(
        kind, "rnn",
        isRecurrent(kind) ? LayerOptions().set(opt::rnn::units, 4).set(opt::rnn::returnSequences, stacked)
                          : LayerOptions());
    g.connect(prev, r);
    prev = r;
    if (stacked) {
        const NodeId r2 = g.addNode(LayerKind::GRU, "rnn2", LayerOptions().set(opt::rnn::units, 3));
        g.connect(prev, r2);
        prev = r2;
    }
    const NodeId out =
        g.addNode(LayerKind::Dense, "out",
                  LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
    g.connect(prev, out);
    return g;
}

Matrix column(std::initializer_list<double> ids)
{
    Matrix m(static_cast<Eigen::Index>(ids.size()), 1);
    Eigen::Index r = 0;
    for (double v : ids)
        m(r++, 0) = static_cast<Scalar>(v);
    return m;
}

} // namespace

class TestSequenceMask : public QObject {
    Q_OBJECT

private slots:
    void paddedEqualsUnpadded_data()
    {
        QTest::addColumn<LayerKind>("kind");
        QTest::addColumn<bool>("stacked");
        QTest::addColumn<bool>("dropout");
        QTest::newRow("SimpleRNN") << LayerKind::SimpleRNN << false << false;
        QTest::newRow("LSTM") << LayerKind::LSTM << false << false;
        QTest::newRow("GRU") << LayerKind::GRU << false << false;
        QTest::newRow("LSTM sequences -> GRU") << LayerKind::LSTM << true << false;
        QTest::newRow("Dropout between") << LayerKind::LSTM << false << true;
        QTest::newRow("GlobalAveragePool1D") << LayerKind::GlobalAveragePool1D << false << false;
        QTest::newRow("GlobalMaxPool1D") << LayerKind::GlobalMaxPool1D << false << false;
        QTest::newRow("Dropout -> GlobalAveragePool1D") << LayerKind::GlobalAveragePool1D << false << true;
    }
    // The same three words, alone (T = 3) and inside padding of seven steps (before, after, between): the
    // weights do not depend on T, so equal seeds give equal networks and the outputs must agree exactly up to
    // rounding. Without mask_zero the padded sentence gives another answer (the test can fail).
    void paddedEqualsUnpadded()
    {
        QFETCH(LayerKind, kind);
        QFETCH(bool, stacked);
        QFETCH(bool, dropout);
        Network plain = Network::build(model(3, kind, true, stacked, dropout), 5);
        Network padded = Network::build(model(7, kind, true, stacked, dropout), 5);
        Network unmasked = Network::build(model(7, kind, false, stacked, dropout), 5);
        const double want = plain.forward(column({4, 7, 2}), Mode::Eval)(0, 0);
        Matrix x(7, 3);
        x << 4, 0, 0, //
            7, 0, 4,  //
            2, 0, 0,  //
            0, 4, 7,  //
            0, 7, 0,  //
            0, 2, 2,  //
            0, 0, 0;
        const Matrix got = padded.forward(x, Mode::Eval);
        for (Eigen::Index c = 0; c < 3; ++c)
            QVERIFY2(std::abs(got(0, c) - want) < 1e-12,
                     qPrintable(QString("column %1: %2, unpadded %3").arg(c).arg(got(0, c)).arg(want)));
        // (A max over time may not see the padding's zeros: only the others must differ.)
        const Matrix other = unmasked.forward(x, Mode::Eval);
        if (kind != LayerKind::GlobalMaxPool1D) QVERIFY(std::abs(other(0, 0) - want) > 1e-6);
        // A copy of the network (the trainer's replicas) keeps the hook.
        Network copy(padded);
        QVERIFY(std::abs(copy.forward(x, Mode::Eval)(0, 2) - want) < 1e-12);
    }

    void gradientsWithPadding_data() { paddedEqualsUnpadded_data(); }
    // Central differences of the loss against the analytic gradients of every parameter, on a batch whose
    // sentences are padded differently; the padding row of the table gets no gradient.
    void gradientsWithPadding()
    {
        QFETCH(LayerKind, kind);
        QFETCH(bool, stacked);
        QFETCH(bool, dropout);
        Network net = Network::build(model(6, kind, true, stacked, dropout), 11);
        net.setLoss({LossKind::BinaryCrossEntropy});
        Matrix x(6, 5);
        x << 1, 0, 3, 8, 0, //
            2, 0, 0, 7, 5,  //
            3, 4, 0, 6, 0,  //
            0, 5, 1, 5, 6,  //
            0, 6, 0, 4, 0,  //
            0, 0, 2, 3, 7;
        Matrix y(1, 5);
        y << 1, 0, 1, 0, 1;
        net.forward(x, Mode::Train);
        net.lossAndBackward(y);
        for (auto &p : net.parameters()) {
            const Matrix analytic = *p.ref.grad;
            const Matrix numeric = numericGradient(*p.ref.value, [&] {
                net.forward(x, Mode::Train);
                return net.lossOf(y);
            });
            const std::string what = p.nodeName + "." + p.ref.name;
            QVERIFY2(numeric.cwiseAbs().maxCoeff() > 1e-8, what.c_str());
            const auto err = compareGradients(what, analytic, numeric);
            QVERIFY2(err.empty(), err.c_str());
            if (p.ref.name == "weight" && p.nodeName == "table") QVERIFY(analytic.row(0).isZero());
        }
    }

    // The pools by hand on a table we write: the mean and the largest value over the real steps only; a
    // sentence of padding only gives 0 (Keras' mean would give NaN there); without mask_zero the padding's
    // zero vectors count. (Their backward: gradientsWithPadding.)
    void poolsLeaveOutPadding()
    {
        for (const LayerKind kind : {LayerKind::GlobalAveragePool1D, LayerKind::GlobalMaxPool1D})
            for (const bool maskZero : {true, false}) {
                GraphSpec g;
                const NodeId in = g.addNode(
                    LayerKind::Input, "ids",
                    LayerOptions().set(opt::input::shape, {4}).set(opt::input::values, InputValues::Ids));
                const NodeId emb = g.addNode(LayerKind::Embedding, "table",
                                             LayerOptions()
                                                 .set(opt::embedding::inputDim, 4)
                                                 .set(opt::embedding::outputDim, 2)
                                                 .set(opt::embedding::maskZero, maskZero));
                const NodeId pool = g.addNode(kind, "pool");
                g.connect(in, emb);
                g.connect(emb, pool);
                Network net = Network::build(g, 3);
                Matrix &w = *net.parameters().front().ref.value;
                w << 0, 0,  //  id 0 (padding)
                    -1, -4, // id 1
                    -3, 2,  // id 2
                    -5, -6; // id 3
                Matrix x(4, 3);
                x << 0, 0, 1, //
                    1, 0, 2,  //
                    0, 0, 3,  //
                    2, 0, 3;
                const Matrix y = net.forward(x, Mode::Train);
                Matrix want(2, 3);
                if (kind == LayerKind::GlobalAveragePool1D && maskZero)
                    want << -2, 0, -3.5, //
                        -1, 0, -3.5;
                else if (kind == LayerKind::GlobalAveragePool1D)
                    want << -1, 0, -3.5, //
                        -0.5, 0, -3.5;
                else if (maskZero)
                    want << -1, 0, -1, //
                        2, 0, 2;
                else
                    want << 0, 0, -1, //
                        2, 0, 2;
                QVERIFY2((y - want).cwiseAbs().maxCoeff() < 1e-12,
                         qPrintable(QString("%1 mask_zero %2").arg(toString(kind).data()).arg(maskZero)));
            }
    }

    // The rule: which layers obey which mask.
    void maskSource()
    {
        const GraphSpec masked = model(4, LayerKind::LSTM, true, true, true);
        const NodeId table = masked.nodes[1].id;
        for (const auto &n : masked.nodes) {
            const auto from = stepMaskSource(masked, n.id);
            if (isRecurrent(n.kind)) {
                QVERIFY(from.has_value());
                QCOMPARE(*from, table);
            } else {
                QVERIFY(!from.has_value());
            }
        }
        const GraphSpec off = model(4, LayerKind::GRU, false);
        for (const auto &n : off.nodes)
            QVERIFY(!stepMaskSource(off, n.id));
        // A recurrent layer that returns only its last state hands on no mask (a Dense reads it anyway).
        GraphSpec g = model(4, LayerKind::LSTM, true);
        QVERIFY(stepMaskSource(g, g.nodes[2].id));
        // The pools over time read it too, through Dropout.
        const GraphSpec pooled = model(4, LayerKind::GlobalMaxPool1D, true, false, true);
        QCOMPARE(stepMaskSource(pooled, pooled.nodes[3].id), std::optional<NodeId>(pooled.nodes[1].id));
        QVERIFY(readsStepMask(LayerKind::GlobalAveragePool1D) && !readsStepMask(LayerKind::Dense));
    }
};

QTEST_GUILESS_MAIN(TestSequenceMask)
#include "tst_sequence_mask.moc"
