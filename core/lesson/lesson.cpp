#include "lesson/lesson.h"

#include <algorithm>
#include <array>
#include <utility>

namespace nnp {

namespace {

constexpr std::array<std::pair<LessonControl, std::string_view>, 9> kControlNames{{
    {LessonControl::LearningRate, "learning_rate"},
    {LessonControl::Optimizer, "optimizer"},
    {LessonControl::BatchSize, "batch_size"},
    {LessonControl::Epochs, "epochs"},
    {LessonControl::Loss, "loss"},
    {LessonControl::Activation, "activation"},
    {LessonControl::Regularization, "regularization"},
    {LessonControl::Network, "network"},
    {LessonControl::Data, "data"},
}};

constexpr std::array<std::pair<GoalKind, std::string_view>, 13> kGoalNames{{
    {GoalKind::None, "none"},
    {GoalKind::TestAccuracyAtLeast, "test_accuracy_at_least"},
    {GoalKind::TrainAccuracyAtLeast, "train_accuracy_at_least"},
    {GoalKind::TrainLossAtMost, "train_loss_at_most"},
    {GoalKind::TestLossAtMost, "test_loss_at_most"},
    {GoalKind::Diverged, "diverged"},
    {GoalKind::Stalled, "stalled"},
    {GoalKind::EpochsAtLeast, "epochs_at_least"},
    {GoalKind::Edited, "edited"},
    {GoalKind::Overfitting, "overfitting"},
    {GoalKind::ExplainedForward, "explained_forward"},
    {GoalKind::ExplainedBackward, "explained_backward"},
    {GoalKind::ExplainedUpdate, "explained_update"},
}};

} // namespace

bool isLessonPanel(std::string_view name)
{
    return std::find(std::begin(kLessonPanels), std::end(kLessonPanels), name) != std::end(kLessonPanels);
}

std::string_view toString(LessonControl c)
{
    for (const auto &[k, n] : kControlNames)
        if (k == c) return n;
    return "?";
}

std::optional<LessonControl> lessonControlFromString(std::string_view s)
{
    for (const auto &[k, n] : kControlNames)
        if (n == s) return k;
    return std::nullopt;
}

const std::vector<LessonControl> &allLessonControls()
{
    static const std::vector<LessonControl> all = [] {
        std::vector<LessonControl> r;
        for (const auto &[k, n] : kControlNames)
            r.push_back(k);
        return r;
    }();
    return all;
}

std::string_view toString(GoalKind k)
{
    for (const auto &[g, n] : kGoalNames)
        if (g == k) return n;
    return "?";
}

std::optional<GoalKind> goalKindFromString(std::string_view s)
{
    for (const auto &[g, n] : kGoalNames)
        if (n == s) return g;
    return std::nullopt;
}

const std::vector<GoalKind> &allGoalKinds()
{
    static const std::vector<GoalKind> all = [] {
        std::vector<GoalKind> r;
        for (const auto &[g, n] : kGoalNames)
            r.push_back(g);
        return r;
    }();
    return all;
}

GoalParameters goalParameters(GoalKind k)
{
    switch (k) {
    case GoalKind::None:
    case GoalKind::Diverged:
    case GoalKind::ExplainedForward:
    case GoalKind::ExplainedBackward:
    case GoalKind::ExplainedUpdate:
        return {};
    case GoalKind::TestAccuracyAtLeast:
    case GoalKind::TrainAccuracyAtLeast:
    case GoalKind::TrainLossAtMost:
    case GoalKind::TestLossAtMost:
        return {.value = true, .epochsOptional = true};
    case GoalKind::Stalled:
        return {.percent = true, .epochs = true};
    case GoalKind::EpochsAtLeast:
        return {.epochs = true};
    case GoalKind::Edited:
        return {.control = true};
    case GoalKind::Overfitting:
        return {.percent = true};
    }
    return {};
}

const std::string &localized(const LessonText &text, std::string_view language)
{
    if (language.substr(0, 2) == "zh" && !text.zh.empty()) return text.zh;
    return text.en;
}

} // namespace nnp
