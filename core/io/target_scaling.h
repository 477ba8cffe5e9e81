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

/// Whether a loss computed on the z-scored target converts to the target's own units by a factor: MSE (×σ²)
/// and MAE (×σ) do; Huber does not (its δ applies to the scaled errors), nor do classification losses.
bool lossScalesWithTarget(LossKind kind);

/// How the losses and MAE a run computes on its scaled target read in the target's own units: the one rule
/// every view of them follows (the app's curves, `nnp train`'s and `nnp eval`'s output). The loss and the MAE
/// convert when every output has the same σ (one output always does) and, for the loss, when it scales with
/// the target; what does not convert keeps its scaled value and the view says so.
struct LossUnits {
    bool scaled = false;         ///< the run learns a scaled regression target (else nothing changes)
    bool lossConverts = false;   ///< the loss is shown in the target's units (MSE ×σ², MAE ×σ)
    bool metricConverts = false; ///< the MAE is shown in the target's units (×σ)
    double lossFactor = 1, metricFactor = 1;
    [[nodiscard]] double loss(double scaledValue) const { return scaledValue * lossFactor; }
    [[nodiscard]] double metric(double scaledValue) const { return scaledValue * metricFactor; }
    /// An epoch's record as it is shown: its losses and its MAE metrics in these units.
    [[nodiscard]] EpochRecord shown(EpochRecord r) const;
    /// Scaled, and the loss stays in the scaled units (Huber; outputs of different σ).
    [[nodiscard]] bool lossInScaledUnits() const { return scaled && !lossConverts; }
    [[nodiscard]] bool metricInScaledUnits() const { return scaled && !metricConverts; }
    bool operator==(const LossUnits &) const = default;
};
/// The units of a run with this loss whose target is scaled by `scaler` (null or identity: not scaled).
LossUnits lossUnits(LossKind kind, const Normalizer *scaler);

/// evaluate(), with the MAE and R² of a regression measured in the target's own units when `scaler` is given
/// (the network's outputs and the targets are both unscaled first), and the loss too when it scales with the
/// target (lossScalesWithTarget; Huber's stays that of the scaled target).
Evaluation evaluateInTargetUnits(Network &net, const TrainData &data, const Normalizer *scaler);

/// Whether target scaling would help: a regression target whose values reach beyond kUnitScaleLimit in
/// magnitude or whose spread is far from 1, judged on the raw targets [targets x N].
bool targetFarFromUnitScale(const Matrix &targets);

} // namespace nnp
