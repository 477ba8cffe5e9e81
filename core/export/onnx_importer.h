#pragma once
// The ONNX importer's working state (internal to nnp_export): one pass over the nodes in their (topological)
// order, tracking for every ONNX value either a constant or the NN Playground node that produces it.
// onnx_import_graph.cpp holds the bookkeeping (Importer), onnx_import_ops.cpp the operators (OpImporter).

#include "export/onnx_import_detail.h"

#include "layers/activations.h"

#include <onnx/onnx_pb.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace nnp::onnximport {

struct Value {
    bool isConst = false;
    Const c;
    NodeId node = -1; ///< the layer producing it
    int features = 0;
    std::vector<int> dims; ///< the shape of one sample when it is not flat ([channels, height, width])
    int input = -1;        ///< >= 0: graph input k, still before any layer (normalisation may apply)
    int normStage = 0;     ///< 0 raw, 1 offset subtracted, 2 scaled
    bool fusable = false;  ///< output of a Dense that may still take a bias or an activation
    bool ids = false;      ///< integer ids (an int64 graph input, or a graph input Cast to integers)
    /// Where a sequence's axes are around ONNX's time-major RNN / LSTM / GRU (onnx_import_recurrent.cpp):
    /// [N, T, F] as every layer reads it; [T, N, F]; Y [T, 1, N, units]; Y_h [1, N, units].
    enum class Layout { BatchFirst, TimeMajor, StepsWithDirection, StateWithDirection };
    Layout layout = Layout::BatchFirst;
    bool wholeSequence = false; ///< every step of the recurrent layer `node`, read by nothing else so far
    bool batchShape = false;    ///< shape arithmetic on the batch size, or zeros of that shape (a zero state)
    /// A part of our own export's masked pool over time (onnx_import_mask.cpp), built from the ids of graph
    /// input `maskInput`: which value of that pattern this is.
    enum class MaskPart {
        None,
        Padding,
        Real,
        Keep,
        RealFloat,
        Kept,
        Count,
        Any,
        ZeroFilled,
        MinusInfFilled,
        MaskedSum,
        MaskedMax
    };
    MaskPart mask = MaskPart::None;
    NodeId maskInput = -1;
};

/// The bookkeeping shared by every operator; the operators themselves are OpImporter, in onnx_import_ops.cpp.
class Importer {
public:
    Importer(const onnx::ModelProto &model, std::string source);
    virtual ~Importer() = default;
    Importer(const Importer &) = delete;
    Importer &operator=(const Importer &) = delete;
    ImportedModel run();

protected:
    [[noreturn]] void fail(const std::string &msg) const;
    [[noreturn]] void fail(const onnx::NodeProto &n, int i, const std::string &msg) const;
    void countUses();
    int uses(const std::string &name) const;
    Value constValue(const onnx::TensorProto &t, const std::string &what) const;
    void define(const std::string &name, Value v);
    void defineConstantNode(const onnx::NodeProto &n, int i);
    std::string uniqueName(std::string base);

    /// "/fc1/Gemm" -> "fc1", "hidden1/gemm" -> "hidden1": drop exporter decorations from names.
    static std::string cleanName(const std::string &raw, const std::string &opType);
    NodeId addNode(LayerKind kind, const std::string &name, LayerOptions o,
                   const std::vector<NodeId> &inputs);
    void addInput(const onnx::ValueInfoProto &in);
    const Value &value(const onnx::NodeProto &n, int i, int port) const;
    const Value &layerValue(const onnx::NodeProto &n, int i, int port) const;
    const Const &constant(const onnx::NodeProto &n, int i, int port) const;
    static const onnx::AttributeProto *attribute(const onnx::NodeProto &n, const std::string &name);
    float floatAttr(const onnx::NodeProto &n, int i, const std::string &name, float def) const;
    long long intAttr(const onnx::NodeProto &n, int i, const std::string &name, long long def) const;
    void output(const onnx::NodeProto &n, int i, Value v);

    /// The output is input `port` itself (Identity, a one-input Sum or Concat).
    void passThrough(const onnx::NodeProto &n, int i, int port);
    Value layerOut(NodeId id, int features) const;
    /// The output of layer `id` whose samples have the shape of x's (an activation, Dropout, Add).
    Value layerLike(NodeId id, const Value &x) const;
    std::string nameFor(const onnx::NodeProto &n) const;

    /// Sequences (onnx_import_recurrent.cpp): RNN, LSTM and GRU, the Transpose, Squeeze and Gather around
    /// them, ReduceMean / ReduceMax over time, and the shape arithmetic (Shape, Gather, Unsqueeze, Concat,
    /// ConstantOfShape) with which torch.onnx.export makes zero initial states. False: not such a node.
    bool importSequenceNode(const onnx::NodeProto &n, int i);

    /// NN Playground's own masked pools over time (onnx_import_mask.cpp): Equal(ids, 0) → Not → Unsqueeze /
    /// Cast → ReduceSum, Where(keep, x, 0 or −∞) → ReduceSum / ReduceMax, Max(kept, 1) → Div, Greater(kept,
    /// 0) → Where become a GlobalAveragePool1D / GlobalMaxPool1D behind an Embedding with mask_zero. False:
    /// not such a node.
    bool importMaskNode(const onnx::NodeProto &n, int i);

    /// One ONNX node: the operator table in onnx_import_ops.cpp (a new operator touches only that file).
    virtual void importNode(const onnx::NodeProto &n, int i) = 0;
    ImportedModel finish();

    /// Columns by depth (longest path from an input), rows centred within each column.
    void layout(GraphSpec &g) const;
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
    std::vector<std::string> m_inputNames; ///< the graph inputs' names, as m_inputs
    std::vector<std::vector<float>> m_offsets, m_scales;
    bool m_normalized = false;
    std::optional<Normalizer> m_targetScaler; ///< the final Mul + Add of a scaled regression target
};

} // namespace nnp::onnximport
