#pragma once
// The explain panel's picture at a convolution or pooling node: the input map with the chosen output's window
// (its receptive field) outlined, the kernel, and the output map with the chosen position; on the way back
// the output map shows δ and the kernel ∂E/∂k. Click an output pixel to choose the position (or step with the
// buttons), click a kernel weight to choose it; the choice is the ExplainModel's WindowSelection.

#include "explain/explain_model.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSpinBox;

namespace nnp {

/// The three maps, painted; hit-tested by the cells' rectangles.
class WindowMapsCanvas : public QWidget {
    Q_OBJECT
public:
    explicit WindowMapsCanvas(ExplainModel *model, QWidget *parent = nullptr);
    /// Where output pixel (oy, ox) and kernel tap (i, j) are drawn (empty when not drawn).
    [[nodiscard]] QRect outputCell(int oy, int ox) const;
    [[nodiscard]] QRect kernelCell(int i, int j) const;
    [[nodiscard]] QRect inputCell(int y, int x) const;
    /// The input channel the input map shows (-1 outside a convolution or pooling phase).
    [[nodiscard]] int inputChannel() const;
    QSize sizeHint() const override { return {600, 260}; }

protected:
    void paintEvent(QPaintEvent *) override;
    void mousePressEvent(QMouseEvent *e) override;
    bool event(QEvent *e) override;

private:
    struct Grid {
        QRect area; ///< the cells' bounding rectangle
        int rows = 0, cols = 0;
        [[nodiscard]] QRect cell(int r, int c) const;
        [[nodiscard]] bool hit(QPoint p, int &r, int &c) const;
    };
    /// Places the grids for the current phase and size (called before every use: the phase may have changed
    /// since the last paint).
    void layoutGrids() const;

    ExplainModel *m_model;
    mutable Grid m_input, m_kernel, m_output;
};

class WindowView : public QWidget {
    Q_OBJECT
public:
    explicit WindowView(ExplainModel *model, QWidget *parent = nullptr);
    [[nodiscard]] WindowMapsCanvas *canvas() const { return m_canvas; }
    [[nodiscard]] QSpinBox *mapBox() const { return m_map; }
    [[nodiscard]] QSpinBox *channelBox() const { return m_channel; }
    [[nodiscard]] QPushButton *nextPositionButton() const { return m_nextPos; }
    [[nodiscard]] QPushButton *previousPositionButton() const { return m_prevPos; }

private:
    void sync();

    ExplainModel *m_model;
    QSpinBox *m_map, *m_channel;
    QPushButton *m_prevPos, *m_nextPos;
    QLabel *m_position;
    WindowMapsCanvas *m_canvas;
};

} // namespace nnp
