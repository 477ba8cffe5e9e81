#pragma once
// The vanishing / exploding gradient lesson: the norm of each trainable layer's gradient on a fixed probe
// batch, over the epochs, one curve per layer on a logarithmic axis. Fed from TrainingSnapshot::insights.

#include "training/insights_data.h"

#include <QWidget>

class QCustomPlot;
class QLabel;

namespace nnp {

class GradientPlot : public QWidget {
    Q_OBJECT
public:
    explicit GradientPlot(QWidget *parent = nullptr);

    void clear();
    /// Adds one point per trainable layer (a set of the same step as the last one is ignored).
    void addStats(const LayerStatsSet &stats);

    [[nodiscard]] QCustomPlot *plot() const { return m_plot; }
    [[nodiscard]] QStringList layerNames() const { return m_names; }
    [[nodiscard]] int pointCount() const;
    /// The last norm shown for a layer (NaN if none).
    [[nodiscard]] double lastNorm(const QString &layer) const;

private:
    void rebuild(const LayerStatsSet &stats);

    QCustomPlot *m_plot;
    QLabel *m_hint;
    QStringList m_names;
    long long m_lastStep = -1;
};

} // namespace nnp
