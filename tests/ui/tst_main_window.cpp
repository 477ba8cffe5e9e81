// The editor driven like a user: drops from the palette, wires dragged between ports with the mouse,
// keyboard shortcuts, undo, copy and paste, the inspector's editors, zoom. Checks the document, not pixels.
#include "layers/recurrent.h"
#include "main_window_driver.h"

#include <QCheckBox>

using namespace nnp;
using namespace nnp::testutil;

class TestMainWindow : public QObject, protected MainWindowDriver {
    Q_OBJECT
private slots:
    void initTestCase() { useTestSettings("tst_main_window"); }
    void init() { openWindow(); }
    void cleanup() { closeWindow(); }

    void dropFromPaletteCreatesNode();
    void paletteListsEveryKind();
    void mouseDragConnectsPorts();
    void refusedWireShowsReason();
    void dragMoveIsOneUndoStep();
    void undoRedoRoundTrip();
    void copyPasteWithShortcuts();
    void deleteSelectionIsOneUndoStep();
    void inspectorEditsSelectedLayer();
    void reshapeAndDotWithTheMouse();
    void recurrentLayerWithTheMouse();
    void inspectorShowsHyperparameters();
    void zoomWithKeysAndWheel();
    void screenshot();
};

void TestMainWindow::dropFromPaletteCreatesNode()
{
    const QPoint at(500, 300);
    const NodeId id = dropLayer(LayerKind::Dense, at);
    const GraphDocument *doc = m_window->document();
    QCOMPARE(doc->graph().nodes.size(), 1u);
    const NodeSpec &n = doc->graph().nodes.front();
    QCOMPARE(n.id, id);
    QVERIFY(n.kind == LayerKind::Dense);
    QCOMPARE(n.name, std::string("dense_1"));
    // The block is centred on the drop point (within the snapping grid).
    const QPointF centre = m_window->view()->mapToScene(at);
    QVERIFY(std::abs(n.x + NodeItem::kWidth / 2 - centre.x()) <= GraphScene::kGridSize);
    QVERIFY(std::abs(n.y + NodeItem::kHeight / 2 - centre.y()) <= GraphScene::kGridSize);
    QVERIFY(m_window->scene()->nodeItem(id));
    QVERIFY(m_window->scene()->nodeItem(id)->isSelected());
    QVERIFY(m_window->inspector()->showsLayer());
    QCOMPARE(doc->undoStack()->count(), 1);
    // A drop of something else is refused.
    QMimeData other;
    other.setText(QStringLiteral("Dense"));
    QDragMoveEvent move(at, Qt::CopyAction, &other, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &move);
    QVERIFY(!move.isAccepted());
}

void TestMainWindow::paletteListsEveryKind()
{
    QListWidget *list = m_window->palette()->list();
    QCOMPARE(list->count(), static_cast<int>(allLayerKinds().size()));
    for (int i = 0; i < list->count(); ++i) {
        QVERIFY(!list->item(i)->icon().isNull());
        QVERIFY(list->item(i)->toolTip().size() > 20); // the one-line explanation
        QVERIFY(list->visualItemRect(list->item(i)).height() >= 40);
    }
    // Double-click adds the layer in the middle of the canvas.
    QListWidgetItem *flatten = list->item(static_cast<int>(LayerKind::Flatten));
    list->scrollToItem(flatten);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, Qt::NoModifier,
                       list->visualItemRect(flatten).center());
    const GraphDocument *doc = m_window->document();
    QCOMPARE(doc->graph().nodes.size(), 1u);
    QVERIFY(doc->graph().nodes.front().kind == LayerKind::Flatten);
    const QPointF centre = m_window->view()->visibleCentre();
    QVERIFY(std::abs(doc->graph().nodes.front().x + NodeItem::kWidth / 2 - centre.x()) <=
            GraphScene::kGridSize);
}

void TestMainWindow::mouseDragConnectsPorts()
{
    const NodeId in = dropLayer(LayerKind::Input, {300, 300});
    const NodeId dense = dropLayer(LayerKind::Dense, {700, 300});
    wire(in, dense);
    const GraphDocument *doc = m_window->document();
    QCOMPARE(doc->graph().edges.size(), 1u);
    QCOMPARE(doc->graph().edges.front(), (EdgeSpec{in, dense, 0}));
    QVERIFY(m_window->scene()->edgeItem(doc->graph().edges.front()));
    QVERIFY(doc->validation().ok());
    QVERIFY(m_window->scene()->lastRefusal().isEmpty());

    // Dragging backwards, from the input of a new layer to an output, connects too.
    const NodeId out = dropLayer(LayerKind::Dense, {1000, 300});
    const QPoint inPort = toView(m_window->scene()->nodeItem(out)->inputPorts().front()->scenePos());
    drag(inPort, toView(m_window->scene()->nodeItem(dense)->outputPort()->scenePos()));
    QCOMPARE(doc->graph().edges.size(), 2u);
    QCOMPARE(doc->graph().edges.back(), (EdgeSpec{dense, out, 0}));
}

