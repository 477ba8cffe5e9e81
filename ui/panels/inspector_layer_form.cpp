#include "panels/inspector_layer_form.h"

#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "document/layer_catalog.h"
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

InspectorLayerForm::InspectorLayerForm(GraphDocument *document, QWidget *parent) : QWidget(parent), m_doc(document)
{
    build();
    connect(m_doc, &GraphDocument::nodeChanged, this, [this](NodeId id) {
        if (id == m_node)
            refresh();
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

    m_shape = new QLineEdit(this);
    m_shape->setObjectName(QStringLiteral("inputShape"));
    m_shape->setPlaceholderText(tr("e.g. 2 or 28x28x1"));
    m_shape->setToolTip(tr("Values per sample: one number for a vector, or sizes joined by x for a grid."));
    m_form->addRow(tr("Input shape"), m_shape);
    connect(m_shape, &QLineEdit::editingFinished, this, [this] {
        const auto dims = parseShapeText(m_shape->text());
        m_shape->setModified(false);
        if (dims.empty()) {
            m_problems->setText(tr("Write the shape as positive sizes joined by x, for example 2 or 28x28x1."));
            return;
        }
        commitOptions(tr("input shape"), [&](LayerOptions &o) { o.shape = dims; });
    });

    m_units = new QSpinBox(this);
    m_units->setObjectName(QStringLiteral("units"));
    m_units->setRange(1, 100000);
    m_units->setKeyboardTracking(false);
    m_units->setToolTip(tr("How many neurons this layer has (its output size)."));
    m_form->addRow(tr("Units"), m_units);
    connect(m_units, &QSpinBox::valueChanged, this,
            [this](int v) { commitOptions(tr("units"), [&](LayerOptions &o) { o.units = v; }); });

    m_activation = new QComboBox(this);
    m_activation->setObjectName(QStringLiteral("activation"));
    for (ActivationKind a : allActivations())
        m_activation->addItem(LayerCatalog::title(a), static_cast<int>(a));
    m_form->addRow(tr("Activation"), m_activation);
    connect(m_activation, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto a = static_cast<ActivationKind>(m_activation->itemData(i).toInt());
        commitOptions(tr("activation"), [&](LayerOptions &o) { o.activation = a; });
    });

    m_slope = new InspectorNumberBox(0.0, 0.999, this);
    m_form->addRow(tr("Leaky slope"), m_slope);
    connect(m_slope, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commitOptions(tr("leaky slope"), [&](LayerOptions &o) { o.leakySlope = v; }); });
    m_alpha = new InspectorNumberBox(1e-6, 100.0, this);
    m_form->addRow(tr("ELU alpha"), m_alpha);
    connect(m_alpha, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commitOptions(tr("ELU alpha"), [&](LayerOptions &o) { o.eluAlpha = v; }); });

    m_init = new QComboBox(this);
    m_init->setObjectName(QStringLiteral("init"));
    for (InitKind k : allInits())
        m_init->addItem(LayerCatalog::title(k), static_cast<int>(k));
    m_init->setToolTip(tr("How the weights are chosen before training starts."));
    m_form->addRow(tr("Initialiser"), m_init);
    connect(m_init, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto k = static_cast<InitKind>(m_init->itemData(i).toInt());
        commitOptions(tr("initialiser"), [&](LayerOptions &o) { o.init = k; });
    });

    m_bias = new QCheckBox(tr("Add a bias to each neuron"), this);
    m_bias->setObjectName(QStringLiteral("useBias"));
    m_form->addRow(tr("Bias"), m_bias);
    connect(m_bias, &QCheckBox::toggled, this,
            [this](bool on) { commitOptions(tr("bias"), [&](LayerOptions &o) { o.useBias = on; }); });

    m_l1 = new InspectorNumberBox(0.0, 10.0, this);
    m_l1->setObjectName(QStringLiteral("l1"));
    m_l1->setToolTip(tr("L1 penalty on the weights: pushes unneeded weights to exactly zero."));
    m_form->addRow(tr("L1 regularisation"), m_l1);
    connect(m_l1, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commitOptions(tr("L1"), [&](LayerOptions &o) { o.l1 = v; }); });
    m_l2 = new InspectorNumberBox(0.0, 10.0, this);
    m_l2->setObjectName(QStringLiteral("l2"));
    m_l2->setToolTip(tr("L2 penalty on the weights: keeps every weight small."));
    m_form->addRow(tr("L2 regularisation"), m_l2);
    connect(m_l2, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commitOptions(tr("L2"), [&](LayerOptions &o) { o.l2 = v; }); });

    m_rate = new InspectorNumberBox(0.0, 0.99, this);
    m_rate->setObjectName(QStringLiteral("dropoutRate"));
    m_rate->setSingleStep(0.05);
    m_rate->setToolTip(tr("The fraction of units switched off at each training step."));
    m_form->addRow(tr("Drop rate"), m_rate);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commitOptions(tr("drop rate"), [&](LayerOptions &o) { o.rate = v; }); });

    m_momentum = new InspectorNumberBox(0.001, 1.0, this);
    m_momentum->setObjectName(QStringLiteral("bnMomentum"));
    m_momentum->setToolTip(tr("How fast the running mean and variance used for predictions follow the batches."));
    m_form->addRow(tr("Momentum"), m_momentum);
    connect(m_momentum, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commitOptions(tr("momentum"), [&](LayerOptions &o) { o.momentum = v; }); });
    m_epsilon = new InspectorNumberBox(1e-12, 1.0, this);
    m_epsilon->setObjectName(QStringLiteral("bnEpsilon"));
    m_epsilon->setToolTip(tr("Added to the variance so that a constant feature does not divide by zero."));
    m_form->addRow(tr("Epsilon"), m_epsilon);
    connect(m_epsilon, &QDoubleSpinBox::valueChanged, this,
            [this](double v) { commitOptions(tr("epsilon"), [&](LayerOptions &o) { o.epsilon = v; }); });
}

