#include "main_window.h"

#include "style/text_scale.h"

#include "export/export_dialog.h"
#include "export/export_menu.h"
#include "export/figure_sources.h"
#include "figures/figure_registry.h"

#include "commands/graph_commands.h"
#include "document/autosave.h"
#include "document/default_project.h"
#include "document/graph_document.h"
#include "document/graph_fragment.h"
#include "document/layer_catalog.h"
#include "editor/graph_scene.h"
#include "editor/graph_view.h"
#include "editor/node_item.h"
#include "explain/explain_docks.h"
#include "i18n/language.h"
#include "insights/insights_docks.h"
#include "lesson/lesson_docks.h"
#include "lesson/lesson_locks.h"
#include "lesson/lesson_panel.h"
#include "memory_setting.h"
#include "panels/inspector_widget.h"
#include "panels/palette_widget.h"
#include "panels/problems_bar.h"
#include "panels/training_docks.h"
#include "presentation/presentation_mode.h"
#include "runs/compare_view.h"
#include "runs/run_shelf.h"
#include "runs/runs_docks.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>
#include <QUndoStack>
#include <QVBoxLayout>

// Resources live in the static nnp_ui library; the linker keeps them only if something refers to them.
static void initNnpResources()
{
    Q_INIT_RESOURCE(nnp);
}

namespace nnp {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent), m_doc(new GraphDocument(this)), m_scene(new GraphScene(m_doc, this)),
      m_view(new GraphView(m_scene, this))
{
    initNnpResources();
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/app.svg")));
    // The canvas, under the strip that lists the network's problems with its loss and data.
    auto *central = new QWidget(this);
    auto *column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    m_problems = new ProblemsBar(m_doc, central);
    column->addWidget(m_problems);
    column->addWidget(m_view, 1);
    setCentralWidget(central);
    setDockOptions(AnimatedDocks | AllowTabbedDocks | AllowNestedDocks);
    // First start: fill the screen (maximised below where a window manager allows it).
    if (const QScreen *s = screen()) resize(s->availableGeometry().size().boundedTo(QSize(1920, 1200)));

    m_figures = new FigureRegistry(this);
    createActions();
    createMenus();
    createDocks();
    m_training = new TrainingDocks(this);
    new ExplainDocks(this); // the Neurons and Explain docks (issue 5), a child of the window
    new InsightsDocks(this, m_training->controller(),
                      m_training->outputView()); // gradients, confusion, probe
    new LessonDocks(this);                       // the Lesson dock and File > Lessons
    installExportMenu(this);                     // File > Export ▸ and Import ONNX…
    registerStandardFigures(this);
    new RunsDocks(this);                         // Keep run, the Compare runs dock and its figure
    m_presentation = new PresentationMode(this); // after every dock: View > Presentation mode (F5)

    m_zoomLabel = new QLabel(this);
    statusBar()->addPermanentWidget(m_zoomLabel);
    connect(m_view, &GraphView::zoomChanged, this,
            [this](double z) { m_zoomLabel->setText(tr("Zoom %1 %").arg(qRound(z * 100))); });
    m_zoomLabel->setText(tr("Zoom %1 %").arg(100));
    connect(m_scene, &GraphScene::statusMessage, this, [this](const QString &text, int timeout) {
        if (text.isEmpty())
            statusBar()->clearMessage();
        else
            statusBar()->showMessage(text, timeout);
    });
    connect(m_scene, &QGraphicsScene::selectionChanged, this, &MainWindow::onSelectionChanged);
    connect(m_view, &GraphView::spaceTapped, this, &MainWindow::triggerSpaceShortcut);
    connect(m_doc, &GraphDocument::modifiedChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &GraphDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_doc, &GraphDocument::documentReset, this, [this] { m_inspector->showSelection({}); });

    newProject();
    m_autosave = new Autosave(m_doc, this);
}

