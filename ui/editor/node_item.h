#pragma once
// One layer on the canvas: its kind, name, key options, output shape and parameter count, its ports,
// and a red (error) or amber (warning) badge carrying the validator's message.

#include "editor/port_item.h"
#include "graph/validator.h"

#include <QFont>
#include <QGraphicsItem>

#include <vector>

namespace nnp {

class NodeItem : public QGraphicsItem {
public:
    static constexpr double kWidth = 200.0;
    static constexpr double kHeight = 112.0;
    static constexpr double kHeaderHeight = 34.0;
    static constexpr double kTitlePointSize = 12.5;  ///< the kind in the header
    static constexpr double kDetailPointSize = 11.5; ///< the key options and the shape line
    enum { Type = UserType + 1 };

    NodeItem(const NodeSpec &node, QGraphicsItem *parent = nullptr);

    [[nodiscard]] int type() const override { return Type; }
    [[nodiscard]] NodeId nodeId() const { return m_node.id; }
    [[nodiscard]] const NodeSpec &spec() const { return m_node; }

    /// Takes the node's current values, its wires and the validation result; rebuilds the ports.
    void refresh(const NodeSpec &node, const GraphSpec &graph, const ValidationResult &validation);

    /// The output shape as the block shows it ("out 20×64").
    [[nodiscard]] const QString &shapeLine() const { return m_shapeLine; }
    [[nodiscard]] PortItem *outputPort() const { return m_output; }
    /// The input port item for slot `port` (the free slot of a Concatenate/Add too); null if none.
    [[nodiscard]] PortItem *inputPort(int port) const;
    [[nodiscard]] const std::vector<PortItem *> &inputPorts() const { return m_inputs; }

    /// The block's texts as it draws them in `font`'s family: the kind's title in the header (smaller when it
    /// is long, as zh_CN's "LSTM（长短期记忆）"), the key options (smaller too before they are cut), the
    /// output shape and the parameter count (elided with "…" where they still do not fit).
    struct BodyLines {
        QString title, details, shape, params;
        double titlePointSize = kTitlePointSize;
        double detailsPointSize = kDetailPointSize;
        double shapePointSize = kDetailPointSize;
    };
    [[nodiscard]] BodyLines bodyLines(QFont font) const;

    [[nodiscard]] QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant &value) override;

private:
    void rebuildPorts(const GraphSpec &graph);

    NodeSpec m_node;
    QString m_details;    // "4 units · Tanh"
    QString m_shapeLine;  // "out 4"
    QString m_shapeShort; // "4": when the parameter count leaves no room for the line
    QString m_paramLine;  // "12 params"
    QString m_paramShort; // "18.5k params": when the line has no room for the full count
    Severity m_badge = Severity::Warning;
    bool m_hasBadge = false;
    PortItem *m_output = nullptr;
    std::vector<PortItem *> m_inputs;
};

} // namespace nnp
