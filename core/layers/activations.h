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
void activateBackward(const ActivationParams &p, const Matrix &z, const Matrix &a, const Matrix &da, Matrix &dz);
/// Scalar versions, for the explain mode and tests.
Scalar activate(const ActivationParams &p, Scalar z);
Scalar activateDerivative(const ActivationParams &p, Scalar z);

} // namespace nnp
