#include "viz/plane_canvas.h"

#include "style/high_contrast.h"
#include "style/palette.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace nnp {

PlaneCanvas::PlaneCanvas(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(160, 160);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    m_placeholder = tr("No data to show yet.");
}

void PlaneCanvas::setPlane(std::shared_ptr<const PlanePoints> plane)
{
    m_plane = std::move(plane);
    update();
}

void PlaneCanvas::setBoundary(std::shared_ptr<const BoundaryGrid> boundary)
{
    m_boundary = std::move(boundary);
    update();
}

void PlaneCanvas::setShowTest(bool on)
{
    m_showTest = on;
    update();
}

void PlaneCanvas::setDiscrete(bool on)
{
    m_discrete = on;
    update();
}

void PlaneCanvas::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    update();
}

void PlaneCanvas::setCompact(bool compact)
{
    m_compact = compact;
    update();
}

void PlaneCanvas::setHighlight(std::vector<int> train, std::vector<int> test)
{
    m_highlightTrain = std::move(train);
    m_highlightTest = std::move(test);
    update();
}

void PlaneCanvas::setProbeMarker(std::optional<QPointF> point)
{
    m_probe = point;
    update();
}

std::optional<QPointF> PlaneCanvas::planeAt(QPointF pos) const
{
    if (!m_plane) return std::nullopt;
    const QRectF r = plotRect();
    if (!r.contains(pos)) return std::nullopt;
    const PlanePoints &pl = *m_plane;
    return QPointF(pl.xMin + (pos.x() - r.left()) / r.width() * (pl.xMax - pl.xMin),
                   pl.yMin + (r.bottom() - pos.y()) / r.height() * (pl.yMax - pl.yMin));
}

void PlaneCanvas::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        if (const auto point = planeAt(event->position())) emit planeClicked(*point);
    QWidget::mousePressEvent(event);
}

void PlaneCanvas::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        if (const auto point = planeAt(event->position())) emit planeClicked(*point);
    QWidget::mouseMoveEvent(event);
}

QColor PlaneCanvas::pointColor(int label, float value) const
{
    if (m_plane && m_plane->classes == 0) return divergingColor(double(value));
    return classColor(label);
}

QRectF PlaneCanvas::plotRect() const
{
    // Room on the left for the tick labels, above for the vertical axis's name and below for the horizontal
    // one's; the plot itself stays square.
    const QFontMetrics fm(font());
    const double left = m_compact ? 2 : fm.horizontalAdvance(QStringLiteral("-6.0")) + 14;
    const double top = m_compact ? 2 : fm.height() + 8;
    const double bottom = m_compact ? 2 : fm.height() * 2 + 10;
    const double side = std::max(10.0, std::min(width() - left - 8, height() - top - bottom));
    const double x = left + (width() - left - 8 - side) / 2;
    return {x, top, side, side};
}

