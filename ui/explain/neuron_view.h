#pragma once
// The neuron view: the dense part of the network expanded into neurons. Each neuron is a small heatmap of its
// output over the input plane (2-D data); edges are blue for positive and orange for negative values (the
// Okabe–Ito diverging pair of ui/style/palette.h, safe for colour-blind viewers) and thicker for larger
// magnitudes. During an explained step the current layer is highlighted and the neurons carry the trace's
// numbers; in the backward phase the edges of the current layer show ∂E/∂w instead of w. Hover shows a
// value, a click selects (the explain panel follows), a click on an edge opens a field for a new weight.

#include "explain/explain_model.h"

#include <QWidget>

class QLineEdit;

namespace nnp {

class NeuronView : public QWidget {
    Q_OBJECT
public:
    explicit NeuronView(ExplainModel *model, QWidget *parent = nullptr);

    /// Draws the whole view scaled into `target` (the widget and the exported figure use this).
    void render(QPainter &p, const QRectF &target) const;
    [[nodiscard]] QSize sizeHint() const override { return {720, 480}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {320, 240}; }
    /// The label drawn under a neuron now (for tests): the trace's numbers of the current phase.
    [[nodiscard]] QString neuronLabel(int column, int row) const;
    /// Centre of a neuron / the point at fraction t along an edge, in widget coordinates (tests click there);
    /// null if not drawn.
    [[nodiscard]] QPointF neuronCenter(int column, int row) const;
    [[nodiscard]] QPointF edgePoint(int column, int row, int from, double t = 0.5) const;
    /// The tooltip text at a widget position (empty where nothing is).
    [[nodiscard]] QString toolTipAt(const QPointF &pos) const;
    [[nodiscard]] QLineEdit *weightEditor() const { return m_editor; }
    /// The rectangles of the texts drawn beside the neurons now (column titles, the numbers under the
    /// neurons, the inputs' names, the strips' counts), in widget coordinates; no two overlap.
    [[nodiscard]] std::vector<QRectF> labelRects() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Layout {
        QRectF area, header;
        std::vector<double> columnX;
        std::vector<std::vector<QRectF>> neurons; ///< empty for a summary column
        std::vector<QRectF> strips;               ///< summary strip per column (null rect when drawn in full)
        double labelHeight = 0;
        double scale = 1;
    };
    struct Label {
        QRectF rect;
        QString text;
        QFont font;
        QColor color;
        int flags = 0;
        bool boxed = false; ///< on a white box (the numbers under the neurons)
    };
    Layout layout(const NetworkPicture &pic, const QRectF &target) const;
    std::vector<Label> labels(const NetworkPicture &pic, const Layout &l) const;
    Selection hit(const QPointF &pos) const;
    void openEditor(const Selection &edge);
    void commitEditor();

    ExplainModel *m_model;
    QLineEdit *m_editor;
    Selection m_editing;
};

} // namespace nnp
