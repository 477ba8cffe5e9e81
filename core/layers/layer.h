#pragma once
// One node of the compiled graph. Layers assign gradients; the Network sums them where a node feeds several.

#include "graph/graph_spec.h"
#include "tensor.h"

#include <memory>
#include <span>
#include <string>
#include <vector>

namespace nnp {

enum class Mode { Train, Eval };

/// A named parameter tensor and its gradient, plus the regularisation that applies to it.
struct ParamRef {
    std::string name; ///< "weight", "bias", "gamma", "beta", "running_mean", "running_var"
    Matrix *value = nullptr;
    Matrix *grad = nullptr; ///< null for state that is not trained (running statistics)
    Scalar l1 = 0;
    Scalar l2 = 0;
};

class Layer {
public:
    virtual ~Layer() = default;
    [[nodiscard]] virtual LayerKind kind() const = 0;
    /// Allocates and initialises parameters for these input shapes.
    virtual void initialize(std::span<const Shape> /*inputs*/, Rng & /*rng*/) {}
    /// x: [in x N] each -> y: [out x N]; caches what backward needs.
    virtual void forward(std::span<const Matrix *const> x, Matrix &y, Mode mode) = 0;
    /// requires: the last forward saw x and made y; dy has y's shape.
    /// ensures: *dx[i] = dL/dx[i] (assigned) for every non-null dx[i]; every parameter grad = dL/dθ
    /// (assigned).
    virtual void backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                          std::span<Matrix *const> dx) = 0;
    /// Trainable parameters.
    virtual std::vector<ParamRef> parameters() { return {}; }
    /// Saved but not trained (BatchNorm's running statistics).
    virtual std::vector<ParamRef> state() { return {}; }
    /// z of the last forward, for layers with a built-in activation (Dense); else null.
    [[nodiscard]] virtual const Matrix *preActivation() const { return nullptr; }
    /// dL/dz of the last backward, for layers with a built-in activation (Dense); else null.
    [[nodiscard]] virtual const Matrix *preActivationGrad() const { return nullptr; }
    /// Sets the weight penalties of layers that have them (Dense); others ignore it.
    virtual void setRegularization(Scalar /*l1*/, Scalar /*l2*/) {}
    /// Gives layers that draw random numbers (Dropout) their own stream.
    virtual void reseed(std::uint64_t /*seed*/) {}
    /// The random stream's state (Rng::state) of layers that have one; empty for the others.
    [[nodiscard]] virtual std::string randomState() const { return {}; }
    /// Sets what randomState() returned; false when the text is not a state.
    virtual bool setRandomState(const std::string & /*state*/) { return false; }
    [[nodiscard]] virtual std::unique_ptr<Layer> clone() const = 0;
};

/// Makes the layer a node spec describes (the spec must have passed validate()).
std::unique_ptr<Layer> makeLayer(const NodeSpec &spec);

} // namespace nnp
