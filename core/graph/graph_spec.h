#pragma once
// The user's network as plain values: what the editor edits, the project file stores and Network compiles.

#include "graph/layer_options.h"
#include "tensor.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

using NodeId = int;

/// Every layer kind, once. A kind is described beside its implementation (layers/layer_registry.h); this list
/// gives each its enum value and the palette its order.
// One kind a line:
// clang-format off
#define NNP_LAYER_KINDS(X) \
    X(Input) \
    X(Dense) \
    X(Activation) \
    X(Softmax) \
    X(Dropout) \
    X(BatchNorm) \
    X(Concatenate) \
    X(Add) \
    X(Flatten) \
    X(Reshape) \
    X(Conv2D) \
    X(MaxPool2D) \
    X(AveragePool2D) \
    X(GlobalAveragePool2D) \
    X(Dot) \
    X(Embedding) \
    X(SimpleRNN) \
    X(LSTM) \
    X(GRU) \
    X(GlobalAveragePool1D) \
    X(GlobalMaxPool1D)
// clang-format on

enum class LayerKind {
#define NNP_LAYER_KIND_ENUM(k) k,
    NNP_LAYER_KINDS(NNP_LAYER_KIND_ENUM)
#undef NNP_LAYER_KIND_ENUM
};

inline constexpr int kLayerKindCount = 0
#define NNP_LAYER_KIND_COUNT(k) +1
    NNP_LAYER_KINDS(NNP_LAYER_KIND_COUNT)
#undef NNP_LAYER_KIND_COUNT
    ;

struct NodeSpec {
    NodeId id = 0;
    std::string name;
    LayerKind kind = LayerKind::Dense;
    LayerOptions options;
    double x = 0.0, y = 0.0; ///< position on the canvas (layout only)
    bool operator==(const NodeSpec &) const = default;
};

/// A wire from the output of `from` to input slot `port` of `to` (the order matters for Concatenate).
struct EdgeSpec {
    NodeId from = 0;
    NodeId to = 0;
    int port = 0;
    bool operator==(const EdgeSpec &) const = default;
};

struct GraphSpec {
    std::vector<NodeSpec> nodes;
    std::vector<EdgeSpec> edges;

    [[nodiscard]] const NodeSpec *find(NodeId id) const;
    NodeSpec *find(NodeId id);
    [[nodiscard]] NodeId nextId() const;
    /// Input edges of `id`, sorted by port.
    [[nodiscard]] std::vector<EdgeSpec> inputsOf(NodeId id) const;
    [[nodiscard]] std::vector<EdgeSpec> outputsOf(NodeId id) const;
    bool operator==(const GraphSpec &) const = default;

    // Builders used by tests, samples and the CLI.
    NodeId addNode(LayerKind kind, std::string name, LayerOptions options = {});
    void connect(NodeId from, NodeId to, int port = -1); ///< port -1: the next free slot
};

/// A convenience: Input -> Dense ... -> Dense chain (the last Dense uses `outActivation`).
GraphSpec makeMlp(int inputs, const std::vector<int> &hidden, int outputs, ActivationKind hiddenActivation,
                  ActivationKind outActivation, InitKind init = InitKind::GlorotUniform);

// The kind's name in files and the CLI (from the registry).
std::string_view toString(LayerKind k);
std::optional<LayerKind> layerKindFromString(std::string_view s);
const std::vector<LayerKind> &allLayerKinds();

/// Whether the layer kind has parameters (trained or saved state), from the registry.
bool hasParameters(LayerKind k);

} // namespace nnp
