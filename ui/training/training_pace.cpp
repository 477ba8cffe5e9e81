#include "training/training_pace.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace nnp {

namespace {
using U = TrainingPace::Unit;
constexpr std::array<TrainingPace, kPaceLevels> kLevels = {{
    {U::Steps, 1},
    {U::Steps, 2},
    {U::Steps, 5},
    {U::Steps, 10},
    {U::Steps, 30},
    {U::Epochs, 1},
    {U::Epochs, 2},
    {U::Epochs, 5},
    {U::Epochs, 10},
    {U::Epochs, 30},
    {U::Epochs, 100},
    {U::Unlimited, 0},
}};
constexpr int kFirstEpochLevel = 6;
constexpr double kLessonSeconds = 60; // how long a sample's run should take at its opening pace
} // namespace

TrainingPace paceForLevel(int level)
{
    return kLevels[static_cast<std::size_t>(std::clamp(level, 1, kPaceLevels) - 1)];
}

double batchesPerSecond(int level, double batchesPerEpoch)
{
    level = std::clamp(level, 1, kPaceLevels);
    double rate = 0;
    for (int l = 1; l <= level; ++l) {
        const TrainingPace p = paceForLevel(l);
        if (p.unit == U::Unlimited) return 0;
        rate =
            std::max(rate, p.unit == U::Steps ? p.perSecond : p.perSecond * std::max(1.0, batchesPerEpoch));
    }
    return rate;
}

int defaultPaceLevel(int epochLimit)
{
    const double wanted = epochLimit > 0 ? epochLimit / kLessonSeconds : 5.0;
    int best = kFirstEpochLevel;
    for (int l = kFirstEpochLevel; l < kPaceLevels; ++l) // the nearest epochs/s notch, on a log scale
        if (std::abs(std::log(paceForLevel(l).perSecond / wanted)) <
            std::abs(std::log(paceForLevel(best).perSecond / wanted)))
            best = l;
    return best;
}

} // namespace nnp
