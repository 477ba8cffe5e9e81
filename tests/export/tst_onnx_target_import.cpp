// The ONNX import of our own export of a scaled regression target (issue 12): the export ends in Mul(σ) +
// Add(mean) per output, and the import reads them back as the project's target scaler, so the imported
// project predicts what the original does (core predict path, 1e-6 relative) and exports to a model
// onnxruntime runs with the same outputs. A Mul or Add that is not exactly that pattern is refused as before.
#include "export/onnx_export.h"
#include "export/onnx_import.h"
#include "export/project_meaning.h"
#include "export_test_util.h"
#include "io/project.h"
#include "io/target_scaling.h"

#include <onnx/onnx_pb.h>

#include <QTemporaryDir>
#include <QtTest>

#include <random>

using namespace nnp;
using namespace nnp::testutil;

namespace {
const QString kNnp = QStringLiteral(NNP_BINARY_DIR) + "/app/nnp";

/// y = 100 · (0.7·x1 − 0.4·x2 + 0.3·x1·x2) + 200 on [−1, 1]² (values about 60 to 340); `raw` gets x1, x2.
QString writePlane(const QString &path, int rows, Matrix &raw)
{
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write("x1,x2,y\n");
    raw.resize(2, rows);
    for (int i = 0; i < rows; ++i) {
        const double a = u(rng), b = u(rng);
        const double y = 100.0 * (0.7 * a - 0.4 * b + 0.3 * a * b) + 200.0;
        f.write(QString("%1,%2,%3\n").arg(a, 0, 'g', 9).arg(b, 0, 'g', 9).arg(y, 0, 'g', 9).toUtf8());
        raw(0, i) = static_cast<Scalar>(QString::number(a, 'g', 9).toDouble());
        raw(1, i) = static_cast<Scalar>(QString::number(b, 'g', 9).toDouble());
    }
    return path;
}

/// What `nnp predict` computes, through the core: inputs → normaliser → network → back in the target's units.
Matrix predictInTargetUnits(const Project &p, const Matrix &raw)
{
    Network net = Network::build(p.graph, p.training.seed);
    net.setLoss(p.training.loss);
    restoreWeights(p, net);
    Matrix out = net.predict(networkInputs(p, p.normalizer ? &*p.normalizer : nullptr, raw));
    unscaleOutputsInPlace(outputScaler(p), out);
    return out;
}

double worstRelative(const Matrix &a, const Matrix &b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols()) return 1e30;
    double worst = 0;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        worst = std::max(worst, std::abs(double(a.data()[i]) - double(b.data()[i])) /
                                    std::max(1.0, std::abs(double(a.data()[i]))));
    return worst;
}

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

void addNode(onnx::GraphProto *g, const std::string &op, std::vector<std::string> in, std::string out)
{
    auto *n = g->add_node();
    n->set_op_type(op);
    n->set_name(out);
    for (auto &i : in)
        n->add_input(i);
    n->add_output(out);
}

void addIo(onnx::ValueInfoProto *v, const std::string &name, int features)
{
    v->set_name(name);
    auto *t = v->mutable_type()->mutable_tensor_type();
    t->set_elem_type(onnx::TensorProto::FLOAT);
    t->mutable_shape()->add_dim()->set_dim_param("N");
    t->mutable_shape()->add_dim()->set_dim_value(features);
}

/// x[2] → Gemm(2 units) → then `ops` in order, each (op, constant): the constants' shapes are given; the last
/// node's output is the graph's output.
struct Step {
    std::string op;
    std::vector<std::int64_t> dims; ///< empty: no constant (an activation)
    std::vector<float> values;
};
std::string modelWith(const std::vector<Step> &steps, const std::string &task = {})
{
    onnx::ModelProto m;
    m.set_ir_version(7);
    m.add_opset_import()->set_version(13);
    if (!task.empty()) {
        auto *p = m.add_metadata_props();
        p->set_key("nnp.task");
        p->set_value(task);
    }
    auto *g = m.mutable_graph();
    g->set_name("g");
    addIo(g->add_input(), "x", 2);
    *g->add_initializer() = floatTensor("W", {2, 2}, {1, 2, 3, 4});
    *g->add_initializer() = floatTensor("b", {2}, {0.5f, -0.5f});
    addNode(g, "Gemm", {"x", "W", "b"}, "dense");
    std::string last = "dense";
    for (std::size_t k = 0; k < steps.size(); ++k) {
        const std::string out = steps[k].op + std::to_string(k);
        std::vector<std::string> in{last};
        if (!steps[k].dims.empty() || !steps[k].values.empty()) {
            *g->add_initializer() = floatTensor("c" + std::to_string(k), steps[k].dims, steps[k].values);
            in.push_back("c" + std::to_string(k));
        }
        addNode(g, steps[k].op, in, out);
        last = out;
    }
    addIo(g->add_output(), last, 2);
    return m.SerializeAsString();
}
} // namespace

