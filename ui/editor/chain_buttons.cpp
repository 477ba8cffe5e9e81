#include "editor/chain_buttons.h"

#include "commands/chain_commands.h"
#include "document/graph_document.h"
#include "editor/graph_scene.h"
#include "editor/node_item.h"
#include "graph/chain_edit.h"
#include "layers/dense.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsScene>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QPainter>

#include <utility>

namespace nnp {

ChainButtonItem::ChainButtonItem(ChainAction action, NodeId node, std::function<void()> onClick)
    : m_action(action), m_node(node), m_onClick(std::move(onClick))
{
    setAcceptHoverEvents(true);
    setAcceptedMouseButtons(Qt::LeftButton);
    setZValue(3);
    setCursor(Qt::PointingHandCursor);
    switch (action) {
    case ChainAction::AddNeuron:
        setToolTip(GraphScene::tr("One neuron more in this layer"));
        break;
    case ChainAction::RemoveNeuron:
        setToolTip(GraphScene::tr("One neuron less in this layer"));
        break;
    case ChainAction::AddLayer:
        setToolTip(GraphScene::tr("A hidden layer more, as wide as the last one, before the output"));
        break;
    case ChainAction::RemoveLayer:
        setToolTip(GraphScene::tr("The last hidden layer out"));
        break;
    }
}

void ChainButtonItem::setActive(bool on)
{
    m_active = on;
    setCursor(on ? Qt::PointingHandCursor : Qt::ArrowCursor);
    update();
}

QRectF ChainButtonItem::boundingRect() const
{
    return QRectF(-kDiameter / 2 - 1, -kDiameter / 2 - 1, kDiameter + 2, kDiameter + 2);
}

QPainterPath ChainButtonItem::shape() const
{
    QPainterPath p;
    p.addEllipse(QPointF(0, 0), kDiameter / 2, kDiameter / 2);
    return p;
}

void ChainButtonItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QColor ink = m_active ? QColor(0x37, 0x47, 0x4f) : QColor(0xb0, 0xb7, 0xbb);
    painter->setPen(QPen(ink, 2));
    painter->setBrush(m_active && m_hovered ? QColor(0xe3, 0xf2, 0xfd) : QColor(Qt::white));
    painter->drawEllipse(QPointF(0, 0), kDiameter / 2 - 1, kDiameter / 2 - 1);
    painter->setPen(QPen(ink, 3, Qt::SolidLine, Qt::RoundCap));
    const double arm = kDiameter * 0.25;
    painter->drawLine(QPointF(-arm, 0), QPointF(arm, 0));
    if (m_action == ChainAction::AddNeuron || m_action == ChainAction::AddLayer)
        painter->drawLine(QPointF(0, -arm), QPointF(0, arm));
}

void ChainButtonItem::mousePressEvent(QGraphicsSceneMouseEvent *event)
{
    event->accept(); // the release comes here, and no block behind is selected or dragged
}

void ChainButtonItem::mouseReleaseEvent(QGraphicsSceneMouseEvent *event)
{
    if (m_active && shape().contains(event->pos()) && m_onClick) m_onClick();
}

void ChainButtonItem::hoverEnterEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = true;
    update();
}

void ChainButtonItem::hoverLeaveEvent(QGraphicsSceneHoverEvent *)
{
    m_hovered = false;
    update();
}

// ---------------------------------------------------------------- the buttons of a scene

ChainButtons::ChainButtons(QGraphicsScene *scene, GraphDocument *doc) : m_scene(scene), m_doc(doc) {}

void ChainButtons::forget()
{
    m_buttons.clear();
    m_labels.clear();
}

void ChainButtons::clear()
{
    // Taken out first, so that whatever the deletions set off finds no buttons; and deleted only while the
    // scene still holds them (a scene cleared without forget() has deleted them already).
    const std::vector<ChainButtonItem *> buttons = std::exchange(m_buttons, {});
    const std::vector<QGraphicsSimpleTextItem *> labels = std::exchange(m_labels, {});
    const QList<QGraphicsItem *> held = m_scene->items();
    for (auto *b : buttons)
        if (held.contains(b)) delete b;
    for (auto *l : labels)
        if (held.contains(l)) delete l;
}

