#pragma once
// Every user edit of a GraphDocument. Commands store ids and values, never item pointers, so they stay
// valid however the scene rebuilds its items. Indices are remembered so that undo restores the exact
// order of nodes and wires (the order of Input nodes and of Concatenate slots matters).

#include "document/graph_document.h"

#include <QPointF>
#include <QUndoCommand>

#include <vector>

namespace nnp {

/// Ids for QUndoCommand::mergeWith.
enum class CommandId { ChangeNodeOptions = 1001, ChangeHyperparameters, ChangeData };

class AddNodeCommand : public QUndoCommand {
public:
    AddNodeCommand(GraphDocument *doc, NodeSpec node, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    NodeSpec m_node;
    int m_index = -1;
};

/// Removes one node that no wire touches (a child of RemoveItemsCommand, which removes the wires first).
class RemoveNodeCommand : public QUndoCommand {
public:
    RemoveNodeCommand(GraphDocument *doc, NodeId id, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    NodeSpec m_node;
    int m_index = -1;
};

class ConnectCommand : public QUndoCommand {
public:
    ConnectCommand(GraphDocument *doc, EdgeSpec edge, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    EdgeSpec m_edge;
};

class DisconnectCommand : public QUndoCommand {
public:
    DisconnectCommand(GraphDocument *doc, EdgeSpec edge, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    EdgeSpec m_edge;
    int m_index = -1;
};

/// Deleting a selection: its wires, every wire touching its nodes, then the nodes — one undo step.
class RemoveItemsCommand : public QUndoCommand {
public:
    RemoveItemsCommand(GraphDocument *doc, const std::vector<NodeId> &nodes,
                       const std::vector<EdgeSpec> &edges, QUndoCommand *parent = nullptr);
};

struct NodeMove {
    NodeId id = 0;
    QPointF from, to;
};

/// One drag of one or more nodes (pushed on release), or an auto-layout.
class MoveNodesCommand : public QUndoCommand {
public:
    MoveNodesCommand(GraphDocument *doc, std::vector<NodeMove> moves, const QString &text = {},
                     QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    GraphDocument *m_doc;
    std::vector<NodeMove> m_moves;
};

/// A change of a node's name or options. Successive edits of the same field of the same node merge, so
/// spinning "units" from 4 to 9 is one undo step.
class ChangeNodeOptionsCommand : public QUndoCommand {
public:
    ChangeNodeOptionsCommand(GraphDocument *doc, NodeId id, std::string name, LayerOptions options,
                             QString field, QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override { return static_cast<int>(CommandId::ChangeNodeOptions); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    NodeId m_node;
    QString m_field;
    std::string m_oldName, m_newName;
    LayerOptions m_old, m_new;
};

/// Layers and wires copied elsewhere (ids already fresh), pasted as one step.
class PasteCommand : public QUndoCommand {
public:
    PasteCommand(GraphDocument *doc, std::vector<NodeSpec> nodes, std::vector<EdgeSpec> edges,
                 QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    [[nodiscard]] const std::vector<NodeSpec> &nodes() const { return m_nodes; }

private:
    GraphDocument *m_doc;
    std::vector<NodeSpec> m_nodes;
    std::vector<EdgeSpec> m_edges;
};

/// Optimizer, learning rate, schedule, batch size, epochs, loss, seed ...; edits of one field merge.
class ChangeHyperparametersCommand : public QUndoCommand {
public:
    ChangeHyperparametersCommand(GraphDocument *doc, TrainingConfig config, QString field,
                                 QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override { return static_cast<int>(CommandId::ChangeHyperparameters); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    QString m_field;
    TrainingConfig m_old, m_new;
};

/// The data source and preprocessing (for the data panel); edits of one field merge.
class ChangeDataCommand : public QUndoCommand {
public:
    ChangeDataCommand(GraphDocument *doc, DataSource data, Preprocessing preprocessing, QString field,
                      QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;
    [[nodiscard]] int id() const override { return static_cast<int>(CommandId::ChangeData); }
    bool mergeWith(const QUndoCommand *other) override;

private:
    GraphDocument *m_doc;
    QString m_field;
    DataSource m_oldData, m_newData;
    Preprocessing m_oldPre, m_newPre;
};

} // namespace nnp
