#pragma once
// TensorFlow Playground's ± buttons on the canvas, for chain networks only: "− neurons +" above each hidden
// Dense layer and "− hidden layers: N +" above the output layer. They are scene items, so they zoom with the
// canvas (and with presentation mode's scale); they hide when the network is not a chain or its structure
// is locked by a lesson.

#include "graph/graph_spec.h"

#include <QGraphicsItem>

#include <functional>
#include <vector>

class QGraphicsSimpleTextItem;

namespace nnp {

class GraphDocument;

enum class ChainAction { AddNeuron, RemoveNeuron, AddLayer, RemoveLayer };

/// One round + or − button.
class ChainButtonItem : public QGraphicsItem {
public:
    static constexpr double kDiameter = 30.0;
    enum { Type = UserType + 10 };

    ChainButtonItem(ChainAction action, NodeId node, std::function<void()> onClick);
    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] ChainAction action() const { return m_action; }
    [[nodiscard]] NodeId node() const { return m_node; }
    [[nodiscard]] bool isActive() const { return m_active; }
    void setActive(bool on);

    [[nodiscard]] QRectF boundingRect() const override;
    [[nodiscard]] QPainterPath shape() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void hoverEnterEvent(QGraphicsSceneHoverEvent *event) override;
    void hoverLeaveEvent(QGraphicsSceneHoverEvent *event) override;

private:
    ChainAction m_action;
    NodeId m_node;
    std::function<void()> m_onClick;
    bool m_active = true;
    bool m_hovered = false;
};

/// The buttons of one scene, placed anew after every change of the graph or of a block's position.
class ChainButtons {
public:
    ChainButtons(QGraphicsScene *scene, GraphDocument *doc);
    /// Places the buttons for the document's graph (none when it is not a chain or `locked`).
    void refresh(bool locked);
    /// The scene was cleared: the items are gone.
    void forget();
    [[nodiscard]] const std::vector<ChainButtonItem *> &buttons() const { return m_buttons; }
    [[nodiscard]] const std::vector<QGraphicsSimpleTextItem *> &labels() const { return m_labels; }

private:
    void clear();
    void addRow(NodeId node, QPointF blockTopLeft, ChainAction minus, ChainAction plus, bool minusActive,
                bool plusActive, const QString &label);

    QGraphicsScene *m_scene;
    GraphDocument *m_doc;
    std::vector<ChainButtonItem *> m_buttons;
    std::vector<QGraphicsSimpleTextItem *> m_labels;
};

} // namespace nnp
