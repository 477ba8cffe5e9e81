#include "panels/inspector_widget.h"

#include "panels/inspector_hyperparameters_form.h"
#include "panels/inspector_layer_form.h"
#include "panels/wheel_guard.h"

#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace nnp {

namespace {
QScrollArea *scrolled(QWidget *content)
{
    auto *area = new QScrollArea;
    area->setWidget(content);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    return area;
}
} // namespace

InspectorWidget::InspectorWidget(GraphDocument *document, QWidget *parent)
    : QWidget(parent), m_stack(new QStackedWidget(this)), m_layer(new InspectorLayerForm(document)),
      m_hyper(new InspectorHyperparametersForm(document)), m_multi(new QLabel)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    m_hyperPage = scrolled(m_hyper);
    m_layerPage = scrolled(m_layer);
    m_multi->setWordWrap(true);
    m_multi->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_multi->setMargin(12);
    m_stack->addWidget(m_hyperPage);
    m_stack->addWidget(m_layerPage);
    m_stack->addWidget(m_multi);
    m_stack->setCurrentWidget(m_hyperPage);
    guardWheel(this);
}

void InspectorWidget::showSelection(const std::vector<NodeId> &nodes)
{
    if (nodes.empty()) {
        m_hyper->refresh();
        m_stack->setCurrentWidget(m_hyperPage);
    } else if (nodes.size() == 1) {
        m_layer->setNode(nodes.front());
        m_stack->setCurrentWidget(m_layerPage);
    } else {
        m_multi->setText(
            tr("%1 layers selected. Move them together, copy them (Ctrl+C) or delete them (Del); "
               "select a single layer to edit its settings.")
                .arg(nodes.size()));
        m_stack->setCurrentWidget(m_multi);
    }
}

bool InspectorWidget::showsLayer() const
{
    return m_stack->currentWidget() == m_layerPage;
}

} // namespace nnp
