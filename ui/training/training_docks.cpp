#include "training/training_docks.h"

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
#include <QStatusBar>
#include <QTimer>

namespace nnp {

namespace {
QDockWidget *makeDock(const QString &title, const QString &name, QWidget *content, QWidget *parent)
{
    auto *dock = new QDockWidget(title, parent);
    dock->setObjectName(name);
    dock->setWidget(content);
    return dock;
}
} // namespace

TrainingDocks::TrainingDocks(MainWindow *window)
    : QObject(window), m_window(window), m_controller(new TrainingController(this)), m_rebuild(new QTimer(this))
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
    connect(m_rebuild, &QTimer::timeout, m_controller, &TrainingController::reset);
    connect(doc, &GraphDocument::graphChanged, this, &TrainingDocks::onProjectEdited);
    connect(doc, &GraphDocument::dataSourceChanged, this, &TrainingDocks::onProjectEdited);
    connect(doc, &GraphDocument::hyperparametersChanged, this, [this] {
        m_controller->hyperparametersChanged();
        if (m_controller->isStale())
            onProjectEdited();
    });
    connect(doc, &GraphDocument::documentReset, this, [this] {
        m_controller->discard();
        m_rebuild->start();
    });
    connect(m_controller, &TrainingController::snapshotReceived, this, &TrainingDocks::keepTrainedState);
    connect(m_controller, &TrainingController::messageChanged, this, [this](const QString &message) {
        if (!message.isEmpty())
            m_window->statusBar()->showMessage(message);
    });
}

void TrainingDocks::createDocks()
{
    m_dataPanel = new DataPanel(m_window->document());
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_dataPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
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
    if (QMenu *view = m_window->viewMenu())
        view->addAction(m_toolbar->toggleViewAction());
}

void TrainingDocks::onProjectEdited()
{
    // Nothing trained yet: rebuilding loses nothing and shows the edit (new points, new network) at once.
    switch (m_controller->status()) {
    case TrainingStatus::Idle:
    case TrainingStatus::Preparing:
    case TrainingStatus::Ready:
    case TrainingStatus::Failed:
        m_rebuild->start();
        break;
    default:
        m_controller->networkChanged();
        break;
    }
}

void TrainingDocks::keepTrainedState(const SnapshotPtr &s)
{
    // A paused or stopped run's weights go into the project, so Save keeps the trained model (the ones
    // before the first step are not worth a "modified" mark).
    if (!s || !s->weights || s->step == 0 || m_controller->isStale())
        return; // (stale: the weights no longer fit the edited network)
    m_window->document()->setTrainedState(s->weights->tensors, s->weights->normalizer, m_controller->history());
}

} // namespace nnp