void TestMainWindow::refusedWireShowsReason()
{
    const NodeId in = dropLayer(LayerKind::Input, {300, 300});
    const NodeId dense = dropLayer(LayerKind::Dense, {700, 300});
    wire(in, dense);
    // Output of the Dense dropped on the Input block: an Input takes no wires.
    NodeItem *input = m_window->scene()->nodeItem(in);
    drag(toView(m_window->scene()->nodeItem(dense)->outputPort()->scenePos()),
         toView(input->mapToScene(NodeItem::kWidth / 2, NodeItem::kHeight / 2)));
    QCOMPARE(m_window->document()->graph().edges.size(), 1u);
    const QString why = m_window->scene()->lastRefusal();
    QVERIFY2(why.contains("data enters"), qPrintable(why));
    QCOMPARE(m_window->statusBar()->currentMessage(), why);

    // A second wire into a Dense that already has one.
    const NodeId other = dropLayer(LayerKind::Input, {300, 600});
    wire(other, dense);
    QVERIFY(m_window->scene()->lastRefusal().contains("one input"));
    QCOMPARE(m_window->document()->graph().edges.size(), 1u);
}

void TestMainWindow::dragMoveIsOneUndoStep()
{
    const NodeId id = dropLayer(LayerKind::Dense, {400, 300});
    GraphDocument *doc = m_window->document();
    const QPointF before(doc->graph().find(id)->x, doc->graph().find(id)->y);
    const QPoint grab = toView(m_window->scene()->nodeItem(id)->mapToScene(NodeItem::kWidth / 2, 60));
    const int steps = doc->undoStack()->count();
    drag(grab, grab + QPoint(200, 120));
    QCOMPARE(doc->undoStack()->count(), steps + 1);
    const QPointF after(doc->graph().find(id)->x, doc->graph().find(id)->y);
    const double zoom = m_window->view()->zoom();
    QVERIFY(std::abs(after.x() - before.x() - 200 / zoom) <= GraphScene::kGridSize);
    QVERIFY(std::abs(after.y() - before.y() - 120 / zoom) <= GraphScene::kGridSize);
    QCOMPARE(std::fmod(after.x(), GraphScene::kGridSize), 0.0); // snapped
    QCOMPARE(m_window->scene()->nodeItem(id)->pos(), after);
    doc->undoStack()->undo();
    QCOMPARE(QPointF(doc->graph().find(id)->x, doc->graph().find(id)->y), before);
    QCOMPARE(m_window->scene()->nodeItem(id)->pos(), before);
}

void TestMainWindow::undoRedoRoundTrip()
{
    GraphDocument *doc = m_window->document();
    std::vector<QByteArray> states{serialised()};
    const NodeId in = dropLayer(LayerKind::Input, {300, 300});
    states.push_back(serialised());
    const NodeId dense = dropLayer(LayerKind::Dense, {700, 300});
    states.push_back(serialised());
    wire(in, dense);
    states.push_back(serialised());
    const QPoint grab = toView(m_window->scene()->nodeItem(dense)->mapToScene(NodeItem::kWidth / 2, 60));
    drag(grab, grab + QPoint(0, 160));
    states.push_back(serialised());
    m_window->scene()->selectNodes({dense});
    QSpinBox *units = m_window->inspector()->layerForm()->unitsBox();
    units->setFocus();
    units->selectAll();
    QTest::keyClicks(units, "12");
    QTest::keyClick(units, Qt::Key_Return);
    QCOMPARE(doc->graph().find(dense)->options.get(opt::dense::units), 12);
    states.push_back(serialised());
    m_window->scene()->clearSelection();
    InspectorNumberBox *lr = m_window->inspector()->hyperparametersForm()->learningRateBox();
    lr->setValue(0.1);
    states.push_back(serialised());
    m_window->scene()->selectNodes({in});
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
    QCOMPARE(doc->graph().nodes.size(), 1u);
    states.push_back(serialised());

    const int steps = static_cast<int>(states.size()) - 1;
    QCOMPARE(doc->undoStack()->count(), steps);
    for (int i = steps - 1; i >= 0; --i) {
        m_window->action("actionUndo")->trigger();
        QCOMPARE(serialised(), states[static_cast<std::size_t>(i)]);
    }
    for (int i = 1; i <= steps; ++i) {
        m_window->action("actionRedo")->trigger();
        QCOMPARE(serialised(), states[static_cast<std::size_t>(i)]);
    }
    // The canvas mirrors the document after all that.
    QCOMPARE(m_window->scene()->nodeItem(dense)->pos(),
             QPointF(doc->graph().find(dense)->x, doc->graph().find(dense)->y));
    QVERIFY(!m_window->scene()->nodeItem(in));
}

