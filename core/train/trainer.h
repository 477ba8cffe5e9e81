#pragma once
// Synchronous, Qt-free training: epochs of shuffled mini-batches, the optimizer, the schedule, early stop,
// divergence detection, and one explained step. It never prints; progress goes to a sink.

#include "optimizers/optimizer.h"
#include "schedules/schedule.h"
#include "train/network.h"
#include "train/trace.h"
#include "train/trainer_state.h"
#include "train/training_config.h"

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <stop_token>
#include <vector>

namespace nnp {

enum class RunState { Ready, Running, Finished, ReachedTarget, Stopped, Diverged };

/// When a run has diverged. A training step diverges when its loss is NaN or infinite, when its gradients,
/// the updated weights or BatchNorm's running statistics are not finite, or when the loss has exploded: it
/// is above kExplodedLossFactor times the run's loss scale. The scale is the larger of
///  - the worst per-sample loss of a constant prediction on the training data (the targets' mean for
///    regression, equal probabilities for classification): what a model that learnt nothing gets wrong, and
///  - the loss of the run's first step: where this run started, so a badly scaled start (unnormalised inputs,
///    a poor initialisation) is not called diverged for being large, only for growing.
/// A million times that is beyond anything training recovers from (a learning rate far too high takes the
/// loss to 1e15 and beyond within a few steps while staying finite), and far above the noise of mini-batches.
inline constexpr double kExplodedLossFactor = 1e6;
std::string_view toString(RunState s);

/// What a batch or epoch reports. Implementations must be cheap; they run on the training thread.
class ProgressSink {
public:
    virtual ~ProgressSink() = default;
    virtual void batchDone(long long /*step*/, double /*loss*/) {}
    virtual void epochDone(const EpochRecord & /*record*/) {}
};

/// Loss and metrics of a network on a data split.
struct Evaluation {
    double loss = 0;
    double metric = 0;                       ///< accuracy or MAE, as EpochRecord
    double accuracy = 0;                     ///< classification
    std::vector<std::vector<int>> confusion; ///< classification: [truth][predicted]
    double mae = 0, r2 = 0;                  ///< regression
    std::vector<int> predicted;              ///< classification: class per sample
};

/// Class labels recovered from targets: index rows (SCCE / one-output BCE) or one-hot argmax.
std::vector<int> labelsFromTargets(const Matrix &y, LossKind loss, int outputs);
Evaluation evaluate(Network &net, const TrainData &data);

class Trainer {
public:
    Trainer(Network &net, TrainingConfig config, TrainData train, std::optional<TrainData> validation = {});
    ~Trainer();
    Trainer(const Trainer &) = delete;
    Trainer &operator=(const Trainer &) = delete;

    /// One mini-batch step; returns its loss. Starts a new epoch (and reshuffles) when needed.
    double runBatch();
    /// Runs batches to the end of the current epoch (or until stopped), then evaluates and records it.
    std::optional<EpochRecord> runEpoch(std::stop_token stop = {}, ProgressSink *sink = nullptr);
    /// Epochs until the epoch limit, the target loss, a stop request or divergence. A diverged run goes back
    /// to the weights its diverging epoch started from: those of the last completed epoch (the last record
    /// of history()), or the run's first weights when no epoch completed.
    RunState run(std::stop_token stop = {}, ProgressSink *sink = nullptr);
    /// One training step on exactly these dataset columns, with everything recorded.
    Trace traceStep(std::span<const int> samples);
    /// The dataset columns the next runBatch() trains on. Opens the next epoch (and shuffles) when none is
    /// open, exactly as runBatch() would, so asking does not change what training does.
    std::vector<int> upcomingBatch();

    /// Everything besides the parameters that the next steps depend on (see trainer_state.h).
    [[nodiscard]] TrainerState saveState() const;
    /// Continues from a stored state, on a network holding the weights stored with it and the same data
    /// and configuration. Throws std::invalid_argument when the state does not fit (a tensor missing or
    /// of another shape, a position beyond the data), leaving the trainer unchanged.
    void restoreState(const TrainerState &state);

