#pragma once
// The options of the kinds with weights and a built-in activation (Dense, Conv2D), described once: the
// activation, the initialiser, the bias and the L1/L2 penalties (opt::l1, opt::l2).

#include "graph/layer_options.h"

#include <vector>

namespace nnp {

/// The schema entries that follow a kind's own: `biasTooltip` says what gets a bias ("Add a bias to each
/// neuron", marked for lupdate in the context "LayerOptions").
std::vector<OptionSpec> weightOptionSpecs(const OptionKey<InitKind> &init, const OptionKey<bool> &useBias,
                                          const char *biasTooltip);

} // namespace nnp
