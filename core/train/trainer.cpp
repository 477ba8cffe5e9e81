#include "train/trainer.h"

#include "layers/layer_registry.h"

#include "layers/dense.h"
#include "metrics/metrics.h"

#include <algorithm>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <limits>
#include <mutex>
#include <numeric>
#include <thread>
#include <utility>

namespace nnp {

namespace {
/// Below this much work per batch (samples × multiply-adds per sample) a second thread costs more than it
/// saves.
constexpr long long kMinWorkForThreads = 1 << 20;

/// Eigen's allFinite() tests element by element; x·0 is 0 for every finite x and NaN otherwise, and a
/// vectorised sum of those keeps any NaN: the same answer at memory speed (it runs on every gradient at every
/// step; the updated weights are checked inside the optimizer's pass).
template <class Derived> bool allFinite(const Eigen::DenseBase<Derived> &m)
{
    return (m.derived().array() * Scalar(0)).sum() == Scalar(0);
}

/// The worst per-sample loss of a constant prediction: the targets' mean for regression, equal probabilities
/// for classification (see kExplodedLossFactor).
double constantPredictionLoss(const LossParams &loss, const Matrix &y, int outputs)
{
    if (y.cols() == 0) return 0;
    Matrix out;
    if (isClassificationLoss(loss.kind)) {
        const Scalar p =
            loss.kind == LossKind::BinaryCrossEntropy ? Scalar(0.5) : Scalar(1) / Scalar(outputs);
        out = Matrix::Constant(outputs, y.cols(), p);
    } else {
        out = y.rowwise().mean().replicate(1, y.cols());
    }
    const std::vector<double> losses = sampleLosses(loss, out, y);
    double worst = 0;
    for (double l : losses)
        if (std::isfinite(l)) worst = std::max(worst, l);
    return worst;
}

void gatherColumns(const Matrix &src, std::span<const int> cols, Matrix &dst)
{
    dst.resize(src.rows(), static_cast<Eigen::Index>(cols.size()));
    for (std::size_t c = 0; c < cols.size(); ++c)
        dst.col(static_cast<Eigen::Index>(c)) = src.col(cols[c]);
}

} // namespace

std::string_view toString(RunState s)
{
    switch (s) {
    case RunState::Ready:
        return "ready";
    case RunState::Running:
        return "running";
    case RunState::Finished:
        return "finished";
    case RunState::ReachedTarget:
        return "reached target";
    case RunState::Stopped:
        return "stopped";
    case RunState::Diverged:
        return "diverged";
    }
    return "?";
}

/// The second training thread. It runs one job at a time for the training thread, which waits for it:
/// a pass over its half of the batch, or its part of the gradient merge and parameter update.
/// Both sides spin briefly before they block: waking a sleeping thread costs tens of microseconds here
/// (more in a virtual machine), and a step has four hand-overs.
class Trainer::Helper {
public:
    enum class Job { Pass, Update };

    explicit Helper(Trainer &t) : m_trainer(t), m_thread([this] { loop(); }) {}
    ~Helper()
    {
        {
            std::lock_guard lock(m_mutex);
            m_quit.store(true);
        }
        m_wake.notify_one();
        m_thread.join();
    }
    void start(Job job, std::span<const int> cols = {})
    {
        {
            std::lock_guard lock(m_mutex);
            m_job = job;
            m_cols = cols;
            m_generation.store(++m_issued, std::memory_order_release);
        }
        m_wake.notify_one();
    }
    double wait()
    {
        if (!spinUntil([this] { return m_done.load(std::memory_order_acquire) == m_issued; })) {
            std::unique_lock lock(m_mutex);
            m_doneCv.wait(lock, [this] { return m_done.load(std::memory_order_acquire) == m_issued; });
        }
        if (m_error) std::rethrow_exception(std::exchange(m_error, nullptr));
        return m_result;
    }

private:
    template <class Pred> static bool spinUntil(Pred ready)
    {
        // First pause instructions (the answer usually comes within microseconds), then yields: when both
        // threads share one core because the machine is busy, a yield hands it to the thread we wait for.
        for (int i = 0; i < kSpins; ++i) {
            if (ready()) return true;
#if defined(__x86_64__) || defined(__i386__)
            __builtin_ia32_pause();
#endif
        }
        for (int i = 0; i < kYields; ++i) {
            if (ready()) return true;
            std::this_thread::yield();
        }
        return ready();
    }

