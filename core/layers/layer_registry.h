#pragma once
// The registry of layer kinds: each kind is described once, beside its implementation, by specialising
// kindInfo<LayerKind::X>() in its own .cpp; the one list of kinds is NNP_LAYER_KINDS in graph/graph_spec.h.
// The project reader and writer, the validator, `nnp info`, the inspector and the palette all ask this
// registry.
//
// Adding a kind: a line in NNP_LAYER_KINDS, a .cpp (and .h if others need the class) with the layer and its
// kindInfo<>, one entry in each export table (the build fails without it), its ONNX import in
// onnx_import_ops.cpp, an icon, the zh_CN text.

#include "graph/graph_spec.h"
#include "graph/layer_options.h"
#include "graph/validator.h"
#include "layers/layer.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace nnp {

/// The shape inference of one node: its input shapes, and where its kind reports impossible shapes.
class ShapeCheck {
public:
    ShapeCheck(const NodeSpec &node, std::span<const Shape> inputs)
        : node(node), in(inputs), label(DiagnosticArg::node(node))
    {
    }
    const NodeSpec &node;
    std::span<const Shape> in;
    const DiagnosticArg label; ///< "Dense 'hidden1'", to start messages with
    std::vector<Diagnostic> errors;

    /// Records an error: `format` is English with placeholders, marked with
    /// QT_TRANSLATE_NOOP("Diagnostics", …), `args` its values (see Diagnostic). Returns nullopt so that
    /// `return check.fail(...)` ends an inference.
    std::optional<Shape> fail(DiagnosticCode code, const char *format, std::vector<DiagnosticArg> args);
    /// Input `i` must be a flat vector; else an error that suggests Flatten. `format` has the label as %1 and
    /// the shape received as %2.
    bool requireFlat(std::size_t i, const char *format = kExpectsFlatInput);

    static const char *const kExpectsFlatInput; ///< "%1 expects a flat input but receives %2 — add Flatten."
};

/// The product of the sizes, capped just above kMaxInputSize: four sizes of 65536 would overflow a 64-bit
/// product (to 0) and slip under the limit. For the shape inferences of kinds whose options hold a shape.
long long cappedSize(const std::vector<int> &dims);

/// One parameter or state tensor of a layer, from the options and input shapes alone (nothing allocated).
struct ParamShape {
    std::string name;   ///< "weight", "bias", "gamma", ..., the name in files and exports
    long long rows = 0; ///< as the layer's Matrix holds it
    long long cols = 0;
    bool trained = true; ///< false: saved state that is not trained (running statistics)
    /// The tensor's shape in exports (PyTorch's, row-major over the same values) when it is not [rows] for a
    /// column or [rows, cols]: a Conv2D kernel [filters, channels, kh, kw], a Dense weight that is one
    /// column.
    std::vector<int> exportDims = {};
};

struct LayerTraits {
    int minInputs = 1;              ///< 0 for Input
    int maxInputs = 1;              ///< kManyInputs for Concatenate, Add
    bool stateful = false;          ///< keeps state besides its parameters (BatchNorm's running statistics)
    bool builtInActivation = false; ///< applies an activation after its own sum (Dense)
    bool integerIds = false;        ///< takes integer ids rather than real numbers
};
inline constexpr int kManyInputs = 1 << 20;

/// How a kind looks to people. Text is English, marked for lupdate in the context "LayerCatalog" and
/// translated by the UI.
struct LayerPresentation {
    const char *title = "";         ///< "Dense"
    const char *description = "";   ///< one line for the palette and tooltips
    const char *icon = "";          ///< file stem under :/icons ("dense")
    std::uint32_t color = 0x808080; ///< the block's accent colour, 0xRRGGBB
    const char *baseName = "layer"; ///< a new node's name before its number ("dense"); ASCII, not translated
};

struct LayerKindInfo {
    LayerKind kind = LayerKind::Input;
    std::string_view fileName; ///< the kind's name in .nnp files and the CLI ("Dense")
    std::vector<OptionSpec> options;
    LayerTraits traits;
    LayerPresentation ui;
    /// The options a node starts with when a user adds one (Conv2D starts with ReLU); files and code keep the
    /// keys' defaults.
    LayerOptions newNode;
    /// The output shape from the input shapes (whose count already fits traits); errors go to the check.
    std::optional<Shape> (*inferShape)(ShapeCheck &check) = nullptr;
    /// Parameters and state in the order the layer lists them; null: none.
    std::vector<ParamShape> (*parameters)(const LayerOptions &o, std::span<const Shape> inputs) = nullptr;
    /// The layer for options that passed validation.
    std::unique_ptr<Layer> (*make)(const LayerOptions &o) = nullptr;

    [[nodiscard]] const OptionSpec *option(std::string_view name) const;
    [[nodiscard]] bool hasParameters() const { return parameters != nullptr; }
};

namespace opt {
/// The weight penalties of the kinds that take them (Dense, Conv2D: each declares keys of these names).
inline constexpr OptionKey<double> l1{"l1", 0.0}; ///< l1·Σ|w|
inline constexpr OptionKey<double> l2{"l2", 0.0}; ///< (l2/2)·Σw²
} // namespace opt

/// Whether a kind's weights take the L1/L2 penalties opt::l1 and opt::l2 (its schema has both options).
bool hasWeightPenalties(LayerKind k);

/// Specialised once per kind, in the kind's own .cpp.
template <LayerKind K> const LayerKindInfo &kindInfo();

const LayerKindInfo &layerKind(LayerKind k);
/// Every kind, in the order of NNP_LAYER_KINDS (the palette's order).
const std::vector<const LayerKindInfo *> &layerKinds();

/// Number of trainable values in the parameters of a node with these input shapes (saturates instead of
/// overflowing).
long long trainableCount(const LayerKindInfo &info, const LayerOptions &o, std::span<const Shape> inputs);

/// A table with one entry per layer kind, e.g. an exporter's emitters. `coversEveryKind` is constexpr, so a
/// table checked with static_assert fails the build when a kind is added without its entry.
template <class Fn> using KindEntry = std::pair<LayerKind, Fn>;

template <class Fn, std::size_t N> constexpr bool coversEveryKind(const KindEntry<Fn> (&table)[N])
{
    if (N != static_cast<std::size_t>(kLayerKindCount)) return false;
    for (int k = 0; k < kLayerKindCount; ++k) {
        int seen = 0;
        for (const auto &e : table)
            seen += static_cast<int>(e.first) == k;
        if (seen != 1) return false;
    }
    return true;
}

template <class Fn, std::size_t N> constexpr Fn entryFor(const KindEntry<Fn> (&table)[N], LayerKind k)
{
    for (const auto &e : table)
        if (e.first == k) return e.second;
    return Fn{};
}

template <class Fn, std::size_t N> std::vector<LayerKind> kindsOf(const KindEntry<Fn> (&table)[N])
{
    std::vector<LayerKind> r;
    for (const auto &e : table)
        if (e.second) r.push_back(e.first);
    return r;
}

} // namespace nnp
