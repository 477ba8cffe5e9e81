// Sequences in ONNX: RNN, LSTM and GRU read time-major [T, N, F] and give Y [T, 1, N, units] and Y_h
// [1, N, units]; torch.onnx.export (batch_first=True) and NN Playground's own export put Transposes and
// Squeezes around them, torch's `out[:, -1]` is a Gather of the last step, and torch makes the zero initial
// states from the batch size (Shape → Gather → Unsqueeze → Concat → ConstantOfShape). Values carry their
// layout (Value::Layout) through these, and only the layers read a batch-first sequence [N, time, features].
#include "export/onnx_importer.h"

#include "layers/layer_registry.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"

#include <algorithm>
#include <cmath>

namespace nnp::onnximport {

namespace {

using Layout = Value::Layout;

bool present(const onnx::NodeProto &n, int port)
{
    return port < n.input_size() && !n.input(port).empty();
}

/// PyTorch's gate g (our order) sits in ONNX's block kOnnxBlockOf…[g].
std::vector<int> onnxBlockOfGate(LayerKind k)
{
    if (k == LayerKind::LSTM) return {0, 2, 3, 1}; // ONNX i, o, f, c; ours i, f, g, o
    if (k == LayerKind::GRU) return {1, 0, 2};     // ONNX z, r, h; ours r, z, n
    return {0};
}

} // namespace

bool Importer::importSequenceNode(const onnx::NodeProto &n, int i)
{
    const std::string &op = n.op_type();
    auto single = [&](int port) { return uses(n.input(port)) == 1; };
    // No consumer of input `port` but this node and Shape nodes (which read only the batch size).
    auto onlyShapesBeside = [&](int port) {
        const auto it = m_consumers.find(n.input(port));
        if (it == m_consumers.end()) return true;
        return std::all_of(it->second.begin(), it->second.end(),
                           [&](int k) { return k == i || m_graph.node(k).op_type() == "Shape"; });
    };
    auto isBatchShape = [&](int port) {
        if (!present(n, port)) return false;
        auto it = m_values.find(n.input(port));
        return it != m_values.end() && it->second.batchShape;
    };
    auto symbolic = [&] {
        Value v;
        v.batchShape = true;
        define(n.output(0), v);
        return true;
    };
    // Shape arithmetic on the batch size: good only for zero initial states.
    if (op == "Shape") return symbolic();
    if ((op == "Gather" || op == "Unsqueeze") && isBatchShape(0)) return symbolic();
    if (op == "Concat") {
        for (int p = 0; p < n.input_size(); ++p)
            if (isBatchShape(p)) return symbolic();
        return false;
    }
    if (op == "ConstantOfShape") {
        if (!isBatchShape(0)) fail(n, i, "only zeros of the batch's shape (an initial state) are supported.");
        if (const auto *a = attribute(n, "value")) {
            const Const c = toConst(a->t(), nodeLabel(n, i) + " value");
            if (std::any_of(c.data.begin(), c.data.end(), [](float v) { return v != 0.0f; }))
                fail(n, i, "only zeros are supported as an initial state.");
        }
        return symbolic();
    }

    if (op == "Transpose") {
        const auto *perm = attribute(n, "perm");
        if (!perm || perm->ints_size() != 3 || perm->ints(0) != 1 || perm->ints(1) != 0 || perm->ints(2) != 2)
            fail(n, i,
                 "only the Transpose between [N, time, features] and [time, N, features] (perm [1, 0, 2]) "
                 "is supported.");
        Value v = value(n, i, 0);
        if (v.isConst || v.batchShape) fail(n, i, "input 1 must be a layer's output.");
        // A grey image [1, T, F] from a graph input [N, T, F] is a sequence here: the Input takes [T, F].
        NodeSpec *in = v.input >= 0 ? m_spec.find(v.node) : nullptr;
        if (v.layout == Layout::BatchFirst && v.dims.size() == 3 && v.dims[0] == 1 && in &&
            in->kind == LayerKind::Input && m_spec.outputsOf(v.node).empty() && onlyShapesBeside(0)) {
            v.dims.erase(v.dims.begin());
            in->options.set(opt::input::shape, v.dims);
        }
        if (v.layout == Layout::BatchFirst && v.dims.size() == 2) {
            v.layout = Layout::TimeMajor;
            v.wholeSequence = false;
        } else if (v.layout == Layout::TimeMajor) {
            v.layout = Layout::BatchFirst;
            v.wholeSequence = v.wholeSequence && single(0);
        } else {
            fail(n, i, "only sequences [N, time, features] can be transposed to time-major order.");
        }
        v.fusable = false;
        output(n, i, v);
        return true;
    }

    if (op == "Squeeze") {
        Value v = value(n, i, 0);
        std::vector<float> axes;
        if (present(n, 1)) {
            axes = constant(n, i, 1).data;
        } else if (const auto *a = attribute(n, "axes")) {
            for (auto x : a->ints())
                axes.push_back(static_cast<float>(x));
        }
        if (v.layout == Layout::StepsWithDirection && axes == std::vector<float>{1}) {
            v.layout = Layout::TimeMajor;
            v.wholeSequence = v.wholeSequence && single(0);
        } else if (v.layout == Layout::StateWithDirection && axes == std::vector<float>{0}) {
            v.layout = Layout::BatchFirst;
        } else {
            fail(n, i, "only the direction axis of a recurrent operator's output can be squeezed.");
        }
        output(n, i, v);
        return true;
    }

    // A Gather of a computed value picks a step or a state; a Gather from a table (an initializer) is an
    // Embedding, imported by OpImporter::gather.
    if (op == "Gather" && !value(n, i, 0).isConst) {
        const Value &x = value(n, i, 0);
        const Const &index = constant(n, i, 1);
        const long long axis = intAttr(n, i, "axis", 0);
        if (!index.dims.empty() || index.data.size() != 1) fail(n, i, "only a single index is supported.");
        const float k = index.data[0];
        if (x.layout == Layout::StateWithDirection && axis == 0 && (k == 0.0f || k == -1.0f)) {
            Value v = x; // h[-1] of a one-layer, one-direction state [1, N, units]
            v.layout = Layout::BatchFirst;
            output(n, i, v);
            return true;
        }
        if (x.layout == Layout::BatchFirst && x.dims.size() == 2 && axis == 1 &&
            (k == -1.0f || k == static_cast<float>(x.dims[0] - 1)) && x.wholeSequence && single(0)) {
            // out[:, -1]: the recurrent layer returns its last state instead of the sequence.
            NodeSpec *layer = m_spec.find(x.node);
            layer->options.set(opt::rnn::returnSequences, false);
            output(n, i, layerOut(x.node, x.dims[1]));
            return true;
        }
        fail(n, i, "only the last step of a recurrent layer's whole output (out[:, -1]) can be gathered.");
    }

    if (op == "ReduceMean" || op == "ReduceMax") {
        const Value &x = value(n, i, 0);
        const auto *axes = attribute(n, "axes");
        const bool overTime = axes && axes->ints_size() == 1 && (axes->ints(0) == 1 || axes->ints(0) == -2);
        if (x.isConst || x.batchShape || x.layout != Layout::BatchFirst || x.dims.size() != 2 || !overTime ||
            intAttr(n, i, "keepdims", 1) != 0)
            fail(n, i,
                 "only the " + op +
                     " of a sequence [N, time, features] over time (axes [1], keepdims 0) is "
                     "supported.");
        const LayerKind kind =
            op == "ReduceMean" ? LayerKind::GlobalAveragePool1D : LayerKind::GlobalMaxPool1D;
        output(n, i, layerOut(addNode(kind, nameFor(n), {}, {x.node}), x.dims[1]));
        return true;
    }

    const LayerKind kind = op == "LSTM"  ? LayerKind::LSTM
                           : op == "GRU" ? LayerKind::GRU
                           : op == "RNN" ? LayerKind::SimpleRNN
                                         : LayerKind::Input;
    if (kind == LayerKind::Input) return false;

    const Value &x = value(n, i, 0);
    if (x.isConst || x.batchShape || x.layout != Layout::TimeMajor || x.dims.size() != 2)
        fail(n, i,
             "input 1 must be a sequence in time-major order, a Transpose (perm [1, 0, 2]) of [N, time, "
             "features].");
    const int steps = x.dims[0], features = x.dims[1];
    const long long units = intAttr(n, i, "hidden_size", 0);
    if (units < 1 || units > 100'000) fail(n, i, "hidden_size must be between 1 and 100000.");
    const int H = static_cast<int>(units), gates = recurrentGates(kind), rows = gates * H;
    if (const auto *d = attribute(n, "direction"); d && d->s() != "forward")
        fail(n, i, "only the forward direction is supported (not " + d->s() + ").");
    if (attribute(n, "clip")) fail(n, i, "clipping (the attribute clip) is not supported.");
    if (intAttr(n, i, "layout", 0) != 0) fail(n, i, "only layout 0 (time-major) is supported.");
    if (intAttr(n, i, "input_forget", 0) != 0) fail(n, i, "input_forget is not supported.");
    if (kind == LayerKind::GRU && intAttr(n, i, "linear_before_reset", 0) != 1)
        fail(n, i,
             "NN Playground's GRU is PyTorch's, with the reset gate after the product (linear_before_reset = "
             "1).");
    if (const auto *a = attribute(n, "activations")) {
        const std::vector<std::string> expected =
            kind == LayerKind::LSTM  ? std::vector<std::string>{"Sigmoid", "Tanh", "Tanh"}
            : kind == LayerKind::GRU ? std::vector<std::string>{"Sigmoid", "Tanh"}
                                     : std::vector<std::string>{"Tanh"};
        if (std::vector<std::string>(a->strings().begin(), a->strings().end()) != expected)
            fail(n, i, "only the default activations (sigmoid gates, tanh) are supported.");
    }
    const Const &w = constant(n, i, 1), &r = constant(n, i, 2);
    if (w.dims != std::vector<std::int64_t>{1, rows, features} ||
        r.dims != std::vector<std::int64_t>{1, rows, H})
        fail(n, i,
             "W and R must have the shapes [1, " + std::to_string(rows) + ", " + std::to_string(features) +
                 "] and [1, " + std::to_string(rows) + ", " + std::to_string(H) + "].");
    std::vector<float> b(static_cast<std::size_t>(2 * rows), 0.0f);
    if (present(n, 3)) {
        const Const &c = constant(n, i, 3);
        if (c.dims != std::vector<std::int64_t>{1, 2 * rows})
            fail(n, i, "B must have the shape [1, 2·G·units].");
        b = c.data;
    }
    if (present(n, 4)) fail(n, i, "sequence_lens is not supported (every sequence has all its steps).");
    for (int port : {5, 6}) {
        if (!present(n, port) || isBatchShape(port)) continue;
        const Const &c = constant(n, i, port);
        if (std::any_of(c.data.begin(), c.data.end(), [](float v) { return v != 0.0f; }))
            fail(n, i, "only zero initial states are supported.");
    }
    if (present(n, 7)) fail(n, i, "peephole connections (input P) are not supported.");

    auto outputUsed = [&](int k) {
        return k < n.output_size() && !n.output(k).empty() && uses(n.output(k)) > 0;
    };
    if (outputUsed(2)) fail(n, i, "its cell state Y_c is used, which NN Playground's LSTM does not give.");
    if (outputUsed(0) && outputUsed(1))
        fail(n, i, "both its outputs Y and Y_h are used; NN Playground's layer gives one of them.");
    const bool sequences = outputUsed(0);
    const NodeId id =
        addNode(kind, nameFor(n),
                LayerOptions().set(opt::rnn::units, H).set(opt::rnn::returnSequences, sequences), {x.node});
    // ONNX's gate blocks in our (PyTorch's) order, row-major [rows, cols] to our column-major matrices.
    const std::vector<int> block = onnxBlockOfGate(kind);
    auto matrix = [&](const std::vector<float> &src, int cols) {
        std::vector<float> m(static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
        for (int g = 0; g < gates; ++g)
            for (int u = 0; u < H; ++u)
                for (int c = 0; c < cols; ++c)
                    m[static_cast<std::size_t>(c) * rows + g * H + u] =
                        src[(static_cast<std::size_t>(block[g]) * H + u) * cols + c];
        return m;
    };
    auto bias = [&](int offset) {
        std::vector<float> v(static_cast<std::size_t>(rows));
        for (int g = 0; g < gates; ++g)
            for (int u = 0; u < H; ++u)
                v[static_cast<std::size_t>(g * H + u)] =
                    b[static_cast<std::size_t>(offset + block[g] * H + u)];
        return v;
    };
    m_weights.push_back({id, "weight_ih", rows, features, matrix(w.data, features)});
    m_weights.push_back({id, "weight_hh", rows, H, matrix(r.data, H)});
    m_weights.push_back({id, "bias_ih", rows, 1, bias(0)});
    m_weights.push_back({id, "bias_hh", rows, 1, bias(rows)});
    if (sequences) {
        Value y = layerOut(id, steps * H);
        y.dims = {steps, H};
        y.layout = Layout::StepsWithDirection;
        y.wholeSequence = uses(n.output(0)) == 1;
        define(n.output(0), y);
    } else if (outputUsed(1)) {
        Value h = layerOut(id, H);
        h.layout = Layout::StateWithDirection;
        define(n.output(1), h);
    }
    return true;
}

} // namespace nnp::onnximport
