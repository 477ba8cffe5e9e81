#pragma once
// The canvas: mirrors a GraphDocument (one NodeItem per node, one EdgeItem per wire) and turns mouse
// gestures into document commands — drops from the palette, wires dragged between ports, moves (one
// command per drag, pushed on release), deletion of the selection, auto-layout.

#include "editor/chain_buttons.h"
#include "graph/graph_spec.h"

#include <QGraphicsScene>

#include <map>
#include <optional>
#include <vector>

namespace nnp {

class EdgeItem;
class GraphDocument;
class NodeItem;
class PortItem;

class GraphScene : public QGraphicsScene {
    Q_OBJECT
public:
    static constexpr double kGridSize = 20.0;

    explicit GraphScene(GraphDocument *document, QObject *parent = nullptr);

    [[nodiscard]] GraphDocument *document() const { return m_doc; }
    [[nodiscard]] NodeItem *nodeItem(NodeId id) const;
    [[nodiscard]] EdgeItem *edgeItem(const EdgeSpec &edge) const;
    [[nodiscard]] std::vector<NodeId> selectedNodeIds() const;
    [[nodiscard]] std::vector<EdgeSpec> selectedEdges() const;
    void selectNodes(const std::vector<NodeId> &ids);

    void setSnapToGrid(bool on) { m_snap = on; }
    [[nodiscard]] bool snapToGrid() const { return m_snap; }
    [[nodiscard]] QPointF snapped(QPointF p) const;
    /// The top-left corner of a block moved so that the whole block lies inside `visible` (when it fits).
    [[nodiscard]] static QPointF insideRect(QPointF topLeft, const QRectF &visible);

    /// Deletes the selected layers and wires as one undo step.
    void deleteSelection();
    /// Lays the graph out in columns by depth, as one undo step.
    void autoLayout();
    /// A lesson step that locks the network: no layer or wire is added or removed here (moving and selecting
    /// still work; ui/lesson/lesson_locks.cpp sets it).
    void setStructureLocked(bool locked);
    [[nodiscard]] bool structureLocked() const { return m_structureLocked; }
    /// The reason the last wire gesture was refused (empty after a success), for the status bar and tests.
    [[nodiscard]] QString lastRefusal() const { return m_lastRefusal; }
    /// The ± buttons of a chain network (none otherwise).
    [[nodiscard]] const ChainButtons &chainButtons() const { return m_chain; }

    // Called by PortItem / NodeItem.
    void beginWire(PortItem *from, QPointF scenePos);
    void dragWire(QPointF scenePos);
    void finishWire(QPointF scenePos);
    void nodeItemMoved(NodeItem *item);

signals:
    /// A hint or a refusal to show in the status bar (timeout in ms, 0 = until replaced).
    void statusMessage(const QString &text, int timeout);
    /// A layer was dropped from the palette.
    void nodeDropped(nnp::NodeId id);

protected:
    void drawBackground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void dragEnterEvent(QGraphicsSceneDragDropEvent *event) override;
    void dragMoveEvent(QGraphicsSceneDragDropEvent *event) override;
    void dropEvent(QGraphicsSceneDragDropEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    struct WireTarget {
        NodeId from = -1, to = -1;
        int port = 0;
        PortItem *highlight = nullptr;
    };
    void rebuild();
    void onNodeAdded(NodeId id);
    void onNodeRemoved(NodeId id);
    void onNodeMoved(NodeId id);
    void onEdgeAdded(const EdgeSpec &edge);
    void onEdgeRemoved(const EdgeSpec &edge);
    void refreshNodes();
    void updateEdgesOf(NodeId id);
    void updateEdgePath(EdgeItem *edge);
    std::optional<WireTarget> wireTargetAt(QPointF scenePos) const;
    void clearWireHighlight();

    GraphDocument *m_doc;
    std::map<NodeId, NodeItem *> m_nodes;
    std::vector<EdgeItem *> m_edges;
    bool m_snap = true;
    bool m_structureLocked = false;
    ChainButtons m_chain;
    bool m_syncing = false; // positions being copied from the document: do not snap
    std::map<NodeId, QPointF> m_dragStart;

    // The wire being dragged.
    QGraphicsPathItem *m_wire = nullptr;
    NodeId m_wireNode = -1;
    bool m_wireFromOutput = true;
    int m_wirePort = 0;
    PortItem *m_highlighted = nullptr;
    QString m_lastRefusal;
};

} // namespace nnp
