#include "plots/loss_plot.h"

#include "style/palette.h"
#include "training/training_controller.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace nnp {

namespace {
constexpr int kMaxBatchPoints = 20000; // beyond this every other batch point is dropped
const QColor kTrainColor(0x0072B2), kValColor(0xD55E00), kMetricColor(0x009E73), kBatchColor(0xB8C4CE),
    kTestColor(0xCC79A7);
/// The plot keeps at least this height when a long message shows above it (the banner takes what is left).
constexpr int kMinPlotHeight = 160;
constexpr int kBannerLines = 3;

QString formatLoss(double v)
{
    return QString::number(v, 'g', 4);
}
} // namespace

LossPlot::LossPlot(QWidget *parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    setObjectName(QStringLiteral("lossPlot"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto *bar = new QHBoxLayout;
    m_log = new QCheckBox(tr("Log scale"), this);
    connect(m_log, &QCheckBox::toggled, this, &LossPlot::setLogScale);
    m_export = new QToolButton(this);
    m_export->setText(tr("Export…"));
    m_export->setToolTip(tr("Save the plot as PNG, SVG or PDF"));
    connect(m_export, &QToolButton::clicked, this, &LossPlot::exportInteractively);
    bar->addWidget(m_log);
    bar->addStretch();
    bar->addWidget(m_export);
    m_banner = new QLabel(this);
    m_banner->setObjectName(QStringLiteral("lossBanner"));
    m_banner->setWordWrap(true);
    m_banner->setVisible(false);
    m_banner->setMargin(6);
    // A long message (why a run diverged) must not squeeze the curves: at most a few lines, all of it in the
    // tooltip and the status bar.
    m_banner->setMaximumHeight(m_banner->fontMetrics().lineSpacing() * kBannerLines + 2 * 6 + 2);
    m_banner->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    // Thick curves of thousands of points drawn as segments: Qt's joins of one long wide polyline cost tens
    // of milliseconds per frame at the fastest pace (figures, drawn vectorised, keep the joins).
    m_plot->setPlottingHint(QCP::phFastPolylines, true);
    m_plot->setMinimumHeight(kMinPlotHeight);
    layout->addWidget(m_banner);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    QFont tickFont = font();
    tickFont.setPointSizeF(tickFont.pointSizeF() * 1.1);
    QFont labelFont = tickFont;
    labelFont.setBold(true);
    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        axis->setTickLabelFont(tickFont);
        axis->setLabelFont(labelFont);
    }
    m_plot->xAxis->setLabel(tr("Epoch"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setTickLabelColor(kMetricColor.darker(130));
    m_plot->yAxis2->setLabelColor(kMetricColor.darker(130));

    m_batch = m_plot->addGraph();
    m_batch->setName(tr("Loss per batch"));
    m_batch->setPen(QPen(kBatchColor, 1));
    m_train = m_plot->addGraph();
    m_train->setName(tr("Training loss"));
    m_train->setPen(QPen(kTrainColor, 2.5));
    m_val = m_plot->addGraph();
    m_val->setName(tr("Validation loss"));
    m_val->setPen(QPen(kValColor, 2.5));
    m_test = m_plot->addGraph();
    m_test->setName(tr("Test loss"));
    m_test->setPen(QPen(kTestColor, 2.5));
    m_metric = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_metric->setPen(QPen(kMetricColor, 2, Qt::DashLine));

    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(tickFont);
    m_plot->legend->setBrush(QColor(255, 255, 255, 220));
    m_plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);

    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setPen(QPen(QColor(0, 0, 0, 90), 1, Qt::DotLine));
    m_cursor->setVisible(false);
    m_readout = new QCPItemText(m_plot);
    m_readout->setPositionAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_readout->position->setCoords(0.02, 0.03);
    m_readout->setTextAlignment(Qt::AlignLeft);
    m_readout->setFont(tickFont);
    m_readout->setPadding(QMargins(6, 4, 6, 4));
    m_readout->setBrush(QColor(255, 255, 255, 235));
    m_readout->setPen(QPen(QColor(0, 0, 0, 60)));
    m_readout->setVisible(false);
    connect(m_plot, &QCustomPlot::mouseMove, this, &LossPlot::onMouseMove);

    setClassification(true);
    setMinimumSize(320, 220);
    clear();
}

void LossPlot::attach(TrainingController *controller)
{
    connect(controller, &TrainingController::runReset, this, [this, controller] {
        clear();
        setClassification(isClassificationLoss(controller->runConfig().loss.kind));
    });
    connect(controller, &TrainingController::snapshotReceived, this, [this](const SnapshotPtr &s) {
        if (s) addSnapshot(*s);
    });
    auto banner = [this, controller] {
        const TrainingStatus st = controller->status();
        const bool error = st == TrainingStatus::Diverged || st == TrainingStatus::Failed;
        const bool notice = st == TrainingStatus::Finished || st == TrainingStatus::ReachedTarget;
        setBanner(error || notice ? controller->message() : QString(), error);
    };
    connect(controller, &TrainingController::statusChanged, this, banner);
    connect(controller, &TrainingController::messageChanged, this, banner);
}

void LossPlot::clear()
{
    m_epochs.clear();
    for (QCPGraph *g : {m_batch, m_train, m_val, m_test, m_metric})
        g->data()->clear();
    m_readout->setVisible(false);
    m_cursor->setVisible(false);
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(m_log->isChecked() ? 0.01 : 0.0, 1.0);
    m_units = {};
    updateAxisLabels();
    setBanner({}, false);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::setClassification(bool classification)
{
    m_classification = classification;
    m_metric->setName(classification ? tr("Training accuracy") : tr("Training MAE"));
    updateAxisLabels();
    if (classification) m_plot->yAxis2->setRange(0, 1.02);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString LossPlot::lossAxisLabel() const
{
    return m_plot->yAxis->label();
}

void LossPlot::updateAxisLabels()
{
    // A scaled target's values are shown in its own units; what does not convert says whose units it has.
    m_plot->yAxis->setLabel(m_units.lossInScaledUnits() ? tr("Loss (scaled target)") : tr("Loss"));
    m_plot->yAxis2->setLabel(m_classification                ? tr("Accuracy")
                             : m_units.metricInScaledUnits() ? tr("Mean absolute error (scaled target)")
                                                             : tr("Mean absolute error"));
}

void LossPlot::addSnapshot(const TrainingSnapshot &s)
{
    // The run's units come with its losses (a snapshot without any may not know them).
    if (!s.lossPoints.empty() || !s.epochs.empty()) {
        const bool changed = s.lossUnits.scaled != m_units.scaled ||
                             s.lossUnits.lossConverts != m_units.lossConverts ||
                             s.lossUnits.metricConverts != m_units.metricConverts;
        m_units = s.lossUnits;
        if (changed) updateAxisLabels();
    }
    for (const LossPoint &p : s.lossPoints)
        if (std::isfinite(p.loss)) m_batch->addData(p.epoch, m_units.loss(p.loss));
    if (m_batch->dataCount() > kMaxBatchPoints) {
        QVector<double> keys, values;
        int i = 0;
        for (auto it = m_batch->data()->constBegin(); it != m_batch->data()->constEnd(); ++it, ++i)
            if (i % 2 == 0) {
                keys << it->key;
                values << it->value;
            }
        m_batch->setData(keys, values, true);
    }
    for (const EpochRecord &r : s.epochs) {
        m_epochs.push_back(r);
        if (std::isfinite(r.trainLoss)) m_train->addData(r.epoch, m_units.loss(r.trainLoss));
        if (r.valLoss && std::isfinite(*r.valLoss)) m_val->addData(r.epoch, m_units.loss(*r.valLoss));
        if (r.testLoss && std::isfinite(*r.testLoss)) m_test->addData(r.epoch, m_units.loss(*r.testLoss));
        m_metric->addData(r.epoch, m_classification ? r.trainMetric : m_units.metric(r.trainMetric));
    }
    // The validation and test entries only appear once there is such data.
    for (QCPGraph *g : {m_val, m_test}) {
        if (g->dataCount() > 0)
            g->addToLegend();
        else
            g->removeFromLegend();
    }
    if (!s.lossPoints.empty() || !s.epochs.empty()) rescale();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LossPlot::rescale()
{
    double top = 0, bottom = std::numeric_limits<double>::max(), right = 1;
    for (QCPGraph *g : {m_batch, m_train, m_val, m_test}) {
        bool found = false;
        const QCPRange r = g->data()->valueRange(found, m_log->isChecked() ? QCP::sdPositive : QCP::sdBoth);
        if (found) {
            top = std::max(top, r.upper);
            bottom = std::min(bottom, r.lower);
        }
        if (!g->data()->isEmpty()) right = std::max(right, (g->data()->constEnd() - 1)->key);
    }
    m_plot->xAxis->setRange(0, right);
    if (m_log->isChecked()) {
        if (bottom > 0 && bottom < std::numeric_limits<double>::max())
            m_plot->yAxis->setRange(bottom / 1.5, std::max(top, bottom) * 1.5);
    } else {
        m_plot->yAxis->setRange(0, top > 0 ? top * 1.05 : 1.0);
    }
    if (!m_classification) {
        bool found = false;
        const QCPRange r = m_metric->data()->valueRange(found);
        if (found) m_plot->yAxis2->setRange(0, r.upper > 0 ? r.upper * 1.05 : 1.0);
    }
}

void LossPlot::setLogScale(bool on)
{
    if (m_log->isChecked() != on) {
        m_log->setChecked(on); // comes back here through toggled
        return;
    }
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    rescale();
    m_plot->replot();
}

bool LossPlot::logScale() const
{
    return m_plot->yAxis->scaleType() == QCPAxis::stLogarithmic;
}

int LossPlot::testPointCount() const
{
    return m_test->dataCount();
}

int LossPlot::plotHeight() const
{
    return m_plot->height();
}

int LossPlot::batchPointCount() const
{
    return m_batch->dataCount();
}

void LossPlot::setBanner(const QString &text, bool error)
{
    m_banner->setText(text);
    m_banner->setToolTip(text);
    m_banner->setVisible(!text.isEmpty());
    m_banner->setStyleSheet(
        error ? QStringLiteral("background:#FDE7E9; color:#8A0010; border:1px solid #E8A0A8;")
              : QStringLiteral("background:#E8F4FB; color:#08466E; border:1px solid #A8D0EA;"));
}

QString LossPlot::bannerText() const
{
    return m_banner->isVisible() ? m_banner->text() : QString();
}

QString LossPlot::readoutAt(double epoch) const
{
    if (m_epochs.empty()) return {};
    const EpochRecord *best = &m_epochs.front();
    for (const EpochRecord &r : m_epochs)
        if (std::abs(r.epoch - epoch) < std::abs(best->epoch - epoch)) best = &r;
    QString text = tr("Epoch %1").arg(best->epoch);
    text += QLatin1Char('\n') + tr("Training loss: %1").arg(formatLoss(m_units.loss(best->trainLoss)));
    if (best->valLoss)
        text += QLatin1Char('\n') + tr("Validation loss: %1").arg(formatLoss(m_units.loss(*best->valLoss)));
    if (m_classification)
        text += QLatin1Char('\n') + tr("Training accuracy: %1 %").arg(best->trainMetric * 100.0, 0, 'f', 1);
    else
        text += QLatin1Char('\n') + tr("Training MAE: %1").arg(formatLoss(m_units.metric(best->trainMetric)));
    if (best->valMetric)
        text +=
            QLatin1Char('\n') +
            (m_classification ? tr("Validation accuracy: %1 %").arg(*best->valMetric * 100.0, 0, 'f', 1)
                              : tr("Validation MAE: %1").arg(formatLoss(m_units.metric(*best->valMetric))));
    if (!m_classification && m_units.scaled)
        text += QLatin1Char('\n') +
                (m_units.lossConverts     ? tr("In the target's own units (the network learns its z-score).")
                 : m_units.metricConverts ? tr("The MAE is in the target's own units; this loss does not "
                                               "convert to them and is that of the scaled target.")
                                          : tr("The outputs have different scales: the loss and the MAE are "
                                               "those of the scaled target."));
    return text;
}

void LossPlot::onMouseMove(QMouseEvent *event)
{
    const bool inside = m_plot->axisRect()->rect().contains(event->pos());
    const QString text = inside ? readoutAt(m_plot->xAxis->pixelToCoord(event->pos().x())) : QString();
    m_readout->setVisible(!text.isEmpty());
    m_cursor->setVisible(!text.isEmpty());
    if (!text.isEmpty()) {
        m_readout->setText(text);
        const double x = m_plot->xAxis->pixelToCoord(event->pos().x());
        m_cursor->point1->setCoords(x, 0);
        m_cursor->point2->setCoords(x, 1);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

bool LossPlot::exportTo(const QString &path, QString *error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int w = std::max(m_plot->width(), 800), h = std::max(m_plot->height(), 500);
    bool ok = false;
    if (suffix == QLatin1String("png")) {
        ok = m_plot->savePng(path, w, h, 2.0);
    } else if (suffix == QLatin1String("pdf")) {
        ok = m_plot->savePdf(path, w, h);
    } else if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(QSize(w, h));
        svg.setViewBox(QRect(0, 0, w, h));
        svg.setTitle(tr("Training curves"));
        QCPPainter painter;
        ok = painter.begin(&svg);
        if (ok) {
            m_plot->toPainter(&painter, w, h);
            ok = painter.end();
        }
        ok = ok && QFileInfo(path).size() > 0;
    } else {
        if (error)
            *error = tr("Cannot export to \"%1\": use a file name ending in .png, .svg or .pdf.").arg(path);
        return false;
    }
    if (!ok && error) *error = tr("Could not write \"%1\".").arg(path);
    return ok;
}

void LossPlot::exportInteractively()
{
    QString selected;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export plot"), tr("training-curves.png"),
        tr("PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"), &selected);
    if (path.isEmpty()) return;
    QString target = path;
    if (QFileInfo(target).suffix().isEmpty())
        target += selected.contains(QLatin1String("svg"))   ? QStringLiteral(".svg")
                  : selected.contains(QLatin1String("pdf")) ? QStringLiteral(".pdf")
                                                            : QStringLiteral(".png");
    QString error;
    if (!exportTo(target, &error)) setBanner(error, true);
}

} // namespace nnp
