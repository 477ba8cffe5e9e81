#include "io/typed_row.h"

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
