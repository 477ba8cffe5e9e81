#include "layers/step_mask.h"

#include "layers/embedding.h"
#include "layers/recurrent.h"

namespace nnp {

bool readsStepMask(LayerKind k)
{
    return isRecurrent(k) || k == LayerKind::GlobalAveragePool1D || k == LayerKind::GlobalMaxPool1D;
}

std::optional<NodeId> stepMaskSource(const GraphSpec &g, NodeId id)
{
    const NodeSpec *n = g.find(id);
    if (!n || !readsStepMask(n->kind)) return std::nullopt;
    // Bounded by the node count: the graph is acyclic once validated, and a cycle must not hang us either.
    for (std::size_t hops = 0; hops <= g.nodes.size(); ++hops) {
        const auto in = g.inputsOf(n->id);
        if (in.empty()) return std::nullopt;
        n = g.find(in.front().from);
        if (!n) return std::nullopt;
        if (n->kind == LayerKind::Embedding)
            return n->options.get(opt::embedding::maskZero) ? std::optional<NodeId>(n->id) : std::nullopt;
        const bool handsOn = n->kind == LayerKind::Dropout ||
                             (isRecurrent(n->kind) && n->options.get(opt::rnn::returnSequences));
        if (!handsOn) return std::nullopt;
    }
    return std::nullopt;
}

} // namespace nnp
