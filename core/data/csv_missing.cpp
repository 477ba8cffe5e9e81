#include "data/csv_missing.h"

#include "data/csv_reader.h"
#include "data/data_error.h"

#include <charconv>

// The missing-value policy of the CSV loader: its names in the project file, which cells are missing, and
// what fills them.

namespace nnp {

std::string_view toString(CsvMissing m)
{
    switch (m) {
    case CsvMissing::Refuse:
        return "refuse";
    case CsvMissing::DropRows:
        return "drop_rows";
    case CsvMissing::FillMean:
        return "fill_mean";
    }
    return "refuse";
}

std::optional<CsvMissing> csvMissingFromString(std::string_view s)
{
    for (CsvMissing m : {CsvMissing::Refuse, CsvMissing::DropRows, CsvMissing::FillMean})
        if (toString(m) == s) return m;
    return std::nullopt;
}

namespace csv {

bool isMissing(std::string_view cell, CsvMissing policy)
{
    return cell.empty() || (policy != CsvMissing::Refuse && isMissingMarker(cell));
}

std::string mostFrequent(const ColumnStats &s)
{
    std::string best;
    long long count = 0;
    for (const auto &[text, n] : s.texts)
        if (n > count) {
            best = text;
            count = n;
        }
    return best;
}

std::string meanText(const ColumnStats &s)
{
    const double v = s.sum / static_cast<double>(s.numbers);
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return ec == std::errc() ? std::string(buffer, end) : std::to_string(v);
}

void requireFillValue(const ColumnStats &s, const std::string &name, int column, const std::string &source)
{
    if (s.present == 0)
        throw DataError(source, 0, column,
                        "Every cell of column " + quote(name) +
                            " is missing: there is no value to fill them with. Leave the column out.");
}

} // namespace csv

} // namespace nnp
