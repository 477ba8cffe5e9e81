// Turns an ONNX graph into a GraphSpec: one pass over the nodes in their (topological) order, tracking for every
// ONNX value either a constant or the NN Playground node that produces it.
#include "export/onnx_import_detail.h"

#include "graph/validator.h"
#include "layers/activations.h"

#include <onnx/onnx_pb.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace nnp::onnximport {

namespace {

struct Value {
    bool isConst = false;
    Const c;
    NodeId node = -1;    ///< the layer producing it
    int features = 0;
    int input = -1;      ///< >= 0: graph input k, still before any layer (normalisation may apply)
    int normStage = 0;   ///< 0 raw, 1 offset subtracted, 2 scaled
    bool fusable = false; ///< output of a Dense that may still take a bias or an activation
};

class Importer {
public:
    Importer(const onnx::ModelProto &model, std::string source)
        : m_model(model), m_graph(model.graph()), m_source(std::move(source))
    {
        for (const auto &op : model.opset_import())
            if (op.domain().empty() || op.domain() == "ai.onnx")
                m_opset = op.version();
    }

    ImportedModel run()
    {
        if (m_graph.node_size() > 100000)
            fail("the graph has too many nodes (" + std::to_string(m_graph.node_size()) + ").");
        countUses();
        for (const auto &t : m_graph.initializer())
            define(t.name(), constValue(t, "initializer '" + t.name() + "'"));
        for (int i = 0; i < m_graph.node_size(); ++i)
            if (m_graph.node(i).op_type() == "Constant")
                defineConstantNode(m_graph.node(i), i);
        for (const auto &in : m_graph.input())
            if (!m_values.count(in.name()))
                addInput(in);
        if (m_inputs.empty())
            fail("the model has no inputs.");
        for (int i = 0; i < m_graph.node_size(); ++i)
            if (!m_skip.count(i) && m_graph.node(i).op_type() != "Constant")
                importNode(m_graph.node(i), i);
        return finish();
    }

private:
    [[noreturn]] void fail(const std::string &msg) const { throw OnnxImportError(m_source + ": " + msg); }
    [[noreturn]] void fail(const onnx::NodeProto &n, int i, const std::string &msg) const
    {
        fail(nodeLabel(n, i) + ": " + msg);
    }

    void countUses()
    {
        for (int i = 0; i < m_graph.node_size(); ++i)
            for (const auto &in : m_graph.node(i).input())
                if (!in.empty()) {
                    ++m_uses[in];
                    m_consumers[in].push_back(i);
                }
        for (const auto &o : m_graph.output())
            ++m_uses[o.name()];
    }

    int uses(const std::string &name) const
    {
        auto it = m_uses.find(name);
        return it == m_uses.end() ? 0 : it->second;
    }

    Value constValue(const onnx::TensorProto &t, const std::string &what) const
    {
        Value v;
        v.isConst = true;
        try {
            v.c = toConst(t, what);
        } catch (const std::runtime_error &e) {
            fail(e.what());
        }
        return v;
    }

    void define(const std::string &name, Value v)
    {
        if (name.empty())
            fail("a value without a name.");
        if (!m_values.emplace(name, std::move(v)).second)
            fail("the value '" + name + "' is defined twice.");
    }

    void defineConstantNode(const onnx::NodeProto &n, int i)
    {
        if (n.output_size() != 1)
            fail(n, i, "a Constant must have one output.");
        for (const auto &a : n.attribute()) {
            if (a.name() == "value" && a.type() == onnx::AttributeProto::TENSOR) {
                define(n.output(0), constValue(a.t(), nodeLabel(n, i)));
                return;
            }
            if (a.name() == "value_float" && a.type() == onnx::AttributeProto::FLOAT) {
                Value v;
                v.isConst = true;
                v.c.data = {a.f()};
                define(n.output(0), v);
                return;
            }
            if (a.name() == "value_floats" && a.type() == onnx::AttributeProto::FLOATS &&
                a.floats_size() <= static_cast<int>(kMaxConstElements)) {
                Value v;
                v.isConst = true;
                v.c.data.assign(a.floats().begin(), a.floats().end());
                v.c.dims = {static_cast<std::int64_t>(v.c.data.size())};
                define(n.output(0), v);
                return;
            }
        }
        fail(n, i, "only float constants (value, value_float, value_floats) can be imported.");
    }

