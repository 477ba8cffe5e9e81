#include "training/training_snapshot.h"

#include <algorithm>
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

} // namespace nnp
