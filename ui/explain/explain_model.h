#pragma once
// The explain mode's state, shared by the neuron view and the explain panel: the network picture (live, at a
// bounded rate and only while a view shows it), the recorded step (a Trace from the worker), the phase the
// user is at, and the selected neuron or edge. Weight edits go through the document's undo stack.

#include "training/network_picture.h"

#include <QElapsedTimer>
#include <QObject>

#include <vector>

class QTimer;
class QUndoStack;

namespace nnp {

class TrainingController;

enum class PhaseKind { None, Forward, Loss, Backward, Update };

/// One stop of the walk through a step. `column` is the neuron view's column (0 = inputs). A stop at a
/// convolution or pooling node (which the neuron view does not draw) names it in `node`; its `column` is the
/// drawn column the walk has reached there.
struct Phase {
    PhaseKind kind = PhaseKind::None;
    int column = -1;
    NodeId node = 0;
    bool operator==(const Phase &) const = default;
};

/// Where the explain mode looks inside a convolution or pooling node: output map `map` (a filter, or a
/// pooled channel) at (oy, ox); the input channel shown and the kernel tap (ki, kj) of the chosen weight.
struct WindowSelection {
    int map = 0, oy = 0, ox = 0;
    int channel = 0, ki = 0, kj = 0;
    bool operator==(const WindowSelection &) const = default;
};

/// Where the explain mode looks inside a recurrent node: time step `step` (−1: the last), hidden unit
/// `unit`, and the weight whose gradient the backward phase sums over the steps: parameter `param` (0 W, 1
/// U, 2 b_ih, 3 b_hh) at (row, col).
struct RecurrentSelection {
    int step = -1, unit = 0;
    int param = 0, row = 0, col = 0;
    bool operator==(const RecurrentSelection &) const = default;
};

struct Selection {
    enum class Kind { None, Neuron, Edge };
    Kind kind = Kind::None;
    int column = -1; ///< the neuron's column; for an edge, the column it enters
    int row = -1;    ///< the neuron (for an edge: the receiving neuron j)
    int from = -1;   ///< edge: the sending neuron i in column − 1
    bool operator==(const Selection &) const = default;
};

class ExplainModel : public QObject {
    Q_OBJECT
public:
    ExplainModel(TrainingController *controller, QUndoStack *undo, QObject *parent = nullptr);

    [[nodiscard]] TrainingController *controller() const { return m_controller; }
    /// What the neuron view draws now: during a walk the network before the step (after it in the update
    /// phase), else the live network. May be null.
    [[nodiscard]] PicturePtr picture() const;
    [[nodiscard]] PicturePtr livePicture() const { return m_live; }
    [[nodiscard]] TracePtr trace() const { return m_trace; }
    [[nodiscard]] PicturePtr pictureBefore() const { return m_before; }
    [[nodiscard]] PicturePtr pictureAfter() const { return m_after; }
    [[nodiscard]] const std::vector<Phase> &phases() const { return m_phases; }
    [[nodiscard]] int phaseIndex() const { return m_phaseIndex; }
    [[nodiscard]] Phase phase() const;
    [[nodiscard]] Selection selection() const { return m_selection; }
    /// The trace of the node drawn in this column (null without a trace).
    [[nodiscard]] const NodeTrace *nodeTrace(int column) const;
    [[nodiscard]] int mapSize() const { return m_mapSize; }
    /// The convolution or pooling node of the current phase (null elsewhere).
    [[nodiscard]] const NodeTrace *windowNode() const;
    /// The position inside it, clamped to the node of the current phase.
    [[nodiscard]] WindowSelection windowSelection() const;
    void setWindowSelection(WindowSelection s);
    /// Moves the chosen output position by `step` positions in reading order (wrapping around).
    void stepPosition(int step);
    /// The SimpleRNN, LSTM or GRU node of the current phase (null elsewhere).
    [[nodiscard]] const NodeTrace *recurrentNode() const;
    /// The place inside it, clamped to the node of the current phase (the step −1 becomes the last).
    [[nodiscard]] RecurrentSelection recurrentSelection() const;
    void setRecurrentSelection(RecurrentSelection s);

    /// Views call this while they are visible: the live picture is refreshed at most every 250 ms.
    void setLive(bool on);
    /// Runs one traced step on these training samples; the walk starts at its first phase.
    void explain(const std::vector<int> &samples);
    /// Explains the next `count` samples of the run's upcoming mini-batch.
    void explainNextInBatch(int count);
    void next();
    void back();
    void setPhaseIndex(int index);
    /// Leaves the walk (the views show the live network again).
    void closeTrace();
    void setSelection(Selection s);
    /// Sets a weight of the run as one undoable command on the document's stack.
    void editWeight(int column, int row, int from, double value);
    /// Asks the worker for a fresh picture now (after an edit).
    void refresh();

signals:
    void pictureChanged();
    void traceChanged();
    void phaseChanged();
    void selectionChanged();

private:
    void onSnapshot();
    void onPicture(const PicturePtr &p);
    void onTrace(const TracePtr &t, const PicturePtr &before, const PicturePtr &after);
    void buildPhases();

    TrainingController *m_controller;
    QUndoStack *m_undo;
    PicturePtr m_live, m_before, m_after;
    TracePtr m_trace;
    std::vector<Phase> m_phases;
    int m_phaseIndex = -1;
    Selection m_selection;
    WindowSelection m_window;
    RecurrentSelection m_recurrent;
    bool m_liveOn = false;
    bool m_inFlight = false;
    QElapsedTimer m_sinceRequest;
    QTimer *m_due;
    int m_mapSize = 40;
};

} // namespace nnp
