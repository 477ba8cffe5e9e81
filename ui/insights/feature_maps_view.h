#pragma once
// Feature maps: for one sample of the training or test split, every Conv2D and pooling layer's channels as
// small images (diverging palette, one scale per layer, hover for the value), the input image at the left
// and the class probabilities at the right, live while training. The worker computes the maps (and their
// images) at a bounded rate while the dock is visible; this view only lays them out and paints them. A
// network without convolution or pooling gets a placeholder saying what the view is for.

#include "training/insights_data.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QStackedWidget;

namespace nnp {

class MapGrid;

/// The sample's input as an image (its Input shape), with its class under it.
class FeatureInputPanel : public QWidget {
    Q_OBJECT
public:
    explicit FeatureInputPanel(QWidget *parent = nullptr);
    void setData(std::shared_ptr<const FeatureMapsData> data);
    [[nodiscard]] std::vector<QRect> labelRects() const;
    [[nodiscard]] std::vector<QRect> imageRects() const;
    [[nodiscard]] QSize sizeHint() const override { return {112, 240}; }
    /// Draws the panel (no background) as laid out now; paintEvent and the figure use it.
    void paint(QPainter &p) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Text {
        QRect rect;
        QString text;
        bool bold = false;
    };
    void relayout();

    std::shared_ptr<const FeatureMapsData> m_data;
    std::vector<Text> m_texts;
    std::vector<QRect> m_images;
};

/// The class probabilities as a bar list, the predicted class in bold.
class ClassBarsPanel : public QWidget {
    Q_OBJECT
public:
    explicit ClassBarsPanel(QWidget *parent = nullptr);
    void setData(std::shared_ptr<const FeatureMapsData> data);
    [[nodiscard]] std::vector<QRect> labelRects() const;
    [[nodiscard]] QSize sizeHint() const override { return {150, 240}; }
    /// Draws the panel (no background) as laid out now; paintEvent and the figure use it.
    void paint(QPainter &p) const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Row {
        QRect name, bar, value;
        double p = 0;
        int k = 0;
    };
    void relayout();

    std::shared_ptr<const FeatureMapsData> m_data;
    QRect m_title;
    std::vector<Row> m_rows;
};

class FeatureMapsView : public QWidget {
    Q_OBJECT
public:
    explicit FeatureMapsView(QWidget *parent = nullptr);

    void clear();
    void showData(std::shared_ptr<const FeatureMapsData> data);

    [[nodiscard]] InsightSplit split() const;
    [[nodiscard]] int sample() const;
    [[nodiscard]] const FeatureMapsData *data() const { return m_data.get(); }
    [[nodiscard]] QComboBox *splitBox() const { return m_split; }
    [[nodiscard]] QSpinBox *sampleBox() const { return m_sample; }
    /// Which layer is shown: every layer side by side (item 0), or one layer, larger, wrapped to the width.
    [[nodiscard]] QComboBox *layerBox() const { return m_layer; }
    /// How large the maps are drawn: fitted to the dock (item 0) or a fixed side in pixels (item data).
    [[nodiscard]] QComboBox *sizeBox() const { return m_size; }
    [[nodiscard]] QPushButton *exportButton() const { return m_export; }
    /// The value under the mouse (layer, channel, pixel and value), empty when the mouse is over no map.
    [[nodiscard]] QLabel *hoverLabel() const { return m_hover; }
    /// The layer (index in data()->layers) that grid section `section` shows, or −1.
    [[nodiscard]] int layerOfSection(int section) const;
    [[nodiscard]] MapGrid *grid() const { return m_grid; }
    [[nodiscard]] QScrollArea *scrollArea() const { return m_scroll; }
    [[nodiscard]] FeatureInputPanel *inputPanel() const { return m_input; }
    [[nodiscard]] ClassBarsPanel *classBars() const { return m_bars; }
    /// The placeholder (shown when there are no maps: no convolution, no run yet).
    [[nodiscard]] QLabel *placeholder() const { return m_placeholder; }
    [[nodiscard]] bool showsPlaceholder() const;
    /// Every text the view draws now (titles, legends, channel numbers, class names), in view coordinates.
    [[nodiscard]] std::vector<QRect> labelRects() const;
    /// What the tooltip says over pixel (y, x) of channel `channel` of layer `layer` (index in
    /// data()->layers).
    [[nodiscard]] QString tooltipText(int layer, int channel, int y, int x) const;

    /// The figure (File > Export > Figure, the Export button): the input, every channel of every layer and
    /// the class probabilities side by side, whichever layer the view shows now. Its natural size, and
    /// drawing it scaled into `target` (keeping its aspect ratio).
    [[nodiscard]] QSize figureSize() const;
    void renderFigure(QPainter &p, const QRectF &target) const;

signals:
    /// The user picked another sample (or split).
    void sampleChanged();
    /// The Export figure button or the context menu's entry.
    void exportFigureRequested();

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void rebuildGrid();
    void onHover(int section, int index, int y, int x);
    /// Every layer's maps in a grid of their own (the figure shows them all, whatever the view shows).
    [[nodiscard]] std::unique_ptr<MapGrid> figureGrid() const;
    /// The height of the figure's maps: the smallest (in steps) whose figure is at most about 2.4 : 1.
    [[nodiscard]] int figureGridHeight(const MapGrid &all) const;

    QComboBox *m_split, *m_layer, *m_size;
    QSpinBox *m_sample;
    QPushButton *m_export;
    QLabel *m_sampleInfo, *m_placeholder, *m_hover;
    QStackedWidget *m_stack;
    FeatureInputPanel *m_input;
    QScrollArea *m_scroll;
    MapGrid *m_grid;
    ClassBarsPanel *m_bars;
    std::shared_ptr<const FeatureMapsData> m_data;
    std::vector<int> m_shownLayers; ///< per grid section, the index in m_data->layers
};

} // namespace nnp
