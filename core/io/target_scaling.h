#pragma once
// Target scaling for a regression whose target is far from unit scale (house prices, 25–346 …): the network
// trains on the z-scored target (fitted on the training split, one mean and σ per output, stored with the
// weights as Project::targetScaler), and everything that shows or writes a prediction turns the outputs
// back into the target's own units here: `nnp predict` and `nnp eval`, the app's probe and every export (the
// ONNX graph ends in Mul + Add, the scripts multiply and add the same constants).

#include "io/project.h"
#include "train/trainer.h"

#include <optional>

namespace nnp {

/// The scaler of a trained project's outputs: its stored target scaler when the project scales its target
/// and the scaler is not an identity, else nothing (outputs are already in the target's units).
const Normalizer *outputScaler(const Project &project);

/// Outputs [outputs x N] of the network → predictions in the target's units (unchanged without a scaler).
void unscaleOutputsInPlace(const Normalizer *scaler, Matrix &out);

/// The output constants y = out · gain + bias that undo the scaling: gain = σ, bias = mean per output.
struct OutputAffine {
    std::vector<double> gain, bias;
};
std::optional<OutputAffine> outputAffine(const Project &project);

/// evaluate(), with the loss, MAE and R² of a regression measured in the target's own units when `scaler`
/// is given (the network's outputs and the targets are both unscaled first).
Evaluation evaluateInTargetUnits(Network &net, const TrainData &data, const Normalizer *scaler);

/// Whether target scaling would help: a regression target whose values reach beyond kUnitScaleLimit in
/// magnitude or whose spread is far from 1, judged on the raw targets [targets x N].
bool targetFarFromUnitScale(const Matrix &targets);

} // namespace nnp
