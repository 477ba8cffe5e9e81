#include "data/csv_internal.h"

#include "data/data_error.h"

#include <algorithm>

namespace nnp::csv {

std::string quote(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

std::string listNames(const std::vector<std::string> &names)
{
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < 12; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > 12) out += ", ...";
    return out;
}

void checkShape(const Record &r, std::size_t columns, const std::string &source)
{
    if (r.fields.size() == columns) return;
    const int column = static_cast<int>(std::min(r.fields.size(), columns)) + 1;
    throw DataError(source, r.line, column,
                    "This row has " + std::to_string(r.fields.size()) + " fields but the header has " +
                        std::to_string(columns) + ".");
}

void missingValue(const std::string &source, int line, int column, std::string_view name,
                  std::string_view cell)
{
    throw DataError(source, line, column,
                    "Missing value " + (cell.empty() ? std::string("(empty cell)") : quote(cell)) +
                        " in column " + quote(name) +
                        "; every cell needs a value, unless the data's missing-value policy (\"missing\": "
                        "\"drop_rows\" or \"fill_mean\") says what to do with it.");
}

void notANumber(const std::string &source, const CellRef &cell, std::string_view name)
{
    if (isMissingMarker(cell.text)) missingValue(source, cell.line, cell.column, name, cell.text);
    throw DataError(source, cell.line, cell.column,
                    quote(cell.text) + " in the numeric column " + quote(name) + " is not a number.");
}

void tooLarge(const std::string &source, const CellRef &cell, std::string_view name)
{
    throw DataError(
        source, cell.line, cell.column,
        quote(cell.text) + " in column " + quote(name) +
            " is too large: numbers must lie within ±1e18 (beyond that their squares overflow the "
            "32-bit floats the network trains in). Rescale the column, e.g. to thousands or "
            "millions.");
}

} // namespace nnp::csv
