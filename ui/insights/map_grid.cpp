#include "insights/map_grid.h"

#include "style/palette.h"

#include <QEvent>
#include <QHelpEvent>
#include <QLinearGradient>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace nnp {

namespace {
constexpr int kMargin = 8;
constexpr int kCellGap = 10;    // between images of a row
constexpr int kSectionGap = 14; // between sections
constexpr int kLegendBar = 110; // width of the colour bar

QFont boldOf(const QFont &f)
{
    QFont b = f;
    b.setBold(true);
    return b;
}

/// The whole factor that brings the larger side of a h × w image near `target` pixels (at most half of it
/// for a 1 × 1 image, which only shows a colour).
int scaleFor(int h, int w, int target = MapGrid::kTargetSide)
{
    const int side = std::max(1, std::max(h, w));
    return std::clamp(static_cast<int>(std::lround(double(target) / side)), 1, target / 2);
}

QString rangeText(double v)
{
    return QString::number(v, 'g', 2);
}
} // namespace

MapGrid::MapGrid(QWidget *parent) : QWidget(parent)
{
    QSizePolicy policy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setMouseTracking(true);
}

void MapGrid::setSideBySide(bool on)
{
    m_sideBySide = on;
    QSizePolicy policy(QSizePolicy::Expanding, on ? QSizePolicy::Expanding : QSizePolicy::Preferred);
    policy.setHeightForWidth(!on);
    setSizePolicy(policy);
    relayout();
}

void MapGrid::setSections(std::vector<Section> sections)
{
    m_sections = std::move(sections);
    relayout();
}

int MapGrid::imageCount(int section) const
{
    return section >= 0 && section < sectionCount()
               ? static_cast<int>(m_sections[std::size_t(section)].images.size())
               : 0;
}

QRect MapGrid::imageRect(int section, int index) const
{
    if (section < 0 || std::size_t(section) >= m_layout.images.size()) return {};
    const auto &v = m_layout.images[std::size_t(section)];
    return index >= 0 && std::size_t(index) < v.size() ? v[std::size_t(index)] : QRect();
}

std::vector<QRect> MapGrid::labelRects() const
{
    std::vector<QRect> r;
    for (const Text &t : m_layout.texts)
        r.push_back(t.rect);
    return r;
}

