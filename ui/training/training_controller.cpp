#include "training/training_controller.h"
#include "layers/dense.h"

#include "training/thread_handoff.h"
#include "training/training_worker.h"

namespace nnp {

namespace {
/// Whether two configs differ only in what can change while a run goes on.
bool sameExceptLive(TrainingConfig a, TrainingConfig b)
{
    a.optimizer.learningRate = b.optimizer.learningRate;
    a.batchSize = b.batchSize;
    a.epochs = b.epochs;
    return a == b;
}
} // namespace

TrainingController::TrainingController(QObject *parent) : QObject(parent), m_worker(new TrainingWorker)
{
    qRegisterMetaType<nnp::SnapshotPtr>();
    qRegisterMetaType<nnp::PicturePtr>();
    qRegisterMetaType<nnp::TracePtr>();
    m_thread.setObjectName(QStringLiteral("nnp-training"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TrainingWorker::snapshotReady, this, &TrainingController::onSnapshot,
            Qt::QueuedConnection);
    connect(m_worker, &TrainingWorker::failed, this, &TrainingController::onFailed, Qt::QueuedConnection);
    connect(
        m_worker, &TrainingWorker::pictureReady, this,
        [this](quint64 gen, const PicturePtr &p) {
            if (gen == m_generation && p) emit pictureReceived(p);
        },
        Qt::QueuedConnection);
    connect(
        m_worker, &TrainingWorker::traceReady, this,
        [this](quint64 gen, const TracePtr &t, const PicturePtr &before, const PicturePtr &after) {
            if (gen == m_generation && t) emit traceReceived(t, before, after);
        },
        Qt::QueuedConnection);
    m_thread.start();
    post([speed = speedForLevel(m_speedLevel)](TrainingWorker &w) { w.setSpeed(speed); });
}

TrainingController::~TrainingController()
{
    m_stop.request_stop(); // the chunk in progress ends at its next batch
    m_thread.quit();
    m_thread.wait();
}

template <class F> void TrainingController::post(F &&f)
{
    // The worker pointer stays valid until the thread finishes, which only the destructor makes happen.
    const std::lock_guard lock(threadHandoffMutex());
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, f = std::forward<F>(f)]() mutable { f(*w); }, Qt::QueuedConnection);
}

bool TrainingController::event(QEvent *e)
{
    acquireHandoff();
    return QObject::event(e);
}

void TrainingController::setSource(std::function<RunInput()> source)
{
    m_source = std::move(source);
}

void TrainingController::setProject(Project project, const QString &baseDir)
{
    m_source = [input = RunInput{std::move(project), baseDir}] { return input; };
    networkChanged();
}

void TrainingController::ensureRun()
{
    // Nothing trained yet, or a run that could not be built: nothing is lost by building afresh.
    if (m_status == TrainingStatus::Idle || m_status == TrainingStatus::Failed ||
        ((m_stale || m_sourceChanged) &&
         (m_status == TrainingStatus::Ready || m_status == TrainingStatus::Preparing)))
        rebuild();
}

void TrainingController::play()
{
    ensureRun();
    if (!canContinue(m_status) && m_status != TrainingStatus::Preparing) return;
    m_awaitPause = false;
    m_awaitPlay = true;
    setStatus(TrainingStatus::Running); // at once, so the button flips; the worker's snapshot confirms it
    post([](TrainingWorker &w) { w.play(); });
}

void TrainingController::pause()
{
    post([](TrainingWorker &w) { w.pause(); });
    m_awaitPause = true;
    m_awaitPlay = false;
    if (m_status == TrainingStatus::Running) setStatus(TrainingStatus::Paused);
}

void TrainingController::togglePlay()
{
    if (m_status == TrainingStatus::Running)
        pause();
    else
        play();
}

