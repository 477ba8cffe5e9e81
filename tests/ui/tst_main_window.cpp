// The editor driven like a user: drops from the palette, wires dragged between ports with the mouse,
// keyboard shortcuts, the inspector's editors, samples and bad files. Checks the document, not pixels.
#include "document/default_project.h"
#include "document/graph_document.h"
#include "document/graph_fragment.h"
#include "document/layer_catalog.h"
#include "editor/edge_item.h"
#include "editor/graph_scene.h"
#include "editor/graph_view.h"
#include "editor/node_item.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/reshape.h"
#include "layers/simple_layers.h"
#include "main_window.h"
#include "panels/data_panel.h"
#include "panels/inspector_hyperparameters_form.h"
#include "panels/inspector_layer_form.h"
#include "panels/inspector_number_box.h"
#include "panels/inspector_widget.h"
#include "panels/palette_widget.h"
#include "panels/training_toolbar.h"
#include "training/training_controller.h"
#include "training/training_docks.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>
#include <QTranslator>
#include <QUndoStack>

#include <memory>

using namespace nnp;

class TestMainWindow : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

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
    void inspectorShowsHyperparameters();
    void titleShowsUnsavedChanges();
    void zoomWithKeysAndWheel();
    void openEverySample();
    void badFileKeepsCurrentProject();
    void buildPlaygroundNetworkWithMouse();
    void buildIrisNetworkWithMouse();
    void trainingShortcutsAndMessages();
    void saveShortcutAndRecentFiles();
    void toolbarRegularisationIsSavedAndLive();
    void dockLayoutIsRestored();
    void closingWithUnsavedChangesAsks();
    void resourcesAreEmbedded();
    void screenshot();

private:
    QWidget *viewport() const { return m_window->view()->viewport(); }
    QPoint toView(QPointF scenePos) const { return m_window->view()->mapFromScene(scenePos); }
    void mouse(QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons,
               Qt::KeyboardModifiers mods = Qt::NoModifier);
    /// A left-button drag in steps, as a hand would do it.
    void drag(QPoint from, QPoint to, Qt::KeyboardModifiers mods = Qt::NoModifier);
    void click(QPoint pos, Qt::KeyboardModifiers mods = Qt::NoModifier);
    NodeId dropLayer(LayerKind kind, QPoint viewPos);
    void wire(NodeId from, NodeId to, int port = -1);
    QByteArray serialised() const;
    /// Clicks a layer's block (selects it; the inspector shows its options).
    void selectLayer(NodeId id);
    /// Picks the combo box entry with this data by keyboard in the closed box, as a user without the popup.
    static bool chooseByKeys(QComboBox *box, const QVariant &data);
    /// Clicks the training toolbar's button of `action`.
    void clickToolButton(QAction *action);
    /// Trains with Play at full speed until the last epoch's training accuracy reaches `accuracy`, pauses
    /// (with the mouse), and waits for the paused snapshot with the weights.
    void trainUntil(double accuracy, int timeoutMs);
    /// Saves to `path`, reopens it and checks the document, the restored run (weights, history, boundary)
    /// and that Play continues from the stored epochs.
    void saveAndReopen(const QString &path);

    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
    QApplication::setOrganizationName(QStringLiteral("NNPlaygroundTests"));
    QApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear(); // no window layout or recent files from an earlier run
}

void TestMainWindow::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // The offscreen screen is 800x800, where a first start would maximise to; tests want a desktop size.
    m_window->setWindowState(Qt::WindowNoState);
    m_window->resize(1600, 1000);
    QApplication::processEvents();
    m_window->newProject(true);
    m_window->view()->resetZoom();
    m_window->view()->centerOn(0, 0);
}

void TestMainWindow::cleanup()
{
    // Leave nothing modified behind, so closing does not ask.
    m_window->document()->reset(makeEmptyProject());
    m_window.reset();
}

void TestMainWindow::mouse(QEvent::Type type, QPoint pos, Qt::MouseButton button, Qt::MouseButtons buttons,
                           Qt::KeyboardModifiers mods)
{
    QMouseEvent e(type, QPointF(pos), viewport()->mapToGlobal(QPointF(pos)), button, buttons, mods);
    QApplication::sendEvent(viewport(), &e);
}

