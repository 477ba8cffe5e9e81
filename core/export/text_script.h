#pragma once
// The PyTorch script's reader of raw CSV rows with text columns: the tokenizer of data/tokenizer.h in
// Python, the vocabularies the model was trained with, and the padding to T.

#include "export/export_model.h"

#include <string>

namespace nnp::codegen {

/// Python source defining TEXT_COLUMNS, tokenize(text) and read_raw_csv(path) (rows of N_INPUTS numbers
/// from a CSV with a header naming the columns, else None); empty when model.csvColumns is empty.
std::string pythonTextReader(const ExportModel &model);

} // namespace nnp::codegen
