#pragma once
// What a project says about training, and what a run records: plain values, no network. The project file
// (core/io/project.h) holds them without knowing the trainer.

#include "losses/loss.h"
#include "optimizers/optimizer.h"
#include "schedules/schedule.h"
#include "tensor.h"

#include <cstdint>
#include <optional>

namespace nnp {

struct TrainingConfig {
    LossParams loss;
    OptimizerConfig optimizer;
    ScheduleConfig schedule;
    int batchSize = 10;
    int epochs = 100;        ///< stop after this many epochs
    double targetLoss = 0.0; ///< stop when the epoch's training loss is at or below it (0: off)
    std::uint64_t seed = 1;  ///< shuffling, dropout
    bool shuffle = true;
    int threads = 1; ///< split large batches across this many threads (1 or 2)
    bool operator==(const TrainingConfig &) const = default;
};

struct EpochRecord {
    int epoch = 0; ///< 1-based: the number of epochs completed
    double trainLoss = 0;
    double trainMetric = 0; ///< accuracy (classification) or MAE (regression)
    std::optional<double> valLoss, valMetric;
    double learningRate = 0;
    /// The test split's loss after the epoch, when the app's run computes it for its curves (the trainer and
    /// the project file leave it empty: the test split is for the end).
    std::optional<double> testLoss;
    std::optional<double> testMetric; ///< likewise: the test split's accuracy (or MAE) after the epoch
};

/// A data split as the trainer sees it: inputs [features x N], targets in the loss's layout.
struct TrainData {
    Matrix x;
    Matrix y;
};

} // namespace nnp
