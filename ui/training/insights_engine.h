#pragma once
// Computes the insight views' data (layer statistics, confusion matrix, probe, feature maps, kernels) on the
// training worker, on a copy of the network (so training, its random streams and BatchNorm statistics are
// untouched), at a bounded rate: each part at most every few hundred milliseconds and never more than about 4
// % of the worker's time, and only what the request asks for. Lives on the worker thread.

#include "training/insights_data.h"

#include <QElapsedTimer>

#include <memory>

namespace nnp {

class Network;
class TrainingSession;
struct Trace;

class InsightsEngine {
public:
    InsightsEngine();
    ~InsightsEngine();
    InsightsEngine(const InsightsEngine &) = delete;
    InsightsEngine &operator=(const InsightsEngine &) = delete;

    /// The latest insights for `request`: parts whose inputs changed (new weights or a new request) are
    /// recomputed when their interval has passed, or at once when `force` (a pause, a stop, a new request).
    std::shared_ptr<const Insights> update(TrainingSession &session, const InsightsRequest &request,
                                           bool force);

    /// Number of probe-batch samples used for the layer statistics.
    static constexpr int kProbeBatch = 256;

    // The parts, also usable on their own (tests); `net` is evaluated as it is.
    static std::shared_ptr<const LayerStatsSet> layerStats(Network &net, const TrainingSession &session,
                                                           int bins = 30);
    static std::shared_ptr<const ConfusionData> confusion(Network &net, const TrainingSession &session,
                                                          InsightSplit split);
    /// `row` (CSV data): typed raw values, one per feature column, encoded as `nnp predict` encodes a row;
    /// used instead of `rawInput` when not empty.
    static std::shared_ptr<const ProbeResult> probe(Network &net, const TrainingSession &session,
                                                    const std::vector<float> &rawInput, quint64 id,
                                                    const QStringList &row = {});
    /// Every Conv2D and pooling layer's output for one sample of a split (the training split when the
    /// project has no test split); `sample` is clamped to the split.
    static std::shared_ptr<const FeatureMapsData> featureMaps(Network &net, const TrainingSession &session,
                                                              InsightSplit split, int sample);
    /// The first Conv2D layer's kernels.
    static std::shared_ptr<const KernelsData> kernels(Network &net);
    /// Embedding `node` (0 or unknown: the first) on the map: its most frequent ids in the training split;
    /// `previous` axes keep the picture from flipping (sequence_insights.cpp).
    static std::shared_ptr<const EmbeddingMapData> embeddingMapData(Network &net,
                                                                    const TrainingSession &session, int node,
                                                                    const PcaAxes *previous = nullptr);
    /// Recurrent layer `node` (0 or unknown: the first) on sample `sample` of the test split (the training
    /// split without one), or on `text` tokenised with the data's stored vocabulary when it is not empty.
    static std::shared_ptr<const UnrolledData> unrolled(Network &net, const TrainingSession &session,
                                                        int node, int sample, const QString &text);
    /// Names the steps of every recurrent node of an explained step (its first sample) with the words of the
    /// data's text column, as the unrolled view does ("#id" without one); steps without ids stay unnamed.
    static void nameSteps(Trace &trace, const TrainingSession &session);

private:
    Network &copyOf(TrainingSession &session);

    std::unique_ptr<Network> m_net;
    long long m_netStep = -1; ///< the trainer step the copy's parameters are from
    std::shared_ptr<const LayerStatsSet> m_stats;
    std::shared_ptr<const ConfusionData> m_confusion;
    std::shared_ptr<const ProbeResult> m_probe;
    std::shared_ptr<const FeatureMapsData> m_featureMaps;
    std::shared_ptr<const KernelsData> m_kernels;
    std::shared_ptr<const EmbeddingMapData> m_embeddingMap;
    std::shared_ptr<const UnrolledData> m_unrolled;
    long long m_embeddingStep = -1, m_unrolledStep = -1;
    int m_embeddingNode = -1, m_unrolledNode = -1, m_unrolledSample = -1;
    QString m_unrolledText;
    QElapsedTimer m_sinceEmbedding, m_sinceUnrolled;
    qint64 m_embeddingCost = 0, m_unrolledCost = 0;
    std::shared_ptr<const Insights> m_last;
    long long m_statsStep = -1, m_confusionStep = -1, m_probeStep = -1, m_mapsStep = -1, m_kernelsStep = -1;
    InsightSplit m_mapsSplit = InsightSplit::Test;
    int m_mapsSample = -1;
    InsightSplit m_confusionSplit = InsightSplit::Train;
    QElapsedTimer m_sinceStats, m_sinceConfusion, m_sinceProbe, m_sinceMaps, m_sinceKernels;
    qint64 m_statsCost = 0, m_confusionCost = 0, m_mapsCost = 0;
};

} // namespace nnp
