#include "data/csv.h"

#include "data/csv_internal.h"
#include "data/csv_reader.h"
#include "data/data_error.h"
#include "memory_budget.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

// New rows for a trained model (encodeCsvFeatures) and the split a CSV's rows ask for.

namespace nnp {

using csv::CellRef;
using csv::listNames;
using csv::missingValue;
using csv::notANumber;
using csv::quote;
using csv::tooLarge;

SplitIndices splitCsvRows(const Dataset &data, const std::vector<CsvRowSplit> &rowSplit,
                          const SplitConfig &config)
{
    if (rowSplit.empty()) return splitDataset(data, config);
    if (rowSplit.size() != static_cast<std::size_t>(data.size()))
        throw std::invalid_argument("splitCsvRows: one split per row is needed.");
    SplitIndices out;
    std::vector<int> byFraction;
    bool testGiven = false;
    for (std::size_t i = 0; i < rowSplit.size(); ++i) {
        const int row = static_cast<int>(i);
        switch (rowSplit[i]) {
        case CsvRowSplit::ByFraction:
            byFraction.push_back(row);
            break;
        case CsvRowSplit::Train:
            out.train.push_back(row);
            break;
        case CsvRowSplit::Validation:
            out.validation.push_back(row);
            break;
        case CsvRowSplit::Test:
            out.test.push_back(row);
            testGiven = true;
            break;
        }
    }
    if (!byFraction.empty()) { // the first file's rows, beside a test file: train and validation
        SplitConfig c = config;
        if (testGiven) c.test = 0;
        const SplitIndices s = splitDataset(subset(data, byFraction), c);
        for (auto [from, to] : {std::pair{&s.train, &out.train}, std::pair{&s.validation, &out.validation},
                                std::pair{&s.test, &out.test}})
            for (int k : *from)
                to->push_back(byFraction[static_cast<std::size_t>(k)]);
        for (std::vector<int> *v : {&out.train, &out.validation, &out.test})
            std::sort(v->begin(), v->end());
    }
    if (out.train.empty())
        throw DataError("No row is in the training split: the split column or the test file leaves none.");
    return out;
}

Matrix encodeCsvFeatures(std::string_view text, const CsvSchema &schema, const std::string &sourceName,
                         std::vector<std::string> *notes)
{
    text = csv::withoutBom(text);
    const bool decimalComma = schema.delimiter == ';';
    csv::Reader reader(text, schema.delimiter, sourceName);
    csv::Record r;
    if (!reader.next(r))
        throw DataError(sourceName, 0, 0,
                        "The file is empty; it needs a header row and at least one data row.");
    std::vector<std::string> header = r.fields;
    std::vector<std::size_t> where;
    Eigen::Index featureCount = 0;
    std::vector<std::string> needed;
    for (const CsvColumn &col : schema.features)
        needed.push_back(col.name);
    // Trained on a file without a header row: rows without one are read by position (column cK is field K),
    // and a header row naming c1 … cN is read as a header.
    const bool headerless =
        !schema.header && std::any_of(needed.begin(), needed.end(), [&](const std::string &name) {
            return std::find(header.begin(), header.end(), name) == header.end();
        });
    if (headerless) {
        header.clear();
        for (std::size_t c = 0; c < r.fields.size(); ++c)
            header.push_back("c" + std::to_string(c + 1));
    }
    for (const CsvColumn &col : schema.features) {
        const auto it = std::find(header.begin(), header.end(), col.name);
        if (it == header.end())
            throw DataError(sourceName, r.line, 0,
                            "The column " + quote(col.name) + " is missing; the model needs " +
                                listNames(needed) + ".");
        where.push_back(static_cast<std::size_t>(it - header.begin()));
        featureCount += static_cast<Eigen::Index>(col.width());
    }
    std::map<std::size_t, TextEncoder> encoders;
    for (std::size_t f = 0; f < schema.features.size(); ++f)
        if (schema.features[f].text())
            encoders.emplace(f, TextEncoder(schema.features[f].categories, schema.features[f].textLength));
    std::vector<std::map<std::string, int, std::less<>>> idOf(schema.features.size());
    for (std::size_t f = 0; f < schema.features.size(); ++f)
        for (std::size_t k = 0; schema.features[f].ids && k < schema.features[f].categories.size(); ++k)
            idOf[f].emplace(schema.features[f].categories[k], static_cast<int>(k) + 1);
    // A categorical cell's place among its one-hot columns, found in O(log K) (a column may hold thousands of
    // categories); the first of equal names wins, as a search of the list would find it.
    std::vector<std::map<std::string_view, std::size_t, std::less<>>> categoryOf(schema.features.size());
    for (std::size_t f = 0; f < schema.features.size(); ++f)
        for (std::size_t k = 0; schema.features[f].categorical && k < schema.features[f].categories.size();
             ++k)
            categoryOf[f].emplace(schema.features[f].categories[k], k);
    struct Unseen {
        long long count = 0;
        CellRef first;
    };
    std::vector<Unseen> unseen(schema.features.size());
    std::vector<Scalar> values; // column-major [features x N]: one sample after the other
    // Room for as many samples as the text has lines (at least the rows), when that fits the memory budget:
    // wide one-hot rows are not copied again and again as the vector grows.
    const auto lines = static_cast<std::uint64_t>(std::count(text.begin(), text.end(), '\n')) + 1;
    if (const std::uint64_t bytes = lines * static_cast<std::uint64_t>(featureCount) * sizeof(Scalar);
        featureCount > 0 && bytes / sizeof(Scalar) / static_cast<std::uint64_t>(featureCount) == lines &&
        bytes <= memoryLimit())
        values.reserve(static_cast<std::size_t>(lines * static_cast<std::uint64_t>(featureCount)));
    Eigen::Index rows = 0;
    const bool firstIsData = headerless;
    for (bool more = firstIsData || reader.next(r); more; more = reader.next(r)) {
        checkShape(r, header.size(), sourceName);
        for (std::size_t f = 0; f < schema.features.size(); ++f) {
            const CsvColumn &col = schema.features[f];
            const std::string &raw = r.fields[where[f]];
            // A model trained with "fill_mean" fills a missing cell of a new row the same way.
            const bool fill = !col.text() && !col.fill.empty() && (raw.empty() || csv::isMissingMarker(raw));
            const std::string &cell = fill ? col.fill : raw;
            const int line = r.fieldLines[where[f]], column = static_cast<int>(where[f]) + 1;
            if (col.text()) {
                const long long before = unseen[f].count;
                for (int id : encoders.at(f).encode(cell, &unseen[f].count))
                    values.push_back(static_cast<Scalar>(id));
                if (before == 0 && unseen[f].count > 0) unseen[f].first = CellRef{line, column, cell};
                continue;
            }
            if (cell.empty()) missingValue(sourceName, line, column, col.name, cell);
            if (col.ids) {
                const auto it = idOf[f].find(cell);
                if (it == idOf[f].end() && unseen[f].count++ == 0)
                    unseen[f].first = CellRef{line, column, cell};
                values.push_back(static_cast<Scalar>(it == idOf[f].end() ? kUnknownId : it->second));
            } else if (col.categorical) {
                const auto it = categoryOf[f].find(std::string_view(cell));
                if (it == categoryOf[f].end())
                    throw DataError(sourceName, line, column,
                                    "Unknown category " + quote(cell) + " in column " + quote(col.name) +
                                        "; the model knows " + listNames(col.categories) + ".");
                const std::size_t first = values.size();
                values.resize(first + col.categories.size(), Scalar(0));
                values[first + it->second] = Scalar(1);
            } else {
                double v = 0;
                if (!csv::parseNumber(cell, decimalComma, v))
                    notANumber(sourceName, CellRef{line, column, cell}, col.name);
                if (std::abs(v) > kMaxCsvMagnitude)
                    tooLarge(sourceName, CellRef{line, column, cell}, col.name);
                values.push_back(static_cast<Scalar>(v));
            }
        }
        ++rows;
    }
    if (rows == 0) throw DataError(sourceName, 0, 0, "The file has a header row but no data rows.");
    for (std::size_t f = 0; notes && f < unseen.size(); ++f)
        if (unseen[f].count > 0 && schema.features[f].text())
            notes->push_back(std::to_string(unseen[f].count) + " word" + (unseen[f].count == 1 ? "" : "s") +
                             " of the text column " + quote(schema.features[f].name) +
                             (unseen[f].count == 1 ? " is" : " are") +
                             " not in the model's vocabulary (the first in " + quote(unseen[f].first.text) +
                             " on line " + std::to_string(unseen[f].first.line) + "); " +
                             (unseen[f].count == 1 ? "it was" : "they were") +
                             " read as the unknown word, id " + std::to_string(kUnknownToken) + ".");
        else if (unseen[f].count > 0)
            notes->push_back(
                std::to_string(unseen[f].count) + " cell" + (unseen[f].count == 1 ? "" : "s") +
                " of the id column " + quote(schema.features[f].name) +
                " hold ids the model did not see in training (the first: " + quote(unseen[f].first.text) +
                " on line " + std::to_string(unseen[f].first.line) + "); they were read as the unknown id " +
                std::to_string(kUnknownId) + ".");
    return Eigen::Map<const Matrix>(values.data(), featureCount, rows);
}

} // namespace nnp
