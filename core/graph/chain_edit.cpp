#include "graph/chain_edit.h"

#include "layers/activations.h"
#include "layers/dense.h"

#include <algorithm>

namespace nnp {

std::optional<std::vector<NodeId>> chainOrder(const GraphSpec &graph)
{
    std::vector<NodeId> inputs;
    for (const auto &n : graph.nodes)
        if (n.kind == LayerKind::Input) inputs.push_back(n.id);
    if (inputs.size() != 1) return std::nullopt;
    for (const auto &n : graph.nodes)
        if (graph.inputsOf(n.id).size() > 1 || graph.outputsOf(n.id).size() > 1) return std::nullopt;
    std::vector<NodeId> order{inputs.front()};
    while (order.size() <= graph.nodes.size()) {
        const auto next = graph.outputsOf(order.back());
        if (next.empty()) break;
        order.push_back(next.front().to);
    }
    if (order.size() != graph.nodes.size()) return std::nullopt; // a cycle, or layers off the path
    return order;
}

namespace {
struct ChainDense {
    std::vector<NodeId> order;
    std::vector<std::size_t> dense; ///< positions in `order` of the Dense layers
};

std::optional<ChainDense> chainDense(const GraphSpec &graph)
{
    auto order = chainOrder(graph);
    if (!order) return std::nullopt;
    ChainDense c{std::move(*order), {}};
    for (std::size_t i = 0; i < c.order.size(); ++i)
        if (graph.find(c.order[i])->kind == LayerKind::Dense) c.dense.push_back(i);
    if (c.dense.empty()) return std::nullopt;
    return c;
}

double xOf(const GraphSpec &graph, NodeId id)
{
    return graph.find(id)->x;
}
} // namespace

std::vector<NodeId> hiddenDenseLayers(const GraphSpec &graph)
{
    std::vector<NodeId> hidden;
    if (const auto c = chainDense(graph))
        for (std::size_t k = 0; k + 1 < c->dense.size(); ++k)
            hidden.push_back(c->order[c->dense[k]]);
    return hidden;
}

std::optional<NodeId> chainOutputLayer(const GraphSpec &graph)
{
    const auto c = chainDense(graph);
    if (!c) return std::nullopt;
    return c->order[c->dense.back()];
}

std::optional<LayerInsertion> planHiddenLayerInsertion(const GraphSpec &graph, const std::string &name)
{
    const auto c = chainDense(graph);
    if (!c || c->dense.back() == 0) return std::nullopt;
    const std::size_t outAt = c->dense.back();
    const NodeSpec &output = *graph.find(c->order[outAt]);
    const NodeId before = c->order[outAt - 1];

    LayerInsertion r;
    r.node.id = graph.nextId();
    r.node.name = name;
    r.node.kind = LayerKind::Dense;
    if (c->dense.size() >= 2) {
        r.node.options = graph.find(c->order[c->dense[c->dense.size() - 2]])->options;
    } else {
        r.node.options.set(opt::dense::units, 4);
        r.node.options.set(opt::activation, ActivationKind::ReLU);
    }
    r.node.x = output.x;
    r.node.y = output.y;
    r.removed = graph.inputsOf(output.id).front();
    r.in = EdgeSpec{before, r.node.id, 0};
    r.out = EdgeSpec{r.node.id, output.id, 0};
    for (std::size_t i = outAt; i < c->order.size(); ++i)
        r.shifted.emplace_back(c->order[i], xOf(graph, c->order[i]) + kChainStep);
    return r;
}

std::optional<LayerRemoval> planHiddenLayerRemoval(const GraphSpec &graph)
{
    const auto c = chainDense(graph);
    if (!c || c->dense.size() < 2) return std::nullopt;
    const std::size_t at = c->dense[c->dense.size() - 2];
    if (at == 0 || at + 1 >= c->order.size()) return std::nullopt;
    LayerRemoval r;
    r.node = c->order[at];
    r.in = graph.inputsOf(r.node).front();
    r.out = graph.outputsOf(r.node).front();
    r.joined = EdgeSpec{r.in.from, r.out.to, r.out.port};
    const double gap = std::max(0.0, xOf(graph, r.node) - xOf(graph, r.in.from));
    for (std::size_t i = at + 1; i < c->order.size(); ++i)
        r.shifted.emplace_back(c->order[i], xOf(graph, c->order[i]) - gap);
    return r;
}

std::optional<int> unitsAfter(const GraphSpec &graph, NodeId id, int delta)
{
    const auto hidden = hiddenDenseLayers(graph);
    if (std::find(hidden.begin(), hidden.end(), id) == hidden.end()) return std::nullopt;
    const int units = graph.find(id)->options.get(opt::dense::units) + delta;
    if (units < 1 || units > kMaxButtonUnits) return std::nullopt;
    return units;
}

} // namespace nnp
