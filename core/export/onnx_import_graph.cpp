// The importer's bookkeeping: constants, graph inputs, value lookup, names, the final graph and its layout.
#include "export/onnx_importer.h"

#include "layers/simple_layers.h"

#include "graph/validator.h"

#include <algorithm>
#include <cmath>

namespace nnp::onnximport {

Importer::Importer(const onnx::ModelProto &model, std::string source)
    : m_model(model), m_graph(model.graph()), m_source(std::move(source))
{
    for (const auto &op : model.opset_import())
        if (op.domain().empty() || op.domain() == "ai.onnx") m_opset = op.version();
}

ImportedModel Importer::run()
{
    if (m_graph.node_size() > 100000)
        fail("the graph has too many nodes (" + std::to_string(m_graph.node_size()) + ").");
    countUses();
    for (const auto &t : m_graph.initializer())
        define(t.name(), constValue(t, "initializer '" + t.name() + "'"));
    for (int i = 0; i < m_graph.node_size(); ++i)
        if (m_graph.node(i).op_type() == "Constant") defineConstantNode(m_graph.node(i), i);
    for (const auto &in : m_graph.input())
        if (!m_values.count(in.name())) addInput(in);
    if (m_inputs.empty()) fail("the model has no inputs.");
    for (int i = 0; i < m_graph.node_size(); ++i)
        if (!m_skip.count(i) && m_graph.node(i).op_type() != "Constant") importNode(m_graph.node(i), i);
    return finish();
}

void Importer::fail(const std::string &msg) const
{
    throw OnnxImportError(m_source + ": " + msg);
}

void Importer::fail(const onnx::NodeProto &n, int i, const std::string &msg) const
{
    fail(nodeLabel(n, i) + ": " + msg);
}

void Importer::countUses()
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

int Importer::uses(const std::string &name) const
{
    auto it = m_uses.find(name);
    return it == m_uses.end() ? 0 : it->second;
}

Value Importer::constValue(const onnx::TensorProto &t, const std::string &what) const
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

void Importer::define(const std::string &name, Value v)
{
    if (name.empty()) fail("a value without a name.");
    if (!m_values.emplace(name, std::move(v)).second) fail("the value '" + name + "' is defined twice.");
}

void Importer::defineConstantNode(const onnx::NodeProto &n, int i)
{
    if (n.output_size() != 1) fail(n, i, "a Constant must have one output.");
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

std::string Importer::uniqueName(std::string base)
{
    if (base.empty()) base = "node";
    std::string name = base;
    for (int k = 2; m_names.count(name); ++k)
        name = base + "_" + std::to_string(k);
    m_names.insert(name);
    return name;
}

std::string Importer::cleanName(const std::string &raw, const std::string &opType)
{
    std::vector<std::string> parts;
    std::string cur;
    for (char c : raw + "/") {
        if (c == '/') {
            if (!cur.empty()) parts.push_back(cur);
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
        if (last == lower(opType) || last == "gemm" || last == "matmul" || last == "linear") parts.pop_back();
    }
    std::string r;
    for (const auto &p : parts)
        r += (r.empty() ? "" : ".") + p;
    return r.substr(0, 64);
}

NodeId Importer::addNode(LayerKind kind, const std::string &name, LayerOptions o,
                         const std::vector<NodeId> &inputs)
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

void Importer::addInput(const onnx::ValueInfoProto &in)
{
    const std::string what = "graph input '" + in.name() + "'";
    if (!in.type().has_tensor_type()) fail(what + " is not a tensor.");
    const auto &tt = in.type().tensor_type();
    const int rank = tt.has_shape() ? tt.shape().dim_size() : 0;
    // Integer inputs are ids [N, T] (what torch.onnx.export writes for an nn.Embedding's input).
    const bool ids = tt.elem_type() == onnx::TensorProto::INT64 || tt.elem_type() == onnx::TensorProto::INT32;
    if (ids && rank != 2) fail(what + " holds integer ids, which must have the shape [N, ids].");
    if (!ids && tt.elem_type() != onnx::TensorProto::FLOAT && tt.elem_type() != onnx::TensorProto::DOUBLE)
        fail(what + " is not a float tensor.");
    if (rank < 2 || rank > 4)
        fail(what +
             " must have the shape [N, features], [N, height, width] or [N, channels, height, width].");
    std::vector<int> dims;
    long long features = 1;
    for (int d = 1; d < rank; ++d) {
        const auto &dim = tt.shape().dim(d);
        if (!dim.has_dim_value() || dim.dim_value() <= 0 || dim.dim_value() > kMaxInputSize)
            fail(what + " must have a known, positive size in dimension " + std::to_string(d + 1) + ".");
        dims.push_back(static_cast<int>(dim.dim_value()));
        features *= dims.back();
        if (features > kMaxInputSize)
            fail(what + " has more than " + std::to_string(kMaxInputSize) + " values per sample.");
    }
    // [N, height, width] (a grey image without its channel, as after nn.Flatten's input) is one channel.
    if (dims.size() == 2) dims.insert(dims.begin(), 1);
    LayerOptions o = LayerOptions().set(opt::input::shape, dims);
    if (ids) o.set(opt::input::values, InputValues::Ids);
    Value v;
    v.ids = ids;
    v.node = addNode(LayerKind::Input, in.name(), o, {});
    v.features = static_cast<int>(features);
    if (dims.size() > 1) v.dims = dims;
    v.input = static_cast<int>(m_inputs.size());
    m_inputs.push_back(v.node);
    m_inputNames.push_back(in.name());
    m_offsets.emplace_back(static_cast<std::size_t>(features), 0.0f);
    m_scales.emplace_back(static_cast<std::size_t>(features), 1.0f);
    define(in.name(), v);
}

const Value &Importer::value(const onnx::NodeProto &n, int i, int port) const
{
    if (port >= n.input_size() || n.input(port).empty())
        fail(n, i, "input " + std::to_string(port + 1) + " is missing.");
    auto it = m_values.find(n.input(port));
    if (it == m_values.end())
        fail(n, i,
             "uses '" + n.input(port) +
                 "', which no earlier node produces (the graph is incomplete or not in order).");
    return it->second;
}

const Value &Importer::layerValue(const onnx::NodeProto &n, int i, int port) const
{
    const Value &v = value(n, i, port);
    if (v.isConst)
        fail(n, i,
             "input " + std::to_string(port + 1) + " is a constant where a layer's output is expected.");
    if (v.batchShape)
        fail(n, i,
             "input " + std::to_string(port + 1) +
                 " is shape arithmetic where a layer's output is expected.");
    if (v.mask != Value::MaskPart::None)
        fail(n, i,
             "input " + std::to_string(port + 1) +
                 " is part of a masked pool over time, read by an operator that is not the next part of it.");
    if (v.layout != Value::Layout::BatchFirst)
        fail(n, i,
             "input " + std::to_string(port + 1) +
                 " is a sequence in time-major order; only a Transpose back to [N, time, features] (perm "
                 "[1, 0, 2]) may read it.");
    return v;
}

const Const &Importer::constant(const onnx::NodeProto &n, int i, int port) const
{
    const Value &v = value(n, i, port);
    if (!v.isConst)
        fail(n, i,
             "input " + std::to_string(port + 1) + " ('" + n.input(port) +
                 "') must be a constant (an initializer) for NN Playground to import it.");
    return v.c;
}

const onnx::AttributeProto *Importer::attribute(const onnx::NodeProto &n, const std::string &name)
{
    for (const auto &a : n.attribute())
        if (a.name() == name) return &a;
    return nullptr;
}

float Importer::floatAttr(const onnx::NodeProto &n, int i, const std::string &name, float def) const
{
    const auto *a = attribute(n, name);
    if (!a) return def;
    if (a->type() != onnx::AttributeProto::FLOAT || !std::isfinite(a->f()))
        fail(n, i, "attribute '" + name + "' must be a finite float.");
    return a->f();
}

long long Importer::intAttr(const onnx::NodeProto &n, int i, const std::string &name, long long def) const
{
    const auto *a = attribute(n, name);
    if (!a) return def;
    if (a->type() != onnx::AttributeProto::INT) fail(n, i, "attribute '" + name + "' must be an integer.");
    return static_cast<long long>(a->i());
}

void Importer::output(const onnx::NodeProto &n, int i, Value v)
{
    if (n.output_size() < 1 || n.output(0).empty()) fail(n, i, "the node has no output.");
    for (int k = 1; k < n.output_size(); ++k)
        if (!n.output(k).empty() && uses(n.output(k)) > 0)
            fail(n, i,
                 "its output " + std::to_string(k + 1) + " ('" + n.output(k) +
                     "') is used, which NN Playground cannot represent.");
    define(n.output(0), std::move(v));
}

void Importer::passThrough(const onnx::NodeProto &n, int i, int port)
{
    Value v = value(n, i, port);
    v.fusable = v.fusable && uses(n.input(port)) == 1; // a Dense read elsewhere too keeps its own output
    output(n, i, std::move(v));
}

Value Importer::layerOut(NodeId id, int features) const
{
    Value v;
    v.node = id;
    v.features = features;
    return v;
}

Value Importer::layerLike(NodeId id, const Value &x) const
{
    Value v = layerOut(id, x.features);
    v.dims = x.dims;
    return v;
}

std::string Importer::nameFor(const onnx::NodeProto &n) const
{
    return cleanName(n.name().empty() ? n.output(0) : n.name(), n.op_type());
}

ImportedModel Importer::finish()
{
    if (m_graph.output_size() != 1)
        fail("the model has " + std::to_string(m_graph.output_size()) +
             " outputs; NN Playground networks have exactly one.");
    auto it = m_values.find(m_graph.output(0).name());
    if (it == m_values.end() || it->second.isConst)
        fail("the graph output '" + m_graph.output(0).name() + "' is not produced by any layer.");
    if (it->second.input >= 0) fail("the graph output is the input itself: the model has no layers.");
    ImportedModel r;
    r.graph = std::move(m_spec);
    r.weights = std::move(m_weights);
    r.notes = std::move(m_notes);
    r.targetScaler = std::move(m_targetScaler);
    layout(r.graph);
    const ValidationResult v = validate(r.graph);
    if (!v.ok()) fail("the imported graph is not a valid NN Playground network:\n" + v.summary());
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
        r.normalizer.offset =
            Eigen::Map<const Eigen::VectorXf>(off.data(), static_cast<Eigen::Index>(off.size()))
                .cast<Scalar>();
        r.normalizer.scale =
            Eigen::Map<const Eigen::VectorXf>(sc.data(), static_cast<Eigen::Index>(sc.size())).cast<Scalar>();
    }
    return r;
}

void Importer::layout(GraphSpec &g) const
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

} // namespace nnp::onnximport
