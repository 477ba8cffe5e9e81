#include "insights/gradient_plot.h"

#include "style/palette.h"

#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>
#include <limits>

namespace nnp {

GradientPlot::GradientPlot(QWidget *parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_hint(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    m_hint->setWordWrap(true);
    m_hint->setText(tr("Size of each layer's gradient ‖∂L/∂θ‖ on a fixed batch of training samples. Curves "
                       "that fall by orders of magnitude towards the input layers show vanishing gradients; "
                       "curves that shoot up show exploding ones."));
    layout->addWidget(m_hint);
    layout->addWidget(m_plot, 1);
    m_plot->setPlottingHint(QCP::phFastPolylines, true); // as the loss plot (plots/loss_plot.cpp)
    m_plot->setMinimumHeight(160);
    m_plot->xAxis->setLabel(tr("Epoch"));
    m_plot->yAxis->setLabel(tr("Gradient norm (log)"));
    m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_plot->yAxis->setNumberFormat(QStringLiteral("eb"));
    m_plot->yAxis->setNumberPrecision(0);
    m_plot->legend->setVisible(true);
    m_plot->legend->setBrush(QColor(255, 255, 255, 220));
    // The legend in a column of its own on the right: inside the axes it would hide the newest values.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    auto *side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 1, side);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot)); // takes the rest: the legend stays at the top
    side->setRowStretchFactor(0, 0.001);
    m_plot->legend->setMargins(QMargins(6, 4, 6, 4));
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    clear();
}

void GradientPlot::clear()
{
    m_plot->clearGraphs();
    m_names.clear();
    m_lastStep = -1;
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(1e-4, 10);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void GradientPlot::rebuild(const LayerStatsSet &stats)
{
    m_plot->clearGraphs();
    m_names.clear();
    int k = 0;
    for (const LayerStats &l : stats.layers) {
        if (!l.trainable) continue;
        QCPGraph *g = m_plot->addGraph();
        g->setName(l.name);
        g->setPen(QPen(classColor(k++), 2.5));
        m_names << l.name;
    }
}

void GradientPlot::addStats(const LayerStatsSet &stats)
{
    if (stats.step == m_lastStep) return;
    m_lastStep = stats.step;
    QStringList names;
    for (const LayerStats &l : stats.layers)
        if (l.trainable) names << l.name;
    if (names != m_names) rebuild(stats);
    int k = 0;
    for (const LayerStats &l : stats.layers) {
        if (!l.trainable) continue;
        // The log axis cannot show 0: an exactly vanished gradient sits at the bottom of the range.
        m_plot->graph(k++)->addData(stats.epoch, std::max(l.gradNorm, 1e-12));
    }
    bool found = false;
    const QCPRange x = m_plot->graph(0) ? m_plot->graph(0)->getKeyRange(found) : QCPRange(0, 1);
    m_plot->xAxis->setRange(0, std::max(found ? x.upper : 1.0, 1e-3) * 1.02);
    double lo = std::numeric_limits<double>::max(), hi = 0;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        bool ok = false;
        const QCPRange r = m_plot->graph(i)->getValueRange(ok);
        if (ok) {
            lo = std::min(lo, r.lower);
            hi = std::max(hi, r.upper);
        }
    }
    if (hi > 0)
        m_plot->yAxis->setRange(std::pow(10, std::floor(std::log10(lo))),
                                std::pow(10, std::ceil(std::log10(hi) + 1e-9)));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int GradientPlot::pointCount() const
{
    return m_plot->graphCount() > 0 ? m_plot->graph(0)->dataCount() : 0;
}

double GradientPlot::lastNorm(const QString &layer) const
{
    const int i = static_cast<int>(m_names.indexOf(layer));
    if (i < 0 || m_plot->graph(i)->dataCount() == 0) return std::numeric_limits<double>::quiet_NaN();
    return (m_plot->graph(i)->data()->end() - 1)->value;
}

} // namespace nnp
