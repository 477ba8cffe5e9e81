#pragma once
// The 2-D pooling layers over [channels, height, width] images: MaxPool2D and AveragePool2D (a window per
// output pixel, Keras' padding: `same` pads without counting the padding) and GlobalAveragePool2D (one mean
// per channel).

#include "layers/window2d.h"

namespace nnp::opt::pool2d {
inline const OptionKey<std::vector<int>> size{"pool_size", {2, 2}};
inline const OptionKey<std::vector<int>> strides{"strides", {2, 2}};
inline constexpr OptionKey<Padding> padding{"padding", Padding::Valid};
} // namespace nnp::opt::pool2d

namespace nnp {
/// The window a pooling node's options describe.
WindowOptions poolWindow(const LayerOptions &o);
} // namespace nnp
