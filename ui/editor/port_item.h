#pragma once
// A connection point on a block: the output on the right edge, input slots on the left. Dragging from a
// port draws a wire (the scene does the work, the port only forwards the mouse).

#include "graph/graph_spec.h"

#include <QGraphicsItem>

namespace nnp {

class PortItem : public QGraphicsItem {
public:
    enum class Direction { In, Out };
    static constexpr double kRadius = 8.0;
    enum { Type = UserType + 3 };

    PortItem(NodeId node, Direction direction, int port, QGraphicsItem *parent);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] NodeId node() const { return m_node; }
    [[nodiscard]] Direction direction() const { return m_direction; }
    /// The input slot a wire into this port takes (0 for outputs).
    [[nodiscard]] int port() const { return m_port; }
    [[nodiscard]] bool isConnected() const { return m_connected; }
    void setConnected(bool on);
    /// Highlight while a wire is dragged over it: green when it may be connected, red when not.
    enum class Highlight { None, Good, Bad };
    void setHighlight(Highlight h);

    [[nodiscard]] QRectF boundingRect() const override;
    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    NodeId m_node;
    Direction m_direction;
    int m_port;
    bool m_connected = false;
    bool m_hovered = false;
    Highlight m_highlight = Highlight::None;
};

} // namespace nnp