    void loop()
    {
        std::uint64_t seen = 0;
        for (;;) {
            const auto news = [&] {
                return m_quit.load(std::memory_order_acquire) ||
                       m_generation.load(std::memory_order_acquire) != seen;
            };
            Job job;
            std::span<const int> cols;
            {
                std::unique_lock lock(m_mutex);
                if (!news()) {
                    lock.unlock();
                    if (!spinUntil(news)) {
                        lock.lock();
                        m_wake.wait(lock, news);
                    } else {
                        lock.lock();
                    }
                }
                if (m_quit.load()) return;
                seen = m_generation.load(std::memory_order_acquire);
                job = m_job;
                cols = m_cols;
            }
            double r = 0;
            std::exception_ptr err;
            try {
                r = job == Job::Pass ? m_trainer.helperPass(cols)
                                     : double(m_trainer.mergeAndUpdatePart(1, 2));
            } catch (...) {
                err = std::current_exception();
            }
            m_result = r;
            m_error = err;
            {
                // Under the lock, so a wait() that found nothing is already asleep when the notification
                // comes.
                std::lock_guard lock(m_mutex);
                m_done.store(seen, std::memory_order_release);
            }
            m_doneCv.notify_one();
        }
    }

    static constexpr int kSpins = 200;  // a few microseconds
    static constexpr int kYields = 200; // some tens of microseconds on an idle core

