#pragma once
// One row of raw values typed by a user (the probe), encoded exactly as `nnp predict` encodes the rows of a
// CSV file: through the training schema's columns (numbers, categories as text, a text column's words).

#include "data/csv.h"

#include <optional>
#include <string>
#include <vector>

namespace nnp {

/// The schema's raw feature columns a typed row gives, in order (a categorical or text column is one value).
std::vector<std::string> typedRowColumns(const CsvSchema &schema);

/// What is wrong with a typed row, for a message in the user's language (encodeTypedRow's English text
/// says the same).
struct TypedRowProblem {
    enum class Kind {
        Count,           ///< `given` values for `expected` columns
        Missing,         ///< an empty cell in a column that has no fill value
        NotANumber,      ///< `value` in a numeric column
        TooLarge,        ///< `value` beyond ±kMaxCsvMagnitude
        UnknownCategory, ///< `value` is none of `known`
    };
    Kind kind = Kind::Count;
    std::size_t column = 0; ///< index into typedRowColumns(schema)
    std::string name;       ///< that column's name
    std::string value;
    std::size_t given = 0, expected = 0;
    std::vector<std::string> known;
};

/// The first problem of a typed row, or nothing when encodeTypedRow will take it.
std::optional<TypedRowProblem> checkTypedRow(const std::vector<std::string> &values, const CsvSchema &schema);

/// `values`: one per typedRowColumns(schema), as the CSV writes them. Returns [features x 1], encoded by
/// encodeCsvFeatures (then networkInputs normalises it, as for `nnp predict`). Throws DataError (an unknown
/// category, a non-number) or std::invalid_argument (the wrong number of values).
Matrix encodeTypedRow(const std::vector<std::string> &values, const CsvSchema &schema,
                      std::vector<std::string> *notes = nullptr);

} // namespace nnp
