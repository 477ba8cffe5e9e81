#pragma once
// The confusion matrix of a classifier on the training or the test split, live: rows are the true class,
// columns the predicted one. Clicking a cell lists its samples (index, input, true and predicted class);
// samplesSelected() lets the output view ring them.

#include "training/insights_data.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QTableWidget;

namespace nnp {

/// The matrix itself: counts in cells, shaded by the share of the true class's samples.
class ConfusionGrid : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionGrid(QWidget *parent = nullptr);
    void setData(std::shared_ptr<const ConfusionData> data);
    void setSelectedCell(int truth, int predicted);
    /// The cell's rectangle in widget coordinates (empty when there is none).
    [[nodiscard]] QRectF cellRect(int truth, int predicted) const;
    /// Renders the grid into `target` (figure export).
    void render(QPainter &p, const QRectF &target) const;
    /// The font of the counts in the cells now (it follows the widget's font, so presentation mode's scale).
    [[nodiscard]] QFont countFont() const;
    [[nodiscard]] QSize sizeHint() const override { return {380, 340}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {220, 200}; }

signals:
    void cellClicked(int truth, int predicted);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    QRectF gridRect(const QRectF &area) const;
    QFont countFont(double cell, bool *fits = nullptr) const;
    QString className(int k) const;

    std::shared_ptr<const ConfusionData> m_data;
    int m_selTruth = -1, m_selPredicted = -1;
};

class ConfusionView : public QWidget {
    Q_OBJECT
public:
    explicit ConfusionView(QWidget *parent = nullptr);

    void clear();
    void showConfusion(std::shared_ptr<const ConfusionData> data);
    /// Lists the samples of a cell (as a click on it does).
    void selectCell(int truth, int predicted);

    [[nodiscard]] InsightSplit split() const;
    [[nodiscard]] QComboBox *splitBox() const { return m_split; }
    [[nodiscard]] ConfusionGrid *grid() const { return m_grid; }
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    [[nodiscard]] const ConfusionData *data() const { return m_data.get(); }
    /// The sample indices the table lists now.
    [[nodiscard]] std::vector<int> listedSamples() const { return m_listed; }

signals:
    void splitChanged(nnp::InsightSplit split);
    void samplesSelected(nnp::InsightSplit split, const std::vector<int> &samples);

private:
    QString className(int k) const;

    QComboBox *m_split;
    QLabel *m_accuracy, *m_listTitle;
    ConfusionGrid *m_grid;
    QTableWidget *m_table;
    std::shared_ptr<const ConfusionData> m_data;
    std::vector<int> m_listed;
    int m_truth = -1, m_predicted = -1;
};

} // namespace nnp