void TestMainWindow::drag(QPoint from, QPoint to, Qt::KeyboardModifiers mods)
{
    mouse(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, mods);
    for (int i = 1; i <= 8; ++i)
        mouse(QEvent::MouseMove, from + (to - from) * i / 8, Qt::NoButton, Qt::LeftButton, mods);
    mouse(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, mods);
}

void TestMainWindow::click(QPoint pos, Qt::KeyboardModifiers mods)
{
    mouse(QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton, mods);
    mouse(QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton, mods);
}

NodeId TestMainWindow::dropLayer(LayerKind kind, QPoint viewPos)
{
    // The drag data exactly as the palette's list makes it for the entry of this kind.
    QListWidget *list = m_window->palette()->list();
    QListWidgetItem *entry = list->item(static_cast<int>(kind));
    if (!entry || entry->text() != LayerCatalog::title(kind)) return -1;
    std::unique_ptr<QMimeData> mime(list->model()->mimeData({list->indexFromItem(entry)}));
    if (!mime) return -1;
    QDragEnterEvent enter(viewPos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &enter);
    QDragMoveEvent move(viewPos, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &move);
    if (!move.isAccepted()) return -1;
    QDropEvent drop(QPointF(viewPos), Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport(), &drop);
    const auto &nodes = m_window->document()->graph().nodes;
    return nodes.empty() ? -1 : nodes.back().id;
}

void TestMainWindow::wire(NodeId from, NodeId to, int port)
{
    NodeItem *a = m_window->scene()->nodeItem(from);
    NodeItem *b = m_window->scene()->nodeItem(to);
    QVERIFY(a && b);
    const PortItem *in = port < 0 ? b->inputPorts().front() : b->inputPort(port);
    QVERIFY(in);
    drag(toView(a->outputPort()->scenePos()), toView(in->scenePos()));
}

QByteArray TestMainWindow::serialised() const
{
    const GraphDocument *doc = m_window->document();
    std::vector<NodeId> all;
    for (const auto &n : doc->graph().nodes)
        all.push_back(n.id);
    const TrainingConfig &t = doc->training();
    return GraphFragment::extract(doc->graph(), all).toJson() + QByteArray::number(t.optimizer.learningRate) +
           ' ' + QByteArray::number(t.batchSize) + ' ' + QByteArray::number(t.epochs);
}

void TestMainWindow::selectLayer(NodeId id)
{
    click(toView(m_window->scene()->nodeItem(id)->mapToScene(NodeItem::kWidth / 2, 60)));
}

bool TestMainWindow::chooseByKeys(QComboBox *box, const QVariant &data)
{
    box->setFocus();
    const int target = box->findData(data);
    if (target < 0) return false;
    while (box->currentIndex() != target) {
        const int before = box->currentIndex();
        QTest::keyClick(box, box->currentIndex() < target ? Qt::Key_Down : Qt::Key_Up);
        if (box->currentIndex() == before) return false;
    }
    return true;
}

void TestMainWindow::clickToolButton(QAction *action)
{
    auto *button = qobject_cast<QToolButton *>(m_window->training()->toolbar()->widgetForAction(action));
    QVERIFY(button && button->isVisible());
    QVERIFY2(button->isEnabled(),
             qPrintable(QStringLiteral("%1 is disabled; the run: %2 %3")
                            .arg(action->text(), m_window->training()->toolbar()->statusText(),
                                 m_window->training()->controller()->message())));
    QTest::mouseClick(button, Qt::LeftButton);
}

void TestMainWindow::trainUntil(double accuracy, int timeoutMs)
{
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    QSlider *speed = t->toolbar()->speedSlider();
    speed->setValue(speed->maximum()); // flat out
    QCOMPARE(c->speedLevel(), kSpeedLevels);
    clickToolButton(t->toolbar()->playAction());
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Running, 10000);
    const auto good = [&] { return !c->history().empty() && c->history().back().trainMetric >= accuracy; };
    const auto stopped = [&] { return c->status() != TrainingStatus::Running && !canContinue(c->status()); };
    QTRY_VERIFY_WITH_TIMEOUT(good() || stopped(), timeoutMs);
    QVERIFY2(good(), qPrintable(QStringLiteral("accuracy %1 after %2 epochs, %3")
                                    .arg(c->history().empty() ? 0.0 : c->history().back().trainMetric)
                                    .arg(c->history().size())
                                    .arg(c->message())));
    if (c->status() == TrainingStatus::Running)
        clickToolButton(t->toolbar()->playAction()); // the same button pauses
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot() && c->lastSnapshot()->status != TrainingStatus::Running &&
                                 c->lastSnapshot()->weights,
                             10000);
    // The paused run's weights and history are the document's now: Save keeps the trained model.
    const Project &p = m_window->document()->project();
    QVERIFY(!p.weights.empty());
    QCOMPARE(p.history.size(), c->history().size());
    QVERIFY(checkWeightsAgainstGraph(p).empty());
    QVERIFY(m_window->isWindowModified());
}

