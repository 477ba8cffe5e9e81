#pragma once
// What a training run tells the GUI: immutable values made on the worker thread and shared read-only
// (std::shared_ptr<const ...>), so the GUI never touches the running network.

#include "io/project.h"
#include "io/target_scaling.h"
#include "train/trainer.h"
#include "training/insights_data.h"
#include "training/training_pace.h"

#include <QImage>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace nnp {

/// The run as the toolbar shows it. The core's RunState does not know "paused" or "failed".
enum class TrainingStatus {
    Idle,      ///< nothing built yet (the first Play or Reset builds the run)
    Preparing, ///< the worker is loading data and building the network
    Ready,     ///< built and initialised, nothing trained yet
    Running,
    Paused,
    Finished,      ///< the epoch limit was reached
    ReachedTarget, ///< the training loss reached the target loss
    Diverged,      ///< the loss became NaN or infinite; the weights are the last finite ones
    Failed,        ///< the run could not be built or crashed; the message says why
};

/// Whether Play can continue this run.
bool canContinue(TrainingStatus s);

/// One mini-batch loss, placed on the epoch axis (epoch 2.5 = half-way through the third epoch).
struct LossPoint {
    double epoch = 0;
    double loss = 0;
};

/// The points of a two-feature dataset in their raw coordinates, for the output view.
struct PlanePoints {
    Matrix train, test;                              ///< [2 x N]
    std::vector<int> trainLabels, testLabels;        ///< classification
    std::vector<float> trainValues, testValues;      ///< regression: the (first) target
    int classes = 0;                                 ///< 0 for regression
    double xMin = -6, xMax = 6, yMin = -6, yMax = 6; ///< the square the boundary grid covers
    QString xName, yName;
    QStringList classNames; ///< may be empty: "Class 0", "Class 1" ... are shown
};

/// The network's output over the plane of a two-feature dataset, sampled on a size × size grid
/// (row 0 at yMax, as an image is drawn). Rendered on the worker in both display modes.
struct BoundaryGrid {
    int size = 0;
    int classes = 0; ///< 0: regression (one value per cell)
    std::vector<float>
        values;      ///< regression: value per cell; classification: probability of each class per cell
    QImage smooth;   ///< probabilities blended into class colours
    QImage discrete; ///< the winning class (or the sign of a regression value) per cell
};

/// A stored copy of the trained parameters (and the normaliser), taken when the run pauses or stops, so the
/// window can keep "the last finite state" and save it with the project.
struct TrainedWeights {
    std::vector<StoredTensor> tensors;
    Normalizer normalizer;
    Normalizer targetScaler;            ///< identity unless the project scales its regression target
    std::optional<CsvSchema> csvSchema; ///< CSV data: how rows were encoded (prediction needs it)
    /// The optimizer's moments and steps, the epoch and position, Dropout's streams (none after a
    /// divergence).
    std::optional<TrainerState> trainerState;
    [[nodiscard]] bool allFinite() const;
};

struct TrainingSnapshot {
    quint64 generation = 0; ///< which Reset this belongs to; older ones are dropped by the controller
    quint64 command = 0;    ///< the controller's sequence number of the last command the worker had taken
    TrainingStatus status = TrainingStatus::Idle;
    QString message; ///< shown to the user (divergence, failure, "epoch limit reached")

    std::vector<LossPoint> lossPoints; ///< mini-batch losses since the previous snapshot (may be averaged)
    std::vector<EpochRecord> epochs;   ///< epochs completed since the previous snapshot
    /// A scaled regression target: how the losses above (in the scaled target's units, as the trainer and
    /// the project file keep them) read in the target's own units.
    LossUnits lossUnits;

    int epoch = 0;      ///< completed epochs
    long long step = 0; ///< completed batches
    long long samplesSeen = 0;
    int trainSamples = 0;
    double learningRate = 0; ///< the value the next batch uses (after the schedule)
    int batchSize = 0;
    long long parameterCount = 0;

    std::shared_ptr<const PlanePoints> plane;      ///< null when the data is not two-dimensional
    std::shared_ptr<const BoundaryGrid> boundary;  ///< latest grid (may be shared with earlier snapshots)
    std::shared_ptr<const TrainedWeights> weights; ///< set when the run pauses, stops or diverges
    std::shared_ptr<const Insights> insights;      ///< what the open insight views asked for (may be null)
};

using SnapshotPtr = std::shared_ptr<const TrainingSnapshot>;

/// Live regularisation from the toolbar: PerLayer keeps what each Dense layer says.
enum class RegularizationKind { PerLayer, None, L1, L2 };

} // namespace nnp

Q_DECLARE_METATYPE(nnp::SnapshotPtr)
