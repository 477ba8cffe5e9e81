// Networks built with the mouse from an empty canvas and trained in the window, the training shortcuts and
// messages, and the toolbar's live settings.
#include "main_window_driver.h"

using namespace nnp;
using namespace nnp::testutil;

class TestMainWindowTraining : public QObject, protected MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_main_window_training"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void buildPlaygroundNetworkWithMouse();
    void buildIrisNetworkWithMouse();
    void trainingShortcutsAndMessages();
    void toolbarRegularisationIsSavedAndLive();
    void stepRightAfterOpeningIsNeverLost_data();
    void stepRightAfterOpeningIsNeverLost();
};

void TestMainWindowTraining::buildPlaygroundNetworkWithMouse()
{
    // Input 2 -> Dense 4 tanh -> Dense 2 tanh -> Dense 1 sigmoid, from an empty canvas.
    m_window->view()->setZoom(0.7);
    const NodeId in = dropLayer(LayerKind::Input, {150, 400});
    const NodeId h1 = dropLayer(LayerKind::Dense, {420, 400});
    const NodeId h2 = dropLayer(LayerKind::Dense, {690, 400});
    const NodeId out = dropLayer(LayerKind::Dense, {960, 400});
    wire(in, h1);
    wire(h1, h2);
    wire(h2, out);
    InspectorLayerForm *form = m_window->inspector()->layerForm();
    auto select = [&](NodeId id) {
        click(toView(m_window->scene()->nodeItem(id)->mapToScene(NodeItem::kWidth / 2, 60)));
        QCOMPARE(form->node(), id);
    };
    auto setUnits = [&](int units) {
        form->unitsBox()->setFocus();
        form->unitsBox()->selectAll();
        QTest::keyClicks(form->unitsBox(), QString::number(units));
        QTest::keyClick(form->unitsBox(), Qt::Key_Return);
    };
    auto setActivation = [&](const QString &name) {
        QComboBox *box = form->activationBox();
        box->setFocus();
        // Keyboard selection in the closed combo box, as a user without the popup would do.
        while (box->currentText() != name) {
            const int before = box->currentIndex();
            QTest::keyClick(box, Qt::Key_Down);
            if (box->currentIndex() == before) break;
        }
        QCOMPARE(box->currentText(), name);
    };
    select(h1);
    setActivation(QStringLiteral("Tanh"));
    select(h2);
    setUnits(2);
    setActivation(QStringLiteral("Tanh"));
    select(out);
    setUnits(1);
    setActivation(QStringLiteral("Sigmoid"));

    const GraphDocument *doc = m_window->document();
    QVERIFY2(doc->validation().ok(), doc->validation().summary().c_str());
    const GraphSpec expected = makeMlp(2, {4, 2}, 1, ActivationKind::Tanh, ActivationKind::Sigmoid);
    QCOMPARE(doc->graph().nodes.size(), expected.nodes.size());
    for (std::size_t i = 0; i < expected.nodes.size(); ++i) {
        QVERIFY(doc->graph().nodes[i].kind == expected.nodes[i].kind);
        QCOMPARE(doc->graph().nodes[i].options, expected.nodes[i].options);
    }
    QVERIFY(doc->graph().edges == expected.edges);
    QCOMPARE(doc->validation().parameterCount, 4 * 2 + 4 + 2 * 4 + 2 + 1 * 2 + 1);
    QCOMPARE(doc->validation().output, out);

    // Train it on the playground's circle data with the toolbar, save, reopen: the same model.
    QVERIFY(doc->dataSource().kind == DataSourceKind::Generator);
    trainUntil(0.95, 120000);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    saveAndReopen(dir.filePath(QStringLiteral("playground.nnp")));
}