void InspectorLayerForm::setNode(NodeId id)
{
    m_node = id;
    m_name->setModified(false);
    m_shape->setModified(false);
    refresh();
}

void InspectorLayerForm::commit(const QString &field, LayerOptions options, std::string name)
{
    m_doc->undoStack()->push(new ChangeNodeOptionsCommand(m_doc, m_node, std::move(name), std::move(options), field));
}

void InspectorLayerForm::commitOptions(const QString &field, const std::function<void(LayerOptions &)> &change)
{
    const NodeSpec *n = m_doc->graph().find(m_node);
    if (!n)
        return;
    LayerOptions o = n->options;
    change(o);
    if (o == n->options)
        return;
    commit(field, std::move(o), n->name);
}

void InspectorLayerForm::refresh()
{
    const NodeSpec *n = m_doc->graph().find(m_node);
    if (!n)
        return;
    const QSignalBlocker b1(m_units), b2(m_activation), b3(m_init), b4(m_bias), b5(m_l1), b6(m_l2), b7(m_rate),
        b8(m_momentum), b9(m_epsilon), b10(m_slope), b11(m_alpha);
    const auto &o = n->options;
    m_title->setText(LayerCatalog::title(n->kind));
    m_explanation->setText(LayerCatalog::explanation(n->kind));
    // Text being typed (not yet committed) is left alone; everything else follows the document (undo too).
    if (!m_name->isModified())
        m_name->setText(QString::fromStdString(n->name));
    if (!m_shape->isModified())
        m_shape->setText(shapeText(o.shape));
    m_units->setValue(o.units);
    m_activation->setCurrentIndex(m_activation->findData(static_cast<int>(o.activation)));
    m_init->setCurrentIndex(m_init->findData(static_cast<int>(o.init)));
    m_bias->setChecked(o.useBias);
    m_l1->setValue(o.l1);
    m_l2->setValue(o.l2);
    m_rate->setValue(o.rate);
    m_momentum->setValue(o.momentum);
    m_epsilon->setValue(o.epsilon);
    m_slope->setValue(o.leakySlope);
    m_alpha->setValue(o.eluAlpha);

    const auto &v = m_doc->validation();
    QString summary;
    if (auto it = v.shapes.find(n->id); it != v.shapes.end())
        summary = tr("Output shape: %1").arg(shapeText(it->second.dims));
    else
        summary = tr("Output shape: unknown until the layer is wired up");
    if (hasParameters(n->kind)) {
        std::vector<Shape> in;
        for (const auto &e : m_doc->graph().inputsOf(n->id))
            if (auto s = v.shapes.find(e.from); s != v.shapes.end())
                in.push_back(s->second);
        if (!in.empty())
            summary += QLatin1Char('\n') + tr("Trainable parameters: %L1").arg(parameterCount(*n, in));
    }
    m_summary->setText(summary);
    QStringList problems;
    for (const auto &d : v.forNode(n->id))
        problems << QString::fromStdString(d.message);
    m_problems->setText(problems.join(QLatin1Char('\n')));
    m_problems->setVisible(!problems.isEmpty());
    updateRows(*n);
}

void InspectorLayerForm::updateRows(const NodeSpec &n)
{
    const LayerKind k = n.kind;
    const bool dense = k == LayerKind::Dense;
    const bool activates = dense || k == LayerKind::Activation;
    m_form->setRowVisible(m_shape, k == LayerKind::Input);
    m_form->setRowVisible(m_units, dense);
    m_form->setRowVisible(m_activation, activates);
    m_form->setRowVisible(m_slope, activates && n.options.activation == ActivationKind::LeakyReLU);
    m_form->setRowVisible(m_alpha, activates && n.options.activation == ActivationKind::ELU);
    m_form->setRowVisible(m_init, dense);
    m_form->setRowVisible(m_bias, dense);
    m_form->setRowVisible(m_l1, dense);
    m_form->setRowVisible(m_l2, dense);
    m_form->setRowVisible(m_rate, k == LayerKind::Dropout);
    m_form->setRowVisible(m_momentum, k == LayerKind::BatchNorm);
    m_form->setRowVisible(m_epsilon, k == LayerKind::BatchNorm);
}

} // namespace nnp
