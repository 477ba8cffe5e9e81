#pragma once
// What the neuron view draws of a running network: the input features and every Dense layer with copies of
// its weights and biases, and, for two-dimensional data, each neuron's output over the input plane as a
// small heatmap. Built on the training worker's thread on request (never per batch), shared read-only.

#include "graph/graph_spec.h"
#include "tensor.h"
#include "train/trace.h"

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace nnp {

class Network;

/// Layers wider than this are drawn as a summary strip (no heatmaps, no single edges).
inline constexpr int kMaxDrawnNeurons = 16;

struct PictureLayer {
    NodeId id = 0;
    QString name;
    LayerKind kind = LayerKind::Input; ///< Input (the features) or Dense
    ActivationKind activation = ActivationKind::Linear;
    int units = 0;
    Matrix weight;            ///< Dense: [units x inputs]
    Matrix bias;              ///< Dense: [units x 1] (empty without bias)
    std::vector<QImage> maps; ///< per neuron (only when units <= kMaxDrawnNeurons and there is a plane)
};

struct NetworkPicture {
    std::vector<PictureLayer> layers; ///< column 0: the first Input node; then the Dense layers in order
    int mapSize = 0;                  ///< pixels per side of each heatmap (0: no plane)
    /// The input features' names as the data gives them ("alcohol", "colour=red", "x1²"), one per input of
    /// column 0; empty when the data does not name them.
    QStringList inputNames;
    /// The classes the last column's neurons stand for ("cultivar_1"), one per neuron; empty otherwise.
    QStringList outputNames;

    /// The column of a node id, -1 if it is not drawn.
    [[nodiscard]] int columnOf(NodeId id) const;
};

using PicturePtr = std::shared_ptr<const NetworkPicture>;
/// One recorded training step (core/train/trace.h) as the GUI receives it: immutable.
using TracePtr = std::shared_ptr<const Trace>;

/// Reads the network's Dense layers; with `gridInputs` ([features x mapSize²], the plane's grid as the
/// network sees it, row 0 at the top) also runs it once over the grid for the heatmaps. `inputNames`: the
/// features' names (kept only when there is one per input), `classNames` the classes' (kept only when there
/// is one per neuron of the last column). Worker thread only.
PicturePtr buildNetworkPicture(Network &net, const Matrix *gridInputs, int mapSize,
                               const QStringList &inputNames = {}, const QStringList &classNames = {});

/// The heatmap value of an activation output in [-1, 1]: tanh as it is, sigmoid 2a − 1, others a / max|a|.
double heatmapValue(ActivationKind f, double a, double maxAbs);

} // namespace nnp

Q_DECLARE_METATYPE(nnp::PicturePtr)
Q_DECLARE_METATYPE(nnp::TracePtr)
