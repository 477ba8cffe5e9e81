// The unrolled sequence (issue 11): per-step hidden states, LSTM cell states and gates of one sample, read
// from the layer's own forward pass, against a hand-run of PyTorch's LSTM and GRU equations in double on the
// same weights; padded steps (mask_zero) keep the state and say so; the prediction after each step is the
// network's on the sentence cut there.
#include "gradcheck.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"
#include "train/network.h"
#include "train/unrolled_sequence.h"

#include <QtTest>

#include <cmath>

using namespace nnp;

Q_DECLARE_METATYPE(nnp::LayerKind)

namespace {

using Vec = Eigen::VectorXd;

Vec sigmoid(const Vec &v)
{
    return (1.0 / (1.0 + (-v.array()).exp())).matrix();
}

GraphSpec model(LayerKind kind, bool maskZero)
{
    GraphSpec g;
    const NodeId in =
        g.addNode(LayerKind::Input, "ids",
                  LayerOptions().set(opt::input::shape, {4}).set(opt::input::values, InputValues::Ids));
    const NodeId emb = g.addNode(LayerKind::Embedding, "table",
                                 LayerOptions()
                                     .set(opt::embedding::inputDim, 6)
                                     .set(opt::embedding::outputDim, 3)
                                     .set(opt::embedding::maskZero, maskZero));
    const NodeId r = g.addNode(kind, "memory", LayerOptions().set(opt::rnn::units, 2));
    const NodeId out =
        g.addNode(LayerKind::Dense, "out",
                  LayerOptions().set(opt::dense::units, 1).set(opt::activation, ActivationKind::Sigmoid));
    g.connect(in, emb);
    g.connect(emb, r);
    g.connect(r, out);
    return g;
}

} // namespace

class TestUnrolledSequence : public QObject {
    Q_OBJECT

private slots:
    void handRun_data()
    {
        QTest::addColumn<LayerKind>("kind");
        QTest::addColumn<bool>("maskZero");
        QTest::newRow("LSTM, mask_zero") << LayerKind::LSTM << true;
        QTest::newRow("GRU, mask_zero") << LayerKind::GRU << true;
        QTest::newRow("LSTM, padding read as a word") << LayerKind::LSTM << false;
        QTest::newRow("SimpleRNN, mask_zero") << LayerKind::SimpleRNN << true;
    }

