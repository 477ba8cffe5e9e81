#include "insights/layer_stats_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace nnp {

LayerStatsView::LayerStatsView(QWidget *parent)
    : QWidget(parent), m_layer(new QComboBox), m_kind(new QComboBox), m_plot(new QCustomPlot),
      m_summary(new QLabel), m_table(new QTableWidget)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("Layer:")));
    row->addWidget(m_layer, 1);
    row->addWidget(new QLabel(tr("Show:")));
    m_kind->addItem(tr("Activations"));
    m_kind->addItem(tr("Weights"));
    row->addWidget(m_kind);
    layout->addLayout(row);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_plot);
    split->addWidget(m_table);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    layout->addWidget(split, 1);

    m_plot->setMinimumSize(220, 150);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setPen(QPen(QColor(0x1F4E79), 1));
    m_bars->setBrush(QColor(0x4C8BC9));
    m_bars->setWidthType(QCPBars::wtPlotCoords);
    m_plot->yAxis->setLabel(tr("Count"));

    m_table->setColumnCount(5);
    m_table->setHorizontalHeaderLabels(
        {tr("Layer"), tr("Units"), tr("Dead ReLUs"), tr("‖gradient‖"), tr("‖weights‖")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumWidth(260);

    connect(m_layer, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int r) { m_layer->setCurrentIndex(r); });
    clear();
}

void LayerStatsView::clear()
{
    m_stats.reset();
    m_layer->clear();
    m_table->setRowCount(0);
    m_summary->setText(tr("Train or step the network to see its layers."));
    redraw();
}

void LayerStatsView::showStats(std::shared_ptr<const LayerStatsSet> stats)
{
    if (!stats || stats == m_stats) return;
    m_stats = std::move(stats);
    QStringList names;
    for (const LayerStats &l : m_stats->layers)
        names << l.name;
    QStringList current;
    for (int i = 0; i < m_layer->count(); ++i)
        current << m_layer->itemText(i);
    if (names != current) {
        const QString keep = m_layer->currentText();
        const QSignalBlocker block(m_layer);
        m_layer->clear();
        m_layer->addItems(names);
        m_layer->setCurrentIndex(std::max(0, static_cast<int>(names.indexOf(keep))));
    }
    m_table->setRowCount(static_cast<int>(m_stats->layers.size()));
    int deadTotal = 0, reluTotal = 0;
    for (int r = 0; r < static_cast<int>(m_stats->layers.size()); ++r) {
        const LayerStats &l = m_stats->layers[static_cast<std::size_t>(r)];
        const auto set = [&](int c, const QString &text) {
            auto *item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, c, item);
            }
            item->setText(text);
            item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter
                                          : Qt::AlignRight | Qt::AlignVCenter);
            item->setForeground(c == 2 && l.dead > 0 ? QColor(0xB00020) : palette().color(QPalette::Text));
        };
        set(0, l.name);
        set(1, QString::number(l.units));
        set(2, l.relu ? tr("%1 of %2").arg(l.dead).arg(l.units) : tr("—"));
        set(3, l.trainable ? QString::number(l.gradNorm, 'g', 3) : tr("—"));
        set(4, l.trainable ? QString::number(l.weightNorm, 'g', 3) : tr("—"));
        if (l.relu) {
            deadTotal += l.dead;
            reluTotal += l.units;
        }
    }
    QString text = tr("Probe batch: the first %1 training samples; loss %2.")
                       .arg(m_stats->probeSamples)
                       .arg(m_stats->loss, 0, 'g', 4);
    if (reluTotal > 0)
        text +=
            QLatin1Char(' ') +
            tr("Dead ReLUs (output 0 for every probe sample): %1 of %2 units.").arg(deadTotal).arg(reluTotal);
    m_summary->setText(text);
    redraw();
}

const Histogram *LayerStatsView::shownHistogram() const
{
    const int i = m_layer->currentIndex();
    if (!m_stats || i < 0 || i >= static_cast<int>(m_stats->layers.size())) return nullptr;
    const LayerStats &l = m_stats->layers[static_cast<std::size_t>(i)];
    return m_kind->currentIndex() == 0 ? &l.activations : &l.weights;
}

long long LayerStatsView::shownCount() const
{
    long long n = 0;
    for (auto it = m_bars->data()->constBegin(); it != m_bars->data()->constEnd(); ++it)
        n += static_cast<long long>(it->value);
    return n;
}

void LayerStatsView::redraw()
{
    const Histogram *h = shownHistogram();
    QVector<double> keys, values;
    const bool weights = m_kind->currentIndex() == 1;
    m_plot->xAxis->setLabel(weights ? tr("Weight value") : tr("Activation value"));
    if (h && !h->counts.empty()) {
        const double w = (h->hi - h->lo) / double(h->counts.size());
        for (std::size_t b = 0; b < h->counts.size(); ++b) {
            keys << h->lo + (double(b) + 0.5) * w;
            values << double(h->counts[b]);
        }
        m_bars->setWidth(w * 0.9);
        m_plot->xAxis->setRange(h->lo - w, h->hi + w);
        double top = 1;
        for (double v : values)
            top = std::max(top, v);
        m_plot->yAxis->setRange(0, top * 1.08);
    }
    m_bars->setData(keys, values, true);
    if (!h || h->counts.empty()) {
        m_plot->xAxis->setRange(0, 1);
        m_plot->yAxis->setRange(0, 1);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace nnp
