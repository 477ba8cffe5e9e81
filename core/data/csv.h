#pragma once
// CSV import: a header row, numeric and categorical columns, a target column.

#include "data/dataset.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

struct CsvOptions {
    char delimiter = 0;            ///< ',' or ';'; 0 = detect from the header line
    std::string target;            ///< target column name; empty = the last column
    std::optional<TaskKind> task;  ///< default: classification if the target is text or has few integer values
    std::vector<std::string> ignore; ///< columns to leave out
    bool operator==(const CsvOptions &) const = default;
};

/// How each raw column became features, so that new rows (predict) are encoded the same way.
struct CsvColumn {
    std::string name;
    bool categorical = false;
    std::vector<std::string> categories; ///< categorical: one-hot order
};

struct CsvSchema {
    std::vector<CsvColumn> features; ///< in feature order (a categorical column yields categories.size() features)
    CsvColumn target;
    TaskKind task = TaskKind::Classification;
    char delimiter = ',';
};

struct CsvData {
    Dataset data;
    CsvSchema schema;
};

/// Reads a whole file; nothing half-loaded survives an error (DataError with line and column).
CsvData loadCsv(const std::string &path, const CsvOptions &options = {});
CsvData parseCsv(std::string_view text, const CsvOptions &options = {}, const std::string &sourceName = "<text>");
/// Encodes rows of a CSV with the schema's feature columns (the target column may be absent) into
/// [features x N]. An unknown category or a non-number is a DataError naming line and column.
Matrix encodeCsvFeatures(std::string_view text, const CsvSchema &schema, const std::string &sourceName = "<text>");

} // namespace nnp