MapGrid::Layout MapGrid::layoutFor(int width, int target) const
{
    Layout l;
    const QFontMetrics fm(font());
    const QFontMetrics bfm(boldOf(font()));
    const int line = fm.height();
    int y = kMargin;
    int minWidth = 0;
    for (const Section &s : m_sections) {
        // Title, then the legend on the same line when it fits, else on the next one.
        const QRect title(kMargin, y, bfm.horizontalAdvance(s.title) + 2, bfm.height());
        l.texts.push_back({title, s.title, true, Qt::AlignLeft | Qt::AlignVCenter});
        const QString lo = QStringLiteral("−") + rangeText(s.scale),
                      hi = QStringLiteral("+") + rangeText(s.scale);
        const int loW = fm.horizontalAdvance(lo) + 2, hiW = fm.horizontalAdvance(hi) + 2;
        const int legendW = loW + 6 + kLegendBar + 6 + hiW;
        int lx = title.right() + 24, ly = y;
        if (lx + legendW > width - kMargin) {
            lx = kMargin;
            ly = y + title.height() + 2;
        }
        l.texts.push_back({QRect(lx, ly, loW, line), lo, false, Qt::AlignRight | Qt::AlignVCenter});
        l.legends.push_back(QRect(lx + loW + 6, ly + line / 4, kLegendBar, line / 2 + 1));
        l.texts.push_back({QRect(lx + loW + 6 + kLegendBar + 6, ly, hiW, line), hi, false,
                           Qt::AlignLeft | Qt::AlignVCenter});
        minWidth = std::max(minWidth, std::min(title.right(), kMargin + legendW) + kMargin);
        y = std::max(title.bottom(), ly + line) + 8;

        // The images: each cell is the scaled image with its label under it.
        std::vector<QRect> rects;
        int rowLabelW = 0;
        for (const QString &t : s.rowLabels)
            rowLabelW = std::max(rowLabelW, fm.horizontalAdvance(t) + 10);
        int cellW = 0, imgH = 0;
        for (const QImage &img : s.images) {
            const int k = scaleFor(img.height(), img.width(), target);
            cellW = std::max(cellW, img.width() * k);
            imgH = std::max(imgH, img.height() * k);
        }
        for (const QString &t : s.cellLabels)
            cellW = std::max(cellW, fm.horizontalAdvance(t) + 2);
        const int labelH = s.cellLabels.isEmpty() ? 0 : line + 2;
        const int pitchX = cellW + kCellGap, pitchY = imgH + labelH + kCellGap;
        const int left = kMargin + rowLabelW;
        const int perRow =
            s.columns > 0 ? s.columns : std::max(1, (width - left - kMargin + kCellGap) / pitchX);
        const auto n = static_cast<int>(s.images.size());
        for (int i = 0; i < n; ++i) {
            const int row = i / perRow, col = i % perRow;
            const QImage &img = s.images[std::size_t(i)];
            const int k = scaleFor(img.height(), img.width(), target);
            const int x0 = left + col * pitchX, y0 = y + row * pitchY;
            const QRect ir(x0 + (cellW - img.width() * k) / 2, y0, img.width() * k, img.height() * k);
            rects.push_back(ir);
            if (i < s.cellLabels.size()) {
                const QString &t = s.cellLabels[i];
                const int tw = fm.horizontalAdvance(t) + 2;
                l.texts.push_back(
                    {QRect(x0 + (cellW - tw) / 2, y0 + imgH + 1, tw, line), t, false, Qt::AlignCenter});
            }
            if (col == 0 && row < s.rowLabels.size())
                l.texts.push_back({QRect(kMargin, y0 + (imgH - line) / 2, rowLabelW - 10, line),
                                   s.rowLabels[row], false, Qt::AlignRight | Qt::AlignVCenter});
        }
        const int rows = n > 0 ? (n + perRow - 1) / perRow : 0;
        minWidth = std::max(minWidth, left + (s.columns > 0 ? perRow : 1) * pitchX - kCellGap + kMargin);
        y += rows * pitchY + kSectionGap - kCellGap;
        l.images.push_back(std::move(rects));
    }
    l.height = y + kMargin;
    l.minWidth = minWidth;
    return l;
}

