#pragma once
#include <optional>
#include <string_view>
#include <vector>

namespace nnp {

enum class ScheduleKind { Constant, StepDecay, ExponentialDecay, Cosine };

struct ScheduleConfig {
    ScheduleKind kind = ScheduleKind::Constant;
    int stepEpochs = 10;          ///< StepDecay: multiply by gamma every stepEpochs epochs
    double gamma = 0.5;           ///< StepDecay factor; ExponentialDecay: lr = base * gamma^epoch
    double minLearningRate = 0.0; ///< Cosine: the floor reached at the last epoch
    bool operator==(const ScheduleConfig &) const = default;
};

/// The learning rate for 0-based `epoch` of `totalEpochs`.
double scheduledLearningRate(const ScheduleConfig &s, double base, int epoch, int totalEpochs);

std::string_view toString(ScheduleKind k);
std::optional<ScheduleKind> scheduleFromString(std::string_view s);
const std::vector<ScheduleKind> &allSchedules();

} // namespace nnp
