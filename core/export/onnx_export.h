#pragma once
// ONNX export with Debian's libonnx (the onnx_proto classes and onnx::checker), opset 13 (ONNX 1.8 and later;
// onnxruntime, PyTorch and TensorFlow converters all read it). Inputs are raw features, float [N, size] with
// a dynamic batch N, one graph input per Input node; the input normalisation is part of the graph (Sub, Mul).

#include "export/export_model.h"

#include <filesystem>
#include <string>
#include <vector>

namespace nnp {

/// The opset every exported model declares. 13 gives Softmax over one axis and Dropout with a ratio input;
/// GELU is built from Erf because a Gelu operator only arrives with opset 20.
inline constexpr int kOnnxOpset = 13;

/// The serialised model, already accepted by onnx::checker::check_model. Throws ExportError naming a layer
/// that ONNX cannot express.
std::string exportOnnx(const ExportModel &model);
/// The layer kinds the ONNX exporter has an entry for (every registered kind; tests check it).
std::vector<LayerKind> onnxExportKinds();
/// exportOnnx, written atomically to `file`.
void writeOnnx(const ExportModel &model, const std::filesystem::path &file);

} // namespace nnp
