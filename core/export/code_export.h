#pragma once
// Readable Python that rebuilds a trained network in PyTorch (an nn.Module) or Keras (a functional model).
// The weights travel in a side file, "<script stem>_weights.json" (see weights_export.h), which keeps the
// script short enough to read; each script's docstring says so and how to run it.

#include "export/export_model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace nnp {

/// An nn.Module whose forward() follows the graph, a load_weights() that fills nn.Parameters (ready to
/// fine-tune), the input normalisation as buffers, and a __main__ that reads a CSV of raw inputs and prints
/// predictions.
std::string pytorchScript(const ExportModel &model, const std::string &weightsFileName);
/// A Keras functional model with the same structure, a load_weights() that checks every shape against the
/// EXPECTED_SHAPES table it declares, and the same __main__.
std::string kerasScript(const ExportModel &model, const std::string &weightsFileName);

/// The layer kinds each script writer has an entry for (every registered kind; tests check it).
std::vector<LayerKind> pytorchExportKinds();
std::vector<LayerKind> kerasExportKinds();

/// "<dir>/<stem>_weights.json" for a script path.
std::filesystem::path weightsPathFor(const std::filesystem::path &script);
/// Writes the script and its weights file beside it; returns the weights file's path.
std::filesystem::path writePytorch(const ExportModel &model, const std::filesystem::path &script);
std::filesystem::path writeKeras(const ExportModel &model, const std::filesystem::path &script);

} // namespace nnp
