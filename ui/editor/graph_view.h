#pragma once
// The canvas widget: zoom (Ctrl+wheel, +/-), pan (middle drag, or hold Space and drag), rubber-band
// selection with the left button on empty canvas.

#include <QGraphicsView>

namespace nnp {

class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(QGraphicsScene *scene, QWidget *parent = nullptr);

    [[nodiscard]] double zoom() const { return transform().m11(); }
    void setZoom(double factor);
    void zoomIn();
    void zoomOut();
    void resetZoom();
    /// Shows every layer, at most at `maxZoom` (100 %).
    void fitAll(double maxZoom = 1.0);
    /// What a network opens at: every layer if that stays readable (at least kReadableZoom), else
    /// kReadableZoom with the network's start (its left end) in view and the rest a scroll away.
    void fitReadable();
    static constexpr double kReadableZoom = 0.5;
    /// Centre of the visible canvas in scene coordinates (where keyboard-added layers go).
    [[nodiscard]] QPointF visibleCentre() const;

signals:
    void zoomChanged(double factor);
    /// Space was pressed and released without panning: the window treats it as its Space shortcut
    /// (Play/Pause), which the view otherwise has to hold back to allow Space-drag panning.
    void spaceTapped();

protected:
    bool event(QEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;

private:
    bool m_spaceHeld = false;
    bool m_spacePanned = false;
    bool m_panning = false;
    QPoint m_panLast;
};

} // namespace nnp
