#pragma once
// The unrolled sequence (issue 11): one sample through a SimpleRNN / LSTM / GRU, step by step: the hidden
// state (and the LSTM's cell state) after each step, the gates the step computed, whether the step was
// padding (the state then stays), and the network's prediction for the sentence cut after that step.
// Everything is read from the layer's own forward pass (Recurrent's caches), not computed a second time.

#include "graph/graph_spec.h"
#include "tensor.h"

#include <string>
#include <vector>

namespace nnp {

class Network;

struct UnrolledStep {
    double id = -1;             ///< the step's id when the sequence comes from an id Input, else −1
    bool padding = false;       ///< a masked step (mask_zero, id 0): the state did not change
    std::vector<double> hidden; ///< [units] after the step
    std::vector<double> cell;   ///< [units] LSTM only
    std::vector<double> gates;  ///< [gates·units]: LSTM i, f, g, o; GRU r, z, n; SimpleRNN its new state
    std::vector<double> output; ///< the network's output for the sentence cut after this step (may be empty)
};

struct UnrolledSequence {
    NodeId node = 0;
    std::string name;
    LayerKind kind = LayerKind::LSTM;
    int units = 0, gates = 0;
    std::vector<UnrolledStep> steps;
};

/// The SimpleRNN / LSTM / GRU nodes of a network, in network order.
std::vector<NodeId> recurrentNodes(const Network &net);

/// The id Input whose `steps` values are the steps of the recurrent node at index `index` (through Embedding,
/// Dropout and recurrent layers), as its row offset among the network's inputs; −1 when there is none.
long long idRowsOfSteps(const Network &net, int index, int steps);

/// Runs `net` (Eval) on one sample `x` ([inputSize x 1], the network's inputs) and reads node `node`'s steps.
/// When the sequence comes from an id Input of T values (through Embedding, Dropout, recurrent layers), step
/// t's output is the network's on the sample whose ids are the first t + 1 ids moved to the end behind
/// padding (id 0 in front, as the tokenizer pads a shorter sentence); the last step's is the sample's own
/// output. Otherwise the outputs are empty. Throws std::invalid_argument when `node` is not recurrent or `x`
/// does not fit.
UnrolledSequence unrollSequence(Network &net, NodeId node, const Matrix &x);

} // namespace nnp
