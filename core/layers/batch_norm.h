#pragma once
#include "layers/layer.h"

namespace nnp {

namespace opt::batchnorm {
inline constexpr OptionKey<double> momentum{"momentum", 0.1}; ///< running-statistics momentum
inline constexpr OptionKey<double> epsilon{"epsilon", 1e-5};  ///< added to the variance
} // namespace opt::batchnorm

/// Batch normalisation over the feature axis (Ioffe & Szegedy 2015), PyTorch's conventions:
/// biased batch variance for normalising, unbiased for the running estimate, momentum weighs the new batch.
class BatchNorm final : public Layer {
public:
    BatchNorm(Scalar momentum, Scalar epsilon) : m_momentum(momentum), m_epsilon(epsilon) {}
    LayerKind kind() const override { return LayerKind::BatchNorm; }
    void initialize(std::span<const Shape> inputs, Rng &rng) override;
    void forward(std::span<const Matrix *const> x, Matrix &y, Mode mode) override;
    void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                  std::span<Matrix *const> dx) override;
    std::vector<ParamRef> parameters() override;
    std::vector<ParamRef> state() override;
    std::unique_ptr<Layer> clone() const override { return std::make_unique<BatchNorm>(*this); }

private:
    Scalar m_momentum, m_epsilon;
    Matrix m_gamma, m_beta, m_dgamma, m_dbeta, m_runMean, m_runVar;
    Vector m_mean, m_var, m_invStd, m_sum1, m_sum2;
    Matrix m_xhat;
    bool m_trained = false;
};

} // namespace nnp
