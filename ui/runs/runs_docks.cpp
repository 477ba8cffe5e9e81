#include "runs/runs_docks.h"

#include "document/graph_document.h"
#include "export/figure_export.h"
#include "export/model_export.h"
#include "figures/figure_registry.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "runs/compare_view.h"
#include "runs/run_shelf.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QPointer>
#include <QStatusBar>
#include <QToolBar>

namespace nnp {

RunsDocks::RunsDocks(MainWindow *window)
    : QObject(window), m_window(window), m_shelf(new RunShelf(window->training()->controller(), this))
{
    m_view = new CompareView(m_shelf);
    m_dock = window->newDock(tr("Compare runs"), QStringLiteral("compareDock"), m_view);
    window->addDock(m_dock, Qt::BottomDockWidgetArea);
    if (QDockWidget *curves = window->dock(DockRole::Curves)) {
        window->tabifyDockWidget(curves, m_dock);
        curves->raise();
    }

    // Hidden behind another tab the comparison waits; it catches up when its tab is chosen (once the dock
    // area has finished switching).
    connect(m_dock, &QDockWidget::visibilityChanged, m_view, [this](bool visible) {
        if (visible)
            QMetaObject::invokeMethod(
                m_view, [this] { m_view->catchUp(); }, Qt::QueuedConnection);
    });

    m_keep = new QAction(tr("Keep run"), window);
    m_keep->setObjectName(QStringLiteral("actionKeepRun"));
    m_keep->setShortcut(QKeySequence(tr("K")));
    m_keep->setToolTip(tr("Keep this run's curves and boundary to compare with the next runs (K)"));
    m_keep->setEnabled(false);
    window->addAction(m_keep);
    connect(m_keep, &QAction::triggered, this, [this] {
        const int number = m_shelf->keepCurrent();
        if (number == 0) return;
        m_dock->show();
        m_window->statusBar()->showMessage(
            tr("Kept run %1: change something, train again and compare.").arg(number), 5000);
    });
    connect(m_shelf, &RunShelf::currentChanged, m_keep, [this] { m_keep->setEnabled(m_shelf->canKeep()); });
    if (auto *menu = window->findChild<QMenu *>(QStringLiteral("trainingMenu"))) {
        menu->addSeparator();
        menu->addAction(m_keep);
    }
    // On the first toolbar row, which has room (the training row is full at 1600 px), and in the dock.
    if (auto *bar = window->findChild<QToolBar *>(QStringLiteral("editToolBar"))) {
        bar->addSeparator();
        bar->addAction(m_keep);
    }
    m_view->addKeepAction(m_keep);

    QPointer<CompareView> view = m_view;
    window->figures()->add({QStringLiteral("compare"), tr("Runs side by side"),
                            [view] { return view ? view->naturalSize() : QSize(1200, 675); },
                            [view](QPainter &p, const QRectF &target) {
                                if (view) view->render(p, target);
                            }});
    m_view->setExportHandler([this] {
        auto *dialog = new FigureExportDialog(m_window->figures(),
                                              exportStartFolder(m_window->document()->filePath()), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->selectFigure(QStringLiteral("compare"));
        dialog->open();
    });
}

} // namespace nnp
