#include "train/divergence_cause.h"

#include "train/fit_check.h"

#include <cmath>
#include <sstream>

namespace nnp {

namespace {
double largestMagnitude(const Matrix &m)
{
    return m.size() == 0 ? 0.0 : static_cast<double>(m.cwiseAbs().maxCoeff());
}
} // namespace

DivergenceCause likelyDivergenceCause(const Project &project, const PreparedData &data)
{
    const ValidationResult v = validate(project.graph);
    DataFacts facts = dataFacts(data.full);
    facts.targetScaled = true; // an unscaled target is named below, with its magnitude
    if (const auto problems = fitProblems(project.graph, v, project.training.loss, &facts); !problems.empty())
        return {DivergenceCause::Kind::OutputLoss, 0, problems.front().diagnostic};
    if (const double x = largestMagnitude(data.train.x); x > kUnitScaleLimit)
        return {DivergenceCause::Kind::UnscaledInputs, x, {}};
    if (data.full.task == TaskKind::Regression)
        if (const double y = largestMagnitude(data.train.y); y > kUnitScaleLimit)
            return {DivergenceCause::Kind::UnscaledTarget, y, {}};
    return {};
}

std::string divergenceAdvice(const DivergenceCause &cause)
{
    std::ostringstream s;
    switch (cause.kind) {
    case DivergenceCause::Kind::OutputLoss:
        s << cause.problem.message();
        break;
    case DivergenceCause::Kind::UnscaledInputs:
        s << "the inputs reach " << cause.magnitude
          << ", far from unit scale; normalise them (preprocessing: zscore), then try again.";
        break;
    case DivergenceCause::Kind::UnscaledTarget:
        s << "the target reaches " << cause.magnitude
          << ", far from unit scale, so the first errors and steps are huge; scale the target "
             "(preprocessing: "
             "scale_target, or `nnp new` does it), or try a smaller learning rate.";
        break;
    case DivergenceCause::Kind::LearningRate:
        s << "try a smaller learning rate.";
        break;
    }
    return s.str();
}

} // namespace nnp
