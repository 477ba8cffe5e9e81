#pragma once
// Paints a two-input dataset: the network's output as a heatmap (optional) behind the training points
// (white rim) and the test points (dark rim), with the axes. Used by the output view and the data preview.

#include "training/training_snapshot.h"

#include <QWidget>

#include <optional>

namespace nnp {

class PlaneCanvas : public QWidget {
    Q_OBJECT
public:
    explicit PlaneCanvas(QWidget *parent = nullptr);

    void setPlane(std::shared_ptr<const PlanePoints> plane);
    void setBoundary(std::shared_ptr<const BoundaryGrid> boundary);
    void setShowTest(bool on);
    void setDiscrete(bool on);
    /// Shown instead of the plot when there is no plane.
    void setPlaceholder(const QString &text);
    [[nodiscard]] QString placeholder() const { return m_placeholder; }
    /// Small previews leave out the axis labels.
    void setCompact(bool compact);

    [[nodiscard]] const PlanePoints *plane() const { return m_plane.get(); }
    [[nodiscard]] const BoundaryGrid *boundary() const { return m_boundary.get(); }
    [[nodiscard]] bool showsTest() const { return m_showTest; }
    [[nodiscard]] bool discrete() const { return m_discrete; }
    /// Rings around these points (indices into the plane's training / test points), e.g. the samples of a
    /// confusion-matrix cell; empty vectors clear them.
    void setHighlight(std::vector<int> train, std::vector<int> test);
    /// A cross at a probed point (plane coordinates); nullopt hides it.
    void setProbeMarker(std::optional<QPointF> point);
    /// The plane coordinates under a widget position (nullopt outside the plot).
    [[nodiscard]] std::optional<QPointF> planeAt(QPointF pos) const;
    [[nodiscard]] std::size_t highlightCount() const
    {
        return m_highlightTrain.size() + m_highlightTest.size();
    }
    /// The colour a point of this label (classification) or value (regression) is drawn in.
    [[nodiscard]] QColor pointColor(int label, float value) const;

    [[nodiscard]] QSize sizeHint() const override { return {420, 420}; }
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int w) const override { return w; }

signals:
    /// The user pressed (or dragged with) the left button on the plot, at these plane coordinates.
    void planeClicked(QPointF point);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF plotRect() const;

    std::shared_ptr<const PlanePoints> m_plane;
    std::shared_ptr<const BoundaryGrid> m_boundary;
    QString m_placeholder;
    bool m_showTest = true;
    bool m_discrete = false;
    bool m_compact = false;
    std::vector<int> m_highlightTrain, m_highlightTest;
    std::optional<QPointF> m_probe;
};

} // namespace nnp