void TestMainWindow::saveAndReopen(const QString &path)
{
    TrainingController *c = m_window->training()->controller();
    const SnapshotPtr before = c->lastSnapshot();
    QVERIFY(before && before->weights);
    const std::vector<EpochRecord> history = c->history();
    QVERIFY(m_window->saveTo(path));
    QVERIFY(!m_window->isWindowModified());
    const std::string text = projectToText(m_window->document()->project());

    // Something else in between, so the reopened state cannot be left over.
    m_window->newProject(false);
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready, 10000);
    QVERIFY(m_window->document()->project().weights.empty());

    QVERIFY(m_window->loadFile(path));
    QCOMPARE(projectToText(m_window->document()->project()), text); // the same document
    QVERIFY(!m_window->isWindowModified());
    // The run starts from the stored weights: same weights, same history, same epoch, same outputs.
    QTRY_VERIFY_WITH_TIMEOUT(
        c->lastSnapshot() && c->lastSnapshot()->weights && c->status() != TrainingStatus::Preparing, 10000);
    const SnapshotPtr after = c->lastSnapshot();
    QCOMPARE(after->step, 0);
    QCOMPARE(after->epoch, history.back().epoch);
    QCOMPARE(after->samplesSeen, static_cast<long long>(history.back().epoch) * after->trainSamples);
    QCOMPARE(c->history().size(), history.size());
    for (std::size_t i = 0; i < history.size(); ++i) {
        QCOMPARE(c->history()[i].epoch, history[i].epoch);
        QCOMPARE(c->history()[i].trainMetric, history[i].trainMetric);
    }
    QCOMPARE(after->weights->tensors.size(), before->weights->tensors.size());
    for (std::size_t i = 0; i < after->weights->tensors.size(); ++i)
        QVERIFY(after->weights->tensors[i].values == before->weights->tensors[i].values);
    QVERIFY(bool(after->boundary) == bool(before->boundary));
    if (before->boundary) {
        QCOMPARE(after->boundary->values.size(), before->boundary->values.size());
        for (std::size_t i = 0; i < before->boundary->values.size(); ++i)
            QVERIFY(std::abs(after->boundary->values[i] - before->boundary->values[i]) < 1e-6f);
    }
    QVERIFY(!m_window->isWindowModified()); // showing the stored model is not an edit

    if (c->status() == TrainingStatus::Finished) {
        // Trained up to the epoch limit: the window says so; a higher limit lets it go on.
        QVERIFY2(c->message().contains(QStringLiteral("epoch limit")), qPrintable(c->message()));
        QVERIFY(!m_window->training()->toolbar()->stepAction()->isEnabled());
        m_window->scene()->clearSelection();
        QSpinBox *epochs = m_window->inspector()->hyperparametersForm()->epochsBox();
        epochs->setFocus();
        epochs->selectAll();
        QTest::keyClicks(epochs, QString::number(history.back().epoch + 100));
        QTest::keyClick(epochs, Qt::Key_Return);
        QCOMPARE(m_window->document()->training().epochs, history.back().epoch + 100);
        QTRY_COMPARE_WITH_TIMEOUT(c->status(), TrainingStatus::Paused, 10000);
    } else {
        QCOMPARE(c->status(), TrainingStatus::Ready);
    }
    // Step goes on from the stored model (one batch), not from fresh weights.
    clickToolButton(m_window->training()->toolbar()->stepAction());
    QTRY_COMPARE_WITH_TIMEOUT(c->lastSnapshot()->step, 1, 10000);
    QVERIFY(c->lastSnapshot()->epoch >= history.back().epoch);
    QCOMPARE(c->history().size(), history.size());
    // Reset starts again from the seed and drops the stored model from the project.
    clickToolButton(m_window->training()->toolbar()->resetAction());
    QVERIFY(m_window->document()->project().weights.empty());
    QVERIFY(m_window->isWindowModified());
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready && c->lastSnapshot(), 10000);
    QCOMPARE(c->lastSnapshot()->epoch, 0);
    QVERIFY(c->history().empty());
    m_window->document()->reset(makeEmptyProject()); // unmodified, for cleanup
}

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

