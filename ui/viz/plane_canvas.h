#pragma once
// Paints a two-input dataset: the network's output as a heatmap (optional) behind the training points
// (white rim) and the test points (dark rim), with the axes. Used by the output view and the data preview.

#include "training/training_snapshot.h"

#include <QWidget>

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
    /// Small previews leave out the axis labels.
    void setCompact(bool compact);

    [[nodiscard]] const PlanePoints *plane() const { return m_plane.get(); }
    [[nodiscard]] const BoundaryGrid *boundary() const { return m_boundary.get(); }
    [[nodiscard]] bool showsTest() const { return m_showTest; }
    [[nodiscard]] bool discrete() const { return m_discrete; }
    /// The colour a point of this label (classification) or value (regression) is drawn in.
    [[nodiscard]] QColor pointColor(int label, float value) const;

    [[nodiscard]] QSize sizeHint() const override { return {420, 420}; }
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int w) const override { return w; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QRectF plotRect() const;

    std::shared_ptr<const PlanePoints> m_plane;
    std::shared_ptr<const BoundaryGrid> m_boundary;
    QString m_placeholder;
    bool m_showTest = true;
    bool m_discrete = false;
    bool m_compact = false;
};

} // namespace nnp
