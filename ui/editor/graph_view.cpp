#include "editor/graph_view.h"

#include <QKeyEvent>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {
constexpr double kMinZoom = 0.2, kMaxZoom = 3.0, kStep = 1.2;
}

GraphView::GraphView(QGraphicsScene *scene, QWidget *parent) : QGraphicsView(scene, parent)
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing | QPainter::SmoothPixmapTransform);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::NoFrame);
}

void GraphView::setZoom(double factor)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    const double current = zoom();
    if (std::abs(factor - current) < 1e-9) return;
    scale(factor / current, factor / current);
    emit zoomChanged(zoom());
}

void GraphView::zoomIn()
{
    const auto anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setZoom(zoom() * kStep);
    setTransformationAnchor(anchor);
}

void GraphView::zoomOut()
{
    const auto anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setZoom(zoom() / kStep);
    setTransformationAnchor(anchor);
}

void GraphView::resetZoom()
{
    const auto anchor = transformationAnchor();
    setTransformationAnchor(QGraphicsView::AnchorViewCenter);
    setZoom(1.0);
    setTransformationAnchor(anchor);
}

void GraphView::fitAll(double maxZoom)
{
    if (!scene()) return;
    QRectF r = scene()->itemsBoundingRect();
    if (r.isEmpty()) {
        resetZoom();
        centerOn(0, 0);
        return;
    }
    r.adjust(-60, -60, 60, 60);
    const double fx = viewport()->width() / r.width();
    const double fy = viewport()->height() / r.height();
    setZoom(std::min({fx, fy, maxZoom}));
    centerOn(r.center());
}

void GraphView::fitReadable()
{
    if (!scene()) return;
    QRectF r = scene()->itemsBoundingRect();
    if (r.isEmpty()) return fitAll();
    r.adjust(-60, -60, 60, 60);
    const double fit = std::min({viewport()->width() / r.width(), viewport()->height() / r.height(), 1.0});
    if (fit >= kReadableZoom) return fitAll();
    // A long chain: readable blocks, the input at the left edge, vertically centred where the rows fit.
    setZoom(kReadableZoom);
    const double halfW = viewport()->width() / (2 * kReadableZoom);
    const double halfH = viewport()->height() / (2 * kReadableZoom);
    centerOn(r.left() + halfW, r.height() <= 2 * halfH ? r.center().y() : r.top() + halfH);
}

QPointF GraphView::visibleCentre() const
{
    return mapToScene(viewport()->rect().center());
}

bool GraphView::event(QEvent *event)
{
    // While the canvas has focus, Space is kept for panning; a tap is passed on as spaceTapped().
    if (event->type() == QEvent::ShortcutOverride) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Space && key->modifiers() == Qt::NoModifier) {
            event->accept();
            return true;
        }
    }
    return QGraphicsView::event(event);
}

void GraphView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        setZoom(zoom() * std::pow(kStep, steps));
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void GraphView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_spacePanned = m_spaceHeld;
        m_panLast = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void GraphView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint now = event->position().toPoint();
        const QPoint delta = now - m_panLast;
        m_panLast = now;
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - delta.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - delta.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void GraphView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning && (event->button() == Qt::MiddleButton || event->button() == Qt::LeftButton)) {
        m_panning = false;
        viewport()->setCursor(m_spaceHeld ? Qt::OpenHandCursor : Qt::ArrowCursor);
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void GraphView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier) {
        if (!event->isAutoRepeat()) {
            m_spaceHeld = true;
            m_spacePanned = false;
            viewport()->setCursor(Qt::OpenHandCursor);
        }
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void GraphView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->setCursor(Qt::ArrowCursor);
        if (!m_spacePanned && !m_panning) emit spaceTapped();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

} // namespace nnp
