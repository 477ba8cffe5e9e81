#pragma once
// The layer box of an insights view (Embedding map, Unrolled sequence): lists the network's layers of the
// view's kind by name with their node ids, refilled only when that list changed, and keeps the layer shown
// chosen, without emitting the box's change signals. Disabled when there is nothing to choose.

#include <QComboBox>
#include <QSignalBlocker>
#include <QStringList>

#include <vector>

namespace nnp {

inline void showLayerChoice(QComboBox *box, const std::vector<int> &nodes, const QStringList &names,
                            int shown)
{
    const QSignalBlocker block(box);
    QList<int> listed;
    for (int i = 0; i < box->count(); ++i)
        listed << box->itemData(i).toInt();
    if (listed != QList<int>(nodes.begin(), nodes.end())) {
        box->clear();
        for (std::size_t i = 0; i < nodes.size(); ++i)
            box->addItem(names.value(static_cast<qsizetype>(i)), nodes[i]);
    }
    if (const int at = box->findData(shown); at >= 0) box->setCurrentIndex(at);
    box->setEnabled(nodes.size() > 1);
}

} // namespace nnp
