#pragma once
// Embedding: looks up a learned vector for each integer id, as PyTorch's nn.Embedding and Keras' Embedding.
// Input [T] ids (one column per sample, the ids as float values) -> output [T, dim]: step t's vector sits at
// rows t·dim … t·dim + dim − 1. With mask_zero (Keras), id 0 is padding: its vector is zero, it gets no
// gradient, and mask() says which steps are real, for layers that read sequences.

#include "graph/layer_options.h"
#include "layers/layer.h"

#include <stdexcept>
#include <string>

namespace nnp {

/// How the vectors start: "uniform" U(−0.05, 0.05) as Keras (the default: the course's models are Keras
/// models), "normal" N(0, 1) as PyTorch.
enum class EmbeddingInit { Uniform, Normal };
std::string_view toString(EmbeddingInit i);
template <> struct ChoiceNames<EmbeddingInit> {
    static std::string_view name(EmbeddingInit i) { return toString(i); }
    static std::optional<EmbeddingInit> parse(std::string_view s);
    static std::vector<std::string> all();
};

/// Ids travel as float values, which hold every integer exactly up to 2^24: the largest vocabulary.
inline constexpr int kMaxVocabulary = 1 << 24;

namespace opt::embedding {
inline constexpr OptionKey<int> inputDim{"input_dim", 1000}; ///< vocabulary size: ids 0 … input_dim − 1
inline constexpr OptionKey<int> outputDim{"output_dim", 8};  ///< length of each vector
inline constexpr OptionKey<bool> maskZero{"mask_zero", false};
inline constexpr OptionKey<EmbeddingInit> init{"init", EmbeddingInit::Uniform};
} // namespace opt::embedding

/// An id an Embedding cannot look up: not a whole number, negative, or not below the vocabulary size. The
/// layer throws it from forward (nothing is read out of bounds); Network rethrows it as an InvalidIdError
/// that names the layer and the sample.
class BadIdError : public std::invalid_argument {
public:
    BadIdError(double value, long long column, int vocabulary);
    double value;
    long long column; ///< the sample's column in the batch
    int vocabulary;
};

class Embedding final : public Layer {
public:
    struct Options {
        int inputDim = 1000;
        int outputDim = 8;
        bool maskZero = false;
        EmbeddingInit init = EmbeddingInit::Uniform;
    };
    explicit Embedding(Options o);
    LayerKind kind() const override { return LayerKind::Embedding; }
    void initialize(std::span<const Shape> inputs, Rng &rng) override;
    /// Throws BadIdError for an id outside 0 … input_dim − 1 (the output is then unspecified).
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode mode) override;
    /// dL/dW[id] = Σ over the batch's steps with that id of dL/dy at that step (dense, as PyTorch's default);
    /// ids get no gradient (dx is zero).
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    std::vector<ParamRef> parameters() override { return {{"weight", &m_w, &m_dw, 0, 0}}; }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Embedding>(*this); }

    [[nodiscard]] const Options &options() const { return m_options; }
    /// The padding mask of the last forward, [T x N]: 1 where a step holds a real id, 0 where it holds the
    /// padding id 0. Empty when mask_zero is off (every step is real). For recurrent layers to skip padded
    /// steps.
    [[nodiscard]] const Matrix &mask() const { return m_mask; }
    /// The vectors, [input_dim x output_dim]: row i is id i's vector (PyTorch's layout).
    [[nodiscard]] const Matrix &weight() const { return m_w; }

private:
    Options m_options;
    Matrix m_w, m_dw, m_mask;
};

} // namespace nnp
