#pragma once
// Drives the main window as a user would, for the tst_main_window* tests: mouse events on the canvas, drops
// from the palette, wires between ports, combo boxes by keyboard, training until an accuracy, save and
// reopen.
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
#include "panels/training_docks.h"
#include "panels/training_toolbar.h"
#include "training/training_controller.h"
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

namespace nnp::testutil {

class MainWindowDriver {
protected:
    /// Settings go to a test location of their own, empty.
    static void useTestSettings(const char *applicationName);
    /// A shown 1600x1000 window with an empty canvas at 100 %.
    void openWindow();
    /// Leaves nothing modified behind, so closing does not ask, and closes the window.
    void closeWindow();

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

inline void MainWindowDriver::useTestSettings(const char *applicationName)
{
    QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
    QApplication::setOrganizationName(QStringLiteral("NNPlaygroundTests"));
    QApplication::setApplicationName(QString::fromLatin1(applicationName));
    QSettings().clear(); // no window layout or recent files from an earlier run
}

inline void MainWindowDriver::openWindow()
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

inline void MainWindowDriver::closeWindow()
{
    // Leave nothing modified behind, so closing does not ask.
    m_window->document()->reset(makeEmptyProject());
    m_window.reset();
}

inline void MainWindowDriver::mouse(QEvent::Type type, QPoint pos, Qt::MouseButton button,
                                    Qt::MouseButtons buttons, Qt::KeyboardModifiers mods)
{
    QMouseEvent e(type, QPointF(pos), viewport()->mapToGlobal(QPointF(pos)), button, buttons, mods);
    QApplication::sendEvent(viewport(), &e);
}

inline void MainWindowDriver::drag(QPoint from, QPoint to, Qt::KeyboardModifiers mods)
{
    mouse(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, mods);
    for (int i = 1; i <= 8; ++i)
        mouse(QEvent::MouseMove, from + (to - from) * i / 8, Qt::NoButton, Qt::LeftButton, mods);
    mouse(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, mods);
}

inline void MainWindowDriver::click(QPoint pos, Qt::KeyboardModifiers mods)
{
    mouse(QEvent::MouseButtonPress, pos, Qt::LeftButton, Qt::LeftButton, mods);
    mouse(QEvent::MouseButtonRelease, pos, Qt::LeftButton, Qt::NoButton, mods);
}

inline NodeId MainWindowDriver::dropLayer(LayerKind kind, QPoint viewPos)
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

inline void MainWindowDriver::wire(NodeId from, NodeId to, int port)
{
    NodeItem *a = m_window->scene()->nodeItem(from);
    NodeItem *b = m_window->scene()->nodeItem(to);
    QVERIFY(a && b);
    const PortItem *in = port < 0 ? b->inputPorts().front() : b->inputPort(port);
    QVERIFY(in);
    drag(toView(a->outputPort()->scenePos()), toView(in->scenePos()));
}

inline QByteArray MainWindowDriver::serialised() const
{
    const GraphDocument *doc = m_window->document();
    std::vector<NodeId> all;
    for (const auto &n : doc->graph().nodes)
        all.push_back(n.id);
    const TrainingConfig &t = doc->training();
    return GraphFragment::extract(doc->graph(), all).toJson() + QByteArray::number(t.optimizer.learningRate) +
           ' ' + QByteArray::number(t.batchSize) + ' ' + QByteArray::number(t.epochs);
}

inline void MainWindowDriver::selectLayer(NodeId id)
{
    click(toView(m_window->scene()->nodeItem(id)->mapToScene(NodeItem::kWidth / 2, 60)));
}

inline bool MainWindowDriver::chooseByKeys(QComboBox *box, const QVariant &data)
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

inline void MainWindowDriver::clickToolButton(QAction *action)
{
    auto *button = qobject_cast<QToolButton *>(m_window->training()->toolbar()->widgetForAction(action));
    QVERIFY(button && button->isVisible());
    QVERIFY2(button->isEnabled(),
             qPrintable(QStringLiteral("%1 is disabled; the run: %2 %3")
                            .arg(action->text(), m_window->training()->toolbar()->statusText(),
                                 m_window->training()->controller()->message())));
    QTest::mouseClick(button, Qt::LeftButton);
}

inline void MainWindowDriver::trainUntil(double accuracy, int timeoutMs)
{
    TrainingDocks *t = m_window->training();
    TrainingController *c = t->controller();
    QSlider *speed = t->toolbar()->paceSlider();
    speed->setValue(speed->maximum()); // flat out
    QCOMPARE(c->paceLevel(), kPaceLevels);
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

inline void MainWindowDriver::saveAndReopen(const QString &path)
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
    QCOMPARE(after->step, before->step); // the trainer's state is stored with the weights: the run goes on
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
    QTRY_COMPARE_WITH_TIMEOUT(c->lastSnapshot()->step, before->step + 1, 10000);
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

} // namespace nnp::testutil
