#include "commands/graph_commands.h"

#include "document/layer_catalog.h"

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace nnp {

namespace {
// The undo history's texts ("Undo Delete layer") live in one translation context.
class GraphCommands {
    Q_DECLARE_TR_FUNCTIONS(GraphCommands)
};
} // namespace

AddNodeCommand::AddNodeCommand(GraphDocument *doc, NodeSpec node, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_node(std::move(node))
{
    // "New Add layer": the verb must not be a kind's name ("Undo Add Add" read as a typo).
    setText(GraphCommands::tr("New %1 layer").arg(LayerCatalog::title(m_node.kind)));
}

void AddNodeCommand::redo()
{
    m_doc->applyInsertNode(m_node, m_index);
}

void AddNodeCommand::undo()
{
    m_index = m_doc->indexOfNode(m_node.id);
    m_doc->applyRemoveNode(m_node.id);
}

RemoveNodeCommand::RemoveNodeCommand(GraphDocument *doc, NodeId id, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc)
{
    if (const NodeSpec *n = doc->graph().find(id)) m_node = *n;
    m_node.id = id;
    setText(GraphCommands::tr("Delete %1").arg(LayerCatalog::title(m_node.kind)));
}

void RemoveNodeCommand::redo()
{
    // The node as it is now (a later edit may have changed it since this command was made).
    if (const NodeSpec *n = m_doc->graph().find(m_node.id)) m_node = *n;
    m_index = m_doc->indexOfNode(m_node.id);
    m_doc->applyRemoveNode(m_node.id);
}

void RemoveNodeCommand::undo()
{
    m_doc->applyInsertNode(m_node, m_index);
}

ConnectCommand::ConnectCommand(GraphDocument *doc, EdgeSpec edge, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_edge(edge)
{
    setText(GraphCommands::tr("Connect"));
}

void ConnectCommand::redo()
{
    m_doc->applyInsertEdge(m_edge);
}
void ConnectCommand::undo()
{
    m_doc->applyRemoveEdge(m_edge);
}

DisconnectCommand::DisconnectCommand(GraphDocument *doc, EdgeSpec edge, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_edge(edge)
{
    setText(GraphCommands::tr("Disconnect"));
}

void DisconnectCommand::redo()
{
    m_index = m_doc->indexOfEdge(m_edge);
    m_doc->applyRemoveEdge(m_edge);
}

void DisconnectCommand::undo()
{
    m_doc->applyInsertEdge(m_edge, m_index);
}

RemoveItemsCommand::RemoveItemsCommand(GraphDocument *doc, const std::vector<NodeId> &nodes,
                                       const std::vector<EdgeSpec> &edges, QUndoCommand *parent)
    : QUndoCommand(parent)
{
    const std::set<NodeId> gone(nodes.begin(), nodes.end());
    // Children run in order on redo and in reverse on undo; removing wires from the back of the list
    // first keeps every remembered index valid both ways.
    std::vector<EdgeSpec> wires;
    for (const auto &e : doc->graph().edges)
        if (gone.count(e.from) || gone.count(e.to) || std::find(edges.begin(), edges.end(), e) != edges.end())
            wires.push_back(e);
    std::reverse(wires.begin(), wires.end());
    for (const auto &e : wires)
        new DisconnectCommand(doc, e, this);
    std::vector<NodeId> ordered;
    for (const auto &n : doc->graph().nodes)
        if (gone.count(n.id)) ordered.push_back(n.id);
    std::reverse(ordered.begin(), ordered.end());
    for (NodeId id : ordered)
        new RemoveNodeCommand(doc, id, this);
    if (ordered.empty())
        setText(wires.size() == 1 ? GraphCommands::tr("Delete wire") : GraphCommands::tr("Delete wires"));
    else
        setText(ordered.size() == 1 ? GraphCommands::tr("Delete layer")
                                    : GraphCommands::tr("Delete %1 layers").arg(ordered.size()));
}

MoveNodesCommand::MoveNodesCommand(GraphDocument *doc, std::vector<NodeMove> moves, const QString &text,
                                   QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_moves(std::move(moves))
{
    setText(text.isEmpty() ? GraphCommands::tr("Move") : text);
}

void MoveNodesCommand::redo()
{
    for (const auto &m : m_moves)
        m_doc->applyNodePosition(m.id, m.to);
}

void MoveNodesCommand::undo()
{
    for (const auto &m : m_moves)
        m_doc->applyNodePosition(m.id, m.from);
}

ChangeNodeOptionsCommand::ChangeNodeOptionsCommand(GraphDocument *doc, NodeId id, std::string name,
                                                   LayerOptions options, QString field, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_node(id), m_field(std::move(field)), m_newName(std::move(name)),
      m_new(std::move(options))
{
    if (const NodeSpec *n = doc->graph().find(id)) {
        m_oldName = n->name;
        m_old = n->options;
    }
    setText(GraphCommands::tr("Change %1").arg(m_field));
}

void ChangeNodeOptionsCommand::redo()
{
    m_doc->applyNodeSettings(m_node, m_newName, m_new);
}
void ChangeNodeOptionsCommand::undo()
{
    m_doc->applyNodeSettings(m_node, m_oldName, m_old);
}

bool ChangeNodeOptionsCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeNodeOptionsCommand *>(other);
    if (o->m_node != m_node || o->m_field != m_field) return false;
    m_newName = o->m_newName;
    m_new = o->m_new;
    setObsolete(m_newName == m_oldName && m_new == m_old);
    return true;
}

PasteCommand::PasteCommand(GraphDocument *doc, std::vector<NodeSpec> nodes, std::vector<EdgeSpec> edges,
                           QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_nodes(std::move(nodes)), m_edges(std::move(edges))
{
    setText(m_nodes.size() == 1 ? GraphCommands::tr("Paste layer")
                                : GraphCommands::tr("Paste %1 layers").arg(m_nodes.size()));
}

void PasteCommand::redo()
{
    for (const auto &n : m_nodes)
        m_doc->applyInsertNode(n);
    for (const auto &e : m_edges)
        m_doc->applyInsertEdge(e);
}

void PasteCommand::undo()
{
    // Pasted items were appended, so taking them off the back restores the exact previous lists.
    for (auto it = m_edges.rbegin(); it != m_edges.rend(); ++it)
        m_doc->applyRemoveEdge(*it);
    for (auto it = m_nodes.rbegin(); it != m_nodes.rend(); ++it)
        m_doc->applyRemoveNode(it->id);
}

ChangeHyperparametersCommand::ChangeHyperparametersCommand(GraphDocument *doc, TrainingConfig config,
                                                           QString field, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_field(std::move(field)), m_old(doc->training()),
      m_new(std::move(config))
{
    setText(GraphCommands::tr("Change %1").arg(m_field));
}

void ChangeHyperparametersCommand::redo()
{
    m_doc->applyTraining(m_new);
}
void ChangeHyperparametersCommand::undo()
{
    m_doc->applyTraining(m_old);
}

bool ChangeHyperparametersCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeHyperparametersCommand *>(other);
    if (o->m_field != m_field) return false;
    m_new = o->m_new;
    return true;
}

ChangeDataCommand::ChangeDataCommand(GraphDocument *doc, DataSource data, Preprocessing preprocessing,
                                     QString field, QUndoCommand *parent)
    : QUndoCommand(parent), m_doc(doc), m_field(std::move(field)), m_oldData(doc->dataSource()),
      m_newData(std::move(data)), m_oldPre(doc->preprocessing()), m_newPre(std::move(preprocessing))
{
    setText(GraphCommands::tr("Change %1").arg(m_field));
}

void ChangeDataCommand::redo()
{
    m_doc->applyData(m_newData, m_newPre);
}
void ChangeDataCommand::undo()
{
    m_doc->applyData(m_oldData, m_oldPre);
}

bool ChangeDataCommand::mergeWith(const QUndoCommand *other)
{
    const auto *o = static_cast<const ChangeDataCommand *>(other);
    if (o->m_field != m_field) return false;
    m_newData = o->m_newData;
    m_newPre = o->m_newPre;
    return true;
}

} // namespace nnp
