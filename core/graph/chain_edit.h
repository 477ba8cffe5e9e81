#pragma once
// TensorFlow Playground's quick edits for chain networks: a neuron more or less in a hidden Dense layer, a
// hidden layer more (as wide as the last one, before the output) or less (the last hidden one). The rules of
// what a chain is and where a layer goes live here; the canvas buttons and the undo commands only apply them.

#include "graph/graph_spec.h"

#include <optional>
#include <vector>

namespace nnp {

/// The nodes of a chain network from its Input to its end, or nothing when the graph is not one chain (one
/// Input, every layer with at most one wire in and one out, every layer on the path, no cycle).
[[nodiscard]] std::optional<std::vector<NodeId>> chainOrder(const GraphSpec &graph);

/// The chain's hidden Dense layers in order: every Dense before the last one (the output layer). Empty
/// when the graph is not a chain or has no Dense output.
[[nodiscard]] std::vector<NodeId> hiddenDenseLayers(const GraphSpec &graph);

/// The chain's output layer: its last Dense, or nothing.
[[nodiscard]] std::optional<NodeId> chainOutputLayer(const GraphSpec &graph);

/// Horizontal distance between two blocks that the inserted layer takes and the removed one gives back.
inline constexpr double kChainStep = 240.0;
/// The most neurons the ± buttons give a layer (the option itself allows more, typed in the inspector).
inline constexpr int kMaxButtonUnits = 64;

/// A hidden layer inserted before the output: the new node (fresh id, name and position), the wire it
/// replaces, the two wires it makes and the blocks that move right to make room.
struct LayerInsertion {
    NodeSpec node;
    EdgeSpec removed;
    EdgeSpec in, out;
    std::vector<std::pair<NodeId, double>> shifted; ///< node, new x
};
/// requires: `name` is unused in the graph. Nothing when the graph is not a chain with a Dense output fed by
/// a layer. The new layer copies the last hidden Dense's options (width, activation, init), or has 4 ReLU
/// units.
[[nodiscard]] std::optional<LayerInsertion> planHiddenLayerInsertion(const GraphSpec &graph,
                                                                     const std::string &name);

/// The last hidden Dense layer removed: the node, its two wires, the wire that joins its neighbours and
/// the blocks that move left to close the gap.
struct LayerRemoval {
    NodeId node = 0;
    EdgeSpec in, out, joined;
    std::vector<std::pair<NodeId, double>> shifted;
};
/// Nothing when the graph is not a chain or has no hidden Dense layer.
[[nodiscard]] std::optional<LayerRemoval> planHiddenLayerRemoval(const GraphSpec &graph);

/// The layer's units after `delta` neurons (±1), or nothing when `id` is not a hidden Dense layer of a chain
/// or the count would leave 1..kMaxButtonUnits.
[[nodiscard]] std::optional<int> unitsAfter(const GraphSpec &graph, NodeId id, int delta);

} // namespace nnp
