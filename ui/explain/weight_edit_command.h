#pragma once
// Undoable weight edit of the running network (the neuron view's click on an edge). It lives on the
// document's undo stack so Ctrl+Z works as for any edit; it does nothing once the run it was made for is
// gone.

#include "graph/graph_spec.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <functional>

namespace nnp {

class TrainingController;

class WeightEditCommand : public QUndoCommand {
    Q_DECLARE_TR_FUNCTIONS(WeightEditCommand)
public:
    WeightEditCommand(TrainingController *controller, NodeId node, int row, int col, double oldValue,
                      double newValue, std::function<void()> applied);
    void undo() override;
    void redo() override;

private:
    void apply(double value);
    TrainingController *m_controller;
    quint64 m_generation;
    NodeId m_node;
    int m_row, m_col;
    double m_old, m_new;
    std::function<void()> m_applied;
};

} // namespace nnp
