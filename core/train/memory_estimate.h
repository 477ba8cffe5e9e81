#pragma once
// What a network takes in memory, estimated from the graph alone (nothing allocated), for the memory budget
// (memory_budget.h): Network::build checks what building allocates, ProjectRun what training allocates, and
// Network::predict sizes its chunks with it.

#include "graph/validator.h"
#include "optimizers/optimizer.h"

#include <cstdint>
#include <span>

namespace nnp {

/// The values (Scalars) one node holds.
struct NodeMemory {
    long long parameters = 0; ///< trained parameters
    long long state = 0;      ///< saved state that is not trained (BatchNorm's running statistics)
    long long perSample = 0;  ///< per sample of a batch: output, its gradient, caches, temporaries
};

/// For a node of a valid graph, its input shapes and its output shape.
NodeMemory nodeMemory(const NodeSpec &node, std::span<const Shape> inputs, const Shape &output);

/// The most copies of each parameter training holds: value and gradient, the second thread's replica of both,
/// the epoch-start backup, and up to two values of optimizer state.
inline constexpr int kTrainingParameterCopies = 7;

/// Values of optimizer state per parameter (Adam's two moments, SGD's momentum ...).
int optimizerSlots(const OptimizerConfig &optimizer);

struct MemoryEstimate {
    std::uint64_t bytes = 0; ///< the whole network
    NodeId largest = -1;     ///< the node that takes the most
    std::uint64_t largestBytes = 0;
};

/// Bytes a valid graph takes: per node its parameters in `parameterCopies` copies (value, gradient, the
/// second training thread's, the epoch-start backup, optimizer state ...), its state twice, and
/// `perSampleCopies` × `batch` × its per-sample values.
MemoryEstimate estimateMemory(const GraphSpec &graph, const ValidationResult &v, long long batch,
                              int parameterCopies, int perSampleCopies = 1);

/// What building the network allocates (parameters and gradients, state); what training with `optimizer`
/// and batches of `batch` adds (a second thread's copy, the backup, optimizer state, the batch's values).
MemoryEstimate estimateBuild(const GraphSpec &graph, const ValidationResult &v);
MemoryEstimate estimateTraining(const GraphSpec &graph, const ValidationResult &v, long long batch,
                                const OptimizerConfig &optimizer);

/// Throws MemoryError naming the largest node when `e.bytes + extraBytes` is above the memory limit.
void requireMemory(const GraphSpec &graph, const MemoryEstimate &e, std::uint64_t extraBytes = 0);

} // namespace nnp