MapGrid::Layout MapGrid::sideBySideFor(int height, int target) const
{
    Layout l;
    const QFontMetrics fm(font());
    const QFontMetrics bfm(boldOf(font()));
    const int line = fm.height();
    int x = kMargin, bottom = 0;
    for (const Section &s : m_sections) {
        // Title, the legend under it, then the images in as many rows as the height holds.
        const QRect title(x, kMargin, bfm.horizontalAdvance(s.title) + 2, bfm.height());
        l.texts.push_back({title, s.title, true, Qt::AlignLeft | Qt::AlignVCenter});
        const QString lo = QStringLiteral("−") + rangeText(s.scale),
                      hi = QStringLiteral("+") + rangeText(s.scale);
        const int loW = fm.horizontalAdvance(lo) + 2, hiW = fm.horizontalAdvance(hi) + 2;
        const int legendW = loW + 6 + kLegendBar + 6 + hiW;
        const int ly = title.bottom() + 3;
        l.texts.push_back({QRect(x, ly, loW, line), lo, false, Qt::AlignRight | Qt::AlignVCenter});
        l.legends.push_back(QRect(x + loW + 6, ly + line / 4, kLegendBar, line / 2 + 1));
        l.texts.push_back({QRect(x + loW + 6 + kLegendBar + 6, ly, hiW, line), hi, false,
                           Qt::AlignLeft | Qt::AlignVCenter});
        const int top = ly + line + 8;
        int cellW = 0, imgH = 0;
        for (const QImage &img : s.images) {
            const int k = scaleFor(img.height(), img.width(), target);
            cellW = std::max(cellW, img.width() * k);
            imgH = std::max(imgH, img.height() * k);
        }
        for (const QString &t : s.cellLabels)
            cellW = std::max(cellW, fm.horizontalAdvance(t) + 2);
        const int labelH = s.cellLabels.isEmpty() ? 0 : line + 2;
        const int pitchX = cellW + kCellGap, pitchY = imgH + labelH + kCellGap;
        const auto n = static_cast<int>(s.images.size());
        const int rowsFit = std::max(1, (height - top - kMargin + kCellGap) / std::max(1, pitchY));
        const int cols = n > 0 ? (n + rowsFit - 1) / rowsFit : 0;
        const int rows = cols > 0 ? (n + cols - 1) / cols : 0;
        std::vector<QRect> rects;
        for (int i = 0; i < n; ++i) {
            const int row = i / cols, col = i % cols;
            const QImage &img = s.images[std::size_t(i)];
            const int k = scaleFor(img.height(), img.width(), target);
            const int x0 = x + col * pitchX, y0 = top + row * pitchY;
            rects.push_back(QRect(x0 + (cellW - img.width() * k) / 2, y0, img.width() * k, img.height() * k));
            if (i < s.cellLabels.size()) {
                const QString &t = s.cellLabels[i];
                const int tw = fm.horizontalAdvance(t) + 2;
                l.texts.push_back(
                    {QRect(x0 + (cellW - tw) / 2, y0 + imgH + 1, tw, line), t, false, Qt::AlignCenter});
            }
        }
        l.images.push_back(std::move(rects));
        const int sectionW = std::max({title.width(), legendW, cols * pitchX - kCellGap});
        bottom = std::max(bottom, top + rows * pitchY - kCellGap);
        x += sectionW + 2 * kSectionGap;
    }
    l.minWidth = x - 2 * kSectionGap + kMargin;
    l.height = bottom + kMargin;
    return l;
}

MapGrid::Layout MapGrid::wrapped(int width) const
{
    if (m_cellSide > 0) return layoutFor(width, m_cellSide);
    // The largest maps whose rows fit the visible height; the smallest readable ones, and a scroll, when none
    // do.
    const int visibleHeight = parentWidget() ? parentWidget()->height() : height();
    Layout l;
    for (int target = kMaxFitSide; target >= kMinSide; target -= 8) {
        l = layoutFor(width, target);
        if (l.height <= visibleHeight && l.minWidth <= width) break;
    }
    return l;
}

MapGrid::Layout MapGrid::sideBySide(int height) const
{
    if (m_cellSide > 0) return sideBySideFor(height, m_cellSide);
    // The largest maps (from kMaxSide down to kMinSide) with which every layer fits the visible width;
    // the smallest readable ones, and a sideways scroll, when none does.
    const int visibleWidth = parentWidget() ? parentWidget()->width() : width();
    Layout l;
    for (int target = kMaxSide; target >= kMinSide; target -= 8) {
        l = sideBySideFor(height, target);
        if (l.minWidth <= visibleWidth) break;
    }
    return l;
}

void MapGrid::relayout()
{
    if (m_sideBySide) {
        m_layout = sideBySide(std::max(height(), 1));
        setMinimumWidth(std::max(0, m_layout.minWidth));
        updateGeometry();
        update();
        return;
    }
    m_layout = wrapped(std::max(width(), 1));
    setMinimumWidth(std::max(0, m_layout.minWidth));
    updateGeometry();
    update();
}

int MapGrid::heightForWidth(int w) const
{
    return m_sideBySide ? -1 : wrapped(w).height;
}

QSize MapGrid::sizeHint() const
{
    return m_sideBySide ? QSize(m_layout.minWidth, 300) : QSize(600, m_layout.height);
}

QSize MapGrid::minimumSizeHint() const
{
    return {m_layout.minWidth, 0};
}

void MapGrid::resizeEvent(QResizeEvent *)
{
    if (m_sideBySide) {
        const Layout l = sideBySide(height());
        const bool wider = l.minWidth != m_layout.minWidth;
        m_layout = l;
        if (wider) setMinimumWidth(std::max(0, m_layout.minWidth));
        return;
    }
    const Layout l = wrapped(width());
    const bool taller = l.height != m_layout.height;
    m_layout = l;
    if (taller) updateGeometry();
}

