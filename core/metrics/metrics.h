#pragma once
#include "tensor.h"

#include <span>
#include <vector>

namespace nnp {

/// Predicted class per column: argmax over rows, or (one output row) output >= threshold.
std::vector<int> predictedClasses(const Matrix &out, Scalar threshold = Scalar(0.5));
/// Class probabilities of output column `col`, one per entry of `p`, whatever the output layer is: a single
/// (sigmoid) unit gives p(class 1), clamped to [0, 1]; a column that already is a distribution (softmax) is
/// taken as it is; anything else (linear scores) goes through a softmax. Classes beyond the outputs get 0.
void classProbabilities(const Matrix &out, Eigen::Index col, std::span<double> p);
/// The same, as a new vector of `classes` values.
std::vector<double> classProbabilities(const Matrix &out, Eigen::Index col, int classes);
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
