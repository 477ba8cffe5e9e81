#pragma once
// Per layer, on a fixed probe batch: a histogram of its activations or its weights (the user picks the
// layer and which), and a table with every layer's units, dead ReLUs (units that output 0 for every probe
// sample), gradient and weight norms.

#include "training/insights_data.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QCPBars;
class QLabel;
class QTableWidget;

namespace nnp {

class LayerStatsView : public QWidget {
    Q_OBJECT
public:
    explicit LayerStatsView(QWidget *parent = nullptr);

    void clear();
    void showStats(std::shared_ptr<const LayerStatsSet> stats);

    [[nodiscard]] QComboBox *layerBox() const { return m_layer; }
    [[nodiscard]] QComboBox *kindBox() const { return m_kind; } ///< 0: activations, 1: weights
    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    [[nodiscard]] QTableWidget *table() const { return m_table; }
    /// The histogram shown now (null before any statistics).
    [[nodiscard]] const Histogram *shownHistogram() const;
    /// Sum of the bars drawn.
    [[nodiscard]] long long shownCount() const;

private:
    void redraw();

    QComboBox *m_layer, *m_kind;
    QCustomPlot *m_plot;
    QCPBars *m_bars;
    QLabel *m_summary;
    QTableWidget *m_table;
    std::shared_ptr<const LayerStatsSet> m_stats;
};

} // namespace nnp