    // Live changes: they take effect at the next batch.
    void setLearningRate(double lr) { m_config.optimizer.learningRate = lr; }
    void setBatchSize(int n);
    void setRegularization(double l1, double l2);
    /// One Dense layer's own rates (others keep theirs), e.g. to return to the per-layer settings after a
    /// global change. Ignored for ids that are not Dense layers.
    void setLayerRegularization(NodeId id, double l1, double l2);

    [[nodiscard]] RunState state() const { return m_state; }
    [[nodiscard]] int epoch() const { return m_epoch; }     ///< completed epochs
    [[nodiscard]] long long step() const { return m_step; } ///< completed batches
    [[nodiscard]] long long samplesSeen() const { return m_samplesSeen; }
    [[nodiscard]] double currentLearningRate() const;
    [[nodiscard]] const std::vector<EpochRecord> &history() const { return m_history; }
    [[nodiscard]] const TrainingConfig &config() const { return m_config; }
    [[nodiscard]] Network &network() { return m_net; }
    [[nodiscard]] int threadsInUse() const { return m_replica ? 2 : 1; }

private:
    class Helper;
    void startEpoch();
    double stepOn(std::span<const int> cols);
    double replicaPass(Network &net, std::span<const int> cols, Matrix &target);
    double helperPass(std::span<const int> cols);
    double tailStep(std::span<const int> cols);
    static bool gradientsFinite(const std::vector<NodeParam> &params);
    bool statisticsFinite() const;
    bool lossHealthy(double loss);
    bool mergeAndUpdatePart(int part, int parts);
    bool applyUpdate(double loss);
    void diverge();
    bool applySplitUpdate(double loss, bool gradientsFinite);
    void accumulateMetrics(const Matrix &out, std::span<const int> cols);
    EpochRecord finishEpoch();

    Network &m_net;
    TrainingConfig m_config;
    TrainData m_train;
    std::optional<TrainData> m_val;
    std::vector<int> m_labels;
    std::vector<NodeParam> m_params;
    long long m_workPerSample = 0; // Network::forwardMultiplyAddsPerSample()
    std::unique_ptr<Optimizer> m_optimizer;
    Rng m_rng;
    std::vector<int> m_order;
    std::size_t m_pos = 0;
    bool m_epochOpen = false;
    int m_epoch = 0;
    long long m_step = 0;
    long long m_samplesSeen = 0;
    double m_epochLossSum = 0;
    long long m_epochCount = 0;
    long long m_epochCorrect = 0;
    double m_epochAbsErr = 0;
    RunState m_state = RunState::Ready;
    double m_lossScale = 0; // see kExplodedLossFactor; the first step's loss raises it once
    bool m_firstLossSeen = false;
    std::vector<EpochRecord> m_history;
    Matrix m_target;
    std::vector<NodeParam>
        m_statistics;             // BatchNorm running statistics: forward() updates them in training mode
    std::vector<Matrix> m_backup; // parameters at the start of the epoch, restored on divergence
    std::vector<Matrix> m_statisticsBackup; // m_statistics likewise

    // Batch splitting across a second thread (large batches, no BatchNorm).
    std::unique_ptr<Network> m_replica;
    std::vector<NodeParam> m_replicaParams;
    std::unique_ptr<Helper> m_helper;
    Matrix m_replicaTarget;
    bool m_replicaGradsFinite = true;
    std::array<Scalar, 2> m_mergeWeights{};

    // The short last batch of an epoch runs on a copy of the network whose buffers keep that size, so the
    // main network's buffers are not shrunk and grown again once per epoch (no allocation after warm-up).
    std::unique_ptr<Network> m_tail;
    std::vector<NodeParam> m_tailParams;
    Matrix m_tailTarget;
};

} // namespace nnp
