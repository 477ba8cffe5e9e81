#include "editor/node_item.h"

#include "layers/layer_registry.h"

#include "document/graph_document.h"
#include "document/layer_catalog.h"
#include "editor/graph_scene.h"
#include "i18n/diagnostic_text.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QStyleOptionGraphicsItem>
#include <QSvgRenderer>

#include <algorithm>
#include <map>

namespace nnp {

namespace {
// Parsed once per kind and drawn as vectors, so icons stay sharp at every zoom.
QSvgRenderer *iconRenderer(LayerKind kind)
{
    static std::map<LayerKind, QSvgRenderer *> cache;
    auto &r = cache[kind];
    if (!r) r = new QSvgRenderer(LayerCatalog::iconPath(kind), qApp);
    return r;
}
} // namespace

NodeItem::NodeItem(const NodeSpec &node, QGraphicsItem *parent) : QGraphicsItem(parent), m_node(node)
{
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges | ItemIsFocusable);
    setAcceptHoverEvents(true);
    setZValue(1);
    m_output = new PortItem(node.id, PortItem::Direction::Out, 0, this);
    m_output->setPos(kWidth, kHeight / 2);
}

void NodeItem::refresh(const NodeSpec &node, const GraphSpec &graph, const ValidationResult &validation)
{
    prepareGeometryChange();
    m_node = node;
    m_details = LayerCatalog::keyOptions(node);

    if (auto it = validation.shapes.find(node.id); it != validation.shapes.end()) {
        m_shapeShort = shapeText(it->second.dims);
        m_shapeLine = GraphScene::tr("out %1").arg(m_shapeShort);
    } else {
        m_shapeShort = QStringLiteral("?");
        m_shapeLine = GraphScene::tr("out ?");
    }
    m_paramLine.clear();
    m_paramShort.clear();
    if (hasParameters(node.kind)) {
        std::vector<Shape> in;
        bool known = true;
        for (const auto &e : graph.inputsOf(node.id)) {
            auto s = validation.shapes.find(e.from);
            if (s == validation.shapes.end())
                known = false;
            else
                in.push_back(s->second);
        }
        if (known && !in.empty()) {
            const long long count = parameterCount(node, in);
            // Plural forms need a translation file even in English; one and many are separate strings
            // instead.
            m_paramLine = count == 1 ? GraphScene::tr("1 param") : GraphScene::tr("%L1 params").arg(count);
            m_paramShort =
                count < 10000 ? m_paramLine
                : count < 1000000
                    ? GraphScene::tr("%1k params").arg(QLocale().toString(double(count) / 1e3, 'f', 1))
                    : GraphScene::tr("%1M params").arg(QLocale().toString(double(count) / 1e6, 'f', 1));
        }
    }

    const auto diagnostics = validation.forNode(node.id);
    m_hasBadge = !diagnostics.empty();
    m_badge = std::any_of(diagnostics.begin(), diagnostics.end(),
                          [](const Diagnostic &d) { return d.severity == Severity::Error; })
                  ? Severity::Error
                  : Severity::Warning;
    QString tip = QStringLiteral("<b>%1</b> — %2")
                      .arg(LayerCatalog::title(node.kind).toHtmlEscaped(),
                           LayerCatalog::explanation(node.kind).toHtmlEscaped());
    for (const auto &d : diagnostics)
        tip += QStringLiteral("<br><span style='color:%1'>%2 %3</span>")
                   .arg(d.severity == Severity::Error ? QStringLiteral("#c62828") : QStringLiteral("#b26a00"),
                        d.severity == Severity::Error ? GraphScene::tr("Error:") : GraphScene::tr("Warning:"),
                        diagnosticText(d).toHtmlEscaped());
    setToolTip(tip);
    rebuildPorts(graph);
    update();
}

