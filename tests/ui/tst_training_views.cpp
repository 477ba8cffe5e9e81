// The widgets around a run: the loss plot, the output view's colours and toggles, the training toolbar
// driving a real controller, and the data panel editing the document.
#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "io/project.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "panels/data_panel.h"
#include "panels/data_panel_preview.h"
#include "panels/training_toolbar.h"
#include "plots/loss_plot.h"
#include "style/palette.h"
#include "training/training_controller.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileInfo>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <qcustomplot.h>

using namespace nnp;

namespace {
TrainingSnapshot epochsSnapshot(int from, int to, bool withValidation)
{
    TrainingSnapshot s;
    for (int e = from; e <= to; ++e) {
        EpochRecord r;
        r.epoch = e;
        r.trainLoss = 1.0 / e;
        r.trainMetric = 1.0 - 0.5 / e;
        if (withValidation) r.valLoss = 1.2 / e;
        s.epochs.push_back(r);
        s.lossPoints.push_back({e - 0.5, 1.1 / e});
        s.lossPoints.push_back({double(e), 0.9 / e});
    }
    return s;
}

BoundaryGrid uniformGrid(int classes, std::vector<float> cell)
{
    BoundaryGrid g;
    g.size = 4;
    g.classes = classes;
    for (int i = 0; i < 16; ++i)
        g.values.insert(g.values.end(), cell.begin(), cell.end());
    return g;
}

Project xorProject()
{
    Project p;
    p.data.generator = {GeneratorKind::Xor, 200, 0.0, 3};
    p.preprocessing.normalization = NormalizationKind::ZScore;
    p.graph = makeMlp(2, {8}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    p.training.loss.kind = LossKind::BinaryCrossEntropy;
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.optimizer.learningRate = 0.02;
    p.training.epochs = 1000000;
    return p;
}
} // namespace

class TestTrainingViews : public QObject {
    Q_OBJECT
private slots:
    void lossPlotCurvesAndReadout();
    void lossPlotExports();
    void lossPlotShowsTheTargetsUnits();
    void boundaryColours();
    void outputViewToggles();
    void outputViewSaysWhyThereIsNothing();
    void toolbarDrivesController();
    void toolbarEditsGoThroughDocument();
    void dataPanelEditsAreUndoable();
    void dataPanelShowsProblems();
    void dataPanelShowsTextColumns();
};

void TestTrainingViews::lossPlotCurvesAndReadout()
{
    LossPlot plot;
    plot.resize(600, 400);
    plot.addSnapshot(epochsSnapshot(1, 4, true));
    plot.addSnapshot(epochsSnapshot(5, 6, true));
    QCOMPARE(plot.epochCount(), 6);
    QCOMPARE(plot.batchPointCount(), 12);
    QCOMPARE(plot.plot()->graph(1)->dataCount(), 6); // training loss
    QCOMPARE(plot.plot()->graph(2)->dataCount(), 6); // validation loss
    const QString r = plot.readoutAt(3.2);
    QVERIFY2(r.contains(QStringLiteral("Epoch 3")), qPrintable(r));
    QVERIFY(r.contains(QStringLiteral("0.3333"))); // 1/3
    QVERIFY(r.contains(QStringLiteral("0.4")));    // validation 1.2/3
    QVERIFY(r.contains(QStringLiteral("83.3 %"))); // accuracy 1 - 0.5/3
    QVERIFY(plot.readoutAt(100).contains(QStringLiteral("Epoch 6")));

    QVERIFY(!plot.logScale());
    plot.setLogScale(true);
    QVERIFY(plot.logScale());
    QVERIFY(plot.plot()->yAxis->range().lower > 0);
    plot.setLogScale(false);
    QCOMPARE(plot.plot()->yAxis->range().lower, 0.0);

    plot.setClassification(false);
    QVERIFY(plot.readoutAt(1).contains(QStringLiteral("MAE")));
    plot.clear();
    QCOMPARE(plot.epochCount(), 0);
    QCOMPARE(plot.batchPointCount(), 0);
    QVERIFY(plot.readoutAt(1).isEmpty());
}

void TestTrainingViews::lossPlotShowsTheTargetsUnits()
{
    // A scaled regression target (σ 8): the run's losses arrive scaled, the plot shows them in the target's
    // units (MSE ×σ², MAE ×σ); a Huber loss stays scaled and its axis says so.
    Normalizer scaler;
    scaler.kind = NormalizationKind::ZScore;
    scaler.offset = Vector::Constant(1, Scalar(200));
    scaler.scale = Vector::Constant(1, Scalar(0.125));
    LossPlot plot;
    plot.resize(600, 400);
    plot.setClassification(false);
    TrainingSnapshot s = epochsSnapshot(1, 2, false);
    s.lossUnits = lossUnits(LossKind::MSE, &scaler);
    plot.addSnapshot(s);
    const auto value = [&](int graph, int k) {
        return (plot.plot()->graph(graph)->data()->constBegin() + k)->value;
    };
    QCOMPARE(value(1, 0), 64.0);                 // training loss 1.0 × σ²
    QCOMPARE(value(0, 0), 70.4);                 // the first batch's 1.1 × σ²
    QVERIFY(std::abs(value(4, 0) - 4.0) < 1e-9); // training MAE 0.5 × σ
    QCOMPARE(plot.lossAxisLabel(), QStringLiteral("Loss"));
    QVERIFY2(plot.readoutAt(1).contains(QStringLiteral("Training loss: 64")), qPrintable(plot.readoutAt(1)));
    QVERIFY(plot.readoutAt(1).contains(QStringLiteral("target's own units")));

    plot.clear();
    s.lossUnits = lossUnits(LossKind::Huber, &scaler);
    plot.addSnapshot(s);
    QCOMPARE(value(1, 0), 1.0); // Huber: as computed on the scaled target
    QVERIFY(std::abs(value(4, 0) - 4.0) < 1e-9);
    QCOMPARE(plot.lossAxisLabel(), QStringLiteral("Loss (scaled target)"));
    plot.clear();
    QCOMPARE(plot.lossAxisLabel(), QStringLiteral("Loss"));
}

void TestTrainingViews::lossPlotExports()
{
    LossPlot plot;
    plot.resize(640, 420);
    plot.show();
    plot.addSnapshot(epochsSnapshot(1, 20, true));
    QTemporaryDir dir;
    for (const char *suffix : {"png", "svg", "pdf"}) {
        const QString path = dir.filePath(QStringLiteral("curves.") + QLatin1String(suffix));
        QString error;
        QVERIFY2(plot.exportTo(path, &error), qPrintable(error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray head = f.read(64);
        if (QLatin1String(suffix) == QLatin1String("png"))
            QVERIFY(head.startsWith("\x89PNG"));
        else if (QLatin1String(suffix) == QLatin1String("pdf"))
            QVERIFY(head.startsWith("%PDF"));
        else
            QVERIFY(head.contains("<?xml") || head.contains("<svg"));
    }
    QString error;
    QVERIFY(!plot.exportTo(dir.filePath(QStringLiteral("curves.bmpx")), &error));
    QVERIFY(error.contains(QStringLiteral(".png")));
}

void TestTrainingViews::boundaryColours()
{
    // Binary: certain class 0 is orange, certain class 1 blue, undecided nearly white.
    const QColor orange = QColor(renderBoundary(uniformGrid(2, {1.0f, 0.0f}), false).pixel(0, 0));
    const QColor blue = QColor(renderBoundary(uniformGrid(2, {0.0f, 1.0f}), false).pixel(0, 0));
    const QColor unsure = QColor(renderBoundary(uniformGrid(2, {0.5f, 0.5f}), false).pixel(0, 0));
    QVERIFY(orange.red() > orange.blue() + 60);
    QVERIFY(blue.blue() > blue.red() + 60);
    QVERIFY(unsure.lightness() > 240);
    // Discretised, a 0.6 cell takes the full class colour.
    const QColor leaning = QColor(renderBoundary(uniformGrid(2, {0.4f, 0.6f}), false).pixel(0, 0));
    const QColor decided = QColor(renderBoundary(uniformGrid(2, {0.4f, 0.6f}), true).pixel(0, 0));
    QVERIFY(decided.saturation() > leaning.saturation());
    // Three classes: the winning class's colour, washed out where unsure.
    const QColor green = QColor(renderBoundary(uniformGrid(3, {0.0f, 0.0f, 1.0f}), true).pixel(0, 0));
    QVERIFY(green.green() > green.red() && green.green() > green.blue());
    const QColor third = QColor(renderBoundary(uniformGrid(3, {0.34f, 0.33f, 0.33f}), false).pixel(0, 0));
    QVERIFY(third.lightness() > 240);
    // Regression values use the diverging scale.
    const QColor low = QColor(renderBoundary(uniformGrid(0, {-1.0f}), false).pixel(0, 0));
    const QColor high = QColor(renderBoundary(uniformGrid(0, {1.0f}), false).pixel(0, 0));
    QVERIFY(low.red() > low.blue() && high.blue() > high.red());
    // Class colours are distinct.
    for (int a = 0; a < 8; ++a)
        for (int b = a + 1; b < 8; ++b)
            QVERIFY(classColor(a) != classColor(b));
}

void TestTrainingViews::outputViewToggles()
{
    OutputView view;
    view.resize(500, 560);
    view.show();
    auto plane = std::make_shared<PlanePoints>();
    plane->classes = 3;
    plane->train = Matrix::Random(2, 30) * 6;
    plane->test = Matrix::Random(2, 10) * 6;
    plane->trainLabels.assign(30, 1);
    plane->testLabels.assign(10, 2);
    plane->classNames = {QStringLiteral("setosa"), QStringLiteral("versicolor"), QStringLiteral("virginica")};
    auto grid = std::make_shared<BoundaryGrid>(uniformGrid(3, {0.1f, 0.8f, 0.1f}));
    grid->smooth = renderBoundary(*grid, false);
    grid->discrete = renderBoundary(*grid, true);
    TrainingSnapshot s;
    s.plane = plane;
    s.boundary = grid;
    view.showSnapshot(s);
    QCOMPARE(view.canvas()->plane(), plane.get());
    QCOMPARE(view.canvas()->boundary(), grid.get());
    QVERIFY(view.legendText().contains(QStringLiteral("virginica")));

    QVERIFY(view.canvas()->showsTest());
    QTest::mouseClick(view.showTestBox(), Qt::LeftButton);
    QVERIFY(!view.canvas()->showsTest());
    QTest::mouseClick(view.discreteBox(), Qt::LeftButton);
    QVERIFY(view.canvas()->discrete());
    // The discretised background is painted: the plot centre has the class-1 colour, washed out.
    const QImage shot = view.canvas()->grab().toImage();
    const QColor centre = shot.pixelColor(shot.width() / 2 + 10, shot.height() / 3);
    QVERIFY2(centre.blue() > centre.red(), qPrintable(centre.name()));
    view.clear();
    QVERIFY(!view.canvas()->boundary());
}

/// A controller fed by a document as the window feeds it: the document pushes every change.
void pushChanges(GraphDocument &doc, TrainingController &c)
{
    QObject::connect(&doc, &GraphDocument::documentReset, &c, [&] { c.openProject(doc.project()); });
    for (auto edited : {&GraphDocument::graphChanged, &GraphDocument::dataSourceChanged,
                        &GraphDocument::hyperparametersChanged})
        QObject::connect(&doc, edited, &c, [&] { c.setProject(doc.project()); });
}

void TestTrainingViews::outputViewSaysWhyThereIsNothing()
{
    // A run that could not start does not invite the user to press Play: it points at the message.
    TrainingController c;
    OutputView view;
    view.attach(&c);
    Project p = xorProject();
    p.graph = makeMlp(3, {4}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid); // the data has 2 features
    c.openProject(p);
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Failed, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(view.canvas()->placeholder().contains(QStringLiteral("could not start")), 20000);
    QVERIFY(!view.canvas()->placeholder().contains(QStringLiteral("Press Play")));
}

void TestTrainingViews::toolbarDrivesController()
{
    GraphDocument doc;
    TrainingController c;
    pushChanges(doc, c);
    doc.reset(xorProject());
    TrainingToolbar bar(&c, &doc);
    bar.show();
    QCOMPARE(bar.playAction()->text(), QStringLiteral("Play"));
    bar.playAction()->trigger();
    QCOMPARE(c.status(), TrainingStatus::Running);
    QCOMPARE(bar.playAction()->text(), QStringLiteral("Pause"));
    QTRY_VERIFY_WITH_TIMEOUT(!c.history().empty() && bar.epochText() != QStringLiteral("Epoch 0"), 60000);
    bar.playAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(c.lastSnapshot()->status, TrainingStatus::Paused, 10000);
    QCOMPARE(bar.playAction()->text(), QStringLiteral("Play"));
    QVERIFY(bar.samplesText().contains(QLocale().toString(c.lastSnapshot()->samplesSeen)));

    bar.learningRateBox()->setValue(0.005);
    QCOMPARE(doc.training().optimizer.learningRate, 0.005);
    QCOMPARE(c.runConfig().optimizer.learningRate, 0.005);
    QTRY_COMPARE_WITH_TIMEOUT(c.lastSnapshot()->learningRate, 0.005, 10000);
    bar.batchSizeBox()->setValue(32);
    QTRY_COMPARE_WITH_TIMEOUT(c.lastSnapshot()->batchSize, 32, 10000);
    bar.regularizationBox()->setCurrentIndex(bar.regularizationBox()->findText(QStringLiteral("L2")));
    QVERIFY(bar.regularizationRateBox()->isEnabled());
    QCOMPARE(c.runGraph().nodes[1].options.get(opt::dense::l2), bar.regularizationRateBox()->value());
    QVERIFY(!c.isStale()); // rates are live

    const long long steps = c.lastSnapshot()->step;
    bar.stepAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(c.lastSnapshot()->step, steps + 1, 10000);
    bar.resetAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(c.status(), TrainingStatus::Ready, 10000);
    QCOMPARE(bar.epochText(), QStringLiteral("Epoch 0"));

    bar.stepAction()->trigger(); // something trained: an edit of the network makes the run stale
    QTRY_COMPARE_WITH_TIMEOUT(c.lastSnapshot()->step, 1, 10000);
    NodeSpec hidden = doc.graph().nodes[1];
    hidden.options.set(opt::dense::units, 5);
    doc.undoStack()->push(
        new ChangeNodeOptionsCommand(&doc, hidden.id, hidden.name, hidden.options, "units"));
    QVERIFY(c.isStale());
    QVERIFY(bar.statusText().contains(QStringLiteral("press Reset")));
}

void TestTrainingViews::toolbarEditsGoThroughDocument()
{
    GraphDocument doc;
    TrainingController c;
    pushChanges(doc, c);
    doc.reset(xorProject());
    TrainingToolbar bar(&c, &doc);
    QCOMPARE(bar.learningRateBox()->value(), 0.02);
    bar.learningRateBox()->setValue(0.07);
    QCOMPARE(doc.training().optimizer.learningRate, 0.07);
    QCOMPARE(c.runConfig().optimizer.learningRate, 0.07);
    doc.undoStack()->undo();
    QCOMPARE(doc.training().optimizer.learningRate, 0.02);
    QCOMPARE(bar.learningRateBox()->value(), 0.02);
    QCOMPARE(c.runConfig().optimizer.learningRate, 0.02);
}

void TestTrainingViews::dataPanelEditsAreUndoable()
{
    GraphDocument doc;
    doc.reset(xorProject());
    DataPanel panel(&doc);
    panel.show();
    panel.refreshPreviewNow();
    QCOMPARE(panel.preview()->kind(), DataPanelPreview::Kind::Scatter);
    QVERIFY(panel.preview()->summary().contains(QStringLiteral("200")));
    QVERIFY(panel.generatorButton(GeneratorKind::Xor)->isChecked());

    QTest::mouseClick(panel.generatorButton(GeneratorKind::Spiral), Qt::LeftButton);
    QVERIFY(doc.dataSource().generator.kind == GeneratorKind::Spiral);
    panel.noiseSlider()->setValue(25);
    QCOMPARE(doc.dataSource().generator.noise, 0.25);
    panel.trainRatioSlider()->setValue(70);
    QVERIFY(std::abs(doc.preprocessing().split.test - 0.3) < 1e-9);

    // Adding x1² makes three inputs: the Input layer follows in the same undo step.
    const int undoBefore = doc.undoStack()->count();
    panel.featureBox(2)->setChecked(true);
    QVERIFY(doc.dataSource().features.x1Squared);
    QCOMPARE(doc.graph().nodes.front().options.get(opt::input::shape), std::vector<int>{3});
    QCOMPARE(doc.undoStack()->count(), undoBefore + 1);
    doc.undoStack()->undo();
    QVERIFY(!doc.dataSource().features.x1Squared);
    QCOMPARE(doc.graph().nodes.front().options.get(opt::input::shape), std::vector<int>{2});
    QVERIFY(!panel.featureBox(2)->isChecked()); // the panel follows the document

    while (doc.undoStack()->canUndo())
        doc.undoStack()->undo();
    QVERIFY(doc.dataSource().generator.kind == GeneratorKind::Xor);
    QCOMPARE(doc.dataSource().generator.noise, 0.0);
    QVERIFY(panel.generatorButton(GeneratorKind::Xor)->isChecked());
    QCOMPARE(panel.noiseSlider()->value(), 0);
}

void TestTrainingViews::dataPanelShowsProblems()
{
    GraphDocument doc;
    doc.reset(xorProject());
    DataPanel panel(&doc);
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("nowhere.csv"));
    panel.chooseCsv(missing);
    QCOMPARE(doc.dataSource().kind, DataSourceKind::Csv);
    QCOMPARE(panel.sourceBox()->currentData().toInt(), int(DataSourceKind::Csv));
    panel.refreshPreviewNow();
    QCOMPARE(panel.preview()->kind(), DataPanelPreview::Kind::Message);
    QVERIFY2(panel.preview()->messageText().contains(QStringLiteral("nowhere.csv")),
             qPrintable(panel.preview()->messageText()));
    doc.undoStack()->undo();
    QCOMPARE(doc.dataSource().kind, DataSourceKind::Generator);
}

// A text column (issue 11): the preview states the vocabulary from the training split, T and a histogram of
// sentence lengths (one bar per length 0 … T).
void TestTrainingViews::dataPanelShowsTextColumns()
{
    const QString file = QStringLiteral(NNP_SOURCE_DIR) + "/samples/essay_lstm.nnp";
    GraphDocument doc;
    doc.reset(loadProject(file.toStdString()), file);
    DataPanel panel(&doc);
    panel.show();
    panel.refreshPreviewNow();
    QCOMPARE(panel.preview()->kind(), DataPanelPreview::Kind::Table);
    const Project &p = doc.project();
    const PreparedData data = prepareData(p, QFileInfo(file).absolutePath().toStdString());
    const auto words = static_cast<int>(data.csvSchema->features.at(0).categories.size());
    const QString summary = panel.preview()->summary();
    QVERIFY2(summary.contains(
                 QStringLiteral("Text \"review\": %1 known words (ids 2 … %2").arg(words).arg(words + 1)),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("T = 12 words")), qPrintable(summary));
    const QString histogram = summary.section(QStringLiteral("0–12: "), 1);
    QCOMPARE(histogram.size(), 13);
    QVERIFY(histogram.contains(QStringLiteral("█")));
}

QTEST_MAIN(TestTrainingViews)
#include "tst_training_views.moc"