    Trainer &m_trainer;
    std::mutex m_mutex;
    std::condition_variable m_wake, m_doneCv;
    Job m_job = Job::Pass;       // guarded by m_mutex
    std::span<const int> m_cols; // guarded by m_mutex
    std::uint64_t m_issued = 0;  // the training thread's own count of started jobs
    std::atomic<std::uint64_t> m_generation{0}, m_done{0};
    std::atomic<bool> m_quit{false};
    double m_result = 0;        // written by the helper before m_done, read after
    std::exception_ptr m_error; // likewise
    std::thread m_thread;
};

Trainer::Trainer(Network &net, TrainingConfig config, TrainData train, std::optional<TrainData> validation)
    : m_net(net), m_config(config), m_train(std::move(train)), m_val(std::move(validation)),
      m_rng(config.seed)
{
    if (m_train.x.cols() == 0) throw std::invalid_argument("There is no training data.");
    if (m_train.x.rows() != net.inputSize())
        throw std::invalid_argument("The network's inputs take " + std::to_string(net.inputSize()) +
                                    " values per sample but the data has " +
                                    std::to_string(m_train.x.rows()) + " features.");
    if (m_train.y.cols() != m_train.x.cols() ||
        m_train.y.rows() != targetRows(config.loss.kind, net.outputSize()))
        throw std::invalid_argument("The targets do not fit the network's output (" +
                                    std::to_string(net.outputSize()) + " values) and the loss.");
    if (config.batchSize <= 0) throw std::invalid_argument("The batch size must be at least 1.");
    // Checked now rather than at the end of the first epoch, where evaluate() would meet it.
    if (m_val && m_val->x.cols() > 0) {
        if (m_val->x.rows() != net.inputSize())
            throw std::invalid_argument("The validation data has " + std::to_string(m_val->x.rows()) +
                                        " features but the network's inputs take " +
                                        std::to_string(net.inputSize()) + ".");
        if (m_val->y.cols() != m_val->x.cols() ||
            m_val->y.rows() != targetRows(config.loss.kind, net.outputSize()))
            throw std::invalid_argument("The validation targets do not fit the network's output (" +
                                        std::to_string(net.outputSize()) + " values) and the loss.");
    }
    m_net.setLoss(config.loss);
    m_net.reseedRandomLayers(config.seed ^ 0x9E3779B97F4A7C15ULL);
    if (isClassificationLoss(config.loss.kind))
        m_labels = labelsFromTargets(m_train.y, config.loss.kind, net.outputSize());
    m_lossScale = constantPredictionLoss(config.loss, m_train.y, net.outputSize());
    m_params = m_net.parameters();
    m_statistics = m_net.state();
    m_workPerSample = m_net.forwardMultiplyAddsPerSample();
    std::vector<ParamRef> refs;
    for (const auto &p : m_params)
        refs.push_back(p.ref);
    m_optimizer = std::make_unique<Optimizer>(config.optimizer, refs);
    // Room for the epoch records up front, so that growing the history does not allocate during training
    // (capped: an open-ended run could ask for millions of epochs; beyond the cap it grows as usual).
    m_history.reserve(static_cast<std::size_t>(std::clamp(config.epochs, 1, 4096)));
    m_order.resize(static_cast<std::size_t>(m_train.x.cols()));
    std::iota(m_order.begin(), m_order.end(), 0);
    if (config.threads >= 2 && !m_net.hasBatchNorm()) {
        m_replica = std::make_unique<Network>(m_net);
        m_replica->reseedRandomLayers(config.seed ^ 0xD1B54A32D192ED03ULL);
        m_replicaParams = m_replica->parameters();
        m_helper = std::make_unique<Helper>(*this);
    }
}

Trainer::~Trainer() = default;

void Trainer::setBatchSize(int n)
{
    if (n <= 0) throw std::invalid_argument("The batch size must be at least 1.");
    m_config.batchSize = n;
}

void Trainer::setRegularization(double l1, double l2)
{
    m_net.setRegularization(l1, l2);
    if (m_replica) m_replica->setRegularization(l1, l2);
    if (m_tail) m_tail->setRegularization(l1, l2);
    m_params = m_net.parameters();
    std::vector<ParamRef> refs;
    for (const auto &p : m_params)
        refs.push_back(p.ref);
    m_optimizer->rebind(refs); // keeps the moments: only the penalties change
}

void Trainer::setLayerRegularization(NodeId id, double l1, double l2)
{
    for (Network *net : {&m_net, m_replica.get(), m_tail.get()}) {
        const int i = net ? net->nodeIndex(id) : -1;
        if (i < 0 || !hasWeightPenalties(net->nodes()[static_cast<std::size_t>(i)].kind)) continue;
        net->layer(i).setRegularization(static_cast<Scalar>(l1), static_cast<Scalar>(l2));
    }
    m_params = m_net.parameters();
    std::vector<ParamRef> refs;
    for (const auto &p : m_params)
        refs.push_back(p.ref);
    m_optimizer->rebind(refs);
}

double Trainer::currentLearningRate() const
{
    return scheduledLearningRate(m_config.schedule, m_config.optimizer.learningRate, m_epoch,
                                 m_config.epochs);
}

void Trainer::startEpoch()
{
    if (m_config.shuffle) m_rng.shuffle(m_order.begin(), m_order.end());
    m_pos = 0;
    m_epochOpen = true;
    m_epochLossSum = 0;
    m_epochCount = 0;
    m_epochCorrect = 0;
    m_epochAbsErr = 0;
    m_backup.resize(m_params.size());
    for (std::size_t i = 0; i < m_params.size(); ++i)
        m_backup[i] = *m_params[i].ref.value;
    m_statisticsBackup.resize(m_statistics.size());
    for (std::size_t i = 0; i < m_statistics.size(); ++i)
        m_statisticsBackup[i] = *m_statistics[i].ref.value;
}

double Trainer::runBatch()
{
    if (m_state == RunState::Diverged) return std::numeric_limits<double>::quiet_NaN();
    if (!m_epochOpen) startEpoch();
    const std::size_t n =
        std::min<std::size_t>(static_cast<std::size_t>(m_config.batchSize), m_order.size() - m_pos);
    const std::span<const int> cols(m_order.data() + m_pos, n);
    const double loss = stepOn(cols);
    if (m_state == RunState::Diverged) return loss;
    m_pos += n;
    if (m_pos >= m_order.size()) finishEpoch();
    return loss;
}

double Trainer::replicaPass(Network &net, std::span<const int> cols, Matrix &target)
{
    net.forwardColumns(m_train.x, cols, Mode::Train);
    gatherColumns(m_train.y, cols, target);
    return net.lossAndBackward(target);
}

double Trainer::helperPass(std::span<const int> cols)
{
    // The replica starts from the main network's weights; nobody writes them until this pass is done.
    for (std::size_t i = 0; i < m_params.size(); ++i)
        *m_replicaParams[i].ref.value = *m_params[i].ref.value;
    const double loss = replicaPass(*m_replica, cols, m_replicaTarget);
    m_replicaGradsFinite = gradientsFinite(m_replicaParams);
    return loss;
}

double Trainer::tailStep(std::span<const int> cols)
{
    // Same weights, same arithmetic as a pass on the main network (no random layers: checked by the caller);
    // only the activation buffers differ. The gradients are copied back for the optimizer, sizes unchanged.
    if (!m_tail) {
        m_tail = std::make_unique<Network>(m_net);
        m_tailParams = m_tail->parameters();
    }
    for (std::size_t i = 0; i < m_params.size(); ++i)
        *m_tailParams[i].ref.value = *m_params[i].ref.value;
    const double loss = replicaPass(*m_tail, cols, m_tailTarget);
    for (std::size_t i = 0; i < m_params.size(); ++i)
        *m_params[i].ref.grad = *m_tailParams[i].ref.grad;
    accumulateMetrics(m_tail->output(), cols);
    return loss;
}

bool Trainer::gradientsFinite(const std::vector<NodeParam> &params)
{
    for (const auto &p : params)
        if (!allFinite(*p.ref.grad)) return false;
    return true;
}

bool Trainer::lossHealthy(double loss)
{
    if (!std::isfinite(loss)) return false;
    if (!m_firstLossSeen) {
        m_firstLossSeen = true;
        m_lossScale = std::max(m_lossScale, loss);
    }
    return !(m_lossScale > 0 && loss > kExplodedLossFactor * m_lossScale);
}

bool Trainer::statisticsFinite() const
{
    for (const auto &s : m_statistics)
        if (!allFinite(*s.ref.value)) return false;
    return true;
}

bool Trainer::mergeAndUpdatePart(int part, int parts)
{
    using Span = Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        Matrix &g = *m_params[i].ref.grad;
        const auto [first, last] = partRange(g.size(), part, parts);
        Span mine(g.data() + first, last - first);
        const Span theirs(m_replicaParams[i].ref.grad->data() + first, last - first);
        mine = m_mergeWeights[0] * mine + m_mergeWeights[1] * theirs;
    }
    return m_optimizer->updatePart(part, parts);
}

