#pragma once
// One undo step that swaps the whole project (network, data, preprocessing, hyperparameters, name): what
// File > Open data does to a canvas that already holds a network, so Undo brings that network back.

#include "document/graph_document.h"

#include <QUndoCommand>

namespace nnp {

class ReplaceProjectCommand : public QUndoCommand {
public:
    ReplaceProjectCommand(GraphDocument *doc, Project after, const QString &text);
    void undo() override;
    void redo() override;

private:
    GraphDocument *m_doc;
    Project m_before, m_after;
};

} // namespace nnp
