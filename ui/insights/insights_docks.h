#pragma once
// Plugs the insight views into the main window: Gradients, Layers (histograms and dead ReLUs), Confusion
// matrix, Probe, Feature maps, Kernels, Embedding map and Unrolled sequence docks, tabbed with the training
// curves. Asks the worker only for what a visible dock shows, registers the plots as figures ("gradients",
// "histograms", "confusion", "probe"), connects the confusion matrix and the probe with the output view.

#include "training/insights_data.h"
#include "training/training_snapshot.h"

#include <QObject>

class QDockWidget;

namespace nnp {

class ConfusionView;
class EmbeddingMapView;
class UnrolledView;
class FeatureMapsView;
class KernelsView;
class GradientPlot;
class LayerStatsView;
class MainWindow;
class OutputView;
class ProbeView;
class TrainingController;

class InsightsDocks : public QObject {
    Q_OBJECT
public:
    InsightsDocks(MainWindow *window, TrainingController *controller, OutputView *output);

    [[nodiscard]] GradientPlot *gradientPlot() const { return m_gradients; }
    [[nodiscard]] LayerStatsView *layerStats() const { return m_layers; }
    [[nodiscard]] ConfusionView *confusion() const { return m_confusion; }
    [[nodiscard]] ProbeView *probe() const { return m_probe; }
    [[nodiscard]] FeatureMapsView *featureMaps() const { return m_maps; }
    [[nodiscard]] KernelsView *kernels() const { return m_kernels; }
    [[nodiscard]] EmbeddingMapView *embeddingMap() const { return m_embeddingMap; }
    [[nodiscard]] UnrolledView *unrolled() const { return m_unrolled; }
    /// The docks by objectName: gradientsDock, layerStatsDock, confusionDock, probeDock, featureMapsDock,
    /// kernelsDock, embeddingMapDock, unrolledDock.
    [[nodiscard]] QDockWidget *dock(const QString &objectName) const;
    /// The request the visible docks make now.
    [[nodiscard]] InsightsRequest request() const;

private:
    void createDocks();
    void registerFigures();
    void updateRequest();
    /// Whether a dock can be seen changes with its geometry too (a tab chosen moves it into sight, a layout
    /// applied later places a dock just shown): the request is updated once the events have settled.
    bool eventFilter(QObject *watched, QEvent *event) override;
    void onSnapshot(const SnapshotPtr &s);
    void onRunReset();

    MainWindow *m_window;
    TrainingController *m_controller;
    OutputView *m_output;
    GradientPlot *m_gradients = nullptr;
    LayerStatsView *m_layers = nullptr;
    ConfusionView *m_confusion = nullptr;
    ProbeView *m_probe = nullptr;
    FeatureMapsView *m_maps = nullptr;
    KernelsView *m_kernels = nullptr;
    EmbeddingMapView *m_embeddingMap = nullptr;
    UnrolledView *m_unrolled = nullptr;
    QDockWidget *m_gradDock = nullptr, *m_layerDock = nullptr, *m_confDock = nullptr, *m_probeDock = nullptr;
    QDockWidget *m_mapsDock = nullptr, *m_kernelsDock = nullptr, *m_embeddingDock = nullptr,
                *m_unrolledDock = nullptr;
    quint64 m_probeId = 0;
    bool m_updateQueued = false;
    bool m_mapsSized = false; ///< the Feature maps dock was given its reading height once
};

} // namespace nnp
