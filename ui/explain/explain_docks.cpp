#include "explain/explain_docks.h"

#include "document/graph_document.h"
#include "explain/explain_model.h"
#include "explain/explain_panel.h"
#include "explain/neuron_view.h"
#include "figures/figure_registry.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QDockWidget>
#include <QSpinBox>

#include <cmath>

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

    // A click on a training point of the output view picks it for "Explain step" (nearest point, when close).
    PlaneCanvas *canvas = window->training()->outputView()->canvas();
    connect(canvas, &PlaneCanvas::planeClicked, this, [this, canvas](QPointF at) {
        const auto plane = canvas->plane();
        if (!plane || !m_explainDock->isVisible() || plane->train.cols() == 0) return;
        const double sx = plane->xMax - plane->xMin, sy = plane->yMax - plane->yMin;
        int best = -1;
        double bestDist = 0.04; // within 4 % of the plot's size
        for (Eigen::Index i = 0; i < plane->train.cols(); ++i) {
            const double d = std::hypot((double(plane->train(0, i)) - at.x()) / sx,
                                        (double(plane->train(1, i)) - at.y()) / sy);
            if (d < bestDist) {
                bestDist = d;
                best = int(i);
            }
        }
        if (best >= 0) m_panel->sampleBox()->setValue(best);
    });

    NeuronView *view = m_view;
    window->figures()->add({QStringLiteral("neurons"), tr("Neurons (the network neuron by neuron)"),
                            [view] { return view->isVisible() ? view->size() : view->sizeHint(); },
                            [view](QPainter &p, const QRectF &target) { view->render(p, target); }});
}

} // namespace nnp
