#pragma once
// The run's curves, live: loss per mini-batch (faint), training and validation loss per epoch, and the
// metric (accuracy or mean absolute error) on the right axis. Log scale, a read-out under the mouse, and
// export as PNG, SVG or PDF.

#include "training/training_snapshot.h"

#include <QWidget>

class QCheckBox;
class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPItemText;
class QLabel;
class QMouseEvent;
class QToolButton;

namespace nnp {

class TrainingController;

class LossPlot : public QWidget {
    Q_OBJECT
public:
    explicit LossPlot(QWidget *parent = nullptr);

    /// Follows a controller: clears on every reset and adds each snapshot.
    void attach(TrainingController *controller);
    void clear();
    void addSnapshot(const TrainingSnapshot &s);
    /// "Accuracy" for classification, "MAE" for regression; the metric axis follows.
    void setClassification(bool classification);
    /// The units the curves are drawn in: a scaled regression target's losses and MAE in the target's own
    /// units where they convert (each snapshot carries them; clear() forgets them).
    [[nodiscard]] const LossUnits &lossUnits() const { return m_units; }
    /// The loss axis' label ("Loss", or "Loss (scaled target)" when the loss does not convert).
    [[nodiscard]] QString lossAxisLabel() const;
    void setLogScale(bool on);
    /// A line above the plot for what the user must know (divergence, failure); empty hides it.
    void setBanner(const QString &text, bool error);

    /// Writes the plot to `path`; the format follows the suffix (.png, .svg, .pdf). False + *error on
    /// failure.
    bool exportTo(const QString &path, QString *error = nullptr);
    /// The read-out for the epoch nearest to x (in epochs); empty without data.
    [[nodiscard]] QString readoutAt(double epoch) const;

    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    [[nodiscard]] int epochCount() const { return static_cast<int>(m_epochs.size()); }
    [[nodiscard]] int batchPointCount() const;
    /// Points of the test-loss curve (one per epoch when the data has a test split).
    [[nodiscard]] int testPointCount() const;
    /// The height the curves get (the banner above them takes at most a few lines).
    [[nodiscard]] int plotHeight() const;
    [[nodiscard]] bool logScale() const;
    [[nodiscard]] QString bannerText() const;

private:
    void onMouseMove(QMouseEvent *event);
    void exportInteractively();
    void rescale();
    /// The axes' labels: loss and metric, in the scaled target's units when they do not convert.
    void updateAxisLabels();

    QCustomPlot *m_plot;
    QCPGraph *m_batch = nullptr, *m_train = nullptr, *m_val = nullptr, *m_test = nullptr, *m_metric = nullptr;
    QCPItemStraightLine *m_cursor = nullptr;
    QCPItemText *m_readout = nullptr;
    QCheckBox *m_log = nullptr;
    QToolButton *m_export = nullptr;
    QLabel *m_banner = nullptr;
    std::vector<EpochRecord> m_epochs; ///< as the run keeps them (a scaled target's units)
    LossUnits m_units;                 ///< how they are shown (core/io/target_scaling.h)
    bool m_classification = true;
};

} // namespace nnp
