#pragma once
// Losses: the value and gradient of the batch mean. Stateless.
//
// Conventions (per sample n, outputs k, batch size N):
//   MSE    L = 1/N Σ_n ½ Σ_k (a−y)²          (the ½ makes dL/da = (a−y)/N, as in TensorFlow Playground)
//   MAE    L = 1/N Σ_n Σ_k |a−y|
//   Huber  L = 1/N Σ_n Σ_k h(a−y), h(r) = ½r² if |r| ≤ δ else δ(|r| − ½δ)
//   BCE    L = −1/N Σ_n Σ_k [y log a + (1−y) log(1−a)]   (targets 0/1 per output)
//   CCE    L = −1/N Σ_n Σ_k y log a                      (one-hot targets [classes x N])
//   SCCE   L = −1/N Σ_n log a_{y_n}                      (class-index targets [1 x N])
// The "from logits" forms take the pre-activation z of a final sigmoid (BCE) or softmax (CCE, SCCE) and are
// exact where a would round to 0 or 1.

#include "tensor.h"

#include <optional>
#include <string_view>
#include <vector>

namespace nnp {

enum class LossKind {
    MSE,
    MAE,
    Huber,
    BinaryCrossEntropy,
    CategoricalCrossEntropy,
    SparseCategoricalCrossEntropy
};

struct LossParams {
    LossKind kind = LossKind::MSE;
    Scalar huberDelta = 1;
    bool operator==(const LossParams &) const = default;
};

double lossValue(const LossParams &p, const Matrix &out, const Matrix &target);
void lossGradient(const LossParams &p, const Matrix &out, const Matrix &target, Matrix &dOut);

/// Cross-entropies computed from the logits z of a final sigmoid (BCE) or softmax (CCE/SCCE).
double lossValueFromLogits(const LossParams &p, const Matrix &z, const Matrix &target);
/// dL/dz = (a − y)/N, where a = sigmoid(z) or softmax(z) (CCE: (a·Σ_k y_k − y)/N, the same for one-hot y).
void lossGradientFromLogits(const LossParams &p, const Matrix &a, const Matrix &target, Matrix &dz);

/// The loss of each sample (column) alone, by the same formulas: their mean is lossValue (or, with
/// `fromLogits`, lossValueFromLogits of the logits `out`).
std::vector<double> sampleLosses(const LossParams &p, const Matrix &out, const Matrix &target,
                                 bool fromLogits = false);
bool isClassificationLoss(LossKind k);
/// Rows a target matrix must have for this loss and an output of `outputs` units.
int targetRows(LossKind k, int outputs);

std::string_view toString(LossKind k);
std::optional<LossKind> lossFromString(std::string_view s);
const std::vector<LossKind> &allLosses();

/// Targets for a loss from class labels: one-hot [classes x N] for CCE, labels [1 x N] for SCCE and for BCE
/// with one output, one-hot for BCE with several outputs.
Matrix classTargets(LossKind k, const std::vector<int> &labels, int classes);

} // namespace nnp
