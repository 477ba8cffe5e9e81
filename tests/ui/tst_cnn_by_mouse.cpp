// The course's MNIST CNN built as a student builds it (issue 10, "Done when"), from an empty canvas with the
// mouse and the keyboard only: ten layers dropped from the palette, wired port to port, every option typed or
// chosen in the inspector, the four IDX files chosen through the data panel's file dialogs, the run's
// settings (categorical cross-entropy, Adadelta lr 1.0 ρ 0.95 ε 1e-7, batch 128, 12 epochs) in the inspector.
// The network and settings must equal samples/mnist_cnn.nnp's, and a few steps of Play must lower the loss.
#include "main_window_driver.h"

#include "io/project.h"
#include "layers/conv2d.h"
#include "layers/pooling.h"

#include <QElapsedTimer>
#include <QFileDialog>
#include <QFormLayout>
#include <QLabel>

#include <numeric>
#include <set>

using namespace nnp;

class TestCnnByMouse : public QObject, testutil::MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_cnn_by_mouse"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }
    void seedCnn();

private:
    void typeInto(QWidget *editor, const QString &text);
    /// The field of the inspector's run settings whose row is labelled `label`.
    QWidget *runSetting(const QString &label) const;
    /// Clicks the data panel's `which`-th IDX "Choose…" button and picks `file` in the file dialog.
    void chooseIdxFile(int which, const QString &file);
};

void TestCnnByMouse::typeInto(QWidget *editor, const QString &text)
{
    QVERIFY(editor && editor->isVisible());
    editor->setFocus();
    QTest::keySequence(editor, QKeySequence::SelectAll);
    QTest::keyClicks(editor, text);
    QTest::keyClick(editor, Qt::Key_Return);
}

QWidget *TestCnnByMouse::runSetting(const QString &label) const
{
    InspectorHyperparametersForm *hp = m_window->inspector()->hyperparametersForm();
    for (QLabel *l : hp->findChildren<QLabel *>())
        if (l->text() == label && l->buddy() && l->buddy()->isVisible()) return l->buddy();
    return nullptr;
}

void TestCnnByMouse::chooseIdxFile(int which, const QString &file)
{
    // The IDX page's four buttons (images, labels, test images, test labels), in that order.
    DataPanel *data = m_window->training()->dataPanel();
    std::map<QWidget *, std::vector<QPushButton *>> byPage;
    for (QPushButton *b : data->findChildren<QPushButton *>())
        if (b->text() == DataPanel::tr("Choose…")) byPage[b->parentWidget()].push_back(b);
    QPushButton *button = nullptr;
    for (const auto &[page, buttons] : byPage)
        if (buttons.size() == 4) button = buttons[std::size_t(which)];
    QVERIFY(button && button->isVisible());
    bool picked = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialog->selectFile(file);
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog's own accept() is protected
        picked = true;
    });
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(picked);
}

