#include "insights/insights_docks.h"

#include "document/graph_document.h"
#include "export/figure_export.h"
#include "export/model_export.h"
#include "figures/figure_registry.h"
#include "insights/applicable_docks.h"
#include "insights/confusion_view.h"
#include "insights/embedding_map_view.h"
#include "insights/feature_maps_view.h"
#include "insights/gradient_plot.h"
#include "insights/kernels_view.h"
#include "insights/layer_stats_view.h"
#include "insights/probe_view.h"
#include "insights/unrolled_view.h"
#include "main_window.h"
#include "panels/on_screen.h"
#include "training/training_controller.h"
#include "viz/output_view.h"
#include "viz/plane_canvas.h"

#include <QDockWidget>
#include <QEvent>
#include <QPicture>
#include <qcustomplot.h>

namespace nnp {

namespace {

/// A QCustomPlot drawn into a figure at any size (vector output stays vector).
void renderPlot(QCustomPlot *plot, QPainter &p, const QRectF &target)
{
    // The caller's painter is already active on the device, and a device takes one painter at a time (a
    // second one drew nothing): record QCustomPlot's drawing as a picture and replay it through `p`.
    QPicture picture;
    {
        QCPPainter recorder(&picture);
        plot->toPainter(&recorder, int(target.width()), int(target.height()));
    }
    p.save();
    p.translate(target.topLeft());
    p.drawPicture(0, 0, picture);
    p.restore();
}
} // namespace

InsightsDocks::InsightsDocks(MainWindow *window, TrainingController *controller, OutputView *output)
    : QObject(window), m_window(window), m_controller(controller), m_output(output)
{
    createDocks();
    registerFigures();
    connect(m_controller, &TrainingController::snapshotReceived, this, &InsightsDocks::onSnapshot);
    connect(m_controller, &TrainingController::runReset, this, &InsightsDocks::onRunReset);
    connect(m_confusion, &ConfusionView::splitChanged, this, &InsightsDocks::updateRequest);
    connect(m_maps, &FeatureMapsView::sampleChanged, this, &InsightsDocks::updateRequest);
    connect(m_embeddingMap, &EmbeddingMapView::layerChanged, this, &InsightsDocks::updateRequest);
    connect(m_unrolled, &UnrolledView::sentenceChanged, this, &InsightsDocks::updateRequest);
    connect(m_probe, &ProbeView::inputChanged, this, [this] {
        ++m_probeId;
        updateRequest();
    });
    if (m_output) {
        PlaneCanvas *canvas = m_output->canvas();
        connect(canvas, &PlaneCanvas::planeClicked, this, [this, canvas](QPointF point) {
            if (!m_probeDock->isVisible()) // a click on the plane opens the probe
                m_probeDock->show();
            m_probeDock->raise();
            canvas->setProbeMarker(point);
            m_probe->setPlanePoint(point);
        });
        connect(m_confusion, &ConfusionView::samplesSelected, this,
                [canvas](InsightSplit split, const std::vector<int> &samples) {
                    if (split == InsightSplit::Train)
                        canvas->setHighlight(samples, {});
                    else
                        canvas->setHighlight({}, samples);
                });
    }
}

QDockWidget *InsightsDocks::dock(const QString &objectName) const
{
    for (QDockWidget *d : {m_gradDock, m_layerDock, m_confDock, m_probeDock, m_mapsDock, m_kernelsDock,
                           m_embeddingDock, m_unrolledDock})
        if (d->objectName() == objectName) return d;
    return nullptr;
}

void InsightsDocks::createDocks()
{
    m_gradients = new GradientPlot;
    m_layers = new LayerStatsView;
    m_confusion = new ConfusionView;
    m_probe = new ProbeView;
    m_maps = new FeatureMapsView;
    m_kernels = new KernelsView;
    m_embeddingMap = new EmbeddingMapView;
    m_unrolled = new UnrolledView;
    m_gradDock = m_window->newDock(tr("Gradients"), QStringLiteral("gradientsDock"), m_gradients);
    m_layerDock = m_window->newDock(tr("Layers"), QStringLiteral("layerStatsDock"), m_layers);
    m_confDock = m_window->newDock(tr("Confusion matrix"), QStringLiteral("confusionDock"), m_confusion);
    m_probeDock = m_window->newDock(tr("Probe"), QStringLiteral("probeDock"), m_probe);
    m_mapsDock = m_window->newDock(tr("Feature maps"), QStringLiteral("featureMapsDock"), m_maps);
    m_kernelsDock = m_window->newDock(tr("Kernels"), QStringLiteral("kernelsDock"), m_kernels);
    m_embeddingDock =
        m_window->newDock(tr("Embedding map"), QStringLiteral("embeddingMapDock"), m_embeddingMap);
    m_unrolledDock = m_window->newDock(tr("Unrolled sequence"), QStringLiteral("unrolledDock"), m_unrolled);
    // Tabs next to the training curves at the bottom: the window keeps its layout, the curves stay in front.
    QDockWidget *curves = m_window->dock(DockRole::Curves);
    for (QDockWidget *d : {m_gradDock, m_layerDock, m_confDock, m_probeDock, m_mapsDock, m_kernelsDock,
                           m_embeddingDock, m_unrolledDock}) {
        m_window->addDock(d, Qt::BottomDockWidgetArea);
        if (curves) m_window->tabifyDockWidget(curves, d);
        d->installEventFilter(this); // shown, hidden, moved into or out of sight: eventFilter
    }
    if (curves) curves->raise();
    // The bottom row is as high as the curves need (a quarter of the window); the first time the Feature maps
    // come to the front it grows to two fifths of the window, so two rows of maps fit (the user's later
    // sizes are kept).
    connect(m_mapsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible || m_mapsSized || m_mapsDock->isFloating()) return;
        m_mapsSized = true;
        const int wanted = m_window->height() * 2 / 5;
        if (m_mapsDock->height() < wanted) m_window->resizeDocks({m_mapsDock}, {wanted}, Qt::Vertical);
    });
    new ApplicableDocks(m_window, m_window->document(),
                        {{m_mapsDock, ViewNeed::ImageLayer},
                         {m_kernelsDock, ViewNeed::Convolution},
                         {m_embeddingDock, ViewNeed::Embedding},
                         {m_unrolledDock, ViewNeed::Recurrent}},
                        this);
}

