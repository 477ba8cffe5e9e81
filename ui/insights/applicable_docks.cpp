#include "insights/applicable_docks.h"

#include "document/graph_document.h"
#include "layers/recurrent.h"
#include "main_window.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QTabBar>
#include <QTimer>

#include <algorithm>

namespace nnp {

bool graphHas(const GraphSpec &graph, ViewNeed need)
{
    return std::any_of(graph.nodes.begin(), graph.nodes.end(), [need](const NodeSpec &n) {
        switch (need) {
        case ViewNeed::ImageLayer:
            return n.kind == LayerKind::Conv2D || n.kind == LayerKind::MaxPool2D ||
                   n.kind == LayerKind::AveragePool2D || n.kind == LayerKind::GlobalAveragePool2D;
        case ViewNeed::Convolution:
            return n.kind == LayerKind::Conv2D;
        case ViewNeed::Embedding:
            return n.kind == LayerKind::Embedding;
        case ViewNeed::Recurrent:
            return isRecurrent(n.kind);
        }
        return false;
    });
}

QString ApplicableDocks::reason(ViewNeed need)
{
    switch (need) {
    case ViewNeed::ImageLayer:
        return tr(
            "Shown when the network has a Conv2D or pooling layer: it shows the images those layers make.");
    case ViewNeed::Convolution:
        return tr("Shown when the network has a Conv2D layer: it shows the kernels it learns.");
    case ViewNeed::Embedding:
        return tr("Shown when the network has an Embedding layer: it maps the vectors it learns.");
    case ViewNeed::Recurrent:
        return tr("Shown when the network has a SimpleRNN, LSTM or GRU layer: it follows a sequence step by "
                  "step.");
    }
    return {};
}

void fitBottomTabs(MainWindow *window)
{
    QDockWidget *curves = window->dock(DockRole::Curves);
    if (!curves || curves->isFloating() || window->dockWidgetArea(curves) != Qt::BottomDockWidgetArea) return;
    for (QTabBar *bar : window->findChildren<QTabBar *>()) {
        if (!bar->isVisible()) continue;
        bool holdsCurves = false;
        for (int i = 0; i < bar->count() && !holdsCurves; ++i)
            holdsCurves = bar->tabText(i) == curves->windowTitle();
        // sizeHint: the tabs with their whole titles; then the dock's frame.
        const int needed = bar->sizeHint().width() + 16;
        if (!holdsCurves || bar->width() >= needed) continue;
        QDockWidget *front = curves->isVisible() ? curves : nullptr;
        for (QDockWidget *d : window->tabifiedDockWidgets(curves))
            if (!front && d->isVisible()) front = d;
        if (front) window->resizeDocks({front}, {needed}, Qt::Horizontal);
    }
}

ApplicableDocks::ApplicableDocks(MainWindow *window, GraphDocument *doc, std::vector<Entry> entries,
                                 QObject *parent)
    : QObject(parent), m_window(window), m_doc(doc), m_entries(std::move(entries))
{
    m_window->installEventFilter(this);
    // Whatever shows a dock (a restored layout, presentation's activities, a lesson step) meets the rule.
    for (const Entry &e : m_entries)
        e.dock->installEventFilter(this);
    connect(m_doc, &GraphDocument::graphChanged, this, &ApplicableDocks::refresh);
    connect(m_doc, &GraphDocument::documentReset, this, &ApplicableDocks::refresh);
    refresh();
}

void ApplicableDocks::refresh()
{
    for (const Entry &e : m_entries) {
        const bool applies = graphHas(m_doc->graph(), e.need);
        QAction *toggle = e.dock->toggleViewAction();
        toggle->setEnabled(applies);
        toggle->setToolTip(applies ? QString() : reason(e.need));
        if (applies && m_closedByRule.erase(e.dock)) e.dock->show();
        enforce(e);
    }
    fitLater();
}

void ApplicableDocks::fitLater()
{
    // Once the dock area has laid its tab bar out anew.
    QTimer::singleShot(0, this, [this] { fitBottomTabs(m_window); });
}

bool ApplicableDocks::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && (event->type() == QEvent::Resize || event->type() == QEvent::Show)) fitLater();
    if (event->type() == QEvent::ShowToParent && watched != m_window && !m_enforceQueued) {
        // Not while the main window's layout is placing it: once it is done.
        m_enforceQueued = true;
        QTimer::singleShot(0, this, [this] {
            m_enforceQueued = false;
            for (const Entry &e : m_entries)
                enforce(e);
            fitLater();
        });
    }
    return QObject::eventFilter(watched, event);
}

void ApplicableDocks::enforce(const Entry &e)
{
    if (graphHas(m_doc->graph(), e.need) || e.dock->isHidden()) return;
    m_closedByRule.insert(e.dock);
    e.dock->hide();
}

} // namespace nnp
