#pragma once
// What the PyTorch and Keras scripts share about the model's meaning (internal to nnp_export): the raw CSV
// columns and how they become features (numbers, categories one-hot, ids, text through NN Playground's
// tokenizer, a generator's engineered features), the task, the class names, and printing predictions as
// `nnp predict` does.

#include "export/export_model.h"

#include <string>

namespace nnp::codegen {

/// Python source (needs `import csv, io, math`) defining TASK, LOSS, CLASS_NAMES, TARGET_NAMES, RAW_COLUMNS,
/// ENGINEERED, read_raw_csv(path) (rows of N_INPUTS numbers from a CSV whose header names the raw columns,
/// else None), class_probabilities(row) and print_predictions(rows, header).
std::string pythonMeaning(const ExportModel &model);

/// The docstring's paragraph on what the script reads and prints.
std::string meaningDoc(const ExportModel &model);

} // namespace nnp::codegen