    std::string uniqueName(std::string base)
    {
        if (base.empty())
            base = "node";
        std::string name = base;
        for (int k = 2; m_names.count(name); ++k)
            name = base + "_" + std::to_string(k);
        m_names.insert(name);
        return name;
    }

    /// "/fc1/Gemm" -> "fc1", "hidden1/gemm" -> "hidden1": drop exporter decorations from names.
    static std::string cleanName(const std::string &raw, const std::string &opType)
    {
        std::vector<std::string> parts;
        std::string cur;
        for (char c : raw + "/") {
            if (c == '/') {
                if (!cur.empty())
                    parts.push_back(cur);
                cur.clear();
            } else {
                cur += c;
            }
        }
        auto lower = [](std::string s) {
            std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
            return s;
        };
        if (parts.size() > 1) {
            const std::string last = lower(parts.back());
            if (last == lower(opType) || last == "gemm" || last == "matmul" || last == "linear")
                parts.pop_back();
        }
        std::string r;
        for (const auto &p : parts)
            r += (r.empty() ? "" : ".") + p;
        return r.substr(0, 64);
    }

    NodeId addNode(LayerKind kind, const std::string &name, LayerOptions o, const std::vector<NodeId> &inputs)
    {
        NodeId id = m_spec.addNode(kind, uniqueName(name), std::move(o));
        for (NodeId from : inputs)
            m_spec.connect(from, id);
        int depth = 0;
        for (NodeId from : inputs)
            depth = std::max(depth, m_depth.at(from) + 1);
        m_depth[id] = depth;
        return id;
    }

    void addInput(const onnx::ValueInfoProto &in)
    {
        const std::string what = "graph input '" + in.name() + "'";
        if (!in.type().has_tensor_type())
            fail(what + " is not a tensor.");
        const auto &tt = in.type().tensor_type();
        if (tt.elem_type() != onnx::TensorProto::FLOAT && tt.elem_type() != onnx::TensorProto::DOUBLE)
            fail(what + " is not a float tensor.");
        if (!tt.has_shape() || tt.shape().dim_size() != 2 || !tt.shape().dim(1).has_dim_value())
            fail(what + " must have the shape [N, features] with a known number of features.");
        const auto features = tt.shape().dim(1).dim_value();
        if (features <= 0 || features > kMaxInputSize)
            fail(what + " has " + std::to_string(features) + " features.");
        LayerOptions o;
        o.shape = {static_cast<int>(features)};
        Value v;
        v.node = addNode(LayerKind::Input, in.name(), o, {});
        v.features = static_cast<int>(features);
        v.input = static_cast<int>(m_inputs.size());
        m_inputs.push_back(v.node);
        m_offsets.emplace_back(static_cast<std::size_t>(features), 0.0f);
        m_scales.emplace_back(static_cast<std::size_t>(features), 1.0f);
        define(in.name(), v);
    }

    const Value &value(const onnx::NodeProto &n, int i, int port) const
    {
        if (port >= n.input_size() || n.input(port).empty())
            fail(n, i, "input " + std::to_string(port + 1) + " is missing.");
        auto it = m_values.find(n.input(port));
        if (it == m_values.end())
            fail(n, i, "uses '" + n.input(port) +
                           "', which no earlier node produces (the graph is incomplete or not in order).");
        return it->second;
    }
    const Value &layerValue(const onnx::NodeProto &n, int i, int port) const
    {
        const Value &v = value(n, i, port);
        if (v.isConst)
            fail(n, i, "input " + std::to_string(port + 1) + " is a constant where a layer's output is expected.");
        return v;
    }
    const Const &constant(const onnx::NodeProto &n, int i, int port) const
    {
        const Value &v = value(n, i, port);
        if (!v.isConst)
            fail(n, i, "input " + std::to_string(port + 1) + " ('" + n.input(port) +
                           "') must be a constant (an initializer) for NN Playground to import it.");
        return v.c;
    }