double Trainer::stepOn(std::span<const int> cols)
{
    const long long work = static_cast<long long>(cols.size()) * m_workPerSample;
    double loss;
    // Shorter than the batches before it: the last one of an epoch whose size is not a multiple of the batch.
    const bool shortBatch =
        cols.size() < std::min(static_cast<std::size_t>(m_config.batchSize), m_order.size());
    if (m_helper && work >= kMinWorkForThreads && cols.size() >= 2 && !shortBatch) {
        // Each thread runs half of the batch on its own copy of the network; the gradients are the
        // sample-weighted mean of the halves. The merge and the update are split by elements between the
        // threads.
        const std::size_t n0 = (cols.size() + 1) / 2, n1 = cols.size() - n0;
        m_helper->start(Helper::Job::Pass, cols.subspan(n0));
        const double l0 = replicaPass(m_net, cols.first(n0), m_target);
        const bool finite0 = gradientsFinite(m_params);
        const double l1 = m_helper->wait();
        m_mergeWeights = {Scalar(double(n0) / double(cols.size())), Scalar(double(n1) / double(cols.size()))};
        loss = (double(n0) * l0 + double(n1) * l1) / double(cols.size());
        accumulateMetrics(m_net.output(), cols.first(n0));
        accumulateMetrics(m_replica->output(), cols.subspan(n0));
        if (!applySplitUpdate(loss, finite0 && m_replicaGradsFinite)) return loss;
    } else if (shortBatch && !m_net.hasStatefulLayers()) {
        loss = tailStep(cols);
        if (!applyUpdate(loss)) return loss;
    } else {
        loss = replicaPass(m_net, cols, m_target);
        accumulateMetrics(m_net.output(), cols);
        if (!applyUpdate(loss)) return loss;
    }
    m_epochLossSum += loss * double(cols.size());
    m_epochCount += static_cast<long long>(cols.size());
    ++m_step;
    m_samplesSeen += static_cast<long long>(cols.size());
    return loss;
}

void Trainer::accumulateMetrics(const Matrix &out, std::span<const int> cols)
{
    if (!m_labels.empty()) {
        for (std::size_t c = 0; c < cols.size(); ++c) {
            const auto col = static_cast<Eigen::Index>(c);
            int predicted;
            if (out.rows() == 1) {
                predicted = out(0, col) >= Scalar(0.5) ? 1 : 0;
            } else {
                Eigen::Index k;
                out.col(col).maxCoeff(&k);
                predicted = static_cast<int>(k);
            }
            m_epochCorrect += predicted == m_labels[static_cast<std::size_t>(cols[c])];
        }
    } else {
        for (std::size_t c = 0; c < cols.size(); ++c)
            m_epochAbsErr +=
                double((out.col(static_cast<Eigen::Index>(c)) - m_train.y.col(cols[c])).cwiseAbs().sum());
    }
}

