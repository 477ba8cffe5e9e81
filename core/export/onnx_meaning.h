#pragma once
// The model's meaning in an ONNX file (internal to nnp_export): metadata_props and doc strings.
//
// metadata_props (every value a string; JSON where noted):
//   nnp.project, nnp.description   the project's name and description
//   nnp.task                       "classification" or "regression"
//   nnp.loss                       the loss it was trained with ("sparse_categorical_crossentropy" …)
//   nnp.feature_names              JSON array, one name per input feature, in the order of the inputs
//   nnp.class_names                JSON array, one per output (classification)
//   nnp.target_names               JSON array, one per output (regression)
//   nnp.normalization              "none", "zscore", "minmax", "pixels" (applied inside the graph)
//   nnp.raw_input                  JSON: how raw rows become the input features (see rawInputJson)
//   nnp.tokenizer                  text models: the tokenizer's rules (the vocabularies are in nnp.raw_input)
// Keys whose value is unknown are left out.

#include "export/export_model.h"

#include <onnx/onnx_pb.h>

#include <string>

namespace nnp {

/// {"kind": "csv", "columns": [{"name": …, "type": "number" | "categories" | "ids" | "text", …}]},
/// {"kind": "plane", "columns": ["x1", "x2"], "features": […]}, {"kind": "pixels", "range": [0, 255],
/// "shape": [c, h, w]} or {"kind": "features"} (rows of the input features themselves).
std::string rawInputJson(const ExportModel &model);

/// The name the graph's output gets when the model's meaning is known: "probabilities" (a softmax or
/// sigmoid), "scores" (other class scores) or the regression target's name; empty when unknown or when a
/// node already uses that name.
std::string onnxOutputName(const ExportModel &model);

/// Adds the metadata_props above, a doc string on every graph input (its features) and on the output
/// (its classes or targets), and a model doc string that says what to feed.
void addOnnxMeaning(onnx::ModelProto &proto, const ExportModel &model);

} // namespace nnp
