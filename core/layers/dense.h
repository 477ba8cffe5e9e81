#pragma once
#include "layers/activations.h"
#include "layers/layer.h"

namespace nnp {

namespace opt::dense {
inline constexpr OptionKey<int> units{"units", 4};
inline constexpr OptionKey<InitKind> init{"init", InitKind::GlorotUniform};
inline constexpr OptionKey<bool> useBias{"use_bias", true};
inline constexpr OptionKey<double> l1{"l1", 0.0}; ///< L1 penalty l1*sum|w| on the weights
inline constexpr OptionKey<double> l2{"l2", 0.0}; ///< L2 penalty (l2/2)*sum w^2 on the weights
} // namespace opt::dense

/// y = f(W x + b). W is [units x inputs], b is [units x 1].
class Dense final : public Layer {
public:
    struct Options {
        int units = 1;
        ActivationParams activation{};
        InitKind init = InitKind::GlorotUniform;
        bool useBias = true;
        Scalar l1 = 0, l2 = 0;
    };
    explicit Dense(Options o);

    LayerKind kind() const override { return LayerKind::Dense; }
    void initialize(std::span<const Shape> inputs, Rng &rng) override;
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode mode) override;
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    /// Backward from dL/dz directly: the fused sigmoid + cross-entropy path enters here.
    void backwardFromPreActivation(const Matrix &x, const Matrix &dz, Matrix *dx);
    std::vector<ParamRef> parameters() override;
    const Matrix *preActivation() const override { return &m_z; }
    const Matrix *preActivationGrad() const override { return &m_dz; }
    std::unique_ptr<Layer> clone() const override { return std::make_unique<Dense>(*this); }

    [[nodiscard]] const Options &options() const { return m_options; }
    void setRegularization(Scalar l1, Scalar l2) override
    {
        m_options.l1 = l1;
        m_options.l2 = l2;
    }
    Matrix &weight() { return m_w; }
    Matrix &bias() { return m_b; }

private:
    Options m_options;
    Matrix m_w, m_b, m_dw, m_db, m_z, m_dz;
};

} // namespace nnp
