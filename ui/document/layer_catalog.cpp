#include "document/layer_catalog.h"

#include <QRegularExpression>

namespace nnp {

QString LayerCatalog::title(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Input: return tr("Input");
    case LayerKind::Dense: return tr("Dense");
    case LayerKind::Activation: return tr("Activation");
    case LayerKind::Softmax: return tr("Softmax");
    case LayerKind::Dropout: return tr("Dropout");
    case LayerKind::BatchNorm: return tr("Batch norm");
    case LayerKind::Concatenate: return tr("Concatenate");
    case LayerKind::Add: return tr("Add");
    case LayerKind::Flatten: return tr("Flatten");
    }
    return {};
}

QString LayerCatalog::explanation(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Input: return tr("Where the data enters: one value per feature of a sample.");
    case LayerKind::Dense: return tr("Neurons that each weigh every input, add a bias and apply an activation.");
    case LayerKind::Activation: return tr("Bends its input with a function such as ReLU or tanh.");
    case LayerKind::Softmax: return tr("Turns scores into class probabilities that sum to 1.");
    case LayerKind::Dropout: return tr("While training, switches off random units so the network cannot memorise.");
    case LayerKind::BatchNorm: return tr("Rescales each feature to mean 0 and spread 1 over the batch.");
    case LayerKind::Concatenate: return tr("Joins several inputs end to end into one longer vector.");
    case LayerKind::Add: return tr("Adds inputs of the same shape element by element (a skip connection).");
    case LayerKind::Flatten: return tr("Lays an image or grid out as one long row of numbers.");
    }
    return {};
}

QString LayerCatalog::iconPath(LayerKind kind)
{
    return QStringLiteral(":/icons/%1.svg").arg(QString::fromLatin1(toString(kind).data()).toLower());
}

QIcon LayerCatalog::icon(LayerKind kind) { return QIcon(iconPath(kind)); }

QColor LayerCatalog::color(LayerKind kind)
{
    switch (kind) {
    case LayerKind::Input: return QColor(0x2e, 0x7d, 0x32);
    case LayerKind::Dense: return QColor(0x15, 0x65, 0xc0);
    case LayerKind::Activation: return QColor(0xef, 0x6c, 0x00);
    case LayerKind::Softmax: return QColor(0x6a, 0x1b, 0x9a);
    case LayerKind::Dropout: return QColor(0x54, 0x6e, 0x7a);
    case LayerKind::BatchNorm: return QColor(0x00, 0x83, 0x8f);
    case LayerKind::Concatenate: return QColor(0xad, 0x14, 0x57);
    case LayerKind::Add: return QColor(0xc6, 0x28, 0x28);
    case LayerKind::Flatten: return QColor(0x4e, 0x34, 0x2e);
    }
    return Qt::gray;
}

QString LayerCatalog::baseName(LayerKind kind)
{
    // Names are identifiers stored in files and exported code, so they stay ASCII and untranslated.
    switch (kind) {
    case LayerKind::Input: return QStringLiteral("input");
    case LayerKind::Dense: return QStringLiteral("dense");
    case LayerKind::Activation: return QStringLiteral("activation");
    case LayerKind::Softmax: return QStringLiteral("softmax");
    case LayerKind::Dropout: return QStringLiteral("dropout");
    case LayerKind::BatchNorm: return QStringLiteral("batchnorm");
    case LayerKind::Concatenate: return QStringLiteral("concat");
    case LayerKind::Add: return QStringLiteral("add");
    case LayerKind::Flatten: return QStringLiteral("flatten");
    }
    return QStringLiteral("layer");
}

QString LayerCatalog::title(ActivationKind kind)
{
    switch (kind) {
    case ActivationKind::Linear: return tr("Linear (none)");
    case ActivationKind::ReLU: return tr("ReLU");
    case ActivationKind::LeakyReLU: return tr("Leaky ReLU");
    case ActivationKind::ELU: return tr("ELU");
    case ActivationKind::GELU: return tr("GELU");
    case ActivationKind::Tanh: return tr("Tanh");
    case ActivationKind::Sigmoid: return tr("Sigmoid");
    case ActivationKind::Softplus: return tr("Softplus");
    }
    return {};
}

QString LayerCatalog::title(InitKind kind)
{
    switch (kind) {
    case InitKind::Uniform05: return tr("Uniform ±0.5 (Playground)");
    case InitKind::GlorotUniform: return tr("Glorot uniform");
    case InitKind::GlorotNormal: return tr("Glorot normal");
    case InitKind::HeUniform: return tr("He uniform");
    case InitKind::HeNormal: return tr("He normal");
    case InitKind::Zeros: return tr("Zeros");
    }
    return {};
}

QString LayerCatalog::title(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::SGD: return tr("SGD");
    case OptimizerKind::AdaGrad: return tr("AdaGrad");
    case OptimizerKind::RMSProp: return tr("RMSProp");
    case OptimizerKind::Adadelta: return tr("Adadelta");
    case OptimizerKind::Adam: return tr("Adam");
    case OptimizerKind::AdamW: return tr("AdamW");
    }
    return {};
}

QString LayerCatalog::title(ScheduleKind kind)
{
    switch (kind) {
    case ScheduleKind::Constant: return tr("Constant");
    case ScheduleKind::StepDecay: return tr("Step decay");
    case ScheduleKind::ExponentialDecay: return tr("Exponential decay");
    case ScheduleKind::Cosine: return tr("Cosine");
    }
    return {};
}

QString LayerCatalog::title(LossKind kind)
{
    switch (kind) {
    case LossKind::MSE: return tr("Mean squared error");
    case LossKind::MAE: return tr("Mean absolute error");
    case LossKind::Huber: return tr("Huber");
    case LossKind::BinaryCrossEntropy: return tr("Binary cross-entropy");
    case LossKind::CategoricalCrossEntropy: return tr("Categorical cross-entropy");
    case LossKind::SparseCategoricalCrossEntropy: return tr("Sparse categorical cross-entropy");
    }
    return {};
}

QString LayerCatalog::keyOptions(const NodeSpec &node)
{
    const auto &o = node.options;
    switch (node.kind) {
    case LayerKind::Input: return tr("shape %1").arg(shapeText(o.shape));
    case LayerKind::Dense:
        return (o.units == 1 ? tr("1 unit · %1").arg(title(o.activation))
                             : tr("%1 units · %2").arg(o.units).arg(title(o.activation)));
    case LayerKind::Activation: return title(o.activation);
    case LayerKind::Dropout: return tr("drop %1 %").arg(o.rate * 100.0, 0, 'g', 3);
    case LayerKind::BatchNorm: return tr("momentum %1").arg(o.momentum, 0, 'g', 3);
    default: return {};
    }
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
    if (t.isEmpty())
        return {};
    std::vector<int> dims;
    for (const QString &part : t.split(sep)) {
        bool ok = false;
        const int v = part.toInt(&ok);
        if (!ok || v <= 0)
            return {};
        dims.push_back(v);
    }
    return dims;
}

} // namespace nnp
