#pragma once
// The inspector dock's content: the selected layer's settings, a note for a multiple selection, or —
// with nothing selected — the run's hyperparameters.

#include "graph/graph_spec.h"

#include <QWidget>

#include <vector>

class QLabel;
class QStackedWidget;

namespace nnp {

class GraphDocument;
class InspectorHyperparametersForm;
class InspectorLayerForm;

class InspectorWidget : public QWidget {
    Q_OBJECT
public:
    explicit InspectorWidget(GraphDocument *document, QWidget *parent = nullptr);

    /// What the canvas has selected (layers only; a lone wire shows the hyperparameters).
    void showSelection(const std::vector<NodeId> &nodes);

    [[nodiscard]] InspectorLayerForm *layerForm() const { return m_layer; }
    [[nodiscard]] InspectorHyperparametersForm *hyperparametersForm() const { return m_hyper; }
    /// True when the layer form is the visible page.
    [[nodiscard]] bool showsLayer() const;

private:
    QStackedWidget *m_stack;
    InspectorLayerForm *m_layer;
    InspectorHyperparametersForm *m_hyper;
    QLabel *m_multi;
    QWidget *m_layerPage, *m_hyperPage;
};

} // namespace nnp
