#pragma once
// The layer palette: every layer kind with its icon and a one-line explanation. Drag one onto the canvas
// (QDrag carrying kLayerKindMimeType), or double-click / press Enter to add it in the middle of the view.

#include "graph/graph_spec.h"

#include <QWidget>

class QListWidget;
class QMimeData;

namespace nnp {

class PaletteWidget : public QWidget {
    Q_OBJECT
public:
    explicit PaletteWidget(QWidget *parent = nullptr);

    /// The drag data for one layer kind (what a drag from the palette carries).
    static QMimeData *mimeDataFor(LayerKind kind);
    [[nodiscard]] QListWidget *list() const { return m_list; }

signals:
    /// Double-click or Enter on an entry.
    void layerActivated(nnp::LayerKind kind);

private:
    QListWidget *m_list;
};

} // namespace nnp
