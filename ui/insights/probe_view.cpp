#include "insights/probe_view.h"

#include "insights/probe_row_editor.h"

#include "style/palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {
QString classLabel(const QStringList &names, int k)
{
    return k >= 0 && k < names.size() && !names[k].isEmpty() ? names[k] : QString::number(k);
}
} // namespace

DrawPad::DrawPad(QWidget *parent) : QWidget(parent)
{
    setMinimumSize(140, 140);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setCursor(Qt::CrossCursor);
    setGridSize(28, 28);
}

void DrawPad::setGridSize(int rows, int cols)
{
    m_rows = std::max(1, rows);
    m_cols = std::max(1, cols);
    m_pixels.assign(static_cast<std::size_t>(m_rows * m_cols), 0.0f);
    update();
}

void DrawPad::clearPixels()
{
    std::fill(m_pixels.begin(), m_pixels.end(), 0.0f);
    update();
    emit pixelsChanged(m_pixels);
}

void DrawPad::setPixels(std::vector<float> values)
{
    if (values.size() != m_pixels.size()) return;
    m_pixels = std::move(values);
    update();
    emit pixelsChanged(m_pixels);
}

QRectF DrawPad::padRect() const
{
    const double side = std::min(width(), height()) - 2;
    return {(width() - side) / 2, (height() - side) / 2, side, side};
}

void DrawPad::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRectF r = padRect();
    const double cw = r.width() / m_cols, ch = r.height() / m_rows;
    for (int y = 0; y < m_rows; ++y)
        for (int x = 0; x < m_cols; ++x) {
            const int g = 255 - static_cast<int>(std::lround(255 * m_pixels[std::size_t(y * m_cols + x)]));
            p.fillRect(QRectF(r.left() + x * cw, r.top() + y * ch, cw + 0.5, ch + 0.5), QColor(g, g, g));
        }
    p.setPen(QPen(QColor(0x9AA0A6), 1));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
}

void DrawPad::paintAt(QPointF pos, bool erase)
{
    const QRectF r = padRect();
    if (!r.contains(pos)) return;
    const double fx = (pos.x() - r.left()) / r.width() * m_cols,
                 fy = (pos.y() - r.top()) / r.height() * m_rows;
    // A soft round brush about 2.5 cells wide on a 28 × 28 pad (like a pen stroke in MNIST), one cell on 8
    // × 8.
    const double radius = m_cols >= 16 ? 1.4 : 0.75;
    bool changed = false;
    for (int y = int(fy - radius - 1); y <= int(fy + radius + 1); ++y)
        for (int x = int(fx - radius - 1); x <= int(fx + radius + 1); ++x) {
            if (x < 0 || y < 0 || x >= m_cols || y >= m_rows) continue;
            const double d = std::hypot(x + 0.5 - fx, y + 0.5 - fy);
            const double ink = std::clamp(1.0 - (d - radius * 0.5) / radius, 0.0, 1.0);
            float &px = m_pixels[std::size_t(y * m_cols + x)];
            const float next = erase ? std::min(px, float(1.0 - ink)) : std::max(px, float(ink));
            changed = changed || next != px;
            px = next;
        }
    if (changed) {
        update();
        emit pixelsChanged(m_pixels);
    }
}

void DrawPad::mousePressEvent(QMouseEvent *event)
{
    paintAt(event->position(), event->button() == Qt::RightButton);
}

void DrawPad::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & (Qt::LeftButton | Qt::RightButton))
        paintAt(event->position(), (event->buttons() & Qt::RightButton) != 0);
}

ProbeResultView::ProbeResultView(QWidget *parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void ProbeResultView::setResult(std::shared_ptr<const ProbeResult> result)
{
    m_result = std::move(result);
    update();
}

void ProbeResultView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    render(p, QRectF(rect()).adjusted(6, 4, -6, -4));
}