void TestMainWindow::titleShowsUnsavedChanges()
{
    QVERIFY(m_window->windowTitle().contains(QStringLiteral("Untitled")));
    QVERIFY(!m_window->isWindowModified());
    dropLayer(LayerKind::Input, {400, 300});
    QVERIFY(m_window->isWindowModified());
    m_window->action("actionUndo")->trigger();
    QVERIFY(!m_window->isWindowModified());
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

void TestMainWindow::openEverySample()
{
    const QStringList samples = listSamples();
    if (samples.isEmpty()) QSKIP("No samples/*.nnp yet.");
    for (const QString &path : samples) {
        QVERIFY2(m_window->loadFile(path), qPrintable(path + ": " + m_window->lastError()));
        const GraphDocument *doc = m_window->document();
        QCOMPARE(doc->filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY2(!doc->graph().nodes.empty(), qPrintable(path));
        QVERIFY2(doc->validation().ok(),
                 qPrintable(path + ": " + QString::fromStdString(doc->validation().summary())));
        QCOMPARE(m_window->scene()->selectedNodeIds().size(), 0u);
        for (const auto &n : doc->graph().nodes)
            QVERIFY(m_window->scene()->nodeItem(n.id));
        QVERIFY(!doc->isModified());
        QVERIFY(m_window->windowTitle().contains(QFileInfo(path).fileName()));
    }
    QVERIFY(m_window->samplesMenu()->actions().size() >= samples.size());
}

void TestMainWindow::badFileKeepsCurrentProject()
{
    m_window->newProject(false);
    dropLayer(LayerKind::Dropout, {400, 600});
    const QByteArray before = serialised();
    QTemporaryDir dir;
    const QString bad = dir.filePath(QStringLiteral("broken.nnp"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"format\": \"nnp\", \"version\": 1, \"graph\": {\"nodes\": [ {\"id\": ");
    f.close();
    for (const QString &path : {bad, dir.filePath(QStringLiteral("missing.nnp"))}) {
        QVERIFY(!m_window->loadFile(path));
        QCOMPARE(serialised(), before);
        QVERIFY(m_window->document()->filePath().isEmpty());
        QVERIFY(m_window->document()->isModified()); // the user's unsaved work is still there
        QVERIFY2(m_window->lastError().contains(QFileInfo(path).fileName()),
                 qPrintable(m_window->lastError()));
        auto *box = m_window->findChild<QMessageBox *>(QStringLiteral("errorBox"));
        QVERIFY(box && box->isVisible());
        box->close();
        QApplication::processEvents();
    }
}

void TestMainWindow::buildPlaygroundNetworkWithMouse()
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

void TestMainWindow::buildIrisNetworkWithMouse()
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

void TestMainWindow::trainingShortcutsAndMessages()
{
    // Space = play/pause, S = one step, R = reset, pressed on the canvas as a user would.
    m_window->newProject(false);
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    QTRY_VERIFY_WITH_TIMEOUT(c->status() == TrainingStatus::Ready, 10000);
    t->toolbar()->speedSlider()->setValue(2); // slow enough that Pause lands long before the epoch limit
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
    t->toolbar()->speedSlider()->setValue(kSpeedLevels);
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

void TestMainWindow::saveShortcutAndRecentFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString first = dir.filePath(QStringLiteral("first.nnp")),
                  second = dir.filePath(QStringLiteral("second.nnp"));
    m_window->newProject(false);
    QVERIFY(m_window->saveTo(first));
    m_window->newProject(true);
    dropLayer(LayerKind::Input, {400, 300});
    QVERIFY(m_window->saveTo(second));
    // Ctrl+S saves an edit to the project's file without asking.
    dropLayer(LayerKind::Dense, {700, 300});
    QVERIFY(m_window->isWindowModified());
    m_window->view()->setFocus();
    QTest::keyClick(m_window->view(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(!m_window->isWindowModified());
    QCOMPARE(loadProject(second.toStdString()).graph.nodes.size(), 2u);

    // File > Open recent lists both, newest first, and opens them.
    QMenu *recent = nullptr;
    for (QAction *a : m_window->fileMenu()->actions())
        if (a->menu() && a->text().contains(QStringLiteral("recent"))) recent = a->menu();
    QVERIFY(recent);
    QList<QAction *> entries;
    for (QAction *a : recent->actions())
        if (a->toolTip().endsWith(QStringLiteral(".nnp"))) entries << a;
    QVERIFY(entries.size() >= 2);
    QCOMPARE(entries[0]->toolTip(), QFileInfo(second).absoluteFilePath());
    QCOMPARE(entries[1]->toolTip(), QFileInfo(first).absoluteFilePath());
    entries[1]->trigger();
    QCOMPARE(m_window->document()->filePath(), QFileInfo(first).absoluteFilePath());
    QCOMPARE(m_window->document()->graph().nodes.size(), 4u);
    // ... and survive a restart.
    QVERIFY(m_window->close());
    m_window = std::make_unique<MainWindow>();
    bool found = false;
    for (QAction *a : m_window->fileMenu()->actions())
        if (a->menu() && a->text().contains(QStringLiteral("recent")))
            for (QAction *e : a->menu()->actions())
                found = found || e->toolTip() == QFileInfo(first).absoluteFilePath();
    QVERIFY(found);
}

void TestMainWindow::toolbarRegularisationIsSavedAndLive()
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
    clickToolButton(bar->stepAction());
    QTRY_VERIFY_WITH_TIMEOUT(c->lastSnapshot() && c->lastSnapshot()->step >= 1, 10000);
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

void TestMainWindow::dockLayoutIsRestored()
{
    auto *inspector = m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *palette = m_window->findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    QVERIFY(inspector && palette);
    inspector->hide();
    m_window->addDockWidget(Qt::RightDockWidgetArea, palette);
    QVERIFY(m_window->close());
    m_window = std::make_unique<MainWindow>();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    inspector = m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    palette = m_window->findChild<QDockWidget *>(QStringLiteral("paletteDock"));
    QVERIFY(inspector->isHidden());
    QCOMPARE(m_window->dockWidgetArea(palette), Qt::RightDockWidgetArea);
    // View > Reset panels brings back the layout the window starts with.
    m_window->action(QStringLiteral("actionResetLayout"))->trigger();
    QVERIFY(!inspector->isHidden());
    QCOMPARE(m_window->dockWidgetArea(palette), Qt::LeftDockWidgetArea);
    QVERIFY(m_window->close());
}

void TestMainWindow::closingWithUnsavedChangesAsks()
{
    dropLayer(LayerKind::Input, {400, 300});
    QVERIFY(m_window->isWindowModified());
    QString question;
    auto answer = [&](QMessageBox::StandardButton button) {
        QTimer::singleShot(0, this, [&question, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            question = box->text();
            box->button(button)->click();
        });
    };
    answer(QMessageBox::Cancel);
    QVERIFY(!m_window->close());
    QVERIFY(m_window->isVisible());
    QVERIFY(question.contains(QStringLiteral("Untitled")));
    QCOMPARE(m_window->document()->graph().nodes.size(), 1u);
    answer(QMessageBox::Discard);
    QVERIFY(m_window->close());
}

void TestMainWindow::resourcesAreEmbedded()
{
    // Icons for every layer kind, the app icon, and the compiled Chinese catalogue that main() loads.
    for (LayerKind kind : allLayerKinds())
        QVERIFY2(QFile::exists(LayerCatalog::iconPath(kind)), qPrintable(LayerCatalog::iconPath(kind)));
    QVERIFY(QFile::exists(QStringLiteral(":/icons/app.svg")));
    QTranslator translator;
    QVERIFY(translator.load(QLocale(QLocale::Chinese, QLocale::China), QStringLiteral("nnp"),
                            QStringLiteral("_"), QStringLiteral(":/i18n")));
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