    void handRun()
    {
        QFETCH(LayerKind, kind);
        QFETCH(bool, maskZero);
        Network net = Network::build(model(kind, maskZero), 8);
        // Larger weights than the initial ones, so that the gates are far from 0.5.
        Rng rng(3);
        for (auto &p : net.parameters())
            for (Eigen::Index i = 0; i < p.ref.value->size(); ++i)
                p.ref.value->data()[i] = rng.uniform(-1.5, 1.5);
        const auto &nodes = net.nodes();
        auto &rec = static_cast<Recurrent &>(net.layer(2));
        QVERIFY(nodes[2].kind == kind);
        Matrix &table = *net.parameters()[0].ref.value;
        if (maskZero) table.row(0).setZero(); // (the layer outputs zero for id 0 anyway)
        const Matrix wih = rec.weightIh(), whh = rec.weightHh();
        const Vec bih = rec.biasIh().col(0), bhh = rec.biasHh().col(0);
        const Matrix &dw = *net.parameters()[net.parameters().size() - 2].ref.value;
        const double db = (*net.parameters().back().ref.value)(0, 0);

        Matrix x(4, 1);
        x << 0, 3, 5, 2; // one padded step in front
        const UnrolledSequence u = unrollSequence(net, nodes[2].id, x);
        QCOMPARE(u.units, 2);
        QCOMPARE(u.gates, recurrentGates(kind));
        QCOMPARE(int(u.steps.size()), 4);

        Vec h = Vec::Zero(2), c = Vec::Zero(2);
        for (int t = 0; t < 4; ++t) {
            const UnrolledStep &s = u.steps[static_cast<std::size_t>(t)];
            const int id = static_cast<int>(x(t, 0));
            QCOMPARE(s.id, double(id));
            const bool padded = maskZero && id == 0;
            QCOMPARE(s.padding, padded);
            const Vec xt = maskZero && id == 0 ? Vec::Zero(3) : Vec(table.row(id).transpose());
            Vec gates;
            if (kind == LayerKind::LSTM) {
                const Vec a = wih * xt + bih + whh * h + bhh;
                gates.resize(8);
                gates << sigmoid(a.segment(0, 2)), sigmoid(a.segment(2, 2)),
                    a.segment(4, 2).array().tanh().matrix(), sigmoid(a.segment(6, 2));
                if (!padded) {
                    c = gates.segment(2, 2).cwiseProduct(c) +
                        gates.segment(0, 2).cwiseProduct(gates.segment(4, 2));
                    h = gates.segment(6, 2).cwiseProduct(Vec(c.array().tanh()));
                }
            } else if (kind == LayerKind::GRU) {
                const Vec a = wih * xt + bih, b = whh * h + bhh;
                gates.resize(6);
                gates.segment(0, 4) = sigmoid(a.segment(0, 4) + b.segment(0, 4));
                gates.segment(4, 2) = (a.segment(4, 2) + gates.segment(0, 2).cwiseProduct(b.segment(4, 2)))
                                          .array()
                                          .tanh()
                                          .matrix();
                if (!padded)
                    h = (Vec::Ones(2) - gates.segment(2, 2)).cwiseProduct(gates.segment(4, 2)) +
                        gates.segment(2, 2).cwiseProduct(h);
            } else {
                gates = (wih * xt + bih + whh * h + bhh).array().tanh().matrix();
                if (!padded) h = gates;
            }
            const auto near = [](const std::vector<double> &got, const Vec &want) {
                if (got.size() != static_cast<std::size_t>(want.size())) return false;
                for (std::size_t i = 0; i < got.size(); ++i)
                    if (std::abs(got[i] - want(static_cast<Eigen::Index>(i))) > 1e-12) return false;
                return true;
            };
            QVERIFY2(near(s.gates, gates), qPrintable(QString("gates at step %1").arg(t)));
            QVERIFY2(near(s.hidden, h), qPrintable(QString("hidden state at step %1").arg(t)));
            if (kind == LayerKind::LSTM)
                QVERIFY2(near(s.cell, c), qPrintable(QString("cell state at step %1").arg(t)));
            else
                QVERIFY(s.cell.empty());
            // The prediction after the step: the network on the cut sentence; with mask_zero that is the
            // Dense layer on this step's state.
            QCOMPARE(int(s.output.size()), 1);
            Matrix cut = Matrix::Zero(4, 1);
            for (int k = 0; k <= t; ++k)
                cut(3 - t + k, 0) = x(k, 0);
            QVERIFY(std::abs(s.output[0] - net.forward(cut, Mode::Eval)(0, 0)) < 1e-12);
            if (maskZero) {
                const double p = 1.0 / (1.0 + std::exp(-((dw * h)(0, 0) + db)));
                QVERIFY(std::abs(s.output[0] - p) < 1e-12);
            }
        }
        QVERIFY(std::abs(u.steps.back().output[0] - net.forward(x, Mode::Eval)(0, 0)) < 1e-12);
        // The padded step kept the zero state.
        if (maskZero)
            QVERIFY(std::all_of(u.steps[0].hidden.begin(), u.steps[0].hidden.end(),
                                [](double v) { return v == 0; }));
        QCOMPARE(recurrentNodes(net), std::vector<NodeId>{nodes[2].id});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, unrollSequence(net, nodes[3].id, x));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, unrollSequence(net, nodes[2].id, Matrix::Zero(3, 1)));
    }
};

QTEST_GUILESS_MAIN(TestUnrolledSequence)
#include "tst_unrolled_sequence.moc"