void TestCnnByMouse::seedCnn()
{
    m_window->view()->setZoom(0.4);
    m_window->view()->centerOn(500, 150);
    // In the sample's order (its node list), five to a row.
    std::vector<NodeId> ids;
    const LayerKind kinds[] = {
        LayerKind::Input,   LayerKind::Conv2D, LayerKind::Conv2D,  LayerKind::MaxPool2D, LayerKind::Dropout,
        LayerKind::Flatten, LayerKind::Dense,  LayerKind::Dropout, LayerKind::Dense,     LayerKind::Softmax};
    for (int i = 0; i < 10; ++i) {
        const QPointF at((i % 5) * (NodeItem::kWidth + 80), (i / 5) * 300);
        ids.push_back(dropLayer(kinds[i], toView(at)));
        QVERIFY2(ids.back() > 0, qPrintable(QStringLiteral("layer %1").arg(i)));
    }
    for (int i = 0; i + 1 < 10; ++i)
        wire(ids[std::size_t(i)], ids[std::size_t(i + 1)]);
    GraphDocument *doc = m_window->document();
    QCOMPARE(doc->graph().edges.size(), 9u);

    InspectorLayerForm *form = m_window->inspector()->layerForm();
    const QString relu = QString::fromLatin1(toString(ActivationKind::ReLU).data());
    selectLayer(ids[0]);
    QCOMPARE(form->node(), ids[0]);
    typeInto(form->shapeEdit(), QStringLiteral("1x28x28"));
    for (const auto &[conv, filters] : {std::pair{ids[1], 32}, std::pair{ids[2], 64}}) {
        selectLayer(conv);
        QCOMPARE(form->node(), conv);
        typeInto(form->editor<QSpinBox>(opt::conv2d::filters.name), QString::number(filters));
        typeInto(form->editor<QLineEdit>(opt::conv2d::kernel.name), QStringLiteral("3x3"));
        QVERIFY(chooseByKeys(form->editor<QComboBox>(opt::activation.name), relu));
    }
    selectLayer(ids[3]);
    typeInto(form->editor<QLineEdit>(opt::pool2d::size.name), QStringLiteral("2x2"));
    typeInto(form->editor<QLineEdit>(opt::pool2d::strides.name), QStringLiteral("2x2"));
    selectLayer(ids[4]);
    typeInto(form->editor<InspectorNumberBox>(opt::dropout::rate.name), QStringLiteral("0.25"));
    selectLayer(ids[6]);
    typeInto(form->unitsBox(), QStringLiteral("128"));
    QVERIFY(chooseByKeys(form->activationBox(), relu));
    selectLayer(ids[7]);
    typeInto(form->editor<InspectorNumberBox>(opt::dropout::rate.name), QStringLiteral("0.5"));
    selectLayer(ids[8]);
    typeInto(form->unitsBox(), QStringLiteral("10"));
    QVERIFY(
        chooseByKeys(form->activationBox(), QString::fromLatin1(toString(ActivationKind::Linear).data())));

    // The data: the MNIST subset's four IDX files, each through its file dialog.
    DataPanel *data = m_window->training()->dataPanel();
    if (auto *dock = qobject_cast<QDockWidget *>(data->parentWidget())) dock->raise();
    QVERIFY(chooseByKeys(data->sourceBox(), int(DataSourceKind::Idx)));
    const QString dir = QStringLiteral(NNP_SOURCE_DIR "/samples/datasets/mnist_subset/");
    chooseIdxFile(0, dir + QStringLiteral("train-images-idx3-ubyte.gz"));
    chooseIdxFile(1, dir + QStringLiteral("train-labels-idx1-ubyte.gz"));
    chooseIdxFile(2, dir + QStringLiteral("test-images-idx3-ubyte.gz"));
    chooseIdxFile(3, dir + QStringLiteral("test-labels-idx1-ubyte.gz"));

    // The run's settings: an empty spot of the canvas shows them in the inspector.
    click(toView(QPointF(0, -2000)));
    QVERIFY(!m_window->inspector()->showsLayer());
    InspectorHyperparametersForm *hp = m_window->inspector()->hyperparametersForm();
    QVERIFY(chooseByKeys(hp->lossBox(), int(LossKind::CategoricalCrossEntropy)));
    QVERIFY(chooseByKeys(hp->optimizerBox(), int(OptimizerKind::Adadelta)));
    typeInto(hp->learningRateBox(), QStringLiteral("1.0"));
    typeInto(runSetting(InspectorHyperparametersForm::tr("Rho")), QStringLiteral("0.95"));
    typeInto(runSetting(InspectorHyperparametersForm::tr("Epsilon")), QStringLiteral("1e-7"));
    typeInto(hp->batchSizeBox(), QStringLiteral("128"));
    typeInto(hp->epochsBox(), QStringLiteral("12"));
    QVERIFY2(doc->validation().ok(), doc->validation().summary().c_str());

    // The same network, data and settings as the shipped sample.
    const Project expected = loadProject(NNP_SOURCE_DIR "/samples/mnist_cnn.nnp");
    const GraphSpec &got = doc->graph();
    QCOMPARE(got.nodes.size(), expected.graph.nodes.size());
    std::map<NodeId, NodeId> sampleId; // ours -> the sample's, by position in the node list
    for (std::size_t k = 0; k < got.nodes.size(); ++k) {
        const NodeSpec &a = got.nodes[k], &b = expected.graph.nodes[k];
        QVERIFY(a.kind == b.kind);
        QVERIFY2(a.options == b.options, qPrintable(QStringLiteral("options of %1 (%2)")
                                                        .arg(QString::fromStdString(a.name))
                                                        .arg(QString::fromStdString(b.name))));
        sampleId[a.id] = b.id;
    }
    std::set<std::tuple<NodeId, NodeId, int>> ours, theirs;
    for (const EdgeSpec &e : got.edges)
        ours.insert({sampleId.at(e.from), sampleId.at(e.to), e.port});
    for (const EdgeSpec &e : expected.graph.edges)
        theirs.insert({e.from, e.to, e.port});
    QVERIFY(ours == theirs);
    const DataSource &source = doc->dataSource();
    QVERIFY(source.kind == DataSourceKind::Idx);
    const auto sameFile = [](const std::string &a, const std::string &b) {
        return QFileInfo(QString::fromStdString(a)).fileName() ==
               QFileInfo(QString::fromStdString(b)).fileName();
    };
    QVERIFY(sameFile(source.images, expected.data.images));
    QVERIFY(sameFile(source.labels, expected.data.labels));
    QVERIFY(sameFile(source.testImages, expected.data.testImages));
    QVERIFY(sameFile(source.testLabels, expected.data.testLabels));
    QVERIFY(doc->preprocessing().normalization == expected.preprocessing.normalization); // pixels ÷ 255
    const TrainingConfig &t = doc->training(), &e = expected.training;
    QVERIFY(t.loss.kind == e.loss.kind);
    QVERIFY(t.optimizer.kind == e.optimizer.kind);
    QCOMPARE(t.optimizer.learningRate, e.optimizer.learningRate);
    QCOMPARE(t.optimizer.rho, e.optimizer.rho);
    QCOMPARE(t.optimizer.epsilon, e.optimizer.epsilon);
    QCOMPARE(t.batchSize, e.batchSize);
    QCOMPARE(t.epochs, e.epochs);

    // Play for six steps: the loss falls (2.30 → 1.95 here).
    TrainingDocks *training = m_window->training();
    TrainingController *c = training->controller();
    std::vector<double> losses;
    connect(c, &TrainingController::snapshotReceived, this, [&](const SnapshotPtr &s) {
        for (const LossPoint &p : s->lossPoints)
            losses.push_back(p.loss);
    });
    QSlider *pace = training->toolbar()->paceSlider();
    pace->setValue(pace->maximum()); // flat out
    clickToolButton(training->toolbar()->playAction());
    QElapsedTimer clock;
    clock.start();
    // (A step of this model is about 0.2 s on an idle core; the timeout allows for a busy machine.)
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot() && c->lastSnapshot()->step >= 6, 240000);
    qInfo("6 steps in %lld ms", static_cast<long long>(clock.elapsed()));
    clickToolButton(training->toolbar()->playAction()); // the same button pauses
    QTRY_VERIFY_WITH_TIMEOUT(c->status() != TrainingStatus::Running, 10000);
    QVERIFY2(losses.size() >= 4, qPrintable(QString::number(losses.size())));
    const auto mean = [](auto begin, auto end) {
        return std::accumulate(begin, end, 0.0) / double(end - begin);
    };
    const double first = mean(losses.begin(), losses.begin() + 2),
                 last = mean(losses.end() - 2, losses.end());
    QString all;
    for (double l : losses)
        all += QStringLiteral(" %1").arg(l, 0, 'f', 3);
    qInfo("loss over %d points: %.4f -> %.4f (%s)", int(losses.size()), first, last, qPrintable(all));
    QVERIFY2(std::isfinite(last) && last < 0.95 * first,
             qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
}

QTEST_MAIN(TestCnnByMouse)
#include "tst_cnn_by_mouse.moc"
