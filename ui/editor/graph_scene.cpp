#include "editor/graph_scene.h"

#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "document/layer_catalog.h"
#include "editor/auto_layout.h"
#include "editor/edge_item.h"
#include "editor/node_item.h"

#include <QCursor>
#include <QGraphicsSceneContextMenuEvent>
#include <QGraphicsSceneDragDropEvent>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsView>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QToolTip>
#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace nnp {

GraphScene::GraphScene(GraphDocument *document, QObject *parent)
    : QGraphicsScene(parent), m_doc(document), m_chain(this, document)
{
    setSceneRect(-10000, -10000, 20000, 20000);
    setItemIndexMethod(QGraphicsScene::NoIndex); // few items that move a lot
    connect(m_doc, &GraphDocument::documentReset, this, &GraphScene::rebuild);
    connect(m_doc, &GraphDocument::nodeAdded, this, &GraphScene::onNodeAdded);
    connect(m_doc, &GraphDocument::nodeRemoved, this, &GraphScene::onNodeRemoved);
    connect(m_doc, &GraphDocument::nodeMoved, this, &GraphScene::onNodeMoved);
    connect(m_doc, &GraphDocument::edgeAdded, this, &GraphScene::onEdgeAdded);
    connect(m_doc, &GraphDocument::edgeRemoved, this, &GraphScene::onEdgeRemoved);
    connect(m_doc, &GraphDocument::diagnosticsChanged, this, &GraphScene::refreshNodes);
    rebuild();
}

NodeItem *GraphScene::nodeItem(NodeId id) const
{
    auto it = m_nodes.find(id);
    return it == m_nodes.end() ? nullptr : it->second;
}

EdgeItem *GraphScene::edgeItem(const EdgeSpec &edge) const
{
    for (EdgeItem *e : m_edges)
        if (e->edge() == edge) return e;
    return nullptr;
}

std::vector<NodeId> GraphScene::selectedNodeIds() const
{
    std::vector<NodeId> ids;
    for (const auto &n : m_doc->graph().nodes) // document order, so copies keep it
        if (NodeItem *item = nodeItem(n.id); item && item->isSelected()) ids.push_back(n.id);
    return ids;
}

std::vector<EdgeSpec> GraphScene::selectedEdges() const
{
    std::vector<EdgeSpec> edges;
    for (EdgeItem *e : m_edges)
        if (e->isSelected()) edges.push_back(e->edge());
    return edges;
}

void GraphScene::selectNodes(const std::vector<NodeId> &ids)
{
    clearSelection();
    for (NodeId id : ids)
        if (NodeItem *item = nodeItem(id)) item->setSelected(true);
}

QPointF GraphScene::snapped(QPointF p) const
{
    if (!m_snap || m_syncing) return p;
    return {std::round(p.x() / kGridSize) * kGridSize, std::round(p.y() / kGridSize) * kGridSize};
}

void GraphScene::deleteSelection()
{
    if (m_structureLocked) return;
    m_doc->removeItems(selectedNodeIds(), selectedEdges());
}

void GraphScene::autoLayout()
{
    std::vector<NodeMove> moves;
    for (const auto &[id, pos] : layeredLayout(m_doc->graph())) {
        const NodeSpec *n = m_doc->graph().find(id);
        if (n && QPointF(n->x, n->y) != pos) moves.push_back({id, QPointF(n->x, n->y), pos});
    }
    if (!moves.empty())
        m_doc->undoStack()->push(new MoveNodesCommand(m_doc, std::move(moves), tr("Auto-layout")));
}

// ---------------------------------------------------------------- mirroring the document

void GraphScene::rebuild()
{
    // Deleting a selected item emits selectionChanged, whose receivers ask this scene for its items:
    // forget them first so nobody sees a half-destroyed one.
    m_highlighted = nullptr;
    m_wire = nullptr;
    m_nodes.clear();
    m_edges.clear();
    m_chain.forget();
    clear();
    for (const auto &n : m_doc->graph().nodes)
        onNodeAdded(n.id);
    for (const auto &e : m_doc->graph().edges)
        onEdgeAdded(e);
    m_chain.refresh(m_structureLocked);
}

void GraphScene::setStructureLocked(bool locked)
{
    m_structureLocked = locked;
    m_chain.refresh(m_structureLocked);
}

