#pragma once
// Internal to the ONNX importer: the operators it understands, each mapped onto NN Playground layers. The
// methods live by theme: onnx_import_ops.cpp (dense, arithmetic, activations, shapes, ids) and
// onnx_import_image.cpp (convolution, pooling, padding).
#include "export/onnx_importer.h"
#include "layers/window2d.h"

#include <optional>
#include <string>
#include <vector>

namespace nnp::onnximport {

class OpImporter final : public Importer {
public:
    using Importer::Importer;

private:
    void importNode(const onnx::NodeProto &n, int i) override;

    /// A Dense from weight W given column-major as [units x inputs] (which is ONNX's [inputs, units]
    /// row-major).
    void dense(const onnx::NodeProto &n, int i, const Value &x, int units, std::vector<float> wColMajor,
               std::optional<std::vector<float>> bias);
    void gemm(const onnx::NodeProto &n, int i);
    void matMul(const onnx::NodeProto &n, int i);

    std::vector<float> broadcastVector(const onnx::NodeProto &n, int i, const Const &c, int size,
                                       const std::string &what) const;
    void add(const onnx::NodeProto &n, int i);

    /// Sub, Mul and Div: the Erf form of GELU, or the input normalisation (x − offset) · scale.
    void arithmetic(const onnx::NodeProto &n, int i);

    /// Mul(output, σ) -> Add(mean) [-> Identity] as the graph's output, one constant per output of a
    /// regression output layer (onnx_import_target.cpp): the target scaler our export writes. False: anything
    /// else.
    bool matchTargetScaling(const onnx::NodeProto &n, int i);

    /// The index of the only node reading `value` if it is an `op`, else -1.
    int soleConsumer(const std::string &value, const char *op) const;
    bool isScalar(const std::string &name, float expected) const;

    /// The input of binary node `n` that is not `known` (empty if neither or both are).
    static std::string otherInput(const onnx::NodeProto &n, const std::string &known);

    /// Div(x, √2) | Mul(x, 1/√2) -> Erf -> Add(1) -> Mul(x) -> Mul(0.5): GELU. Returns the chain's output
    /// value.
    std::optional<std::string> matchGelu(const onnx::NodeProto &n, int);
    ActivationParams activationOf(const onnx::NodeProto &n, int i) const;

    /// Fused into the Dense before it when nothing else reads that Dense's output; else an Activation layer.
    void activation(const onnx::NodeProto &n, int i, ActivationParams p, std::optional<std::string> out = {});
    void requireAxis1(const onnx::NodeProto &n, int i, long long def) const;
    void softmax(const onnx::NodeProto &n, int i);
    void flatten(const onnx::NodeProto &n, int i);
    void concat(const onnx::NodeProto &n, int i);
    void dropout(const onnx::NodeProto &n, int i);
    void batchNorm(const onnx::NodeProto &n, int i);
    void reshape(const onnx::NodeProto &n, int i);
    /// An INTS attribute of `count` values, or `def` repeated when absent.
    std::vector<int> intsAttr(const onnx::NodeProto &n, int i, const std::string &name, std::size_t count,
                              int def) const;
    /// The window of a Conv or pooling node over x, its padding matched to `valid` or Keras' `same`.
    WindowOptions window(const onnx::NodeProto &n, int i, const Value &x, std::vector<int> kernel,
                         bool dilations) const;
    const Value &image(const onnx::NodeProto &n, int i) const;
    void conv(const onnx::NodeProto &n, int i);
    void pool(const onnx::NodeProto &n, int i, LayerKind kind);
    void globalAveragePool(const onnx::NodeProto &n, int i);
    /// A Pad of nothing (what torch.onnx.export writes before an AvgPool2d): the identity; other padding is
    /// refused.
    void pad(const onnx::NodeProto &n, int i);
    /// Mul(a, b) -> ReduceSum(axis 1, keepdims): a Dot layer; false when the Mul is something else.
    bool matchDot(const onnx::NodeProto &n, int i);
    /// A graph input Cast to integers: ids (the float ids our exports take); a Cast to float: nothing.
    void cast(const onnx::NodeProto &n, int i);
    /// Gather(table [vocabulary, dim], ids, axis 0): an Embedding, as torch.onnx.export writes nn.Embedding.
    void gather(const onnx::NodeProto &n, int i);
};

} // namespace nnp::onnximport
