#pragma once
// The compiled graph: layers in topological order, their buffers, the loss, forward and backward passes.
// A Network is used by one thread at a time (the training worker); replicas are copies.

#include "graph/validator.h"
#include "layers/layer.h"
#include "losses/loss.h"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace nnp {

/// The graph did not pass validate(); diagnostics() says why, per node.
class GraphError : public std::invalid_argument {
public:
    explicit GraphError(ValidationResult r);
    [[nodiscard]] const std::vector<Diagnostic> &diagnostics() const { return m_result.diagnostics; }

private:
    ValidationResult m_result;
};

/// An id a layer cannot look up (an Embedding's id out of range or not whole), from forward or predict: names
/// the layer, the value and the sample (its column in the data passed in, 0-based; the message counts from
/// 1).
class InvalidIdError : public std::invalid_argument {
public:
    InvalidIdError(const std::string &node, double value, long long sample, int vocabulary);
    std::string node;
    double value;
    long long sample;
    int vocabulary;
};

/// A parameter with the node it belongs to.
struct NodeParam {
    int node = 0; ///< index into Network::nodes()
    NodeId id = 0;
    std::string nodeName;
    ParamRef ref;
};

class Network {
public:
    struct Node {
        NodeId id = 0;
        std::string name;
        LayerKind kind = LayerKind::Input;
        Shape shape; ///< output shape of one sample
        std::unique_ptr<Layer> layer;
        std::vector<int> inputs;         ///< producer node indices, in port order
        int consumers = 0;               ///< number of wires leaving this node
        bool needsGrad = false;          ///< dL/dy of this node is needed (a parameter lies at or before it)
        Matrix y;                        ///< output of the last forward
        Matrix dy;                       ///< dL/dy of the last backward
        std::vector<Matrix> scratch;     ///< dx per input when the producer also feeds others
        std::vector<Matrix *> dxTargets; ///< where backward writes dx per input (null: not needed)
        bool gradReady = false;
    };

    /// Compiles a validated graph and initialises its parameters from `seed`. Throws GraphError.
    static Network build(const GraphSpec &spec, std::uint64_t seed);

    Network(const Network &other);
    Network &operator=(const Network &) = delete;
    Network(Network &&) noexcept;
    Network &operator=(Network &&) noexcept;
    ~Network();

    void setLoss(const LossParams &loss);
    [[nodiscard]] const LossParams &loss() const { return m_loss; }

    /// Runs the whole graph on x [inputSize x N] (rows split among the Input nodes in order).
    const Matrix &forward(const Matrix &x, Mode mode);
    /// Copies columns `cols` of x into the Input nodes (no allocation once sized), then runs forward.
    const Matrix &forwardColumns(const Matrix &x, std::span<const int> cols, Mode mode);
    /// After a forward(Train): the loss against `target` (loss rows x N), and every gradient.
    double lossAndBackward(const Matrix &target);
    /// The loss of the last forward against `target` (no gradients).
    [[nodiscard]] double lossOf(const Matrix &target) const;
    /// The loss of each sample of the last forward pass, as lossOf computes the batch's (from the logits of a
    /// fused output); their mean is lossOf.
    [[nodiscard]] std::vector<double> sampleLossesOf(const Matrix &target) const;
    /// Σ l1|w| + Σ (l2/2) w² over every regularised parameter.
    [[nodiscard]] double regularizationPenalty() const;

    /// forward(Eval) in chunks; returns the outputs [outputSize x N].
    Matrix predict(const Matrix &x, int chunk = 4096);
    /// The most samples one forward pass of predict() takes within the memory limit (memory_budget.h).
    [[nodiscard]] int predictChunk() const;
    /// The samples one forward pass of an evaluation takes (evaluate(), the insights): within predictChunk(),
    /// at most 2048, and few enough that every layer's output stays within kEvaluationBufferBytes. A larger
    /// buffer is beyond the allocator's mmap threshold (tuneAllocator): it is mapped afresh and page-faulted
    /// at every evaluation, and the training batch's buffers are reallocated after it (measured on
    /// mnist_cnn in the window: a fifth of the training thread's time went to page faults).
    [[nodiscard]] int evaluationChunk() const;
    static constexpr long long kEvaluationBufferBytes = 16ll << 20;

    [[nodiscard]] const Matrix &output() const { return m_nodes[static_cast<std::size_t>(m_output)].y; }
    [[nodiscard]] int inputSize() const { return m_inputSize; }
    [[nodiscard]] int outputSize() const;
    [[nodiscard]] const std::vector<Node> &nodes() const { return m_nodes; }
    [[nodiscard]] int nodeIndex(NodeId id) const; ///< -1 if absent
    [[nodiscard]] const std::vector<int> &inputNodes() const { return m_inputs; }
    [[nodiscard]] int outputNode() const { return m_output; }
    [[nodiscard]] Layer &layer(int node) { return *m_nodes[static_cast<std::size_t>(node)].layer; }
    [[nodiscard]] const GraphSpec &spec() const { return m_spec; }
    /// True when the loss is computed from the logits of the final sigmoid/softmax.
    [[nodiscard]] bool fusedOutput() const { return m_fusion != Fusion::None; }
    /// The logits z used by a fused loss (valid after forward), else null.
    [[nodiscard]] const Matrix *fusedLogits() const;
    /// dL/dz at the fused output (valid after lossAndBackward), else null.
    [[nodiscard]] const Matrix *fusedLogitGrad() const;

    std::vector<NodeParam> parameters();
    std::vector<NodeParam> state(); ///< non-trainable saved tensors (BatchNorm running statistics)
    [[nodiscard]] long long parameterCount() const;
    /// The multiply-adds of one sample's forward pass in node i's weights: a Dense layer's weights once, a
    /// Conv2D's at every output position, any other layer's parameters once (an estimate). 0 without any.
    [[nodiscard]] long long forwardMultiplyAdds(std::size_t i) const;
    /// The sum over all nodes: how much work one sample is (the trainer's measure for a second thread).
    [[nodiscard]] long long forwardMultiplyAddsPerSample() const;
    [[nodiscard]] bool allParametersFinite();
    [[nodiscard]] bool allGradientsFinite();
    /// Copies parameter values and state from a network built from the same spec.
    void copyParametersFrom(Network &other);
    /// Sets every Dense layer's L1/L2 rates (a live change during training).
    void setRegularization(double l1, double l2);
    void reseedRandomLayers(std::uint64_t seed);
    [[nodiscard]] bool hasBatchNorm() const;
    /// BatchNorm (running statistics) or Dropout (a random stream): a pass on a copy is not the same pass.
    [[nodiscard]] bool hasStatefulLayers() const;

private:
    enum class Fusion { None, DenseSigmoid, DenseLogitsLayer };
    Network() = default;
    void prepareBackward();
    void runNodeBackward(int j);
    void deliver(int j);

    GraphSpec m_spec;
    std::vector<Node> m_nodes;
    std::vector<int> m_inputs;
    int m_output = 0;
    int m_inputSize = 0;
    LossParams m_loss;
    Fusion m_fusion = Fusion::None;
    Matrix m_fusedGrad;
    std::vector<const Matrix *> m_xPtrs; // scratch for layer calls
    /// Per node: the Embedding node whose padding mask its recurrent layer obeys (layers/step_mask.h), or -1.
    std::vector<int> m_maskFrom;
};

} // namespace nnp
