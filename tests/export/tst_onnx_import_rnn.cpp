// Recurrent models written by torch.onnx.export (not by us): nn.LSTM, nn.GRU and nn.RNN with
// batch_first=True, their last step (out[:, -1], h[-1]) or every step pooled over time, stacked, from flat
// rows reshaped or from a sequence input [N, time, features], import into SimpleRNN / LSTM / GRU layers and
// give PyTorch's outputs from the same raw inputs (≤ 1e-5). What ONNX can say but our layers cannot (two
// directions) is refused by name.
#include "export/onnx_import.h"
#include "layers/recurrent.h"
#include "torch_compare.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

class TestOnnxImportRnn : public QObject {
    Q_OBJECT

private slots:
    void pytorchSequenceModels_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<int>("opset");
        QTest::addColumn<QString>("kinds");   // the recurrent layers expected, in order, "LSTM:last"
        QTest::addColumn<QString>("refusal"); // empty: imports; else a phrase of the message
        QTest::newRow("LSTM out[:, -1]") << "lstm_last" << 13 << "LSTM:last"
                                         << "";
        QTest::newRow("LSTM h[-1]") << "lstm_h" << 13 << "LSTM:last"
                                    << "";
        QTest::newRow("GRU mean over time") << "gru_mean" << 13 << "GRU:sequences"
                                            << "";
        QTest::newRow("RNN max over time, opset 14") << "rnn_max" << 14 << "SimpleRNN:sequences"
                                                     << "";
        QTest::newRow("LSTM into GRU, sequence input") << "stacked" << 13 << "LSTM:sequences GRU:last"
                                                       << "";
        QTest::newRow("bidirectional LSTM") << "bidirectional" << 13 << ""
                                            << "forward direction";
    }

    void pytorchSequenceModels()
    {
        QFETCH(QString, model);
        QFETCH(int, opset);
        QFETCH(QString, kinds);
        QFETCH(QString, refusal);
        if (runProcess("/usr/bin/python3", {"-c", "import torch"}, 120000).exitCode != 0)
            QSKIP("/usr/bin/python3 cannot import torch (install python3-torch)");
        QTemporaryDir dir;
        const char *script = R"PY(
import json, sys, torch
from torch import nn
torch.manual_seed(11)
kind = sys.argv[3]
T, F = 6, 3

class M(nn.Module):
    def __init__(self):
        super().__init__()
        if kind == "lstm_last" or kind == "lstm_h":
            self.r, self.head = nn.LSTM(F, 5, batch_first=True), nn.Linear(5, 2)
        elif kind == "gru_mean":
            self.r, self.head = nn.GRU(F, 4, batch_first=True), nn.Sequential(nn.Linear(4, 1), nn.Sigmoid())
        elif kind == "rnn_max":
            self.r, self.head = nn.RNN(F, 4, batch_first=True), nn.Linear(4, 3)
        elif kind == "stacked":
            self.r, self.r2, self.head = nn.LSTM(F, 4, batch_first=True), nn.GRU(4, 3, batch_first=True), nn.Linear(3, 1)
        else:
            self.r, self.head = nn.LSTM(F, 3, batch_first=True, bidirectional=True), nn.Linear(6, 1)

    def forward(self, x):
        if kind != "stacked":
            x = x.reshape(-1, T, F)
        out, state = self.r(x)
        if kind == "lstm_h":
            return self.head(state[0][-1])
        if kind == "gru_mean":
            return self.head(out.mean(dim=1))
        if kind == "rnn_max":
            return self.head(out.amax(dim=1))
        if kind == "stacked":
            out, _ = self.r2(out)
        return self.head(out[:, -1])

m = M().eval()
x = torch.randn(16, T, F) if kind == "stacked" else torch.randn(16, T * F)
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
                QVERIFY2(QString(e.what()).contains(refusal) && QString(e.what()).contains("LSTM"), e.what());
            }
            return;
        }
        const ImportedModel imported = importOnnx(file.toStdString());
        QStringList found;
        for (const auto &n : imported.graph.nodes)
            if (isRecurrent(n.kind))
                found << QString::fromUtf8(toString(n.kind).data()) + ':' +
                             (n.options.get(opt::rnn::returnSequences) ? "sequences" : "last");
        QCOMPARE(found.join(' '), kinds);
        Network net = buildImported(imported);
        Matrix raw, expected;
        QVERIFY(readTorchSamples(data, raw, expected));
        QCOMPARE(net.inputSize(), raw.rows());
        const double diff = maxAbsDiff(ourPrediction(net, imported.normalizer, raw), expected);
        qInfo("%s: max abs diff from PyTorch %g", qPrintable(model), diff);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("max abs diff %1").arg(diff)));
    }
};

QTEST_GUILESS_MAIN(TestOnnxImportRnn)
#include "tst_onnx_import_rnn.moc"
