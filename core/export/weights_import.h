#pragma once
// Weights that come back: an "nnp-weights" JSON file (weightsJson's format, as the PyTorch script's train
// command writes it after training, alone or under torchrun) read into a network of the same graph.

#include "train/network.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace nnp {

/// Copies every parameter and state tensor of the network from the file's tensors, found by node (the
/// export identifier, as describeNetwork names it) and tensor name, in the exports' row-major layout.
/// Checks everything before changing anything: a missing, extra or misshapen tensor, or a value that is not
/// a finite number, throws ExportError naming it. Returns the number of tensors read.
int readWeightsJson(Network &net, std::string_view json, const std::string &source = "<weights>");
int readWeightsFile(Network &net, const std::filesystem::path &file);

} // namespace nnp