    static const onnx::AttributeProto *attribute(const onnx::NodeProto &n, const std::string &name)
    {
        for (const auto &a : n.attribute())
            if (a.name() == name)
                return &a;
        return nullptr;
    }
    float floatAttr(const onnx::NodeProto &n, int i, const std::string &name, float def) const
    {
        const auto *a = attribute(n, name);
        if (!a)
            return def;
        if (a->type() != onnx::AttributeProto::FLOAT || !std::isfinite(a->f()))
            fail(n, i, "attribute '" + name + "' must be a finite float.");
        return a->f();
    }
    long long intAttr(const onnx::NodeProto &n, int i, const std::string &name, long long def) const
    {
        const auto *a = attribute(n, name);
        if (!a)
            return def;
        if (a->type() != onnx::AttributeProto::INT)
            fail(n, i, "attribute '" + name + "' must be an integer.");
        return static_cast<long long>(a->i());
    }

    void output(const onnx::NodeProto &n, int i, Value v)
    {
        if (n.output_size() < 1 || n.output(0).empty())
            fail(n, i, "the node has no output.");
        for (int k = 1; k < n.output_size(); ++k)
            if (!n.output(k).empty() && uses(n.output(k)) > 0)
                fail(n, i, "its output " + std::to_string(k + 1) + " ('" + n.output(k) +
                               "') is used, which NN Playground cannot represent.");
        define(n.output(0), std::move(v));
    }

    /// The output is input `port` itself (Identity, a one-input Sum or Concat).
    void passThrough(const onnx::NodeProto &n, int i, int port)
    {
        Value v = value(n, i, port);
        v.fusable = v.fusable && uses(n.input(port)) == 1; // a Dense read elsewhere too keeps its own output
        output(n, i, std::move(v));
    }

    Value layerOut(NodeId id, int features) const
    {
        Value v;
        v.node = id;
        v.features = features;
        return v;
    }

    std::string nameFor(const onnx::NodeProto &n) const
    {
        return cleanName(n.name().empty() ? n.output(0) : n.name(), n.op_type());
    }

    // --- operators -------------------------------------------------------------------------------------------

    void importNode(const onnx::NodeProto &n, int i)
    {
        if (!n.domain().empty() && n.domain() != "ai.onnx")
            fail(n, i, "operators of the domain '" + n.domain() + "' are not supported.");
        if (n.output_size() < 1 || n.output(0).empty())
            fail(n, i, "the node has no output.");
        const std::string &op = n.op_type();
        if (op == "Gemm")
            gemm(n, i);
        else if (op == "MatMul")
            matMul(n, i);
        else if (op == "Add" || op == "Sum")
            add(n, i);
        else if (op == "Sub" || op == "Mul" || op == "Div")
            arithmetic(n, i);
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
        else
            fail(n, i, "the operator " + op +
                           " is not supported. NN Playground imports Gemm, MatMul, Add, Sum, Relu, LeakyRelu, Elu, "
                           "Sigmoid, Tanh, Softplus, GELU (as Erf), Softmax, Flatten, Concat, Dropout, "
                           "BatchNormalization, Identity, and Sub/Mul/Div as input normalisation.");
    }

