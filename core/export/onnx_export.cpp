#include "export/onnx_export.h"
#include "export/onnx_meaning.h"

#include "layers/batch_norm.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/layer_registry.h"
#include "layers/pooling.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"

#include <onnx/checker.h>
#include <onnx/onnx_pb.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <set>

namespace nnp {

namespace {

static_assert(std::endian::native == std::endian::little, "ONNX raw_data is little-endian");

// Our matrices hold one sample per column; ONNX tensors hold one per row ([N, features]). Every layer here is
// written for the row layout, so Dense becomes Gemm with transB = 1 on our [units, inputs] weight.
class OnnxBuilder {
public:
    explicit OnnxBuilder(const ExportModel &m) : m_model(m), m_graph(m_proto.mutable_graph()) {}

    onnx::ModelProto build()
    {
        m_proto.set_ir_version(7); // the IR version that came with opset 13: readable by older runtimes too
        m_proto.set_producer_name("NN Playground");
        m_proto.set_producer_version("0.1");
        m_proto.set_model_version(1);
        m_proto.set_doc_string(
            "Exported by NN Playground. Takes raw (unnormalised) inputs, one row per sample.");
        auto *opset = m_proto.add_opset_import();
        opset->set_domain("");
        opset->set_version(kOnnxOpset);
        m_graph->set_name(m_model.name.empty() ? "model" : m_model.name);

        m_values.resize(m_model.nodes.size());
        for (std::size_t i = 0; i < m_model.nodes.size(); ++i)
            m_values[i] = emitNode(m_model.nodes[i], i);
        const ExportNode &out = m_model.nodes.at(static_cast<std::size_t>(m_model.output));
        std::string outName = m_values.at(static_cast<std::size_t>(m_model.output));
        if (m_model.scalesOutput()) {
            // A scaled regression target: back in its own units, y = out · σ + mean per output.
            const int k = static_cast<int>(m_model.outputGain.size());
            addInitializer("target_gain", {k}, m_model.outputGain);
            addInitializer("target_bias", {k}, m_model.outputBias);
            op("Mul", "target_scale", {outName, "target_gain"}, "target_scaled");
            op("Add", "target_shift", {"target_scaled", "target_bias"}, "target_unscaled");
            outName = "target_unscaled";
        }
        if (const std::string named = onnxOutputName(m_model); !named.empty()) {
            op("Identity", named, {outName}, named); // "probabilities", "scores" or the target's name
            outName = named;
        }
        addValueInfo(m_graph->add_output(), outName, out.shape.dims);
        addOnnxMeaning(m_proto, m_model);
        return std::move(m_proto);
    }

private:
    const std::string &in(const ExportNode &n, std::size_t port) const
    {
        return m_values.at(static_cast<std::size_t>(n.inputs.at(port)));
    }

    /// [N, dims...] with a dynamic batch N.
    static void addValueInfo(onnx::ValueInfoProto *v, const std::string &name, const std::vector<int> &dims)
    {
        v->set_name(name);
        auto *t = v->mutable_type()->mutable_tensor_type();
        t->set_elem_type(onnx::TensorProto::FLOAT);
        auto *shape = t->mutable_shape();
        shape->add_dim()->set_dim_param("N");
        for (int d : dims)
            shape->add_dim()->set_dim_value(d);
    }

    void addInitializer(const std::string &name, const std::vector<int> &shape,
                        const std::vector<float> &values)
    {
        auto *t = m_graph->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::FLOAT);
        for (int d : shape)
            t->add_dims(d);
        std::string raw(values.size() * sizeof(float), '\0');
        if (!raw.empty()) std::memcpy(raw.data(), values.data(), raw.size());
        t->set_raw_data(std::move(raw));
    }

    /// A scalar constant shared by every node that needs it.
    std::string scalar(const std::string &name, float v)
    {
        if (!m_scalars.count(name)) {
            addInitializer(name, {}, {v});
            m_scalars.insert(name);
        }
        return name;
    }

