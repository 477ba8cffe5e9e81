#include "i18n/memory_text.h"

#include <QLocale>

#include <algorithm>
#include <cstdint>

namespace nnp {

QString MemoryText::bytes(std::uint64_t bytes)
{
    return QLocale().formattedDataSize(static_cast<qint64>(std::min<std::uint64_t>(bytes, INT64_MAX)), 1,
                                       QLocale::DataSizeSIFormat);
}

QString MemoryText::refusal(const MemoryError &e)
{
    const QString name = QString::fromStdString(e.name());
    QString what;
    switch (e.subject()) {
    case MemoryError::Subject::Layer:
        what = tr("The network needs about %1 of memory (the largest part for layer '%2')")
                   .arg(bytes(e.needed()), name);
        break;
    case MemoryError::Subject::File:
        what = tr("Loading %1 needs about %2 of memory").arg(name, bytes(e.needed()));
        break;
    }
    return tr("%1, more than the limit of %2. Make it smaller, or raise the limit in Edit > Memory limit.")
        .arg(what, bytes(e.limit()));
}

QString MemoryText::outOfMemory()
{
    return tr("The computer ran out of memory. The run was stopped; lower the memory limit in Edit > Memory "
              "limit so that networks this large are refused before they start.");
}

} // namespace nnp