void TestMainWindowTraining::buildIrisNetworkWithMouse()
{
    // Input 4 -> Dense 8 tanh -> Dense 3 -> Softmax on iris.csv (target: species), from an empty canvas.
    m_window->view()->setZoom(0.7);
    const NodeId in = dropLayer(LayerKind::Input, {150, 400});
    const NodeId hidden = dropLayer(LayerKind::Dense, {420, 400});
    const NodeId logits = dropLayer(LayerKind::Dense, {690, 400});
    const NodeId softmax = dropLayer(LayerKind::Softmax, {960, 400});
    QVERIFY(in > 0 && hidden > 0 && logits > 0 && softmax > 0);
    wire(in, hidden);
    wire(hidden, logits);
    wire(logits, softmax);
    InspectorLayerForm *form = m_window->inspector()->layerForm();
    auto typeInto = [](QWidget *editor, const QString &text) {
        editor->setFocus();
        QTest::keySequence(editor, QKeySequence::SelectAll);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
    };
    selectLayer(in);
    QCOMPARE(form->node(), in);
    typeInto(form->shapeEdit(), QStringLiteral("4"));
    selectLayer(hidden);
    QCOMPARE(form->node(), hidden);
    typeInto(form->unitsBox(), QStringLiteral("8"));
    QVERIFY(chooseByKeys(form->activationBox(), QString::fromLatin1(toString(ActivationKind::Tanh).data())));
    selectLayer(logits);
    QCOMPARE(form->node(), logits);
    typeInto(form->unitsBox(), QStringLiteral("3"));
    QVERIFY(
        chooseByKeys(form->activationBox(), QString::fromLatin1(toString(ActivationKind::Linear).data())));

    // The data: the iris CSV with the species as the target, z-scored inputs.
    DataPanel *data = m_window->training()->dataPanel();
    QVERIFY(chooseByKeys(data->sourceBox(), int(DataSourceKind::Csv)));
    data->chooseCsv(QStringLiteral(NNP_SOURCE_DIR "/samples/datasets/iris/iris.csv")); // as the file dialog
    QComboBox *target = data->targetBox();
    QVERIFY2(target->findText(QStringLiteral("species")) >= 0, "the header's columns are offered");
    target->setFocus();
    while (target->currentText() != QStringLiteral("species") && target->currentIndex() + 1 < target->count())
        QTest::keyClick(target, Qt::Key_Down);
    QCOMPARE(target->currentText(), QStringLiteral("species"));
    QVERIFY(chooseByKeys(data->normalizationBox(), int(NormalizationKind::ZScore)));
    GraphDocument *doc = m_window->document();
    QVERIFY(doc->dataSource().kind == DataSourceKind::Csv);
    QCOMPARE(doc->dataSource().csv.target, std::string("species"));

    // The run's settings, in the inspector with nothing selected.
    click(toView(QPointF(0, -400))); // empty canvas
    QVERIFY(!m_window->inspector()->showsLayer());
    InspectorHyperparametersForm *hp = m_window->inspector()->hyperparametersForm();
    QVERIFY(chooseByKeys(hp->lossBox(), int(LossKind::SparseCategoricalCrossEntropy)));
    QVERIFY(chooseByKeys(hp->optimizerBox(), int(OptimizerKind::Adam)));
    typeInto(hp->learningRateBox(), QStringLiteral("0.01"));
    typeInto(hp->batchSizeBox(), QStringLiteral("8"));
    QCOMPARE(doc->training().optimizer.learningRate, 0.01);
    QCOMPARE(doc->training().batchSize, 8);
    QVERIFY2(doc->validation().ok(), doc->validation().summary().c_str());
    QCOMPARE(doc->validation().parameterCount, 4 * 8 + 8 + 8 * 3 + 3);

    trainUntil(0.9, 120000);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("iris_by_hand.nnp"));
    // Predictions of the trained model on the test split, from the document before saving ...
    const auto predict = [](const Project &project, const std::filesystem::path &base) {
        const PreparedData prepared =
            prepareData(project, base, project.normalizer ? &*project.normalizer : nullptr);
        Network net = Network::build(project.graph, project.training.seed);
        restoreWeights(project, net);
        return Matrix(net.predict(prepared.test.x));
    };
    const Matrix expected = predict(doc->project(), std::filesystem::path(NNP_SOURCE_DIR));
    QVERIFY(expected.cols() > 30);
    saveAndReopen(path);
    // ... and from the saved file, opened as `nnp` would: the same numbers, and a good test accuracy.
    const Project saved = loadProject(path.toStdString());
    QVERIFY(saved.csvSchema.has_value());
    const Matrix got = predict(saved, std::filesystem::path(dir.path().toStdString()));
    QCOMPARE(got.rows(), 3);
    QCOMPARE(got.cols(), expected.cols());
    QVERIFY(got.isApprox(expected, 1e-6f) || (got - expected).cwiseAbs().maxCoeff() < 1e-6f);
    const PreparedData prepared = prepareData(saved, dir.path().toStdString(), &*saved.normalizer);
    int correct = 0;
    for (Eigen::Index i = 0; i < got.cols(); ++i) {
        Eigen::Index best = 0;
        got.col(i).maxCoeff(&best);
        Eigen::Index truth = 0;
        if (prepared.test.y.rows() == 1)
            truth = static_cast<Eigen::Index>(prepared.test.y(0, i));
        else
            prepared.test.y.col(i).maxCoeff(&truth);
        correct += best == truth ? 1 : 0;
    }
    QVERIFY2(correct >= 0.85 * double(got.cols()),
             qPrintable(QStringLiteral("%1 of %2").arg(correct).arg(got.cols())));
}

