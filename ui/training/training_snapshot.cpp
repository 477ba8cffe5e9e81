#include "training/training_snapshot.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace nnp {

bool canContinue(TrainingStatus s)
{
    switch (s) {
    case TrainingStatus::Ready:
    case TrainingStatus::Running:
    case TrainingStatus::Paused:
        return true;
    default:
        return false;
    }
}

bool TrainedWeights::allFinite() const
{
    return std::all_of(tensors.begin(), tensors.end(), [](const StoredTensor &t) {
        return std::all_of(t.values.begin(), t.values.end(), [](float v) { return std::isfinite(v); });
    });
}

TrainingSpeed speedForLevel(int level)
{
    // Slow levels show single steps a class can follow; the fast ones fill each ~15 ms chunk.
    static constexpr std::array<TrainingSpeed, kSpeedLevels> kLevels = {{
        {1, 500}, // two steps a second
        {1, 100},
        {1, 20},
        {10, 15},
        {0, 15}, // about half the machine
        {0, 0},  // flat out
    }};
    return kLevels[static_cast<std::size_t>(std::clamp(level, 1, kSpeedLevels) - 1)];
}

} // namespace nnp
