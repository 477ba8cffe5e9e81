#include "lesson/lesson_goal.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace nnp {

namespace {

bool isActivationOption(std::string_view name)
{
    return controlOfOption(name) == LessonControl::Activation;
}

bool isRegularizationOption(std::string_view name)
{
    return controlOfOption(name) == LessonControl::Regularization;
}

using OptionMap = std::map<std::string, OptionValue, std::less<>>;

template <class Keep> OptionMap optionsWhere(const NodeSpec &n, Keep keep)
{
    OptionMap r;
    for (const auto &[name, value] : n.options.values())
        if (keep(std::string_view(name))) r.emplace(name, value);
    return r;
}

/// The options `keep` selects differ on a layer both graphs have (layers added or removed are "network").
template <class Keep> bool nodeOptionsDiffer(const GraphSpec &a, const GraphSpec &b, Keep keep)
{
    for (const NodeSpec &na : a.nodes)
        if (const NodeSpec *nb = b.find(na.id))
            if (na.kind == nb->kind && optionsWhere(na, keep) != optionsWhere(*nb, keep)) return true;
    return false;
}

/// The graph without layout, names and the options other controls own.
bool structureDiffers(const GraphSpec &a, const GraphSpec &b)
{
    if (a.nodes.size() != b.nodes.size() || a.edges.size() != b.edges.size()) return true;
    const auto structural = [](std::string_view n) {
        return !isActivationOption(n) && !isRegularizationOption(n);
    };
    for (const NodeSpec &na : a.nodes) {
        const NodeSpec *nb = b.find(na.id);
        if (!nb || nb->kind != na.kind || optionsWhere(na, structural) != optionsWhere(*nb, structural))
            return true;
    }
    for (const EdgeSpec &e : a.edges)
        if (std::find(b.edges.begin(), b.edges.end(), e) == b.edges.end()) return true;
    return false;
}

std::optional<double> lastValue(const std::vector<EpochRecord> &h, std::optional<double> EpochRecord::*field)
{
    if (h.empty()) return std::nullopt;
    return h.back().*field;
}

GoalProgress atLeast(std::optional<double> current, double threshold)
{
    return {current && std::isfinite(*current) && *current >= threshold, current};
}

GoalProgress atMost(std::optional<double> current, double threshold)
{
    return {current && std::isfinite(*current) && *current <= threshold, current};
}

/// The training loss's fall over the last `window` epochs, in % of where the window began.
GoalProgress stalled(const LessonGoal &goal, const LessonRunFacts &run)
{
    const auto &h = run.history;
    const std::size_t window = static_cast<std::size_t>(std::max(goal.epochs, 1));
    if (run.diverged || h.size() < window + 1) return {};
    const double before = h[h.size() - 1 - window].trainLoss, after = h.back().trainLoss;
    if (!std::isfinite(before) || !std::isfinite(after) || before <= 0) return {};
    const double fall = 100.0 * (before - after) / before;
    return {fall < goal.percent, fall};
}

/// How far (in %) the last test loss lies above the lowest one, when the training loss fell meanwhile.
GoalProgress overfitting(const LessonGoal &goal, const LessonRunFacts &run)
{
    const auto &h = run.history;
    std::optional<std::size_t> best;
    for (std::size_t i = 0; i < h.size(); ++i)
        if (h[i].testLoss && std::isfinite(*h[i].testLoss) && (!best || *h[i].testLoss < *h[*best].testLoss))
            best = i;
    if (!best || !h.back().testLoss || !std::isfinite(*h.back().testLoss) || *h[*best].testLoss <= 0)
        return {};
    const double rise = 100.0 * (*h.back().testLoss - *h[*best].testLoss) / *h[*best].testLoss;
    const bool trainFell = h.back().trainLoss < h[*best].trainLoss;
    return {trainFell && rise >= goal.percent, rise};
}

} // namespace

LessonControl controlOfOption(std::string_view name)
{
    // The names the layer kinds declare (layers/activations.h, dense.h, conv2d.h, simple_layers.h).
    if (name == "activation" || name == "leaky_slope" || name == "elu_alpha")
        return LessonControl::Activation;
    if (name == "l1" || name == "l2" || name == "rate") return LessonControl::Regularization;
    return LessonControl::Network;
}

bool controlDiffers(LessonControl control, const Project &a, const Project &b)
{
    const TrainingConfig &ta = a.training, &tb = b.training;
    switch (control) {
    case LessonControl::LearningRate:
        return ta.optimizer.learningRate != tb.optimizer.learningRate;
    case LessonControl::Optimizer: {
        OptimizerConfig oa = ta.optimizer, ob = tb.optimizer;
        ob.learningRate = oa.learningRate;
        return oa != ob;
    }
    case LessonControl::BatchSize:
        return ta.batchSize != tb.batchSize;
    case LessonControl::Epochs:
        return ta.epochs != tb.epochs;
    case LessonControl::Loss:
        return !(ta.loss == tb.loss);
    case LessonControl::Activation:
        return nodeOptionsDiffer(a.graph, b.graph, isActivationOption);
    case LessonControl::Regularization:
        return nodeOptionsDiffer(a.graph, b.graph, isRegularizationOption);
    case LessonControl::Network:
        return structureDiffers(a.graph, b.graph);
    case LessonControl::Data:
        return !(a.data == b.data) || !(a.preprocessing == b.preprocessing);
    }
    return false;
}

GoalProgress evaluateGoal(const LessonGoal &goal, const LessonRunFacts &run, const Project &atStepStart,
                          const Project &now)
{
    std::vector<EpochRecord> shown;
    if (run.units.scaled) // the values the curves show (in the target's units)
        for (const EpochRecord &r : run.history)
            shown.push_back(run.units.shown(r));
    const auto &h = run.units.scaled ? shown : run.history;
    const int trained = h.empty() ? 0 : h.back().epoch;
    const auto afterEpochs = [&](GoalProgress g) {
        g.met = g.met && trained >= goal.epochs;
        return g;
    };
    switch (goal.kind) {
    case GoalKind::None:
        return {true, std::nullopt};
    case GoalKind::TestAccuracyAtLeast:
        return afterEpochs(atLeast(lastValue(h, &EpochRecord::testMetric), goal.value));
    case GoalKind::TrainAccuracyAtLeast:
        return afterEpochs(
            atLeast(h.empty() ? std::nullopt : std::optional<double>(h.back().trainMetric), goal.value));
    case GoalKind::TrainLossAtMost:
        return afterEpochs(
            atMost(h.empty() ? std::nullopt : std::optional<double>(h.back().trainLoss), goal.value));
    case GoalKind::TestLossAtMost:
        return afterEpochs(atMost(lastValue(h, &EpochRecord::testLoss), goal.value));
    case GoalKind::Diverged:
        return {run.diverged, std::nullopt};
    case GoalKind::Stalled:
        return stalled(goal, run);
    case GoalKind::EpochsAtLeast:
        return {trained >= goal.epochs, static_cast<double>(trained)};
    case GoalKind::Edited:
        return {controlDiffers(goal.control, atStepStart, now), std::nullopt};
    case GoalKind::Overfitting:
        return overfitting(goal, run);
    case GoalKind::ExplainedForward:
        return {run.explained.forward, std::nullopt};
    case GoalKind::ExplainedBackward:
        return {run.explained.backward, std::nullopt};
    case GoalKind::ExplainedUpdate:
        return {run.explained.update, std::nullopt};
    }
    return {};
}

} // namespace nnp
