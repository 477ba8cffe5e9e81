// Weights as JSON and CSV, and the dataset as CSV: read back independently (Qt's JSON, plain text parsing)
// and compared element by element with the network's own matrices.
#include "export/weights_export.h"
#include "export_test_util.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace nnp;
using namespace nnp::testutil;

namespace {
QString readAll(const QString &file)
{
    QFile f(file);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

class TestWeightsExport : public QObject {
    Q_OBJECT

private slots:
    void json()
    {
        Network net = makeNetwork(dag(), 4);
        const Normalizer norm = makeNormalizer(net, true, 6);
        const ExportModel model = describeNetwork(net, norm, "dag \"quoted\"");
        QJsonParseError err;
        const QJsonObject doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(weightsJson(model)), &err).object();
        QVERIFY2(err.error == QJsonParseError::NoError, qPrintable(err.errorString()));
        QCOMPARE(doc["format"].toString(), QString("nnp-weights"));
        QCOMPARE(doc["model"].toString(), QString("dag \"quoted\""));
        QCOMPARE(doc["inputs"].toArray().size(), 2);
        QCOMPARE(doc["inputs"].toArray()[1].toObject()["size"].toInt(), 2);
        const QJsonArray offset = doc["normalization"].toObject()["offset"].toArray();
        QCOMPARE(offset.size(), net.inputSize());
        for (int i = 0; i < offset.size(); ++i)
            QCOMPARE(static_cast<float>(offset[i].toDouble()), static_cast<float>(norm.offset(i)));

        // Every parameter and running statistic, values exact, Dense weights row-major [units, inputs].
        const QJsonArray tensors = doc["tensors"].toArray();
        auto all = net.parameters();
        for (auto &s : net.state())
            all.push_back(s);
        QCOMPARE(tensors.size(), static_cast<qsizetype>(all.size()));
        for (const auto &p : all) {
            QJsonObject found;
            for (const auto &t : tensors)
                if (t.toObject()["node_id"].toInt() == p.id &&
                    t.toObject()["name"].toString() == QString::fromStdString(p.ref.name))
                    found = t.toObject();
            QVERIFY2(!found.isEmpty(), p.ref.name.c_str());
            QCOMPARE(found["node_name"].toString(), QString::fromStdString(p.nodeName));
            const Matrix &m = *p.ref.value;
            const QJsonArray shape = found["shape"].toArray();
            const QJsonArray values = found["values"].toArray();
            QCOMPARE(values.size(), static_cast<qsizetype>(m.size()));
            QCOMPARE(shape[0].toInt(), static_cast<int>(m.rows()));
            if (p.ref.name == "weight") QCOMPARE(shape[1].toInt(), static_cast<int>(m.cols()));
            for (Eigen::Index r = 0; r < m.rows(); ++r)
                for (Eigen::Index c = 0; c < m.cols(); ++c)
                    QCOMPARE(static_cast<float>(values[static_cast<int>(r * m.cols() + c)].toDouble()),
                             static_cast<float>(m(r, c)));
        }
    }

    void jsonWithoutNormalisation()
    {
        Network net = makeNetwork(mlp(ActivationKind::ReLU), 4);
        const QJsonObject doc =
            QJsonDocument::fromJson(QByteArray::fromStdString(weightsJson(describeNetwork(net, {}))))
                .object();
        QVERIFY(doc.contains("normalization") && doc["normalization"].isNull());
    }

    void csvPerTensor()
    {
        QTemporaryDir dir;
        Network net = makeNetwork(dag(), 9);
        const Normalizer norm = makeNormalizer(net, true, 1);
        const ExportModel model = describeNetwork(net, norm);
        const QString out = dir.filePath("weights/nested");
        writeWeightsCsv(model, out.toStdString());
        const QStringList index = readAll(out + "/tensors.csv").split('\n', Qt::SkipEmptyParts);
        QCOMPARE(index.value(0), QString("file,node,node_name,kind,tensor,shape"));
        QCOMPARE(index.size(), 1 + static_cast<int>(net.parameters().size() + net.state().size()) + 1);

        // dense b's weight: one line per unit, one column per input.
        auto param = [&](const std::string &node, const std::string &name) {
            for (auto &p : net.parameters())
                if (p.nodeName == node && p.ref.name == name) return *p.ref.value;
            return Matrix();
        };
        const Matrix w = param("dense b", "weight");
        QCOMPARE(w.rows(), 4);
        const QStringList lines = readAll(out + "/dense_b.weight.csv").split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), static_cast<int>(w.rows()));
        for (int r = 0; r < lines.size(); ++r) {
            const QStringList cells = lines[r].split(',');
            QCOMPARE(cells.size(), static_cast<int>(w.cols()));
            for (int c = 0; c < cells.size(); ++c)
                QCOMPARE(cells[c].toFloat(), static_cast<float>(w(r, c)));
        }
        const QStringList bias = readAll(out + "/dense_b.bias.csv").split('\n', Qt::SkipEmptyParts);
        QCOMPARE(bias.size(), 4);
        QCOMPARE(bias[3].toFloat(), static_cast<float>(param("dense b", "bias")(3, 0)));
        const QStringList normLines = readAll(out + "/normalization.csv").split('\n', Qt::SkipEmptyParts);
        QCOMPARE(normLines.size(), 1 + net.inputSize());
        QCOMPARE(normLines[5].split(',').value(2).toFloat(), static_cast<float>(norm.scale(4)));
    }

    void datasetCsv()
    {
        Dataset d;
        d.x.resize(2, 4);
        d.x << 1, 2, 3, 4, 0.5, -0.25, 1e-8f, 7;
        d.task = TaskKind::Classification;
        d.classes = 2;
        d.labels = {0, 1, 1, 0};
        d.featureNames = {"x,1", "y"};
        d.classNames = {"red", "blue"};
        SplitIndices split;
        split.train = {0, 3};
        split.test = {1};
        split.validation = {2};
        const QStringList lines =
            QString::fromStdString(nnp::datasetCsv(d, &split)).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 5);
        QCOMPARE(lines[0], QString("\"x,1\",y,label,split"));
        QCOMPARE(lines[2], QString("2,-0.25,blue,test"));
        QCOMPARE(lines[3].split(',').value(1).toFloat(), 1e-8f);
        QCOMPARE(lines[3].split(',').value(3), QString("validation"));

        Dataset r;
        r.task = TaskKind::Regression;
        r.x = Matrix::Constant(1, 2, 3);
        r.targets.resize(2, 2);
        r.targets << 1, 2, 3, 4;
        const QStringList rl = QString::fromStdString(nnp::datasetCsv(r)).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(rl[0], QString("x1,y1,y2"));
        QCOMPARE(rl[2], QString("3,2,4"));
    }
};

QTEST_GUILESS_MAIN(TestWeightsExport)
#include "tst_weights_export.moc"