void MapGrid::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) relayout();
}

void MapGrid::setCellSide(int side)
{
    m_cellSide = std::max(0, side);
    relayout();
}

QSize MapGrid::figureSize(int height) const
{
    const Layout l = sideBySideFor(height, kMaxSide);
    return {l.minWidth, l.height};
}

void MapGrid::renderFigure(QPainter &painter, int height) const
{
    paintLayout(painter, sideBySideFor(height, kMaxSide));
}

void MapGrid::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    paintLayout(p, m_layout);
}

void MapGrid::paintLayout(QPainter &p, const Layout &layout) const
{
    // No smoothing: each value stays a crisp square.
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    const QColor frame(0xB0, 0xB6, 0xBC);
    for (std::size_t s = 0; s < m_sections.size() && s < layout.images.size(); ++s) {
        const auto &imgs = m_sections[s].images;
        for (std::size_t i = 0; i < imgs.size(); ++i) {
            const QRect r = layout.images[s][i];
            p.drawImage(r, imgs[i]);
            p.setPen(frame);
            p.drawRect(r.adjusted(-1, -1, 0, 0));
        }
        const QRect bar = layout.legends[s];
        QLinearGradient g(bar.topLeft(), bar.topRight());
        for (int k = 0; k <= 8; ++k)
            g.setColorAt(k / 8.0, divergingColor(-1.0 + k / 4.0));
        p.fillRect(bar, g);
        p.setPen(frame);
        p.drawRect(bar.adjusted(0, 0, -1, -1));
    }
    const QColor text = palette().color(QPalette::WindowText);
    const QFont normal = font(), bold = boldOf(font());
    p.setPen(text);
    for (const Text &t : layout.texts) {
        p.setFont(t.bold ? bold : normal);
        p.drawText(t.rect, t.flags, t.text);
    }
}

MapGrid::Hit MapGrid::hitAt(QPoint pos) const
{
    for (std::size_t s = 0; s < m_layout.images.size() && s < m_sections.size(); ++s)
        for (std::size_t i = 0; i < m_layout.images[s].size(); ++i) {
            const QRect r = m_layout.images[s][i];
            if (!r.contains(pos)) continue;
            const QImage &img = m_sections[s].images[i];
            const int x =
                std::clamp((pos.x() - r.left()) * img.width() / std::max(1, r.width()), 0, img.width() - 1);
            const int y =
                std::clamp((pos.y() - r.top()) * img.height() / std::max(1, r.height()), 0, img.height() - 1);
            return {static_cast<int>(s), static_cast<int>(i), y, x};
        }
    return {};
}

void MapGrid::mouseMoveEvent(QMouseEvent *event)
{
    setHover(hitAt(event->position().toPoint()));
    QWidget::mouseMoveEvent(event);
}

void MapGrid::leaveEvent(QEvent *event)
{
    setHover({});
    QWidget::leaveEvent(event);
}

void MapGrid::setHover(Hit h)
{
    if (h.section == m_hover.section && h.index == m_hover.index && h.y == m_hover.y && h.x == m_hover.x)
        return;
    m_hover = h;
    emit hovered(h.section, h.index, h.y, h.x);
}

bool MapGrid::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const Hit h = hitAt(help->pos());
        if (h.section >= 0 && m_tooltip) {
            // The pixel's own square, so the tooltip follows the mouse from value to value.
            const QRect r = imageRect(h.section, h.index);
            const QImage &img = m_sections[std::size_t(h.section)].images[std::size_t(h.index)];
            const int kx = r.width() / std::max(1, img.width()), ky = r.height() / std::max(1, img.height());
            QToolTip::showText(help->globalPos(), m_tooltip(h.section, h.index, h.y, h.x), this,
                               QRect(r.left() + h.x * kx, r.top() + h.y * ky, kx, ky));
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace nnp
