// ONNX export: every layer kind, checked by onnx::checker and run in onnxruntime against our own predictions.
#include "export/code_export.h"
#include "export/onnx_export.h"
#include "export_test_util.h"
#include "layers/layer_registry.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <cstring>
#include <set>
#include <system_error>

using namespace nnp;
using namespace nnp::testutil;

class TestOnnxExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void structure_data()
    {
        QTest::addColumn<int>("index");
        const auto nets = testNetworks();
        for (std::size_t i = 0; i < nets.size(); ++i)
            QTest::newRow(nets[i].name.c_str()) << static_cast<int>(i);
    }

    // The serialised model parses, passes the checker, declares opset 13 and has one input per Input node
    // with a dynamic batch, and the normalisation constants when there is a normaliser.
    void structure()
    {
        QFETCH(int, index);
        const TestNet t = testNetworks().at(static_cast<std::size_t>(index));
        Network net = makeNetwork(t.spec, 7);
        const ExportModel model = describeNetwork(net, makeNormalizer(net, t.normalized, 3), t.name);
        const std::string bytes = exportOnnx(model);
        onnx::ModelProto proto;
        QVERIFY(proto.ParseFromString(bytes));
        onnx::checker::check_model(proto); // throws on failure
        QCOMPARE(proto.opset_import_size(), 1);
        QCOMPARE(proto.opset_import(0).version(), static_cast<long>(kOnnxOpset));
        QCOMPARE(proto.graph().input_size(), static_cast<int>(model.inputs.size()));
        for (int k = 0; k < proto.graph().input_size(); ++k) {
            const auto &shape = proto.graph().input(k).type().tensor_type().shape();
            QCOMPARE(shape.dim_size(), 2);
            QVERIFY(shape.dim(0).has_dim_param());
            QCOMPARE(
                shape.dim(1).dim_value(),
                static_cast<long>(
                    model.nodes[static_cast<std::size_t>(model.inputs[static_cast<std::size_t>(k)])].size));
        }
        QCOMPARE(proto.graph().output_size(), 1);
        std::set<std::string> ops;
        for (const auto &n : proto.graph().node())
            ops.insert(n.op_type());
        QCOMPARE(ops.count("Sub") > 0, t.normalized);
        if (t.normalized) QVERIFY(ops.count("Mul"));
        // Every trained tensor is an initializer, with its values.
        std::size_t tensors = 0;
        for (const auto &n : model.nodes)
            tensors += n.tensors.size();
        std::size_t weightInits = 0;
        for (const auto &init : proto.graph().initializer()) {
            const std::string &name = init.name();
            for (const char *suffix :
                 {".weight", ".bias", ".gamma", ".beta", ".running_mean", ".running_var"})
                if (name.size() > std::strlen(suffix) && name.ends_with(suffix)) ++weightInits;
            // A recurrent layer's weight_ih and weight_hh are W and R; its two biases are one B (ONNX's
            // layout).
            if (name.ends_with(".W") || name.ends_with(".R")) ++weightInits;
            if (name.ends_with(".B")) weightInits += 2;
        }
        QCOMPARE(weightInits, tensors);
    }

    // Every registered layer kind has an entry in every export format's table ("refused by name" would count
    // as an entry too); the tables are also checked when the exporters compile.
    void everyKindHasAnExporter()
    {
        const std::vector<std::pair<const char *, std::vector<LayerKind>>> formats = {
            {"ONNX", onnxExportKinds()}, {"PyTorch", pytorchExportKinds()}, {"Keras", kerasExportKinds()}};
        QVERIFY(layerKinds().size() >= 11);
        for (const LayerKindInfo *k : layerKinds())
            for (const auto &[format, kinds] : formats)
                QVERIFY2(std::count(kinds.begin(), kinds.end(), k->kind) == 1,
                         qPrintable(QString("%1 has no %2 exporter").arg(k->fileName.data()).arg(format)));
    }

    void matchesOnnxRuntime_data() { structure_data(); }

    // The exported model gives our predictions in onnxruntime, from raw (unnormalised) inputs.
    void matchesOnnxRuntime()
    {
        QFETCH(int, index);
        QString why;
        const QString modules = onnxRuntimeModules(why);
        if (modules.isEmpty()) QSKIP(qPrintable("onnxruntime is not available: " + why));
        const TestNet t = testNetworks().at(static_cast<std::size_t>(index));
        Network net = makeNetwork(t.spec, 11 + static_cast<std::uint64_t>(index));
        const Normalizer norm = makeNormalizer(net, t.normalized, 5);
        const ExportModel model = describeNetwork(net, norm, t.name);
        const QString file = m_dir.filePath(QString::fromStdString(t.name) + ".onnx");
        writeOnnx(model, file.toStdString());

        const Matrix raw = makeInputs(net, 64, 21);
        const Matrix ours = ourPrediction(net, norm, raw);
        QString error;
        const Matrix theirs = runOnnxRuntime(file, model, raw, modules, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const double diff = maxAbsDiff(ours, theirs);
        QVERIFY2(diff <= 1e-5, qPrintable(QString("max abs diff %1").arg(diff)));
        // Not a vacuous comparison: outputs vary across samples.
        QVERIFY((ours.rowwise().maxCoeff() - ours.rowwise().minCoeff()).maxCoeff() > 1e-3f);
    }

    void batchNormMomentumConvention()
    {
        // ONNX's momentum weighs the running value: our 0.2 (weight of the new batch) must be written as 0.8.
        Network net = makeNetwork(dag(), 1);
        const ExportModel model = describeNetwork(net, {}, "dag");
        onnx::ModelProto proto;
        QVERIFY(proto.ParseFromString(exportOnnx(model)));
        bool found = false;
        for (const auto &n : proto.graph().node())
            if (n.op_type() == "BatchNormalization")
                for (const auto &a : n.attribute())
                    if (a.name() == "momentum") {
                        QVERIFY(std::abs(a.f() - 0.8f) < 1e-6f);
                        found = true;
                    }
        QVERIFY(found);
    }

    void refusesMismatchedNormalizer()
    {
        Network net = makeNetwork(mlp(ActivationKind::ReLU), 1);
        Normalizer norm = makeNormalizer(2, true, 1); // the network takes 3 inputs
        try {
            describeNetwork(net, norm);
            QFAIL("a normaliser of the wrong size was accepted");
        } catch (const ExportError &e) {
            QVERIFY2(QString(e.what()).contains("3 inputs"), e.what());
        }
    }

    void refusesDivergedWeights()
    {
        Network net = makeNetwork(mlp(ActivationKind::ReLU), 1);
        net.parameters().at(2).ref.value->coeffRef(0, 0) = std::numeric_limits<Scalar>::quiet_NaN();
        try {
            describeNetwork(net, {});
            QFAIL("NaN weights were exported");
        } catch (const ExportError &e) {
            QVERIFY2(QString(e.what()).contains("hidden2"), e.what());
        }
        // Issue 13 (5): BatchNorm's running statistics are checked too.
        Network withStats = makeNetwork(dag(), 1);
        bool set = false;
        for (auto &p : withStats.state())
            if (p.ref.name == "running_mean") {
                p.ref.value->coeffRef(1, 0) = std::numeric_limits<Scalar>::infinity();
                set = true;
            }
        QVERIFY(set);
        try {
            describeNetwork(withStats, {});
            QFAIL("an infinite running mean was exported");
        } catch (const ExportError &e) {
            QVERIFY2(QString(e.what()).contains("bn"), e.what());
            QVERIFY2(QString(e.what()).contains("running_mean"), e.what());
        }
    }

    // Word ids with padding (id 0, some sentences of padding only) → Embedding (mask_zero) → the mean and the
    // largest value over the real steps (GlobalAveragePool1D, GlobalMaxPool1D) → Dense: ONNX computes the
    // mask from the ids (Equal, Not, Where) and gives our predictions in onnxruntime, as the PyTorch script.
    void maskedPoolsOverTime()
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
                if (t < c % 7) raw(t, c) = 0; // padding in front, as the tokenizer pads; c % 7 == 6: all
        const ExportModel model = describeNetwork(net, {}, "masked_pools");
        const QString base = m_dir.filePath("masked_pools");
        QVERIFY(QDir().mkpath(base));
        writeOnnx(model, (base + "/model.onnx").toStdString());
        writePytorch(model, (base + "/model.py").toStdString());
        const Matrix ours = ourPrediction(net, {}, raw);
        // A sentence of padding only gives the Dense layer's bias: the pools gave zeros.
        QVERIFY(maxAbsDiff(ours.col(6), *net.parameters().back().ref.value) < 1e-6);
        compareExportsWithOurs(ours, raw, 2, model, base, "masked_pools");
    }

    void unwritableTarget()
    {
        Network net = makeNetwork(mlp(ActivationKind::ReLU), 1);
        const ExportModel model = describeNetwork(net, {});
        QVERIFY_THROWS_EXCEPTION(ExportError, writeOnnx(model, "/nonexistent-folder/x/model.onnx"));
        // Issue 13 (7): a failed rename (onto a folder) says why, not "Success".
        const QString folder = m_dir.filePath("folder.onnx");
        QVERIFY(QDir().mkpath(folder));
        try {
            writeOnnx(model, folder.toStdString());
            QFAIL("an export over a folder was accepted");
        } catch (const ExportError &e) {
            QVERIFY2(!QString(e.what()).contains("Success"), e.what());
            QVERIFY2(QString(e.what()).contains(
                         QString::fromStdString(std::make_error_code(std::errc::is_a_directory).message())),
                     e.what());
        }
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestOnnxExport)
#include "tst_onnx_export.moc"
