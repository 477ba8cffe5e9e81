#pragma once
// Helpers shared by the PyTorch and Keras script writers (internal to nnp_export).

#include "export/export_model.h"

#include <string>
#include <string_view>

namespace nnp::codegen {

/// A Python string literal (JSON's escaping is valid Python).
std::string pyString(std::string_view s);
/// Text safe inside a comment or a docstring: no line breaks, quotes or backslashes.
std::string commentText(std::string_view s);
/// "Dense 4 units, relu" — what a node is, for comments.
std::string describe(const ExportNode &n);
/// One line per node for the docstring: "hidden1 = Dense 4 units, relu (input)".
std::string layerList(const ExportModel &m, std::string_view indent);
/// "[2, 3]" (PyTorch) — the feature count per input, in the order forward() takes them.
std::string inputSizes(const ExportModel &m);
/// The names of a node's inputs: "a", or "a, b" when `joined`.
std::string inputNames(const ExportModel &m, const ExportNode &n, std::string_view separator);
/// "TARGET_GAIN = [...]\nTARGET_BIAS = [...]\n" (None without target scaling): the constants that turn the
/// network's outputs into the target's own units, outputs * TARGET_GAIN + TARGET_BIAS.
std::string targetScalingConstants(const ExportModel &m);
/// The CSV reader both scripts share (pure Python, returns a list of rows).
std::string readCsvFunction();

} // namespace nnp::codegen