    onnx::NodeProto *op(const std::string &type, const std::string &name, std::vector<std::string> inputs,
                        const std::string &output)
    {
        auto *n = m_graph->add_node();
        n->set_op_type(type);
        n->set_name(name);
        for (auto &i : inputs)
            n->add_input(i);
        n->add_output(output);
        return n;
    }

    static void attr(onnx::NodeProto *n, const std::string &name, float v)
    {
        auto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::FLOAT);
        a->set_f(v);
    }
    static void attr(onnx::NodeProto *n, const std::string &name, long long v)
    {
        auto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INT);
        a->set_i(v);
    }

    static void attr(onnx::NodeProto *n, const std::string &name, const std::vector<long long> &v)
    {
        auto *a = n->add_attribute();
        a->set_name(name);
        a->set_type(onnx::AttributeProto::INTS);
        for (long long i : v)
            a->add_ints(i);
    }
    /// kernel_shape, strides and pads ([top, left, bottom, right]) of a window; dilations when asked.
    static void windowAttrs(onnx::NodeProto *n, const WindowGeometry &g, bool dilations)
    {
        attr(n, "kernel_shape", std::vector<long long>{g.kh, g.kw});
        attr(n, "strides", std::vector<long long>{g.sh, g.sw});
        attr(n, "pads", std::vector<long long>{g.padTop, g.padLeft, g.padBottom, g.padRight});
        if (dilations) attr(n, "dilations", std::vector<long long>{g.dh, g.dw});
    }
    const Shape &inputShape(const ExportNode &n, std::size_t port = 0) const
    {
        return m_model.nodes.at(static_cast<std::size_t>(n.inputs.at(port))).shape;
    }

    /// Applies `kind` to value `x`, producing `out`; names ONNX nodes after `base`.
    void activation(const ExportNode &n, const std::string &x, const std::string &out,
                    const std::string &base)
    {
        const ActivationParams o = activationOf(n.options);
        switch (o.kind) {
        case ActivationKind::Linear:
            op("Identity", base, {x}, out);
            return;
        case ActivationKind::ReLU:
            op("Relu", base, {x}, out);
            return;
        case ActivationKind::LeakyReLU:
            attr(op("LeakyRelu", base, {x}, out), "alpha", static_cast<float>(o.leakySlope));
            return;
        case ActivationKind::ELU:
            attr(op("Elu", base, {x}, out), "alpha", static_cast<float>(o.eluAlpha));
            return;
        case ActivationKind::GELU: {
            // 0.5 · x · (1 + erf(x / √2)): the exact GELU, as the core computes it.
            const std::string p = out + "/gelu";
            op("Div", base + "/gelu_div", {x, scalar("const.sqrt2", std::sqrt(2.0f))}, p + "_div");
            op("Erf", base + "/gelu_erf", {p + "_div"}, p + "_erf");
            op("Add", base + "/gelu_add", {p + "_erf", scalar("const.one", 1.0f)}, p + "_add");
            op("Mul", base + "/gelu_mul", {x, p + "_add"}, p + "_mul");
            op("Mul", base, {p + "_mul", scalar("const.half", 0.5f)}, out);
            return;
        }
        case ActivationKind::Tanh:
            op("Tanh", base, {x}, out);
            return;
        case ActivationKind::Sigmoid:
            op("Sigmoid", base, {x}, out);
            return;
        case ActivationKind::Softplus:
            op("Softplus", base, {x}, out);
            return;
        }
        throw ExportError(n.label() + " uses an activation that cannot be exported to ONNX (code " +
                          std::to_string(static_cast<int>(o.kind)) + ").");
    }

    void addInt64Initializer(const std::string &name, const std::vector<std::int64_t> &values)
    {
        auto *t = m_graph->add_initializer();
        t->set_name(name);
        t->set_data_type(onnx::TensorProto::INT64);
        t->add_dims(static_cast<std::int64_t>(values.size()));
        for (std::int64_t v : values)
            t->add_int64_data(v);
    }

    std::string emitInput(const ExportNode &n, std::size_t index)
    {
        addValueInfo(m_graph->add_input(), n.ident, {n.size}); // raw rows, whatever the sample's shape
        const std::string normalized = normalizeInput(n, index);
        if (n.shape.isFlat()) return normalized;
        return reshape(n, normalized, n.ident + "/image",
                       n.ident + "/as_image"); // [N, C, H, W] for what follows
    }

    std::string normalizeInput(const ExportNode &n, std::size_t index)
    {
        if (!m_model.normalized()) return n.ident;
        std::size_t k = 0;
        while (k < m_model.inputs.size() && m_model.inputs[k] != static_cast<int>(index))
            ++k;
        const auto first = static_cast<std::size_t>(m_model.inputOffset(k));
        const auto count = static_cast<std::size_t>(n.size);
        if (first + count > m_model.offset.size())
            throw ExportError("The input normalisation does not cover " + n.label() + ".");
        std::vector<float> offset(m_model.offset.begin() + static_cast<std::ptrdiff_t>(first),
                                  m_model.offset.begin() + static_cast<std::ptrdiff_t>(first + count));
        std::vector<float> scale(m_model.scale.begin() + static_cast<std::ptrdiff_t>(first),
                                 m_model.scale.begin() + static_cast<std::ptrdiff_t>(first + count));
        addInitializer(n.ident + ".offset", {n.size}, offset);
        addInitializer(n.ident + ".scale", {n.size}, scale);
        op("Sub", n.ident + "/normalize_sub", {n.ident, n.ident + ".offset"}, n.ident + "/centered");
        op("Mul", n.ident + "/normalize_mul", {n.ident + "/centered", n.ident + ".scale"},
           n.ident + "/normalized");
        return n.ident + "/normalized";
    }

    std::string emitDense(const ExportNode &n, std::size_t)
    {
        const ExportTensor &w = n.tensor("weight");
        const int units = n.options.get(opt::dense::units);
        if (w.shape.size() != 2 || w.shape[0] != units)
            throw ExportError(n.label() + " has a weight of unexpected shape.");
        addInitializer(n.ident + ".weight", w.shape, w.values);
        std::vector<std::string> ins = {in(n, 0), n.ident + ".weight"};
        if (n.options.get(opt::dense::useBias)) {
            const ExportTensor &b = n.tensor("bias");
            addInitializer(n.ident + ".bias", {units}, b.values);
            ins.push_back(n.ident + ".bias");
        }
        const bool linear = activationOf(n.options).kind == ActivationKind::Linear;
        const std::string z = linear ? n.ident : n.ident + "/linear";
        auto *gemm = op("Gemm", linear ? n.ident : n.ident + "/gemm", ins, z);
        attr(gemm, "transB", 1LL);
        if (!linear) activation(n, z, n.ident, n.ident);
        return n.ident;
    }

    std::string emitBatchNorm(const ExportNode &n, std::size_t)
    {
        std::vector<std::string> ins = {in(n, 0)};
        for (const char *t : {"gamma", "beta", "running_mean", "running_var"}) {
            addInitializer(n.ident + "." + t, {n.size}, n.tensor(t).values);
            ins.push_back(n.ident + "." + t);
        }
        auto *bn = op("BatchNormalization", n.ident, ins, n.ident);
        attr(bn, "epsilon", static_cast<float>(n.options.get(opt::batchnorm::epsilon)));
        // ONNX's momentum weighs the running value; ours (PyTorch's convention) weighs the new batch.
        attr(bn, "momentum", static_cast<float>(1.0 - n.options.get(opt::batchnorm::momentum)));
        return n.ident;
    }

    std::string emitActivation(const ExportNode &n, std::size_t)
    {
        activation(n, in(n, 0), n.ident, n.ident);
        return n.ident;
    }
    std::string emitSoftmax(const ExportNode &n, std::size_t)
    {
        attr(op("Softmax", n.ident, {in(n, 0)}, n.ident), "axis", 1LL);
        return n.ident;
    }
    std::string emitDropout(const ExportNode &n, std::size_t)
    {
        // Inference-mode Dropout (training_mode absent) is the identity; the ratio is kept for importers.
        addInitializer(n.ident + ".ratio", {}, {static_cast<float>(n.options.get(opt::dropout::rate))});
        op("Dropout", n.ident, {in(n, 0), n.ident + ".ratio"}, n.ident);
        return n.ident;
    }
    std::vector<std::string> allInputs(const ExportNode &n) const
    {
        std::vector<std::string> ins;
        for (std::size_t p = 0; p < n.inputs.size(); ++p)
            ins.push_back(in(n, p));
        return ins;
    }
    std::string emitConcatenate(const ExportNode &n, std::size_t)
    {
        attr(op("Concat", n.ident, allInputs(n), n.ident), "axis", 1LL);
        return n.ident;
    }
    std::string emitAdd(const ExportNode &n, std::size_t)
    {
        const auto ins = allInputs(n);
        op(ins.size() == 2 ? "Add" : "Sum", n.ident, ins, n.ident);
        return n.ident;
    }
    std::string emitFlatten(const ExportNode &n, std::size_t)
    {
        // [N, features] stays as it is; [N, C, H, W] after a Reshape becomes rows again.
        attr(op("Flatten", n.ident, {in(n, 0)}, n.ident), "axis", 1LL);
        return n.ident;
    }
    /// x [N, ...] -> [N, n's shape...]; 0 keeps the batch size of the input.
    std::string reshape(const ExportNode &n, const std::string &x, const std::string &nodeName,
                        const std::string &out)
    {
        std::vector<std::int64_t> shape{0};
        for (int d : n.shape.dims)
            shape.push_back(d);
        addInt64Initializer(nodeName + ".shape", shape);
        op("Reshape", nodeName, {x, nodeName + ".shape"}, out);
        return out;
    }
    std::string emitReshape(const ExportNode &n, std::size_t)
    {
        return reshape(n, in(n, 0), n.ident, n.ident);
    }
    std::string emitConv2D(const ExportNode &n, std::size_t)
    {
        const ExportTensor &w = n.tensor("weight");
        const WindowGeometry g = windowGeometry(inputShape(n), convWindow(n.options));
        const int filters = n.options.get(opt::conv2d::filters);
        if (w.shape != std::vector<int>{filters, g.channels, g.kh, g.kw})
            throw ExportError(n.label() + " has kernels of unexpected shape.");
        addInitializer(n.ident + ".weight", w.shape, w.values);
        std::vector<std::string> ins = {in(n, 0), n.ident + ".weight"};
        if (n.options.get(opt::conv2d::useBias)) {
            addInitializer(n.ident + ".bias", {filters}, n.tensor("bias").values);
            ins.push_back(n.ident + ".bias");
        }
        const bool linear = activationOf(n.options).kind == ActivationKind::Linear;
        const std::string z = linear ? n.ident : n.ident + "/linear";
        windowAttrs(op("Conv", linear ? n.ident : n.ident + "/conv", ins, z), g, true);
        if (!linear) activation(n, z, n.ident, n.ident);
        return n.ident;
    }
    std::string emitMaxPool2D(const ExportNode &n, std::size_t)
    {
        // ONNX's MaxPool ignores the padding (as -inf), like Keras' `same`.
        windowAttrs(op("MaxPool", n.ident, {in(n, 0)}, n.ident),
                    windowGeometry(inputShape(n), poolWindow(n.options)), false);
        return n.ident;
    }
    std::string emitAveragePool2D(const ExportNode &n, std::size_t)
    {
        // count_include_pad = 0 (the default): windows over the edge average the pixels they cover, as Keras.
        auto *p = op("AveragePool", n.ident, {in(n, 0)}, n.ident);
        windowAttrs(p, windowGeometry(inputShape(n), poolWindow(n.options)), false);
        attr(p, "count_include_pad", 0LL);
        return n.ident;
    }
    std::string emitGlobalAveragePool2D(const ExportNode &n, std::size_t)
    {
        // [N, C, H, W] -> [N, C, 1, 1] -> [N, C]
        op("GlobalAveragePool", n.ident, {in(n, 0)}, n.ident + "/pooled");
        attr(op("Flatten", n.ident + "/flatten", {n.ident + "/pooled"}, n.ident), "axis", 1LL);
        return n.ident;
    }
    std::string emitDot(const ExportNode &n, std::size_t)
    {
        // Σᵢ aᵢ bᵢ per sample: Mul, then ReduceSum over the features keeping [N, 1] (opset 13: axes as
        // input).
        op("Mul", n.ident + "/mul", {in(n, 0), in(n, 1)}, n.ident + "/product");
        addInt64Initializer(n.ident + ".axes", {1});
        attr(op("ReduceSum", n.ident, {n.ident + "/product", n.ident + ".axes"}, n.ident), "keepdims", 1LL);
        return n.ident;
    }

    std::string emitEmbedding(const ExportNode &n, std::size_t)
    {
        // The ids arrive as floats, as `nnp predict` takes them: Cast to int64, then Gather the rows of the
        // [vocabulary, dim] table: [N, T] -> [N, T, dim].
        const ExportTensor &w = n.tensor("weight");
        if (w.shape != std::vector<int>{n.options.get(opt::embedding::inputDim),
                                        n.options.get(opt::embedding::outputDim)})
            throw ExportError(n.label() + " has a table of unexpected shape.");
        addInitializer(n.ident + ".weight", w.shape, w.values);
        attr(op("Cast", n.ident + "/cast", {in(n, 0)}, n.ident + "/ids"), "to",
             static_cast<long long>(onnx::TensorProto::INT64));
        attr(op("Gather", n.ident, {n.ident + ".weight", n.ident + "/ids"}, n.ident), "axis", 0LL);
        return n.ident;
    }
    /// ONNX's RNN / LSTM / GRU (opset 13: time-major X [T, N, features]) between two Transposes. ONNX stacks
    /// the gates in another order than PyTorch and NN Playground (LSTM i, o, f, c for our i, f, g, o; GRU z,
    /// r, h for our r, z, n) and takes the two biases as one [2·G·units] input; linear_before_reset = 1 is
    /// PyTorch's GRU.
    std::string emitRecurrent(const ExportNode &n, std::size_t)
    {
        if (n.maskFrom >= 0)
            throw ExportError(n.label() + " keeps its state on the padding steps of " +
                              m_model.nodes.at(static_cast<std::size_t>(n.maskFrom)).label() +
                              " (mask_zero), which ONNX's " + std::string(toString(n.kind)) +
                              " cannot express — export to PyTorch or Keras, or turn mask_zero off.");
        const int units = n.options.get(opt::rnn::units), gates = recurrentGates(n.kind);
        const Shape &shape = inputShape(n);
        const int features = shape.dims.at(1);
        const std::vector<int> order = n.kind == LayerKind::LSTM  ? std::vector<int>{0, 3, 1, 2}
                                       : n.kind == LayerKind::GRU ? std::vector<int>{1, 0, 2}
                                                                  : std::vector<int>{0};
        auto reordered = [&](const char *name, int cols) {
            const ExportTensor &t = n.tensor(name);
            const auto block = static_cast<std::size_t>(units) * static_cast<std::size_t>(cols);
            if (t.values.size() != block * static_cast<std::size_t>(gates))
                throw ExportError(n.label() + " has a " + name + " of unexpected size.");
            std::vector<float> r;
            for (int g : order)
                r.insert(r.end(), t.values.begin() + static_cast<std::ptrdiff_t>(block * g),
                         t.values.begin() + static_cast<std::ptrdiff_t>(block * (g + 1)));
            return r;
        };
        const int rows = gates * units;
        addInitializer(n.ident + ".W", {1, rows, features}, reordered("weight_ih", features));
        addInitializer(n.ident + ".R", {1, rows, units}, reordered("weight_hh", units));
        std::vector<float> b = reordered("bias_ih", 1);
        const std::vector<float> bh = reordered("bias_hh", 1);
        b.insert(b.end(), bh.begin(), bh.end());
        addInitializer(n.ident + ".B", {1, 2 * rows}, b);
        const std::vector<long long> swap{1, 0, 2};
        attr(op("Transpose", n.ident + "/time_major", {in(n, 0)}, n.ident + "/x"), "perm", swap);
        static constexpr const char *type[] = {"", "RNN", "", "GRU", "LSTM"};
        auto *cell = op(type[gates], n.ident + "/" + type[gates],
                        {n.ident + "/x", n.ident + ".W", n.ident + ".R", n.ident + ".B"}, n.ident + "/Y");
        cell->add_output(n.ident + "/Y_h");
        attr(cell, "hidden_size", static_cast<long long>(units));
        if (n.kind == LayerKind::GRU) attr(cell, "linear_before_reset", 1LL);
        if (!n.options.get(opt::rnn::returnSequences)) {
            // Y_h [1, N, units] -> [N, units]
            addInt64Initializer(n.ident + ".axes", {0});
            op("Squeeze", n.ident, {n.ident + "/Y_h", n.ident + ".axes"}, n.ident);
            return n.ident;
        }
        // Y [T, 1, N, units] -> [T, N, units] -> [N, T, units]
        addInt64Initializer(n.ident + ".axes", {1});
        op("Squeeze", n.ident + "/squeeze", {n.ident + "/Y", n.ident + ".axes"}, n.ident + "/steps");
        attr(op("Transpose", n.ident, {n.ident + "/steps"}, n.ident), "perm", swap);
        return n.ident;
    }
    /// Behind an Embedding's padding mask (stepMaskSource) the pools over time leave padded steps out: from
    /// the table's int64 ids [N, T], `<ident>/keep` (bool [N, T, 1], a real step), `<ident>/kept` (float
    /// [N, 1], the number of real steps).
    void stepKeep(const ExportNode &n)
    {
        const ExportNode &table = m_model.nodes.at(static_cast<std::size_t>(n.maskFrom));
        const std::string k = n.ident + "/";
        addInt64Initializer(n.ident + ".zero_id", {0});
        addInt64Initializer(n.ident + ".steps_axis", {1});
        addInt64Initializer(n.ident + ".feature_axis", {2});
        op("Equal", k + "padding", {table.ident + "/ids", n.ident + ".zero_id"}, k + "padding");
        op("Not", k + "real", {k + "padding"}, k + "real");
        op("Unsqueeze", k + "keep", {k + "real", n.ident + ".feature_axis"}, k + "keep");
        attr(op("Cast", k + "real_float", {k + "real"}, k + "real_float"), "to",
             static_cast<long long>(onnx::TensorProto::FLOAT));
        attr(op("ReduceSum", k + "kept", {k + "real_float", n.ident + ".steps_axis"}, k + "kept"), "keepdims",
             1LL);
    }
    std::string emitGlobalAveragePool1D(const ExportNode &n, std::size_t)
    {
        if (n.maskFrom < 0) {
            auto *p = op("ReduceMean", n.ident, {in(n, 0)}, n.ident);
            attr(p, "axes", std::vector<long long>{1});
            attr(p, "keepdims", 0LL);
            return n.ident;
        }
        // Σ over the real steps / max(their number, 1): a sentence of padding only gives 0.
        stepKeep(n);
        const std::string k = n.ident + "/";
        op("Where", k + "masked", {k + "keep", in(n, 0), scalar("const.zero", 0.0f)}, k + "masked");
        attr(op("ReduceSum", k + "sum", {k + "masked", n.ident + ".steps_axis"}, k + "sum"), "keepdims", 0LL);
        op("Max", k + "count", {k + "kept", scalar("const.one", 1.0f)}, k + "count");
        op("Div", n.ident, {k + "sum", k + "count"}, n.ident);
        return n.ident;
    }
    std::string emitGlobalMaxPool1D(const ExportNode &n, std::size_t)
    {
        const bool masked = n.maskFrom >= 0;
        const std::string k = n.ident + "/";
        if (masked) {
            stepKeep(n);
            op("Where", k + "masked",
               {k + "keep", in(n, 0),
                scalar("const.minus_infinity", -std::numeric_limits<float>::infinity())},
               k + "masked");
        }
        const std::string out = masked ? k + "max" : n.ident;
        auto *p = op("ReduceMax", out, {masked ? k + "masked" : in(n, 0)}, out);
        attr(p, "axes", std::vector<long long>{1});
        attr(p, "keepdims", 0LL);
        if (!masked) return n.ident;
        // A sentence of padding only gives 0, not −∞.
        op("Greater", k + "any", {k + "kept", scalar("const.zero", 0.0f)}, k + "any");
        op("Where", n.ident, {k + "any", out, scalar("const.zero", 0.0f)}, n.ident);
        return n.ident;
    }

    using Emitter = std::string (OnnxBuilder::*)(const ExportNode &, std::size_t);
    static constexpr KindEntry<Emitter> kEmitters[] = {
        {LayerKind::Input, &OnnxBuilder::emitInput},
        {LayerKind::Dense, &OnnxBuilder::emitDense},
        {LayerKind::Activation, &OnnxBuilder::emitActivation},
        {LayerKind::Softmax, &OnnxBuilder::emitSoftmax},
        {LayerKind::Dropout, &OnnxBuilder::emitDropout},
        {LayerKind::BatchNorm, &OnnxBuilder::emitBatchNorm},
        {LayerKind::Concatenate, &OnnxBuilder::emitConcatenate},
        {LayerKind::Add, &OnnxBuilder::emitAdd},
        {LayerKind::Flatten, &OnnxBuilder::emitFlatten},
        {LayerKind::Reshape, &OnnxBuilder::emitReshape},
        {LayerKind::Conv2D, &OnnxBuilder::emitConv2D},
        {LayerKind::MaxPool2D, &OnnxBuilder::emitMaxPool2D},
        {LayerKind::AveragePool2D, &OnnxBuilder::emitAveragePool2D},
        {LayerKind::GlobalAveragePool2D, &OnnxBuilder::emitGlobalAveragePool2D},
        {LayerKind::Dot, &OnnxBuilder::emitDot},
        {LayerKind::Embedding, &OnnxBuilder::emitEmbedding},
        {LayerKind::SimpleRNN, &OnnxBuilder::emitRecurrent},
        {LayerKind::LSTM, &OnnxBuilder::emitRecurrent},
        {LayerKind::GRU, &OnnxBuilder::emitRecurrent},
        {LayerKind::GlobalAveragePool1D, &OnnxBuilder::emitGlobalAveragePool1D},
        {LayerKind::GlobalMaxPool1D, &OnnxBuilder::emitGlobalMaxPool1D},
    };
    static_assert(coversEveryKind(kEmitters), "every layer kind needs an ONNX emitter");

    std::string emitNode(const ExportNode &n, std::size_t index)
    {
        return (this->*entryFor(kEmitters, n.kind))(n, index);
    }

public:
    static std::vector<LayerKind> kinds() { return kindsOf(kEmitters); }

private:
    const ExportModel &m_model;
    onnx::ModelProto m_proto;
    onnx::GraphProto *m_graph;
    std::vector<std::string> m_values; // ONNX value holding each node's output
    std::set<std::string> m_scalars;
};

} // namespace

std::vector<LayerKind> onnxExportKinds()
{
    return OnnxBuilder::kinds();
}

std::string exportOnnx(const ExportModel &model)
{
    if (model.nodes.empty()) throw ExportError("The network is empty: nothing to export.");
    onnx::ModelProto proto = OnnxBuilder(model).build();
    try {
        onnx::checker::check_model(proto);
    } catch (const std::exception &e) {
        throw ExportError(
            std::string("The ONNX checker rejected the exported model (a bug in the exporter): ") + e.what());
    }
    std::string bytes;
    if (!proto.SerializeToString(&bytes))
        throw ExportError("The ONNX model could not be serialised (it may exceed protobuf's 2 GB limit).");
    return bytes;
}

void writeOnnx(const ExportModel &model, const std::filesystem::path &file)
{
    writeFileAtomic(file, exportOnnx(model));
}

} // namespace nnp
