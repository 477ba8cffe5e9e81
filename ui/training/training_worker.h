#pragma once
// The object that trains, living on the controller's QThread. It trains in short chunks and re-queues
// itself with a timer, so commands (pause, step, a new learning rate) arrive between chunks as ordinary
// queued calls; a stop token checked per batch makes a reset or shutdown prompt. Progress leaves only as
// immutable snapshots, at most ~30 per second plus one at every change of state.

#include "train/trace.h"
#include "training/network_picture.h"
#include "training/training_snapshot.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>
#include <stop_token>

class QTimer;

namespace nnp {

class InsightsEngine;
class TrainingSession;

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    TrainingWorker();
    ~TrainingWorker() override;

    // Everything below runs on the worker's thread: the controller queues each call. None throws; a
    // failure becomes failed() and a snapshot with status Failed.

    /// The controller's sequence number of the command about to run; snapshots carry the latest.
    void acknowledge(quint64 command) { m_command = command; }
    /// Drops the current run and builds a new one from `project` (paths relative to `baseDir`). A setup
    /// whose run was already replaced (its stop token is set: a burst of edits) builds nothing.
    /// `delayMs`: a test's stand-in for a slow machine, slept before building.
    void setup(std::shared_ptr<const Project> project, const QString &baseDir, std::stop_token stop,
               quint64 generation, int delayMs);
    void play();
    void pause();
    void step();      ///< one mini-batch, then paused
    void stepEpoch(); ///< to the end of the current epoch, then paused
    void setLearningRate(double lr);
    void setBatchSize(int n);
    void setEpochLimit(int epochs);
    /// New L1/L2 rates of the Dense layers (by node id); used while the regularisation is "Per layer".
    void setLayerRegularization(const GraphSpec &graph);
    /// The pace, a notch of training_pace.h (kPaceLevels: as fast as possible).
    void setPace(int level);
    void setBoundarySize(int size);
    /// What the open insight views need (computed at a bounded rate; nothing when nothing is asked).
    void setInsightsRequest(const InsightsRequest &request);

    // The explain mode (ui/explain). Nothing of it runs unless the GUI asks.
    /// Reads the network for the neuron view (heatmaps mapSize² when the data is a plane); emits
    /// pictureReady.
    void requestPicture(int mapSize);
    /// One traced training step on exactly these training columns (then paused): emits traceReady with the
    /// pictures before and after the step, then a snapshot (the boundary redraws).
    /// Explains the next `count` samples of the trainer's upcoming mini-batch: each call takes the following
    /// ones, so a class can walk through the batch the run would train on next.
    void explainNextInBatch(int count, int mapSize);
    void explainStep(std::vector<int> samples, int mapSize);
    /// Sets one weight of a Dense layer (row = neuron, col = input) in the running network.
    void setWeight(NodeId node, int row, int col, double value);

signals:
    void snapshotReady(nnp::SnapshotPtr snapshot);
    void pictureReady(quint64 generation, nnp::PicturePtr picture);
    void traceReady(quint64 generation, nnp::TracePtr trace, nnp::PicturePtr before, nnp::PicturePtr after);
    void failed(quint64 generation, const QString &message);

protected:
    bool event(QEvent *e) override;

private:
    enum class Mode { Paused, Running, SteppingEpoch };
    template <class F> void guarded(F &&f);
    void runChunk();
    /// One batch and what follows from it; false when the run has stopped (diverged, finished ...).
    bool trainOneBatch();
    bool afterEpoch();
    /// "Training diverged in epoch N …" with the likely cause the run can see.
    [[nodiscard]] QString divergedMessage(int epoch) const;
    void stopWith(TrainingStatus status, const QString &message);
    void publish(bool force);
    void fail(const QString &message);
    void scheduleNext();
    /// Batches a second the pace allows now (0: no limit); stepping an epoch goes flat out.
    [[nodiscard]] double paceRate() const;
    void restartPace();
    PicturePtr makePicture(int mapSize);
    /// While paused: a snapshot with the insights for a new request (no weights, no new boundary).
    void publishInsights();
    /// The run's counters, rate, sizes and plane, as every snapshot carries them.
    void fillCounters(TrainingSnapshot &s) const;

    std::vector<int> m_nextBatch; // the upcoming batch "Next in batch" walks through
    std::size_t m_nextCursor = 0; // how far it got
    std::unique_ptr<TrainingSession> m_session;
    QTimer *m_timer = nullptr; // a child: it moves to the thread with the worker
    Mode m_mode = Mode::Paused;
    TrainingStatus m_status = TrainingStatus::Idle;
    QString m_message;
    std::stop_token m_stop;
    quint64 m_generation = 0;
    quint64 m_command = 0; ///< the controller's sequence number of the command being (or last) run
    int m_paceLevel = kPaceLevels;
    QElapsedTimer m_paceClock; ///< since the pace (or Play) last started
    double m_paceBatches = 0;  ///< batches trained since then
    int m_epochLimit = 0;
    int m_epochOffset = 0; ///< epochs of the stored weights the run started from
    int m_boundarySize = 100;

    std::vector<LossPoint> m_pendingLoss;
    std::vector<EpochRecord> m_pendingEpochs;
    std::shared_ptr<const BoundaryGrid> m_boundary;
    QElapsedTimer m_sinceSnapshot, m_sinceBoundary;
    qint64 m_boundaryCostMs = 0;
    std::unique_ptr<InsightsEngine> m_insights;
    InsightsRequest m_insightsRequest;
};

} // namespace nnp
