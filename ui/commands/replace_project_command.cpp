#include "commands/replace_project_command.h"

namespace nnp {

ReplaceProjectCommand::ReplaceProjectCommand(GraphDocument *doc, Project after, const QString &text)
    : QUndoCommand(text), m_doc(doc), m_before(doc->project()), m_after(std::move(after))
{
}

void ReplaceProjectCommand::undo()
{
    m_doc->applyWholeProject(m_before);
}

void ReplaceProjectCommand::redo()
{
    m_doc->applyWholeProject(m_after);
}

} // namespace nnp
