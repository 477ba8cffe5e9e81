#pragma once
// The embedding map (issue 11): an Embedding's learned vectors projected to 2-D by PCA (computed in core on
// the worker, embeddingMap), one point per id or word, its most frequent ids labelled without overlap; the
// layer chosen in a box; the share of variance each axis explains under the map. Moves live while training.

#include "training/insights_data.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace nnp {

/// The map itself: points, labels, axes; hover for an id's numbers. The learned vectors' PCA points, or the
/// ratings generator's hidden true tastes of the same ids (`truth`).
class EmbeddingMapCanvas : public QWidget {
    Q_OBJECT
public:
    explicit EmbeddingMapCanvas(bool truth = false, QWidget *parent = nullptr);
    void setMap(std::shared_ptr<const EmbeddingMapData> data);

    /// The most labels drawn (the most frequent ids first, each only where it overlaps no other label).
    static constexpr int kMaxLabels = 40;
    /// Where point k of the map (in the order of map.ids) is drawn, in widget coordinates.
    [[nodiscard]] QPointF pointAt(int k) const;
    /// The labels drawn at the current size: their rectangles and the points (map order) they belong to.
    [[nodiscard]] const std::vector<QRectF> &labelRects() const { return m_labelRects; }
    [[nodiscard]] const std::vector<int> &labelledPoints() const { return m_labelled; }
    /// The point under `pos` (within a few pixels), or −1.
    [[nodiscard]] int pointNear(QPointF pos) const;
    [[nodiscard]] QString toolTipAt(QPointF pos) const;
    [[nodiscard]] QSize sizeHint() const override { return {420, 360}; }

protected:
    void paintEvent(QPaintEvent *) override;
    void resizeEvent(QResizeEvent *) override;
    bool event(QEvent *e) override;

private:
    void layoutLabels();
    [[nodiscard]] QRectF plotRect() const;
    [[nodiscard]] const Eigen::Matrix<double, 2, Eigen::Dynamic> *points() const;

    bool m_truth;
    std::shared_ptr<const EmbeddingMapData> m_data;
    double m_cx = 0, m_cy = 0, m_scale = 1; ///< data → widget: centre and pixels per unit
    std::vector<QRectF> m_labelRects;
    std::vector<int> m_labelled;
};

class EmbeddingMapView : public QWidget {
    Q_OBJECT
public:
    explicit EmbeddingMapView(QWidget *parent = nullptr);

    void clear();
    void showData(std::shared_ptr<const EmbeddingMapData> data);
    /// The Embedding chosen in the box (its node id), 0 before the first map.
    [[nodiscard]] int layerNode() const;

    [[nodiscard]] const EmbeddingMapData *data() const { return m_data.get(); }
    [[nodiscard]] EmbeddingMapCanvas *canvas() const { return m_canvas; }
    /// The hidden true tastes beside the map (ratings generator only; hidden otherwise).
    [[nodiscard]] EmbeddingMapCanvas *truthCanvas() const { return m_truth; }
    [[nodiscard]] QComboBox *layerBox() const { return m_layer; }
    [[nodiscard]] QLabel *info() const { return m_info; }
    [[nodiscard]] bool showsPlaceholder() const;

signals:
    void layerChanged();

private:
    QComboBox *m_layer;
    QLabel *m_info, *m_placeholder;
    QStackedWidget *m_stack;
    EmbeddingMapCanvas *m_canvas, *m_truth;
    QWidget *m_truthPanel;
    std::shared_ptr<const EmbeddingMapData> m_data;
};

} // namespace nnp
