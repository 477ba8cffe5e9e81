#include "training/training_docks.h"
#include "layers/dense.h"

#include "document/graph_document.h"
#include "main_window.h"
#include "panels/data_panel.h"
#include "panels/training_toolbar.h"
#include "plots/loss_plot.h"
#include "training/training_controller.h"
#include "viz/output_view.h"

#include <QAction>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QStatusBar>
#include <QTimer>

namespace nnp {

namespace {
/// Nothing trained in this state: a rebuild loses nothing.
bool nothingTrained(TrainingStatus s)
{
    return s == TrainingStatus::Idle || s == TrainingStatus::Preparing || s == TrainingStatus::Ready ||
           s == TrainingStatus::Failed;
}

QDockWidget *makeDock(const QString &title, const QString &name, QWidget *content, QWidget *parent)
{
    auto *dock = new QDockWidget(title, parent);
    dock->setObjectName(name);
    dock->setWidget(content);
    return dock;
}
} // namespace

TrainingDocks::TrainingDocks(MainWindow *window)
    : QObject(window), m_window(window), m_controller(new TrainingController(this)),
      m_rebuild(new QTimer(this))
{
    GraphDocument *doc = window->document();
    m_controller->setSource([doc] {
        const QString file = doc->filePath();
        return RunInput{doc->project(), file.isEmpty() ? QString() : QFileInfo(file).absolutePath()};
    });
    m_toolbar = new TrainingToolbar(m_controller, doc, window);
    window->addToolBarBreak(Qt::TopToolBarArea); // a row of its own: it is wide, and the class watches it
    window->addToolBar(Qt::TopToolBarArea, m_toolbar);
    createDocks();
    createMenu();

    m_rebuild->setSingleShot(true);
    m_rebuild->setInterval(200); // a burst of edits (a slider drag) rebuilds once
    connect(m_rebuild, &QTimer::timeout, this, [this] {
        // A Play or Step pressed since the edit has already built the run anew
        // (TrainingController::sourceChanged): building it again would drop that command while the run is
        // still being prepared (a slow machine).
        if (m_controller->status() != TrainingStatus::Idle && !m_controller->isSourceChanged()) return;
        if (!nothingTrained(m_controller->status())) return;
        // Steps pressed after the edit but not yet run go to the new run, not into the void.
        const int steps = m_controller->pendingSteps();
        m_controller->rebuild();
        for (int i = 0; i < steps; ++i)
            m_controller->step();
    });
    // Reset starts again from the seed: the trained model stored with the project goes too (Save then
    // writes an untrained project, and the next training result replaces it).
    connect(m_toolbar->resetAction(), &QAction::triggered, doc, &GraphDocument::clearTrainedState);
    connect(doc, &GraphDocument::graphChanged, this, &TrainingDocks::onGraphEdited);
    connect(doc, &GraphDocument::dataSourceChanged, this, &TrainingDocks::onProjectEdited);
    connect(doc, &GraphDocument::hyperparametersChanged, this, [this] {
        m_controller->hyperparametersChanged();
        if (m_controller->isStale()) onProjectEdited();
    });
    connect(doc, &GraphDocument::documentReset, this, [this] {
        m_controller->discard();
        m_rebuild->start();
    });
    connect(m_controller, &TrainingController::snapshotReceived, this, &TrainingDocks::keepTrainedState);
    connect(m_controller, &TrainingController::messageChanged, this, [this](const QString &message) {
        if (!message.isEmpty()) m_window->statusBar()->showMessage(message);
    });
}

void TrainingDocks::createDocks()
{
    m_dataPanel = new DataPanel(m_window->document());
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_dataPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Scroll down, never sideways: the dock is at least as wide as the panel's widest row (the dataset
    // buttons), so nothing is cut off at the right edge, in any language.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_dataPanel->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());
    auto *dataDock = makeDock(tr("Data"), QStringLiteral("dataDock"), scroll, m_window);
    m_window->addDock(dataDock, Qt::LeftDockWidgetArea);

    m_outputView = new OutputView;
    m_outputView->attach(m_controller);
    auto *outputDock = makeDock(tr("Output"), QStringLiteral("outputDock"), m_outputView, m_window);
    m_window->addDock(outputDock, Qt::RightDockWidgetArea);

    m_lossPlot = new LossPlot;
    m_lossPlot->attach(m_controller);
    auto *curvesDock = makeDock(tr("Training curves"), QStringLiteral("curvesDock"), m_lossPlot, m_window);
    m_window->addDock(curvesDock, Qt::BottomDockWidgetArea);

    // The layer palette and the data share the left side; the output sits above the inspector.
    if (auto *layers = m_window->findChild<QDockWidget *>(QStringLiteral("paletteDock"))) {
        m_window->tabifyDockWidget(layers, dataDock);
        layers->raise();
    }
    // The output gets most of the right column: it is what the room looks at while training runs.
    if (auto *inspector = m_window->findChild<QDockWidget *>(QStringLiteral("inspectorDock"))) {
        m_window->splitDockWidget(outputDock, inspector, Qt::Vertical);
        m_window->resizeDocks({outputDock, inspector}, {600, 300}, Qt::Vertical);
    }
    m_window->resizeDocks({curvesDock}, {260}, Qt::Vertical);
    m_window->resizeDocks({outputDock}, {500}, Qt::Horizontal);
}

void TrainingDocks::createMenu()
{
    QMenu *menu = m_window->menuBar()->addMenu(tr("&Training"));
    menu->setObjectName(QStringLiteral("trainingMenu"));
    menu->addAction(m_toolbar->playAction());
    menu->addAction(m_toolbar->stepAction());
    menu->addAction(m_toolbar->stepEpochAction());
    menu->addAction(m_toolbar->resetAction());
    if (QMenu *view = m_window->viewMenu()) view->addAction(m_toolbar->toggleViewAction());
}

bool TrainingDocks::rebuildIfUntrained()
{
    // Nothing trained yet: rebuilding loses nothing and shows the edit (new points, new network) at once.
    if (!nothingTrained(m_controller->status())) return false;
    m_controller->sourceChanged();
    m_rebuild->start();
    return true;
}

void TrainingDocks::onProjectEdited()
{
    if (!rebuildIfUntrained()) m_controller->networkChanged();
}

namespace {
/// Whether two graphs build the same network apart from names and the Dense layers' L1/L2 rates.
bool sameExceptRates(const GraphSpec &a, const GraphSpec &b)
{
    if (a.nodes.size() != b.nodes.size() || !(a.edges == b.edges)) return false;
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        const NodeSpec &x = a.nodes[i], &y = b.nodes[i];
        LayerOptions ox = x.options, oy = y.options;
        for (LayerOptions *o : {&ox, &oy})
            o->set(opt::dense::l1, 0.0).set(opt::dense::l2, 0.0);
        if (x.id != y.id || x.kind != y.kind || !(ox == oy)) return false;
    }
    return true;
}
} // namespace

void TrainingDocks::onGraphEdited()
{
    if (rebuildIfUntrained()) return;
    // A new regularisation rate (or name) is not a new network: the run takes it at once and goes on.
    if (!m_controller->isStale() &&
        sameExceptRates(m_window->document()->graph(), m_controller->runGraph())) {
        m_controller->setLayerRegularization(m_window->document()->graph());
        return;
    }
    m_controller->networkChanged();
}

void TrainingDocks::keepTrainedState(const SnapshotPtr &s)
{
    // A paused or stopped run's weights go into the project, so Save keeps the trained model (the ones
    // before the first step are not worth a "modified" mark).
    if (!s || !s->weights || s->step == 0 || m_controller->isStale())
        return; // (stale: the weights no longer fit the edited network)
    m_window->document()->setTrainedState(s->weights->tensors, s->weights->normalizer,
                                          m_controller->history(), s->weights->csvSchema);
}

} // namespace nnp
