#include "editor/port_item.h"

#include "editor/graph_scene.h"

#include <QCursor>
#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace nnp {

PortItem::PortItem(NodeId node, Direction direction, int port, QGraphicsItem *parent)
    : QGraphicsItem(parent), m_node(node), m_direction(direction), m_port(port)
{
    setAcceptHoverEvents(true);
    setCursor(Qt::CrossCursor);
    setZValue(2);
    setToolTip(direction == Direction::Out
                   ? GraphScene::tr("Output: drag from here to an input to connect")
                   : GraphScene::tr("Input: drag a wire here from another layer's output"));
}

void PortItem::setConnected(bool on)
{
    if (m_connected != on) {
        m_connected = on;
        update();
    }
}

void PortItem::setHighlight(Highlight h)
{
    if (m_highlight != h) {
        m_highlight = h;
        update();
    }
}

QRectF PortItem::boundingRect() const
{
    // Larger than the dot so it is easy to hit with a mouse on a projector.
    const double r = kRadius + 6.0;
    return {-r, -r, 2 * r, 2 * r};
}

QPainterPath PortItem::shape() const
{
    QPainterPath p;
    p.addEllipse(boundingRect());
    return p;
}

void PortItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = m_connected ? QColor(0x42, 0x42, 0x42) : QColor(Qt::white);
    QColor ring(0x42, 0x42, 0x42);
    double r = kRadius;
    if (m_hovered) r += 2.0;
    if (m_highlight == Highlight::Good) {
        ring = QColor(0x2e, 0x7d, 0x32);
        fill = QColor(0xa5, 0xd6, 0xa7);
        r += 3.0;
    } else if (m_highlight == Highlight::Bad) {
        ring = QColor(0xc6, 0x28, 0x28);
        fill = QColor(0xef, 0x9a, 0x9a);
        r += 3.0;
    }
    painter->setPen(QPen(ring, 2.5));
    painter->setBrush(fill);
    painter->drawEllipse(QPointF(0, 0), r, r);
}

void PortItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    auto *s = qobject_cast<GraphScene *>(scene());
    if (event->button() != Qt::LeftButton || !s) {
        event->ignore();
        return;
    }
    s->beginWire(this, event->scenePos());
    event->accept();
}

void PortItem::mouseMoveEvent(QGraphicsSceneMouseEvent *event)
{
    if (auto *s = qobject_cast<GraphScene *>(scene())) s->dragWire(event->scenePos());
}

void PortItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (auto *s = qobject_cast<GraphScene *>(scene())) s->finishWire(event->scenePos());
}

void PortItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void PortItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}

} // namespace nnp