    /// A Dense from weight W given column-major as [units x inputs] (which is ONNX's [inputs, units] row-major).
    void dense(const onnx::NodeProto &n, int i, const Value &x, int units, std::vector<float> wColMajor,
               std::optional<std::vector<float>> bias)
    {
        LayerOptions o;
        o.units = units;
        o.useBias = bias.has_value();
        o.activation = ActivationKind::Linear;
        const NodeId id = addNode(LayerKind::Dense, nameFor(n), o, {x.node});
        m_weights.push_back({id, "weight", units, x.features, std::move(wColMajor)});
        if (bias)
            m_weights.push_back({id, "bias", units, 1, std::move(*bias)});
        Value v = layerOut(id, units);
        v.fusable = true;
        output(n, i, v);
    }

    void gemm(const onnx::NodeProto &n, int i)
    {
        const Value &x = layerValue(n, i, 0);
        const Const &b = constant(n, i, 1);
        if (intAttr(n, i, "transA", 0) != 0)
            fail(n, i, "transA = 1 is not supported (the samples must be rows).");
        const bool transB = intAttr(n, i, "transB", 0) != 0;
        const float alpha = floatAttr(n, i, "alpha", 1.0f), beta = floatAttr(n, i, "beta", 1.0f);
        if (b.dims.size() != 2)
            fail(n, i, "the weight must be a matrix.");
        const auto rows = b.dims[0], cols = b.dims[1];
        const auto inputs = transB ? cols : rows, units = transB ? rows : cols;
        if (inputs != x.features)
            fail(n, i, "the weight expects " + std::to_string(inputs) + " inputs but the layer receives " +
                           std::to_string(x.features) + ".");
        if (units <= 0 || units > 10'000'000)
            fail(n, i, "the layer would have " + std::to_string(units) + " units.");
        std::vector<float> w(b.data.size());
        for (std::int64_t r = 0; r < rows; ++r)
            for (std::int64_t c = 0; c < cols; ++c) {
                // column-major [units x inputs]: element (u, k) at k * units + u
                const auto u = transB ? r : c, k = transB ? c : r;
                w[static_cast<std::size_t>(k * units + u)] = alpha * b.data[static_cast<std::size_t>(r * cols + c)];
            }
        if (alpha != 1.0f)
            m_notes.push_back(nodeLabel(n, i) + ": alpha folded into the weights.");
        std::optional<std::vector<float>> bias;
        if (n.input_size() > 2 && !n.input(2).empty()) {
            const Const &c = constant(n, i, 2);
            bias = broadcastVector(n, i, c, static_cast<int>(units), "the bias");
            for (auto &v : *bias)
                v *= beta;
            if (beta != 1.0f)
                m_notes.push_back(nodeLabel(n, i) + ": beta folded into the bias.");
        }
        dense(n, i, x, static_cast<int>(units), std::move(w), std::move(bias));
    }

    void matMul(const onnx::NodeProto &n, int i)
    {
        const Value &x = layerValue(n, i, 0);
        const Const &b = constant(n, i, 1);
        if (b.dims.size() != 2 || b.dims[0] != x.features)
            fail(n, i, "the weight must be a [" + std::to_string(x.features) + ", units] matrix.");
        if (b.dims[1] <= 0)
            fail(n, i, "the layer would have no units.");
        dense(n, i, x, static_cast<int>(b.dims[1]), b.data, std::nullopt);
    }

    std::vector<float> broadcastVector(const onnx::NodeProto &n, int i, const Const &c, int size,
                                       const std::string &what) const
    {
        if (c.data.size() == static_cast<std::size_t>(size))
            return c.data;
        if (c.data.size() == 1)
            return std::vector<float>(static_cast<std::size_t>(size), c.data[0]);
        fail(n, i, what + " has " + std::to_string(c.data.size()) + " values where " + std::to_string(size) +
                       " are expected.");
    }

