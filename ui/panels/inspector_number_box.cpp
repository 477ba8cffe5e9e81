#include "panels/inspector_number_box.h"

#include <QLocale>

namespace nnp {

InspectorNumberBox::InspectorNumberBox(double minimum, double maximum, QWidget *parent)
    : QDoubleSpinBox(parent)
{
    setDecimals(12); // the model keeps full precision; textFromValue decides what is shown
    setRange(minimum, maximum);
    setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    setKeyboardTracking(false);
    setAccelerated(true);
}

QString InspectorNumberBox::textFromValue(double value) const
{
    return QString::number(value, 'g', 6);
}

double InspectorNumberBox::valueFromText(const QString &text) const
{
    bool ok = false;
    const double v = QString(text).remove(suffix()).trimmed().toDouble(&ok);
    return ok ? v : value();
}

QValidator::State InspectorNumberBox::validate(QString &text, int &) const
{
    const QString t = QString(text).remove(suffix()).trimmed();
    if (t.isEmpty() || t == QLatin1String("-") || t == QLatin1String(".") || t.endsWith(QLatin1Char('e')) ||
        t.endsWith(QLatin1String("e-")))
        return QValidator::Intermediate;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok) return QValidator::Invalid;
    return v >= minimum() && v <= maximum() ? QValidator::Acceptable : QValidator::Intermediate;
}

} // namespace nnp
