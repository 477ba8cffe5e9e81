#pragma once
// The explain panel's text at a SimpleRNN, LSTM or GRU node (issue 11). Forward: one time step t of the
// first sample — its word, xₜ, hₜ₋₁ (and cₜ₋₁) — and each gate's formula for the chosen unit with the
// trace's numbers (LSTM i = σ(Wᵢx + Uᵢh + bᵢ), f, g, o, c = f⊙c₋₁ + i⊙g, h = o⊙tanh(c); GRU with the reset
// gate after the product, as PyTorch; SimpleRNN h = tanh(Wx + Uh + b)); a padded step says the state stays.
// Backward through time: ‖∂E/∂hₜ‖ at every step as bars (a SimpleRNN's vanishing gradient), and the chosen
// weight's gradient as the sum of its steps' shares, with the update. Pure functions of the trace; the maths
// is core/train/recurrent_trace's.

#include "explain/explain_model.h"

#include <QCoreApplication>
#include <QString>

namespace nnp {

class ExplainRecurrent {
    Q_DECLARE_TR_FUNCTIONS(ExplainRecurrent)
public:
    /// The phase's title, e.g. "1 · Forward pass: LSTM “memory”, step 3 of 20"; empty for other phases.
    static QString phaseTitle(const Trace &trace, const Phase &phase, const RecurrentSelection &sel);
    /// The whole panel for a phase at a recurrent node (empty for other phases).
    static QString html(const Trace &trace, const Phase &phase, const RecurrentSelection &sel);
    /// The parameter's name in the formulas: W, U, b_ih, b_hh (param 0–3).
    static QString paramSymbol(int param);
    /// The gate's letter for a kind: LSTM i, f, g, o; GRU r, z, n; SimpleRNN h.
    static QString gateName(LayerKind kind, int gate);
    /// The core name of parameter 0–3: "weight_ih", "weight_hh", "bias_ih", "bias_hh".
    static const char *paramName(int param);
};

} // namespace nnp