bool Trainer::applySplitUpdate(double loss, bool gradientsFinite)
{
    bool finite = lossHealthy(loss) && gradientsFinite && statisticsFinite();
    if (finite) {
        m_optimizer->beginStep(currentLearningRate());
        m_helper->start(Helper::Job::Update);
        const bool finite0 = mergeAndUpdatePart(0, 2);
        finite = m_helper->wait() != 0 && finite0;
    }
    if (!finite) diverge();
    return finite;
}

bool Trainer::applyUpdate(double loss)
{
    // The statistics were updated by this batch's forward pass, before its loss was known.
    bool finite = lossHealthy(loss) && gradientsFinite(m_params) && statisticsFinite();
    if (finite) finite = m_optimizer->step(currentLearningRate());
    if (!finite) diverge();
    return finite;
}

void Trainer::diverge()
{
    // Back to the weights the epoch started from: the end of the last completed epoch (whose loss is the last
    // of the history), or the run's first weights when none completed. The steps of the diverging epoch may
    // have left weights that are finite but already on their way out.
    for (std::size_t i = 0; i < m_params.size() && i < m_backup.size(); ++i)
        *m_params[i].ref.value = m_backup[i];
    for (std::size_t i = 0; i < m_statistics.size() && i < m_statisticsBackup.size(); ++i)
        *m_statistics[i].ref.value = m_statisticsBackup[i];
    m_state = RunState::Diverged;
}

EpochRecord Trainer::finishEpoch()
{
    m_epochOpen = false;
    EpochRecord r;
    r.learningRate = currentLearningRate();
    ++m_epoch;
    r.epoch = m_epoch;
    r.trainLoss = m_epochCount ? m_epochLossSum / double(m_epochCount) : 0.0;
    if (!m_labels.empty())
        r.trainMetric = m_epochCount ? double(m_epochCorrect) / double(m_epochCount) : 0.0;
    else
        r.trainMetric = m_epochCount ? m_epochAbsErr / double(m_epochCount * m_train.y.rows()) : 0.0;
    if (m_val && m_val->x.cols() > 0) {
        const Evaluation e = evaluate(m_net, *m_val);
        r.valLoss = e.loss;
        r.valMetric = e.metric;
    }
    m_history.push_back(r);
    return r;
}

std::optional<EpochRecord> Trainer::runEpoch(std::stop_token stop, ProgressSink *sink)
{
    if (m_state == RunState::Diverged) return std::nullopt;
    const int startEpoch = m_epoch;
    while (m_epoch == startEpoch) {
        if (stop.stop_requested()) return std::nullopt;
        const double loss = runBatch();
        if (m_state == RunState::Diverged) return std::nullopt;
        if (sink) sink->batchDone(m_step, loss);
    }
    if (sink) sink->epochDone(m_history.back());
    return m_history.back();
}

RunState Trainer::run(std::stop_token stop, ProgressSink *sink)
{
    if (m_state == RunState::Diverged) return m_state;
    m_state = RunState::Running;
    while (m_epoch < m_config.epochs) {
        const auto rec = runEpoch(stop, sink);
        if (m_state == RunState::Diverged) return m_state;
        if (!rec) {
            m_state = RunState::Stopped;
            return m_state;
        }
        if (m_config.targetLoss > 0 && rec->trainLoss <= m_config.targetLoss) {
            m_state = RunState::ReachedTarget;
            return m_state;
        }
    }
    m_state = RunState::Finished;
    return m_state;
}

std::vector<int> Trainer::upcomingBatch()
{
    if (!m_epochOpen) startEpoch();
    const std::size_t n =
        std::min<std::size_t>(static_cast<std::size_t>(m_config.batchSize), m_order.size() - m_pos);
    return {m_order.begin() + static_cast<std::ptrdiff_t>(m_pos),
            m_order.begin() + static_cast<std::ptrdiff_t>(m_pos + n)};
}

} // namespace nnp
