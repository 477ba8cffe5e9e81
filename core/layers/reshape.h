#pragma once
// Reshape: the same values of a sample seen in another shape (flat ↔ [channels, height, width] or
// [time, features]). A sample is one column in every shape, so the data does not move.

#include "graph/layer_options.h"

#include <vector>

namespace nnp::opt::reshape {
/// The output shape of one sample; its sizes multiply to the input's size.
inline const OptionKey<std::vector<int>> shape{"shape", {1, 8, 8}};
} // namespace nnp::opt::reshape
