#include "panels/inspector_layer_form.h"

#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "document/layer_catalog.h"
#include "i18n/diagnostic_text.h"
#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"
#include "panels/inspector_number_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QUndoStack>
#include <QVBoxLayout>

namespace nnp {

InspectorLayerForm::InspectorLayerForm(GraphDocument *document, QWidget *parent)
    : QWidget(parent), m_doc(document)
{
    build();
    connect(m_doc, &GraphDocument::nodeChanged, this, [this](NodeId id) {
        if (id == m_node) refresh();
    });
    connect(m_doc, &GraphDocument::diagnosticsChanged, this, &InspectorLayerForm::refresh);
}

void InspectorLayerForm::build()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(8, 8, 8, 8);
    m_title = new QLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.25);
    m_title->setFont(f);
    m_explanation = new QLabel(this);
    m_explanation->setWordWrap(true);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_problems = new QLabel(this);
    m_problems->setWordWrap(true);
    m_problems->setStyleSheet(QStringLiteral("color: #c62828;"));
    outer->addWidget(m_title);
    outer->addWidget(m_explanation);
    outer->addWidget(m_summary);
    outer->addWidget(m_problems);

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    outer->addLayout(m_form);
    outer->addStretch(1);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("layerName"));
    m_form->addRow(tr("Name"), m_name);
    connect(m_name, &QLineEdit::editingFinished, this, [this] {
        m_name->setModified(false);
        const NodeSpec *n = m_doc->graph().find(m_node);
        const std::string name = m_name->text().trimmed().toStdString();
        if (n && !name.empty() && name != n->name)
            commit(tr("name"), n->options, name);
        else
            refresh();
    });
}

QWidget *InspectorLayerForm::makeEditor(const OptionSpec &spec)
{
    QWidget *w = nullptr;
    switch (spec.type) {
    case OptionType::Int: {
        auto *box = new QSpinBox(this);
        box->setRange(static_cast<int>(spec.min), static_cast<int>(std::min(spec.max, 2.0e9)));
        box->setKeyboardTracking(false);
        connect(box, &QSpinBox::valueChanged, this, [this, &spec](int v) { commitOption(spec, v); });
        w = box;
        break;
    }
    case OptionType::Double: {
        // Open ends of a range become the nearest value a person would type.
        const double lo = spec.minExclusive ? (spec.min == 0 ? 1e-12 : spec.min + 1e-9) : spec.min;
        const double hi = spec.maxExclusive ? spec.max - 0.001 : spec.max;
        auto *box = new InspectorNumberBox(lo, hi, this);
        if (spec.max <= 1) box->setSingleStep(0.05);
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, &spec](double v) { commitOption(spec, v); });
        w = box;
        break;
    }
    case OptionType::Bool: {
        auto *box = new QCheckBox(LayerCatalog::optionTooltip(spec), this);
        connect(box, &QCheckBox::toggled, this, [this, &spec](bool on) { commitOption(spec, on); });
        w = box;
        break;
    }
    case OptionType::IntList: {
        auto *edit = new QLineEdit(this);
        edit->setPlaceholderText(tr("e.g. 2 or 28x28x1"));
        connect(edit, &QLineEdit::editingFinished, this, [this, edit, &spec] {
            const auto dims = parseShapeText(edit->text());
            edit->setModified(false);
            if (dims.empty() || static_cast<int>(dims.size()) > spec.maxCount) {
                m_problems->setText(
                    tr("Write the shape as 1 to %1 positive sizes joined by x, for example 2 or "
                       "28x28x1.")
                        .arg(spec.maxCount));
                m_problems->setVisible(true);
                return;
            }
            commitOption(spec, dims);
        });
        w = edit;
        break;
    }
    case OptionType::Choice: {
        auto *box = new QComboBox(this);
        for (const std::string &c : spec.choices)
            box->addItem(LayerCatalog::choiceTitle(spec, c), QString::fromStdString(c));
        connect(box, &QComboBox::currentIndexChanged, this,
                [this, box, &spec](int i) { commitOption(spec, box->itemData(i).toString().toStdString()); });
        w = box;
        break;
    }
    }
    w->setObjectName(QString::fromStdString(spec.name));
    if (spec.type != OptionType::Bool) w->setToolTip(LayerCatalog::optionTooltip(spec));
    return w;
}

void InspectorLayerForm::buildEditors(LayerKind kind)
{
    if (m_editorsKind == kind) return;
    for (auto &[name, w] : m_editors)
        m_form->removeRow(w);
    m_editors.clear();
    m_editorsKind = kind;
    for (const OptionSpec &spec : layerKind(kind).options) {
        QWidget *w = makeEditor(spec);
        m_form->addRow(LayerCatalog::optionLabel(spec), w);
        m_editors.emplace(spec.name, w);
    }
}

