#include "training/training_worker.h"

#include "i18n/memory_text.h"
#include "training/insights_engine.h"
#include "training/thread_handoff.h"
#include "training/training_session.h"

#include "io/input_names.h"

#include "i18n/diagnostic_text.h"
#include "train/divergence_cause.h"

#include "layers/dense.h"

#include <QLocale>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <exception>
#include <new>

namespace nnp {

namespace {
constexpr qint64 kChunkMs = 15;             // one chunk of batches, so commands wait at most this long
constexpr qint64 kSnapshotMs = 33;          // at most ~30 snapshots a second
constexpr qint64 kBoundaryMinMs = 100;      // the boundary grid at most ~10 times a second ...
constexpr qint64 kBoundaryCostFactor = 5;   // ... and never more than a fifth of the worker's time
constexpr std::size_t kMaxLossPoints = 256; // per snapshot; more are averaged in groups
} // namespace

TrainingWorker::TrainingWorker() : m_timer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { guarded([this] { runChunk(); }); });
    m_sinceSnapshot.start();
    m_sinceBoundary.start();
    m_paceClock.start();
}

TrainingWorker::~TrainingWorker() = default;

bool TrainingWorker::event(QEvent *e)
{
    acquireHandoff();
    return QObject::event(e);
}

template <class F> void TrainingWorker::guarded(F &&f)
{
    // Nothing may escape into the event loop: every failure becomes a message the window shows.
    try {
        f();
    } catch (const MemoryError &e) { // refused up front by the memory budget: nothing was allocated
        fail(MemoryText::refusal(e));
    } catch (const std::bad_alloc &) {
        // Out of memory although the budget allowed it. Eigen 3.4's resize() frees a buffer before the
        // allocation that failed, so the session's network may hold a dangling pointer: it is abandoned, not
        // destroyed (destroying it would free that buffer again) and not used (the failure's snapshot would
        // compute the boundary with it).
        (void)m_session.release();  // leaked on purpose, see above
        (void)m_insights.release(); // its buffers may be the ones that failed
        m_boundary.reset();
        fail(MemoryText::outOfMemory());
    } catch (const std::exception &e) {
        fail(QString::fromStdString(e.what()));
    } catch (...) {
        fail(TrainingWorker::tr("An unknown error stopped the training."));
    }
}

void TrainingWorker::fail(const QString &message)
{
    m_timer->stop();
    m_mode = Mode::Paused;
    m_status = TrainingStatus::Failed;
    m_message = message;
    {
        const std::lock_guard lock(threadHandoffMutex());
        emit failed(m_generation, message);
    }
    try {
        publish(true);
    } catch (...) {
        // What failed may be what a full snapshot computes (the boundary, the insights, a copy of the
        // weights, memory): the controller still gets the status, never an exception in the event loop.
        auto s = std::make_shared<TrainingSnapshot>();
        s->generation = m_generation;
        s->command = m_command;
        s->status = m_status;
        s->message = m_message;
        const std::lock_guard lock(threadHandoffMutex());
        emit snapshotReady(std::move(s));
    }
}

void TrainingWorker::setup(std::shared_ptr<const Project> project, const QString &baseDir,
                           std::stop_token stop, quint64 generation, int delayMs)
{
    m_timer->stop();
    m_mode = Mode::Paused;
    m_session.reset();
    m_generation = generation;
    m_stop = std::move(stop);
    m_pendingLoss.clear();
    m_pendingEpochs.clear();
    m_boundary.reset();
    m_insights.reset();
    m_message.clear();
    m_epochOffset = 0;
    m_nextBatch.clear();
    m_nextCursor = 0;
    if (project && !m_stop.stop_requested() && delayMs > 0)
        QThread::msleep(static_cast<unsigned long>(delayMs));
    if (!project || m_stop.stop_requested()) { // discarded, or replaced by a newer run queued behind
        m_status = TrainingStatus::Idle;
        return;
    }
    m_status = TrainingStatus::Preparing;
    guarded([&] {
        m_epochLimit = project->training.epochs;
        m_session = std::make_unique<TrainingSession>(*project, baseDir.toStdString());
        m_status = TrainingStatus::Ready;
        m_epochOffset = m_session->epochOffset();
        if (m_session->restored()) {
            // The stored history goes out with the first snapshot, so the curves show how the model got here.
            m_pendingEpochs = project->history;
            // With the stored training state the trainer counts the stored epochs itself.
            const int stored = m_epochOffset + m_session->trainer().epoch();
            m_message = tr("Opened the trained model (%n epoch(s)). Play continues training it; Reset starts "
                           "again from the seed.",
                           nullptr, stored);
            if (m_epochLimit > 0 && stored >= m_epochLimit) {
                m_status = TrainingStatus::Finished;
                m_message =
                    tr("Opened the trained model: %1 epochs, the epoch limit. Raise it to continue, or "
                       "press Reset.")
                        .arg(stored);
            }
        }
        publish(true);
    });
}