MainWindow::~MainWindow()
{
    // The window's parts (document, scene, docks, the training's controller) are deleted by ~QWidget, after
    // this destructor, when this object is no longer a MainWindow. What they emit on their way out (the
    // scene's selectionChanged as its selected blocks go, the undo stack's cleanChanged as it is cleared, a
    // dock's visibility) must reach neither the window's slots and lambdas nor the panels that call the
    // window. So every connection from a part to the window or to such a panel ends here, while all of them
    // are still alive (UBSan: "downcast of address which does not point to an object of type MainWindow";
    // Qt: "Called object is not of the correct type").
    QObjectList callers{this};
    for (QObject *o : findChildren<QObject *>())
        if (qobject_cast<TrainingDocks *>(o) || qobject_cast<InsightsDocks *>(o) ||
            qobject_cast<ExplainDocks *>(o) || qobject_cast<ExportDialog *>(o) ||
            qobject_cast<Autosave *>(o) || qobject_cast<RunShelf *>(o) || qobject_cast<CompareView *>(o) ||
            qobject_cast<LessonLocks *>(o) || qobject_cast<LessonPanel *>(o))
            callers << o;
    for (QObject *part : findChildren<QObject *>())
        for (QObject *caller : callers)
            QObject::disconnect(part, nullptr, caller, nullptr);
}