class TestOnnxTargetImport : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    Matrix m_raw;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(QFileInfo::exists(kNnp), "build the nnp target first");
    }

    void ourScaledExportImportsWithItsScaler()
    {
        const QString csv = writePlane(m_dir.filePath("plane.csv"), 300, m_raw);
        QVERIFY(!csv.isEmpty());
        const QString made = m_dir.filePath("new.nnp"), trained = m_dir.filePath("trained.nnp");
        const QString onnx = m_dir.filePath("trained.onnx"), imported = m_dir.filePath("imported.nnp");
        for (const QStringList &args :
             {QStringList{"new", "--csv", csv, "--target", "y", "--out", made},
              QStringList{"train", made, "--epochs", "5", "--out", trained, "-q"},
              QStringList{"export", trained, "-f", "onnx", "-o", onnx},
              QStringList{"import", onnx, "--out", imported, "--data", csv, "--target", "y"}}) {
            const auto r = runProcess(kNnp, args);
            QVERIFY2(r.exitCode == 0, qPrintable(args.join(' ') + ": " + r.err));
        }
        const Project original = loadProject(trained.toStdString());
        QVERIFY(outputScaler(original) != nullptr);

        // The importer alone: the scaler, exactly the stored mean and the σ to float precision.
        const ImportedModel model = importOnnx(onnx.toStdString());
        QVERIFY(model.targetScaler.has_value());
        QCOMPARE(model.targetScaler->offset(0), original.targetScaler->offset(0));
        QVERIFY(std::abs(model.targetScaler->scale(0) / original.targetScaler->scale(0) - 1) < 1e-6);

        // The project `nnp import` wrote: target scaling on, and the same predictions through the core.
        const Project p = loadProject(imported.toStdString());
        QVERIFY(p.preprocessing.scaleTarget);
        QVERIFY(p.targetScaler.has_value());
        QVERIFY(outputScaler(p) != nullptr);
        const Matrix expected = predictInTargetUnits(original, m_raw);
        const Matrix got = predictInTargetUnits(p, m_raw);
        QVERIFY(expected.maxCoeff() > 250); // the target's own units
        const double worst = worstRelative(expected, got);
        qInfo("imported vs original (core predict): max relative difference %g", worst);
        QVERIFY2(worst <= 1e-6, qPrintable(QString::number(worst)));

        // Exported again, it still ends in the scaling and onnxruntime gives the same outputs.
        Network net = Network::build(p.graph, p.training.seed);
        net.setLoss(p.training.loss);
        restoreWeights(p, net);
        const ExportModel again = describeProject(p, net, p.normalizer.value_or(Normalizer{}), "m");
        QVERIFY(again.scalesOutput());
        const QString reexported = m_dir.filePath("again.onnx");
        writeOnnx(again, reexported.toStdString());
        QString why;
        const QString modules = onnxRuntimeModules(why);
        if (modules.isEmpty()) QSKIP(qPrintable("onnxruntime unavailable: " + why));
        QString error;
        const Matrix theirs = runOnnxRuntime(reexported, again, m_raw, modules, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const Matrix first = runOnnxRuntime(onnx, again, m_raw, modules, error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const double vsOurs = worstRelative(expected, theirs), vsFirst = worstRelative(first, theirs);
        qInfo("re-exported in onnxruntime: vs nnp %g, vs the first export %g", vsOurs, vsFirst);
        QVERIFY2(vsOurs <= 1e-5, qPrintable(QString::number(vsOurs)));
        QVERIFY2(vsFirst <= 1e-6, qPrintable(QString::number(vsFirst)));
    }

    void exactPatternByHand()
    {
        // Without the naming Identity, two outputs: Mul by σ per output, then Add the means.
        const ImportedModel m =
            importOnnxBytes(modelWith({{"Mul", {2}, {4, 0.5f}}, {"Add", {2}, {100, -3}}}));
        QVERIFY(m.targetScaler.has_value());
        QCOMPARE(m.targetScaler->offset(0), Scalar(100));
        QCOMPARE(m.targetScaler->offset(1), Scalar(-3));
        QCOMPARE(m.targetScaler->scale(0), Scalar(0.25));
        QCOMPARE(m.targetScaler->scale(1), Scalar(2));
        QCOMPARE(m.graph.nodes.size(), std::size_t(2)); // Input and Dense: the scaling is no layer
        QVERIFY(m.normalizer.kind == NormalizationKind::None);
    }

    void otherMulAndAddAreRefusedAsBefore_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("message");
        const QString mul = "is only supported as input normalisation";
        const QString add = "adding a constant is only supported as the bias right after a MatMul";
        auto row = [](const char *name, const std::string &bytes, const QString &msg) {
            QTest::newRow(name) << QString::fromLatin1(QByteArray::fromStdString(bytes).toBase64()) << msg;
        };
        // Not the end of the graph: something reads past the Add.
        row("activation after", modelWith({{"Mul", {2}, {4, 2}}, {"Add", {2}, {1, 1}}, {"Relu", {}, {}}}),
            mul);
        // A classification output (sigmoid) before it.
        row("after a sigmoid", modelWith({{"Sigmoid", {}, {}}, {"Mul", {2}, {4, 2}}, {"Add", {2}, {1, 1}}}),
            mul);
        // One gain for two outputs is not per output.
        row("scalar gain", modelWith({{"Mul", {1}, {4}}, {"Add", {2}, {1, 1}}}), mul);
        // A σ of a z-score is positive.
        row("negative gain", modelWith({{"Mul", {2}, {-4, 2}}, {"Add", {2}, {1, 1}}}), mul);
        // Mul without the Add, and the Add first.
        row("mul alone", modelWith({{"Mul", {2}, {4, 2}}}), mul);
        row("add first", modelWith({{"Add", {2}, {1, 1}}, {"Mul", {2}, {4, 2}}}), add);
        // The file says it is a classifier.
        row("classification task", modelWith({{"Mul", {2}, {4, 2}}, {"Add", {2}, {1, 1}}}, "classification"),
            mul);
    }

    void otherMulAndAddAreRefusedAsBefore()
    {
        QFETCH(QString, model);
        QFETCH(QString, message);
        const QByteArray bytes = QByteArray::fromBase64(model.toLatin1());
        try {
            importOnnxBytes(std::string_view(bytes.constData(), std::size_t(bytes.size())));
            QFAIL("imported");
        } catch (const OnnxImportError &e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(message), e.what());
        }
    }

    void inputNormalisationIsReadAsBefore()
    {
        // A leading Sub/Mul on the input stays the input normalisation, with no target scaler.
        onnx::ModelProto m;
        m.set_ir_version(7);
        m.add_opset_import()->set_version(13);
        auto *g = m.mutable_graph();
        addIo(g->add_input(), "x", 2);
        *g->add_initializer() = floatTensor("off", {2}, {1, 2});
        *g->add_initializer() = floatTensor("sc", {2}, {0.5f, 0.25f});
        *g->add_initializer() = floatTensor("W", {2, 2}, {1, 2, 3, 4});
        addNode(g, "Sub", {"x", "off"}, "centred");
        addNode(g, "Mul", {"centred", "sc"}, "scaled");
        addNode(g, "MatMul", {"scaled", "W"}, "y");
        addIo(g->add_output(), "y", 2);
        const ImportedModel r = importOnnxBytes(m.SerializeAsString());
        QVERIFY(!r.targetScaler);
        QVERIFY(r.normalizer.kind == NormalizationKind::ZScore);
        QCOMPARE(r.normalizer.offset(1), Scalar(2));
        QCOMPARE(r.normalizer.scale(1), Scalar(0.25));
    }
};

QTEST_GUILESS_MAIN(TestOnnxTargetImport)
#include "tst_onnx_target_import.moc"
