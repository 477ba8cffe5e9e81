#pragma once
// One row of raw values typed by a user (the probe), encoded exactly as `nnp predict` encodes the rows of a
// CSV file: through the training schema's columns (numbers, categories as text, a text column's words).

#include "data/csv.h"

#include <string>
#include <vector>

namespace nnp {

/// The schema's raw feature columns a typed row gives, in order (a categorical or text column is one value).
std::vector<std::string> typedRowColumns(const CsvSchema &schema);

/// `values`: one per typedRowColumns(schema), as the CSV writes them. Returns [features x 1], encoded by
/// encodeCsvFeatures (then networkInputs normalises it, as for `nnp predict`). Throws DataError (an unknown
/// category, a non-number) or std::invalid_argument (the wrong number of values).
Matrix encodeTypedRow(const std::vector<std::string> &values, const CsvSchema &schema,
                      std::vector<std::string> *notes = nullptr);

} // namespace nnp
