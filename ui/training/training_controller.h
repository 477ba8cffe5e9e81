#pragma once
// The GUI thread's handle on training. It owns the worker thread and the run's state machine. The window
// pushes the project to it at every change (openProject, setProject); the controller decides what an edit
// means for the run: applied live (learning rate, batch size, epoch limit, the layers' L1/L2 rates), a
// rebuild (nothing was trained yet, so nothing is lost), or a stale run the user resets. Commands go to the
// worker as queued calls, each with a sequence number; the worker's snapshots say which command they
// follow, so the controller knows when a snapshot's status is the answer to the latest command and when it
// is older news (a "running" snapshot still on its way after Pause). It never touches the running network.

#include "training/network_picture.h"
#include "training/training_snapshot.h"

#include <QObject>
#include <QThread>

#include <memory>
#include <optional>
#include <stop_token>

namespace nnp {

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    [[nodiscard]] TrainingStatus status() const { return m_status; }
    [[nodiscard]] bool isRunning() const { return m_status == TrainingStatus::Running; }
    /// The project was edited since the run was built, in a way the run cannot take live: Reset applies it.
    [[nodiscard]] bool isStale() const { return m_stale; }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] const std::vector<EpochRecord> &history() const { return m_history; }
    [[nodiscard]] SnapshotPtr lastSnapshot() const { return m_last; }
    /// The weights of the last pause or stop (after divergence: the last finite ones); may be null.
    [[nodiscard]] std::shared_ptr<const TrainedWeights> lastWeights() const { return m_weights; }
    /// The settings the current run uses, with the live changes applied.
    [[nodiscard]] const TrainingConfig &runConfig() const { return m_run.training; }
    /// The graph the current run was built from (with the layers' regularisation changed live since).
    [[nodiscard]] const GraphSpec &runGraph() const { return m_run.graph; }
    /// The project the current run was built from, with the live changes since (without trained weights).
    [[nodiscard]] const Project &runProject() const { return m_run; }
    /// The pace, a notch of training_pace.h (kPaceLevels: as fast as possible, the default).
    [[nodiscard]] int paceLevel() const { return m_paceLevel; }
    [[nodiscard]] quint64 generation() const { return m_generation; }
    [[nodiscard]] const InsightsRequest &insightsRequest() const { return m_insightsRequest; }
    /// Steps asked for in this run that the worker has not reported yet.
    [[nodiscard]] int pendingSteps() const { return static_cast<int>(m_pendingSteps.size()); }

    /// Test hook: the worker sleeps this long before building each run (a slow machine loading big data).
    void setSetupDelayForTesting(int ms);

public slots:
    /// A different project (opened, new, a sample): the run is dropped and a new one built at once, from
    /// the project's stored trained weights when they fit (relative data paths start at `baseDir`).
    void openProject(const nnp::Project &project, const QString &baseDir = {});
    /// The same project, edited. Live settings reach the running trainer at its next batch; other edits
    /// rebuild the run when nothing was trained yet and only Steps were asked for (they carry over to the
    /// new run), else they mark it stale. An edit that undoes the difference clears "stale".
    void setProject(const nnp::Project &project, const QString &baseDir = {});

    void play();
    void pause();
    void togglePlay();
    void step();
    void stepEpoch();
    /// Drops the run and builds a new one from the project, initialised with the seed (stored weights of
    /// the project are not used: Reset means "start again").
    void reset();
    /// Drops the run without building a new one.
    void discard();
    void setPaceLevel(int level);

    // The explain mode (ui/explain): work the worker does only when asked.
    /// Asks for the network as the neuron view draws it (pictureReceived follows).
    void requestPicture(int mapSize);
    /// Pauses and runs one traced training step on these training samples (traceReceived follows).
    void explainStep(const std::vector<int> &samples, int mapSize);
    /// The same on the next `count` samples of the batch the run trains on next
    /// (TrainingWorker::explainNextInBatch).
    void explainNextInBatch(int count, int mapSize);
    /// Sets one weight of a Dense layer (row = neuron, col = input) in the run.
    void setWeight(nnp::NodeId node, int row, int col, double value);
    /// What the open insight views need; kept for later runs. Equal requests are not sent again.
    void setInsightsRequest(const nnp::InsightsRequest &request);

signals:
    void snapshotReceived(nnp::SnapshotPtr snapshot);
    /// A new run began (or the old one was dropped): views clear their curves.
    void runReset();
    void statusChanged(nnp::TrainingStatus status);
    void staleChanged(bool stale);
    void paceLevelChanged(int level);
    void messageChanged(const QString &message);
    void failed(const QString &message);
    /// The network for the neuron view, from the current run.
    void pictureReceived(nnp::PicturePtr picture);
    /// One traced step of the current run, with the network before and after it.
    void traceReceived(nnp::TracePtr trace, nnp::PicturePtr before, nnp::PicturePtr after);

protected:
    bool event(QEvent *e) override;

private:
    /// What the user asked the run to do, as the toolbar shows it until the worker answers.
    enum class Command { Build, Play, Pause, Step, StepEpoch, Explain };
    void onSnapshot(const SnapshotPtr &s);
    void onFailed(quint64 generation, const QString &message);
    /// Queues `f` on the worker under a new sequence number; `command` sets the status the toolbar shows
    /// until a snapshot that follows it arrives.
    template <class F> void post(F &&f, std::optional<Command> command = std::nullopt);
    void setStatus(TrainingStatus s);
    void setStale(bool stale);
    void setMessage(const QString &m);
    /// Builds a run when there is none (Idle, or Failed: nothing is lost by building afresh).
    void ensureRun();
    void build(bool fromStored, bool carrySteps);
    /// Sends the live settings of `training` and the layers' rates of `graph` that differ from the run's.
    void applyLive(const Project &project);

    QThread m_thread;
    TrainingWorker *m_worker = nullptr;       // parentless, lives on m_thread, deleted when it finishes
    std::shared_ptr<const Project> m_project; // the latest project pushed
    QString m_baseDir;
    Project m_run; // what the current run was built from (graph, data, settings; no weights)
    std::stop_source m_stop;
    quint64 m_generation = 0;
    quint64 m_sequence = 0;              // of the last command posted
    quint64 m_statusCommand = 0;         // of the last command that set the status the toolbar shows
    std::vector<quint64> m_pendingSteps; // Step commands of this run not answered yet
    bool m_runTouched = false;           // Play, Step epoch, explain or a weight edit was sent to this run
    TrainingStatus m_status = TrainingStatus::Idle;
    bool m_stale = false;
    QString m_message;
    std::vector<EpochRecord> m_history;
    SnapshotPtr m_last;
    std::shared_ptr<const TrainedWeights> m_weights;
    int m_paceLevel = kPaceLevels;
    int m_setupDelayMs = 0;
    InsightsRequest m_insightsRequest;
};

} // namespace nnp