void TrainingController::step()
{
    ensureRun();
    ++m_stepsRequested;
    m_awaitPause = true;
    if (m_status == TrainingStatus::Running) setStatus(TrainingStatus::Paused);
    post([](TrainingWorker &w) { w.step(); });
}

void TrainingController::stepEpoch()
{
    ensureRun();
    m_awaitPause = false;
    post([](TrainingWorker &w) { w.stepEpoch(); });
}

void TrainingController::reset()
{
    build(false);
}

void TrainingController::rebuild()
{
    build(true);
}

void TrainingController::build(bool fromStored)
{
    m_stop.request_stop();
    m_stop = std::stop_source();
    ++m_generation;
    m_awaitPause = false;
    m_awaitPlay = false;
    m_history.clear();
    m_last.reset();
    m_weights.reset();
    setMessage({});
    setStale(false);
    if (!m_source) {
        setStatus(TrainingStatus::Failed);
        setMessage(tr("There is no project to train."));
        emit runReset();
        return;
    }
    m_sourceChanged = false;
    m_stepsRequested = 0;
    RunInput input = m_source();
    if (!fromStored) {
        input.project.weights.clear();
        input.project.history.clear();
    }
    TrainingConfig &cfg = input.project.training;
    if (m_learningRate) cfg.optimizer.learningRate = *m_learningRate;
    if (m_batchSize) cfg.batchSize = *m_batchSize;
    if (m_epochLimit) cfg.epochs = *m_epochLimit;
    m_runConfig = cfg;
    m_runGraph = input.project.graph;
    auto project = std::make_shared<const Project>(std::move(input.project));
    post([project, dir = input.baseDir, token = m_stop.get_token(), gen = m_generation](TrainingWorker &w) {
        w.setup(project, dir, token, gen);
    });
    setStatus(TrainingStatus::Preparing);
    emit runReset();
}

void TrainingController::discard()
{
    m_stop.request_stop();
    m_stop = std::stop_source();
    ++m_generation;
    m_awaitPause = false;
    m_awaitPlay = false;
    post([token = m_stop.get_token(), gen = m_generation](TrainingWorker &w) {
        w.setup(nullptr, {}, token, gen);
    });
    m_history.clear();
    m_last.reset();
    m_weights.reset();
    m_learningRate.reset();
    m_batchSize.reset();
    m_epochLimit.reset();
    setMessage({});
    setStale(false);
    setStatus(TrainingStatus::Idle);
    emit runReset();
}

void TrainingController::setLearningRate(double lr)
{
    if (!(lr > 0) || (m_learningRate && *m_learningRate == lr)) return;
    m_learningRate = lr;
    m_runConfig.optimizer.learningRate = lr;
    post([lr](TrainingWorker &w) { w.setLearningRate(lr); });
    emit liveSettingsChanged();
}

void TrainingController::setBatchSize(int n)
{
    if (n <= 0 || (m_batchSize && *m_batchSize == n)) return;
    m_batchSize = n;
    m_runConfig.batchSize = n;
    post([n](TrainingWorker &w) { w.setBatchSize(n); });
    emit liveSettingsChanged();
}

void TrainingController::setEpochLimit(int epochs)
{
    if (epochs <= 0 || (m_epochLimit && *m_epochLimit == epochs)) return;
    m_epochLimit = epochs;
    m_runConfig.epochs = epochs;
    post([epochs](TrainingWorker &w) { w.setEpochLimit(epochs); });
    emit liveSettingsChanged();
}

void TrainingController::setRegularization(RegularizationKind kind, double rate)
{
    if (rate < 0 || (kind == m_regKind && rate == m_regRate)) return;
    m_regKind = kind;
    m_regRate = rate;
    post([kind, rate](TrainingWorker &w) { w.setRegularization(kind, rate); });
    emit liveSettingsChanged();
}

