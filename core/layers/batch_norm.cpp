#include "layers/batch_norm.h"

#include "layers/layer_registry.h"

namespace nnp {

void BatchNorm::initialize(std::span<const Shape> inputs, Rng &)
{
    const auto f = static_cast<Eigen::Index>(inputs[0].size());
    m_gamma = Matrix::Ones(f, 1);
    m_beta = Matrix::Zero(f, 1);
    m_dgamma = Matrix::Zero(f, 1);
    m_dbeta = Matrix::Zero(f, 1);
    m_runMean = Matrix::Zero(f, 1);
    m_runVar = Matrix::Ones(f, 1);
}

void BatchNorm::forward(std::span<const Matrix *const> x, Matrix &y, Mode mode)
{
    const Matrix &in = *x[0];
    const auto n = in.cols();
    m_trained = mode == Mode::Train && n > 1;
    if (m_trained) {
        m_mean = in.rowwise().mean();
        m_xhat = in.colwise() - m_mean;
        m_var = m_xhat.array().square().rowwise().mean();
        m_invStd = (m_var.array() + m_epsilon).rsqrt();
        const Scalar unbias = Scalar(n) / Scalar(n - 1);
        m_runMean = (1 - m_momentum) * m_runMean + m_momentum * m_mean;
        m_runVar = (1 - m_momentum) * m_runVar + (m_momentum * unbias) * m_var;
    } else {
        m_mean = m_runMean.col(0);
        m_invStd = (m_runVar.col(0).array() + m_epsilon).rsqrt();
        m_xhat = in.colwise() - m_mean;
    }
    m_xhat.array().colwise() *= m_invStd.array();
    y = (m_xhat.array().colwise() * m_gamma.col(0).array()).colwise() + m_beta.col(0).array();
}

void BatchNorm::backward(std::span<const Matrix *const>, const Matrix &, const Matrix &dy,
                         std::span<Matrix *const> dx)
{
    const Scalar n = Scalar(dy.cols());
    m_dbeta = dy.rowwise().sum();
    m_dgamma = (dy.array() * m_xhat.array()).rowwise().sum();
    if (!dx[0]) return;
    const auto g = m_gamma.col(0);
    if (!m_trained) {
        *dx[0] = dy.array().colwise() * (g.array() * m_invStd.array());
        return;
    }
    // dx = γ/σ · (dy − mean(dy) − x̂ · mean(dy ⊙ x̂))
    m_sum1 = m_dbeta.col(0) / n;
    m_sum2 = m_dgamma.col(0) / n;
    Matrix &d = *dx[0];
    d = (dy.colwise() - m_sum1) - (m_xhat.array().colwise() * m_sum2.array()).matrix();
    d.array().colwise() *= g.array() * m_invStd.array();
}

std::vector<ParamRef> BatchNorm::parameters()
{
    return {{"gamma", &m_gamma, &m_dgamma, 0, 0}, {"beta", &m_beta, &m_dbeta, 0, 0}};
}

std::vector<ParamRef> BatchNorm::state()
{
    return {{"running_mean", &m_runMean, nullptr, 0, 0}, {"running_var", &m_runVar, nullptr, 0, 0}};
}

template <> const LayerKindInfo &kindInfo<LayerKind::BatchNorm>()
{
    static const LayerKindInfo info = [] {
        LayerKindInfo k;
        k.kind = LayerKind::BatchNorm;
        k.fileName = "BatchNorm";
        k.options = {
            option(opt::batchnorm::momentum)
                .range(0.0, 1.0, true)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Momentum"),
                      QT_TRANSLATE_NOOP(
                          "LayerOptions",
                          "How fast the running mean and variance used for predictions follow the "
                          "batches."))
                .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "momentum %1")),
            option(opt::batchnorm::epsilon)
                .range(0.0, 1.0, true)
                .text(QT_TRANSLATE_NOOP("LayerOptions", "Epsilon"),
                      QT_TRANSLATE_NOOP(
                          "LayerOptions",
                          "Added to the variance so that a constant feature does not divide by zero.")),
        };
        k.traits.stateful = true;
        k.ui = {
            QT_TRANSLATE_NOOP("LayerCatalog", "Batch norm"),
            QT_TRANSLATE_NOOP("LayerCatalog", "Rescales each feature to mean 0 and spread 1 over the batch."),
            "batchnorm", 0x00838f, "batchnorm"};
        k.inferShape = [](ShapeCheck &c) -> std::optional<Shape> {
            if (!c.requireFlat(0)) return std::nullopt;
            return c.in[0];
        };
        k.parameters = [](const LayerOptions &, std::span<const Shape> in) {
            const long long f = in.empty() ? 0 : in[0].size();
            return std::vector<ParamShape>{
                {"gamma", f, 1}, {"beta", f, 1}, {"running_mean", f, 1, false}, {"running_var", f, 1, false}};
        };
        k.make = [](const LayerOptions &o) -> std::unique_ptr<Layer> {
            return std::make_unique<BatchNorm>(static_cast<Scalar>(o.get(opt::batchnorm::momentum)),
                                               static_cast<Scalar>(o.get(opt::batchnorm::epsilon)));
        };
        return k;
    }();
    return info;
}

} // namespace nnp
