#include "schedules/schedule.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <utility>

namespace nnp {

double scheduledLearningRate(const ScheduleConfig &s, double base, int epoch, int totalEpochs)
{
    switch (s.kind) {
    case ScheduleKind::Constant:
        return base;
    case ScheduleKind::StepDecay:
        return base * std::pow(s.gamma, epoch / std::max(1, s.stepEpochs));
    case ScheduleKind::ExponentialDecay:
        return base * std::pow(s.gamma, epoch);
    case ScheduleKind::Cosine: {
        const double t = totalEpochs <= 1 ? 0.0 : std::min(1.0, double(epoch) / double(totalEpochs - 1));
        return s.minLearningRate + 0.5 * (base - s.minLearningRate) * (1.0 + std::cos(std::numbers::pi * t));
    }
    }
    return base;
}

namespace {
constexpr std::array<std::pair<ScheduleKind, std::string_view>, 4> kNames{{
    {ScheduleKind::Constant, "constant"},
    {ScheduleKind::StepDecay, "step"},
    {ScheduleKind::ExponentialDecay, "exponential"},
    {ScheduleKind::Cosine, "cosine"},
}};
}

std::string_view toString(ScheduleKind k)
{
    for (const auto &[kind, name] : kNames)
        if (kind == k) return name;
    return "?";
}

std::optional<ScheduleKind> scheduleFromString(std::string_view s)
{
    for (const auto &[kind, name] : kNames)
        if (name == s) return kind;
    return std::nullopt;
}

const std::vector<ScheduleKind> &allSchedules()
{
    static const std::vector<ScheduleKind> v{ScheduleKind::Constant, ScheduleKind::StepDecay,
                                             ScheduleKind::ExponentialDecay, ScheduleKind::Cosine};
    return v;
}

} // namespace nnp
