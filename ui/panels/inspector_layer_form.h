#pragma once
// The selected layer's settings. Each edit pushes a ChangeNodeOptionsCommand (edits of one field merge);
// the form re-reads the document whenever the node changes, so undo shows up here too.

#include "graph/graph_spec.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace nnp {

class GraphDocument;
class InspectorNumberBox;

class InspectorLayerForm : public QWidget {
    Q_OBJECT
public:
    InspectorLayerForm(GraphDocument *document, QWidget *parent = nullptr);

    void setNode(NodeId id);
    [[nodiscard]] NodeId node() const { return m_node; }
    /// Re-reads the node from the document (no-op when it no longer exists).
    void refresh();

    // The editors, named for tests and accessibility.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *shapeEdit() const { return m_shape; }
    QSpinBox *unitsBox() const { return m_units; }
    QComboBox *activationBox() const { return m_activation; }
    QComboBox *initBox() const { return m_init; }
    QCheckBox *biasBox() const { return m_bias; }
    InspectorNumberBox *l1Box() const { return m_l1; }
    InspectorNumberBox *l2Box() const { return m_l2; }
    InspectorNumberBox *rateBox() const { return m_rate; }
    InspectorNumberBox *momentumBox() const { return m_momentum; }
    InspectorNumberBox *epsilonBox() const { return m_epsilon; }

private:
    void build();
    void commit(const QString &field, LayerOptions options, std::string name);
    void commitOptions(const QString &field, const std::function<void(LayerOptions &)> &change);
    void updateRows(const NodeSpec &n);

    GraphDocument *m_doc;
    NodeId m_node = -1;
    QFormLayout *m_form = nullptr;
    QLabel *m_title = nullptr, *m_explanation = nullptr, *m_summary = nullptr, *m_problems = nullptr;
    QLineEdit *m_name = nullptr, *m_shape = nullptr;
    QSpinBox *m_units = nullptr;
    QComboBox *m_activation = nullptr, *m_init = nullptr;
    QCheckBox *m_bias = nullptr;
    InspectorNumberBox *m_slope = nullptr, *m_alpha = nullptr, *m_l1 = nullptr, *m_l2 = nullptr, *m_rate = nullptr,
                       *m_momentum = nullptr, *m_epsilon = nullptr;
};

} // namespace nnp
