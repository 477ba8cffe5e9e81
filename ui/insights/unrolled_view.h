#pragma once
// The unrolled sequence (issue 11): one sentence word by word through a SimpleRNN / LSTM / GRU: a column per
// step with its word, the hidden state (and the LSTM's cell state) as colour strips, the gates as bars (their
// mean over the units: LSTM i, f, g, o; GRU r, z, n) and the prediction after the word; padded steps are
// greyed (the state stays). Hover for the numbers. The sentence is a sample of the data or a typed text.

#include "training/insights_data.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

namespace nnp {

class UnrolledCanvas : public QWidget {
    Q_OBJECT
public:
    explicit UnrolledCanvas(QWidget *parent = nullptr);
    void setData(std::shared_ptr<const UnrolledData> data);

    /// The rows of a column, top to bottom.
    enum class Row { Word, Hidden, Cell, Gates, Prediction };
    [[nodiscard]] int columnCount() const;
    /// Step t's column, and one of its rows, in widget coordinates (empty rect: no such row).
    [[nodiscard]] QRectF columnRect(int t) const;
    [[nodiscard]] QRectF rowRect(int t, Row row) const;
    [[nodiscard]] QString toolTipAt(QPointF pos) const;
    /// The gates' names of the layer's kind, in the order of its weights.
    [[nodiscard]] QStringList gateNames() const;
    [[nodiscard]] QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *) override;
    bool event(QEvent *e) override;

private:
    [[nodiscard]] double rowTop(Row row) const;
    [[nodiscard]] double rowHeight(Row row) const;
    [[nodiscard]] double unitHeight() const;

    std::shared_ptr<const UnrolledData> m_data;
    double m_cellScale = 1; ///< the largest |c| over the steps: the cell strip's colours span ±it
};

class UnrolledView : public QWidget {
    Q_OBJECT
public:
    explicit UnrolledView(QWidget *parent = nullptr);

    void clear();
    void showData(std::shared_ptr<const UnrolledData> data);
    [[nodiscard]] int layerNode() const;
    [[nodiscard]] int sample() const;
    [[nodiscard]] QString text() const;

    [[nodiscard]] const UnrolledData *data() const { return m_data.get(); }
    [[nodiscard]] UnrolledCanvas *canvas() const { return m_canvas; }
    [[nodiscard]] QComboBox *layerBox() const { return m_layer; }
    [[nodiscard]] QSpinBox *sampleBox() const { return m_sample; }
    [[nodiscard]] QLineEdit *textEdit() const { return m_text; }
    [[nodiscard]] QLabel *info() const { return m_info; }
    [[nodiscard]] bool showsPlaceholder() const;

signals:
    void sentenceChanged();

private:
    QComboBox *m_layer;
    QSpinBox *m_sample;
    QLineEdit *m_text;
    QLabel *m_info, *m_placeholder;
    QStackedWidget *m_stack;
    UnrolledCanvas *m_canvas;
    std::shared_ptr<const UnrolledData> m_data;
};

} // namespace nnp
