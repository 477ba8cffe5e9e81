#pragma once
// The user's network as plain values: what the editor edits, the project file stores and Network compiles.

#include "tensor.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

using NodeId = int;

enum class LayerKind { Input, Dense, Activation, Softmax, Dropout, BatchNorm, Concatenate, Add, Flatten };

enum class ActivationKind { Linear, ReLU, LeakyReLU, ELU, GELU, Tanh, Sigmoid, Softplus };

enum class InitKind { Uniform05, GlorotUniform, GlorotNormal, HeUniform, HeNormal, Zeros };

/// Every option any layer kind has, with defaults; a kind reads only its own (see docs per field).
struct LayerOptions {
    std::vector<int> shape{2};                          ///< Input: the shape of one sample
    int units = 4;                                      ///< Dense: number of neurons
    ActivationKind activation = ActivationKind::Linear; ///< Dense (applied after Wx+b) and Activation
    double leakySlope = 0.01;                           ///< LeakyReLU: slope for x < 0
    double eluAlpha = 1.0;                              ///< ELU: alpha
    InitKind init = InitKind::GlorotUniform;            ///< Dense: weight initialisation (biases start at 0)
    bool useBias = true;                                ///< Dense
    double l1 = 0.0;                                    ///< Dense: L1 penalty l1*sum|w| on the weights
    double l2 = 0.0;                                    ///< Dense: L2 penalty (l2/2)*sum w^2 on the weights
    double rate = 0.5;                                  ///< Dropout: probability of dropping a unit
    double momentum = 0.1;                              ///< BatchNorm: running-statistics momentum
    double epsilon = 1e-5;                              ///< BatchNorm: added to the variance
    bool operator==(const LayerOptions &) const = default;
};

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

// Stable names, used by files, the CLI and the UI.
std::string_view toString(LayerKind k);
std::string_view toString(ActivationKind k);
std::string_view toString(InitKind k);
std::optional<LayerKind> layerKindFromString(std::string_view s);
std::optional<ActivationKind> activationFromString(std::string_view s);
std::optional<InitKind> initFromString(std::string_view s);
const std::vector<LayerKind> &allLayerKinds();
const std::vector<ActivationKind> &allActivations();
const std::vector<InitKind> &allInits();

/// Whether the layer kind has trainable parameters.
bool hasParameters(LayerKind k);

} // namespace nnp
