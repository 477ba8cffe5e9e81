#include "i18n/diagnostic_text.h"

#include "layers/layer_registry.h"

#include <QCoreApplication>

namespace nnp {

namespace {

QString translated(const char *format)
{
    return *format ? QCoreApplication::translate("Diagnostics", format) : QString();
}

/// %1 … %99 replaced in one pass, as QString::arg with several arguments does: a node named "a%2" keeps its
/// name, which a chain of .arg() calls would not.
QString fill(const QString &format, const QStringList &args)
{
    QString r;
    r.reserve(format.size());
    for (qsizetype i = 0; i < format.size(); ++i) {
        qsizetype end = i + 1;
        qsizetype n = 0;
        while (end < format.size() && end < i + 3 && format[end] >= u'0' && format[end] <= u'9')
            n = n * 10 + (format[end++].unicode() - u'0');
        if (format[i] == QLatin1Char('%') && end > i + 1 && n >= 1 && n <= args.size()) {
            r += args[n - 1];
            i = end - 1;
        } else {
            r += format[i];
        }
    }
    return r;
}

QString argText(const DiagnosticArg &a);

QStringList argTexts(const std::vector<DiagnosticArg> &args)
{
    QStringList r;
    for (const DiagnosticArg &a : args)
        r << argText(a);
    return r;
}

QString argText(const DiagnosticArg &a)
{
    switch (a.kind) {
    case DiagnosticArg::Kind::Value:
        return QString::fromStdString(a.text);
    case DiagnosticArg::Kind::Node:
        return fill(translated(kNodeLabelFormat),
                    {QCoreApplication::translate("LayerCatalog", layerKind(a.layer).ui.title),
                     QString::fromStdString(a.text)});
    case DiagnosticArg::Kind::Option:
        return QCoreApplication::translate("LayerOptions", a.format);
    case DiagnosticArg::Kind::Phrase:
        return fill(translated(a.format), argTexts(a.args));
    }
    return QString::fromStdString(a.text);
}

} // namespace

QString diagnosticText(const Diagnostic &d)
{
    return fill(translated(d.format), argTexts(d.args));
}

} // namespace nnp