void TrainingWorker::play()
{
    guarded([this] {
        if (!m_session || !canContinue(m_status)) return publish(true); // the controller learns why not
        m_mode = Mode::Running;
        m_status = TrainingStatus::Running;
        m_message.clear(); // e.g. "opened the trained model"
        restartPace();
        publish(true);
        scheduleNext();
    });
}

void TrainingWorker::pause()
{
    guarded([this] {
        m_timer->stop();
        m_mode = Mode::Paused;
        if (m_status == TrainingStatus::Running) m_status = TrainingStatus::Paused;
        publish(true); // also when it was not running: the controller waits for the answer
    });
}

void TrainingWorker::step()
{
    guarded([this] {
        if (!m_session || !canContinue(m_status)) return publish(true);
        m_timer->stop();
        m_mode = Mode::Paused;
        m_message.clear();
        if (trainOneBatch()) {
            m_status = TrainingStatus::Paused;
            publish(true);
        }
    });
}

void TrainingWorker::stepEpoch()
{
    guarded([this] {
        if (!m_session || !canContinue(m_status)) return publish(true);
        m_mode = Mode::SteppingEpoch;
        m_status = TrainingStatus::Running;
        m_message.clear(); // e.g. "opened the trained model"
        publish(true);
        scheduleNext();
    });
}

void TrainingWorker::setLearningRate(double lr)
{
    guarded([&] {
        if (m_session && std::isfinite(lr) && lr > 0) m_session->trainer().setLearningRate(lr);
        publish(m_mode == Mode::Paused);
    });
}

void TrainingWorker::setBatchSize(int n)
{
    guarded([&] {
        if (m_session && n > 0) m_session->trainer().setBatchSize(n);
        publish(m_mode == Mode::Paused);
    });
}

void TrainingWorker::setEpochLimit(int epochs)
{
    guarded([&] {
        m_epochLimit = epochs;
        if (!m_session) return;
        const int done = m_epochOffset + m_session->trainer().epoch();
        // A run stopped by the old limit may continue under a higher one; a paused run already at a lower one
        // has finished.
        if (m_status == TrainingStatus::Finished && done < epochs) {
            m_status = TrainingStatus::Paused;
            m_message.clear();
            publish(true);
        } else if (m_status == TrainingStatus::Paused && epochs > 0 && done >= epochs) {
            m_status = TrainingStatus::Finished;
            m_message =
                tr("Finished: %1 epochs, the epoch limit. Raise it to continue, or press Reset.").arg(done);
            publish(true);
        }
    });
}

void TrainingWorker::setLayerRegularization(const GraphSpec &graph)
{
    guarded([&] {
        if (m_session) m_session->setLayerRates(graph);
    });
}

void TrainingWorker::setPace(int level)
{
    m_paceLevel = level;
    restartPace();
    if (m_mode == Mode::Running && m_timer->isActive())
        m_timer->start(0); // a long slow-motion wait should not outlast a switch to fast
}

void TrainingWorker::restartPace()
{
    m_paceClock.start();
    m_paceBatches = 0;
}

double TrainingWorker::paceRate() const
{
    if (!m_session || m_mode == Mode::SteppingEpoch) return 0;
    const int batch = std::max(1, m_session->trainer().config().batchSize);
    const double perEpoch = std::ceil(double(m_session->trainSamples()) / batch);
    return batchesPerSecond(m_paceLevel, perEpoch);
}

void TrainingWorker::setBoundarySize(int size)
{
    m_boundarySize = size;
}

void TrainingWorker::setInsightsRequest(const InsightsRequest &request)
{
    guarded([&] {
        m_insightsRequest = request;
        if (m_session && m_mode == Mode::Paused) publishInsights();
    });
}

