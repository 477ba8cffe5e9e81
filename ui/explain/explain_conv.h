#pragma once
// The explain panel's text at a convolution or pooling node: for the chosen output position, the window on
// the input, z = Σ k·x + b with the trace's numbers, the activation, the pooling window's winner or average;
// on the way back δ at that position, the chosen kernel weight's gradient Σ δ·x over the positions it was
// applied at, the δ it sends back to its window, and the weight's update. Numbers in ExplainText::number's
// format; the maths is core/train/conv_explain's. Pure functions of the trace.

#include "explain/explain_model.h"

#include <QCoreApplication>
#include <QString>

namespace nnp {

class ExplainConv {
    Q_DECLARE_TR_FUNCTIONS(ExplainConv)
public:
    /// The phase's title, e.g. "1 · Forward pass: convolution “conv_1”".
    static QString phaseTitle(const Trace &trace, const Phase &phase);
    /// The whole panel for a phase at a convolution or pooling node (empty for other phases).
    static QString html(const Trace &trace, const Phase &phase, const WindowSelection &sel);
    /// "row 2, column 3" (1-based, as the panel counts).
    static QString position(int oy, int ox);
};

} // namespace nnp
