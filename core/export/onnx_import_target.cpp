// Our own export of a scaled regression target (core/io/target_scaling.h, onnx_export.cpp) ends in
// Mul(output, target_gain) -> Add(target_bias) [-> Identity named after the target]: read back as the
// project's target scaler, so such a model imports, predicts in the target's own units and exports the same
// again.
#include "export/onnx_import_ops.h"

#include "train/fit_check.h"

#include <cmath>

namespace nnp::onnximport {

namespace {

/// The values of constant `name` when it has one value per output (shape [k] or [1, k]), else nothing.
const std::vector<float> *perOutput(const std::map<std::string, Value> &values, const std::string &name,
                                    int outputs)
{
    auto it = values.find(name);
    if (it == values.end() || !it->second.isConst) return nullptr;
    const Const &c = it->second.c;
    const bool shaped = (c.dims.size() == 1 && c.dims[0] == outputs) ||
                        (c.dims.size() == 2 && c.dims[0] == 1 && c.dims[1] == outputs);
    if (!shaped || c.data.size() != static_cast<std::size_t>(outputs)) return nullptr;
    for (float v : c.data)
        if (!std::isfinite(v)) return nullptr;
    return &c.data;
}

} // namespace

bool OpImporter::matchTargetScaling(const onnx::NodeProto &n, int i)
{
    if (n.input_size() != 2 || n.output_size() != 1 || m_graph.output_size() != 1) return false;
    auto xi = m_values.find(n.input(0));
    if (xi == m_values.end()) return false;
    const Value &x = xi->second;
    // The network's output layer itself, flat, read by this Mul alone.
    if (x.isConst || x.input >= 0 || x.node < 0 || !x.dims.empty() || x.batchShape || x.ids ||
        x.mask != Value::MaskPart::None || x.layout != Value::Layout::BatchFirst || uses(n.input(0)) != 1)
        return false;
    const NodeSpec *layer = m_spec.find(x.node);
    if (!layer || lossForOutputNode(*layer) != LossKind::MSE) return false; // not a regression output
    for (const auto &p : m_model.metadata_props())
        if (p.key() == "nnp.task" && p.value() != "regression") return false;
    const std::vector<float> *gain = perOutput(m_values, n.input(1), x.features);
    if (!gain) return false;
    for (float g : *gain)
        if (!(g > 0.0f)) return false; // σ of a z-score
    const int add = soleConsumer(n.output(0), "Add");
    if (add < 0) return false;
    const onnx::NodeProto &a = m_graph.node(add);
    if (a.input_size() != 2 || a.output_size() != 1 || a.input(0) != n.output(0)) return false;
    const std::vector<float> *bias = perOutput(m_values, a.input(1), x.features);
    if (!bias) return false;
    // The Add is the graph's output, or feeds only the Identity that names it.
    const std::string &graphOut = m_graph.output(0).name();
    if (a.output(0) != graphOut) {
        const int named = soleConsumer(a.output(0), "Identity");
        if (named < 0 || m_graph.node(named).output(0) != graphOut) return false;
    }

    Normalizer s;
    s.kind = NormalizationKind::ZScore;
    s.offset.resize(x.features);
    s.scale.resize(x.features);
    for (int k = 0; k < x.features; ++k) {
        const auto u = static_cast<std::size_t>(k);
        s.offset(k) = static_cast<Scalar>((*bias)[u]);
        // In double, as the export computed the gain from the scale (target_scaling.cpp).
        s.scale(k) = static_cast<Scalar>(1.0 / double((*gain)[u]));
    }
    m_targetScaler = std::move(s);
    m_notes.push_back(nodeLabel(n, i) + " and " + nodeLabel(a, add) +
                      ": the outputs' scaling back to the target's units, read as the project's target "
                      "scaling.");
    m_skip.insert(add);
    Value v = x;
    v.fusable = false; // the Dense is complete: nothing may fuse into it past the scaling
    output(a, add, v);
    return true;
}

} // namespace nnp::onnximport