void TrainingWorker::fillCounters(TrainingSnapshot &s) const
{
    const Trainer &trainer = m_session->trainer();
    s.epoch = m_epochOffset + trainer.epoch();
    s.step = trainer.step();
    // A continued stored model has seen its epochs' samples too (each epoch goes through every one).
    s.samplesSeen = trainer.samplesSeen() + static_cast<long long>(m_epochOffset) * m_session->trainSamples();
    s.trainSamples = m_session->trainSamples();
    s.learningRate = trainer.currentLearningRate();
    s.batchSize = trainer.config().batchSize;
    s.parameterCount = m_session->network().parameterCount();
    s.lossUnits = nnp::lossUnits(trainer.config().loss.kind, &m_session->data().targetScaler);
    s.plane = m_session->plane();
}

void TrainingWorker::publishInsights()
{
    if (!m_insights) m_insights = std::make_unique<InsightsEngine>();
    auto s = std::make_shared<TrainingSnapshot>();
    s->generation = m_generation;
    s->command = m_command;
    s->status = m_status;
    s->message = m_message;
    fillCounters(*s);
    s->boundary = m_boundary;
    s->insights = m_insights->update(*m_session, m_insightsRequest, true);
    const std::lock_guard lock(threadHandoffMutex());
    emit snapshotReady(std::move(s));
}

void TrainingWorker::scheduleNext()
{
    // Stepping an epoch goes flat out: the user asked for the epoch, not for slow motion. At a set pace the
    // next chunk starts when its next batch is due.
    const double rate = paceRate();
    if (rate <= 0) return m_timer->start(0);
    const double dueMs = m_paceBatches / rate * 1000.0 - double(m_paceClock.elapsed());
    m_timer->start(static_cast<int>(std::clamp(std::ceil(dueMs), 0.0, 2000.0)));
}

void TrainingWorker::runChunk()
{
    if (!m_session || m_mode == Mode::Paused) return;
    QElapsedTimer chunk;
    chunk.start();
    const bool stepping = m_mode == Mode::SteppingEpoch;
    const double rate = paceRate(); // batches a second, 0: as fast as possible
    for (;;) {
        if (m_stop.stop_requested()) { // a reset or shutdown is queued behind us: leave quietly
            m_mode = Mode::Paused;
            return;
        }
        // The first batch after Play goes at once; the n-th is due n/rate seconds later.
        if (rate > 0 && m_paceBatches > rate * double(m_paceClock.nsecsElapsed()) * 1e-9) break;
        const int epochBefore = m_session->trainer().epoch();
        if (!trainOneBatch()) return;
        ++m_paceBatches;
        if (stepping && m_session->trainer().epoch() != epochBefore) {
            m_mode = Mode::Paused;
            m_status = TrainingStatus::Paused;
            publish(true);
            return;
        }
        if (chunk.elapsed() >= kChunkMs) break;
    }
    // Slow motion (fewer batches a second than snapshots): show every chunk.
    publish(rate > 0 && rate * double(kSnapshotMs) <= 1000.0);
    scheduleNext();
}

bool TrainingWorker::trainOneBatch()
{
    Trainer &trainer = m_session->trainer();
    const int epochBefore = trainer.epoch();
    const double loss = trainer.runBatch();
    if (trainer.state() == RunState::Diverged || !std::isfinite(loss)) {
        stopWith(TrainingStatus::Diverged, divergedMessage(m_epochOffset + trainer.epoch() + 1));
        return false;
    }
    const int n = m_session->trainSamples();
    m_pendingLoss.push_back(
        {m_epochOffset + (n > 0 ? double(trainer.samplesSeen()) / n : double(trainer.step())), loss});
    if (trainer.epoch() != epochBefore) return afterEpoch();
    return true;
}

