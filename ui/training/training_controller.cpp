#include "training/training_controller.h"
#include "layers/dense.h"
#include "layers/layer_registry.h"

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

/// Whether two graphs build the same network apart from names and the layers' L1/L2 rates.
bool sameExceptRates(const GraphSpec &a, const GraphSpec &b)
{
    if (a.nodes.size() != b.nodes.size() || !(a.edges == b.edges)) return false;
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        const NodeSpec &x = a.nodes[i], &y = b.nodes[i];
        LayerOptions ox = x.options, oy = y.options;
        for (LayerOptions *o : {&ox, &oy})
            o->set(opt::l1, 0.0).set(opt::l2, 0.0);
        if (x.id != y.id || x.kind != y.kind || !(ox == oy)) return false;
    }
    return true;
}

/// Whether a run built from `run` is the network, data and settings of `p`, up to what applies live.
bool sameRun(const Project &run, const Project &p)
{
    return sameExceptRates(run.graph, p.graph) && run.data == p.data &&
           run.preprocessing == p.preprocessing && sameExceptLive(run.training, p.training);
}

/// Nothing trained in this state: a rebuild loses nothing.
bool nothingTrained(TrainingStatus s)
{
    return s == TrainingStatus::Idle || s == TrainingStatus::Preparing || s == TrainingStatus::Ready ||
           s == TrainingStatus::Failed;
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
    post([level = m_paceLevel](TrainingWorker &w) { w.setPace(level); });
}

TrainingController::~TrainingController()
{
    m_stop.request_stop(); // the chunk in progress ends at its next batch
    m_thread.quit();
    m_thread.wait();
}

template <class F> void TrainingController::post(F &&f, std::optional<Command> command)
{
    const quint64 seq = ++m_sequence;
    if (command) m_statusCommand = seq;
    if (command == Command::Step) m_pendingSteps.push_back(seq);
    // The worker pointer stays valid until the thread finishes, which only the destructor makes happen.
    const std::lock_guard lock(threadHandoffMutex());
    QMetaObject::invokeMethod(
        m_worker,
        [w = m_worker, seq, f = std::forward<F>(f)]() mutable {
            w->acknowledge(seq);
            f(*w);
        },
        Qt::QueuedConnection);
}

bool TrainingController::event(QEvent *e)
{
    acquireHandoff();
    return QObject::event(e);
}

void TrainingController::setSetupDelayForTesting(int ms)
{
    m_setupDelayMs = ms;
}

void TrainingController::openProject(const Project &project, const QString &baseDir)
{
    m_project = std::make_shared<const Project>(project);
    m_baseDir = baseDir;
    build(true, false);
}

void TrainingController::setProject(const Project &project, const QString &baseDir)
{
    const bool first = !m_project;
    m_project = std::make_shared<const Project>(project);
    m_baseDir = baseDir;
    if (first || m_status == TrainingStatus::Idle) return; // the first Play or Step builds the run
    applyLive(project);
    if (sameRun(m_run, project)) {
        setStale(false); // e.g. an undo back to what the run was built from
        return;
    }
    // Nothing trained, and nothing asked for that trains or changes the network except Steps (Play, Step
    // epoch, an explained step, a weight typed in may still be on their way): rebuilding loses nothing and
    // shows the edit (new points, a new network) at once; pending Steps carry over to the new run.
    if (nothingTrained(m_status) && !m_runTouched)
        build(true, true);
    else
        setStale(true);
}

void TrainingController::applyLive(const Project &project)
{
    TrainingConfig &run = m_run.training;
    const TrainingConfig &now = project.training;
    if (now.optimizer.learningRate > 0 && now.optimizer.learningRate != run.optimizer.learningRate) {
        run.optimizer.learningRate = now.optimizer.learningRate;
        post([lr = now.optimizer.learningRate](TrainingWorker &w) { w.setLearningRate(lr); });
    }
    if (now.batchSize > 0 && now.batchSize != run.batchSize) {
        run.batchSize = now.batchSize;
        post([n = now.batchSize](TrainingWorker &w) { w.setBatchSize(n); });
    }
    if (now.epochs > 0 && now.epochs != run.epochs) {
        run.epochs = now.epochs;
        post([e = now.epochs](TrainingWorker &w) { w.setEpochLimit(e); });
    }
    // A new regularisation rate (or name) is not a new network: the run takes it at once and goes on.
    if (sameExceptRates(m_run.graph, project.graph) && !(m_run.graph == project.graph)) {
        bool ratesChanged = false;
        for (NodeSpec &n : m_run.graph.nodes)
            if (const NodeSpec *p = project.graph.find(n.id); p && hasWeightPenalties(n.kind)) {
                const double l1 = p->options.get(opt::l1), l2 = p->options.get(opt::l2);
                ratesChanged |= l1 != n.options.get(opt::l1) || l2 != n.options.get(opt::l2);
                n.options.set(opt::l1, l1).set(opt::l2, l2);
            }
        if (ratesChanged)
            post([graph = project.graph](TrainingWorker &w) { w.setLayerRegularization(graph); });
    }
}

void TrainingController::ensureRun()
{
    if (m_status == TrainingStatus::Idle || m_status == TrainingStatus::Failed) build(true, false);
}

