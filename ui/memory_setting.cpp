#include "memory_setting.h"

#include "i18n/memory_text.h"
#include "memory_budget.h"

#include <QAction>
#include <QInputDialog>
#include <QSettings>
#include <QWidget>

namespace nnp {

namespace {
const QString kKey = QStringLiteral("memory/limitBytes");
}

void MemorySetting::apply()
{
    setMemoryLimit(QSettings().value(kKey, 0).toULongLong());
}

void MemorySetting::store(quint64 bytes)
{
    QSettings settings;
    if (bytes == 0)
        settings.remove(kKey);
    else
        settings.setValue(kKey, bytes);
    setMemoryLimit(bytes);
}

QAction *MemorySetting::createAction(QWidget *parent)
{
    auto *action = new QAction(tr("&Memory limit…"), parent);
    action->setObjectName(QStringLiteral("actionMemoryLimit"));
    action->setToolTip(tr("The most memory a network and its data may take; larger ones are refused "
                          "before they start."));
    QObject::connect(action, &QAction::triggered, parent, [parent] {
        bool ok = false;
        const double gb = QInputDialog::getDouble(
            parent, tr("Memory limit"),
            tr("The most memory a network and its data may take, in GB (0: the default, %1):")
                .arg(MemoryText::bytes(defaultMemoryLimit())),
            double(memoryLimit()) / 1e9, 0.0, 1e6, 1, &ok);
        if (ok) store(gb == 0.0 ? 0 : static_cast<quint64>(gb * 1e9));
    });
    return action;
}

} // namespace nnp
