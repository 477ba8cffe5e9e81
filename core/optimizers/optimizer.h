#pragma once
// Optimizers hold references to the parameters they update and the per-parameter state.
// Formulas follow PyTorch 1.13's implementations, so results can be compared with it step by step.

#include "layers/layer.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace nnp {

enum class OptimizerKind { SGD, AdaGrad, RMSProp, Adadelta, Adam, AdamW };

struct OptimizerConfig {
    OptimizerKind kind = OptimizerKind::SGD;
    double learningRate = 0.03;
    double momentum = 0.0;     ///< SGD, RMSProp
    bool nesterov = false;     ///< SGD
    double beta1 = 0.9;        ///< Adam, AdamW
    double beta2 = 0.999;      ///< Adam, AdamW
    double epsilon = 1e-8;     ///< Adam, AdamW, RMSProp (AdaGrad uses 1e-10, Adadelta 1e-6 by default)
    double rho = 0.9;          ///< Adadelta decay; RMSProp uses `alpha`
    double alpha = 0.99;       ///< RMSProp smoothing constant
    double weightDecay = 0.01; ///< AdamW decoupled weight decay
    bool operator==(const OptimizerConfig &) const = default;
};

/// Defaults a user expects for each optimizer (learning rate 1.0 for Adadelta, 1e-3 for Adam ...).
OptimizerConfig defaultOptimizerConfig(OptimizerKind kind);

class Optimizer {
public:
    Optimizer(OptimizerConfig config, std::vector<ParamRef> params);
    /// One update with learning rate lr (the schedule's value), using each parameter's current gradient,
    /// plus its L1/L2 penalty gradient. Returns whether every updated value is finite (checked while each
    /// slice is in the cache, not in a second pass over the parameters).
    bool step(double lr);
    /// step() split for several threads: beginStep() once, then updatePart(k, parts) for every k in
    /// [0, parts), each on its own thread if wanted; the parts touch disjoint elements (partRange) and
    /// together equal step(). Each returns whether its part's updated values are finite.
    void beginStep(double lr);
    bool updatePart(int part, int parts);
    void reset();
    /// Points at the same parameters again with new penalties, keeping the per-parameter state.
    void rebind(std::vector<ParamRef> params);
    [[nodiscard]] long long steps() const { return m_t; }
    /// Per parameter (in the order given): Adam's first and second moments, the momentum buffer, the
    /// accumulators; zero where an optimizer keeps nothing. Stored with the weights to continue a run.
    struct Moments {
        Matrix a, b;
    };
    [[nodiscard]] const std::vector<Moments> &moments() const { return m_state; }
    /// Continues from a stored state: `steps` updates done and these moments (one per parameter, each of its
    /// parameter's shape; throws std::invalid_argument otherwise, leaving the optimizer unchanged).
    void restore(long long steps, std::vector<Moments> moments);
    [[nodiscard]] const OptimizerConfig &config() const { return m_config; }
    void setConfig(const OptimizerConfig &c) { m_config = c; }

private:
    using State = Moments;
    using Slice = Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
    using ConstSlice = Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
    bool update(ParamRef &p, State &s, Eigen::Index first, Eigen::Index last);
    void updateSlice(Slice w, ConstSlice g, Slice a, Slice b, Slice scratch, double lr) const;

    OptimizerConfig m_config;
    std::vector<ParamRef> m_params;
    std::vector<State> m_state;
    long long m_t = 0;
    double m_lr = 0;                              // this step's learning rate
    Scalar m_adamStepSize = 0, m_adamSqrtBc2 = 1; // this step's bias corrections
};

/// Elements [first, second) of a tensor of n elements that part `part` of `parts` covers (boundaries are
/// multiples of 16, so each part starts on a vector boundary).
inline std::pair<Eigen::Index, Eigen::Index> partRange(Eigen::Index n, int part, int parts)
{
    const auto edge = [n, parts](int k) {
        return k >= parts ? n : std::min(n, (n * k / parts) & ~Eigen::Index(15));
    };
    return {edge(part), edge(part + 1)};
}

std::string_view toString(OptimizerKind k);
std::optional<OptimizerKind> optimizerFromString(std::string_view s);
const std::vector<OptimizerKind> &allOptimizers();

} // namespace nnp
