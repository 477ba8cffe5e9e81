#pragma once
// W4 of `nnp bench` for the trainer tests: Conv2D 8 3x3 relu -> MaxPool 2 -> Conv2D 16 3x3 relu -> MaxPool 2
// -> Flatten -> Dense 10 -> Softmax, on random 1x28x28 images with labels 0..9.

#include "graph/graph_spec.h"
#include "layers/conv2d.h"
#include "layers/dense.h"
#include "layers/simple_layers.h"
#include "train/trainer.h"

#include <string>

namespace nnp::test {

inline GraphSpec smallCnn()
{
    GraphSpec spec;
    NodeId prev = spec.addNode(LayerKind::Input, "image", LayerOptions().set(opt::input::shape, {1, 28, 28}));
    const auto add = [&](LayerKind k, LayerOptions o) {
        const NodeId id = spec.addNode(k, "n" + std::to_string(spec.nodes.size()), std::move(o));
        spec.connect(prev, id);
        prev = id;
    };
    const auto conv = [](int f) {
        return LayerOptions().set(opt::conv2d::filters, f).set(opt::activation, ActivationKind::ReLU);
    };
    add(LayerKind::Conv2D, conv(8));
    add(LayerKind::MaxPool2D, {});
    add(LayerKind::Conv2D, conv(16));
    add(LayerKind::MaxPool2D, {});
    add(LayerKind::Flatten, {});
    add(LayerKind::Dense, LayerOptions().set(opt::dense::units, 10));
    add(LayerKind::Softmax, {});
    return spec;
}

inline TrainData randomImages(int samples, std::uint64_t seed)
{
    Rng rng(seed);
    TrainData d{Matrix(784, samples), Matrix(1, samples)};
    for (Eigen::Index s = 0; s < samples; ++s) {
        for (Eigen::Index r = 0; r < 784; ++r)
            d.x(r, s) = Scalar(rng.uniform());
        d.y(0, s) = Scalar(rng.below(10));
    }
    return d;
}

} // namespace nnp::test
