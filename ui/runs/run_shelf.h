#pragma once
// The runs kept for comparison in the window (Training > Keep run): the core's KeptRuns with, for each, the
// final decision boundary of 2-D data, and the current run as the views compare it. It follows the
// controller: the current run's curves, settings and boundary are cached at every snapshot, so a Reset (which
// starts a new run) can still keep the one that ended.
//
// Automatic keep: once the user has kept a run (a comparison has begun), a run that trained at least one
// epoch is kept when it ends by Reset or by building another run (an edit, another project), unless it was
// kept already. Before the first Keep nothing is kept automatically: a user who never compares gets no shelf
// of runs, and the six places are not filled with runs nobody asked for.

#include "io/kept_runs.h"
#include "training/training_snapshot.h"

#include <QObject>
#include <QString>

#include <memory>

namespace nnp {

class TrainingController;

/// What a kept run shows besides its curves: its data and final decision boundary (null without 2-D data).
struct RunPicture {
    std::shared_ptr<const PlanePoints> plane;
    std::shared_ptr<const BoundaryGrid> boundary;
};

class RunShelf : public QObject {
    Q_OBJECT
public:
    explicit RunShelf(TrainingController *controller, QObject *parent = nullptr);

    [[nodiscard]] const KeptRuns<RunPicture> &runs() const { return m_runs; }
    /// Whether the current run trained at least one epoch (Keep run is enabled).
    [[nodiscard]] bool canKeep() const { return !m_current.history.empty(); }
    /// Whether the current run is among the kept ones.
    [[nodiscard]] bool currentIsKept() const;
    [[nodiscard]] const RunRecord &current() const { return m_current; }
    [[nodiscard]] const RunPicture &currentPicture() const { return m_currentPicture; }
    [[nodiscard]] bool autoKeep() const { return m_autoKeep; }

    /// Keeps the current run (again: its entry is replaced by the newer state). Returns its number, 0 when
    /// it trained no epoch yet.
    int keepCurrent();
    void remove(int number);
    void clear();

    /// "Run 2: SGD → Adam, lr 0.01 → 0.001"; the reference (oldest kept) run is "Run 1 (reference)".
    [[nodiscard]] QString label(const RunRecord &run) const;
    /// "Current run: …", what differs from the reference run.
    [[nodiscard]] QString currentLabel() const;
    /// What differs, translated and joined with ", " (empty when nothing does).
    [[nodiscard]] static QString differenceText(const std::vector<RunDifference> &differences);

signals:
    /// A run was kept, removed or the shelf cleared.
    void runsChanged();
    /// The current run's curves or picture changed (an epoch ended, the run paused or stopped, a new run).
    void currentChanged();

private:
    void onSnapshot(const SnapshotPtr &s);
    void onRunReset();

    TrainingController *m_controller;
    KeptRuns<RunPicture> m_runs;
    RunRecord m_current; // number 0: the current run is not kept; its history as shown (the target's units)
    LossUnits m_units;   // the current run's (core/io/target_scaling.h)
    RunPicture m_currentPicture;
    quint64 m_currentGeneration = 0;
    quint64 m_keptGeneration = 0; // the generation whose run is kept as m_keptNumber
    int m_keptNumber = 0;
    bool m_autoKeep = false; // set by the first Keep, cleared by Clear all
};

} // namespace nnp
