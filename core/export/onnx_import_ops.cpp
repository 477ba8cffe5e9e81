// The operators the importer understands, each mapped onto NN Playground layers.
#include "export/onnx_import_ops.h"

#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/pooling.h"
#include "layers/reshape.h"
#include "layers/simple_layers.h"

#include <cmath>

namespace nnp::onnximport {

void OpImporter::importNode(const onnx::NodeProto &n, int i)
{
    if (!n.domain().empty() && n.domain() != "ai.onnx")
        fail(n, i, "operators of the domain '" + n.domain() + "' are not supported.");
    if (importMaskNode(n, i)) return;
    if (importSequenceNode(n, i)) return;
    if (n.output_size() < 1 || n.output(0).empty()) fail(n, i, "the node has no output.");
    const std::string &op = n.op_type();
    if (op == "Gemm")
        gemm(n, i);
    else if (op == "MatMul")
        matMul(n, i);
    else if (op == "Add" || op == "Sum")
        add(n, i);
    else if (op == "Mul" && matchDot(n, i))
        return;
    else if (op == "Sub" || op == "Mul" || op == "Div")
        arithmetic(n, i);
    else if (op == "Reshape")
        reshape(n, i);
    else if (op == "Conv")
        conv(n, i);
    else if (op == "MaxPool")
        pool(n, i, LayerKind::MaxPool2D);
    else if (op == "AveragePool")
        pool(n, i, LayerKind::AveragePool2D);
    else if (op == "GlobalAveragePool")
        globalAveragePool(n, i);
    else if (op == "Pad")
        pad(n, i);
    else if (op == "Relu" || op == "Sigmoid" || op == "Tanh" || op == "LeakyRelu" || op == "Elu" ||
             op == "Softplus")
        activation(n, i, activationOf(n, i));
    else if (op == "Softmax")
        softmax(n, i);
    else if (op == "Flatten")
        flatten(n, i);
    else if (op == "Concat")
        concat(n, i);
    else if (op == "Dropout")
        dropout(n, i);
    else if (op == "BatchNormalization")
        batchNorm(n, i);
    else if (op == "Identity")
        passThrough(n, i, 0);
    else if (op == "Cast")
        cast(n, i);
    else if (op == "Gather")
        gather(n, i);
    else
        fail(n, i,
             "the operator " + op +
                 " is not supported. NN Playground imports Gemm, MatMul, Add, Sum, Relu, LeakyRelu, Elu, "
                 "Sigmoid, Tanh, Softplus, GELU (as Erf), Softmax, Flatten, Reshape, Concat, Dropout, Conv, "
                 "MaxPool, AveragePool, GlobalAveragePool, Pad (of nothing), "
                 "BatchNormalization, Identity, Mul + ReduceSum (a dot product), Gather on a table (an "
                 "embedding) with its Cast of ids, RNN, LSTM, GRU (with Transpose, Squeeze, Gather of the "
                 "last "
                 "step, ReduceMean / ReduceMax over time), and Sub/Mul/Div as input normalisation.");
}

void OpImporter::dense(const onnx::NodeProto &n, int i, const Value &x, int units,
                       std::vector<float> wColMajor, std::optional<std::vector<float>> bias)
{
    const LayerOptions o = LayerOptions()
                               .set(opt::dense::units, units)
                               .set(opt::dense::useBias, bias.has_value())
                               .set(opt::activation, ActivationKind::Linear);
    const NodeId id = addNode(LayerKind::Dense, nameFor(n), o, {x.node});
    m_weights.push_back({id, "weight", units, x.features, std::move(wColMajor)});
    if (bias) m_weights.push_back({id, "bias", units, 1, std::move(*bias)});
    Value v = layerOut(id, units);
    v.fusable = true;
    output(n, i, v);
}

void OpImporter::gemm(const onnx::NodeProto &n, int i)
{
    const Value &x = layerValue(n, i, 0);
    const Const &b = constant(n, i, 1);
    if (intAttr(n, i, "transA", 0) != 0)
        fail(n, i, "transA = 1 is not supported (the samples must be rows).");
    const bool transB = intAttr(n, i, "transB", 0) != 0;
    const float alpha = floatAttr(n, i, "alpha", 1.0f), beta = floatAttr(n, i, "beta", 1.0f);
    if (b.dims.size() != 2) fail(n, i, "the weight must be a matrix.");
    const auto rows = b.dims[0], cols = b.dims[1];
    const auto inputs = transB ? cols : rows, units = transB ? rows : cols;
    if (inputs != x.features)
        fail(n, i,
             "the weight expects " + std::to_string(inputs) + " inputs but the layer receives " +
                 std::to_string(x.features) + ".");
    if (units <= 0 || units > 10'000'000)
        fail(n, i, "the layer would have " + std::to_string(units) + " units.");
    std::vector<float> w(b.data.size());
    for (std::int64_t r = 0; r < rows; ++r)
        for (std::int64_t c = 0; c < cols; ++c) {
            // column-major [units x inputs]: element (u, k) at k * units + u
            const auto u = transB ? r : c, k = transB ? c : r;
            w[static_cast<std::size_t>(k * units + u)] =
                alpha * b.data[static_cast<std::size_t>(r * cols + c)];
        }
    if (alpha != 1.0f) m_notes.push_back(nodeLabel(n, i) + ": alpha folded into the weights.");
    std::optional<std::vector<float>> bias;
    if (n.input_size() > 2 && !n.input(2).empty()) {
        const Const &c = constant(n, i, 2);
        bias = broadcastVector(n, i, c, static_cast<int>(units), "the bias");
        for (auto &v : *bias)
            v *= beta;
        if (beta != 1.0f) m_notes.push_back(nodeLabel(n, i) + ": beta folded into the bias.");
    }
    dense(n, i, x, static_cast<int>(units), std::move(w), std::move(bias));
}

void OpImporter::matMul(const onnx::NodeProto &n, int i)
{
    const Value &x = layerValue(n, i, 0);
    const Const &b = constant(n, i, 1);
    if (b.dims.size() != 2 || b.dims[0] != x.features)
        fail(n, i, "the weight must be a [" + std::to_string(x.features) + ", units] matrix.");
    if (b.dims[1] <= 0) fail(n, i, "the layer would have no units.");
    dense(n, i, x, static_cast<int>(b.dims[1]), b.data, std::nullopt);
}

std::vector<float> OpImporter::broadcastVector(const onnx::NodeProto &n, int i, const Const &c, int size,
                                               const std::string &what) const
{
    if (c.data.size() == static_cast<std::size_t>(size)) return c.data;
    if (c.data.size() == 1) return std::vector<float>(static_cast<std::size_t>(size), c.data[0]);
    fail(n, i,
         what + " has " + std::to_string(c.data.size()) + " values where " + std::to_string(size) +
             " are expected.");
}

void OpImporter::add(const onnx::NodeProto &n, int i)
{
    if (n.input_size() == 0) fail(n, i, "it has no inputs.");
    std::vector<const Value *> layers;
    std::vector<int> layerPorts;
    const Value *bias = nullptr;
    for (int p = 0; p < n.input_size(); ++p) {
        const Value &v = value(n, i, p);
        if (v.isConst) {
            bias = &v;
        } else {
            layers.push_back(&v);
            layerPorts.push_back(p);
        }
    }
    if (bias) {
        // The bias of a MatMul: x·W + b.
        const Value *x = layers.size() == 1 && n.op_type() == "Add" ? layers[0] : nullptr;
        NodeSpec *dense =
            x && x->fusable && uses(n.input(layerPorts[0])) == 1 ? m_spec.find(x->node) : nullptr;
        if (!dense || dense->kind != LayerKind::Dense || dense->options.get(opt::dense::useBias) ||
            dense->options.get(opt::activation) != ActivationKind::Linear)
            fail(n, i, "adding a constant is only supported as the bias right after a MatMul.");
        dense->options.set(opt::dense::useBias, true);
        m_weights.push_back(
            {x->node, "bias", x->features, 1, broadcastVector(n, i, bias->c, x->features, "the bias")});
        Value v = *x;
        output(n, i, v);
        return;
    }
    if (layers.size() == 1) {
        passThrough(n, i, layerPorts[0]);
        return;
    }
    std::vector<NodeId> from;
    for (const Value *v : layers) {
        if (v->features != layers[0]->features || v->dims != layers[0]->dims)
            fail(n, i,
                 "its inputs have different sizes (" + std::to_string(layers[0]->features) + " and " +
                     std::to_string(v->features) + ").");
        from.push_back(v->node);
    }
    output(n, i, layerLike(addNode(LayerKind::Add, nameFor(n), {}, from), *layers[0]));
}

void OpImporter::arithmetic(const onnx::NodeProto &n, int i)
{
    if (auto gelu = matchGelu(n, i)) {
        activation(n, i, {ActivationKind::GELU, 0.01, 1.0}, *gelu);
        return;
    }
    const std::string &op = n.op_type();
    if (op == "Mul" && matchTargetScaling(n, i)) return;
    const Value &x = value(n, i, 0);
    const bool normalisable = !x.isConst && x.input >= 0 && uses(n.input(0)) == 1 &&
                              (op == "Sub" ? x.normStage == 0 : x.normStage < 2);
    if (!normalisable || n.input_size() != 2)
        fail(n, i,
             op + " is only supported as input normalisation ((x − offset) · scale) right after a graph "
                  "input, or as part of GELU.");
    const Const &c = constant(n, i, 1);
    const auto k = static_cast<std::size_t>(x.input);
    const std::vector<float> v = broadcastVector(n, i, c, x.features, "the normalisation");
    for (std::size_t f = 0; f < v.size(); ++f) {
        if (op == "Sub")
            m_offsets[k][f] = v[f];
        else if (op == "Mul")
            m_scales[k][f] = v[f];
        else if (v[f] == 0.0f || !std::isfinite(1.0f / v[f]))
            fail(n, i, "divides by zero.");
        else
            m_scales[k][f] = 1.0f / v[f];
    }
    m_normalized = true;
    Value out = x;
    out.normStage = op == "Sub" ? 1 : 2;
    output(n, i, out);
}

int OpImporter::soleConsumer(const std::string &value, const char *op) const
{
    auto it = m_consumers.find(value);
    if (it == m_consumers.end() || it->second.size() != 1 || uses(value) != 1) return -1;
    const auto &n = m_graph.node(it->second[0]);
    return n.op_type() == op && n.output_size() >= 1 && n.input_size() >= 1 ? it->second[0] : -1;
}

bool OpImporter::isScalar(const std::string &name, float expected) const
{
    auto it = m_values.find(name);
    return it != m_values.end() && it->second.isConst && it->second.c.data.size() == 1 &&
           std::abs(it->second.c.data[0] - expected) < 1e-4f;
}

std::string OpImporter::otherInput(const onnx::NodeProto &n, const std::string &known)
{
    if (n.input_size() != 2 || (n.input(0) == known) == (n.input(1) == known)) return {};
    return n.input(0) == known ? n.input(1) : n.input(0);
}

std::optional<std::string> OpImporter::matchGelu(const onnx::NodeProto &n, int)
{
    if (n.input_size() != 2 || !m_values.count(n.input(0)) || m_values.at(n.input(0)).isConst)
        return std::nullopt;
    const std::string &x = n.input(0);
    if (!((n.op_type() == "Div" && isScalar(n.input(1), std::sqrt(2.0f))) ||
          (n.op_type() == "Mul" && isScalar(n.input(1), 1.0f / std::sqrt(2.0f)))))
        return std::nullopt;
    const int erf = soleConsumer(n.output(0), "Erf");
    if (erf < 0) return std::nullopt;
    const std::string &e = m_graph.node(erf).output(0);
    const int add = soleConsumer(e, "Add");
    if (add < 0 || !isScalar(otherInput(m_graph.node(add), e), 1.0f)) return std::nullopt;
    const std::string &a = m_graph.node(add).output(0);
    const int mul = soleConsumer(a, "Mul");
    if (mul < 0 || otherInput(m_graph.node(mul), a) != x) return std::nullopt;
    const std::string &m = m_graph.node(mul).output(0);
    const int half = soleConsumer(m, "Mul");
    if (half < 0 || !isScalar(otherInput(m_graph.node(half), m), 0.5f)) return std::nullopt;
    m_skip.insert({erf, add, mul, half});
    return m_graph.node(half).output(0);
}

ActivationParams OpImporter::activationOf(const onnx::NodeProto &n, int i) const
{
    const std::string &op = n.op_type();
    ActivationParams p;
    if (op == "Relu")
        p.kind = ActivationKind::ReLU;
    else if (op == "Sigmoid")
        p.kind = ActivationKind::Sigmoid;
    else if (op == "Tanh")
        p.kind = ActivationKind::Tanh;
    else if (op == "Softplus")
        p.kind = ActivationKind::Softplus;
    else if (op == "LeakyRelu") {
        p.kind = ActivationKind::LeakyReLU;
        p.leakySlope = static_cast<Scalar>(floatAttr(n, i, "alpha", 0.01f));
        if (!(p.leakySlope >= 0 && p.leakySlope < 1))
            fail(n, i, "a LeakyRelu slope outside [0, 1) is not supported.");
    } else {
        p.kind = ActivationKind::ELU;
        p.eluAlpha = static_cast<Scalar>(floatAttr(n, i, "alpha", 1.0f));
        if (!(p.eluAlpha > 0)) fail(n, i, "an Elu alpha must be above 0.");
    }
    return p;
}

void OpImporter::activation(const onnx::NodeProto &n, int i, ActivationParams p,
                            std::optional<std::string> out)
{
    const Value &x = layerValue(n, i, 0);
    const int readers = p.kind == ActivationKind::GELU ? 2 : 1; // GELU reads x twice
    NodeSpec *dense = x.fusable ? m_spec.find(x.node) : nullptr;
    Value v;
    const auto setActivation = [&](LayerOptions &o) {
        o.set(opt::activation, p.kind)
            .set(opt::leakySlope, static_cast<double>(p.leakySlope))
            .set(opt::eluAlpha, static_cast<double>(p.eluAlpha));
    };
    if (dense && dense->options.get(opt::activation) == ActivationKind::Linear &&
        uses(n.input(0)) == readers) {
        setActivation(dense->options);
        v = layerLike(x.node, x);
    } else {
        LayerOptions o;
        setActivation(o);
        v = layerLike(addNode(LayerKind::Activation, nameFor(n), o, {x.node}), x);
    }
    if (out)
        define(*out, v);
    else
        output(n, i, v);
}

void OpImporter::requireAxis1(const onnx::NodeProto &n, int i, long long def) const
{
    const long long axis = intAttr(n, i, "axis", def);
    if (axis != 1 && axis != -1)
        fail(n, i,
             "only axis 1 (the features of each sample) is supported, not " + std::to_string(axis) + ".");
}

void OpImporter::softmax(const onnx::NodeProto &n, int i)
{
    requireAxis1(n, i, m_opset >= 13 ? -1 : 1);
    const Value &x = layerValue(n, i, 0);
    output(n, i, layerOut(addNode(LayerKind::Softmax, nameFor(n), {}, {x.node}), x.features));
}

void OpImporter::flatten(const onnx::NodeProto &n, int i)
{
    requireAxis1(n, i, 1);
    const Value &x = layerValue(n, i, 0);
    // GlobalAveragePool's [N, C, 1, 1] is already flat in NN Playground ([C]): nothing to flatten.
    if (const NodeSpec *p = m_spec.find(x.node);
        p && p->kind == LayerKind::GlobalAveragePool2D && x.input < 0) {
        output(n, i, layerOut(x.node, x.features));
        return;
    }
    output(n, i, layerOut(addNode(LayerKind::Flatten, nameFor(n), {}, {x.node}), x.features));
}

void OpImporter::concat(const onnx::NodeProto &n, int i)
{
    requireAxis1(n, i, 1);
    if (n.input_size() == 1) {
        passThrough(n, i, 0);
        return;
    }
    std::vector<NodeId> from;
    long long features = 0;
    for (int p = 0; p < n.input_size(); ++p) {
        const Value &v = layerValue(n, i, p);
        from.push_back(v.node);
        features += v.features;
    }
    if (n.input_size() < 1 || features > kMaxInputSize)
        fail(n, i, "the concatenation is empty or too large.");
    output(n, i, layerOut(addNode(LayerKind::Concatenate, nameFor(n), {}, from), static_cast<int>(features)));
}

void OpImporter::dropout(const onnx::NodeProto &n, int i)
{
    const Value &x = layerValue(n, i, 0);
    double rate = floatAttr(n, i, "ratio", 0.5f);
    if (n.input_size() > 1 && !n.input(1).empty()) {
        const Const &r = constant(n, i, 1);
        if (r.data.size() != 1) fail(n, i, "the ratio must be a single number.");
        rate = r.data[0];
    }
    if (n.input_size() > 2 && !n.input(2).empty()) {
        const Const &t = constant(n, i, 2);
        if (t.data.size() != 1 || t.data[0] != 0.0f)
            fail(n, i, "a Dropout in training mode cannot be imported.");
    }
    if (!(rate >= 0.0 && rate < 1.0)) fail(n, i, "the ratio must be at least 0 and below 1.");
    const LayerOptions o = LayerOptions().set(opt::dropout::rate, rate);
    output(n, i, layerLike(addNode(LayerKind::Dropout, nameFor(n), o, {x.node}), x));
}

void OpImporter::batchNorm(const onnx::NodeProto &n, int i)
{
    const Value &x = layerValue(n, i, 0);
    if (intAttr(n, i, "training_mode", 0) != 0)
        fail(n, i, "a BatchNormalization in training mode cannot be imported.");
    const double epsilon = floatAttr(n, i, "epsilon", 1e-5f);
    // ONNX's momentum weighs the running value; ours weighs the new batch.
    double momentum = 1.0 - static_cast<double>(floatAttr(n, i, "momentum", 0.9f));
    if (!(epsilon > 0)) fail(n, i, "epsilon must be above 0.");
    if (!(momentum > 0 && momentum <= 1)) {
        m_notes.push_back(nodeLabel(n, i) + ": momentum replaced by 0.1 (ONNX momentum must be below 1).");
        momentum = 0.1;
    }
    const LayerOptions o =
        LayerOptions().set(opt::batchnorm::epsilon, epsilon).set(opt::batchnorm::momentum, momentum);
    std::vector<std::vector<float>> t;
    const char *names[] = {"the scale", "the bias", "the mean", "the variance"};
    for (int p = 1; p <= 4; ++p)
        t.push_back(broadcastVector(n, i, constant(n, i, p), x.features, names[p - 1]));
    const NodeId id = addNode(LayerKind::BatchNorm, nameFor(n), o, {x.node});
    const char *ours[] = {"gamma", "beta", "running_mean", "running_var"};
    for (int p = 0; p < 4; ++p)
        m_weights.push_back({id, ours[p], x.features, 1, std::move(t[static_cast<std::size_t>(p)])});
    output(n, i, layerOut(id, x.features));
}

bool OpImporter::matchDot(const onnx::NodeProto &n, int i)
{
    // Mul of two layer outputs of one size, read only by ReduceSum over axis 1 keeping [N, 1]: a Dot.
    if (n.input_size() != 2) return false;
    for (int p = 0; p < 2; ++p)
        if (!m_values.count(n.input(p)) || m_values.at(n.input(p)).isConst ||
            m_values.at(n.input(p)).input >= 0)
            return false;
    const int sum = soleConsumer(n.output(0), "ReduceSum");
    if (sum < 0) return false;
    const auto &r = m_graph.node(sum);
    std::vector<float> axes;
    if (r.input_size() > 1 && !r.input(1).empty()) {
        axes = constant(r, sum, 1).data;
    } else if (const auto *a = attribute(r, "axes")) {
        for (auto v : a->ints())
            axes.push_back(static_cast<float>(v));
    }
    if (axes.size() != 1 || (axes[0] != 1.0f && axes[0] != -1.0f) || intAttr(r, sum, "keepdims", 1) != 1)
        fail(r, sum,
             "a ReduceSum is only supported over axis 1 with keepdims = 1, after a Mul (a dot product).");
    const Value &a = layerValue(n, i, 0), &b = layerValue(n, i, 1);
    if (a.features != b.features)
        fail(n, i,
             "a dot product of vectors of different sizes (" + std::to_string(a.features) + " and " +
                 std::to_string(b.features) + ").");
    m_skip.insert(sum);
    const NodeId id = addNode(LayerKind::Dot, nameFor(r), {}, {a.node, b.node});
    define(r.output(0), layerOut(id, 1));
    return true;
}

void OpImporter::reshape(const onnx::NodeProto &n, int i)
{
    const Value &x = layerValue(n, i, 0);
    if (n.input_size() < 2) fail(n, i, "the target shape is missing.");
    const Const &c = constant(n, i, 1);
    if (c.dims.size() != 1 || c.data.size() < 2 || c.data.size() > 5)
        fail(n, i, "the target shape must list the batch and 1 to 4 sizes per sample.");
    if (c.data[0] != 0.0f && c.data[0] != -1.0f)
        fail(n, i,
             "the batch size must stay free (0 or -1 first), not fixed to " +
                 std::to_string(static_cast<long long>(c.data[0])) + ".");
    std::vector<int> dims;
    int unknown = -1;
    long long known = 1;
    for (std::size_t k = 1; k < c.data.size(); ++k) {
        const float d = c.data[k];
        if (d == -1.0f && unknown < 0 && c.data[0] == 0.0f) {
            unknown = static_cast<int>(dims.size());
            dims.push_back(1);
        } else if (d >= 1.0f && d <= static_cast<float>(kMaxInputSize) && d == std::floor(d)) {
            dims.push_back(static_cast<int>(d));
            known *= dims.back();
        } else {
            fail(n, i, "the size " + std::to_string(d) + " is not supported in the target shape.");
        }
        if (known > kMaxInputSize) fail(n, i, "the target shape is too large.");
    }
    if (unknown >= 0) {
        if (x.features % known != 0)
            fail(n, i, "the sizes do not divide the input's " + std::to_string(x.features) + ".");
        dims[static_cast<std::size_t>(unknown)] = static_cast<int>(x.features / known);
        known = x.features;
    }
    if (known != x.features)
        fail(n, i, "it turns " + std::to_string(x.features) + " values into " + std::to_string(known) + ".");
    // Rows of a graph input seen as images (what NN Playground's own export writes): the Input takes the
    // shape, when nothing else reads that input.
    NodeSpec *input = x.input >= 0 ? m_spec.find(x.node) : nullptr;
    const bool ourImageInput =
        x.input >= 0 && n.name() == m_inputNames.at(static_cast<std::size_t>(x.input)) + "/image";
    if (input && input->kind == LayerKind::Input && ourImageInput && m_spec.outputsOf(x.node).empty() &&
        uses(m_inputNames.at(static_cast<std::size_t>(x.input))) == 1 && uses(n.input(0)) == 1) {
        input->options.set(opt::input::shape, dims);
        Value v = x;
        v.dims = dims.size() > 1 ? dims : std::vector<int>{};
        output(n, i, v);
        return;
    }
    const LayerOptions o = LayerOptions().set(opt::reshape::shape, dims);
    Value v = layerOut(addNode(LayerKind::Reshape, nameFor(n), o, {x.node}), x.features);
    if (dims.size() > 1) v.dims = dims;
    output(n, i, v);
}

void OpImporter::cast(const onnx::NodeProto &n, int i)
{
    const Value &x = layerValue(n, i, 0);
    const long long to = intAttr(n, i, "to", 0);
    if (to == onnx::TensorProto::FLOAT || to == onnx::TensorProto::DOUBLE) {
        if (x.ids) fail(n, i, "ids turned back into real numbers are not supported.");
        passThrough(n, i, 0);
        return;
    }
    if (to != onnx::TensorProto::INT64 && to != onnx::TensorProto::INT32)
        fail(n, i, "only a Cast of an input's ids to int64 or int32 (for a Gather) is supported.");
    if (x.input < 0)
        fail(n, i, "only graph inputs can be cast to integer ids; this value comes from a layer.");
    if (m_spec.find(x.node)->options.get(opt::input::shape).size() != 1)
        fail(n, i, "ids must come as [N, ids], one row of ids per sample.");
    Value v = x;
    v.ids = true;
    output(n, i, std::move(v));
}

void OpImporter::gather(const onnx::NodeProto &n, int i)
{
    if (intAttr(n, i, "axis", 0) != 0) fail(n, i, "only a Gather of table rows (axis 0) is supported.");
    const Const &table = constant(n, i, 0);
    const Value &x = layerValue(n, i, 1);
    if (table.dims.size() != 2 || table.dims[0] < 1 || table.dims[0] > kMaxVocabulary || table.dims[1] < 1 ||
        table.dims[1] > 100'000)
        fail(n, i, "the table must be [vocabulary, dim] with at most 2^24 rows and 100000 columns.");
    if (!x.ids || x.input < 0) fail(n, i, "the ids must be a graph input (integers, or Cast to integers).");
    const auto k = static_cast<std::size_t>(x.input);
    for (std::size_t f = 0; f < m_offsets.at(k).size(); ++f)
        if (m_offsets[k][f] != 0.0f || m_scales[k][f] != 1.0f)
            fail(n, i, "the ids are normalised before the lookup; ids must reach it as they are.");
    if (static_cast<long long>(x.features) * table.dims[1] > kMaxInputSize)
        fail(n, i, "the looked-up vectors would be too large.");
    NodeSpec &input = *m_spec.find(x.node);
    input.options.set(opt::input::values, InputValues::Ids);
    const int vocab = static_cast<int>(table.dims[0]), dim = static_cast<int>(table.dims[1]);
    const LayerOptions o =
        LayerOptions().set(opt::embedding::inputDim, vocab).set(opt::embedding::outputDim, dim);
    const NodeId id = addNode(LayerKind::Embedding, nameFor(n), o, {x.node});
    // ONNX's row-major [vocabulary, dim] -> our column-major matrix of the same shape.
    std::vector<float> colMajor(table.data.size());
    for (std::size_t r = 0; r < static_cast<std::size_t>(vocab); ++r)
        for (std::size_t c = 0; c < static_cast<std::size_t>(dim); ++c)
            colMajor[c * static_cast<std::size_t>(vocab) + r] =
                table.data[r * static_cast<std::size_t>(dim) + c];
    m_weights.push_back({id, "weight", vocab, dim, std::move(colMajor)});
    Value v = layerOut(id, x.features * dim);
    v.dims = {x.features, dim};
    output(n, i, std::move(v));
}

} // namespace nnp::onnximport
