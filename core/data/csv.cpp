#include "data/csv.h"

#include "data/csv_header.h"
#include "data/csv_internal.h"
#include "data/csv_missing.h"
#include "data/csv_reader.h"
#include "data/data_error.h"
#include "memory_budget.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>

// Two passes over the text (and the test file's after it): the first checks every row, applies the
// missing-value policy and learns each column's kind, categories and classes; the second fills matrices of
// exactly the right size. Nothing is returned until both succeeded.
//
// Column kinds: a column is numeric when most of its present cells are numbers (then every other cell is an
// error) and it is not declared categorical; otherwise it is categorical and one-hot encoded, its categories
// sorted by byte value ("Biscoe" < "Dream"). Class labels: text classes sorted the same way; integer classes
// sorted by value.

namespace nnp {

namespace {

using csv::CellRef;
using csv::ColumnStats;
using csv::isMissing;
using csv::listNames;
using csv::quote;

constexpr std::size_t kMaxClasses = 1000; ///< classes of a classification target
constexpr std::size_t kMaxAutoClasses =
    20; ///< an integer target with at most this many values is a class label
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t(1) << 30;
constexpr std::size_t kMaxIds = (std::size_t(1) << 24) - 1; ///< ids 1 … 2^24 − 1 are exact as floats

/// A text to read: the file, then the separate test file.
struct Part {
    std::string_view text;
    std::string source;
};

struct Layout {
    std::vector<std::string> header;
    int target = -1;
    int split = -1;            ///< the split column, or -1
    std::vector<int> features; ///< header indices, in file order
    std::vector<bool> ids;     ///< per header column: an id column
    std::vector<bool> forced;  ///< per header column: declared categorical
    std::vector<int> text;     ///< per header column: its index in CsvOptions::text, or -1
};

char chooseDelimiter(std::string_view text, char requested)
{
    if (requested == 0) return csv::detectDelimiter(text);
    if (requested != ',' && requested != ';' && requested != '\t')
        throw DataError(std::string("The CSV delimiter must be ',' or ';' (or a tab), not '") + requested +
                        "'.");
    return requested;
}

/// The header from the first record: its names, or c1 … cN for a file without a header row.
Layout readHeader(const csv::Record &r, const CsvOptions &options, const std::string &source)
{
    Layout layout;
    if (options.header) {
        layout.header = r.fields;
    } else {
        for (std::size_t c = 0; c < r.fields.size(); ++c)
            layout.header.push_back(csvDefaultColumnName(c));
    }
    const auto &h = layout.header;
    for (std::size_t c = 0; c < h.size(); ++c) {
        if (h[c].empty())
            throw DataError(source, r.line, static_cast<int>(c) + 1,
                            "The header row has an empty column name.");
        if (std::find(h.begin(), h.begin() + static_cast<std::ptrdiff_t>(c), h[c]) !=
            h.begin() + static_cast<std::ptrdiff_t>(c))
            throw DataError(source, r.line, static_cast<int>(c) + 1,
                            "The column name " + quote(h[c]) + " appears twice.");
    }
    const auto indexOf = [&](const std::string &name, const char *what) {
        const auto c = static_cast<int>(std::find(h.begin(), h.end(), name) - h.begin());
        if (c >= static_cast<int>(h.size()))
            throw DataError(source, r.line, 0,
                            std::string(what) + " " + quote(name) + " is not in the header (" + listNames(h) +
                                ")" + (options.header ? "." : "; without a header row they are c1 … cN."));
        return c;
    };
    layout.target = options.target.empty() ? static_cast<int>(h.size()) - 1
                                           : indexOf(options.target, "The target column");
    std::vector<bool> ignored(h.size(), false);
    for (const std::string &name : options.ignore) {
        const int c = indexOf(name, "The column to leave out");
        if (c == layout.target)
            throw DataError(source, r.line, c + 1,
                            "The target column " + quote(name) + " cannot be left out.");
        ignored[static_cast<std::size_t>(c)] = true;
    }
    layout.ids.assign(h.size(), false);
    for (const std::string &name : options.ids) {
        const int c = indexOf(name, "The id column");
        if (c == layout.target)
            throw DataError(source, r.line, c + 1,
                            "The target column " + quote(name) + " cannot be an id column.");
        layout.ids[static_cast<std::size_t>(c)] = true;
    }
    layout.text.assign(h.size(), -1);
    for (std::size_t t = 0; t < options.text.size(); ++t) {
        const TextColumnOptions &o = options.text[t];
        const int c = indexOf(o.column, "The text column");
        if (c == layout.target || layout.ids[static_cast<std::size_t>(c)] ||
            layout.text[static_cast<std::size_t>(c)] >= 0)
            throw DataError(source, r.line, c + 1,
                            "The column " + quote(o.column) +
                                " cannot be a text column: it is the target, an id column or named twice.");
        if (o.length < 1 || o.length > kMaxTextLength || o.vocabulary < 1 ||
            o.vocabulary > kMaxVocabularyWords)
            throw DataError(source, r.line, c + 1,
                            "The text column " + quote(o.column) + " needs a length of 1 to " +
                                std::to_string(kMaxTextLength) + " words and a vocabulary of 1 to " +
                                std::to_string(kMaxVocabularyWords) + " words.");
        layout.text[static_cast<std::size_t>(c)] = static_cast<int>(t);
    }
    layout.forced.assign(h.size(), false);
    for (const std::string &name : options.categorical) {
        const int c = indexOf(name, "The categorical column");
        const auto k = static_cast<std::size_t>(c);
        if (c == layout.target)
            throw DataError(source, r.line, c + 1,
                            "The target column " + quote(name) +
                                " is not declared categorical: set the task to classification instead.");
        if (layout.ids[k] || layout.text[k] >= 0)
            throw DataError(source, r.line, c + 1,
                            "The column " + quote(name) +
                                " cannot be categorical: it is already an id column or a text column.");
        layout.forced[k] = true;
    }
    if (!options.splitColumn.empty()) {
        if (!options.testPath.empty())
            throw DataError(source, r.line, 0, "Choose a split column or a separate test file, not both.");
        layout.split = indexOf(options.splitColumn, "The split column");
        const auto k = static_cast<std::size_t>(layout.split);
        if (layout.split == layout.target || layout.ids[k] || layout.text[k] >= 0 || layout.forced[k])
            throw DataError(source, r.line, layout.split + 1,
                            "The split column " + quote(options.splitColumn) +
                                " cannot also be the target, an id, text or categorical column.");
        ignored[k] = true;
    }
    for (int c = 0; c < static_cast<int>(h.size()); ++c)
        if (c != layout.target && !ignored[static_cast<std::size_t>(c)]) layout.features.push_back(c);
    if (layout.features.empty())
        throw DataError(source, r.line, 0,
                        "There is no feature column: every column but the target " +
                            quote(h[static_cast<std::size_t>(layout.target)]) + " is left out.");
    return layout;
}

/// Calls f(record, part) for every data row of every part, in order. A test file has the same header (or,
/// without headers, the same number of fields).
template <class F>
void eachRow(const std::vector<Part> &parts, char delimiter, const Layout &layout, bool header, F &&f)
{
    for (std::size_t p = 0; p < parts.size(); ++p) {
        csv::Reader reader(parts[p].text, delimiter, parts[p].source);
        csv::Record r;
        bool first = true;
        long long rows = 0;
        while (reader.next(r)) {
            if (first && header) {
                first = false;
                if (r.fields != layout.header)
                    throw DataError(parts[p].source, r.line, 0,
                                    "The test file's header (" + listNames(r.fields) +
                                        ") differs from the training file's (" + listNames(layout.header) +
                                        ").");
                continue;
            }
            first = false;
            csv::checkShape(r, layout.header.size(), parts[p].source);
            f(r, p);
            ++rows;
        }
        if (p > 0 && rows == 0) throw DataError(parts[p].source, 0, 0, "The test file has no data rows.");
    }
}

void observe(ColumnStats &s, const std::string &cell, int line, int column, bool decimalComma,
             std::size_t cap)
{
    double v = 0;
    ++s.present;
    if (csv::parseNumber(cell, decimalComma, v)) {
        ++s.numbers;
        s.sum += v;
        if (std::abs(v) > kMaxCsvMagnitude && !s.firstTooLarge) s.firstTooLarge = CellRef{line, column, cell};
        s.allIntegers = s.allIntegers && v == std::floor(v) && std::abs(v) < 1e9;
        if (!s.tooManyValues) {
            s.values.try_emplace(v, cell);
            s.tooManyValues = s.values.size() > cap;
        }
    } else if (!s.firstNonNumber) {
        s.firstNonNumber = CellRef{line, column, cell};
    }
    if (!s.tooManyTexts) {
        ++s.texts[cell];
        s.tooManyTexts = s.texts.size() > cap;
    }
}

CsvRowSplit splitOf(const csv::Record &r, const Layout &layout, const std::string &source)
{
    const auto k = static_cast<std::size_t>(layout.split);
    std::string v;
    for (char ch : r.fields[k])
        v += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (v == "train" || v == "training") return CsvRowSplit::Train;
    if (v == "validation" || v == "valid" || v == "val") return CsvRowSplit::Validation;
    if (v == "test" || v == "testing") return CsvRowSplit::Test;
    throw DataError(source, r.fieldLines[k], layout.split + 1,
                    quote(r.fields[k]) + " in the split column " + quote(layout.header[k]) +
                        " is not train, validation or test.");
}

struct Scan {
    long long rows = 0;        ///< rows kept
    std::vector<char> dropped; ///< per row of every part: left out by the DropRows policy
    std::vector<CsvRowSplit> rowSplit;
    CsvMissingReport missing;
};

/// Pass 1: every row has the header's width and a value in every used cell, or the policy says what to do.
Scan scan(const std::vector<Part> &parts, char delimiter, const Layout &layout, const CsvOptions &options,
          std::vector<ColumnStats> &stats, bool decimalComma)
{
    Scan out;
    out.missing.policy = options.missing;
    std::vector<int> used = layout.features;
    used.push_back(layout.target);
    const bool splitting = layout.split >= 0 || parts.size() > 1;
    eachRow(parts, delimiter, layout, options.header, [&](const csv::Record &r, std::size_t part) {
        const std::string &source = parts[part].source;
        bool drop = false;
        for (int c : used) {
            const auto k = static_cast<std::size_t>(c);
            if (layout.text[k] < 0 && isMissing(r.fields[k], options.missing)) drop = true;
        }
        drop = drop && options.missing == CsvMissing::DropRows;
        out.dropped.push_back(drop ? 1 : 0);
        if (drop) {
            ++out.missing.droppedRows;
            return;
        }
        for (int c : used) {
            const auto k = static_cast<std::size_t>(c);
            const std::string &cell = r.fields[k];
            if (layout.text[k] >= 0) continue; // any text, even none, is a sentence
            const bool missing = isMissing(cell, options.missing);
            if (missing && fillsMissing(options.missing) && c != layout.target) {
                ++out.missing.filledCells;
                // An id column's vocabulary takes the value given like any cell; other columns add it later.
                const bool asCell = options.missing == CsvMissing::FillValue && layout.ids[k];
                if (!asCell) {
                    ++stats[k].filled;
                    continue;
                }
            } else if (missing && fillsMissing(options.missing)) {
                throw DataError(source, r.fieldLines[k], c + 1,
                                "Missing value in the target column " + quote(layout.header[k]) +
                                    ": a target is not filled in; leave such rows out with \"missing\": "
                                    "\"drop_rows\".");
            } else if (missing) {
                csv::missingValue(source, r.fieldLines[k], c + 1, layout.header[k], cell);
            }
            observe(stats[k], missing ? options.fillValue : cell, r.fieldLines[k], c + 1, decimalComma,
                    c == layout.target ? kMaxClasses
                    : layout.ids[k]    ? kMaxIds
                                       : kMaxCsvCategories);
        }
        if (splitting)
            out.rowSplit.push_back(layout.split >= 0 ? splitOf(r, layout, source)
                                   : part == 0       ? CsvRowSplit::ByFraction
                                                     : CsvRowSplit::Test);
        ++out.rows;
    });
    return out;
}

bool isNumericColumn(const ColumnStats &s)
{
    return s.numbers * 2 > s.present;
}

/// An id column's vocabulary: its distinct cells by value when every cell is a number ("2" before "10"), else
/// by byte value.
CsvColumn idColumn(const ColumnStats &s, const std::string &name, int column, bool decimalComma,
                   const CsvOptions &options, const std::string &source)
{
    if (s.tooManyTexts)
        throw DataError(source, 0, column,
                        "The id column " + quote(name) + " holds more than " + std::to_string(kMaxIds) +
                            " different ids, more than an Embedding can look up.");
    CsvColumn col{name, false, {}, true};
    for (const auto &[text, n] : s.texts)
        col.categories.push_back(text);
    if (!s.firstNonNumber) {
        const auto value = [&](const std::string &t) {
            double v = 0;
            csv::parseNumber(t, decimalComma, v);
            return v;
        };
        std::stable_sort(col.categories.begin(), col.categories.end(),
                         [&](const std::string &a, const std::string &b) { return value(a) < value(b); });
    }
    col.fill = csv::columnFill(s, false, options, decimalComma, name, column, source);
    return col;
}

CsvColumn featureColumn(const ColumnStats &s, const std::string &name, int column, bool forced,
                        const CsvOptions &options, bool decimalComma, const std::string &source)
{
    CsvColumn col{name, false, {}, false};
    if (!forced && isNumericColumn(s)) {
        if (s.firstNonNumber) csv::notANumber(source, *s.firstNonNumber, name);
        if (s.firstTooLarge) csv::tooLarge(source, *s.firstTooLarge, name);
        col.fill = csv::columnFill(s, true, options, decimalComma, name, column, source);
        return col;
    }
    if (s.tooManyTexts)
        throw DataError(
            source, 0, column,
            "Column " + quote(name) + " holds more than " + std::to_string(kMaxCsvCategories) +
                " different values, too many categories to one-hot encode. If it is a name, "
                "leave it out; if it is an id (a user, an item), declare it an id column (\"ids\") "
                "for an Embedding.");
    col.categorical = true;
    for (const auto &[text, n] : s.texts)
        col.categories.push_back(text);
    col.fill = csv::columnFill(s, false, options, decimalComma, name, column, source);
    if (s.filled > 0 && !s.texts.count(col.fill)) // FillValue: a category of its own
        col.categories.insert(std::lower_bound(col.categories.begin(), col.categories.end(), col.fill),
                              col.fill);
    return col;
}

/// One-hot columns may hold thousands of categories: the loaded matrix and its normalised copy must fit
/// the memory budget, else the widest categorical column is named.
void checkOneHotMemory(const CsvSchema &schema, long long featureCount, long long rows,
                       const std::string &source)
{
    const std::uint64_t bytes = std::uint64_t(featureCount) * std::uint64_t(rows) * 2 * sizeof(Scalar);
    if (bytes <= memoryLimit()) return;
    const CsvColumn *widest = nullptr;
    for (const CsvColumn &c : schema.features)
        if (c.categorical && (!widest || c.categories.size() > widest->categories.size())) widest = &c;
    if (!widest) requireMemory(bytes, MemoryError::Subject::File, source);
    throw DataError(source, 0, 0,
                    "Column " + quote(widest->name) + " has " + std::to_string(widest->categories.size()) +
                        " categories: one-hot encoding " + std::to_string(rows) + " rows takes " +
                        byteText(bytes) + ", above the memory limit of " + byteText(memoryLimit()) +
                        ". Declare it an id column (\"ids\") for an Embedding, leave it out, or raise the "
                        "limit.");
}

/// The target: decides the task and, for classification, the class names. numericClasses:
/// classes keyed by value.
CsvColumn targetColumn(const ColumnStats &s, const std::string &name, int column,
                       std::optional<TaskKind> requested, const std::string &source, TaskKind &task,
                       bool &numericClasses)
{
    const bool allNumbers = !s.firstNonNumber;
    if (!requested) {
        if (allNumbers)
            task = s.allIntegers && !s.tooManyValues && s.values.size() <= kMaxAutoClasses
                       ? TaskKind::Classification
                       : TaskKind::Regression;
        else if (isNumericColumn(s))
            csv::notANumber(source, *s.firstNonNumber, name);
        else
            task = TaskKind::Classification;
    } else {
        task = *requested;
    }
    CsvColumn col{name, task == TaskKind::Classification, {}, false};
    if (task == TaskKind::Regression) {
        if (!allNumbers) csv::notANumber(source, *s.firstNonNumber, name);
        if (s.firstTooLarge) csv::tooLarge(source, *s.firstTooLarge, name);
        return col;
    }
    numericClasses = allNumbers;
    if (numericClasses ? s.tooManyValues : s.tooManyTexts)
        throw DataError(source, 0, column,
                        "The target column " + quote(name) + " has more than " + std::to_string(kMaxClasses) +
                            " different values, too many classes; is it a regression target?");
    if (numericClasses)
        for (const auto &[value, spelling] : s.values)
            col.categories.push_back(spelling);
    else
        for (const auto &[text, n] : s.texts)
            col.categories.push_back(text);
    return col;
}

/// The vocabulary of each text column (by header index) from the kept rows `rows` (null: all).
std::map<int, std::vector<std::string>> textVocabularies(const std::vector<Part> &parts, char delimiter,
                                                         const Layout &layout, const CsvOptions &options,
                                                         const std::vector<char> &dropped,
                                                         const std::vector<int> *rows)
{
    std::map<int, VocabularyBuilder> builders;
    for (int c : layout.features)
        if (layout.text[static_cast<std::size_t>(c)] >= 0) builders[c];
    std::map<int, std::vector<std::string>> out;
    if (builders.empty()) return out;
    std::vector<bool> use;
    if (rows) {
        for (int i : *rows) {
            if (i < 0) continue;
            if (static_cast<std::size_t>(i) >= use.size()) use.resize(static_cast<std::size_t>(i) + 1, false);
            use[static_cast<std::size_t>(i)] = true;
        }
    }
    std::size_t all = 0, kept = 0;
    eachRow(parts, delimiter, layout, options.header, [&](const csv::Record &r, std::size_t) {
        if (dropped[all++]) return;
        const std::size_t i = kept++;
        if (!rows || (i < use.size() && use[i]))
            for (auto &[c, b] : builders)
                b.add(r.fields[static_cast<std::size_t>(c)]);
    });
    for (auto &[c, b] : builders)
        out[c] = b.vocabulary(
            options.text[static_cast<std::size_t>(layout.text[static_cast<std::size_t>(c)])].vocabulary);
    return out;
}

/// The sample shape of pixels declared as an image [C, H, W]: C·H·W must be the number of features, each a
/// numeric column.
Shape imageSampleShape(const std::vector<int> &shape, const CsvSchema &schema, const std::string &source)
{
    std::string text = "[";
    long long pixels = 1;
    bool inRange = shape.size() == 3;
    for (std::size_t k = 0; k < shape.size(); ++k) {
        text += (k ? ", " : "") + std::to_string(shape[k]);
        inRange = inRange && shape[k] >= 1 && shape[k] <= kMaxCsvImageSide;
        if (inRange) pixels *= shape[k];
    }
    text += "]";
    if (!inRange)
        throw DataError(source, 0, 0,
                        "The image shape " + text +
                            " is not [channels, height, width] of numbers from 1 to " +
                            std::to_string(kMaxCsvImageSide) + ", such as [1, 8, 8].");
    long long features = 0;
    for (const CsvColumn &c : schema.features) {
        if (c.categorical || c.ids || c.text())
            throw DataError(
                source, 0, 0,
                "The feature column " + quote(c.name) +
                    " is not numeric: with an image shape every feature column is a pixel value.");
        features += c.width();
    }
    if (pixels != features)
        throw DataError(source, 0, 0,
                        "The image shape " + text + " holds " + std::to_string(pixels) +
                            " pixels (channels × height × width), but the file has " +
                            std::to_string(features) + " feature columns; they must be equal.");
    return Shape{shape[0], shape[1], shape[2]};
}

} // namespace

CsvData parseCsv(std::string_view text, const CsvOptions &options, const std::string &sourceName,
                 const std::vector<int> *vocabularyRows, std::string_view testText,
                 const std::string &testSourceName)
{
    text = csv::withoutBom(text);
    const char delimiter = chooseDelimiter(text, options.delimiter);
    const bool decimalComma = delimiter == ';';
    std::vector<Part> parts{{text, sourceName}};
    if (!options.testPath.empty()) parts.push_back({csv::withoutBom(testText), testSourceName});

    csv::Reader reader(text, delimiter, sourceName);
    csv::Record first;
    if (!reader.next(first))
        throw DataError(sourceName, 0, 0,
                        "The file is empty; a CSV file needs a header row and at least one data row.");
    const Layout layout = readHeader(first, options, sourceName);
    csv::requireUsableFillValue(options, sourceName);
    std::vector<ColumnStats> stats(layout.header.size());
    const Scan sc = scan(parts, delimiter, layout, options, stats, decimalComma);
    const long long rows = sc.rows;
    if (rows == 0)
        throw DataError(sourceName, 0, 0,
                        sc.missing.droppedRows > 0
                            ? "Every row has a missing value: the policy \"drop_rows\" leaves no data row."
                            : "The file has a header row but no data rows.");
    if (rows > 0x7FFFFFFF)
        throw DataError(sourceName, 0, 0, "The file has more rows than this program loads.");

    CsvData out;
    out.rowSplit = sc.rowSplit;
    out.missing = sc.missing;
    if (options.missing == CsvMissing::FillValue) out.missing.fillValue = options.fillValue;
    CsvSchema &schema = out.schema;
    schema.delimiter = delimiter;
    schema.header = options.header;
    Eigen::Index featureCount = 0;
    auto vocabularies = textVocabularies(parts, delimiter, layout, options, sc.dropped, vocabularyRows);
    for (int c : layout.features) {
        const auto k = static_cast<std::size_t>(c);
        if (layout.text[k] >= 0)
            schema.features.push_back(
                CsvColumn{layout.header[k], false, std::move(vocabularies[c]), false,
                          options.text[static_cast<std::size_t>(layout.text[k])].length});
        else
            schema.features.push_back(
                layout.ids[k] ? idColumn(stats[k], layout.header[k], c + 1, decimalComma, options, sourceName)
                              : featureColumn(stats[k], layout.header[k], c + 1, layout.forced[k], options,
                                              decimalComma, sourceName));
        featureCount += static_cast<Eigen::Index>(schema.features.back().width());
    }
    checkOneHotMemory(schema, featureCount, rows, sourceName);
    const auto targetIndex = static_cast<std::size_t>(layout.target);
    bool numericClasses = false;
    schema.target = targetColumn(stats[targetIndex], layout.header[targetIndex], layout.target + 1,
                                 options.task, sourceName, schema.task, numericClasses);

    // Pass 2: every cell is known to be valid (or missing and filled); fill the matrices.
    Dataset &d = out.data;
    d.name = std::filesystem::path(sourceName).stem().string();
    d.task = schema.task;
    const auto n = static_cast<Eigen::Index>(rows);
    d.x.setZero(featureCount, n);
    if (d.task == TaskKind::Regression) {
        d.targets.resize(1, n);
        d.targetNames = {schema.target.name};
    } else {
        d.labels.reserve(static_cast<std::size_t>(n));
        d.classes = static_cast<int>(schema.target.categories.size());
        d.classNames = schema.target.categories;
    }
    for (const CsvColumn &col : schema.features) {
        for (int t = 0; t < col.textLength; ++t)
            d.featureNames.push_back(col.name + "[" + std::to_string(t + 1) + "]");
        if (!col.categorical && !col.text()) d.featureNames.push_back(col.name);
        for (std::size_t k = 0; col.categorical && k < col.categories.size(); ++k)
            d.featureNames.push_back(col.name + "=" + col.categories[k]);
    }
    d.sampleShape = Shape{static_cast<int>(featureCount)};
    if (!options.imageShape.empty()) d.sampleShape = imageSampleShape(options.imageShape, schema, sourceName);

    std::map<double, int> classOfValue;
    std::map<std::string, int> classOfText;
    for (int k = 0; k < d.classes; ++k) {
        const std::string &name = schema.target.categories[static_cast<std::size_t>(k)];
        double v = 0;
        if (numericClasses && csv::parseNumber(name, decimalComma, v)) classOfValue[v] = k;
        classOfText[name] = k;
    }

    std::vector<std::map<std::string, int, std::less<>>> idOf(schema.features.size());
    for (std::size_t f = 0; f < schema.features.size(); ++f)
        for (std::size_t k = 0; schema.features[f].ids && k < schema.features[f].categories.size(); ++k)
            idOf[f].emplace(schema.features[f].categories[k], static_cast<int>(k) + 1);
    std::map<std::size_t, TextEncoder> encoders;
    for (std::size_t f = 0; f < schema.features.size(); ++f)
        if (schema.features[f].text())
            encoders.emplace(f, TextEncoder(schema.features[f].categories, schema.features[f].textLength));
    std::size_t all = 0;
    Eigen::Index i = 0;
    eachRow(parts, delimiter, layout, options.header, [&](const csv::Record &r, std::size_t) {
        if (sc.dropped[all++]) return;
        Eigen::Index row = 0;
        for (std::size_t f = 0; f < layout.features.size(); ++f) {
            const CsvColumn &col = schema.features[f];
            const std::string &raw = r.fields[static_cast<std::size_t>(layout.features[f])];
            const std::string &cell = !col.text() && isMissing(raw, options.missing) ? col.fill : raw;
            if (col.text()) {
                for (int id : encoders.at(f).encode(cell))
                    d.x(row++, i) = static_cast<Scalar>(id);
            } else if (col.ids) {
                d.x(row++, i) = static_cast<Scalar>(idOf[f].at(cell));
            } else if (col.categorical) {
                const auto it = std::lower_bound(col.categories.begin(), col.categories.end(), cell);
                d.x(row + (it - col.categories.begin()), i) = 1;
                row += static_cast<Eigen::Index>(col.categories.size());
            } else {
                double v = 0;
                csv::parseNumber(cell, decimalComma, v);
                d.x(row++, i) = static_cast<Scalar>(v);
            }
        }
        const std::string &cell = r.fields[targetIndex];
        double v = 0;
        const bool isNumber = csv::parseNumber(cell, decimalComma, v);
        if (d.task == TaskKind::Regression)
            d.targets(0, i) = static_cast<Scalar>(v);
        else
            d.labels.push_back(numericClasses && isNumber ? classOfValue.at(v) : classOfText.at(cell));
        ++i;
    });
    return out;
}

namespace {

std::string readWhole(const std::string &path)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw DataError(path, 0, 0, "No such file (or it is not a regular file).");
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw DataError(path, 0, 0, "Cannot read the file size: " + ec.message() + ".");
    if (size > kMaxFileBytes)
        throw DataError(path, 0, 0, "The file is larger than 1 GiB, more than this program loads as CSV.");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path, 0, 0, "Cannot open the file for reading.");
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size))
        throw DataError(path, 0, 0, "The file could not be read completely.");
    return text;
}

} // namespace

CsvData loadCsv(const std::string &path, const CsvOptions &options, const std::vector<int> *vocabularyRows,
                const std::string &testFile)
{
    const std::string text = readWhole(path);
    if (options.testPath.empty()) return parseCsv(text, options, path, vocabularyRows);
    const std::string testPath = testFile.empty() ? options.testPath : testFile;
    const std::string test = readWhole(testPath);
    if (text.size() + test.size() > kMaxFileBytes)
        throw DataError(testPath, 0, 0,
                        "The two files are larger than 1 GiB together, more than this program loads as CSV.");
    return parseCsv(text, options, path, vocabularyRows, test, testPath);
}

} // namespace nnp