void TestMainWindowTraining::trainingShortcutsAndMessages()
{
    // Space = play/pause, S = one step, R = reset, pressed on the canvas as a user would.
    m_window->newProject(false);
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready, 10000);
    t->toolbar()->paceSlider()->setValue(2); // slow enough that Pause lands long before the epoch limit
    GraphView *view = m_window->view();
    m_window->activateWindow();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_S);
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot() && c->lastSnapshot()->step == 1, 10000);
    QCOMPARE(c->status(), TrainingStatus::Paused);
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(c->status(), TrainingStatus::Running);
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot()->step > 1, 10000);
    QTest::keyClick(view, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(c->lastSnapshot()->status, TrainingStatus::Paused, 10000);
    const long long steps = c->lastSnapshot()->step;

    // An edit during the run: the run goes on untouched, and the window says how to apply it.
    m_window->scene()->selectNodes({3});
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(m_window->document()->graph().nodes.size(), 3u);
    QVERIFY(c->isStale());
    QVERIFY2(t->toolbar()->statusText().contains(QStringLiteral("Network changed")),
             qPrintable(t->toolbar()->statusText()));
    QTest::keyClick(view, Qt::Key_S); // the old network takes one more step; nothing breaks
    QTRY_COMPARE_WITH_TIMEOUT(c->lastSnapshot()->step, steps + 1, 10000);
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(m_window->document()->graph().nodes.size(), 4u);
    QTest::keyClick(view, Qt::Key_R);
    QVERIFY(!c->isStale());
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready && c->lastSnapshot(), 10000);
    QCOMPARE(c->lastSnapshot()->step, 0);
    QVERIFY(!t->toolbar()->statusText().contains(QStringLiteral("Network changed")));

    // A learning rate far too high for a regression: the run diverges and the window says so in words.
    Project exploding = makeEmptyProject();
    exploding.data.generator = {GeneratorKind::Plane, 200, 0.0, 1};
    exploding.graph = makeMlp(2, {8}, 1, ActivationKind::ReLU, ActivationKind::Linear);
    exploding.training.loss.kind = LossKind::MSE;
    exploding.training.epochs = 1000000;
    exploding.training.optimizer.learningRate =
        1e4; // (more than the inspector allows: an old file could say so)
    m_window->document()->reset(exploding);
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready, 10000);
    t->toolbar()->paceSlider()->setValue(kPaceLevels);
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Diverged, 60000);
    QVERIFY2(t->toolbar()->statusText().contains(QStringLiteral("Diverged")),
             qPrintable(t->toolbar()->statusText()));
    QVERIFY2(m_window->statusBar()->currentMessage().contains(QStringLiteral("diverged")),
             qPrintable(m_window->statusBar()->currentMessage()));
    QVERIFY(c->lastWeights() && c->lastWeights()->allFinite()); // the last finite state stays
    QVERIFY(!t->toolbar()->playAction()->isEnabled());
    m_window->document()->reset(makeEmptyProject());
}

