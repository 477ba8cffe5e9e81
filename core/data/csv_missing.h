#pragma once
// Internal to the CSV loader (csv.cpp): what pass 1 learns of a column, and the missing-value policy (which
// cells are missing, what fills them). The policy's rules are stated in data/csv.h.

#include "data/csv.h"
#include "data/csv_internal.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace nnp::csv {

/// What pass 1 learned of one column's present cells.
struct ColumnStats {
    long long numbers = 0; ///< cells that are numbers
    long long present = 0; ///< cells that are not missing
    long long filled = 0;  ///< FillValue: missing cells the value stands for (observed only in id columns)
    double sum = 0;        ///< of the numbers (FillMean's mean)
    std::optional<CellRef> firstNonNumber;
    std::optional<CellRef> firstTooLarge;   ///< a number beyond ±kMaxCsvMagnitude
    bool allIntegers = true;                ///< of the numeric cells
    std::map<std::string, long long> texts; ///< distinct cells and how often each occurs, up to a cap
    bool tooManyTexts = false;
    std::map<double, std::string> values; ///< distinct numbers and their first spelling, up to a cap
    bool tooManyValues = false;
};

/// An empty cell always; a marker ("NA", "?" ...) too when the policy is not Refuse.
bool isMissing(std::string_view cell, CsvMissing policy);
/// The most frequent cell (the first by byte value on a tie): FillMean's value for a categorical or id
/// column.
std::string mostFrequent(const ColumnStats &s);
/// The mean of the column's numbers in the shortest text that reads back the same: FillMean's value for a
/// numeric column.
std::string meanText(const ColumnStats &s);
/// A column with no present cell has nothing to fill with: DataError naming it.
void requireFillValue(const ColumnStats &s, const std::string &name, int column, const std::string &source);
/// The most frequent number of a numeric column, by value: FillMostFrequent's value for a numeric column.
std::string mostFrequentNumber(const ColumnStats &s, bool decimalComma);
/// What the policy fills a feature column's missing cells with (CsvColumn::fill), or empty when it does not
/// fill. `numeric`: the column is numeric. A FillValue that is no number for a numeric column is a DataError
/// when the column has a gap, else the column fills nothing (a gap in a new row is then an error).
std::string columnFill(const ColumnStats &s, bool numeric, const CsvOptions &options, bool decimalComma,
                       const std::string &name, int column, const std::string &source);
/// FillValue needs a value that is not itself missing: DataError otherwise.
void requireUsableFillValue(const CsvOptions &options, const std::string &source);

} // namespace nnp::csv