QAction *MainWindow::makeAction(const QString &name, const QString &text, const QList<QKeySequence> &keys)
{
    auto *a = new QAction(text, this);
    a->setObjectName(name);
    a->setShortcuts(keys);
    a->setShortcutContext(Qt::WindowShortcut);
    if (!keys.isEmpty())
        a->setToolTip(QStringLiteral("%1 (%2)").arg(QString(text).remove(QLatin1Char('&')),
                                                    keys.first().toString(QKeySequence::NativeText)));
    addAction(a); // shortcuts work even while the menu bar is hidden
    return a;
}

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    connect(makeAction("actionNew", tr("&New"), {QKeySequence::New}), &QAction::triggered, this, [this] {
        if (maybeSave()) newProject(false);
    });
    connect(makeAction("actionNewEmpty", tr("New &empty canvas"), {QKeySequence(tr("Ctrl+Shift+N"))}),
            &QAction::triggered, this, [this] {
                if (maybeSave()) newProject(true);
            });
    connect(makeAction("actionOpen", tr("&Open…"), {QKeySequence::Open}), &QAction::triggered, this, [this] {
        if (!maybeSave()) return;
        const QString path = askOpenPath();
        if (!path.isEmpty()) loadFile(path);
    });
    connect(makeAction("actionSave", tr("&Save"), {QKeySequence::Save}), &QAction::triggered, this,
            [this] { saveTo(m_doc->filePath()); });
    connect(makeAction("actionSaveAs", tr("Save &As…"), {QKeySequence(tr("Ctrl+Shift+S"))}),
            &QAction::triggered, this, [this] { saveTo(QString()); });
    connect(makeAction("actionQuit", tr("&Quit"), {QKeySequence::Quit}), &QAction::triggered, this,
            &QWidget::close);

    QAction *undo = m_doc->undoStack()->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("actionUndo"));
    undo->setShortcuts({QKeySequence::Undo});
    undo->setIconText(tr("Undo")); // the toolbar keeps a short label; the menu says what will be undone
    QAction *redo = m_doc->undoStack()->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("actionRedo"));
    redo->setShortcuts({QKeySequence(tr("Ctrl+Shift+Z")), QKeySequence(tr("Ctrl+Y"))});
    redo->setIconText(tr("Redo"));
    addAction(undo);
    addAction(redo);

    connect(makeAction("actionCut", tr("Cu&t"), {QKeySequence::Cut}), &QAction::triggered, this,
            &MainWindow::cutSelection);
    connect(makeAction("actionCopy", tr("&Copy"), {QKeySequence::Copy}), &QAction::triggered, this,
            &MainWindow::copySelection);
    connect(makeAction("actionPaste", tr("&Paste"), {QKeySequence::Paste}), &QAction::triggered, this,
            &MainWindow::paste);
    connect(
        makeAction("actionDelete", tr("&Delete"), {QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)}),
        &QAction::triggered, m_scene, &GraphScene::deleteSelection);
    connect(makeAction("actionSelectAll", tr("Select &all"), {QKeySequence::SelectAll}), &QAction::triggered,
            this, &MainWindow::selectAll);
    connect(makeAction("actionAutoLayout", tr("Auto-&layout"), {QKeySequence(tr("Ctrl+L"))}),
            &QAction::triggered, this, [this] {
                m_scene->autoLayout();
                m_view->fitAll();
            });
    QAction *snap = makeAction("actionSnap", tr("S&nap to grid"), {QKeySequence(tr("Ctrl+G"))});
    snap->setCheckable(true);
    snap->setChecked(m_scene->snapToGrid());
    connect(snap, &QAction::toggled, m_scene, &GraphScene::setSnapToGrid);

    connect(makeAction("actionZoomIn", tr("Zoom &in"),
                       {QKeySequence::ZoomIn, QKeySequence(tr("Ctrl+=")), QKeySequence(Qt::Key_Plus)}),
            &QAction::triggered, m_view, &GraphView::zoomIn);
    connect(
        makeAction("actionZoomOut", tr("Zoom &out"), {QKeySequence::ZoomOut, QKeySequence(Qt::Key_Minus)}),
        &QAction::triggered, m_view, &GraphView::zoomOut);
    connect(makeAction("actionZoomReset", tr("&Actual size"), {QKeySequence(tr("Ctrl+0"))}),
            &QAction::triggered, m_view, &GraphView::resetZoom);
    connect(makeAction("actionFit", tr("&Fit network in view"), {QKeySequence(tr("Ctrl+F"))}),
            &QAction::triggered, m_view, [this] { m_view->fitAll(textScale()); }); // larger when presenting
    connect(makeAction("actionResetLayout", tr("&Reset panels")), &QAction::triggered, this, [this] {
        if (!m_defaultState.isEmpty()) restoreState(m_defaultState);
    });

    for (const char *name : {"actionCut", "actionCopy", "actionDelete"})
        action(QString::fromLatin1(name))->setEnabled(false);
    createStartActions(); // Open data…, Start page…, Reset to sample… (main_window_start.cpp)
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(tr("&File"));
    m_fileMenu->addAction(action("actionNew"));
    m_fileMenu->addAction(action("actionNewEmpty"));
    m_fileMenu->addAction(action("actionOpen"));
    m_fileMenu->addAction(action("actionOpenData"));
    m_fileMenu->addAction(action("actionStartPage"));
    m_recentMenu = m_fileMenu->addMenu(tr("Open &recent"));
    m_samplesMenu = m_fileMenu->addMenu(tr("&Samples"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action("actionSave"));
    m_fileMenu->addAction(action("actionSaveAs"));
    m_fileMenu->addAction(action("actionResetToSample"));
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(action("actionQuit"));
    rebuildRecentMenu();
    rebuildSamplesMenu();

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_editMenu->addAction(action("actionUndo"));
    m_editMenu->addAction(action("actionRedo"));
    m_editMenu->addSeparator();
    for (const char *name : {"actionCut", "actionCopy", "actionPaste", "actionDelete", "actionSelectAll"})
        m_editMenu->addAction(action(QString::fromLatin1(name)));
    m_editMenu->addSeparator();
    m_editMenu->addAction(action("actionAutoLayout"));
    m_editMenu->addAction(action("actionSnap"));
    m_editMenu->addSeparator();
    m_editMenu->addAction(MemorySetting::createAction(this));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (const char *name : {"actionZoomIn", "actionZoomOut", "actionZoomReset", "actionFit"})
        m_viewMenu->addAction(action(QString::fromLatin1(name)));
    m_viewMenu->addSeparator();
    m_panelsMenu = m_viewMenu->addMenu(tr("&Panels"));
    m_panelsMenu->setToolTipsVisible(true); // why a view that does not apply is disabled
    m_viewMenu->addAction(action("actionResetLayout"));
    m_viewMenu->addSeparator();
    m_viewMenu->addMenu(createLanguageMenu(this));

    auto *bar = addToolBar(tr("Edit"));
    bar->setObjectName(QStringLiteral("editToolBar"));
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    const char *const items[] = {"actionNew",        "actionOpen", "actionSave", nullptr,
                                 "actionUndo",       "actionRedo", nullptr,      "actionDelete",
                                 "actionAutoLayout", "actionFit"};
    for (const char *name : items) {
        if (!name) {
            bar->addSeparator();
            continue;
        }
        QAction *a = action(QString::fromLatin1(name));
        // The button shows no accelerator: "新建", not "新建(N)" (Undo and Redo have short labels of their
        // own).
        if (a != action("actionUndo") && a != action("actionRedo"))
            a->setIconText(withoutMnemonic(a->text()));
        bar->addAction(a);
    }
}

