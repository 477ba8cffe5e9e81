#pragma once
// Trained weights as JSON or as one CSV per tensor, and a dataset as CSV: formats any tool can read.

#include "data/dataset.h"
#include "data/split.h"
#include "export/export_model.h"

#include <filesystem>
#include <string>

namespace nnp {

/// {"format": "nnp-weights", "version": 1, "inputs": [...], "normalization": {offset, scale} | null,
///  "tensors": [{"node", "node_name", "node_id", "kind", "name", "shape", "values"}]}; values row-major,
/// a Dense weight is [units, inputs] (nn.Linear's layout). The PyTorch and Keras scripts read this file.
std::string weightsJson(const ExportModel &model);
void writeWeightsJson(const ExportModel &model, const std::filesystem::path &file);

/// Creates `dir` if needed and writes one CSV per tensor ("<node>.<tensor>.csv": a row per output unit, a
/// vector one value per line), "normalization.csv" (feature, offset, scale) when there is one, and
/// "tensors.csv" listing every file with its node and shape.
void writeWeightsCsv(const ExportModel &model, const std::filesystem::path &dir);

/// The dataset as CSV: a header, the features, then the label (class name) or the regression targets,
/// then a "split" column (train / validation / test) when `split` is given.
std::string datasetCsv(const Dataset &data, const SplitIndices *split = nullptr);
void writeDatasetCsv(const Dataset &data, const std::filesystem::path &file,
                     const SplitIndices *split = nullptr);

} // namespace nnp
