#pragma once
#include "tensor.h"

#include <vector>

namespace nnp {

/// Predicted class per column: argmax over rows, or (one output row) output >= threshold.
std::vector<int> predictedClasses(const Matrix &out, Scalar threshold = Scalar(0.5));
/// Fraction of equal entries (0 for empty input).
double accuracy(const std::vector<int> &predicted, const std::vector<int> &truth);
/// counts[truth][predicted], classes x classes.
std::vector<std::vector<int>> confusionMatrix(const std::vector<int> &predicted,
                                              const std::vector<int> &truth, int classes);
/// Mean absolute error over all entries.
double meanAbsoluteError(const Matrix &out, const Matrix &target);
/// Coefficient of determination 1 − SS_res/SS_tot over all entries (per-row means); 0 when SS_tot is 0.
double rSquared(const Matrix &out, const Matrix &target);

} // namespace nnp
