#pragma once
// The explain panel's text: the formulas of one phase of a recorded step with the trace's numbers
// substituted, as HTML (proper symbols: z, Σ, δ, ∂E/∂w, α, ←), and one sentence saying what happens.
// Also the short labels the neuron view writes under each neuron. Pure functions of the trace.

#include "explain/explain_model.h"

#include <QCoreApplication>
#include <QString>

namespace nnp {

class ExplainText {
    Q_DECLARE_TR_FUNCTIONS(ExplainText)
public:
    /// A number as the panel shows it, for students: 4 decimals, whole numbers as they are, tiny and huge
    /// ones as "3.2×10⁻⁸" (3 significant digits); a real minus sign. The one format of the explain views.
    static QString number(double v);
    /// The phase's title, e.g. "Forward pass · layer hidden_1 (2 of 4)".
    static QString phaseTitle(const NetworkPicture &pic, const Trace &trace, const Phase &phase);
    /// The whole panel for this phase and selection.
    static QString html(const NetworkPicture &pic, const Trace &trace, const Phase &phase,
                        const Selection &sel);
    /// What the neuron view writes under neuron `row` of `column` in this phase (sample 0); may be empty.
    static QString neuronLabel(const NetworkPicture &pic, const Trace &trace, const Phase &phase, int column,
                               int row);
    /// Formula text for an activation: "tanh", "σ", "ReLU" ...
    static QString activationName(ActivationKind f);
};

} // namespace nnp