void TrainingController::play()
{
    ensureRun();
    if (!canContinue(m_status) && m_status != TrainingStatus::Preparing) return;
    m_runTouched = true;
    post([](TrainingWorker &w) { w.play(); }, Command::Play);
    setStatus(TrainingStatus::Running); // at once, so the button flips; the worker's snapshot confirms it
}

void TrainingController::pause()
{
    post([](TrainingWorker &w) { w.pause(); }, Command::Pause);
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
    post([](TrainingWorker &w) { w.step(); }, Command::Step);
    if (m_status == TrainingStatus::Running) setStatus(TrainingStatus::Paused);
}

void TrainingController::stepEpoch()
{
    ensureRun();
    m_runTouched = true;
    post([](TrainingWorker &w) { w.stepEpoch(); }, Command::StepEpoch);
}

void TrainingController::reset()
{
    if (m_project) {
        // "Start again": the stored trained state goes (the window clears it from the document too).
        auto p = std::make_shared<Project>(*m_project);
        p->weights.clear();
        p->history.clear();
        m_project = std::move(p);
    }
    build(false, false);
}

void TrainingController::build(bool fromStored, bool carrySteps)
{
    // An edit before anything was trained rebuilds the run: a Step pressed just before it, which the worker
    // has not answered yet, goes to the new run instead of vanishing with the old one.
    const std::size_t steps = carrySteps ? m_pendingSteps.size() : 0;
    m_stop.request_stop();
    m_stop = std::stop_source();
    ++m_generation;
    m_pendingSteps.clear();
    m_runTouched = false;
    m_history.clear();
    m_last.reset();
    m_weights.reset();
    setMessage({});
    setStale(false);
    if (!m_project) {
        setStatus(TrainingStatus::Failed);
        setMessage(tr("There is no project to train."));
        emit runReset();
        return;
    }
    auto project = std::make_shared<Project>(*m_project);
    if (!fromStored) {
        project->weights.clear();
        project->history.clear();
    }
    m_run = *project;
    m_run.weights.clear();
    m_run.history.clear();
    post([project = std::shared_ptr<const Project>(std::move(project)), dir = m_baseDir,
          token = m_stop.get_token(), gen = m_generation,
          delay = m_setupDelayMs](TrainingWorker &w) { w.setup(project, dir, token, gen, delay); },
         Command::Build);
    setStatus(TrainingStatus::Preparing);
    emit runReset();
    for (std::size_t i = 0; i < steps; ++i)
        step();
}

void TrainingController::discard()
{
    m_stop.request_stop();
    m_stop = std::stop_source();
    ++m_generation;
    m_pendingSteps.clear();
    post([token = m_stop.get_token(), gen = m_generation](TrainingWorker &w) {
        w.setup(nullptr, {}, token, gen, 0);
    });
    m_history.clear();
    m_last.reset();
    m_weights.reset();
    setMessage({});
    setStale(false);
    setStatus(TrainingStatus::Idle);
    emit runReset();
}

void TrainingController::setPaceLevel(int level)
{
    level = std::clamp(level, 1, kPaceLevels);
    if (level == m_paceLevel) return;
    m_paceLevel = level;
    post([level](TrainingWorker &w) { w.setPace(level); });
    emit paceLevelChanged(level);
}

void TrainingController::requestPicture(int mapSize)
{
    post([mapSize](TrainingWorker &w) { w.requestPicture(mapSize); });
}

void TrainingController::explainStep(const std::vector<int> &samples, int mapSize)
{
    ensureRun();
    m_runTouched = true;
    post([samples, mapSize](TrainingWorker &w) { w.explainStep(samples, mapSize); }, Command::Explain);
    if (m_status == TrainingStatus::Running) setStatus(TrainingStatus::Paused);
}

void TrainingController::explainNextInBatch(int count, int mapSize)
{
    ensureRun();
    m_runTouched = true;
    post([count, mapSize](TrainingWorker &w) { w.explainNextInBatch(count, mapSize); }, Command::Explain);
    if (m_status == TrainingStatus::Running) setStatus(TrainingStatus::Paused);
}

void TrainingController::setWeight(NodeId node, int row, int col, double value)
{
    m_runTouched = true;
    post([node, row, col, value](TrainingWorker &w) { w.setWeight(node, row, col, value); });
}

void TrainingController::setInsightsRequest(const nnp::InsightsRequest &request)
{
    if (request == m_insightsRequest) return;
    m_insightsRequest = request;
    post([request](TrainingWorker &w) { w.setInsightsRequest(request); });
}

void TrainingController::onSnapshot(const SnapshotPtr &s)
{
    if (!s || s->generation != m_generation) return; // from a run that was reset since
    m_history.insert(m_history.end(), s->epochs.begin(), s->epochs.end());
    if (s->weights) m_weights = s->weights;
    m_last = s;
    std::erase_if(m_pendingSteps, [&](quint64 seq) { return seq <= s->command; });
    // A snapshot sent before the worker took the latest command (a "running" one on its way while Pause is,
    // the "ready" of a run whose Play is queued) is news of the run, but not the status to show.
    if (s->command >= m_statusCommand) setStatus(s->status);
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
