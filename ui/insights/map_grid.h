#pragma once
// Small images in sections (a feature-map layer, a convolution's kernels): each section has a title, a
// legend of its colour scale (−scale … 0 … +scale on the diverging palette) and its images scaled up by a
// whole factor without smoothing, wrapped into rows to the widget's width (or a fixed number per row, with
// a label per row), or sections side by side, each wrapped to the widget's height. The images come ready-made
// from the worker; the layout is computed when the data or the width changes, never per paint. A hover over
// an image pixel shows what the owner's tooltip function says.

#include <QImage>
#include <QPainter>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <vector>

namespace nnp {

class MapGrid : public QWidget {
    Q_OBJECT
public:
    struct Section {
        QString title;
        double scale = 0; ///< the legend's range: −scale … +scale
        std::vector<QImage> images;
        QStringList cellLabels; ///< one under each image (may be empty)
        int columns = 0;        ///< images per row; 0 wraps to the width
        QStringList rowLabels;  ///< with `columns`: one at the left of each row
    };
    /// The tooltip of pixel (y, x) of image `index` of section `section`.
    using TooltipFn = std::function<QString(int section, int index, int y, int x)>;

    explicit MapGrid(QWidget *parent = nullptr);
    /// Sections side by side, left to right, each wrapping its images into the widget's height (a scroll
    /// area scrolls sideways), instead of one under the other wrapped to the width.
    void setSideBySide(bool on);
    void setSections(std::vector<Section> sections);
    void setTooltip(TooltipFn fn) { m_tooltip = std::move(fn); }
    /// The side, in pixels, each image's larger side aims at (scaled by a whole factor); 0 (the default)
    /// fits them to the visible area: side by side the largest (kMaxSide … kMinSide) with which every
    /// section fits the visible width, wrapped the largest (kMaxFitSide … kMinSide) that fits its height.
    void setCellSide(int side);
    [[nodiscard]] int cellSide() const { return m_cellSide; }
    void clear() { setSections({}); }

    /// Laid out for the current width: the rectangle of each image, and of every text drawn.
    [[nodiscard]] int sectionCount() const { return static_cast<int>(m_sections.size()); }
    [[nodiscard]] int imageCount(int section) const;
    [[nodiscard]] QRect imageRect(int section, int index) const;
    [[nodiscard]] std::vector<QRect> labelRects() const;
    /// Which image pixel is under `pos`: {section, index, y, x}, or section −1.
    struct Hit {
        int section = -1, index = -1, y = -1, x = -1;
    };
    [[nodiscard]] Hit hitAt(QPoint pos) const;

    /// The whole grid side by side at most `height` pixels high with the largest maps (kMaxSide), for a
    /// figure: its size, and drawing it with its top left corner at the painter's origin.
    [[nodiscard]] QSize figureSize(int height) const;
    void renderFigure(QPainter &painter, int height) const;

    [[nodiscard]] bool hasHeightForWidth() const override { return !m_sideBySide; }
    [[nodiscard]] int heightForWidth(int w) const override;
    [[nodiscard]] QSize sizeHint() const override;
    [[nodiscard]] QSize minimumSizeHint() const override;

    /// Edge of the largest displayed image side the scale factor aims at, in pixels.
    static constexpr int kTargetSide = 80;
    /// Side by side, the maps grow up to kMaxSide when the room allows, and shrink down to kMinSide.
    static constexpr int kMaxSide = 112, kMinSide = 64;
    /// Wrapped and fitted, the maps grow up to this.
    static constexpr int kMaxFitSide = 192;

signals:
    /// The mouse is over pixel (y, x) of image `index` of section `section` (section −1: over none).
    void hovered(int section, int index, int y, int x);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;

private:
    struct Text {
        QRect rect;
        QString text;
        bool bold = false;
        int flags = 0;
    };
    struct Layout {
        int height = 0, minWidth = 0;
        std::vector<std::vector<QRect>> images; ///< per section
        std::vector<QRect> legends;             ///< the colour bar per section
        std::vector<Text> texts;
    };
    [[nodiscard]] Layout layoutFor(int width, int target) const;
    [[nodiscard]] Layout wrapped(int width) const;
    [[nodiscard]] Layout sideBySideFor(int height, int target) const;
    [[nodiscard]] Layout sideBySide(int height) const;
    void relayout();
    void paintLayout(QPainter &p, const Layout &l) const;
    void setHover(Hit h);

    std::vector<Section> m_sections;
    TooltipFn m_tooltip;
    Layout m_layout;
    bool m_sideBySide = false;
    int m_cellSide = 0;
    Hit m_hover;
};

} // namespace nnp
