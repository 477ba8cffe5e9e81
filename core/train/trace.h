#pragma once
// One training step, recorded for the explain mode: what was computed, node by node.

#include "graph/graph_spec.h"
#include "layers/activations.h"
#include "layers/window2d.h"
#include "losses/loss.h"
#include "optimizers/optimizer.h"
#include "tensor.h"
#include "train/recurrent_trace.h"

#include <string>
#include <vector>

namespace nnp {

struct ParamTrace {
    std::string name; ///< "weight", "bias", ...
    Matrix before;    ///< value before the update
    Matrix grad;      ///< dL/dθ of the batch-mean loss (without the regularisation term)
    Matrix after;     ///< value after the update
};

struct NodeTrace {
    NodeId id = 0;
    std::string name;
    LayerKind kind = LayerKind::Input;
    std::vector<Matrix> inputs; ///< what the node received, in port order [in x N]
    Matrix z;                   ///< pre-activation (Dense), else empty
    Matrix output;              ///< a = f(z) [out x N]
    Matrix gradOutput;          ///< dL/da; for a fused output, dL/da as the formula gives it
    Matrix gradPre;             ///< dL/dz = δ (Dense); the fused logit gradient at the output
    std::vector<ParamTrace> params;
    /// Conv2D, MaxPool2D, AveragePool2D: where the window slides (input [c, h, w] → output [c', oh, ow]);
    /// zero sizes for other kinds. Conv2D: its built-in activation.
    WindowGeometry window;
    ActivationParams activation;
    /// SimpleRNN, LSTM, GRU: the step-by-step record (no steps for other kinds).
    RecurrentTrace recurrent;
};

struct Trace {
    std::vector<int> samples; ///< dataset columns in the batch
    Matrix target;            ///< the loss's targets for those samples
    LossParams loss;
    double lossValue = 0;
    std::vector<double>
        sampleLosses; ///< E_n of each sample; their mean is lossValue (without regularisation)
    double learningRate = 0;
    OptimizerKind optimizer = OptimizerKind::SGD;
    bool fusedOutput = false;     ///< loss computed from the logits of the final sigmoid/softmax
    std::vector<NodeTrace> nodes; ///< in topological order

    [[nodiscard]] const NodeTrace *find(NodeId id) const;
};

} // namespace nnp