void TestMainWindowTraining::toolbarRegularisationIsSavedAndLive()
{
    // The toolbar's regularisation is the Dense layers' own rates: one undo step, saved with the project,
    // and taken by a running training at once, without "network changed".
    m_window->newProject(false);
    GraphDocument *doc = m_window->document();
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    TrainingToolbar *bar = t->toolbar();
    QComboBox *kind = bar->regularizationBox();
    QCOMPARE(kind->currentData().toInt(), int(RegularizationKind::None));
    QVERIFY(!bar->regularizationRateBox()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready, 10000);
    clickToolButton(bar->stepAction());
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot() && c->lastSnapshot()->step == 1, 10000);

    QVERIFY(chooseByKeys(kind, int(RegularizationKind::L2)));
    QVERIFY(bar->regularizationRateBox()->isEnabled());
    const double rate = bar->regularizationRateBox()->value();
    QVERIFY(rate > 0);
    for (const NodeSpec &n : doc->graph().nodes)
        if (n.kind == LayerKind::Dense) {
            QCOMPARE(n.options.get(opt::dense::l2), rate);
            QCOMPARE(n.options.get(opt::dense::l1), 0.0);
        }
    QVERIFY(!c->isStale());
    QVERIFY(!bar->statusText().contains(QStringLiteral("Network changed")));
    QVERIFY(c->runGraph().find(2)->options.get(opt::dense::l2) == rate); // the run has it
    bar->regularizationRateBox()->setValue(0.01);
    QCOMPARE(doc->graph().find(3)->options.get(opt::dense::l2), 0.01);
    QVERIFY(!c->isStale());
    clickToolButton(bar->stepAction()); // the run goes on with the new rate
    QTRY_COMPARE_WITH_TIMEOUT(c->lastSnapshot()->step, 2, 10000);

    // Undo takes it back in one step per change, and the toolbar follows.
    m_window->action("actionUndo")->trigger();
    QCOMPARE(doc->graph().find(3)->options.get(opt::dense::l2), rate);
    QCOMPARE(bar->regularizationRateBox()->value(), rate);
    m_window->action("actionRedo")->trigger();
    QCOMPARE(bar->regularizationRateBox()->value(), 0.01);
    QVERIFY(!c->isStale());

    // One layer set differently in the inspector: the toolbar says "Per layer".
    selectLayer(2);
    m_window->inspector()->layerForm()->l2Box()->setValue(0.5);
    QCOMPARE(doc->graph().find(2)->options.get(opt::dense::l2), 0.5);
    QCOMPARE(kind->currentData().toInt(), int(RegularizationKind::PerLayer));
    QVERIFY(!bar->regularizationRateBox()->isEnabled());
    QVERIFY(!c->isStale());
    QCOMPARE(c->runGraph().find(2)->options.get(opt::dense::l2), 0.5);
    m_window->action("actionUndo")->trigger();
    QCOMPARE(kind->currentData().toInt(), int(RegularizationKind::L2));

    // Saved and opened again: the same setting.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("l2.nnp"));
    QVERIFY(m_window->saveTo(path));
    m_window->newProject(false);
    QCOMPARE(kind->currentData().toInt(), int(RegularizationKind::None));
    QVERIFY(m_window->loadFile(path));
    QCOMPARE(kind->currentData().toInt(), int(RegularizationKind::L2));
    QCOMPARE(bar->regularizationRateBox()->value(), 0.01);
    // A structural edit during a run still says so.
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready || c->status() == TrainingStatus::Paused,
                             10000);
    // The stored run goes on from its own step (its trainer state was saved with it).
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot(), 10000);
    const long long stored = c->lastSnapshot()->step;
    clickToolButton(bar->stepAction());
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot() && c->lastSnapshot()->step >= stored + 1, 10000);
    selectLayer(2);
    QSpinBox *units = m_window->inspector()->layerForm()->unitsBox();
    units->setFocus();
    units->selectAll();
    QTest::keyClicks(units, QStringLiteral("5"));
    QTest::keyClick(units, Qt::Key_Return);
    QCOMPARE(doc->graph().find(2)->options.get(opt::dense::units), 5);
    QVERIFY(c->isStale());
    m_window->document()->reset(makeEmptyProject());
}

void TestMainWindowTraining::stepRightAfterOpeningIsNeverLost_data()
{
    // The worker's setup sleeps this long first: a loaded machine reading the data.
    QTest::addColumn<int>("delayMs");
    QTest::newRow("no delay") << 0;
    QTest::newRow("50 ms") << 50;
    QTest::newRow("500 ms") << 500;
}

void TestMainWindowTraining::stepRightAfterOpeningIsNeverLost()
{
    // The lost Step: a Step pressed right after opening a project was sometimes never run on a loaded
    // machine. Here the project opens, S is pressed at once, the data is edited (more noise, by the
    // slider) while the run is still being built, and S is pressed again: both steps run, on the edited data.
    QFETCH(int, delayMs);
    TrainingController *c = m_window->training()->controller();
    c->setSetupDelayForTesting(delayMs);
    QVERIFY(m_window->loadFile(QStringLiteral(NNP_SOURCE_DIR "/samples/xor.nnp")));
    QAction *step = m_window->training()->toolbar()->stepAction();
    step->trigger();
    QSlider *noise = m_window->training()->dataPanel()->noiseSlider();
    noise->setValue(noise->value() + 10);
    step->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(c->pendingSteps() == 0 && c->lastSnapshot() && c->lastSnapshot()->step == 2,
                             20000);
    QCOMPARE(c->status(), TrainingStatus::Paused);
    QCOMPARE(c->runProject().data, m_window->document()->project().data);
    QVERIFY(!c->isStale());
}

QTEST_MAIN(TestMainWindowTraining)
#include "tst_main_window_training.moc"
