#pragma once
// ONNX import of the subset NN Playground can represent: Gemm, MatMul (+ Add as its bias), Relu, LeakyRelu,
// Elu, Sigmoid, Tanh, Softplus, the Erf form of GELU, Softmax, Flatten, Reshape, Concat, Add/Sum, Mul,
// Dropout, BatchNormalization, Conv (+ Pad), MaxPool, AveragePool, GlobalAveragePool, Gather from a table (an
// Embedding), RNN, LSTM, GRU (with the Transpose/Squeeze/Reduce ops torch.onnx.export writes around them),
// Identity and Constant. An activation right after a Gemm/MatMul becomes that Dense layer's activation; a
// leading Sub/Mul on a graph input becomes the input normalisation; a final Mul + Add by one constant per
// output after a regression output (our export of a scaled target) becomes the target scaler. Anything else
// is refused with a message naming the op.

#include "data/normalize.h"
#include "graph/graph_spec.h"
#include "io/project.h"
#include "train/network.h"

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

/// A file that is not ONNX, is damaged, or uses something outside the subset. what() names the file and,
/// where it applies, the ONNX node and operator.
class OnnxImportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ImportedModel {
    GraphSpec graph;                   ///< validated, with layered node positions
    std::vector<StoredTensor> weights; ///< per node id: weight, bias, gamma, beta, running_mean, running_var
    Normalizer normalizer;             ///< kind None when the model has no leading Sub/Mul
    /// Our own export of a scaled regression target ends in Mul(σ) then Add(mean) per output
    /// (core/io/target_scaling.h): read back as the project's target scaler; empty otherwise.
    std::optional<Normalizer> targetScaler;
    std::vector<std::string>
        notes; ///< what was adapted on the way (folded Gemm alpha/beta, skipped Identity)
};

/// Largest .onnx file accepted: larger ones are refused before reading.
inline constexpr std::uintmax_t kMaxOnnxFileBytes = 1ull << 30;

ImportedModel importOnnx(const std::filesystem::path &file);
ImportedModel importOnnxBytes(std::string_view bytes, const std::string &sourceName = "<memory>");

/// Copies stored tensors into a network built from the graph they belong to. Throws std::invalid_argument
/// naming the node and tensor when one is missing or has the wrong shape.
void loadTensors(Network &net, const std::vector<StoredTensor> &tensors);
/// Network::build(model.graph) with the imported weights loaded.
Network buildImported(const ImportedModel &model);

} // namespace nnp
