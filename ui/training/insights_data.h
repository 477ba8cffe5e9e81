#pragma once
// What the insight views (gradient norms, histograms, dead ReLUs, confusion matrix, probe) need from a run:
// immutable values computed on the training worker at a bounded rate, only when a view asks for them, and
// carried to the GUI in TrainingSnapshot::insights.

#include "tensor.h"
#include "train/embedding_map.h"
#include "train/unrolled_sequence.h"

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace nnp {

/// Which split the confusion matrix is computed on.
enum class InsightSplit { Train, Test };

/// What the open views ask the worker for. Nothing is computed for a view that is hidden.
struct InsightsRequest {
    bool layerStats = false; ///< gradient norms, histograms, dead ReLUs on the probe batch
    bool confusion = false;
    InsightSplit split = InsightSplit::Train;
    bool probe = false;
    std::vector<float> probeInput; ///< raw input (plane coordinates or pixels in 0..1), as the data is shown
    quint64 probeId = 0;           ///< increases with every new probe input
    QStringList
        probeRow; ///< CSV data: a typed row, one raw value per feature column (used instead of probeInput)
    bool featureMaps = false;
    InsightSplit featureSplit = InsightSplit::Test; ///< the feature maps' sample: which split ...
    int featureSample = 0;                          ///< ... and which sample of it
    bool kernels = false;                           ///< the first Conv2D layer's filters
    bool embeddingMap = false;                      ///< an Embedding's vectors on a 2-D map
    int embeddingNode = 0;                          ///< its node id (0 or unknown: the first Embedding)
    bool unrolled = false;                          ///< a recurrent layer's steps on one sentence
    int unrolledNode = 0;                           ///< its node id (0 or unknown: the first)
    int unrolledSample = 0;                         ///< the sentence: a sample of the test split ...
    QString unrolledText;                           ///< ... or a text typed in (tokenised as the data)
    bool operator==(const InsightsRequest &) const = default;
    /// Whether any view asks for something (else the worker computes no insights at all).
    [[nodiscard]] bool any() const
    {
        return layerStats || confusion || probe || featureMaps || kernels || embeddingMap || unrolled;
    }
};

/// Counts of values in equal-width bins from lo to hi (the last bin includes hi).
struct Histogram {
    double lo = 0, hi = 0;
    std::vector<long long> counts;
    long long nonFinite = 0; ///< NaN or Inf values, not in any bin
    [[nodiscard]] long long total() const;
    /// Bins `values` into `bins` bins spanning their finite range.
    static Histogram of(const Scalar *values, std::size_t n, int bins);
};

/// One layer (graph node after the inputs) on the probe batch.
struct LayerStats {
    int nodeId = 0;
    QString name;
    bool trainable = false; ///< has parameters with gradients
    double gradNorm = 0;    ///< ‖∂L/∂θ‖₂ over all its parameters (trainable layers)
    double weightNorm = 0;
    Histogram activations; ///< the layer's outputs on the probe batch
    Histogram weights;     ///< its "weight" parameters (empty for layers without)
    int units = 0;         ///< output units (rows of the output)
    bool relu = false;     ///< ReLU output (Dense with ReLU, or a ReLU Activation)
    int dead = 0;          ///< ReLU units whose output is 0 for every probe sample
};

/// Layer statistics at one moment of the run.
struct LayerStatsSet {
    double epoch = 0; ///< position on the epoch axis (2.5 = half-way through the third epoch)
    long long step = 0;
    double loss = 0;      ///< loss on the probe batch
    int probeSamples = 0; ///< the probe batch: the first probeSamples columns of the training split
    std::vector<LayerStats> layers;
};

/// The confusion matrix of one split, with what the misclassified-sample list shows.
struct ConfusionData {
    InsightSplit split = InsightSplit::Train;
    int classes = 0;
    QStringList classNames;               ///< may be empty
    std::vector<std::vector<int>> counts; ///< [truth][predicted]
    std::vector<int> truth, predicted;    ///< per sample of the split
    double accuracy = 0;
    Matrix inputs;                 ///< raw inputs [features x K] of the first K misclassified samples
    std::vector<int> inputSamples; ///< the sample index of each column of `inputs`
    std::vector<int> sampleShape;  ///< {height, width} for one-channel images, else empty
    bool normalisedInputs = false; ///< inputs are the network's (normalised) values, raw ones unknown
    QString note;                  ///< why there is no matrix (regression, no test split ...)
    [[nodiscard]] const Scalar *inputOf(int sample) const; ///< null when not kept
};

/// The network on one probe input.
struct ProbeResult {
    quint64 id = 0;
    std::vector<float> input;         ///< as requested (raw)
    std::vector<float> output;        ///< the network's output
    std::vector<float> probabilities; ///< classification: one per class
    int predicted = -1;
    QStringList classNames;
    struct Layer {
        QString name;
        std::vector<float> values;
    };
    std::vector<Layer> layers; ///< every node after the inputs, in order
    QString error;             ///< the input does not fit the network
    QStringList row;           ///< the typed row it answers (empty: probeInput)
    QStringList rowColumns;    ///< CSV data: the raw feature columns a typed row gives, in order
    // What a probe input can be for this data (also sent for an empty input, so the view can offer it).
    bool plane = false;           ///< two-dimensional data: click the output view
    std::vector<int> sampleShape; ///< {height, width} of a one-channel image: draw on a pad of that size
    int inputSize = 0;            ///< raw values per sample
    float inkValue = 1.0f;        ///< the raw value of a fully inked pad pixel (the data's brightest pixel)
};

/// An image-shaped activation: channels-first values [channels, height, width] (one column of a layer's
/// output), one image per channel painted on the diverging scale with one scale for all of them.
struct ChannelMaps {
    int nodeId = 0;
    QString name;
    QString kind; ///< the layer kind's file name ("Conv2D", "MaxPool2D" ...)
    int channels = 0, height = 0, width = 0;
    std::vector<float> values;  ///< index c·H·W + y·W + x
    double scale = 0;           ///< the largest magnitude: the colours span −scale … +scale
    std::vector<QImage> images; ///< one per channel, height × width pixels (painted on the worker)
    [[nodiscard]] float at(int c, int y, int x) const
    {
        return values[static_cast<std::size_t>((c * height + y) * width + x)];
    }
};

/// What every Conv2D and pooling layer makes of one sample.
struct FeatureMapsData {
    InsightSplit split = InsightSplit::Test;
    int sample = 0;  ///< the sample shown (a column of the split)
    int samples = 0; ///< samples in the split
    bool hasTestSplit = false;
    int truth = -1; ///< the sample's class (classification)
    /// The network's input for the sample: an image when the Input's shape is [C, H, W] (else width is 0).
    ChannelMaps input;
    bool inputIsImage = false;
    std::vector<ChannelMaps> layers;  ///< every Conv2D and pooling layer, in network order
    std::vector<float> probabilities; ///< classification: one per class
    int predicted = -1;
    QStringList classNames;
    QString note; ///< why there are no maps (no convolution in the network, no data ...)
};

/// The first Conv2D layer's kernels: filter f, input channel c is a kh × kw image.
struct KernelsData {
    int nodeId = 0;
    QString name;
    int filters = 0, channels = 0, kh = 0, kw = 0;
    std::vector<float> weights; ///< row f of the layer's weight matrix: index ((f·C + c)·kh + i)·kw + j
    std::vector<float> bias;
    double scale = 0;           ///< the largest magnitude of the weights
    std::vector<QImage> images; ///< filters × channels images, index f·C + c
    QString note;               ///< why there are none
};

/// An Embedding's learned vectors projected to 2-D (core: embeddingMap), live while training.
struct EmbeddingMapData {
    std::vector<int> nodes; ///< every Embedding of the network (node ids), for the choice
    QStringList names;
    EmbeddingMap map; ///< of the chosen one: its most frequent ids, their labels and PCA points
    /// The ratings generator's data: the hidden true 2-D taste of each of map.ids (same order).
    bool hasTruth = false;
    Eigen::Matrix<double, 2, Eigen::Dynamic> truth;
    QString note;                        ///< why there is no map
    static constexpr int kMostIds = 300; ///< the most ids projected
};

/// One sentence through a recurrent layer, step by step (core: unrollSequence).
struct UnrolledData {
    std::vector<int> nodes; ///< every SimpleRNN / LSTM / GRU (node ids), for the choice
    QStringList names;
    UnrolledSequence sequence;
    QStringList words;     ///< per step: its word ("<pad>" for id 0), or "#id" without a text column
    int sample = -1;       ///< the test (or training) split's sample shown; −1 for a typed text
    int samples = 0;       ///< samples in that split
    QString text;          ///< the typed text shown, if any
    QStringList textNotes; ///< what tokenising the text said (unknown words)
    QStringList classNames;
    bool classification = false;
    QString note; ///< why there is nothing to show
};

struct Insights {
    std::shared_ptr<const LayerStatsSet> stats;
    std::shared_ptr<const ConfusionData> confusion;
    std::shared_ptr<const ProbeResult> probe;
    std::shared_ptr<const FeatureMapsData> featureMaps;
    std::shared_ptr<const KernelsData> kernels;
    std::shared_ptr<const EmbeddingMapData> embeddingMap;
    std::shared_ptr<const UnrolledData> unrolled;
};

} // namespace nnp

Q_DECLARE_METATYPE(nnp::InsightsRequest)
