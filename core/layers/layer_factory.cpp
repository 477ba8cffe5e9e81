#include "layers/batch_norm.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"

namespace nnp {

namespace {
ActivationParams activationOf(const LayerOptions &o)
{
    return {o.activation, static_cast<Scalar>(o.leakySlope), static_cast<Scalar>(o.eluAlpha)};
}
} // namespace

std::unique_ptr<Layer> makeLayer(const NodeSpec &spec)
{
    const auto &o = spec.options;
    switch (spec.kind) {
    case LayerKind::Input:
    case LayerKind::Flatten:
        return std::make_unique<Identity>(spec.kind);
    case LayerKind::Dense:
        return std::make_unique<Dense>(Dense::Options{o.units, activationOf(o), o.init, o.useBias,
                                                      static_cast<Scalar>(o.l1), static_cast<Scalar>(o.l2)});
    case LayerKind::Activation:
        return std::make_unique<ActivationLayer>(activationOf(o));
    case LayerKind::Softmax:
        return std::make_unique<Softmax>();
    case LayerKind::Dropout:
        return std::make_unique<Dropout>(static_cast<Scalar>(o.rate));
    case LayerKind::BatchNorm:
        return std::make_unique<BatchNorm>(static_cast<Scalar>(o.momentum), static_cast<Scalar>(o.epsilon));
    case LayerKind::Concatenate:
        return std::make_unique<Concatenate>();
    case LayerKind::Add:
        return std::make_unique<Add>();
    }
    return nullptr;
}

} // namespace nnp