void MainWindow::createDocks()
{
    m_palette = new PaletteWidget;
    auto *paletteDock = new QDockWidget(tr("Layer palette"), this);
    paletteDock->setObjectName(QStringLiteral("paletteDock"));
    paletteDock->setWidget(m_palette);
    addDock(paletteDock, Qt::LeftDockWidgetArea, DockRole::Palette);
    connect(m_palette, &PaletteWidget::layerActivated, this,
            [this](LayerKind kind) { addLayerAtCentre(static_cast<int>(kind)); });

    m_inspector = new InspectorWidget(m_doc);
    auto *inspectorDock = new QDockWidget(tr("Inspector"), this);
    inspectorDock->setObjectName(QStringLiteral("inspectorDock"));
    inspectorDock->setWidget(m_inspector);
    addDock(inspectorDock, Qt::RightDockWidgetArea, DockRole::Inspector);
    resizeDocks({paletteDock, inspectorDock}, {270, 360}, Qt::Horizontal);
}

void MainWindow::addDock(QDockWidget *dock, Qt::DockWidgetArea area, DockRole role)
{
    Q_ASSERT(!dock->objectName().isEmpty());
    addDockWidget(area, dock);
    m_panelsMenu->addAction(dock->toggleViewAction());
    if (role != DockRole::Other) m_docks[role] = dock;
}

QDockWidget *MainWindow::newDock(const QString &title, const QString &name, QWidget *content)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setWidget(content);
    return dock;
}

QDockWidget *MainWindow::dock(DockRole role) const
{
    const auto it = m_docks.find(role);
    return it == m_docks.end() ? nullptr : it->second;
}

void MainWindow::updateTitle()
{
    setWindowTitle(tr("%1[*] — NN Playground").arg(m_doc->displayName()));
    setWindowModified(m_doc->isModified());
}

void MainWindow::onSelectionChanged()
{
    const auto nodes = m_scene->selectedNodeIds();
    const bool any = !nodes.empty() || !m_scene->selectedEdges().empty();
    action("actionDelete")->setEnabled(any);
    action("actionCut")->setEnabled(!nodes.empty());
    action("actionCopy")->setEnabled(!nodes.empty());
    m_inspector->showSelection(nodes);
}

void MainWindow::addLayerAtCentre(int kind)
{
    QPointF pos =
        m_scene->snapped(m_view->visibleCentre() - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2));
    // Do not hide a layer under another one: step down until the spot is free.
    for (int i = 0; i < 20; ++i) {
        const bool taken =
            std::any_of(m_doc->graph().nodes.begin(), m_doc->graph().nodes.end(), [&](const NodeSpec &n) {
                return std::abs(n.x - pos.x()) < NodeItem::kWidth / 2 &&
                       std::abs(n.y - pos.y()) < NodeItem::kHeight / 2;
            });
        if (!taken) break;
        pos += QPointF(0, NodeItem::kHeight + 20);
    }
    const NodeId id = m_doc->addNode(static_cast<LayerKind>(kind), pos);
    m_scene->selectNodes({id});
    m_view->ensureVisible(m_scene->nodeItem(id));
}