QWidget *InspectorLayerForm::editor(std::string_view name) const
{
    const auto it = m_editors.find(name);
    return it == m_editors.end() ? nullptr : it->second;
}

QLineEdit *InspectorLayerForm::shapeEdit() const
{
    return editor<QLineEdit>(opt::input::shape.name);
}
QSpinBox *InspectorLayerForm::unitsBox() const
{
    return editor<QSpinBox>(opt::dense::units.name);
}
QComboBox *InspectorLayerForm::activationBox() const
{
    return editor<QComboBox>(opt::activation.name);
}
QComboBox *InspectorLayerForm::initBox() const
{
    return editor<QComboBox>(opt::dense::init.name);
}
QCheckBox *InspectorLayerForm::biasBox() const
{
    return editor<QCheckBox>(opt::dense::useBias.name);
}
InspectorNumberBox *InspectorLayerForm::l1Box() const
{
    return editor<InspectorNumberBox>(opt::dense::l1.name);
}
InspectorNumberBox *InspectorLayerForm::l2Box() const
{
    return editor<InspectorNumberBox>(opt::dense::l2.name);
}
InspectorNumberBox *InspectorLayerForm::rateBox() const
{
    return editor<InspectorNumberBox>(opt::dropout::rate.name);
}
InspectorNumberBox *InspectorLayerForm::momentumBox() const
{
    return editor<InspectorNumberBox>(opt::batchnorm::momentum.name);
}
InspectorNumberBox *InspectorLayerForm::epsilonBox() const
{
    return editor<InspectorNumberBox>(opt::batchnorm::epsilon.name);
}

void InspectorLayerForm::setNode(NodeId id)
{
    m_node = id;
    m_name->setModified(false);
    for (auto &[name, w] : m_editors)
        if (auto *edit = qobject_cast<QLineEdit *>(w)) edit->setModified(false);
    refresh();
}

void InspectorLayerForm::commit(const QString &field, LayerOptions options, std::string name)
{
    m_doc->undoStack()->push(
        new ChangeNodeOptionsCommand(m_doc, m_node, std::move(name), std::move(options), field));
}

void InspectorLayerForm::commitOption(const OptionSpec &spec, const OptionValue &value)
{
    const NodeSpec *n = m_doc->graph().find(m_node);
    if (!n) return;
    LayerOptions o = n->options;
    o.setValue(spec.name, value, spec.def);
    if (o == n->options) return;
    commit(LayerCatalog::optionLabel(spec).toLower(), std::move(o), n->name);
}

void InspectorLayerForm::showValues(const NodeSpec &n)
{
    for (const OptionSpec &spec : layerKind(n.kind).options) {
        QWidget *w = editor(spec.name);
        if (!w) continue;
        const QSignalBlocker block(w);
        const OptionValue v = spec.valueIn(n.options);
        if (auto *box = qobject_cast<QSpinBox *>(w))
            box->setValue(std::get<int>(v));
        else if (auto *number = qobject_cast<QDoubleSpinBox *>(w))
            number->setValue(std::get<double>(v));
        else if (auto *check = qobject_cast<QCheckBox *>(w))
            check->setChecked(std::get<bool>(v));
        else if (auto *combo = qobject_cast<QComboBox *>(w))
            combo->setCurrentIndex(combo->findData(QString::fromStdString(std::get<std::string>(v))));
        else if (auto *edit = qobject_cast<QLineEdit *>(w); edit && !edit->isModified())
            edit->setText(shapeText(std::get<std::vector<int>>(v))); // text being typed is left alone
        m_form->setRowVisible(w, spec.isShown(n.options));
    }
}

void InspectorLayerForm::refresh()
{
    const NodeSpec *n = m_doc->graph().find(m_node);
    if (!n) return;
    buildEditors(n->kind);
    m_title->setText(LayerCatalog::title(n->kind));
    m_explanation->setText(LayerCatalog::explanation(n->kind));
    // Text being typed (not yet committed) is left alone; everything else follows the document (undo too).
    if (!m_name->isModified()) m_name->setText(QString::fromStdString(n->name));
    showValues(*n);

    const auto &v = m_doc->validation();
    QString summary;
    if (auto it = v.shapes.find(n->id); it != v.shapes.end())
        summary = tr("Output shape: %1").arg(shapeText(it->second.dims));
    else
        summary = tr("Output shape: unknown until the layer is wired up");
    if (hasParameters(n->kind)) {
        std::vector<Shape> in;
        for (const auto &e : m_doc->graph().inputsOf(n->id))
            if (auto s = v.shapes.find(e.from); s != v.shapes.end()) in.push_back(s->second);
        if (!in.empty())
            summary += QLatin1Char('\n') + tr("Trainable parameters: %L1").arg(parameterCount(*n, in));
    }
    m_summary->setText(summary);
    QStringList problems;
    for (const auto &d : v.forNode(n->id))
        problems << diagnosticText(d);
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
}

} // namespace nnp
