#include "runs/run_shelf.h"

#include "i18n/diagnostic_text.h"
#include "training/training_controller.h"

namespace nnp {

RunShelf::RunShelf(TrainingController *controller, QObject *parent)
    : QObject(parent), m_controller(controller)
{
    connect(controller, &TrainingController::snapshotReceived, this, &RunShelf::onSnapshot);
    connect(controller, &TrainingController::runReset, this, &RunShelf::onRunReset);
}

bool RunShelf::currentIsKept() const
{
    if (m_keptNumber == 0 || m_keptGeneration != m_currentGeneration) return false;
    for (const auto &e : m_runs.entries())
        if (e.record.number == m_keptNumber) return true;
    return false;
}

void RunShelf::onSnapshot(const SnapshotPtr &s)
{
    if (!s) return;
    const bool newRun = s->generation != m_currentGeneration;
    const bool grew = m_controller->history().size() != m_current.history.size();
    bool pictureChanged = false;
    if (s->plane && s->plane != m_currentPicture.plane) {
        m_currentPicture.plane = s->plane;
        pictureChanged = true;
    }
    if (s->boundary && s->boundary != m_currentPicture.boundary) {
        m_currentPicture.boundary = s->boundary;
        pictureChanged = true;
    }
    m_currentGeneration = s->generation;
    bool unitsChanged = false;
    if (!s->lossPoints.empty() || !s->epochs.empty()) { // they come with the losses
        unitsChanged = !(s->lossUnits == m_units);
        m_units = s->lossUnits;
    }
    if (!newRun && !grew && !(pictureChanged && s->weights)) return;
    // Runs are compared as the loss plot shows them: a scaled target's losses in its own units. The history
    // only grows during a run: what was converted stays (a long run at the fastest pace would otherwise
    // convert thousands of epochs at every snapshot).
    const std::vector<EpochRecord> &history = m_controller->history();
    if (newRun || unitsChanged || history.size() < m_current.history.size()) m_current.history.clear();
    for (std::size_t i = m_current.history.size(); i < history.size(); ++i)
        m_current.history.push_back(m_units.shown(history[i]));
    // The settings change with a new run and with a live setting (the learning rate while it trains).
    const Project &run = m_controller->runProject();
    if (newRun || !(m_current.settings.training == run.training) || !(m_current.settings.graph == run.graph))
        m_current.settings = run;
    // The views redraw at each epoch and when the run pauses or stops, not at every snapshot.
    if (newRun || grew || s->weights) emit currentChanged();
}

void RunShelf::onRunReset()
{
    // The run that ends is kept when a comparison has begun (see the header).
    if (m_autoKeep && canKeep() && !currentIsKept()) keepCurrent();
    m_current.history.clear();
    m_currentPicture = {};
    m_currentGeneration = 0;
    emit currentChanged();
}

int RunShelf::keepCurrent()
{
    if (!canKeep()) return 0;
    if (currentIsKept()) m_runs.remove(m_keptNumber);
    m_keptNumber = m_runs.keep(m_current.settings, m_current.history, m_currentPicture);
    m_keptGeneration = m_currentGeneration;
    m_autoKeep = true;
    emit runsChanged();
    return m_keptNumber;
}

void RunShelf::remove(int number)
{
    if (m_runs.remove(number)) emit runsChanged();
}

void RunShelf::clear()
{
    m_runs.clear();
    m_keptNumber = 0;
    m_autoKeep = false;
    emit runsChanged();
}

QString RunShelf::differenceText(const std::vector<RunDifference> &differences)
{
    QStringList parts;
    for (const RunDifference &d : differences) {
        Diagnostic text;
        text.format = d.format;
        text.args = d.args;
        parts << diagnosticText(text);
    }
    return parts.join(tr(", "));
}

QString RunShelf::label(const RunRecord &run) const
{
    const RunRecord *reference = m_runs.reference();
    if (!reference || reference->number == run.number) return tr("Run %1 (reference)").arg(run.number);
    const QString what = differenceText(settingsDifferences(reference->settings, run.settings));
    return what.isEmpty() ? tr("Run %1: same settings").arg(run.number)
                          : tr("Run %1: %2").arg(QString::number(run.number), what);
}

QString RunShelf::currentLabel() const
{
    if (m_runs.empty()) return tr("Current run");
    const QString what = differenceText(m_runs.differencesFromReference(m_current.settings));
    return what.isEmpty() ? tr("Current run: same settings") : tr("Current run: %1").arg(what);
}

} // namespace nnp
