#pragma once
// Which padding mask a layer that reads a sequence obeys (Keras' mask propagation, the part we follow): an
// Embedding with mask_zero makes one, Dropout and recurrent layers that return the whole sequence hand it on,
// and a SimpleRNN / LSTM / GRU reading it keeps its state on padded steps. One rule for the Network (which
// hands the Embedding's mask to the recurrent layer) and for the exports (which must reproduce it).

#include "graph/graph_spec.h"

#include <optional>

namespace nnp {

/// The Embedding (mask_zero on) whose padding mask applies to the steps of recurrent node `id`, if any.
/// Empty for a node that is not SimpleRNN / LSTM / GRU.
std::optional<NodeId> stepMaskSource(const GraphSpec &g, NodeId id);

} // namespace nnp
