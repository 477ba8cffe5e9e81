#pragma once
// The GUI thread's handle on training. It owns the worker thread, takes a copy of the project when a run
// starts (Reset or the first Play), sends commands to the worker as queued calls and turns the worker's
// snapshots into the run's history and state for the views. It never touches the running network.

#include "explain/network_picture.h"
#include "training/training_snapshot.h"

#include <QObject>
#include <QThread>

#include <functional>
#include <stop_token>

namespace nnp {

class TrainingWorker;

/// What a run is built from: the project and the folder its relative data paths start from.
struct RunInput {
    Project project;
    QString baseDir;
};

class TrainingController : public QObject {
    Q_OBJECT
public:
    explicit TrainingController(QObject *parent = nullptr);
    ~TrainingController() override;

    /// Where Reset (and the first Play) takes the project from; asked only at those moments.
    void setSource(std::function<RunInput()> source);
    /// A fixed project (tests, or a window without a document).
    void setProject(Project project, const QString &baseDir = {});

    [[nodiscard]] TrainingStatus status() const { return m_status; }
    [[nodiscard]] bool isRunning() const { return m_status == TrainingStatus::Running; }
    /// The project was edited since the run was built: Reset applies the edit.
    [[nodiscard]] bool isStale() const { return m_stale; }
    /// The project was edited since the run was built and nothing was trained since (sourceChanged()).
    [[nodiscard]] bool isSourceChanged() const { return m_sourceChanged; }
    /// Steps asked for since the run was built that it has not reported yet (it is still Preparing or Ready).
    [[nodiscard]] int pendingSteps() const
    {
        return m_status == TrainingStatus::Preparing || m_status == TrainingStatus::Ready ? m_stepsRequested
                                                                                          : 0;
    }
    [[nodiscard]] QString message() const { return m_message; }
    [[nodiscard]] const std::vector<EpochRecord> &history() const { return m_history; }
    [[nodiscard]] SnapshotPtr lastSnapshot() const { return m_last; }
    /// The weights of the last pause or stop (after divergence: the last finite ones); may be null.
    [[nodiscard]] std::shared_ptr<const TrainedWeights> lastWeights() const { return m_weights; }
    /// The settings the current run uses, with the live changes applied.
    [[nodiscard]] const TrainingConfig &runConfig() const { return m_runConfig; }
    /// The graph the current run was built from (with the layers' regularisation changed live since).
    [[nodiscard]] const GraphSpec &runGraph() const { return m_runGraph; }
    [[nodiscard]] RegularizationKind regularizationKind() const { return m_regKind; }
    [[nodiscard]] double regularizationRate() const { return m_regRate; }
    [[nodiscard]] int speedLevel() const { return m_speedLevel; }
    [[nodiscard]] quint64 generation() const { return m_generation; }
    [[nodiscard]] const InsightsRequest &insightsRequest() const { return m_insightsRequest; }

public slots:
    void play();
    void pause();
    void togglePlay();
    void step();
    void stepEpoch();
    /// Drops the run and builds a new one from the source, initialised with the seed (stored weights of
    /// the project are not used: Reset means "start again").
    void reset();
    /// Drops the run and builds a new one from the source, starting from the project's stored trained
    /// weights when they fit (an opened trained project), else from the seed. The window uses it after
    /// opening a project and after edits made before anything was trained.
    void rebuild();
    /// Drops the run without building a new one (a different project was opened).
    void discard();

    // Live changes: they reach the running trainer at its next batch and stay for later runs.
    void setLearningRate(double lr);
    void setBatchSize(int n);
    void setEpochLimit(int epochs);
    void setRegularization(nnp::RegularizationKind kind, double rate);
    /// The Dense layers' own L1/L2 rates changed in the editor (inspector or toolbar): the running trainer
    /// takes the rates of `graph`'s Dense layers at its next batch ("Per layer" regularisation).
    void setLayerRegularization(const nnp::GraphSpec &graph);
    void setSpeedLevel(int level);

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

    /// The graph or the data changed: the run goes on untouched, and the window says "press Reset".
    void networkChanged();
    /// The project changed before anything was trained: the window rebuilds the run shortly; a Play or Step
    /// that comes first builds it anew itself, so it never runs the network from before the edit.
    void sourceChanged();
    /// The hyperparameters changed: learning rate, batch size and epoch limit apply live; anything else
    /// (optimizer, loss, seed ...) marks the run stale like a graph edit.
    void hyperparametersChanged();

signals:
    void snapshotReceived(nnp::SnapshotPtr snapshot);
    /// A new run began (or the old one was dropped): views clear their curves.
    void runReset();
    void statusChanged(nnp::TrainingStatus status);
    void staleChanged(bool stale);
    void messageChanged(const QString &message);
    /// Learning rate, batch size, epoch limit or regularisation changed (the toolbar follows).
    void liveSettingsChanged();
    void failed(const QString &message);
    /// The network for the neuron view, from the current run.
    void pictureReceived(nnp::PicturePtr picture);
    /// One traced step of the current run, with the network before and after it.
    void traceReceived(nnp::TracePtr trace, nnp::PicturePtr before, nnp::PicturePtr after);

protected:
    bool event(QEvent *e) override;

private:
    void onSnapshot(const SnapshotPtr &s);
    void onFailed(quint64 generation, const QString &message);
    template <class F> void post(F &&f);
    void setStatus(TrainingStatus s);
    void setStale(bool stale);
    void setMessage(const QString &m);
    void ensureRun();
    void build(bool fromStored);
    int m_stepsRequested = 0;     // Step presses since the run was built
    bool m_sourceChanged = false; // edited since the run was built, before anything was trained

    QThread m_thread;
    TrainingWorker *m_worker = nullptr; // parentless, lives on m_thread, deleted when it finishes
    std::function<RunInput()> m_source;
    std::stop_source m_stop;
    quint64 m_generation = 0;
    TrainingStatus m_status = TrainingStatus::Idle;
    bool m_stale = false;
    bool m_awaitPause = false; // a Pause or Step is queued: ignore "running" snapshots until it lands
    bool m_awaitPlay = false;  // a Play is queued behind a build: ignore its "ready" snapshot
    QString m_message;
    TrainingConfig m_runConfig;
    GraphSpec m_runGraph;
    std::vector<EpochRecord> m_history;
    SnapshotPtr m_last;
    std::shared_ptr<const TrainedWeights> m_weights;
    RegularizationKind m_regKind = RegularizationKind::PerLayer;
    double m_regRate = 0;
    int m_speedLevel = kDefaultSpeedLevel;
    InsightsRequest m_insightsRequest;
    // Live values set before the first run, applied to the project copy when a run is built.
    std::optional<double> m_learningRate;
    std::optional<int> m_batchSize, m_epochLimit;
};

} // namespace nnp
