#pragma once
// The network against its loss and its data: the classic mistakes a class makes (a Linear output with binary
// cross-entropy, a categorical loss without Softmax, output units that do not match the classes, a
// classification loss on a continuous target), each a Diagnostic with the fix in its text and, where the fix
// is unambiguous, a FitFix the app applies in one click. One home for these rules: prepareData refuses a
// project with such an error (the CLI and the training worker), and the app shows them before Play.

#include "data/dataset.h"
#include "graph/validator.h"
#include "losses/loss.h"

#include <optional>
#include <vector>

namespace nnp {

/// What the checks need to know about the data, without the data.
struct DataFacts {
    TaskKind task = TaskKind::Classification;
    long long features = 0;
    int classes = 0; ///< classification
    int targets = 0; ///< regression: values per sample
    /// Regression: the target's values or spread reach far beyond unit scale (targetFarFromUnitScale).
    bool targetFarFromUnitScale = false;
    bool targetScaled = false; ///< the project scales its target (Preprocessing::scaleTarget)
};

DataFacts dataFacts(const Dataset &d);

/// One edit that repairs a FitProblem.
struct FitFix {
    enum class Kind {
        None,          ///< no fix is unambiguous: the message says what to do
        SetActivation, ///< give `node` the activation `activation`
        AppendSoftmax, ///< add a Softmax after `node` (its own activation becomes Linear: its outputs are
                       ///< logits)
        SetLoss,       ///< change the loss to `loss`
        SetUnits,      ///< give the Dense `node` `count` units
        SetInputShape, ///< give the Input `node` the shape [count]
        ScaleTarget,   ///< turn on the target scaling (Preprocessing::scaleTarget)
    };
    Kind kind = Kind::None;
    NodeId node = -1;
    ActivationKind activation = ActivationKind::Linear;
    LossKind loss = LossKind::MSE;
    int count = 0;
};

struct FitProblem {
    Diagnostic diagnostic;
    FitFix fix;
};

/// The node whose units set the number of outputs: the output node, or the layer before an output Softmax,
/// Activation or Dropout. -1 when there is none.
NodeId logitsNode(const GraphSpec &graph, const ValidationResult &v);

/// The loss that fits `graph`'s output as it stands (an imported model): Softmax → sparse categorical
/// cross-entropy (the targets are class indices), sigmoid → binary cross-entropy, anything else → mean
/// squared error. MSE too while the graph has errors.
LossKind lossForOutput(const GraphSpec &graph, const ValidationResult &v);
/// The same for a given output node: what its kind and activation ask for (MSE: a regression output).
LossKind lossForOutputNode(const NodeSpec &output);

/// The problems of `graph` (already validated as `v`; nothing is checked while it has errors of its own) with
/// `loss`, and with the data when `data` is given. Each diagnostic names a node (the output, or the Input).
std::vector<FitProblem> fitProblems(const GraphSpec &graph, const ValidationResult &v, const LossParams &loss,
                                    const DataFacts *data);

} // namespace nnp
