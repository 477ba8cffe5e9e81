#include "lesson/lesson_commands.h"

#include "document/graph_document.h"

#include <QUndoStack>

namespace nnp {

SetLessonCommand::SetLessonCommand(GraphDocument *doc, std::optional<Lesson> after, const QString &text,
                                   int mergeKey)
    : QUndoCommand(text), m_doc(doc), m_before(doc->project().lesson), m_after(std::move(after)),
      m_mergeKey(mergeKey)
{
}

void SetLessonCommand::undo()
{
    m_doc->applyLesson(m_before);
}

void SetLessonCommand::redo()
{
    m_doc->applyLesson(m_after);
}

bool SetLessonCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = dynamic_cast<const SetLessonCommand *>(other);
    if (!o || o->m_mergeKey != m_mergeKey || m_mergeKey < 0) return false;
    m_after = o->m_after;
    return true;
}

bool pushLessonEdit(GraphDocument *doc, std::optional<Lesson> after, const QString &text, int mergeKey)
{
    if (after == doc->project().lesson) return false;
    doc->undoStack()->push(new SetLessonCommand(doc, std::move(after), text, mergeKey));
    return true;
}

} // namespace nnp
