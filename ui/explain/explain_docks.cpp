#include "explain/explain_docks.h"

#include "document/graph_document.h"
#include "explain/explain_model.h"
#include "explain/explain_panel.h"
#include "explain/neuron_view.h"
#include "figures/figure_registry.h"
#include "main_window.h"
#include "training/training_docks.h"

#include <QDockWidget>

namespace nnp {

ExplainDocks::ExplainDocks(MainWindow *window)
    : QObject(window),
      m_model(new ExplainModel(window->training()->controller(), window->document()->undoStack(), this)),
      m_view(new NeuronView(m_model)), m_panel(new ExplainPanel(m_model)),
      m_neuronDock(new QDockWidget(tr("Neurons"), window)),
      m_explainDock(new QDockWidget(tr("Explain"), window))
{
    m_neuronDock->setObjectName(QStringLiteral("neuronDock"));
    m_neuronDock->setWidget(m_view);
    m_explainDock->setObjectName(QStringLiteral("explainDock"));
    m_explainDock->setWidget(m_panel);
    window->addDock(m_neuronDock, Qt::BottomDockWidgetArea);
    window->addDock(m_explainDock, Qt::BottomDockWidgetArea);
    window->splitDockWidget(m_neuronDock, m_explainDock, Qt::Horizontal);

    NeuronView *view = m_view;
    window->figures()->add({QStringLiteral("neurons"), tr("Neurons (the network neuron by neuron)"),
                            [view] { return view->isVisible() ? view->size() : view->sizeHint(); },
                            [view](QPainter &p, const QRectF &target) { view->render(p, target); }});
}

} // namespace nnp
