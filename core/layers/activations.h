#pragma once
// Element-wise activation functions and their derivatives, shared by Dense and Activation.

#include "graph/graph_spec.h"
#include "tensor.h"

namespace nnp {

struct ActivationParams {
    ActivationKind kind = ActivationKind::Linear;
    Scalar leakySlope = Scalar(0.01);
    Scalar eluAlpha = Scalar(1);
};

/// a = f(z), element-wise; a may alias nothing.
void activate(const ActivationParams &p, const Matrix &z, Matrix &a);
/// dz = da * f'(z), given z and a = f(z).
void activateBackward(const ActivationParams &p, const Matrix &z, const Matrix &a, const Matrix &da,
                      Matrix &dz);
/// Scalar versions, for the explain mode and tests.
Scalar activate(const ActivationParams &p, Scalar z);
Scalar activateDerivative(const ActivationParams &p, Scalar z);

namespace opt {
// The activation options of Dense and Activation (one key each, shared by both kinds).
inline constexpr OptionKey<ActivationKind> activation{"activation", ActivationKind::Linear};
inline constexpr OptionKey<double> leakySlope{"leaky_slope", 0.01};
inline constexpr OptionKey<double> eluAlpha{"elu_alpha", 1.0};
} // namespace opt

/// The activation a node's options choose.
ActivationParams activationOf(const LayerOptions &o);
/// The schema entries of the three options above, for the kinds that use them.
std::vector<OptionSpec> activationOptionSpecs();

} // namespace nnp
