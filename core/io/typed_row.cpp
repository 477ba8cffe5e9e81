#include "io/typed_row.h"

#include "data/csv_reader.h"

#include <algorithm>
#include <cmath>

#include <stdexcept>

namespace nnp {

namespace {
/// A CSV field, quoted so that the delimiter, quotes and spaces inside it stay in it.
std::string quoted(const std::string &field)
{
    std::string q = "\"";
    for (char c : field) {
        if (c == '"') q += '"';
        q += c;
    }
    return q + '"';
}
} // namespace

std::vector<std::string> typedRowColumns(const CsvSchema &schema)
{
    std::vector<std::string> names;
    for (const CsvColumn &c : schema.features)
        names.push_back(c.name);
    return names;
}

std::optional<TypedRowProblem> checkTypedRow(const std::vector<std::string> &values, const CsvSchema &schema)
{
    TypedRowProblem p;
    p.given = values.size();
    p.expected = schema.features.size();
    if (p.given != p.expected) return p;
    const bool decimalComma = schema.delimiter == ';'; // as encodeCsvFeatures reads numbers
    for (std::size_t i = 0; i < values.size(); ++i) {
        const CsvColumn &col = schema.features[i];
        p.column = i;
        p.name = col.name;
        p.value = values[i];
        if (col.text() || col.ids) continue; // any text; an unseen id is the unknown id
        const bool missing = values[i].empty() || csv::isMissingMarker(values[i]);
        if (missing && !col.fill.empty()) continue;
        if (values[i].empty()) {
            p.kind = TypedRowProblem::Kind::Missing;
            return p;
        }
        if (col.categorical) {
            if (std::find(col.categories.begin(), col.categories.end(), values[i]) != col.categories.end())
                continue;
            p.kind = TypedRowProblem::Kind::UnknownCategory;
            p.known = col.categories;
            return p;
        }
        double v = 0;
        if (!csv::parseNumber(values[i], decimalComma, v)) {
            p.kind = TypedRowProblem::Kind::NotANumber;
            return p;
        }
        if (std::abs(v) > kMaxCsvMagnitude) {
            p.kind = TypedRowProblem::Kind::TooLarge;
            return p;
        }
    }
    return std::nullopt;
}

Matrix encodeTypedRow(const std::vector<std::string> &values, const CsvSchema &schema,
                      std::vector<std::string> *notes)
{
    const std::vector<std::string> columns = typedRowColumns(schema);
    if (values.size() != columns.size())
        throw std::invalid_argument("The row has " + std::to_string(values.size()) +
                                    " values; the data has " + std::to_string(columns.size()) +
                                    " feature columns.");
    std::string header, row;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (i > 0) {
            header += schema.delimiter;
            row += schema.delimiter;
        }
        header += quoted(columns[i]);
        row += quoted(values[i]);
    }
    // With its header, whatever the training file had: the columns are found by name.
    CsvSchema named = schema;
    named.header = true;
    return encodeCsvFeatures(header + "\n" + row + "\n", named, "the typed row", notes);
}

} // namespace nnp
