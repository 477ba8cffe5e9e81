#pragma once
// The columns and first records of a CSV file as the loader reads them (data/csv.h), for whoever shows a file
// before loading it (the app's target choice and preview): one rule for quoting, delimiters and the names of
// a file without a header row.

#include "data/csv.h"

#include <string>
#include <string_view>
#include <vector>

namespace nnp {

/// The name of the 0-based column `index` of a file without a header row: "c1", "c2" …
std::string csvDefaultColumnName(std::size_t index);

/// The head of CSV text: its column names and its first data records.
struct CsvHead {
    char delimiter = ',';
    std::vector<std::string> columns;           ///< the header row, or c1 … cN without one
    std::vector<std::vector<std::string>> rows; ///< data records, as many fields as they have
    bool more = false;                          ///< records beyond `rows` follow
};

/// Reads the header (when options.header) and up to `maxRows` data records of `text` (a byte order mark,
/// quotes and blank lines as loadCsv reads them; the delimiter options.delimiter or detected). Text with no
/// record has no columns. A bad byte or quote is a DataError naming `source`, line and column.
CsvHead readCsvHead(std::string_view text, const CsvOptions &options, std::size_t maxRows,
                    const std::string &source = "<text>");

/// readCsvHead of a file's first `maxBytes` (cut after the last whole line when the file is longer).
CsvHead readCsvFileHead(const std::string &path, const CsvOptions &options, std::size_t maxRows,
                        std::size_t maxBytes = std::size_t(1) << 20);

} // namespace nnp
