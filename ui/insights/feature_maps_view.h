#pragma once
// Feature maps: for one sample of the training or test split, every Conv2D and pooling layer's channels as
// small images (diverging palette, one scale per layer, hover for the value), the input image at the left
// and the class probabilities at the right, live while training. The worker computes the maps (and their
// images) at a bounded rate while the dock is visible; this view only lays them out and paints them. A
// network without convolution or pooling gets a placeholder saying what the view is for.

#include "training/insights_data.h"

#include <QWidget>

class QComboBox;
class QLabel;
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
    [[nodiscard]] QSize sizeHint() const override { return {140, 240}; }

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
    [[nodiscard]] QSize sizeHint() const override { return {190, 240}; }

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

signals:
    /// The user picked another sample (or split).
    void sampleChanged();

private:
    QComboBox *m_split;
    QSpinBox *m_sample;
    QLabel *m_sampleInfo, *m_placeholder;
    QStackedWidget *m_stack;
    FeatureInputPanel *m_input;
    QScrollArea *m_scroll;
    MapGrid *m_grid;
    ClassBarsPanel *m_bars;
    std::shared_ptr<const FeatureMapsData> m_data;
};

} // namespace nnp