void ChainButtons::refresh(bool locked)
{
    clear();
    if (locked) return;
    const GraphSpec &graph = m_doc->graph();
    const auto output = chainOutputLayer(graph);
    if (!output) return;
    const auto hidden = hiddenDenseLayers(graph);
    for (NodeId id : hidden) {
        const NodeSpec &n = *graph.find(id);
        addRow(id, QPointF(n.x, n.y), ChainAction::RemoveNeuron, ChainAction::AddNeuron,
               unitsAfter(graph, id, -1).has_value(), unitsAfter(graph, id, +1).has_value(),
               GraphScene::tr("neurons"));
    }
    const NodeSpec &out = *graph.find(*output);
    addRow(out.id, QPointF(out.x, out.y), ChainAction::RemoveLayer, ChainAction::AddLayer, !hidden.empty(),
           planHiddenLayerInsertion(graph, "hidden").has_value(),
           GraphScene::tr("hidden layers: %1").arg(hidden.size()));
}

void ChainButtons::addRow(NodeId node, QPointF blockTopLeft, ChainAction minus, ChainAction plus,
                          bool minusActive, bool plusActive, const QString &label)
{
    // Buttons and their label in a row just above the block (the badge's corner stays free).
    const double y = blockTopLeft.y() - ChainButtonItem::kDiameter / 2 - 18;
    GraphDocument *doc = m_doc;
    QGraphicsScene *scene = m_scene;
    const auto act = [doc, scene, node](ChainAction a) {
        return [doc, scene, node, a] {
            // Queued: the edit rebuilds these buttons, the one being released among them.
            QMetaObject::invokeMethod(
                scene,
                [doc, node, a] {
                    switch (a) {
                    case ChainAction::AddNeuron:
                        chain::changeNeurons(doc, node, +1);
                        break;
                    case ChainAction::RemoveNeuron:
                        chain::changeNeurons(doc, node, -1);
                        break;
                    case ChainAction::AddLayer:
                        chain::addHiddenLayer(doc);
                        break;
                    case ChainAction::RemoveLayer:
                        chain::removeHiddenLayer(doc);
                        break;
                    }
                },
                Qt::QueuedConnection);
        };
    };
    const double r = ChainButtonItem::kDiameter / 2;
    auto *m = new ChainButtonItem(minus, node, act(minus));
    m->setPos(blockTopLeft.x() + r, y);
    m->setActive(minusActive);
    auto *p = new ChainButtonItem(plus, node, act(plus));
    p->setPos(blockTopLeft.x() + NodeItem::kWidth - r, y); // above the badge on the block's corner
    p->setActive(plusActive);

    // The label between the buttons: smaller before it is cut ("隐藏层：3" fits, "hidden layers: 3" just so).
    const double left = m->pos().x() + r + 4, right = p->pos().x() - r - 4;
    auto *text = new QGraphicsSimpleTextItem;
    QFont font = text->font();
    QString shown = label;
    for (double size = NodeItem::kDetailPointSize; size >= 8.5; size -= 0.5) {
        font.setPointSizeF(size);
        shown = QFontMetricsF(font).elidedText(label, Qt::ElideRight, right - left);
        if (shown == label) break;
    }
    text->setFont(font);
    text->setText(shown);
    text->setBrush(QColor(0x37, 0x47, 0x4f));
    text->setZValue(3);
    const QRectF tr = text->boundingRect();
    text->setPos(left + std::max(0.0, (right - left - tr.width()) / 2), y - tr.height() / 2);
    for (QGraphicsItem *item : {static_cast<QGraphicsItem *>(m), static_cast<QGraphicsItem *>(p),
                                static_cast<QGraphicsItem *>(text)})
        m_scene->addItem(item);
    m_buttons.push_back(m);
    m_buttons.push_back(p);
    m_labels.push_back(text);
}

} // namespace nnp