void InsightsDocks::registerFigures()
{
    FigureRegistry *figures = m_window->figures();
    if (!figures) return;
    figures->add({QStringLiteral("gradients"), tr("Gradient norms per layer"),
                  [this] { return m_gradients->plot()->size().expandedTo(QSize(480, 320)); },
                  [this](QPainter &p, const QRectF &t) { renderPlot(m_gradients->plot(), p, t); }});
    figures->add({QStringLiteral("histograms"), tr("Layer histogram"),
                  [this] { return m_layers->plot()->size().expandedTo(QSize(480, 320)); },
                  [this](QPainter &p, const QRectF &t) { renderPlot(m_layers->plot(), p, t); }});
    figures->add({QStringLiteral("confusion"), tr("Confusion matrix"),
                  [this] { return m_confusion->grid()->size().expandedTo(QSize(400, 400)); },
                  [this](QPainter &p, const QRectF &t) { m_confusion->grid()->render(p, t); }});
    figures->add({QStringLiteral("feature_maps"), tr("Feature maps: input, every channel, probabilities"),
                  [this] { return m_maps->figureSize(); },
                  [this](QPainter &p, const QRectF &t) { m_maps->renderFigure(p, t); }});
    connect(m_maps, &FeatureMapsView::exportFigureRequested, this, [this] {
        auto *dialog = new FigureExportDialog(m_window->figures(),
                                              exportStartFolder(m_window->document()->filePath()), m_window);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->selectFigure(QStringLiteral("feature_maps"));
        dialog->open();
    });
    figures->add({QStringLiteral("probe"), tr("Probe: prediction and activations"),
                  [this] { return m_probe->resultView()->size().expandedTo(QSize(420, 320)); },
                  [this](QPainter &p, const QRectF &t) { m_probe->resultView()->render(p, t); }});
}

InsightsRequest InsightsDocks::request() const
{
    InsightsRequest r;
    r.layerStats = onScreen(m_gradDock) || onScreen(m_layerDock);
    r.confusion = onScreen(m_confDock);
    r.split = m_confusion->split();
    r.probe = onScreen(m_probeDock);
    if (r.probe) {
        r.probeInput = m_probe->input();
        r.probeRow = m_probe->row();
        r.probeId = m_probeId;
    }
    r.featureMaps = onScreen(m_mapsDock);
    r.featureSplit = m_maps->split();
    r.featureSample = m_maps->sample();
    r.kernels = onScreen(m_kernelsDock);
    r.embeddingMap = onScreen(m_embeddingDock);
    r.embeddingNode = m_embeddingMap->layerNode();
    r.unrolled = onScreen(m_unrolledDock);
    r.unrolledNode = m_unrolled->layerNode();
    r.unrolledSample = m_unrolled->sample();
    r.unrolledText = m_unrolled->text();
    return r;
}

bool InsightsDocks::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::Move:
    case QEvent::Resize:
        // Later, once the dock area has finished switching tabs and laying out; once for many events.
        if (!m_updateQueued) {
            m_updateQueued = true;
            QMetaObject::invokeMethod(this, &InsightsDocks::updateRequest, Qt::QueuedConnection);
        }
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void InsightsDocks::updateRequest()
{
    m_updateQueued = false;
    // Only what can be seen is computed: not a tab behind another one (panels/on_screen.h).
    m_controller->setInsightsRequest(request());
}

void InsightsDocks::onSnapshot(const SnapshotPtr &s)
{
    if (!s || !s->insights) return;
    const Insights &in = *s->insights;
    if (in.stats) {
        m_gradients->addStats(*in.stats);
        m_layers->showStats(in.stats);
    }
    if (in.confusion) m_confusion->showConfusion(in.confusion);
    if (in.probe) m_probe->showResult(in.probe);
    if (in.featureMaps) m_maps->showData(in.featureMaps);
    if (in.kernels) m_kernels->showData(in.kernels);
    if (in.embeddingMap) m_embeddingMap->showData(in.embeddingMap);
    if (in.unrolled) m_unrolled->showData(in.unrolled);
}

void InsightsDocks::onRunReset()
{
    m_gradients->clear();
    m_layers->clear();
    m_confusion->clear();
    m_maps->clear();
    m_kernels->clear();
    m_embeddingMap->clear();
    m_unrolled->clear();
    if (m_output) {
        m_output->canvas()->setHighlight({}, {});
    }
    // The probe input stays: the new run is probed at the same point as soon as it is built.
}

} // namespace nnp
