#include "panels/training_docks.h"

#include "document/graph_document.h"
#include "main_window.h"
#include "panels/data_panel.h"
#include "panels/training_toolbar.h"
#include "panels/wheel_guard.h"
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

namespace nnp {

TrainingDocks::TrainingDocks(MainWindow *window)
    : QObject(window), m_window(window), m_controller(new TrainingController(this))
{
    GraphDocument *doc = window->document();
    m_toolbar = new TrainingToolbar(m_controller, doc, window);
    window->addToolBarBreak(Qt::TopToolBarArea); // a row of its own: it is wide, and the class watches it
    window->addToolBar(Qt::TopToolBarArea, m_toolbar);
    window->addToolBar(Qt::TopToolBarArea, m_toolbar->settingsBar());
    createDocks();
    createMenu();

    // The document pushes every change to the controller, which decides what it means for the run.
    const auto baseDir = [doc] {
        const QString file = doc->filePath();
        return file.isEmpty() ? QString() : QFileInfo(file).absolutePath();
    };
    connect(doc, &GraphDocument::documentReset, m_controller, [this, doc, baseDir] {
        // A project opens at a pace a class can follow (its epoch limit in about a minute).
        m_controller->setPaceLevel(defaultPaceLevel(doc->training().epochs));
        m_controller->openProject(doc->project(), baseDir());
    });
    for (auto edited : {&GraphDocument::graphChanged, &GraphDocument::dataSourceChanged,
                        &GraphDocument::hyperparametersChanged})
        connect(doc, edited, m_controller,
                [this, doc, baseDir] { m_controller->setProject(doc->project(), baseDir()); });
    // Reset starts again from the seed: the trained model stored with the project goes too (Save then
    // writes an untrained project, and the next training result replaces it).
    connect(m_toolbar->resetAction(), &QAction::triggered, doc, &GraphDocument::clearTrainedState);
    connect(m_controller, &TrainingController::snapshotReceived, this, &TrainingDocks::keepTrainedState);
    // The run's message ("Finished …", "Diverged …") stays in the status bar while it holds, and goes when
    // the run's message does (Reset, the next Play); a message from elsewhere shown since is left alone.
    connect(m_controller, &TrainingController::messageChanged, this, [this](const QString &message) {
        QStatusBar *bar = m_window->statusBar();
        if (!message.isEmpty())
            bar->showMessage(message);
        else if (!m_shownRunMessage.isEmpty() && bar->currentMessage() == m_shownRunMessage)
            bar->clearMessage();
        m_shownRunMessage = message;
    });
}
void TrainingDocks::createDocks()
{
    m_dataPanel = new DataPanel(m_window->document());
    guardWheel(m_dataPanel); // its spin boxes change on a click, not while the panel scrolls
    auto *scroll = new QScrollArea;
    scroll->setWidget(m_dataPanel);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    // Scroll down, never sideways: the dock is at least as wide as the panel's widest row (the dataset
    // buttons), so nothing is cut off at the right edge, in any language.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_dataPanel->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());
    auto *dataDock = m_window->newDock(tr("Data"), QStringLiteral("dataDock"), scroll);
    m_window->addDock(dataDock, Qt::LeftDockWidgetArea, DockRole::Data);

    m_outputView = new OutputView;
    m_outputView->attach(m_controller);
    auto *outputDock = m_window->newDock(tr("Output"), QStringLiteral("outputDock"), m_outputView);
    m_window->addDock(outputDock, Qt::RightDockWidgetArea, DockRole::Output);

    m_lossPlot = new LossPlot;
    m_lossPlot->attach(m_controller);
    auto *curvesDock = m_window->newDock(tr("Training curves"), QStringLiteral("curvesDock"), m_lossPlot);
    m_window->addDock(curvesDock, Qt::BottomDockWidgetArea, DockRole::Curves);

    // The layer palette and the data share the left side; the output sits above the inspector.
    if (QDockWidget *layers = m_window->dock(DockRole::Palette)) {
        m_window->tabifyDockWidget(layers, dataDock);
        layers->raise();
    }
    // The output gets most of the right column: it is what the room looks at while training runs.
    if (QDockWidget *inspector = m_window->dock(DockRole::Inspector)) {
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
    if (QMenu *view = m_window->viewMenu()) {
        view->addAction(m_toolbar->toggleViewAction());
        view->addAction(m_toolbar->settingsBar()->toggleViewAction());
    }
}

void TrainingDocks::keepTrainedState(const SnapshotPtr &s)
{
    // A paused or stopped run's weights go into the project, so Save keeps the trained model (the ones
    // before the first step, or those of the stored run it goes on from, are not worth a "modified" mark).
    if (!s || !s->weights || s->step == 0 || m_controller->isStale())
        return; // (stale: the weights no longer fit the edited network)
    if (const auto &stored = m_window->document()->project().trainerState; stored && stored->step == s->step)
        return;
    const Normalizer &target = s->weights->targetScaler;
    m_window->document()->setTrainedState(
        s->weights->tensors, s->weights->normalizer, m_controller->history(), s->weights->csvSchema,
        target.isIdentity() ? std::nullopt : std::optional<Normalizer>(target), s->weights->trainerState);
}

} // namespace nnp
