#include "train/memory_estimate.h"

#include "checked.h"
#include "layers/conv2d.h"
#include "layers/layer_registry.h"
#include "memory_budget.h"
#include "tensor.h"

#include <algorithm>

namespace nnp {

NodeMemory nodeMemory(const NodeSpec &node, std::span<const Shape> inputs, const Shape &output)
{
    const LayerKindInfo &info = layerKind(node.kind);
    NodeMemory m;
    if (info.parameters && !inputs.empty())
        for (const ParamShape &p : info.parameters(node.options, inputs)) {
            long long &slot = p.trained ? m.parameters : m.state;
            slot = saturatingAdd(slot, saturatingMul(p.rows, p.cols));
        }
    // The output and its gradient, what the layer keeps for backward (Dense's and Conv2D's pre-activation and
    // its gradient, BatchNorm's normalised input, Dropout's mask), and as much again for the temporaries of
    // products and activations, which the allocator keeps (tuneAllocator): measured, a Dense layer of a
    // million units trained with batches of 32 peaked at 7.5 values per unit and sample.
    m.perSample = saturatingMul(output.size(), 8);
    if (node.kind == LayerKind::Conv2D && !inputs.empty()) {
        // im2col: the patches of a block of samples (at least one), its output and their gradients
        const WindowGeometry g = windowGeometry(inputs[0], convWindow(node.options));
        m.state = saturatingAdd(
            m.state, saturatingMul(3LL, saturatingMul(static_cast<long long>(g.patch()), g.outPlane())));
    }
    return m;
}

int optimizerSlots(const OptimizerConfig &optimizer)
{
    switch (optimizer.kind) {
    case OptimizerKind::SGD:
        return optimizer.momentum != 0 ? 1 : 0;
    case OptimizerKind::AdaGrad:
        return 1;
    case OptimizerKind::RMSProp:
        return optimizer.momentum != 0 ? 2 : 1;
    case OptimizerKind::Adadelta:
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW:
        return 2;
    }
    return 2;
}

MemoryEstimate estimateMemory(const GraphSpec &graph, const ValidationResult &v, long long batch,
                              int parameterCopies, int perSampleCopies)
{
    MemoryEstimate e;
    for (NodeId id : v.order) {
        const NodeSpec *n = graph.find(id);
        const auto out = v.shapes.find(id);
        if (!n || out == v.shapes.end()) continue;
        std::vector<Shape> in;
        for (const EdgeSpec &edge : graph.inputsOf(id))
            if (const auto it = v.shapes.find(edge.from); it != v.shapes.end()) in.push_back(it->second);
        const NodeMemory m = nodeMemory(*n, in, out->second);
        long long values = saturatingMul(m.parameters, parameterCopies);
        values = saturatingAdd(values, saturatingMul(m.state, 2));
        values = saturatingAdd(values, saturatingMul(saturatingMul(m.perSample, batch), perSampleCopies));
        const std::uint64_t bytes =
            saturatingMul(static_cast<std::uint64_t>(values), std::uint64_t(sizeof(Scalar)));
        e.bytes = saturatingAdd(e.bytes, bytes);
        if (bytes > e.largestBytes || e.largest < 0) {
            e.largest = id;
            e.largestBytes = bytes;
        }
    }
    return e;
}

MemoryEstimate estimateBuild(const GraphSpec &graph, const ValidationResult &v)
{
    return estimateMemory(graph, v, 1, 2); // value and gradient; the buffers of one sample
}

MemoryEstimate estimateTraining(const GraphSpec &graph, const ValidationResult &v, long long batch,
                                const OptimizerConfig &optimizer)
{
    // value and gradient, the second thread's replica of both, the epoch-start backup, the optimizer's state;
    // the batch's buffers (split between the threads, so once), plus the short last batch's network
    return estimateMemory(graph, v, std::max<long long>(batch, 1), 5 + optimizerSlots(optimizer), 1);
}

void requireMemory(const GraphSpec &graph, const MemoryEstimate &e, std::uint64_t extraBytes)
{
    const std::uint64_t total = saturatingAdd(e.bytes, extraBytes);
    const std::uint64_t limit = memoryLimit();
    if (total <= limit) return;
    const NodeSpec *n = graph.find(e.largest);
    throw MemoryError(MemoryError::Subject::Layer, n ? n->name : std::string(), total, limit);
}

} // namespace nnp