void MainWindow::triggerSpaceShortcut()
{
    const QKeySequence space(Qt::Key_Space);
    for (QAction *a : findChildren<QAction *>())
        if (a->isEnabled() && a->shortcuts().contains(space)) {
            a->trigger();
            return;
        }
}

void MainWindow::selectAll()
{
    for (QGraphicsItem *item : m_scene->items())
        if (item->flags() & QGraphicsItem::ItemIsSelectable) item->setSelected(true);
}

void MainWindow::copySelection()
{
    const auto ids = m_scene->selectedNodeIds();
    if (ids.empty()) return;
    QGuiApplication::clipboard()->setMimeData(fragmentMimeData(GraphFragment::extract(m_doc->graph(), ids)));
    m_pasteCount = 0;
    statusBar()->showMessage(
        ids.size() == 1 ? tr("Copied 1 layer.") : tr("Copied %1 layers.").arg(ids.size()), 3000);
}

void MainWindow::cutSelection()
{
    const auto ids = m_scene->selectedNodeIds();
    if (ids.empty()) return;
    copySelection();
    m_pasteCount = -1; // pasting a cut puts the layers back where they were
    m_doc->undoStack()->beginMacro(tr("Cut"));
    m_scene->deleteSelection();
    m_doc->undoStack()->endMacro();
}

void MainWindow::paste()
{
    const QMimeData *mime = QGuiApplication::clipboard()->mimeData();
    const QString type = QString::fromLatin1(kLayersMimeType);
    std::optional<GraphFragment> fragment;
    if (mime && mime->hasFormat(type)) fragment = GraphFragment::fromJson(mime->data(type));
    if (!fragment || fragment->nodes.empty()) {
        statusBar()->showMessage(tr("The clipboard holds no layers to paste."), 4000);
        return;
    }
    ++m_pasteCount;
    const double shift = 40.0 * m_pasteCount;
    GraphFragment pasted = fragment->rebasedFor(*m_doc, QPointF(shift, shift));
    std::vector<NodeId> ids;
    for (const auto &n : pasted.nodes)
        ids.push_back(n.id);
    m_doc->undoStack()->push(new PasteCommand(m_doc, std::move(pasted.nodes), std::move(pasted.edges)));
    m_scene->selectNodes(ids);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_presentation->setActive(false); // the settings keep the desktop's window, not the projector's
    saveSettings();
    m_autosave->discard(); // a normal close: nothing to recover at the next start
    event->accept();
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_restored) return;
    // Docks added by other panels after construction are part of the default layout too.
    m_restored = true;
    balanceBottomDocks();
    m_defaultState = saveState();
    QSettings settings;
    const QByteArray geometry = settings.value(QStringLiteral("window/geometry")).toByteArray();
    if (geometry.isEmpty())
        setWindowState(windowState() | Qt::WindowMaximized); // first start: every pixel helps on a projector
    else
        restoreGeometry(geometry);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
}

void MainWindow::balanceBottomDocks()
{
    // The training curves are what the class watches: in the bottom row they get about half the width, the
    // other panels there share the rest (split evenly, the curves' plot was too narrow to read).
    QDockWidget *curves = dock(DockRole::Curves);
    if (!curves || dockWidgetArea(curves) != Qt::BottomDockWidgetArea) return;
    QList<QDockWidget *> row{curves};
    QList<QDockWidget *> seen = tabifiedDockWidgets(curves);
    for (QDockWidget *d : findChildren<QDockWidget *>()) {
        if (d == curves || seen.contains(d) || d->isFloating() || d->isHidden() ||
            dockWidgetArea(d) != Qt::BottomDockWidgetArea)
            continue;
        row << d;
        seen << d << tabifiedDockWidgets(d);
    }
    if (row.size() < 2) return;
    const int width = std::max(this->width(), 1200);
    QList<int> sizes{width / 2};
    for (int i = 1; i < row.size(); ++i)
        sizes << width / 2 / int(row.size() - 1);
    resizeDocks(row, sizes, Qt::Horizontal);
}

void MainWindow::saveSettings()
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
}

} // namespace nnp
