#pragma once
// Whether a lesson step's goal is met: a pure function of the run's epoch history, whether it diverged, and
// the project now and as the step found it. The app calls it after every snapshot and every edit.

#include "io/project.h"
#include "io/target_scaling.h"
#include "lesson/lesson.h"
#include "train/training_config.h"

#include <optional>
#include <vector>

namespace nnp {

/// What a run has shown so far.
struct LessonRunFacts {
    std::vector<EpochRecord>
        history; ///< the current run's completed epochs (testLoss / testMetric when known)
    bool diverged = false;
    /// The units the run's losses are shown in (a scaled regression target): a goal's loss and MAE are read
    /// in them, as the curves show them. The history keeps the scaled values the trainer computed.
    LossUnits units;
    /// How far the explain walk went since the step began (the app follows its phases).
    struct ExplainWalk {
        bool forward = false;  ///< a forward pass stepped through to the output layer
        bool backward = false; ///< a backward pass stepped back to the first hidden layer
        bool update = false;   ///< the Update phase shown
    } explained;
};

struct GoalProgress {
    bool met = false;
    /// The number the goal watches, now (accuracy, loss, epochs, the stalled window's fall in % or the test
    /// loss's rise in %); empty while there is nothing to measure (no epoch yet, no test split).
    std::optional<double> current;
};

GoalProgress evaluateGoal(const LessonGoal &goal, const LessonRunFacts &run, const Project &atStepStart,
                          const Project &now);

/// Which control owns a layer option: Activation ("activation", "leaky_slope", "elu_alpha"), Regularization
/// ("l1", "l2", Dropout's "rate") or Network (every other option). The app locks the option's editor by it.
LessonControl controlOfOption(std::string_view optionName);

/// Whether `control` differs between two projects (what `edited` checks; positions and names are ignored).
bool controlDiffers(LessonControl control, const Project &a, const Project &b);

} // namespace nnp