void PlaneCanvas::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().window());
    if (!m_plane) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect().adjusted(12, 12, -12, -12), Qt::AlignCenter | Qt::TextWordWrap, m_placeholder);
        return;
    }
    const PlanePoints &pl = *m_plane;
    const QRectF r = plotRect();
    if (m_boundary && !m_boundary->smooth.isNull()) {
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(r, m_discrete ? m_boundary->discrete : m_boundary->smooth);
    } else {
        p.fillRect(r, QColor(0xF4F5F7));
    }
    const auto toScreen = [&](double x, double y) {
        return QPointF(r.left() + (x - pl.xMin) / (pl.xMax - pl.xMin) * r.width(),
                       r.bottom() - (y - pl.yMin) / (pl.yMax - pl.yMin) * r.height());
    };
    // High contrast (presentation): larger points with thicker rims, and a thin black edge around the
    // training points' white rims, so that they stand out on the pale parts of the boundary too.
    const bool contrast = highContrastActive();
    const double radius = std::clamp(r.width() / 100.0, 2.5, 6.5) * (contrast ? 1.3 : 1.0);
    const double rimWidth = std::max(contrast ? 1.5 : 1.0, radius / (contrast ? 2.5 : 3.5));
    const auto drawPoints = [&](const Matrix &pts, const std::vector<int> &labels,
                                const std::vector<float> &values, const QColor &rim) {
        const bool edge = contrast && rim == Qt::white;
        for (Eigen::Index i = 0; i < pts.cols(); ++i) {
            const auto k = static_cast<std::size_t>(i);
            const QPointF c = toScreen(double(pts(0, i)), double(pts(1, i)));
            if (edge) {
                p.setPen(QPen(Qt::black, 1.2));
                p.setBrush(Qt::NoBrush);
                p.drawEllipse(c, radius + rimWidth / 2 + 0.6, radius + rimWidth / 2 + 0.6);
            }
            p.setPen(QPen(rim, rimWidth));
            p.setBrush(pointColor(k < labels.size() ? labels[k] : 0, k < values.size() ? values[k] : 0.0f));
            p.drawEllipse(c, radius, radius);
        }
    };
    p.save();
    p.setClipRect(r);
    drawPoints(pl.train, pl.trainLabels, pl.trainValues, Qt::white);
    if (m_showTest) drawPoints(pl.test, pl.testLabels, pl.testValues, QColor(contrast ? 0x000000 : 0x202020));
    // Highlighted samples: a thick dark ring with a white halo, visible on any background colour.
    const auto ring = [&](const Matrix &pts, const std::vector<int> &idx) {
        p.setBrush(Qt::NoBrush);
        for (int i : idx) {
            if (i < 0 || i >= pts.cols()) continue;
            const QPointF c = toScreen(double(pts(0, i)), double(pts(1, i)));
            p.setPen(QPen(Qt::white, 4));
            p.drawEllipse(c, radius * 2.2, radius * 2.2);
            p.setPen(QPen(QColor(0x111111), 2));
            p.drawEllipse(c, radius * 2.2, radius * 2.2);
        }
    };
    ring(pl.train, m_highlightTrain);
    if (m_showTest) ring(pl.test, m_highlightTest);
    if (m_probe) {
        const QPointF c = toScreen(m_probe->x(), m_probe->y());
        const double a = radius * 3;
        for (const auto &[pen, w] : {std::pair{QColor(Qt::white), 5.0}, std::pair{QColor(0x111111), 2.0}}) {
            p.setPen(QPen(pen, w));
            p.drawLine(c - QPointF(a, 0), c + QPointF(a, 0));
            p.drawLine(c - QPointF(0, a), c + QPointF(0, a));
        }
    }
    p.restore();
    p.setPen(contrast ? QPen(Qt::black, 2) : QPen(QColor(0x9AA0A6), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
    if (m_compact) return;

    // Ticks at the ends and the middle: enough to read the scale from the back of a room.
    p.setPen(palette().color(QPalette::WindowText));
    const QFontMetrics fm(font());
    for (int i = 0; i <= 4; ++i) {
        const double t = i / 4.0;
        const double xv = pl.xMin + t * (pl.xMax - pl.xMin), yv = pl.yMin + t * (pl.yMax - pl.yMin);
        const QString xs = QString::number(xv, 'g', 3), ys = QString::number(yv, 'g', 3);
        const double px = r.left() + t * r.width(), py = r.bottom() - t * r.height();
        p.drawLine(QPointF(px, r.bottom()), QPointF(px, r.bottom() + 4));
        p.drawText(QRectF(px - 30, r.bottom() + 5, 60, fm.height()), Qt::AlignHCenter | Qt::AlignTop, xs);
        p.drawLine(QPointF(r.left() - 4, py), QPointF(r.left(), py));
        p.drawText(QRectF(0, py - fm.height() / 2.0, r.left() - 6, fm.height()),
                   Qt::AlignRight | Qt::AlignVCenter, ys);
    }
    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    const QString xName = pl.xName.isEmpty() ? QStringLiteral("x") : pl.xName;
    const QString yName = pl.yName.isEmpty() ? QStringLiteral("y") : pl.yName;
    p.drawText(QRectF(r.left(), r.bottom() + fm.height() + 6, r.width(), fm.height() + 4), Qt::AlignHCenter,
               xName + QStringLiteral(" →"));
    const double yx = std::max(0.0, r.left() - fm.horizontalAdvance(QStringLiteral("-6.0")) - 10);
    p.drawText(QRectF(yx, 0, r.width() / 2 + r.left() - yx, r.top() - 2), Qt::AlignLeft | Qt::AlignBottom,
               QStringLiteral("↑ ") + yName);
}

} // namespace nnp
