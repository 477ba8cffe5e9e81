#include "explain/weight_edit_command.h"

#include "training/training_controller.h"

namespace nnp {

WeightEditCommand::WeightEditCommand(TrainingController *controller, NodeId node, int row, int col,
                                     double oldValue, double newValue, std::function<void()> applied)
    : m_controller(controller), m_generation(controller->generation()), m_node(node), m_row(row), m_col(col),
      m_old(oldValue), m_new(newValue), m_applied(std::move(applied))
{
    setText(tr("Set weight w%1%2 to %3").arg(row + 1).arg(col + 1).arg(newValue));
}

void WeightEditCommand::apply(double value)
{
    if (m_controller->generation() != m_generation) { // the run was reset: its weights are gone
        setObsolete(true);
        return;
    }
    m_controller->setWeight(m_node, m_row, m_col, value);
    if (m_applied) m_applied();
}

void WeightEditCommand::undo()
{
    apply(m_old);
}

void WeightEditCommand::redo()
{
    apply(m_new);
}

} // namespace nnp
