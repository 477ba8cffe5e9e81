// File > Export and Import ONNX driven through the dialogs, like a user: every sample project is opened in
// the window, trained for one step by the training controller, exported to ONNX and to PyTorch by the export
// dialog (the path typed into its field, Export clicked), and the files are run elsewhere — ONNX in
// onnxruntime (node, from npm) and the script in python3 with torch — against our predictions on the sample's
// test split. Figures: every registered figure as a PNG of the requested size and a parseable SVG. ONNX
// import through the window: same predictions; a bad file keeps the current project. GCC 12 at -O3 reports a
// false -Wrestrict inside std::string's operator+ ("literal" + str), used by the export tests' helpers (GCC
// bug 105329, fixed in GCC 13; core/export/CMakeLists.txt says the same).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#pragma GCC diagnostic ignored "-Wrestrict"
#endif
#include "../export/export_test_util.h"
#include "settle.h"

#include "document/graph_document.h"
#include "export/export_dialog.h"
#include "export/export_menu.h"
#include "export/figure_export.h"
#include "export/onnx_export.h"
#include "figures/figure_registry.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "training/training_controller.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDirIterator>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <onnx/onnx_pb.h>

#include <memory>

using namespace nnp;
using namespace nnp::testutil;

namespace {
constexpr int kMaxSamples = 400;

QStringList sampleFiles()
{
    QStringList files;
    QDirIterator it(QStringLiteral(NNP_SOURCE_DIR) + "/samples", {"*.nnp"}, QDir::Files);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

/// What the window's document holds after training: the network with its weights, the normaliser, and raw
/// test inputs (the test split, normalisation undone).
struct Trained {
    std::optional<Network> net;
    Normalizer normalizer;
    Matrix raw;
};

Trained fromDocument(const Project &project, const QString &baseDir)
{
    Trained t;
    t.net.emplace(Network::build(project.graph, project.training.seed));
    t.net->setLoss(project.training.loss);
    restoreWeights(project, *t.net);
    t.normalizer = project.normalizer.value_or(Normalizer{});
    const PreparedData data = prepareData(project, baseDir.toStdString(), &t.normalizer);
    const Matrix &x = data.test.x.cols() > 0 ? data.test.x : data.train.x;
    t.raw = x.leftCols(std::min<Eigen::Index>(x.cols(), kMaxSamples));
    if (!t.normalizer.isIdentity())
        for (Eigen::Index r = 0; r < t.raw.rows(); ++r)
            t.raw.row(r) = t.raw.row(r).array() / t.normalizer.scale(r) + t.normalizer.offset(r);
    return t;
}
} // namespace

class TestExportGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("NNPlaygroundTests"));
        QApplication::setApplicationName(QStringLiteral("tst_export_gui"));
        QSettings().clear();
        QVERIFY(m_dir.isValid());
    }

    void menuHasEveryEntry()
    {
        MainWindow w;
        for (const char *name :
             {"actionExportOnnx", "actionExportPytorch", "actionExportKeras", "actionExportWeights",
              "actionExportData", "actionExportFigure", "actionImportOnnx"})
            QVERIFY2(w.action(QString::fromLatin1(name)), name);
        auto *menu = w.findChild<QMenu *>(QStringLiteral("exportMenu"));
        QVERIFY(menu);
        QVERIFY(w.fileMenu()->actions().contains(menu->menuAction()));
        QVERIFY(w.fileMenu()->actions().contains(w.action("actionImportOnnx")));
        for (const char *id : {"canvas", "output", "loss"})
            QVERIFY2(w.figures()->find(QString::fromLatin1(id)), id);
        // Each entry opens its dialog (window-modal, deleted on close).
        for (const char *name : {"actionExportOnnx", "actionExportPytorch", "actionExportKeras",
                                 "actionExportWeights", "actionExportData"}) {
            w.action(QString::fromLatin1(name))->trigger();
            auto *dlg = w.findChild<ExportDialog *>();
            QVERIFY2(dlg && dlg->isVisible(), name);
            QVERIFY(dlg->testAttribute(Qt::WA_DeleteOnClose));
            QPointer<ExportDialog> guard(dlg);
            dlg->close();
            QTRY_VERIFY(guard.isNull());
        }
        w.action("actionExportFigure")->trigger();
        auto *fig = w.findChild<FigureExportDialog *>();
        QVERIFY(fig && fig->isVisible());
        QVERIFY(fig->figureBox()->count() >= 3);
        fig->close();
    }

    void samples_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files = sampleFiles();
        if (files.isEmpty()) QSKIP("no sample projects in samples/");
        for (const QString &f : files)
            QTest::newRow(qPrintable(QFileInfo(f).baseName())) << f;
    }

    void samples()
    {
        QFETCH(QString, file);
        MainWindow w;
        QVERIFY(w.loadFile(file));
        trainOneStep(w);
        if (QTest::currentTestFailed()) return;
        const QString base = m_dir.filePath(QFileInfo(file).baseName());
        QDir().mkpath(base);
        exportThroughDialog(w, ExportFormat::Onnx, base + "/model.onnx");
        exportThroughDialog(w, ExportFormat::Pytorch, base + "/model.py");
        if (QTest::currentTestFailed()) return;
        QVERIFY(QFileInfo::exists(base + "/model_weights.json"));

        Trained t = fromDocument(w.document()->project(), QFileInfo(file).absolutePath());
        const ExportModel model = describeNetwork(*t.net, t.normalizer, "model");
        compareExportsWithOurs(ourPrediction(*t.net, t.normalizer, t.raw), t.raw, t.net->outputSize(), model,
                               base, QFileInfo(file).baseName());
    }

    void otherFormats()
    {
        MainWindow w;
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/iris.nnp"));
        trainOneStep(w);
        if (QTest::currentTestFailed()) return;
        const QString base = m_dir.filePath("formats");
        QDir().mkpath(base);
        exportThroughDialog(w, ExportFormat::Keras, base + "/iris_keras.py");
        QVERIFY(QFileInfo::exists(base + "/iris_keras_weights.json"));
        const auto compile = runProcess("/usr/bin/python3", {"-m", "py_compile", base + "/iris_keras.py"});
        QVERIFY2(compile.exitCode == 0, qPrintable(compile.err));
        {
            // The note names the weights file that goes beside the script, following the path.
            ExportDialog py(&w, ExportFormat::Pytorch);
            py.pathEdit()->setText(base + "/net.py");
            const auto *note = py.findChild<QLabel *>(QStringLiteral("noteLabel"));
            QVERIFY(note);
            QVERIFY2(note->text().contains(QLatin1String("net_weights.json")), qPrintable(note->text()));
        }
        exportThroughDialog(w, ExportFormat::Weights, base + "/weights.json");
        QFile json(base + "/weights.json");
        QVERIFY(json.open(QIODevice::ReadOnly));
        QCOMPARE(QJsonDocument::fromJson(json.readAll()).object()["format"].toString(),
                 QString("nnp-weights"));

        ExportDialog csv(&w, ExportFormat::Weights);
        csv.csvButton()->setChecked(true);
        csv.pathEdit()->setText(base + "/weights_csv");
        clickExport(csv, true);
        QVERIFY(QFileInfo::exists(base + "/weights_csv/tensors.csv"));

        ExportDialog data(&w, ExportFormat::Data);
        data.pathEdit()->setText(base + "/data.csv");
        clickExport(data, true);
        QFile d(base + "/data.csv");
        QVERIFY(d.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(d.readAll()).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 151); // a header and iris's 150 flowers
        QVERIFY(lines.first().endsWith(QLatin1String("split")));

        // The next export starts in the folder of the last one.
        ExportDialog next(&w, ExportFormat::Onnx);
        QCOMPARE(QFileInfo(next.pathEdit()->text()).absolutePath(),
                 QFileInfo(base + "/data.csv").absolutePath());
    }

    void untrainedIsRefused()
    {
        MainWindow w;
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/xor.nnp"));
        ExportDialog dlg(&w, ExportFormat::Onnx);
        dlg.pathEdit()->setText(m_dir.filePath("untrained.onnx"));
        QVERIFY(!dlg.exportButton()->isEnabled());
        QVERIFY2(dlg.messageLabel()->text().contains(QLatin1String("not trained")),
                 qPrintable(dlg.messageLabel()->text()));
        const ExportOutcome out = runExport(w.document()->project(), {}, dlg.request());
        QVERIFY(!out.ok);
        QVERIFY(!QFileInfo::exists(m_dir.filePath("untrained.onnx")));
        // The data of an untrained project exports all the same.
        ExportDialog data(&w, ExportFormat::Data);
        QVERIFY(data.exportButton()->isEnabled());
    }

    void mismatchedWeightsAreRefused()
    {
        // Stored weights that do not fit the network (here the normaliser): refused with the core's reason.
        MainWindow w;
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/iris.nnp"));
        trainOneStep(w);
        if (QTest::currentTestFailed()) return;
        Project p = w.document()->project();
        Normalizer wrong;
        wrong.kind = NormalizationKind::ZScore;
        wrong.offset = Vector::Zero(2);
        wrong.scale = Vector::Ones(2);
        w.document()->setTrainedState(p.weights, wrong, p.history);
        ExportDialog dlg(&w, ExportFormat::Pytorch);
        dlg.pathEdit()->setText(m_dir.filePath("refused.py"));
        QVERIFY(!dlg.exportButton()->isEnabled());
        QVERIFY2(dlg.messageLabel()->text().contains(QLatin1String("normaliser has 2 features")),
                 qPrintable(dlg.messageLabel()->text()));
        QVERIFY(!runExport(w.document()->project(), {}, dlg.request()).ok);
        QVERIFY(!QFileInfo::exists(m_dir.filePath("refused.py")));
        // Back to the trained state: the button comes back.
        w.document()->setTrainedState(p.weights, p.normalizer, p.history);
        ExportDialog again(&w, ExportFormat::Pytorch);
        QVERIFY(again.exportButton()->isEnabled());
    }

    void unwritablePathSaysSo()
    {
        MainWindow w;
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/xor.nnp"));
        trainOneStep(w);
        if (QTest::currentTestFailed()) return;
        ExportDialog dlg(&w, ExportFormat::Onnx);
        const QString bad = m_dir.filePath("no/such/folder/model.onnx");
        dlg.pathEdit()->setText(bad);
        clickExport(dlg, false);
        QVERIFY2(dlg.messageLabel()->text().contains(QLatin1String("model.onnx")),
                 qPrintable(dlg.messageLabel()->text()));
    }

    void exportWhileRunningPauses()
    {
        MainWindow w;
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/spiral.nnp"));
        TrainingController *c = w.training()->controller();
        QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready, 60000);
        c->play();
        QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot() && c->lastSnapshot()->step > 0, 60000);
        ExportDialog dlg(&w, ExportFormat::Onnx);
        dlg.pathEdit()->setText(m_dir.filePath("running.onnx"));
        QVERIFY(dlg.exportButton()->isEnabled());
        clickExport(dlg, true);
        QVERIFY(!c->isRunning());
        QVERIFY(QFileInfo::exists(m_dir.filePath("running.onnx")));
        // What was written is the paused run's weights (what the document now holds).
        QVERIFY(c->lastWeights());
        QCOMPARE(w.document()->project().weights.size(), c->lastWeights()->tensors.size());
        QVERIFY(w.document()->project().weights.front().values == c->lastWeights()->tensors.front().values);
    }

    void figures()
    {
        MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.setWindowState(Qt::WindowNoState);
        w.resize(1600, 1000);
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/spiral3.nnp"));
        trainOneStep(w);
        if (QTest::currentTestFailed()) return;
        QTRY_VERIFY(w.figures()->sources().size() >= 3);
        for (const FigureSource &s : w.figures()->sources()) {
            FigureExportDialog dlg(w.figures(), m_dir.path(), &w);
            QVERIFY(dlg.selectFigure(s.id));
            // Aspect lock: the height follows the width in the natural proportions.
            const double ratio = double(dlg.widthBox()->value()) / dlg.heightBox()->value();
            dlg.formatBox()->setCurrentIndex(0); // PNG
            dlg.widthBox()->setValue(640);
            const int h = dlg.heightBox()->value();
            QVERIFY2(std::abs(h - 640 / ratio) <= 1.0, qPrintable(s.id));
            const QString png = m_dir.filePath("figure_" + s.id + ".png");
            dlg.pathEdit()->setText(png);
            QVERIFY2(dlg.exportNow(), qPrintable(dlg.messageLabel()->text()));
            QImageReader reader(png);
            QCOMPARE(QByteArray(reader.format()), QByteArray("png"));
            const QImage image = reader.read();
            QCOMPARE(image.size(), QSize(640, h));
            // Something is drawn: not a blank page.
            QSet<QRgb> colours;
            for (int y = 0; y < image.height(); y += 7)
                for (int x = 0; x < image.width(); x += 7)
                    colours.insert(image.pixel(x, y));
            QVERIFY2(colours.size() > 3, qPrintable(s.id));

            // Unlocked: any size.
            dlg.aspectBox()->setChecked(false);
            dlg.widthBox()->setValue(500);
            dlg.heightBox()->setValue(300);
            dlg.formatBox()->setCurrentIndex(1); // SVG: the suffix follows
            QVERIFY(dlg.pathEdit()->text().endsWith(QLatin1String(".svg")));
            QVERIFY2(dlg.exportNow(), qPrintable(dlg.messageLabel()->text()));
            QFile svgFile(dlg.pathEdit()->text());
            QVERIFY(svgFile.open(QIODevice::ReadOnly));
            const QByteArray svg = svgFile.readAll();
            QXmlStreamReader xml(svg);
            bool sawSvg = false;
            int elements = 0;
            while (!xml.atEnd()) {
                if (xml.readNext() == QXmlStreamReader::StartElement) {
                    ++elements;
                    if (xml.name() == QLatin1String("svg")) {
                        sawSvg = true;
                        QCOMPARE(xml.attributes().value("viewBox").toString(), QString("0 0 500 300"));
                    }
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            QVERIFY(sawSvg);
            QVERIFY2(elements > 5, qPrintable(s.id));
            QVERIFY(QSvgRenderer(svg).isValid());
        }
    }

    void importRoundTrip()
    {
        MainWindow w;
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/iris.nnp"));
        trainOneStep(w);
        if (QTest::currentTestFailed()) return;
        const QString onnx = m_dir.filePath("iris_roundtrip.onnx");
        exportThroughDialog(w, ExportFormat::Onnx, onnx);
        Trained t = fromDocument(w.document()->project(), QStringLiteral(NNP_SOURCE_DIR) + "/samples");
        const Matrix ours = ourPrediction(*t.net, t.normalizer, t.raw);

        QVERIFY(importOnnxProject(&w, onnx));
        const Project &imported = w.document()->project();
        QCOMPARE(QString::fromStdString(imported.name), QString("iris_roundtrip"));
        QVERIFY(w.document()->filePath().isEmpty());
        QVERIFY(w.document()->isModified()); // unsaved: closing asks
        QVERIFY(trainedStateProblem(imported).isEmpty());
        // The loss follows the output (it was binary cross-entropy, the empty project's, whatever the model).
        QVERIFY(imported.training.loss.kind == LossKind::SparseCategoricalCrossEntropy);
        Network net = Network::build(imported.graph, 1);
        restoreWeights(imported, net);
        const Matrix theirs = ourPrediction(net, imported.normalizer.value_or(Normalizer{}), t.raw);
        const double diff = maxAbsDiff(ours, theirs);
        qInfo("import round trip: max abs diff %g", diff);
        QVERIFY2(diff <= 1e-5, qPrintable(QString::number(diff)));
        // The imported project exports again.
        exportThroughDialog(w, ExportFormat::Onnx, m_dir.filePath("iris_again.onnx"));
    }

    void badOnnxKeepsProject()
    {
        MainWindow w;
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/xor.nnp"));
        const QString before = QString::fromStdString(projectToText(w.document()->project()));
        const QString path = w.document()->filePath();
        const QString bad = m_dir.filePath("garbage.onnx");
        QFile f(bad);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("this is not an ONNX model at all");
        f.close();
        QVERIFY(!importOnnxProject(&w, bad));
        QVERIFY2(w.lastError().contains(QLatin1String("garbage.onnx")), qPrintable(w.lastError()));
        QVERIFY(w.lastError().contains(QLatin1String("unchanged")));
        QCOMPARE(QString::fromStdString(projectToText(w.document()->project())), before);
        QCOMPARE(w.document()->filePath(), path);

        // A valid model with an operator outside the subset: refused by name.
        onnx::ModelProto model;
        model.set_ir_version(7);
        model.add_opset_import()->set_version(13);
        auto *g = model.mutable_graph();
        g->set_name("g");
        auto *in = g->add_input();
        in->set_name("x");
        auto *tt = in->mutable_type()->mutable_tensor_type();
        tt->set_elem_type(onnx::TensorProto::FLOAT);
        tt->mutable_shape()->add_dim()->set_dim_param("N");
        tt->mutable_shape()->add_dim()->set_dim_value(2);
        auto *node = g->add_node();
        node->set_op_type("Cos");
        node->set_name("wave");
        node->add_input("x");
        node->add_output("y");
        auto *out = g->add_output();
        out->set_name("y");
        out->mutable_type()->CopyFrom(in->type());
        const QString cos = m_dir.filePath("cos.onnx");
        QFile c(cos);
        QVERIFY(c.open(QIODevice::WriteOnly));
        const std::string bytes = model.SerializeAsString();
        c.write(bytes.data(), static_cast<qint64>(bytes.size()));
        c.close();
        QVERIFY(!importOnnxProject(&w, cos));
        QVERIFY2(w.lastError().contains(QLatin1String("Cos")), qPrintable(w.lastError()));
        QCOMPARE(QString::fromStdString(projectToText(w.document()->project())), before);
    }

    /// NNP_EXPORT_SCREENSHOTS=dir: the dialogs as a user sees them, for a look.
    void screenshots()
    {
        const QString dir = qEnvironmentVariable("NNP_EXPORT_SCREENSHOTS");
        if (dir.isEmpty()) QSKIP("set NNP_EXPORT_SCREENSHOTS to a folder to write the dialogs as PNG");
        MainWindow w;
        w.show();
        w.setWindowState(Qt::WindowNoState);
        w.resize(1600, 1000);
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(w.loadFile(QStringLiteral(NNP_SOURCE_DIR) + "/samples/spiral3.nnp"));
        ExportDialog untrained(&w, ExportFormat::Onnx);
        untrained.show();
        testutil::settle();
        untrained.grab().save(dir + "/dialog_untrained.png");
        trainOneStep(w);
        TrainingController *c = w.training()->controller();
        c->stepEpoch();
        QTRY_VERIFY_WITH_TIMEOUT(!c->history().empty() && c->status() == TrainingStatus::Paused, 30000);
        for (ExportFormat f :
             {ExportFormat::Onnx, ExportFormat::Pytorch, ExportFormat::Weights, ExportFormat::Data}) {
            ExportDialog dlg(&w, f);
            dlg.pathEdit()->setText(m_dir.filePath("shot_" + formatId(f)));
            if (f == ExportFormat::Onnx) clickExport(dlg, true);
            dlg.show();
            testutil::settle();
            dlg.grab().save(dir + "/dialog_" + formatId(f) + ".png");
        }
        FigureExportDialog fig(w.figures(), m_dir.path(), &w);
        fig.selectFigure("output");
        fig.show();
        testutil::settle();
        fig.grab().save(dir + "/dialog_figure.png");
        for (const FigureSource &s : w.figures()->sources()) {
            QVERIFY(writeFigure(s, dir + "/figure_" + s.id + ".png", s.naturalSize() * 2, FigureFormat::Png));
            QVERIFY(writeFigure(s, dir + "/figure_" + s.id + ".svg", s.naturalSize(), FigureFormat::Svg));
            // The SVG as a viewer draws it (Qt's renderer), to compare with the PNG.
            QSvgRenderer svg(dir + "/figure_" + s.id + ".svg");
            QVERIFY(svg.isValid());
            QImage drawn(s.naturalSize(), QImage::Format_ARGB32);
            drawn.fill(Qt::transparent);
            QPainter p(&drawn);
            svg.render(&p);
            p.end();
            drawn.save(dir + "/figure_" + s.id + "_svg.png");
        }
        w.grab().save(dir + "/window.png");
        QMenu *file = w.fileMenu();
        file->popup(QPoint(0, 0));
        testutil::settle();
        file->grab().save(dir + "/menu_file.png");
        auto *exportMenu = w.findChild<QMenu *>(QStringLiteral("exportMenu"));
        exportMenu->popup(QPoint(0, 0));
        testutil::settle();
        exportMenu->grab().save(dir + "/menu_export.png");
        exportMenu->close();
        file->close();
    }

private:
    void trainOneStep(MainWindow &w)
    {
        TrainingController *c = w.training()->controller();
        // Opening a project rebuilds the run shortly after; step only that run.
        QTRY_VERIFY2_WITH_TIMEOUT(c->status() == TrainingStatus::Ready ||
                                      c->status() == TrainingStatus::Failed,
                                  qPrintable(c->message()), 120000);
        QVERIFY2(c->status() == TrainingStatus::Ready, qPrintable(c->message()));
        c->step();
        QTRY_VERIFY2_WITH_TIMEOUT(!w.document()->project().weights.empty(), qPrintable(c->message()), 120000);
    }

    void clickExport(ExportDialog &dlg, bool expectOk)
    {
        QSignalSpy spy(&dlg, &ExportDialog::exportFinished);
        QVERIFY2(dlg.exportButton()->isEnabled(), qPrintable(dlg.messageLabel()->text()));
        QTest::mouseClick(dlg.exportButton(), Qt::LeftButton);
        QVERIFY(spy.wait(120000));
        QVERIFY2(spy.first().at(0).toBool() == expectOk, qPrintable(spy.first().at(1).toString()));
    }

    void exportThroughDialog(MainWindow &w, ExportFormat format, const QString &path)
    {
        ExportDialog dlg(&w, format);
        dlg.pathEdit()->setText(path);
        clickExport(dlg, true);
        QVERIFY2(QFileInfo::exists(path), qPrintable(dlg.messageLabel()->text()));
    }

    QTemporaryDir m_dir;
};

QTEST_MAIN(TestExportGui)
#include "tst_export_gui.moc"