QString TrainingWorker::divergedMessage(int epoch) const
{
    const QString what =
        tr("Training diverged in epoch %1: the loss became infinite, not a number, or exploded (a million "
           "times its starting size). The view shows the weights from the end of the last completed epoch.")
            .arg(epoch);
    // The likely cause the run can see, not always the learning rate (core/train/divergence_cause.h).
    const DivergenceCause cause = likelyDivergenceCause(m_session->project(), m_session->data());
    const QLocale locale;
    QString advice;
    switch (cause.kind) {
    case DivergenceCause::Kind::OutputLoss:
        advice = diagnosticText(cause.problem);
        break;
    case DivergenceCause::Kind::UnscaledInputs:
        advice = tr("Likely cause: the inputs reach %1, far from unit scale. In the Data panel, set "
                    "\"Normalise inputs\" to Z-score and press Reset.")
                     .arg(locale.toString(cause.magnitude, 'g', 3));
        break;
    case DivergenceCause::Kind::UnscaledTarget:
        advice = tr("Likely cause: the target reaches %1, far from unit scale, so the first errors and steps "
                    "are huge. In the Data panel, tick \"Scale the target\" (or lower the learning rate) and "
                    "press Reset.")
                     .arg(locale.toString(cause.magnitude, 'g', 3));
        break;
    case DivergenceCause::Kind::LearningRate:
        advice = tr("Likely cause: the learning rate is too high for this network and data. Lower it and "
                    "press Reset.");
        break;
    }
    return what + QLatin1Char(' ') + advice;
}

bool TrainingWorker::afterEpoch()
{
    const Trainer &trainer = m_session->trainer();
    EpochRecord rec = trainer.history().back();
    rec.epoch += m_epochOffset; // a run that continues a stored model counts on from its epochs
    // TensorFlow Playground draws the training and the test loss side by side: so does the loss plot, when
    // the data has a test split (a forward pass over it, once per epoch).
    if (const TrainData &test = m_session->data().test; test.x.cols() > 0) {
        const Evaluation e = evaluate(m_session->network(), test);
        rec.testLoss = e.loss;
        rec.testMetric = e.metric; // lessons check the test accuracy (core/lesson/lesson_goal.h)
    }
    m_pendingEpochs.push_back(rec);
    const double target = trainer.config().targetLoss;
    if (target > 0 && rec.trainLoss <= target) {
        // As the user set it: a scaled target's loss in its own units (ProjectRun converts it for the
        // trainer).
        const LossUnits units = nnp::lossUnits(trainer.config().loss.kind, &m_session->data().targetScaler);
        stopWith(TrainingStatus::ReachedTarget,
                 tr("Reached the target loss %1 after %2 epochs.").arg(units.loss(target)).arg(rec.epoch));
        return false;
    }
    if (m_epochLimit > 0 && rec.epoch >= m_epochLimit) {
        stopWith(
            TrainingStatus::Finished,
            tr("Finished: %1 epochs, the epoch limit. Raise it to continue, or press Reset.").arg(rec.epoch));
        return false;
    }
    if (m_sinceSnapshot.elapsed() >= kSnapshotMs) publish(false);
    return true;
}

void TrainingWorker::stopWith(TrainingStatus status, const QString &message)
{
    m_timer->stop();
    m_mode = Mode::Paused;
    m_status = status;
    m_message = message;
    publish(true);
}

void TrainingWorker::publish(bool force)
{
    if (!force && m_sinceSnapshot.elapsed() < kSnapshotMs) return;
    auto s = std::make_shared<TrainingSnapshot>();
    s->generation = m_generation;
    s->command = m_command;
    s->status = m_status;
    s->message = m_message;
    if (m_pendingLoss.size() > kMaxLossPoints) {
        // Average consecutive batches so a fast run does not flood the plot; the curve keeps its shape.
        const std::size_t group = (m_pendingLoss.size() + kMaxLossPoints - 1) / kMaxLossPoints;
        for (std::size_t i = 0; i < m_pendingLoss.size(); i += group) {
            const std::size_t end = std::min(m_pendingLoss.size(), i + group);
            double sum = 0;
            for (std::size_t j = i; j < end; ++j)
                sum += m_pendingLoss[j].loss;
            s->lossPoints.push_back({m_pendingLoss[end - 1].epoch, sum / double(end - i)});
        }
        m_pendingLoss.clear();
    } else {
        s->lossPoints = std::exchange(m_pendingLoss, {});
    }
    s->epochs = std::exchange(m_pendingEpochs, {});
    if (m_session) {
        fillCounters(*s);
        const bool boundaryDue =
            m_sinceBoundary.elapsed() >= std::max(kBoundaryMinMs, kBoundaryCostFactor * m_boundaryCostMs);
        if (s->plane && (force || boundaryDue || !m_boundary)) {
            QElapsedTimer cost;
            cost.start();
            m_boundary = m_session->computeBoundary(m_boundarySize);
            m_boundaryCostMs = cost.elapsed();
            m_sinceBoundary.restart();
        }
        s->boundary = m_boundary;
        if (m_insightsRequest.any()) {
            if (!m_insights) m_insights = std::make_unique<InsightsEngine>();
            s->insights = m_insights->update(*m_session, m_insightsRequest, force);
        }
        if (m_mode == Mode::Paused) s->weights = m_session->copyWeights();
    }
    m_sinceSnapshot.restart();
    const std::lock_guard lock(threadHandoffMutex());
    emit snapshotReady(std::move(s));
}