void TestMainWindow::copyPasteWithShortcuts()
{
    m_window->newProject(false);
    GraphDocument *doc = m_window->document();
    const QByteArray before = serialised();
    m_window->scene()->selectNodes({2, 3});
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_C, Qt::ControlModifier);
    QTest::keyClick(m_window->view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(doc->graph().nodes.size(), 6u);
    QCOMPARE(doc->graph().edges.size(), 4u);
    const auto &a = doc->graph().nodes[4];
    const auto &b = doc->graph().nodes[5];
    QVERIFY(a.kind == LayerKind::Dense);
    QCOMPARE(a.options, doc->graph().find(2)->options);
    QVERIFY(a.name != "hidden_1" && b.name != "hidden_2");
    QCOMPARE(doc->graph().edges.back(), (EdgeSpec{a.id, b.id, 0}));
    // The pasted copies are selected, offset from the originals.
    QCOMPARE(m_window->scene()->selectedNodeIds(), (std::vector<NodeId>{a.id, b.id}));
    QVERIFY(a.x != doc->graph().find(2)->x);
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(serialised(), before);
    QTest::keyClick(m_window->view(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(doc->graph().nodes.size(), 6u);

    // Cut takes the layers away in one step; paste brings them back.
    m_window->scene()->selectNodes({a.id, b.id});
    QTest::keyClick(m_window->view(), Qt::Key_X, Qt::ControlModifier);
    QCOMPARE(serialised(), before);
    QTest::keyClick(m_window->view(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(doc->graph().nodes.size(), 6u);
}

void TestMainWindow::deleteSelectionIsOneUndoStep()
{
    m_window->newProject(false);
    GraphDocument *doc = m_window->document();
    const QByteArray before = serialised();
    GraphScene *scene = m_window->scene();
    click(toView(scene->nodeItem(2)->mapToScene(NodeItem::kWidth / 2, 60)));
    click(toView(scene->nodeItem(3)->mapToScene(NodeItem::kWidth / 2, 60)), Qt::ControlModifier);
    QCOMPARE(scene->selectedNodeIds(), (std::vector<NodeId>{2, 3}));
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_Delete);
    QCOMPARE(doc->graph().nodes.size(), 2u);
    QVERIFY(doc->graph().edges.empty());
    QCOMPARE(doc->undoStack()->count(), 1);
    QVERIFY(!scene->nodeItem(2) && !scene->nodeItem(3));
    // Left: the Input block with its output port, the output Dense with both ports; no wire items.
    QCOMPARE(scene->items().size(), 5);
    m_window->action("actionUndo")->trigger();
    QCOMPARE(serialised(), before);
    QVERIFY(scene->edgeItem(EdgeSpec{2, 3, 0}));
}

void TestMainWindow::inspectorEditsSelectedLayer()
{
    m_window->newProject(false);
    GraphDocument *doc = m_window->document();
    click(toView(m_window->scene()->nodeItem(2)->mapToScene(NodeItem::kWidth / 2, 60)));
    QVERIFY(m_window->inspector()->showsLayer());
    InspectorLayerForm *form = m_window->inspector()->layerForm();
    QCOMPARE(form->unitsBox()->value(), 4);
    QCOMPARE(form->activationBox()->currentText(), QStringLiteral("Tanh"));
    form->activationBox()->setCurrentIndex(form->activationBox()->findText(QStringLiteral("ReLU")));
    QVERIFY(doc->graph().find(2)->options.get(opt::activation) == ActivationKind::ReLU);
    form->l2Box()->setValue(0.003);
    QCOMPARE(doc->graph().find(2)->options.get(opt::dense::l2), 0.003);
    form->nameEdit()->setFocus();
    form->nameEdit()->selectAll();
    QTest::keyClicks(form->nameEdit(), "features");
    QTest::keyClick(form->nameEdit(), Qt::Key_Return);
    QCOMPARE(doc->graph().find(2)->name, std::string("features"));
    // Undo shows in the form.
    m_window->action("actionUndo")->trigger();
    QCOMPARE(form->nameEdit()->text(), QStringLiteral("hidden_1"));
    m_window->action("actionUndo")->trigger();
    QCOMPARE(form->l2Box()->value(), 0.0);
    // An Input's shape; a bad one is refused with a message and changes nothing.
    click(toView(m_window->scene()->nodeItem(1)->mapToScene(NodeItem::kWidth / 2, 60)));
    form->shapeEdit()->setFocus();
    form->shapeEdit()->selectAll();
    QTest::keyClicks(form->shapeEdit(), "3");
    QTest::keyClick(form->shapeEdit(), Qt::Key_Return);
    QCOMPARE(doc->graph().find(1)->options.get(opt::input::shape), (std::vector<int>{3}));
    QCOMPARE(doc->validation().shapes.at(1), Shape{3});
    form->shapeEdit()->selectAll();
    QTest::keyClicks(form->shapeEdit(), "3x-1");
    QTest::keyClick(form->shapeEdit(), Qt::Key_Return);
    QCOMPARE(doc->graph().find(1)->options.get(opt::input::shape), (std::vector<int>{3}));
}

// The two kinds added through the registry, as a student builds them: dropped from the palette, wired with
// the mouse, and the Reshape's shape typed into the form the inspector builds from its option schema.

void TestMainWindow::reshapeAndDotWithTheMouse()
{
    m_window->newProject(true);
    GraphDocument *doc = m_window->document();
    const NodeId a = dropLayer(LayerKind::Input, {120, 120});
    const NodeId b = dropLayer(LayerKind::Input, {120, 380});
    const NodeId dot = dropLayer(LayerKind::Dot, {480, 250});
    QVERIFY(a >= 0 && b >= 0 && dot >= 0);
    wire(a, dot, 0);
    QCOMPARE(m_window->scene()->nodeItem(dot)->inputPorts().size(), 2u); // two slots, no third
    wire(b, dot, 1);
    QCOMPARE(m_window->scene()->nodeItem(dot)->inputPorts().size(), 2u);
    QCOMPARE(doc->graph().edges.size(), 2u);
    QVERIFY2(doc->validation().shapes.count(dot), doc->validation().summary().c_str());
    QCOMPARE(doc->validation().shapes.at(dot), Shape{1});
    QVERIFY(doc->validation().forNode(dot).empty());

    const NodeId reshape = dropLayer(LayerKind::Reshape, {480, 480});
    QVERIFY(reshape >= 0);
    wire(a, reshape);
    QCOMPARE(doc->graph().edges.size(), 3u);
    // The default shape (1x8x8) does not fit the 2 features: the node says what to change.
    QVERIFY(!doc->validation().forNode(reshape).empty());
    QCOMPARE(doc->validation().forNode(reshape).front().code, DiagnosticCode::ShapeMismatch);
    click(toView(m_window->scene()->nodeItem(reshape)->mapToScene(NodeItem::kWidth / 2, 60)));
    InspectorLayerForm *form = m_window->inspector()->layerForm();
    QCOMPARE(form->node(), reshape);
    auto *shape = form->editor<QLineEdit>("shape");
    QVERIFY(shape && shape->isVisible());
    QCOMPARE(shape->text(), QStringLiteral("1×8×8"));
    shape->setFocus();
    shape->selectAll();
    QTest::keyClicks(shape, "2x1");
    QTest::keyClick(shape, Qt::Key_Return);
    QCOMPARE(doc->graph().find(reshape)->options.get(opt::reshape::shape), (std::vector<int>{2, 1}));
    QCOMPARE(doc->validation().shapes.at(reshape), (Shape{2, 1}));
    for (const Diagnostic &d : doc->validation().forNode(reshape)) // only "a loose end": Dot is the other one
        QCOMPARE(d.code, DiagnosticCode::SeveralOutputs);
    QCOMPARE(LayerCatalog::keyOptions(*doc->graph().find(reshape)), QStringLiteral("to 2×1"));
    m_window->action("actionUndo")->trigger();
    QCOMPARE(shape->text(), QStringLiteral("1×8×8"));
}

// An LSTM as a student builds it: dropped from the palette, wired to a flat Input (refused with a hint), the
// Input made a sequence [20, 3] in the inspector, then "Return sequences" ticked: the blocks show 20×3 and
// 20×32.
void TestMainWindow::recurrentLayerWithTheMouse()
{
    m_window->newProject(true);
    GraphDocument *doc = m_window->document();
    const NodeId in = dropLayer(LayerKind::Input, {120, 200});
    const NodeId lstm = dropLayer(LayerKind::LSTM, {480, 200});
    QVERIFY(in >= 0 && lstm >= 0);
    wire(in, lstm);
    QCOMPARE(doc->graph().edges.size(), 1u);
    QVERIFY(!doc->validation().forNode(lstm).empty());
    QCOMPARE(doc->validation().forNode(lstm).front().code, DiagnosticCode::ShapeMismatch);
    click(toView(m_window->scene()->nodeItem(in)->mapToScene(NodeItem::kWidth / 2, 60)));
    InspectorLayerForm *form = m_window->inspector()->layerForm();
    QCOMPARE(form->node(), in);
    auto *shape = form->editor<QLineEdit>("shape");
    QVERIFY(shape && shape->isVisible());
    shape->setFocus();
    shape->selectAll();
    QTest::keyClicks(shape, "20x3");
    QTest::keyClick(shape, Qt::Key_Return);
    QCOMPARE(doc->validation().shapes.at(in), (Shape{20, 3}));
    QCOMPARE(doc->validation().shapes.at(lstm), Shape{32});
    QVERIFY(doc->validation().forNode(lstm).empty());
    QCOMPARE(m_window->scene()->nodeItem(in)->shapeLine(),
             GraphScene::tr("out %1").arg(QStringLiteral("20×3")));

    click(toView(m_window->scene()->nodeItem(lstm)->mapToScene(NodeItem::kWidth / 2, 60)));
    QCOMPARE(form->node(), lstm);
    auto *sequences = form->editor<QCheckBox>("return_sequences");
    QVERIFY(sequences && sequences->isVisible() && !sequences->isChecked());
    sequences->click();
    QCOMPARE(doc->graph().find(lstm)->options.get(opt::rnn::returnSequences), true);
    QCOMPARE(doc->validation().shapes.at(lstm), (Shape{20, 32}));
    QCOMPARE(m_window->scene()->nodeItem(lstm)->shapeLine(),
             GraphScene::tr("out %1").arg(QStringLiteral("20×32")));
    m_window->action("actionUndo")->trigger();
    QCOMPARE(doc->validation().shapes.at(lstm), Shape{32});
}

void TestMainWindow::inspectorShowsHyperparameters()
{
    GraphDocument *doc = m_window->document();
    m_window->scene()->clearSelection();
    QVERIFY(!m_window->inspector()->showsLayer());
    InspectorHyperparametersForm *form = m_window->inspector()->hyperparametersForm();
    form->optimizerBox()->setCurrentIndex(form->optimizerBox()->findText(QStringLiteral("Adam")));
    QVERIFY(doc->training().optimizer.kind == OptimizerKind::Adam);
    QCOMPARE(form->learningRateBox()->value(), doc->training().optimizer.learningRate);
    form->batchSizeBox()->setValue(64);
    QCOMPARE(doc->training().batchSize, 64);
    m_window->action("actionUndo")->trigger();
    QCOMPARE(form->batchSizeBox()->value(), 10);
}

void TestMainWindow::zoomWithKeysAndWheel()
{
    GraphView *view = m_window->view();
    view->resetZoom();
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Plus);
    QVERIFY(view->zoom() > 1.1);
    QTest::keyClick(view, Qt::Key_0, Qt::ControlModifier);
    QCOMPARE(view->zoom(), 1.0);
    QTest::keyClick(view, Qt::Key_Minus);
    QVERIFY(view->zoom() < 0.9);
    const QPoint c = viewport()->rect().center();
    QWheelEvent wheel(QPointF(c), viewport()->mapToGlobal(QPointF(c)), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::ControlModifier, Qt::NoScrollPhase, false);
    const double before = view->zoom();
    QApplication::sendEvent(viewport(), &wheel);
    QVERIFY(view->zoom() > before * 1.3);
}

void TestMainWindow::screenshot()
{
    m_window->newProject(false);
    // A loose layer shows the validator's badge.
    m_window->document()->addNode(LayerKind::Dropout, {260, 160});
    m_window->view()->fitAll();
    m_window->scene()->selectNodes({2});
    QApplication::processEvents();
    const QString dir = QStringLiteral(NNP_BINARY_DIR "/screenshots");
    QDir().mkpath(dir);
    const QImage image = m_window->grab().toImage();
    QVERIFY(!image.isNull());
    QVERIFY(image.save(dir + QStringLiteral("/editor.png")));
    // Not blank: the canvas shows coloured blocks.
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 7)
        for (int x = 0; x < image.width(); x += 7)
            colours.insert(image.pixel(x, y));
    QVERIFY(colours.size() > 50);
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
