#include "explain/explain_model.h"

#include "explain/weight_edit_command.h"
#include "train/conv_explain.h"
#include "training/training_controller.h"

#include <QTimer>
#include <QUndoStack>

namespace nnp {

namespace {
constexpr qint64 kPictureMs = 250; // the live picture at most 4 times a second
}

ExplainModel::ExplainModel(TrainingController *controller, QUndoStack *undo, QObject *parent)
    : QObject(parent), m_controller(controller), m_undo(undo), m_due(new QTimer(this))
{
    m_due->setSingleShot(true);
    connect(m_due, &QTimer::timeout, this, &ExplainModel::onSnapshot);
    connect(controller, &TrainingController::snapshotReceived, this, &ExplainModel::onSnapshot);
    connect(controller, &TrainingController::pictureReceived, this, &ExplainModel::onPicture);
    connect(controller, &TrainingController::traceReceived, this, &ExplainModel::onTrace);
    connect(controller, &TrainingController::runReset, this, [this] {
        m_inFlight = false; // the answer of the old run is dropped by the controller
        m_live.reset();
        closeTrace();
        emit pictureChanged();
    });
    connect(controller, &TrainingController::statusChanged, this, [this](TrainingStatus s) {
        if (s == TrainingStatus::Running) closeTrace(); // the recorded step no longer matches the network
    });
}

PicturePtr ExplainModel::picture() const
{
    if (m_trace) {
        const bool after = phase().kind == PhaseKind::Update;
        if (after ? m_after : m_before) return after ? m_after : m_before;
    }
    return m_live;
}

Phase ExplainModel::phase() const
{
    if (m_phaseIndex < 0 || m_phaseIndex >= int(m_phases.size())) return {};
    return m_phases[std::size_t(m_phaseIndex)];
}

const NodeTrace *ExplainModel::nodeTrace(int column) const
{
    const PicturePtr p = picture();
    if (!m_trace || !p || column < 0 || column >= int(p->layers.size())) return nullptr;
    return m_trace->find(p->layers[std::size_t(column)].id);
}

void ExplainModel::setLive(bool on)
{
    m_liveOn = on;
    if (on && !m_live) refresh();
}

void ExplainModel::refresh()
{
    m_inFlight = true;
    m_sinceRequest.restart();
    m_controller->requestPicture(m_mapSize);
}

void ExplainModel::onSnapshot()
{
    if (!m_liveOn) return;
    if (m_inFlight && m_sinceRequest.isValid() && m_sinceRequest.elapsed() < 2000) return;
    const qint64 since = m_sinceRequest.isValid() ? m_sinceRequest.elapsed() : kPictureMs;
    if (since < kPictureMs) {
        if (!m_due->isActive())
            m_due->start(int(kPictureMs - since)); // the last snapshot of a burst is drawn too
        return;
    }
    refresh();
}

void ExplainModel::onPicture(const PicturePtr &p)
{
    m_inFlight = false;
    m_live = p;
    emit pictureChanged();
}

void ExplainModel::explain(const std::vector<int> &samples)
{
    if (samples.empty()) return;
    m_controller->explainStep(samples, m_mapSize);
}

void ExplainModel::explainNextInBatch(int count)
{
    m_controller->explainNextInBatch(count, m_mapSize);
}

void ExplainModel::onTrace(const TracePtr &t, const PicturePtr &before, const PicturePtr &after)
{
    m_trace = t;
    m_before = before;
    m_after = after;
    m_live = after;
    buildPhases();
    m_phaseIndex = m_phases.empty() ? -1 : 0;
    if (m_selection.kind != Selection::Kind::None &&
        (!after || m_selection.column >= int(after->layers.size())))
        m_selection = {};
    emit traceChanged();
    emit pictureChanged();
    emit phaseChanged();
}

void ExplainModel::buildPhases()
{
    m_phases.clear();
    if (!m_trace || !m_before) return;
    const int columns = static_cast<int>(m_before->layers.size());
    // The drawn columns in order, with a stop at each convolution and pooling node between them.
    int reached = 0;
    for (const NodeTrace &nt : m_trace->nodes) {
        const int c = m_before->columnOf(nt.id);
        if (c >= 0) {
            reached = c;
            m_phases.push_back({PhaseKind::Forward, c});
        } else if (explainsWindow(nt) || !nt.recurrent.steps.empty()) {
            m_phases.push_back({PhaseKind::Forward, reached, nt.id});
        }
    }
    m_phases.push_back({PhaseKind::Loss, columns - 1});
    reached = columns;
    for (auto it = m_trace->nodes.rbegin(); it != m_trace->nodes.rend(); ++it) {
        const int c = m_before->columnOf(it->id);
        if (c >= 1) {
            reached = c;
            m_phases.push_back({PhaseKind::Backward, c});
        } else if (c < 0 && (explainsWindow(*it) || !it->recurrent.steps.empty()) &&
                   it->gradOutput.size() > 0) {
            m_phases.push_back({PhaseKind::Backward, reached, it->id});
        }
    }
    m_phases.push_back({PhaseKind::Update, -1});
}

void ExplainModel::setPhaseIndex(int index)
{
    if (m_phases.empty()) return;
    index = std::clamp(index, 0, int(m_phases.size()) - 1);
    if (index == m_phaseIndex) return;
    const bool pictureSwaps =
        (phase().kind == PhaseKind::Update) != (m_phases[std::size_t(index)].kind == PhaseKind::Update);
    m_phaseIndex = index;
    if (pictureSwaps) emit pictureChanged();
    emit phaseChanged();
}

void ExplainModel::next()
{
    setPhaseIndex(m_phaseIndex + 1);
}

void ExplainModel::back()
{
    setPhaseIndex(m_phaseIndex - 1);
}

void ExplainModel::closeTrace()
{
    if (!m_trace) return;
    m_trace.reset();
    m_before.reset();
    m_after.reset();
    m_phases.clear();
    m_phaseIndex = -1;
    emit traceChanged();
    emit pictureChanged();
    emit phaseChanged();
}

const NodeTrace *ExplainModel::windowNode() const
{
    const Phase p = phase();
    if (!m_trace || p.node == 0) return nullptr;
    const NodeTrace *nt = m_trace->find(p.node);
    return nt && explainsWindow(*nt) ? nt : nullptr;
}

WindowSelection ExplainModel::windowSelection() const
{
    WindowSelection s = m_window;
    const NodeTrace *nt = windowNode();
    if (!nt) return s;
    const WindowGeometry &g = nt->window;
    const int maps = g.outPlane() > 0 ? std::max(1, int(nt->output.rows()) / g.outPlane()) : 1;
    s.map = std::clamp(s.map, 0, maps - 1);
    s.oy = std::clamp(s.oy, 0, std::max(0, g.outHeight - 1));
    s.ox = std::clamp(s.ox, 0, std::max(0, g.outWidth - 1));
    s.channel = std::clamp(s.channel, 0, std::max(0, g.channels - 1));
    s.ki = std::clamp(s.ki, 0, std::max(0, g.kh - 1));
    s.kj = std::clamp(s.kj, 0, std::max(0, g.kw - 1));
    return s;
}

void ExplainModel::setWindowSelection(WindowSelection s)
{
    if (s == m_window) return;
    m_window = s;
    emit selectionChanged();
}

void ExplainModel::stepPosition(int step)
{
    const NodeTrace *nt = windowNode();
    if (!nt || nt->window.outPlane() == 0) return;
    const WindowGeometry &g = nt->window;
    WindowSelection s = windowSelection();
    const int P = g.outPlane();
    const int p = ((s.oy * g.outWidth + s.ox + step) % P + P) % P;
    s.oy = p / g.outWidth;
    s.ox = p % g.outWidth;
    setWindowSelection(s);
}

const NodeTrace *ExplainModel::recurrentNode() const
{
    const Phase p = phase();
    if (!m_trace || p.node == 0) return nullptr;
    const NodeTrace *nt = m_trace->find(p.node);
    return nt && !nt->recurrent.steps.empty() ? nt : nullptr;
}

RecurrentSelection ExplainModel::recurrentSelection() const
{
    RecurrentSelection s = m_recurrent;
    const NodeTrace *nt = recurrentNode();
    if (!nt) return s;
    const RecurrentTrace &r = nt->recurrent;
    const int T = int(r.steps.size());
    s.step = s.step < 0 ? T - 1 : std::min(s.step, T - 1);
    s.unit = std::clamp(s.unit, 0, std::max(0, r.units - 1));
    s.param = std::clamp(s.param, 0, 3);
    s.row = std::clamp(s.row, 0, std::max(0, r.gates * r.units - 1));
    const int cols = s.param == 0 ? r.features : s.param == 1 ? r.units : 1;
    s.col = std::clamp(s.col, 0, std::max(0, cols - 1));
    return s;
}

void ExplainModel::setRecurrentSelection(RecurrentSelection s)
{
    if (s == m_recurrent) return;
    m_recurrent = s;
    emit selectionChanged();
}

void ExplainModel::setSelection(Selection s)
{
    if (s == m_selection) return;
    m_selection = s;
    emit selectionChanged();
}

void ExplainModel::editWeight(int column, int row, int from, double value)
{
    const PicturePtr p = picture();
    if (!p || column < 1 || column >= int(p->layers.size())) return;
    const PictureLayer &l = p->layers[std::size_t(column)];
    if (row < 0 || from < 0 || row >= l.weight.rows() || from >= l.weight.cols() || !std::isfinite(value))
        return;
    closeTrace();
    auto *cmd = new WeightEditCommand(m_controller, l.id, row, from, double(l.weight(row, from)), value,
                                      [this] { refresh(); });
    if (m_undo)
        m_undo->push(cmd);
    else {
        cmd->redo();
        delete cmd;
    }
}

} // namespace nnp
