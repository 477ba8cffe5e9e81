#pragma once
// The probe: the user picks one input (a click on the output view's plane, or a digit drawn on a pad for
// image data) and sees the network's prediction (a bar per class) and every layer's activations for it,
// re-evaluated with the latest weights while training runs.

#include "training/insights_data.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QStackedWidget;

namespace nnp {

class ProbeRowEditor;

/// A square grid of pixels in 0..1 drawn with the mouse (left button draws, right button erases).
class DrawPad : public QWidget {
    Q_OBJECT
public:
    explicit DrawPad(QWidget *parent = nullptr);
    void setGridSize(int rows, int cols);
    void clearPixels();
    void setPixels(std::vector<float> values);
    [[nodiscard]] const std::vector<float> &pixels() const { return m_pixels; }
    [[nodiscard]] int rows() const { return m_rows; }
    [[nodiscard]] int cols() const { return m_cols; }
    [[nodiscard]] QSize sizeHint() const override { return {224, 224}; }
    [[nodiscard]] bool hasHeightForWidth() const override { return true; }
    [[nodiscard]] int heightForWidth(int w) const override { return w; }

signals:
    void pixelsChanged(const std::vector<float> &pixels);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    QRectF padRect() const;
    void paintAt(QPointF pos, bool erase);

    int m_rows = 28, m_cols = 28;
    std::vector<float> m_pixels;
};

/// The prediction bars and the per-layer activation strips.
class ProbeResultView : public QWidget {
    Q_OBJECT
public:
    explicit ProbeResultView(QWidget *parent = nullptr);
    void setResult(std::shared_ptr<const ProbeResult> result);
    void render(QPainter &p, const QRectF &target) const;
    [[nodiscard]] QSize sizeHint() const override { return {420, 320}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {260, 200}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    std::shared_ptr<const ProbeResult> m_result;
};

class ProbeView : public QWidget {
    Q_OBJECT
public:
    explicit ProbeView(QWidget *parent = nullptr);

    void clear();
    /// The worker's answer: sets up the pad for image data and shows the prediction.
    void showResult(std::shared_ptr<const ProbeResult> result);
    /// A point of the plane (from the output view) becomes the probe input.
    void setPlanePoint(QPointF point);

    [[nodiscard]] const std::vector<float> &input() const { return m_input; }
    /// CSV data: the typed row being probed (empty: input()).
    [[nodiscard]] const QStringList &row() const { return m_row; }
    [[nodiscard]] ProbeRowEditor *rowEditor() const { return m_rowEditor; }
    [[nodiscard]] const ProbeResult *result() const { return m_result.get(); }
    [[nodiscard]] DrawPad *pad() const { return m_pad; }
    [[nodiscard]] ProbeResultView *resultView() const { return m_view; }

signals:
    /// A new probe input (raw: plane coordinates, or pixels in 0..1; or a typed row, row()).
    void inputChanged(const std::vector<float> &input);

private:
    QStackedWidget *m_left;
    QLabel *m_hint, *m_point;
    DrawPad *m_pad;
    ProbeRowEditor *m_rowEditor;
    ProbeResultView *m_view;
    std::vector<float> m_input;
    QStringList m_row;
    float m_ink = 1.0f; ///< the raw value of a fully inked pad pixel
    std::shared_ptr<const ProbeResult> m_result;
};

} // namespace nnp
