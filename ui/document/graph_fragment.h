#pragma once
// A piece of a graph (some layers and the wires between them) as clipboard data, and its re-insertion
// into a document with fresh ids and names.

#include "graph/graph_spec.h"

#include <QByteArray>
#include <QPointF>
#include <QString>

#include <optional>
#include <set>
#include <string>
#include <vector>

class QMimeData;

namespace nnp {

class GraphDocument;

inline constexpr char kLayersMimeType[] = "application/x-nnp-layers";

struct GraphFragment {
    std::vector<NodeSpec> nodes;
    std::vector<EdgeSpec> edges; ///< only wires with both ends among `nodes`

    /// The selected nodes of `graph` and the wires among them.
    static GraphFragment extract(const GraphSpec &graph, const std::vector<NodeId> &ids);
    [[nodiscard]] QByteArray toJson() const;
    /// Empty on malformed data (the clipboard may hold anything).
    static std::optional<GraphFragment> fromJson(const QByteArray &json);

    /// A copy with ids that do not clash with `doc`, unique names, and positions moved by `offset`.
    [[nodiscard]] GraphFragment rebasedFor(const GraphDocument &doc, QPointF offset) const;
};

/// `wanted` if no name in `used` equals it, else its stem with the first free number ("dense_3").
std::string uniqueAmong(const std::string &wanted, const std::set<std::string> &used);

/// Clipboard data carrying the fragment (and its JSON as text, for the curious).
QMimeData *fragmentMimeData(const GraphFragment &fragment);

} // namespace nnp
