#pragma once
// A guided lesson that a project may carry: ordered steps, each with a title and a text in English and
// Chinese, the panels it shows, the controls it locks and a goal the app checks live while the student
// trains. Plain values; the project file (core/io) reads and writes them, lesson_goal.h evaluates goals.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

/// What a step can lock, and what an `edited` goal watches. One list: the file's names, the app's widgets
/// (ui/lesson/lesson_locks.cpp) and the comparison of two projects (lesson_goal.cpp) all follow it.
enum class LessonControl {
    LearningRate,   ///< "learning_rate"
    Optimizer,      ///< "optimizer": the kind and its settings other than the learning rate
    BatchSize,      ///< "batch_size"
    Epochs,         ///< "epochs": the epoch limit
    Loss,           ///< "loss"
    Activation,     ///< "activation": every layer's activation (and its slope / alpha)
    Regularization, ///< "regularization": the layers' L1 / L2 rates and Dropout's rate
    Network,        ///< "network": layers, wires and their other options
    Data,           ///< "data": the data source, its noise and size, normalisation and split
};

enum class GoalKind {
    None, ///< "none": met at once (a step to read)
    /// The four thresholds below take an optional `epochs`: met only once that many epochs are trained
    /// ("the test loss is still low after 150 epochs").
    TestAccuracyAtLeast,  ///< "test_accuracy_at_least": value in [0, 1]
    TrainAccuracyAtLeast, ///< "train_accuracy_at_least": value in [0, 1]
    TrainLossAtMost,      ///< "train_loss_at_most": value
    TestLossAtMost,       ///< "test_loss_at_most": value
    Diverged,             ///< "diverged": the run diverged
    Stalled, ///< "stalled": over the last `epochs` epochs the training loss fell by less than `percent` %
    EpochsAtLeast, ///< "epochs_at_least": at least `epochs` epochs trained
    Edited,        ///< "edited": `control` differs from what the step started with
    Overfitting, ///< "overfitting": the test loss rose `percent` % above its lowest while training loss fell
    /// The explain walk (Explain step, then Next) during this step reached …
    ExplainedForward,  ///< "explained_forward": … the output layer of the forward pass
    ExplainedBackward, ///< "explained_backward": … the first hidden layer of the backward pass (δ went all
                       ///< the way)
    ExplainedUpdate,   ///< "explained_update": … the Update phase (W ← W − α ∂E/∂W)
};

struct LessonText {
    std::string en, zh;
    bool operator==(const LessonText &) const = default;
};

struct LessonGoal {
    GoalKind kind = GoalKind::None;
    double value = 0;   ///< the accuracy or loss threshold
    double percent = 0; ///< stalled, overfitting
    int epochs = 0;     ///< stalled (the window), epochs_at_least; the thresholds: at least this many epochs
    LessonControl control = LessonControl::LearningRate; ///< edited
    bool operator==(const LessonGoal &) const = default;
};

struct LessonStep {
    LessonText title, text;
    std::vector<std::string> panels;   ///< names of kLessonPanels shown (empty: the window as it is)
    std::vector<LessonControl> locked; ///< controls the student cannot change in this step
    LessonGoal goal;
    bool operator==(const LessonStep &) const = default;
};

struct Lesson {
    std::vector<LessonStep> steps;
    bool operator==(const Lesson &) const = default;
};

/// The panels a step may name, as the file writes them (the app maps each to its dock).
inline constexpr std::string_view kLessonPanels[] = {
    "layers",    "inspector",   "data",      "output", "curves",       "neurons", "explain",
    "gradients", "layer_stats", "confusion", "probe",  "feature_maps", "kernels"};
bool isLessonPanel(std::string_view name);

inline constexpr std::size_t kMaxLessonSteps = 64;
inline constexpr std::size_t kMaxLessonText = 8000;

std::string_view toString(LessonControl c);
std::optional<LessonControl> lessonControlFromString(std::string_view s);
const std::vector<LessonControl> &allLessonControls();

std::string_view toString(GoalKind k);
std::optional<GoalKind> goalKindFromString(std::string_view s);
const std::vector<GoalKind> &allGoalKinds();

/// Which of value / percent / epochs / control a goal of this kind needs (the reader refuses the others).
struct GoalParameters {
    bool value = false, percent = false, epochs = false, control = false;
    bool epochsOptional = false; ///< "epochs" may be given
};
GoalParameters goalParameters(GoalKind k);

/// The text in the language `language` ("zh", "zh_CN" …): Chinese when asked for and present, else English.
const std::string &localized(const LessonText &text, std::string_view language);

} // namespace nnp