void NodeItem::rebuildPorts(const GraphSpec &graph)
{
    const auto wires = graph.inputsOf(m_node.id);
    std::vector<int> portSlots; // the port number of each visible input slot, top to bottom
    if (m_node.kind != LayerKind::Input) {
        if (GraphDocument::takesSeveralInputs(m_node.kind)) {
            int next = 0;
            for (const auto &e : wires) {
                portSlots.push_back(e.port);
                next = std::max(next, e.port + 1);
            }
            // One free slot to drop another wire on, while the kind takes more (Dot stops at two).
            const auto most = static_cast<std::size_t>(layerKind(m_node.kind).traits.maxInputs);
            if (portSlots.size() < most) portSlots.push_back(next);
            if (portSlots.size() < 2) portSlots.push_back(next + 1);
        } else {
            portSlots.push_back(0);
        }
    }
    // Reuse the items of portSlots that stay: one of them may be the port a wire is being dragged from.
    std::vector<PortItem *> kept;
    const double step = kHeight / static_cast<double>(portSlots.size() + 1);
    for (std::size_t i = 0; i < portSlots.size(); ++i) {
        auto it = std::find_if(m_inputs.begin(), m_inputs.end(),
                               [&](PortItem *p) { return p && p->port() == portSlots[i]; });
        PortItem *p = nullptr;
        if (it != m_inputs.end()) {
            p = *it;
            *it = nullptr;
        } else {
            p = new PortItem(m_node.id, PortItem::Direction::In, portSlots[i], this);
        }
        p->setPos(0, portSlots.size() == 1 ? kHeight / 2 : step * static_cast<double>(i + 1));
        kept.push_back(p);
    }
    for (PortItem *p : m_inputs)
        delete p; // portSlots that went away (null where reused)
    m_inputs = std::move(kept);
    for (PortItem *p : m_inputs)
        p->setConnected(
            std::any_of(wires.begin(), wires.end(), [&](const EdgeSpec &e) { return e.port == p->port(); }));
    m_output->setConnected(!graph.outputsOf(m_node.id).empty());
}

PortItem *NodeItem::inputPort(int port) const
{
    for (PortItem *p : m_inputs)
        if (p->port() == port) return p;
    return nullptr;
}

QRectF NodeItem::boundingRect() const
{
    // Room for the selection outline and the badge that sits on the top-right corner.
    return QRectF(0, 0, kWidth, kHeight).adjusted(-4, -14, 14, 4);
}

NodeItem::BodyLines NodeItem::bodyLines(QFont font) const
{
    BodyLines b;
    const QString title = LayerCatalog::title(m_node.kind);
    font.setBold(true);
    for (double size = kTitlePointSize; size >= 8.5; size -= 0.5) {
        font.setPointSizeF(size);
        b.titlePointSize = size;
        b.title = QFontMetricsF(font).elidedText(title, Qt::ElideRight, kWidth - 48);
        if (b.title == title) break;
    }
    font.setBold(false);
    const double width = kWidth - 28;
    for (double size = kDetailPointSize; size >= kDetailPointSize - 2; size -= 0.5) {
        font.setPointSizeF(size);
        b.detailsPointSize = size;
        b.details = QFontMetricsF(font).elidedText(m_details, Qt::ElideRight, width);
        if (b.details == m_details) break;
    }
    // "out 16×12×12   4,640 params" is too long for a block: then the shape alone, then a little smaller,
    // then "18.5k params", rather than "out 16…".
    struct Try {
        double size;
        const QString *params, *shape;
    };
    for (const Try t : {Try{kDetailPointSize, &m_paramLine, &m_shapeLine},
                        Try{kDetailPointSize, &m_paramLine, &m_shapeShort},
                        Try{kDetailPointSize - 1.5, &m_paramLine, &m_shapeShort},
                        Try{kDetailPointSize - 1.5, &m_paramShort, &m_shapeShort}}) {
        font.setPointSizeF(t.size);
        const QFontMetricsF fm(font);
        b.shapePointSize = t.size;
        b.params = *t.params;
        b.shape = fm.elidedText(*t.shape, Qt::ElideRight, width - fm.horizontalAdvance(b.params) - 8);
        if (b.shape == *t.shape) break;
    }
    return b;
}

void NodeItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::TextAntialiasing);
    const QRectF body(0, 0, kWidth, kHeight);
    const QColor accent = LayerCatalog::color(m_node.kind);
    const bool error = m_hasBadge && m_badge == Severity::Error;

    // Body, then the header clipped to the body's rounded corners.
    QPainterPath bodyPath;
    bodyPath.addRoundedRect(body, 10, 10);
    QPainterPath headerBand;
    headerBand.addRect(QRectF(0, 0, kWidth, kHeaderHeight));
    const QPen outline(isSelected() ? QColor(0xff, 0xa0, 0x00)
                                    : (error ? QColor(0xc6, 0x28, 0x28) : accent.darker(130)),
                       isSelected() ? 4.0 : 2.0);
    painter->fillPath(bodyPath, Qt::white);
    painter->fillPath(bodyPath.intersected(headerBand), accent);
    painter->setPen(outline);
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(bodyPath);

    // Icon on a white disc, then the kind.
    painter->setPen(Qt::NoPen);
    painter->setBrush(Qt::white);
    painter->drawEllipse(QRectF(7, 4, 26, 26));
    iconRenderer(m_node.kind)->render(painter, QRectF(10, 7, 20, 20));

    QFont font = painter->font();
    const BodyLines lines = bodyLines(font);
    font.setPointSizeF(lines.titlePointSize);
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(Qt::white);
    painter->drawText(QRectF(40, 0, kWidth - 48, kHeaderHeight), Qt::AlignVCenter | Qt::AlignLeft,
                      lines.title);

    // Name, key options, output shape and parameters.
    const double left = 14, width = kWidth - 28;
    font.setPointSizeF(13);
    painter->setFont(font);
    painter->setPen(QColor(0x21, 0x21, 0x21));
    QFontMetricsF fm(font);
    painter->drawText(QRectF(left, kHeaderHeight + 3, width, 25), Qt::AlignVCenter | Qt::AlignLeft,
                      fm.elidedText(QString::fromStdString(m_node.name), Qt::ElideRight, width));
    font.setBold(false);
    font.setPointSizeF(lines.detailsPointSize);
    painter->setFont(font);
    painter->drawText(QRectF(left, kHeaderHeight + 27, width, 23), Qt::AlignVCenter | Qt::AlignLeft,
                      lines.details);
    painter->setPen(QColor(0x4a, 0x4f, 0x55));
    font.setPointSizeF(lines.shapePointSize);
    painter->setFont(font);
    painter->drawText(QRectF(left, kHeaderHeight + 50, width, 23), Qt::AlignVCenter | Qt::AlignLeft,
                      lines.shape);
    painter->drawText(QRectF(left, kHeaderHeight + 50, width, 23), Qt::AlignVCenter | Qt::AlignRight,
                      lines.params);

    if (m_hasBadge) {
        const QRectF badge(kWidth - 14, -12, 26, 26);
        painter->setPen(QPen(Qt::white, 2));
        painter->setBrush(error ? QColor(0xd3, 0x2f, 0x2f) : QColor(0xff, 0xa0, 0x00));
        painter->drawEllipse(badge);
        font.setBold(true);
        font.setPointSizeF(13);
        painter->setFont(font);
        painter->setPen(Qt::white);
        painter->drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
    }
}

QVariant NodeItem::itemChange(GraphicsItemChange change, const QVariant &value)
{
    auto *s = qobject_cast<GraphScene *>(scene());
    if (change == ItemPositionChange && s) return s->snapped(value.toPointF());
    if (change == ItemPositionHasChanged && s) s->nodeItemMoved(this);
    return QGraphicsItem::itemChange(change, value);
}

} // namespace nnp