PicturePtr TrainingWorker::makePicture(int mapSize)
{
    const Matrix grid = m_session->planeGridInputs(mapSize);
    const PreparedData &data = m_session->data();
    QStringList names;
    if (m_session->project().data.kind != DataSourceKind::Idx) // "pixel0" … says less than x₁ …
        for (const std::string &n :
             networkInputNames(m_session->project(), data.csvSchema ? &*data.csvSchema : nullptr,
                               m_session->network().inputSize()))
            names << QString::fromStdString(n);
    QStringList classes;
    if (data.full.task == TaskKind::Classification)
        for (const std::string &n : data.full.classNames)
            classes << QString::fromStdString(n);
    return buildNetworkPicture(m_session->network(), grid.size() > 0 ? &grid : nullptr, mapSize, names,
                               classes);
}

void TrainingWorker::requestPicture(int mapSize)
{
    guarded([&] {
        if (!m_session) return;
        PicturePtr picture = makePicture(mapSize);
        const std::lock_guard lock(threadHandoffMutex());
        emit pictureReady(m_generation, std::move(picture));
    });
}

void TrainingWorker::explainNextInBatch(int count, int mapSize)
{
    std::vector<int> samples;
    guarded([&] {
        if (!m_session || m_status == TrainingStatus::Failed || m_status == TrainingStatus::Diverged) return;
        // A traced step does not use up the batch, so the same batch stays upcoming until the run trains on.
        std::vector<int> batch = m_session->trainer().upcomingBatch();
        if (batch != m_nextBatch || m_nextCursor >= m_nextBatch.size()) {
            m_nextBatch = std::move(batch);
            m_nextCursor = 0;
        }
        for (int k = 0; k < std::max(1, count) && m_nextCursor < m_nextBatch.size(); ++k)
            samples.push_back(m_nextBatch[m_nextCursor++]);
    });
    if (!samples.empty())
        explainStep(std::move(samples), mapSize);
    else
        guarded([this] { publish(true); });
}

void TrainingWorker::explainStep(std::vector<int> samples, int mapSize)
{
    guarded([&] {
        // A finished run can still be explained: the step is a lesson, it does not continue the run.
        if (!m_session || m_status == TrainingStatus::Failed || m_status == TrainingStatus::Diverged)
            return publish(true);
        m_timer->stop();
        m_mode = Mode::Paused;
        PicturePtr before = makePicture(mapSize);
        Trace traced = m_session->trainer().traceStep(samples);
        InsightsEngine::nameSteps(traced, *m_session);
        auto trace = std::make_shared<const Trace>(std::move(traced));
        PicturePtr after = makePicture(mapSize);
        if (m_status == TrainingStatus::Ready || m_status == TrainingStatus::Running)
            m_status = TrainingStatus::Paused;
        {
            const std::lock_guard lock(threadHandoffMutex());
            emit traceReady(m_generation, std::move(trace), std::move(before), std::move(after));
        }
        publish(true);
    });
}

void TrainingWorker::setWeight(NodeId node, int row, int col, double value)
{
    guarded([&] {
        if (!m_session || !std::isfinite(value)) return;
        Network &net = m_session->network();
        const int i = net.nodeIndex(node);
        if (i < 0 || net.nodes()[static_cast<std::size_t>(i)].kind != LayerKind::Dense) return;
        Matrix &w = static_cast<Dense &>(net.layer(i)).weight();
        if (row < 0 || col < 0 || row >= w.rows() || col >= w.cols()) return;
        w(row, col) = static_cast<Scalar>(value);
        publish(m_mode == Mode::Paused); // a paused run shows the new boundary at once
    });
}

} // namespace nnp
