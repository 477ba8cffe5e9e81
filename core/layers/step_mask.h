#pragma once
// Which padding mask a layer that reads a sequence obeys (Keras' mask propagation, the part we follow): an
// Embedding with mask_zero makes one, Dropout and recurrent layers that return the whole sequence hand it on;
// a SimpleRNN / LSTM / GRU reading it keeps its state on padded steps, a GlobalAveragePool1D /
// GlobalMaxPool1D reading it leaves padded steps out. One rule for the Network (which hands the Embedding's
// mask to those layers, layers/step_mask_reader.h) and for the exports (which must reproduce it).

#include "graph/graph_spec.h"

#include <optional>

namespace nnp {

/// Whether a kind obeys a padding mask over its input's steps: SimpleRNN, LSTM, GRU, GlobalAveragePool1D and
/// GlobalMaxPool1D.
bool readsStepMask(LayerKind k);

/// The Embedding (mask_zero on) whose padding mask applies to the steps that node `id` reads, if any.
/// Empty for a node whose kind does not read a mask (readsStepMask).
std::optional<NodeId> stepMaskSource(const GraphSpec &g, NodeId id);

} // namespace nnp
