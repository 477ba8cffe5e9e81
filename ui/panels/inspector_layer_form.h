#pragma once
// The selected layer's settings, built from its kind's option schema (layers/layer_registry.h): one editor
// per option, shown when the option matters. Each edit pushes a ChangeNodeOptionsCommand (edits of one field
// merge); the form re-reads the document whenever the node changes, so undo shows up here too.

#include "graph/graph_spec.h"

#include <QWidget>

#include <functional>
#include <map>
#include <optional>
#include <string>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace nnp {

class GraphDocument;
class InspectorNumberBox;
struct OptionSpec;

class InspectorLayerForm : public QWidget {
    Q_OBJECT
public:
    InspectorLayerForm(GraphDocument *document, QWidget *parent = nullptr);

    void setNode(NodeId id);
    [[nodiscard]] NodeId node() const { return m_node; }
    /// Re-reads the node from the document (no-op when it no longer exists).
    void refresh();

    /// The editor of option `name` of the shown kind (its object name is the option's name), or null.
    [[nodiscard]] QWidget *editor(std::string_view name) const;
    template <class W> W *editor(std::string_view name) const { return qobject_cast<W *>(editor(name)); }

    // The editors tests use most, named for readability.
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *shapeEdit() const;
    QSpinBox *unitsBox() const;
    QComboBox *activationBox() const;
    QComboBox *initBox() const;
    QCheckBox *biasBox() const;
    InspectorNumberBox *l1Box() const;
    InspectorNumberBox *l2Box() const;
    InspectorNumberBox *rateBox() const;
    InspectorNumberBox *momentumBox() const;
    InspectorNumberBox *epsilonBox() const;

private:
    void build();
    /// Replaces the option editors with those of `kind` (when the shown node's kind changes).
    void buildEditors(LayerKind kind);
    QWidget *makeEditor(const OptionSpec &spec);
    void commit(const QString &field, LayerOptions options, std::string name);
    void commitOption(const OptionSpec &spec, const OptionValue &value);
    void showValues(const NodeSpec &n);

    GraphDocument *m_doc;
    NodeId m_node = -1;
    std::optional<LayerKind> m_editorsKind;
    QFormLayout *m_form = nullptr;
    QLabel *m_title = nullptr, *m_explanation = nullptr, *m_summary = nullptr, *m_problems = nullptr;
    QLineEdit *m_name = nullptr;
    std::map<std::string, QWidget *, std::less<>> m_editors;
};

} // namespace nnp
