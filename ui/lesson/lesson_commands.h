#pragma once
// Authoring a lesson is undoable: every change (a new lesson, a step added, moved, deleted or edited) is one
// command on the document's stack that replaces the project's lesson block as a whole. Typing into one
// field of one step merges into one command.

#include "lesson/lesson.h"

#include <QUndoCommand>

#include <optional>

namespace nnp {

class GraphDocument;

class SetLessonCommand : public QUndoCommand {
public:
    /// `mergeKey` >= 0: consecutive commands with the same key merge (the same field of the same step).
    SetLessonCommand(GraphDocument *doc, std::optional<Lesson> after, const QString &text, int mergeKey = -1);
    void undo() override;
    void redo() override;
    [[nodiscard]] int id() const override { return m_mergeKey >= 0 ? 0x1e55 : -1; }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    std::optional<Lesson> m_before, m_after;
    int m_mergeKey;
};

/// Pushes a SetLessonCommand when `after` differs from the document's lesson; returns whether it did.
bool pushLessonEdit(GraphDocument *doc, std::optional<Lesson> after, const QString &text, int mergeKey = -1);

} // namespace nnp
