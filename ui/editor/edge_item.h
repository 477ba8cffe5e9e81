#pragma once
// A wire from one layer's output to an input slot of another, drawn as a smooth curve. Selectable, so a
// wire can be deleted on its own.

#include "graph/graph_spec.h"

#include <QGraphicsPathItem>

namespace nnp {

class EdgeItem : public QGraphicsPathItem {
public:
    enum { Type = UserType + 2 };
    explicit EdgeItem(const EdgeSpec &edge, QGraphicsItem *parent = nullptr);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] const EdgeSpec &edge() const { return m_edge; }
    /// Re-draws the curve between two scene points.
    void setEnds(QPointF from, QPointF to);
    /// The curve every wire uses, also for the wire being dragged.
    static QPainterPath curve(QPointF from, QPointF to);

    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

private:
    EdgeSpec m_edge;
};

} // namespace nnp