    void add(const onnx::NodeProto &n, int i)
    {
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
            NodeSpec *dense = x && x->fusable && uses(n.input(layerPorts[0])) == 1 ? m_spec.find(x->node) : nullptr;
            if (!dense || dense->options.useBias || dense->options.activation != ActivationKind::Linear)
                fail(n, i, "adding a constant is only supported as the bias right after a MatMul.");
            dense->options.useBias = true;
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
            if (v->features != layers[0]->features)
                fail(n, i, "its inputs have different sizes (" + std::to_string(layers[0]->features) + " and " +
                               std::to_string(v->features) + ").");
            from.push_back(v->node);
        }
        output(n, i, layerOut(addNode(LayerKind::Add, nameFor(n), {}, from), layers[0]->features));
    }

    /// Sub, Mul and Div: the Erf form of GELU, or the input normalisation (x − offset) · scale.
    void arithmetic(const onnx::NodeProto &n, int i)
    {
        if (auto gelu = matchGelu(n, i)) {
            activation(n, i, {ActivationKind::GELU, 0.01, 1.0}, *gelu);
            return;
        }
        const std::string &op = n.op_type();
        const Value &x = value(n, i, 0);
        const bool normalisable = !x.isConst && x.input >= 0 && uses(n.input(0)) == 1 &&
                                  (op == "Sub" ? x.normStage == 0 : x.normStage < 2);
        if (!normalisable || n.input_size() != 2)
            fail(n, i, op + " is only supported as input normalisation ((x − offset) · scale) right after a graph "
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

    /// The index of the only node reading `value` if it is an `op`, else -1.
    int soleConsumer(const std::string &value, const char *op) const
    {
        auto it = m_consumers.find(value);
        if (it == m_consumers.end() || it->second.size() != 1 || uses(value) != 1)
            return -1;
        const auto &n = m_graph.node(it->second[0]);
        return n.op_type() == op && n.output_size() >= 1 && n.input_size() >= 1 ? it->second[0] : -1;
    }

    bool isScalar(const std::string &name, float expected) const
    {
        auto it = m_values.find(name);
        return it != m_values.end() && it->second.isConst && it->second.c.data.size() == 1 &&
               std::abs(it->second.c.data[0] - expected) < 1e-4f;
    }

    /// The input of binary node `n` that is not `known` (empty if neither or both are).
    static std::string otherInput(const onnx::NodeProto &n, const std::string &known)
    {
        if (n.input_size() != 2 || (n.input(0) == known) == (n.input(1) == known))
            return {};
        return n.input(0) == known ? n.input(1) : n.input(0);
    }

    /// Div(x, √2) | Mul(x, 1/√2) -> Erf -> Add(1) -> Mul(x) -> Mul(0.5): GELU. Returns the chain's output value.
    std::optional<std::string> matchGelu(const onnx::NodeProto &n, int)
    {
        if (n.input_size() != 2 || !m_values.count(n.input(0)) || m_values.at(n.input(0)).isConst)
            return std::nullopt;
        const std::string &x = n.input(0);
        if (!((n.op_type() == "Div" && isScalar(n.input(1), std::sqrt(2.0f))) ||
              (n.op_type() == "Mul" && isScalar(n.input(1), 1.0f / std::sqrt(2.0f)))))
            return std::nullopt;
        const int erf = soleConsumer(n.output(0), "Erf");
        if (erf < 0)
            return std::nullopt;
        const std::string &e = m_graph.node(erf).output(0);
        const int add = soleConsumer(e, "Add");
        if (add < 0 || !isScalar(otherInput(m_graph.node(add), e), 1.0f))
            return std::nullopt;
        const std::string &a = m_graph.node(add).output(0);
        const int mul = soleConsumer(a, "Mul");
        if (mul < 0 || otherInput(m_graph.node(mul), a) != x)
            return std::nullopt;
        const std::string &m = m_graph.node(mul).output(0);
        const int half = soleConsumer(m, "Mul");
        if (half < 0 || !isScalar(otherInput(m_graph.node(half), m), 0.5f))
            return std::nullopt;
        m_skip.insert({erf, add, mul, half});
        return m_graph.node(half).output(0);
    }

    ActivationParams activationOf(const onnx::NodeProto &n, int i) const
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
            if (!(p.eluAlpha > 0))
                fail(n, i, "an Elu alpha must be above 0.");
        }
        return p;
    }

