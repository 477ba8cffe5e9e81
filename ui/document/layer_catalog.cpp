#include "document/layer_catalog.h"

#include "layers/dense.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

#include <QLocale>
#include <QRegularExpression>

namespace nnp {

QString LayerCatalog::title(LayerKind kind)
{
    return QCoreApplication::translate("LayerCatalog", layerKind(kind).ui.title);
}

QString LayerCatalog::explanation(LayerKind kind)
{
    return QCoreApplication::translate("LayerCatalog", layerKind(kind).ui.description);
}

QString LayerCatalog::iconPath(LayerKind kind)
{
    return QStringLiteral(":/icons/%1.svg").arg(QString::fromLatin1(layerKind(kind).ui.icon));
}

QIcon LayerCatalog::icon(LayerKind kind)
{
    return QIcon(iconPath(kind));
}

QColor LayerCatalog::color(LayerKind kind)
{
    return QColor::fromRgb(layerKind(kind).ui.color);
}

QString LayerCatalog::baseName(LayerKind kind)
{
    // Names are identifiers stored in files and exported code, so they stay ASCII and untranslated.
    return QString::fromLatin1(layerKind(kind).ui.baseName);
}

QString LayerCatalog::optionLabel(const OptionSpec &o)
{
    return QCoreApplication::translate("LayerOptions", o.label);
}

QString LayerCatalog::optionTooltip(const OptionSpec &o)
{
    return *o.tooltip ? QCoreApplication::translate("LayerOptions", o.tooltip) : QString();
}

QString LayerCatalog::choiceTitle(const OptionSpec &o, const std::string &name)
{
    if (o.name == opt::activation.name)
        if (auto a = activationFromString(name)) return title(*a);
    if (o.name == opt::dense::init.name) {
        if (auto k = initFromString(name)) return title(*k);
        if (name == "uniform") return tr("Uniform ±0.05 (Keras)"); // an Embedding's table
        if (name == "normal") return tr("Normal, σ = 1 (PyTorch)");
    }
    if (o.name == opt::input::values.name) return name == "ids" ? tr("ids") : tr("real numbers");
    return QString::fromStdString(name);
}

QString LayerCatalog::valueText(const OptionSpec &o, const OptionValue &v)
{
    if (const auto *i = std::get_if<int>(&v)) return QLocale().toString(*i);
    if (const auto *d = std::get_if<double>(&v)) return QLocale().toString(*d * o.blockScale, 'g', 3);
    if (const auto *b = std::get_if<bool>(&v)) return *b ? tr("on") : tr("off");
    if (const auto *l = std::get_if<std::vector<int>>(&v)) return shapeText(*l);
    return choiceTitle(o, std::get<std::string>(v));
}

QString LayerCatalog::title(ActivationKind kind)
{
    switch (kind) {
    case ActivationKind::Linear:
        return tr("Linear (none)");
    case ActivationKind::ReLU:
        return tr("ReLU");
    case ActivationKind::LeakyReLU:
        return tr("Leaky ReLU");
    case ActivationKind::ELU:
        return tr("ELU");
    case ActivationKind::GELU:
        return tr("GELU");
    case ActivationKind::Tanh:
        return tr("Tanh");
    case ActivationKind::Sigmoid:
        return tr("Sigmoid");
    case ActivationKind::Softplus:
        return tr("Softplus");
    }
    return {};
}

QString LayerCatalog::title(InitKind kind)
{
    switch (kind) {
    case InitKind::Uniform05:
        return tr("Uniform ±0.5 (Playground)");
    case InitKind::GlorotUniform:
        return tr("Glorot uniform");
    case InitKind::GlorotNormal:
        return tr("Glorot normal");
    case InitKind::HeUniform:
        return tr("He uniform");
    case InitKind::HeNormal:
        return tr("He normal");
    case InitKind::Zeros:
        return tr("Zeros");
    }
    return {};
}

QString LayerCatalog::title(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::SGD:
        return tr("SGD");
    case OptimizerKind::AdaGrad:
        return tr("AdaGrad");
    case OptimizerKind::RMSProp:
        return tr("RMSProp");
    case OptimizerKind::Adadelta:
        return tr("Adadelta");
    case OptimizerKind::Adam:
        return tr("Adam");
    case OptimizerKind::AdamW:
        return tr("AdamW");
    }
    return {};
}

QString LayerCatalog::title(ScheduleKind kind)
{
    switch (kind) {
    case ScheduleKind::Constant:
        return tr("Constant");
    case ScheduleKind::StepDecay:
        return tr("Step decay");
    case ScheduleKind::ExponentialDecay:
        return tr("Exponential decay");
    case ScheduleKind::Cosine:
        return tr("Cosine");
    }
    return {};
}

QString LayerCatalog::title(LossKind kind)
{
    switch (kind) {
    case LossKind::MSE:
        return tr("Mean squared error");
    case LossKind::MAE:
        return tr("Mean absolute error");
    case LossKind::Huber:
        return tr("Huber");
    case LossKind::BinaryCrossEntropy:
        return tr("Binary cross-entropy");
    case LossKind::CategoricalCrossEntropy:
        return tr("Categorical cross-entropy");
    case LossKind::SparseCategoricalCrossEntropy:
        return tr("Sparse categorical cross-entropy");
    }
    return {};
}

namespace {
/// A block has room for a choice's name, not its explanation: "Linear (none)" shows as "Linear".
QString blockValue(const QString &text)
{
    static const QRegularExpression note(QStringLiteral("\\s*[(（].*[)）]\\s*$"));
    QString shortText = text;
    shortText.remove(note);
    return shortText.isEmpty() ? text : shortText;
}
} // namespace

QString LayerCatalog::keyOptions(const NodeSpec &node)
{
    QStringList parts;
    for (const OptionSpec &o : layerKind(node.kind).options) {
        if (!*o.blockText || !o.isShown(node.options)) continue;
        const OptionValue v = o.valueIn(node.options);
        if (o.blockUnlessDefault && v == o.def) continue;
        const int *i = std::get_if<int>(&v);
        if (i && *i == 1 && *o.blockTextOne)
            parts << QCoreApplication::translate("LayerOptions", o.blockTextOne);
        else
            parts
                << QCoreApplication::translate("LayerOptions", o.blockText).arg(blockValue(valueText(o, v)));
    }
    return parts.join(QStringLiteral(" · "));
}

QString shapeText(const std::vector<int> &dims)
{
    QStringList parts;
    for (int d : dims)
        parts << QString::number(d);
    return parts.join(QChar(0x00d7));
}

std::vector<int> parseShapeText(const QString &text)
{
    static const QRegularExpression sep(QStringLiteral("\\s*[x×X,*]\\s*|\\s+"));
    const QString t = text.trimmed();
    if (t.isEmpty()) return {};
    std::vector<int> dims;
    for (const QString &part : t.split(sep)) {
        bool ok = false;
        const int v = part.toInt(&ok);
        if (!ok || v <= 0) return {};
        dims.push_back(v);
    }
    return dims;
}

} // namespace nnp
