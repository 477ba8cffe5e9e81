#pragma once
// What every exporter needs from a trained network, already in the layout other frameworks use:
// tensors row-major with PyTorch's shapes (a Dense weight is [units, inputs]), samples as rows ([N,
// features]).

#include "data/csv.h"
#include "data/normalize.h"
#include "graph/graph_spec.h"
#include "train/network.h"

#include <filesystem>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

/// An export that cannot be written (a layer kind a format cannot express, a normaliser that does not fit,
/// a file that cannot be written). what() names the layer or the file.
class ExportError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct ExportTensor {
    std::string name;          ///< "weight", "bias", "gamma", "beta", "running_mean", "running_var"
    std::vector<int> shape;    ///< PyTorch layout: Dense weight [units, inputs], vectors [n]
    std::vector<float> values; ///< row-major
};

struct ExportNode {
    NodeId id = 0;
    std::string name;  ///< as the user wrote it
    std::string ident; ///< unique, a valid Python identifier, used for ONNX names too
    LayerKind kind = LayerKind::Input;
    LayerOptions options;
    std::vector<int> inputs; ///< indices into ExportModel::nodes, in port order
    int size = 0;            ///< flat output features of one sample
    Shape shape;             ///< output shape of one sample
    std::vector<ExportTensor> tensors;
    /// A recurrent layer that obeys an Embedding's padding mask (layers/step_mask.h): that Embedding's index
    /// into ExportModel::nodes; else -1.
    int maskFrom = -1;

    /// The tensor called `name`; throws ExportError naming the node when it is missing.
    [[nodiscard]] const ExportTensor &tensor(std::string_view name) const;
    [[nodiscard]] std::string label() const; ///< "Dense 'hidden1'", for messages
};

/// How the rows a user has become the network's input features (what the scripts read, what the ONNX
/// metadata describes).
enum class RawInputKind {
    Encoded, ///< unknown: rows of the network's input features as they are
    Csv,     ///< the CSV columns of ExportModel::csvColumns: numbers, categories (one-hot), ids, text
    Plane,   ///< a generator's plane coordinates x1, x2; ExportMeaning::engineered is computed from them
    Pixels,  ///< image pixels 0-255, one column per pixel (the normalisation scales them)
};

/// What the model's inputs and outputs mean, from its project (describeProject in project_meaning.h).
/// Empty fields: unknown (a network exported without its project).
struct ExportMeaning {
    std::string description;
    std::string task;                      ///< "classification", "regression" or empty
    std::string loss;                      ///< the project's loss ("mse" …), for the scripts' train command
    std::string normalization = "none";    ///< "none", "zscore", "minmax", "pixels"
    std::vector<std::string> featureNames; ///< one per network input feature, in order
    std::vector<std::string> classNames;   ///< classification: one per class, in output order
    std::vector<std::string> targetNames;  ///< regression: one per output
    RawInputKind raw = RawInputKind::Encoded;
    std::vector<std::string> engineered; ///< Plane: the features, in order ("x1", "x2", "x1^2", "sin(x1)" …)
    std::vector<int> imageShape; ///< Pixels, or a CSV whose columns are pixels: channels, height, width
};

struct ExportModel {
    std::string name = "model";
    std::vector<ExportNode> nodes; ///< topological order
    std::vector<int> inputs;       ///< Input node indices, in the order the network splits its input rows
    int output = 0;
    std::vector<float> offset, scale; ///< per input feature, all inputs concatenated; empty: no normalisation
    /// A scaled regression target (core/io/target_scaling.h): every export ends in y = out · gain + bias per
    /// output, so the model predicts in the target's own units; empty: the outputs are the predictions.
    std::vector<float> outputGain, outputBias;

    /// The raw CSV columns in feature order (attachCsvSchema), so that the scripts read raw rows, one-hot
    /// encode categories and tokenise text as NN Playground does; empty: the scripts take encoded rows.
    std::vector<CsvColumn> csvColumns;
    ExportMeaning meaning;

    [[nodiscard]] bool normalized() const { return !offset.empty(); }
    [[nodiscard]] bool scalesOutput() const { return !outputGain.empty(); }
    [[nodiscard]] int inputSize() const;
    [[nodiscard]] int outputSize() const { return nodes.at(static_cast<std::size_t>(output)).size; }
    /// First input feature of input `k` (an index into inputs) in the concatenated input vector.
    [[nodiscard]] int inputOffset(std::size_t k) const;
};

/// Reads the graph, the trained parameters and state and the normaliser. `normalizer` must be the identity or
/// have one entry per input feature (else ExportError).
ExportModel describeNetwork(Network &net, const Normalizer &normalizer, std::string modelName = "model");

/// Carries a CSV schema's feature columns (categories, id and text vocabularies) into the model and sets
/// meaning.raw to Csv.
void attachCsvSchema(ExportModel &model, const CsvSchema &schema);

/// A valid Python identifier from a user's name ("hidden 1" -> "hidden_1", "1st" -> "n_1st"), avoiding
/// Python keywords and names the generated scripts use themselves.
std::string makeIdentifier(std::string_view name);

/// Shortest text that reads back as the same double ("0.01", "1e-05").
std::string formatNumber(double v);
/// The same for a float: the shortest text that reads back as the same float.
std::string formatFloat(float v);

/// Writes `bytes` to a temporary file beside `file`, then renames it. Throws ExportError naming the file.
void writeFileAtomic(const std::filesystem::path &file, std::string_view bytes);

} // namespace nnp