    /// Fused into the Dense before it when nothing else reads that Dense's output; else an Activation layer.
    void activation(const onnx::NodeProto &n, int i, ActivationParams p, std::optional<std::string> out = {})
    {
        const Value &x = layerValue(n, i, 0);
        const int readers = p.kind == ActivationKind::GELU ? 2 : 1; // GELU reads x twice
        NodeSpec *dense = x.fusable ? m_spec.find(x.node) : nullptr;
        Value v;
        if (dense && dense->options.activation == ActivationKind::Linear && uses(n.input(0)) == readers) {
            dense->options.activation = p.kind;
            dense->options.leakySlope = static_cast<double>(p.leakySlope);
            dense->options.eluAlpha = static_cast<double>(p.eluAlpha);
            v = layerOut(x.node, x.features);
        } else {
            LayerOptions o;
            o.activation = p.kind;
            o.leakySlope = static_cast<double>(p.leakySlope);
            o.eluAlpha = static_cast<double>(p.eluAlpha);
            v = layerOut(addNode(LayerKind::Activation, nameFor(n), o, {x.node}), x.features);
        }
        if (out)
            define(*out, v);
        else
            output(n, i, v);
    }

    void requireAxis1(const onnx::NodeProto &n, int i, long long def) const
    {
        const long long axis = intAttr(n, i, "axis", def);
        if (axis != 1 && axis != -1)
            fail(n, i, "only axis 1 (the features of each sample) is supported, not " + std::to_string(axis) + ".");
    }

    void softmax(const onnx::NodeProto &n, int i)
    {
        requireAxis1(n, i, m_opset >= 13 ? -1 : 1);
        const Value &x = layerValue(n, i, 0);
        output(n, i, layerOut(addNode(LayerKind::Softmax, nameFor(n), {}, {x.node}), x.features));
    }

    void flatten(const onnx::NodeProto &n, int i)
    {
        requireAxis1(n, i, 1);
        const Value &x = layerValue(n, i, 0);
        output(n, i, layerOut(addNode(LayerKind::Flatten, nameFor(n), {}, {x.node}), x.features));
    }

    void concat(const onnx::NodeProto &n, int i)
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

    void dropout(const onnx::NodeProto &n, int i)
    {
        const Value &x = layerValue(n, i, 0);
        LayerOptions o;
        o.rate = floatAttr(n, i, "ratio", 0.5f);
        if (n.input_size() > 1 && !n.input(1).empty()) {
            const Const &r = constant(n, i, 1);
            if (r.data.size() != 1)
                fail(n, i, "the ratio must be a single number.");
            o.rate = r.data[0];
        }
        if (n.input_size() > 2 && !n.input(2).empty()) {
            const Const &t = constant(n, i, 2);
            if (t.data.size() != 1 || t.data[0] != 0.0f)
                fail(n, i, "a Dropout in training mode cannot be imported.");
        }
        if (!(o.rate >= 0.0 && o.rate < 1.0))
            fail(n, i, "the ratio must be at least 0 and below 1.");
        output(n, i, layerOut(addNode(LayerKind::Dropout, nameFor(n), o, {x.node}), x.features));
    }

