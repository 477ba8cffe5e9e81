#include "commands/chain_commands.h"

#include "commands/graph_commands.h"
#include "document/graph_document.h"
#include "graph/chain_edit.h"
#include "layers/dense.h"

#include <QCoreApplication>
#include <QUndoStack>

#include <algorithm>
#include <memory>

namespace nnp::chain {

namespace {
class ChainCommands {
    Q_DECLARE_TR_FUNCTIONS(ChainCommands)
};

std::string hiddenName(const GraphSpec &graph)
{
    for (int i = 1;; ++i) {
        std::string name = "hidden_" + std::to_string(i);
        if (std::none_of(graph.nodes.begin(), graph.nodes.end(),
                         [&](const NodeSpec &n) { return n.name == name; }))
            return name;
    }
}

void addMoves(GraphDocument *doc, const std::vector<std::pair<NodeId, double>> &shifted, QUndoCommand *parent)
{
    std::vector<NodeMove> moves;
    for (const auto &[id, x] : shifted)
        if (const NodeSpec *n = doc->graph().find(id); n && n->x != x)
            moves.push_back({id, QPointF(n->x, n->y), QPointF(x, n->y)});
    if (!moves.empty()) new MoveNodesCommand(doc, std::move(moves), {}, parent);
}
} // namespace

bool changeNeurons(GraphDocument *doc, NodeId id, int delta)
{
    const auto units = unitsAfter(doc->graph(), id, delta);
    if (!units) return false;
    const NodeSpec &node = *doc->graph().find(id);
    LayerOptions options = node.options;
    options.set(opt::dense::units, *units);
    // A parent of its own, so that two presses are two steps (the inspector's spin box merges its edits).
    auto cmd = std::make_unique<QUndoCommand>(delta > 0 ? ChainCommands::tr("Add neuron")
                                                        : ChainCommands::tr("Remove neuron"));
    new ChangeNodeOptionsCommand(doc, id, node.name, std::move(options), QStringLiteral("units"), cmd.get());
    doc->undoStack()->push(cmd.release());
    return true;
}

bool addHiddenLayer(GraphDocument *doc)
{
    const auto plan = planHiddenLayerInsertion(doc->graph(), hiddenName(doc->graph()));
    if (!plan) return false;
    auto cmd = std::make_unique<QUndoCommand>(ChainCommands::tr("Add hidden layer"));
    addMoves(doc, plan->shifted,
             cmd.get()); // the output moves right first, then the new layer takes its place
    new DisconnectCommand(doc, plan->removed, cmd.get());
    new AddNodeCommand(doc, plan->node, cmd.get());
    new ConnectCommand(doc, plan->in, cmd.get());
    new ConnectCommand(doc, plan->out, cmd.get());
    doc->undoStack()->push(cmd.release());
    return true;
}

bool removeHiddenLayer(GraphDocument *doc)
{
    const auto plan = planHiddenLayerRemoval(doc->graph());
    if (!plan) return false;
    auto cmd = std::make_unique<QUndoCommand>(ChainCommands::tr("Remove hidden layer"));
    new DisconnectCommand(doc, plan->out, cmd.get());
    new DisconnectCommand(doc, plan->in, cmd.get());
    new RemoveNodeCommand(doc, plan->node, cmd.get());
    new ConnectCommand(doc, plan->joined, cmd.get());
    addMoves(doc, plan->shifted, cmd.get());
    doc->undoStack()->push(cmd.release());
    return true;
}

} // namespace nnp::chain
