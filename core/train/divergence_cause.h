#pragma once
// Why a run most likely diverged, from what can be seen in the project and its prepared data: an output that
// does not fit the loss, inputs or a regression target far from unit scale, else the learning rate. One rule,
// worded by the app (the training worker) and the CLI (`nnp train`).

#include "graph/validator.h"
#include "io/project.h"

namespace nnp {

struct DivergenceCause {
    enum class Kind {
        OutputLoss,     ///< the output does not fit the loss (fitProblems says so)
        UnscaledInputs, ///< an input the network sees is far from unit scale (no normalisation)
        UnscaledTarget, ///< a regression target is far from unit scale
        LearningRate,   ///< nothing else is visible: the steps are too large
    };
    Kind kind = Kind::LearningRate;
    double magnitude = 0; ///< UnscaledInputs / UnscaledTarget: the largest absolute value seen
    Diagnostic problem;   ///< OutputLoss: what does not fit (its text says the fix)
};

/// Values beyond this magnitude count as "far from unit scale" (z-scored data rarely passes ±5).
inline constexpr double kUnitScaleLimit = 20.0;

DivergenceCause likelyDivergenceCause(const Project &project, const PreparedData &data);

/// The English advice for the CLI ("normalise the inputs (z-score) …").
std::string divergenceAdvice(const DivergenceCause &cause);

} // namespace nnp