    void batchNorm(const onnx::NodeProto &n, int i)
    {
        const Value &x = layerValue(n, i, 0);
        if (intAttr(n, i, "training_mode", 0) != 0)
            fail(n, i, "a BatchNormalization in training mode cannot be imported.");
        LayerOptions o;
        o.epsilon = floatAttr(n, i, "epsilon", 1e-5f);
        // ONNX's momentum weighs the running value; ours weighs the new batch.
        o.momentum = 1.0 - static_cast<double>(floatAttr(n, i, "momentum", 0.9f));
        if (!(o.epsilon > 0))
            fail(n, i, "epsilon must be above 0.");
        if (!(o.momentum > 0 && o.momentum <= 1)) {
            m_notes.push_back(nodeLabel(n, i) + ": momentum replaced by 0.1 (ONNX momentum must be below 1).");
            o.momentum = 0.1;
        }
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

    ImportedModel finish()
    {
        if (m_graph.output_size() != 1)
            fail("the model has " + std::to_string(m_graph.output_size()) +
                 " outputs; NN Playground networks have exactly one.");
        auto it = m_values.find(m_graph.output(0).name());
        if (it == m_values.end() || it->second.isConst)
            fail("the graph output '" + m_graph.output(0).name() + "' is not produced by any layer.");
        if (it->second.input >= 0)
            fail("the graph output is the input itself: the model has no layers.");
        ImportedModel r;
        r.graph = std::move(m_spec);
        r.weights = std::move(m_weights);
        r.notes = std::move(m_notes);
        layout(r.graph);
        const ValidationResult v = validate(r.graph);
        if (!v.ok())
            fail("the imported graph is not a valid NN Playground network:\n" + v.summary());
        if (v.output != it->second.node)
            fail("the graph output '" + m_graph.output(0).name() +
                 "' is not the only layer nothing else reads; remove unused branches.");
        if (m_normalized) {
            // The file holds only offset and scale; z-score is the closest description for the editor.
            r.normalizer.kind = NormalizationKind::ZScore;
            std::vector<float> off, sc;
            for (std::size_t k = 0; k < m_offsets.size(); ++k) {
                off.insert(off.end(), m_offsets[k].begin(), m_offsets[k].end());
                sc.insert(sc.end(), m_scales[k].begin(), m_scales[k].end());
            }
            r.normalizer.offset = Eigen::Map<const Eigen::VectorXf>(off.data(), static_cast<Eigen::Index>(off.size()))
                                      .cast<Scalar>();
            r.normalizer.scale =
                Eigen::Map<const Eigen::VectorXf>(sc.data(), static_cast<Eigen::Index>(sc.size())).cast<Scalar>();
        }
        return r;
    }

    /// Columns by depth (longest path from an input), rows centred within each column.
    void layout(GraphSpec &g) const
    {
        std::map<int, std::vector<NodeId>> columns;
        std::size_t tallest = 1;
        for (const auto &n : g.nodes) {
            columns[m_depth.at(n.id)].push_back(n.id);
            tallest = std::max(tallest, columns[m_depth.at(n.id)].size());
        }
        for (const auto &[depth, ids] : columns)
            for (std::size_t r = 0; r < ids.size(); ++r) {
                NodeSpec *n = g.find(ids[r]);
                n->x = 80.0 + 220.0 * depth;
                n->y = 80.0 + 130.0 * (static_cast<double>(r) + 0.5 * static_cast<double>(tallest - ids.size()));
            }
    }

    const onnx::ModelProto &m_model;
    const onnx::GraphProto &m_graph;
    std::string m_source;
    long long m_opset = 13;
    std::map<std::string, Value> m_values;
    std::map<std::string, int> m_uses;
    std::map<std::string, std::vector<int>> m_consumers;
    std::set<int> m_skip;
    std::set<std::string> m_names;
    std::map<NodeId, int> m_depth;
    GraphSpec m_spec;
    std::vector<StoredTensor> m_weights;
    std::vector<std::string> m_notes;
    std::vector<NodeId> m_inputs;
    std::vector<std::vector<float>> m_offsets, m_scales;
    bool m_normalized = false;
};

} // namespace

ImportedModel importModel(const onnx::ModelProto &model, const std::string &source)
{
    return Importer(model, source).run();
}

} // namespace nnp::onnximport
