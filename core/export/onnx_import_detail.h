#pragma once
// Internals of the ONNX importer, shared by its two source files (not part of nnp_export's API).

#include "export/onnx_import.h"

#include <cstdint>
#include <string>
#include <vector>

namespace onnx {
class ModelProto;
class NodeProto;
class TensorProto;
} // namespace onnx

namespace nnp::onnximport {

/// Largest constant accepted (elements): more than any layer the validator allows.
inline constexpr std::uint64_t kMaxConstElements = 200'000'000;

/// A constant tensor (initializer or Constant node), converted to float.
struct Const {
    std::vector<std::int64_t> dims;
    std::vector<float> data;
};

/// "node 'name' (Op)", or "node #3 (Op)" when the node has no name.
std::string nodeLabel(const onnx::NodeProto &n, int index);
/// Checks sizes against the data before copying; throws std::runtime_error saying what is wrong with `what`.
Const toConst(const onnx::TensorProto &t, const std::string &what);

ImportedModel importModel(const onnx::ModelProto &model, const std::string &source);

} // namespace nnp::onnximport
