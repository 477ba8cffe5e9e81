#pragma once
// Layered layout: one column per topological depth, flowing left to right like the playground.

#include "graph/graph_spec.h"

#include <QPointF>

#include <map>

namespace nnp {

inline constexpr double kLayoutColumnSpacing = 260.0; // block width 200 + room for the wire
inline constexpr double kLayoutRowSpacing = 150.0;

/// Top-left positions for every node: x by longest path from a source, y centred per column and ordered
/// to follow the predecessors (fewer crossing wires). Nodes caught in a cycle go in a last column.
std::map<NodeId, QPointF> layeredLayout(const GraphSpec &graph);
/// True when the positions carry no layout (several nodes stacked on one spot, as files written by
/// scripts often have), so the editor should lay the graph out before showing it.
bool needsLayout(const GraphSpec &graph);

} // namespace nnp