void GraphScene::onNodeAdded(NodeId id)
{
    const NodeSpec *n = m_doc->graph().find(id);
    if (!n || m_nodes.count(id)) return;
    auto *item = new NodeItem(*n);
    m_syncing = true;
    item->setPos(n->x, n->y);
    m_syncing = false;
    item->refresh(*n, m_doc->graph(), m_doc->validation());
    addItem(item);
    m_nodes[id] = item;
}

void GraphScene::onNodeRemoved(NodeId id)
{
    auto it = m_nodes.find(id);
    if (it == m_nodes.end()) return;
    if (m_highlighted && m_highlighted->node() == id) m_highlighted = nullptr;
    NodeItem *item = it->second;
    m_nodes.erase(it); // before the delete: see rebuild()
    delete item;
}

void GraphScene::onNodeMoved(NodeId id)
{
    const NodeSpec *n = m_doc->graph().find(id);
    NodeItem *item = nodeItem(id);
    if (!n || !item) return;
    m_syncing = true;
    item->setPos(n->x, n->y);
    m_syncing = false;
    m_chain.refresh(m_structureLocked);
}

void GraphScene::onEdgeAdded(const EdgeSpec &edge)
{
    if (!nodeItem(edge.from) || !nodeItem(edge.to) || edgeItem(edge)) return;
    auto *item = new EdgeItem(edge);
    addItem(item);
    m_edges.push_back(item);
    updateEdgesOf(edge.to); // a Concatenate gains a slot, moving the others
}

void GraphScene::onEdgeRemoved(const EdgeSpec &edge)
{
    for (auto it = m_edges.begin(); it != m_edges.end(); ++it)
        if ((*it)->edge() == edge) {
            EdgeItem *item = *it;
            m_edges.erase(it); // before the delete: see rebuild()
            delete item;
            break;
        }
    updateEdgesOf(edge.to);
}

void GraphScene::refreshNodes()
{
    if (m_highlighted) {
        m_highlighted->setHighlight(PortItem::Highlight::None);
        m_highlighted = nullptr;
    }
    for (auto &[id, item] : m_nodes)
        if (const NodeSpec *n = m_doc->graph().find(id))
            item->refresh(*n, m_doc->graph(), m_doc->validation());
    for (EdgeItem *e : m_edges)
        updateEdgePath(e);
    m_chain.refresh(m_structureLocked);
}

void GraphScene::nodeItemMoved(NodeItem *item)
{
    updateEdgesOf(item->nodeId());
}

void GraphScene::updateEdgesOf(NodeId id)
{
    for (EdgeItem *e : m_edges)
        if (e->edge().from == id || e->edge().to == id) updateEdgePath(e);
}

void GraphScene::updateEdgePath(EdgeItem *edge)
{
    NodeItem *from = nodeItem(edge->edge().from);
    NodeItem *to = nodeItem(edge->edge().to);
    if (!from || !to) return;
    const PortItem *in = to->inputPort(edge->edge().port);
    const QPointF end = in ? in->scenePos() : to->mapToScene(0, NodeItem::kHeight / 2);
    edge->setEnds(from->outputPort()->scenePos(), end);
}

// ---------------------------------------------------------------- wires

void GraphScene::beginWire(PortItem *from, QPointF scenePos)
{
    if (m_structureLocked) return;
    delete m_wire;
    m_wireNode = from->node();
    m_wireFromOutput = from->direction() == PortItem::Direction::Out;
    m_wirePort = from->port();
    m_wire = new QGraphicsPathItem;
    m_wire->setPen(QPen(QColor(0x45, 0x5a, 0x64), 3, Qt::DashLine, Qt::RoundCap));
    m_wire->setZValue(5);
    addItem(m_wire);
    dragWire(scenePos);
}

