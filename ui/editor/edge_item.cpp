#include "editor/edge_item.h"

#include "editor/graph_scene.h"

#include <QPainter>
#include <QPainterPathStroker>

#include <algorithm>
#include <cmath>

namespace nnp {

EdgeItem::EdgeItem(const EdgeSpec &edge, QGraphicsItem *parent) : QGraphicsPathItem(parent), m_edge(edge)
{
    setFlags(ItemIsSelectable);
    setZValue(0);
    setAcceptHoverEvents(true);
    setToolTip(GraphScene::tr("A wire: select it and press Delete to remove it"));
}

QPainterPath EdgeItem::curve(QPointF from, QPointF to)
{
    // Horizontal tangents at both ends, so wires leave outputs rightwards and enter inputs from the left.
    const double dx = std::max(60.0, std::abs(to.x() - from.x()) * 0.5);
    QPainterPath p(from);
    if (to.x() >= from.x() + 40.0) {
        p.cubicTo(from + QPointF(dx, 0), to - QPointF(dx, 0), to);
        return p;
    }
    // A wire running backwards loops below the blocks instead of cutting straight through their text.
    const double bulge = std::max(90.0, std::abs(to.y() - from.y()) * 0.5 + 90.0);
    const double below = std::max(from.y(), to.y()) + bulge;
    p.cubicTo(from + QPointF(120, 0), QPointF(from.x() + 120, below),
              QPointF((from.x() + to.x()) / 2, below));
    p.cubicTo(QPointF(to.x() - 120, below), to - QPointF(120, 0), to);
    return p;
}

void EdgeItem::setEnds(QPointF from, QPointF to)
{
    setPath(curve(from, to));
}

QPainterPath EdgeItem::shape() const
{
    QPainterPathStroker stroker;
    stroker.setWidth(14); // easy to click
    return stroker.createStroke(path());
}

void EdgeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    if (isSelected()) {
        painter->setPen(QPen(QColor(0xff, 0xa0, 0x00), 7, Qt::SolidLine, Qt::RoundCap));
        painter->drawPath(path());
    }
    painter->setPen(QPen(QColor(0x45, 0x5a, 0x64), 3, Qt::SolidLine, Qt::RoundCap));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path());
    // An arrowhead just outside the input dot says which way data flows.
    const double angle = path().angleAtPercent(1.0) * M_PI / 180.0;
    const QPointF dir(std::cos(angle), -std::sin(angle)); // Qt measures angles counter-clockwise, y down
    const QPointF normal(-dir.y(), dir.x());
    const QPointF tip = path().pointAtPercent(1.0) - dir * 9.0;
    const QPointF base = tip - dir * 12.0;
    const QPolygonF arrow{tip, base + normal * 6.5, base - normal * 6.5};
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0x45, 0x5a, 0x64));
    painter->drawPolygon(arrow);
}

} // namespace nnp