void TrainingController::setLayerRegularization(const GraphSpec &graph)
{
    for (NodeSpec &n : m_runGraph.nodes)
        if (const NodeSpec *now = graph.find(n.id); now && n.kind == LayerKind::Dense) {
            n.options.set(opt::dense::l1, now->options.get(opt::dense::l1))
                .set(opt::dense::l2, now->options.get(opt::dense::l2));
        }
    post([graph](TrainingWorker &w) { w.setLayerRegularization(graph); });
}

void TrainingController::setSpeedLevel(int level)
{
    m_speedLevel = std::clamp(level, 1, kSpeedLevels);
    post([speed = speedForLevel(m_speedLevel)](TrainingWorker &w) { w.setSpeed(speed); });
}

void TrainingController::requestPicture(int mapSize)
{
    post([mapSize](TrainingWorker &w) { w.requestPicture(mapSize); });
}

void TrainingController::explainStep(const std::vector<int> &samples, int mapSize)
{
    ensureRun();
    if (m_status == TrainingStatus::Running) pause();
    m_awaitPause = true;
    post([samples, mapSize](TrainingWorker &w) { w.explainStep(samples, mapSize); });
}

void TrainingController::explainNextInBatch(int count, int mapSize)
{
    ensureRun();
    if (m_status == TrainingStatus::Running) pause();
    m_awaitPause = true;
    post([count, mapSize](TrainingWorker &w) { w.explainNextInBatch(count, mapSize); });
}

void TrainingController::setWeight(NodeId node, int row, int col, double value)
{
    post([node, row, col, value](TrainingWorker &w) { w.setWeight(node, row, col, value); });
}

void TrainingController::setInsightsRequest(const nnp::InsightsRequest &request)
{
    if (request == m_insightsRequest) return;
    m_insightsRequest = request;
    post([request](TrainingWorker &w) { w.setInsightsRequest(request); });
}

void TrainingController::networkChanged()
{
    if (m_status != TrainingStatus::Idle) setStale(true);
}

void TrainingController::sourceChanged()
{
    m_sourceChanged = true;
}

void TrainingController::hyperparametersChanged()
{
    if (!m_source) return;
    const TrainingConfig cfg = m_source().project.training;
    setLearningRate(cfg.optimizer.learningRate);
    setBatchSize(cfg.batchSize);
    setEpochLimit(cfg.epochs);
    if (m_status != TrainingStatus::Idle && !sameExceptLive(cfg, m_runConfig)) setStale(true);
}

void TrainingController::onSnapshot(const SnapshotPtr &s)
{
    if (!s || s->generation != m_generation) return; // from a run that was reset since
    m_history.insert(m_history.end(), s->epochs.begin(), s->epochs.end());
    if (s->weights) m_weights = s->weights;
    m_last = s;
    // While the user's Pause is on its way, a "running" snapshot of the last chunk must not flip it back;
    // while a Play waits for the run it built, the run's "ready" must not flip the button back either.
    const bool building = s->status == TrainingStatus::Ready || s->status == TrainingStatus::Preparing;
    if (s->status != TrainingStatus::Running) m_awaitPause = false;
    if (!building) m_awaitPlay = false;
    if (!(m_awaitPause && s->status == TrainingStatus::Running) && !(m_awaitPlay && building))
        setStatus(s->status);
    setMessage(s->message);
    emit snapshotReceived(s);
}

void TrainingController::onFailed(quint64 generation, const QString &message)
{
    if (generation != m_generation) return;
    setStatus(TrainingStatus::Failed);
    setMessage(message);
    emit failed(message);
}

void TrainingController::setStatus(TrainingStatus s)
{
    if (s == m_status) return;
    m_status = s;
    emit statusChanged(s);
}

void TrainingController::setStale(bool stale)
{
    if (stale == m_stale) return;
    m_stale = stale;
    emit staleChanged(stale);
}

void TrainingController::setMessage(const QString &m)
{
    if (m == m_message) return;
    m_message = m;
    emit messageChanged(m);
}

} // namespace nnp
