#pragma once
// One recurrent layer (SimpleRNN, LSTM, GRU) inside an explained step (issue 11): per time step what went
// in (xₜ, hₜ₋₁, cₜ₋₁), the gates before and after their activations, the new state, and on the way back
// dE/dhₜ and dE/d(gate pre-activation). Every number is read from the layer's own forward and backward
// passes (Recurrent's step caches, the ones the unrolled view reads), never computed a second time. A
// weight's gradient is the sum of its steps' contributions; stepContribution gives one of them.

#include "graph/graph_spec.h"
#include "tensor.h"

#include <string>
#include <vector>

namespace nnp {

class Recurrent;

struct RecurrentStepTrace {
    std::vector<double> ids; ///< per sample: the step's id when the sequence comes from an id Input, else −1
    std::vector<bool> masked; ///< per sample: a padded step (mask_zero): the state was carried over unchanged
    Matrix x;                 ///< xₜ [features x N]
    Matrix hPrev, cPrev;      ///< hₜ₋₁, cₜ₋₁ [units x N] (zero at t = 0; cPrev LSTM only)
    Matrix pre;               ///< the gates before their activations [gates·units x N] (see Recurrent)
    Matrix gates;             ///< after: LSTM i, f, g, o; GRU r, z, n; SimpleRNN hₜ before the mask
    Matrix h, c;              ///< hₜ, cₜ [units x N] after the mask (c LSTM only)
    Matrix gradH;             ///< dE/dhₜ [units x N] of the batch-mean loss
    Matrix gradPre;           ///< dE/d(pre) [gates·units x N]; zero at a masked step
};

struct RecurrentTrace {
    int units = 0, gates = 0, features = 0;
    std::vector<RecurrentStepTrace> steps;
    /// Per step, the first sample's word when the app knows the vocabulary (else empty: show the ids).
    std::vector<std::string> words;
};

/// Reads the step caches of a Recurrent layer after a recorded forward and backward (setRecordSteps(true))
/// on the batch `input` ([time·features x N]). `idRows` is the row of step 0's id among `ids` (the network's
/// input batch), or −1 when the sequence does not come from ids.
RecurrentTrace readRecurrentTrace(const Recurrent &layer, const Matrix &input, const Matrix &ids,
                                  long long idRows);

/// ‖dE/dhₜ‖ (Euclidean, over units and the batch's samples).
double stateGradientNorm(const RecurrentStepTrace &s);

/// Step t's share of ∂E/∂θ for parameter `param` ("weight_ih", "weight_hh", "bias_ih", "bias_hh") at
/// (row, col), summed over the batch: weight_ih δₜ xₜᵀ, weight_hh δʰₜ hₜ₋₁ᵀ, bias_ih δₜ, bias_hh δʰₜ, with δₜ
/// the gate's dE/d(pre) and δʰₜ the same except a GRU's n gate, whose recurrent product is scaled by r:
/// δʰ = δ⊙r there. The shares of all steps sum to the parameter's gradient. 0 outside the parameter.
double stepContribution(LayerKind kind, const RecurrentTrace &r, const std::string &param, int row, int col,
                        int t);

/// The parts of one gate's pre-activation at step t for sample n, from the weights before the update:
/// input = (W xₜ)_row, recurrent = (U hₜ₋₁)_row, biases b_ih and b_hh; `reset` is the GRU n gate's r (the
/// recurrent part and b_hh enter as r·(U h + b_hh)), else 1. pre = input + b_ih + reset·(recurrent + b_hh).
struct GateParts {
    double input = 0, recurrent = 0, biasIh = 0, biasHh = 0, reset = 1;
    [[nodiscard]] double pre() const { return input + biasIh + reset * (recurrent + biasHh); }
};
struct NodeTrace;
/// GateParts of `row` (gate·units + unit) at step t of sample n of a recurrent node's trace.
GateParts gateParts(const NodeTrace &nt, int row, int t, int n);

} // namespace nnp