void ProbeResultView::render(QPainter &p, const QRectF &area) const
{
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(p.font());
    const QColor text = palette().color(QPalette::WindowText);
    if (!m_result || m_result->input.empty() || !m_result->error.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap,
                   m_result && !m_result->error.isEmpty() ? m_result->error : tr("No probe input yet."));
        return;
    }
    const ProbeResult &r = *m_result;
    double y = area.top();
    QFont bold = p.font();
    bold.setBold(true);
    const int line = fm.height() + 4;
    const double labelW = std::min(area.width() * 0.3, 120.0);
    if (!r.probabilities.empty()) {
        p.setFont(bold);
        p.setPen(text);
        p.drawText(QRectF(area.left(), y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Prediction: %1 (%2 %)")
                       .arg(classLabel(r.classNames, r.predicted))
                       .arg(100.0 * r.probabilities[std::size_t(std::max(0, r.predicted))], 0, 'f', 1));
        p.setFont(QFont(p.font().family(), p.font().pointSize()));
        y += line + 2;
        const auto n = static_cast<int>(r.probabilities.size());
        const double barH = std::clamp((area.height() * 0.45) / n, 10.0, double(line));
        for (int k = 0; k < n; ++k) {
            const double prob = r.probabilities[std::size_t(k)];
            p.setPen(text);
            p.drawText(QRectF(area.left(), y, labelW - 6, barH), Qt::AlignRight | Qt::AlignVCenter,
                       fm.elidedText(classLabel(r.classNames, k), Qt::ElideRight, int(labelW) - 6));
            const QRectF track(area.left() + labelW, y + 1, area.width() - labelW - 56, barH - 2);
            p.fillRect(track, QColor(0xECEEF0));
            p.fillRect(QRectF(track.left(), track.top(), track.width() * prob, track.height()),
                       classColor(k));
            p.drawText(QRectF(track.right() + 4, y, 52, barH), Qt::AlignLeft | Qt::AlignVCenter,
                       QStringLiteral("%1 %").arg(100.0 * prob, 0, 'f', 1));
            y += barH;
        }
    } else {
        p.setFont(bold);
        p.setPen(text);
        QStringList outs;
        for (float v : r.output)
            outs << QString::number(double(v), 'g', 4);
        p.drawText(QRectF(area.left(), y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                   tr("Output: %1").arg(outs.join(QStringLiteral(", "))));
        y += line;
    }
    // Each layer's activations as a strip of cells: blue positive, orange negative, white zero, scaled to
    // the layer's largest magnitude (written on the right).
    y += 6;
    p.setFont(bold);
    p.setPen(text);
    p.drawText(QRectF(area.left(), y, area.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               tr("Activations per layer"));
    p.setFont(QFont(p.font().family(), p.font().pointSize()));
    y += line;
    const auto layers = static_cast<int>(r.layers.size());
    const double stripH = std::clamp((area.bottom() - y) / std::max(1, layers), 8.0, double(line + 6));
    for (const ProbeResult::Layer &l : r.layers) {
        if (y + stripH > area.bottom() + 1) break;
        p.setPen(text);
        p.drawText(QRectF(area.left(), y, labelW - 6, stripH), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(l.name, Qt::ElideRight, int(labelW) - 6));
        float top = 0;
        for (float v : l.values)
            top = std::max(top, std::abs(v));
        const QRectF strip(area.left() + labelW, y + 2, area.width() - labelW - 56, stripH - 4);
        const auto n = std::max<std::size_t>(1, l.values.size());
        const double cw = strip.width() / double(n);
        for (std::size_t i = 0; i < l.values.size(); ++i)
            p.fillRect(QRectF(strip.left() + i * cw, strip.top(), cw + 0.3, strip.height()),
                       divergingColor(top > 0 ? double(l.values[i] / top) : 0.0));
        p.setPen(QPen(QColor(0xC8CCD0), 1));
        p.setBrush(Qt::NoBrush);
        p.drawRect(strip);
        p.setPen(text);
        p.drawText(QRectF(strip.right() + 4, y, 52, stripH), Qt::AlignLeft | Qt::AlignVCenter,
                   QStringLiteral("±%1").arg(double(top), 0, 'g', 2));
        y += stripH;
    }
}

ProbeView::ProbeView(QWidget *parent)
    : QWidget(parent), m_left(new QStackedWidget), m_hint(new QLabel), m_point(new QLabel),
      m_pad(new DrawPad), m_rowEditor(new ProbeRowEditor), m_view(new ProbeResultView)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_hint->setWordWrap(true);
    m_hint->setAlignment(Qt::AlignCenter);
    m_hint->setText(tr("Press Reset or Play to build the network, then probe it here."));
    m_left->addWidget(m_hint);
    auto *padPage = new QWidget;
    auto *padLayout = new QVBoxLayout(padPage);
    padLayout->setContentsMargins(0, 0, 0, 0);
    auto *padHint = new QLabel(tr("Draw a digit (right button erases):"));
    padHint->setWordWrap(true);
    padLayout->addWidget(padHint);
    padLayout->addWidget(m_pad, 1);
    auto *clear = new QPushButton(tr("Clear"));
    padLayout->addWidget(clear);
    m_left->addWidget(padPage);
    m_left->addWidget(m_rowEditor);
    m_left->setMinimumWidth(170);
    m_left->setMaximumWidth(300);
    m_point->setWordWrap(true);
    layout->addWidget(m_left);
    auto *right = new QVBoxLayout;
    right->addWidget(m_point);
    right->addWidget(m_view, 1);
    layout->addLayout(right, 1);

    connect(clear, &QPushButton::clicked, m_pad, &DrawPad::clearPixels);
    connect(m_pad, &DrawPad::pixelsChanged, this, [this](const std::vector<float> &px) {
        // The pad inks from 0 to 1; the network takes raw values, whose full ink the data sets (255 for IDX).
        m_input.resize(px.size());
        std::transform(px.begin(), px.end(), m_input.begin(), [this](float v) { return v * m_ink; });
        m_row.clear();
        emit inputChanged(m_input);
    });
    connect(m_rowEditor, &ProbeRowEditor::rowEntered, this, [this](const QStringList &values) {
        m_input.clear();
        m_row = values;
        emit inputChanged(m_input);
    });
}

void ProbeView::clear()
{
    m_input.clear();
    m_row.clear();
    m_result.reset();
    m_view->setResult(nullptr);
    m_point->clear();
    m_left->setCurrentIndex(0);
}

void ProbeView::setPlanePoint(QPointF point)
{
    m_input = {float(point.x()), float(point.y())};
    m_row.clear();
    m_point->setText(tr("Probe at (%1, %2)").arg(point.x(), 0, 'f', 2).arg(point.y(), 0, 'f', 2));
    emit inputChanged(m_input);
}

void ProbeView::showResult(std::shared_ptr<const ProbeResult> result)
{
    if (!result || result == m_result) return;
    m_result = result;
    const std::vector<int> &shape = result->sampleShape;
    m_ink = result->inkValue;
    if (shape.size() >= 2 && shape[0] * shape[1] == result->inputSize) {
        if (m_pad->rows() != shape[0] || m_pad->cols() != shape[1]) m_pad->setGridSize(shape[0], shape[1]);
        m_left->setCurrentIndex(1);
    } else if (!result->plane && !result->rowColumns.isEmpty()) {
        m_rowEditor->setColumns(result->rowColumns);
        m_left->setCurrentIndex(2);
    } else {
        m_left->setCurrentIndex(0);
        m_hint->setText(result->plane ? tr("Click (or drag) on the output view's plane to probe a point.")
                                      : tr("The probe works on two-dimensional data (click the output view) "
                                           "and on images (draw on a pad)."));
    }
    if (!result->plane) m_point->clear();
    m_view->setResult(std::move(result));
}

} // namespace nnp
