// Our own ONNX export's pools over time behind an Embedding's padding mask (onnx_export.cpp, stepKeep and
// the masked GlobalAveragePool1D / GlobalMaxPool1D): ONNX has no mask, so the export computes one from the
// ids. Read back, the pattern becomes the pool again and the Embedding gets mask_zero:
//   padding = Equal(ids, 0); real = Not(padding); keep = Unsqueeze(real, [2]);
//   kept = ReduceSum(Cast(real, float), [1], keepdims 1)
//   mean: Div(ReduceSum(Where(keep, x, 0), [1], keepdims 0), Max(kept, 1))
//   max:  Where(Greater(kept, 0), ReduceMax(Where(keep, x, −∞), axes [1], keepdims 0), 0)
#include "export/onnx_importer.h"

#include "layers/embedding.h"
#include "layers/step_mask.h"

#include <limits>

namespace nnp::onnximport {

namespace {

using Part = Value::MaskPart;

bool isScalar(const Const &c, float v)
{
    return c.data.size() == 1 && c.data[0] == v;
}

} // namespace

bool Importer::importMaskNode(const onnx::NodeProto &n, int i)
{
    const std::string &op = n.op_type();
    if (n.input_size() < 1 || n.output_size() < 1) return false;
    const auto known = [&](int port) { return port < n.input_size() && m_values.count(n.input(port)) > 0; };
    if (!known(0)) return false;
    const Value &x = value(n, i, 0);
    auto part = [&](Part p, NodeId input) {
        Value v;
        v.mask = p;
        v.maskInput = input;
        define(n.output(0), v);
        return true;
    };
    auto constAt = [&](int port, float v) {
        return known(port) && value(n, i, port).isConst && isScalar(value(n, i, port).c, v);
    };
    auto axesAre = [&](int port, float axis) {
        if (known(port) && value(n, i, port).isConst) return isScalar(value(n, i, port).c, axis);
        const auto *a = attribute(n, "axes");
        return a && a->ints_size() == 1 && a->ints(0) == static_cast<long long>(axis);
    };

    if (op == "Equal" && x.ids && x.input >= 0 && constAt(1, 0.0f)) return part(Part::Padding, x.node);
    if (x.mask == Part::None) {
        for (int port = 1; port < n.input_size(); ++port)
            if (known(port) && value(n, i, port).mask != Part::None)
                fail(n, i,
                     "this part of a masked pool over time is not in the form NN Playground's export "
                     "writes.");
        return false;
    }
    const NodeId ids = x.maskInput;
    if (op == "Not" && x.mask == Part::Padding) return part(Part::Real, ids);
    if (op == "Unsqueeze" && x.mask == Part::Real && axesAre(1, 2.0f)) return part(Part::Keep, ids);
    if (op == "Cast" && x.mask == Part::Real && intAttr(n, i, "to", 0) == onnx::TensorProto::FLOAT)
        return part(Part::RealFloat, ids);
    if (op == "ReduceSum" && x.mask == Part::RealFloat && axesAre(1, 1.0f) &&
        intAttr(n, i, "keepdims", 1) == 1)
        return part(Part::Kept, ids);
    if (op == "Max" && x.mask == Part::Kept && constAt(1, 1.0f)) return part(Part::Count, ids);
    if (op == "Greater" && x.mask == Part::Kept && constAt(1, 0.0f)) return part(Part::Any, ids);
    if (op == "Where" && x.mask == Part::Keep && known(1) &&
        (constAt(2, 0.0f) || constAt(2, -std::numeric_limits<float>::infinity()))) {
        const Value &seq = layerValue(n, i, 1);
        if (seq.layout != Value::Layout::BatchFirst || seq.dims.size() != 2)
            fail(n, i, "a masked pool over time needs a sequence [N, time, features].");
        Value v = seq;
        v.mask = constAt(2, 0.0f) ? Part::ZeroFilled : Part::MinusInfFilled;
        v.maskInput = ids;
        output(n, i, std::move(v));
        return true;
    }
    // The pools themselves, behind the Embedding of those ids with mask_zero.
    auto pool = [&](LayerKind kind, const Value &seq) {
        NodeId at = seq.node, table = -1;
        for (std::size_t hops = 0; hops <= m_spec.nodes.size() && at >= 0; ++hops) {
            const NodeSpec *s = m_spec.find(at);
            const auto in = m_spec.inputsOf(at);
            if (!s || in.empty()) break;
            if (s->kind == LayerKind::Embedding && in.front().from == ids) {
                table = at;
                break;
            }
            at = in.front().from;
        }
        if (table < 0)
            fail(n, i, "the masked steps do not come from an Embedding of the ids the mask is made of.");
        m_spec.find(table)->options.set(opt::embedding::maskZero, true);
        const NodeId id = addNode(kind, nameFor(n), {}, {seq.node});
        if (stepMaskSource(m_spec, id) != table)
            fail(n, i, "the Embedding's padding mask would not reach this pool over time.");
        return layerOut(id, seq.dims[1]);
    };
    if (op == "ReduceSum" && x.mask == Part::ZeroFilled && axesAre(1, 1.0f) &&
        intAttr(n, i, "keepdims", 1) == 0) {
        Value v = x;
        v.mask = Part::MaskedSum;
        output(n, i, std::move(v));
        return true;
    }
    if (op == "Div" && x.mask == Part::MaskedSum && known(1) && value(n, i, 1).mask == Part::Count &&
        value(n, i, 1).maskInput == ids) {
        Value v = pool(LayerKind::GlobalAveragePool1D, x);
        output(n, i, std::move(v));
        return true;
    }
    if (op == "ReduceMax" && x.mask == Part::MinusInfFilled && axesAre(1, 1.0f) &&
        intAttr(n, i, "keepdims", 1) == 0) {
        Value v = pool(LayerKind::GlobalMaxPool1D, x);
        v.mask = Part::MaskedMax;
        v.maskInput = ids;
        output(n, i, std::move(v));
        return true;
    }
    if (op == "Where" && x.mask == Part::Any && known(1) && value(n, i, 1).mask == Part::MaskedMax &&
        constAt(2, 0.0f)) {
        // Our GlobalMaxPool1D gives 0 for a sentence of padding only, as this Where does.
        Value v = value(n, i, 1);
        v.mask = Part::None;
        output(n, i, std::move(v));
        return true;
    }
    fail(n, i, "this part of a masked pool over time is not in the form NN Playground's export writes.");
}

} // namespace nnp::onnximport
