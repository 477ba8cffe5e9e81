#pragma once
// The parameter-free layers: Input, Activation, Softmax, Dropout, Concatenate, Add, Flatten, Reshape, Dot.

#include "layers/activations.h"
#include "layers/layer.h"

namespace nnp {

/// What an Input's values are: real numbers (features, pixels) or integer ids (a user, an item, a word) that
/// an Embedding looks up. Ids travel through the network as float values, exact up to 2^24.
enum class InputValues { Real, Ids };
std::string_view toString(InputValues v); ///< "real", "ids"
template <> struct ChoiceNames<InputValues> {
    static std::string_view name(InputValues v) { return toString(v); }
    static std::optional<InputValues> parse(std::string_view s);
    static std::vector<std::string> all();
};

/// Whether an Input of the graph takes integer ids: its data has no plane of real coordinates to draw a
/// boundary over or to probe at arbitrary points.
bool hasIdInputs(const GraphSpec &g);

namespace opt::input {
/// The shape of one sample: [features], [channels, height, width] or [time, features].
inline const OptionKey<std::vector<int>> shape{"shape", {2}};
inline constexpr OptionKey<InputValues> values{"values", InputValues::Real};
} // namespace opt::input
namespace opt::dropout {
inline constexpr OptionKey<double> rate{"rate", 0.5}; ///< probability of dropping a unit
} // namespace opt::dropout

/// Passes data through unchanged (Input, Flatten, Reshape: a sample is one column in every shape).
class Identity final : public Layer {
public:
    explicit Identity(LayerKind kind) : m_kind(kind) {}
    LayerKind kind() const override { return m_kind; }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override { y = *x[0]; }
    void backward(std::span<const Matrix *const>, const Matrix &, const Matrix &dy,
                  std::span<Matrix *const> dx) override
    {
        if (dx[0]) *dx[0] = dy;
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Identity>(*this); }

private:
    LayerKind m_kind;
};

class ActivationLayer final : public Layer {
public:
    explicit ActivationLayer(ActivationParams p) : m_params(p) {}
    LayerKind kind() const override { return LayerKind::Activation; }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override { activate(m_params, *x[0], y); }
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override
    {
        if (dx[0]) activateBackward(m_params, *x[0], y, dy, *dx[0]);
    }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<ActivationLayer>(*this); }
    [[nodiscard]] const ActivationParams &params() const { return m_params; }

private:
    ActivationParams m_params;
};

/// Column-wise softmax, shifted by the column maximum for stability.
class Softmax final : public Layer {
public:
    LayerKind kind() const override { return LayerKind::Softmax; }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override;
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Softmax>(*this); }

private:
    RowVector m_tmp;
};

/// Inverted dropout: in training each unit is kept with probability 1-rate and scaled by 1/(1-rate).
class Dropout final : public Layer {
public:
    explicit Dropout(Scalar rate) : m_rate(rate) {}
    LayerKind kind() const override { return LayerKind::Dropout; }
    void initialize(std::span<const Shape>, Rng &rng) override { m_rng.seed(rng.next()); }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode mode) override;
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    void reseed(std::uint64_t seed) override { m_rng.seed(seed); }
    [[nodiscard]] std::string randomState() const override { return m_rng.state(); }
    bool setRandomState(const std::string &state) override { return m_rng.setState(state); }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Dropout>(*this); }
    [[nodiscard]] const Matrix &mask() const { return m_mask; }

private:
    Scalar m_rate;
    Rng m_rng;
    Matrix m_mask;
    bool m_trained = false;
};

/// Stacks flat inputs along the feature axis, in port order.
class Concatenate final : public Layer {
public:
    LayerKind kind() const override { return LayerKind::Concatenate; }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override;
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Concatenate>(*this); }
};

/// Element-wise sum of inputs of one shape.
class Add final : public Layer {
public:
    LayerKind kind() const override { return LayerKind::Add; }
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode) override;
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Add>(*this); }
};

} // namespace nnp