std::optional<GraphScene::WireTarget> GraphScene::wireTargetAt(QPointF scenePos) const
{
    const double r = PortItem::kRadius + 8.0;
    const auto under = items(QRectF(scenePos - QPointF(r, r), QSizeF(2 * r, 2 * r)), Qt::IntersectsItemShape,
                             Qt::DescendingOrder);
    const auto wanted = m_wireFromOutput ? PortItem::Direction::In : PortItem::Direction::Out;
    WireTarget t;
    for (QGraphicsItem *item : under)
        if (item->type() == PortItem::Type) {
            auto *p = static_cast<PortItem *>(item);
            if (p->direction() != wanted || p->node() == m_wireNode) continue;
            t.highlight = p;
            if (m_wireFromOutput) {
                t.from = m_wireNode;
                t.to = p->node();
                t.port = p->port();
            } else {
                t.from = p->node();
                t.to = m_wireNode;
                t.port = m_wirePort;
            }
            return t;
        }
    // Dropping a wire on the body of a block connects to its free input (or from its output).
    for (QGraphicsItem *item : items(scenePos, Qt::IntersectsItemShape, Qt::DescendingOrder))
        if (item->type() == NodeItem::Type) {
            auto *n = static_cast<NodeItem *>(item);
            if (n->nodeId() == m_wireNode) return std::nullopt;
            if (m_wireFromOutput) {
                t.from = m_wireNode;
                t.to = n->nodeId();
                t.port = GraphDocument::takesSeveralInputs(n->spec().kind) ? m_doc->nextFreePort(t.to) : 0;
                t.highlight = n->inputPort(t.port);
            } else {
                t.from = n->nodeId();
                t.to = m_wireNode;
                t.port = m_wirePort;
                t.highlight = n->outputPort();
            }
            return t;
        }
    return std::nullopt;
}

void GraphScene::clearWireHighlight()
{
    if (m_highlighted) m_highlighted->setHighlight(PortItem::Highlight::None);
    m_highlighted = nullptr;
}

void GraphScene::dragWire(QPointF scenePos)
{
    if (!m_wire) return;
    NodeItem *start = nodeItem(m_wireNode);
    if (!start) return;
    const PortItem *sp = m_wireFromOutput ? start->outputPort() : start->inputPort(m_wirePort);
    const QPointF anchor = sp ? sp->scenePos() : start->scenePos();
    clearWireHighlight();
    QPointF end = scenePos;
    if (auto t = wireTargetAt(scenePos)) {
        const QString problem = m_doc->connectionProblem(t->from, t->to, t->port);
        if (t->highlight) {
            m_highlighted = t->highlight;
            m_highlighted->setHighlight(problem.isEmpty() ? PortItem::Highlight::Good
                                                          : PortItem::Highlight::Bad);
            end = t->highlight->scenePos();
        }
        emit statusMessage(problem.isEmpty() ? tr("Release to connect.") : problem, 0);
    } else {
        emit statusMessage(m_wireFromOutput ? tr("Drop the wire on the input of another layer.")
                                            : tr("Drop the wire on the output of another layer."),
                           0);
    }
    m_wire->setPath(m_wireFromOutput ? EdgeItem::curve(anchor, end) : EdgeItem::curve(end, anchor));
}

void GraphScene::finishWire(QPointF scenePos)
{
    if (!m_wire) return;
    const auto target = wireTargetAt(scenePos);
    clearWireHighlight();
    delete m_wire;
    m_wire = nullptr;
    if (!target) {
        emit statusMessage(QString(), 0);
        return;
    }
    m_lastRefusal = m_doc->connectNodes(target->from, target->to, target->port);
    if (!m_lastRefusal.isEmpty()) {
        emit statusMessage(m_lastRefusal, 8000);
        QToolTip::showText(QCursor::pos(), m_lastRefusal);
        return;
    }
    const NodeSpec *a = m_doc->graph().find(target->from);
    const NodeSpec *b = m_doc->graph().find(target->to);
    emit statusMessage(
        tr("Connected %1 → %2.").arg(QString::fromStdString(a->name), QString::fromStdString(b->name)), 4000);
}

// ---------------------------------------------------------------- moves, drops, menus

void GraphScene::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mousePressEvent(event);
    m_dragStart.clear();
    if (event->button() == Qt::LeftButton && mouseGrabberItem() &&
        mouseGrabberItem()->type() == NodeItem::Type)
        for (NodeId id : selectedNodeIds())
            m_dragStart[id] = nodeItem(id)->pos();
}

void GraphScene::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() != Qt::LeftButton || m_dragStart.empty()) return;
    std::vector<NodeMove> moves;
    for (const auto &[id, from] : m_dragStart)
        if (NodeItem *item = nodeItem(id); item && item->pos() != from)
            moves.push_back({id, from, item->pos()});
    m_dragStart.clear();
    if (!moves.empty()) m_doc->undoStack()->push(new MoveNodesCommand(m_doc, std::move(moves)));
}

