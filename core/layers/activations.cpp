#include "layers/activations.h"

#include <cmath>
#include <numbers>

namespace nnp {

namespace {
constexpr Scalar kInvSqrt2 = Scalar(0.70710678118654752440);
constexpr Scalar kInvSqrt2Pi = Scalar(0.39894228040143267794);
} // namespace

Scalar activate(const ActivationParams &p, Scalar z)
{
    switch (p.kind) {
    case ActivationKind::Linear:
        return z;
    case ActivationKind::ReLU:
        return z > 0 ? z : Scalar(0);
    case ActivationKind::LeakyReLU:
        return z > 0 ? z : p.leakySlope * z;
    case ActivationKind::ELU:
        return z > 0 ? z : p.eluAlpha * std::expm1(z);
    case ActivationKind::GELU:
        return Scalar(0.5) * z * (Scalar(1) + std::erf(z * kInvSqrt2));
    case ActivationKind::Tanh:
        return std::tanh(z);
    case ActivationKind::Sigmoid:
        return Scalar(1) / (Scalar(1) + std::exp(-z));
    case ActivationKind::Softplus:
        return std::max(z, Scalar(0)) + std::log1p(std::exp(-std::abs(z)));
    }
    return z;
}

Scalar activateDerivative(const ActivationParams &p, Scalar z)
{
    switch (p.kind) {
    case ActivationKind::Linear:
        return 1;
    case ActivationKind::ReLU:
        return z > 0 ? 1 : 0;
    case ActivationKind::LeakyReLU:
        return z > 0 ? 1 : p.leakySlope;
    case ActivationKind::ELU:
        return z > 0 ? 1 : p.eluAlpha * std::exp(z);
    case ActivationKind::GELU:
        return Scalar(0.5) * (Scalar(1) + std::erf(z * kInvSqrt2)) +
               z * kInvSqrt2Pi * std::exp(Scalar(-0.5) * z * z);
    case ActivationKind::Tanh: {
        const Scalar t = std::tanh(z);
        return 1 - t * t;
    }
    case ActivationKind::Sigmoid:
    case ActivationKind::Softplus: {
        const Scalar s = Scalar(1) / (Scalar(1) + std::exp(-z));
        return p.kind == ActivationKind::Sigmoid ? s * (1 - s) : s;
    }
    }
    return 1;
}

void activate(const ActivationParams &p, const Matrix &z, Matrix &a)
{
    a.resize(z.rows(), z.cols());
    auto Z = z.array();
    auto A = a.array();
    switch (p.kind) {
    case ActivationKind::Linear:
        A = Z;
        break;
    case ActivationKind::ReLU:
        A = Z.max(Scalar(0));
        break;
    case ActivationKind::Tanh:
        A = Z.tanh();
        break;
    case ActivationKind::Sigmoid:
        A = (Scalar(1) + (-Z).exp()).inverse();
        break;
    default:
        A = Z.unaryExpr([&p](Scalar v) { return activate(p, v); });
        break;
    }
}

void activateBackward(const ActivationParams &p, const Matrix &z, const Matrix &a, const Matrix &da,
                      Matrix &dz)
{
    dz.resize(z.rows(), z.cols());
    auto A = a.array();
    auto D = dz.array();
    switch (p.kind) {
    case ActivationKind::Linear:
        D = da.array();
        break;
    case ActivationKind::ReLU:
        D = (z.array() > Scalar(0)).select(da.array(), Scalar(0));
        break;
    case ActivationKind::Tanh:
        D = da.array() * (Scalar(1) - A * A);
        break;
    case ActivationKind::Sigmoid:
        D = da.array() * A * (Scalar(1) - A);
        break;
    default:
        D = da.array() * z.array().unaryExpr([&p](Scalar v) { return activateDerivative(p, v); });
        break;
    }
}

} // namespace nnp

namespace nnp {

ActivationParams activationOf(const LayerOptions &o)
{
    return {o.get(opt::activation), static_cast<Scalar>(o.get(opt::leakySlope)),
            static_cast<Scalar>(o.get(opt::eluAlpha))};
}

std::vector<OptionSpec> activationOptionSpecs()
{
    return {
        option(opt::activation).text(QT_TRANSLATE_NOOP("LayerOptions", "Activation")).onBlock("%1"),
        option(opt::leakySlope)
            .range(0.0, 1.0, false, true)
            .text(QT_TRANSLATE_NOOP("LayerOptions", "Leaky slope"),
                  QT_TRANSLATE_NOOP("LayerOptions", "The slope of Leaky ReLU for inputs below zero."))
            .when([](const LayerOptions &o) { return o.get(opt::activation) == ActivationKind::LeakyReLU; }),
        option(opt::eluAlpha)
            .range(0.0, 1e6, true)
            .text(QT_TRANSLATE_NOOP("LayerOptions", "ELU alpha"),
                  QT_TRANSLATE_NOOP("LayerOptions", "How far ELU reaches below zero: its limit is −alpha."))
            .when([](const LayerOptions &o) { return o.get(opt::activation) == ActivationKind::ELU; }),
    };
}

} // namespace nnp