void GraphScene::dragEnterEvent(QGraphicsSceneDragDropEvent *event)
{
    if (m_structureLocked) return event->ignore();
    event->setAccepted(event->mimeData()->hasFormat(QString::fromLatin1(kLayerKindMimeType)));
}

void GraphScene::dragMoveEvent(QGraphicsSceneDragDropEvent *event)
{
    if (m_structureLocked) return event->ignore();
    // The default asks the items under the cursor, none of which take drops: accept on the canvas itself.
    event->setAccepted(event->mimeData()->hasFormat(QString::fromLatin1(kLayerKindMimeType)));
}

QPointF GraphScene::insideRect(QPointF topLeft, const QRectF &visible)
{
    // A grid step of room on every side, so that snapping afterwards cannot push the block out again.
    const double margin = kGridSize;
    const double right = visible.right() - NodeItem::kWidth - margin,
                 bottom = visible.bottom() - NodeItem::kHeight - margin;
    if (right > visible.left() + margin)
        topLeft.setX(std::clamp(topLeft.x(), visible.left() + margin, right));
    if (bottom > visible.top() + margin)
        topLeft.setY(std::clamp(topLeft.y(), visible.top() + margin, bottom));
    return topLeft;
}

void GraphScene::dropEvent(QGraphicsSceneDragDropEvent *event)
{
    const auto kind =
        layerKindFromString(event->mimeData()->data(QString::fromLatin1(kLayerKindMimeType)).toStdString());
    if (!kind) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    QPointF topLeft = event->scenePos() - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2);
    // A layer dropped near the edge of the visible canvas lands wholly inside it, not half outside. (Only a
    // drop the view shows is moved: a synthetic one beyond it, from a test or a script, stays where it is.)
    if (auto *view =
            event->widget() ? qobject_cast<QGraphicsView *>(event->widget()->parentWidget()) : nullptr) {
        const QRectF visible = view->mapToScene(view->viewport()->rect()).boundingRect();
        if (visible.contains(event->scenePos())) topLeft = insideRect(topLeft, visible);
    }
    topLeft = snapped(topLeft);
    const NodeId id = m_doc->addNode(*kind, topLeft);
    selectNodes({id});
    emit nodeDropped(id);
    emit statusMessage(
        tr("Added %1 — drag from its right dot to wire it up.").arg(LayerCatalog::title(*kind)), 5000);
}

void GraphScene::contextMenuEvent(QGraphicsSceneContextMenuEvent *event)
{
    if (m_structureLocked) return;
    QGraphicsItem *item = itemAt(event->scenePos(), QTransform());
    while (item && item->type() != NodeItem::Type && item->type() != EdgeItem::Type)
        item = item->parentItem();
    if (!item) return;
    if (!item->isSelected()) {
        clearSelection();
        item->setSelected(true);
    }
    QMenu menu;
    QAction *del = menu.addAction(item->type() == EdgeItem::Type ? tr("Delete wire") : tr("Delete"));
    if (menu.exec(event->screenPos()) == del) deleteSelection();
}

void GraphScene::drawBackground(QPainter *painter, const QRectF &rect)
{
    painter->fillRect(rect, QColor(0xf4, 0xf6, 0xf9));
    const double big = kGridSize * 5;
    QVector<QLineF> minor, major;
    for (double x = std::floor(rect.left() / kGridSize) * kGridSize; x < rect.right(); x += kGridSize)
        (std::fmod(std::abs(x), big) < 0.5 ? major : minor) << QLineF(x, rect.top(), x, rect.bottom());
    for (double y = std::floor(rect.top() / kGridSize) * kGridSize; y < rect.bottom(); y += kGridSize)
        (std::fmod(std::abs(y), big) < 0.5 ? major : minor) << QLineF(rect.left(), y, rect.right(), y);
    const double scale = painter->worldTransform().m11();
    if (scale > 0.45) { // at small zooms the fine grid would be a grey blur
        painter->setPen(QPen(QColor(0xe6, 0xea, 0xef), 0));
        painter->drawLines(minor);
    }
    painter->setPen(QPen(QColor(0xd5, 0xdb, 0xe3), 0));
    painter->drawLines(major);
}

} // namespace nnp
