#include "data/csv.h"

#include "data/csv_reader.h"
#include "data/data_error.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>

// Two passes over the text: the first checks every row and learns each column's kind, categories and
// classes; the second fills matrices of exactly the right size. Nothing is returned until both succeeded.
//
// Column kinds: a column is numeric when most of its cells are numbers (then every other cell is an error);
// otherwise it is categorical and one-hot encoded, its categories sorted by byte value ("Biscoe" < "Dream").
// Class labels: text classes sorted the same way; integer classes sorted by value. An empty cell is a missing
// value and an error everywhere; "NA", "NaN", "null", "?" ... are reported as missing in numeric columns.

namespace nnp {

namespace {

constexpr std::size_t kMaxCategories = 100; ///< distinct texts in one categorical feature column
constexpr std::size_t kMaxClasses = 1000;   ///< classes of a classification target
constexpr std::size_t kMaxAutoClasses =
    20; ///< an integer target with at most this many values is a class label
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t(1) << 30;

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

struct CellRef {
    int line = 0, column = 0;
    std::string text;
};

struct ColumnStats {
    long long numbers = 0; ///< cells that are numbers
    std::optional<CellRef> firstNonNumber;
    std::optional<CellRef> firstTooLarge; ///< a number beyond ±kMaxCsvMagnitude
    bool allIntegers = true;              ///< of the numeric cells
    std::set<std::string> texts;          ///< distinct cells, up to a cap
    bool tooManyTexts = false;
    std::map<double, std::string> values; ///< distinct numbers and their first spelling, up to a cap
    bool tooManyValues = false;
};

struct Layout {
    std::vector<std::string> header;
    int target = -1;
    std::vector<int> features; ///< header indices, in file order
    std::vector<bool> ids;     ///< per header column: an id column
    std::vector<int> text;     ///< per header column: its index in CsvOptions::text, or -1
};

constexpr std::size_t kMaxIds = (std::size_t(1) << 24) - 1; ///< ids 1 … 2^24 − 1 are exact as floats

char chooseDelimiter(std::string_view text, char requested)
{
    if (requested == 0) return csv::detectDelimiter(text);
    if (requested != ',' && requested != ';' && requested != '\t')
        throw DataError(std::string("The CSV delimiter must be ',' or ';' (or a tab), not '") + requested +
                        "'.");
    return requested;
}

void checkShape(const csv::Record &r, std::size_t columns, const std::string &source)
{
    if (r.fields.size() == columns) return;
    const int column = static_cast<int>(std::min(r.fields.size(), columns)) + 1;
    throw DataError(source, r.line, column,
                    "This row has " + std::to_string(r.fields.size()) + " fields but the header has " +
                        std::to_string(columns) + ".");
}

[[noreturn]] void missingValue(const std::string &source, int line, int column, std::string_view name,
                               std::string_view cell)
{
    throw DataError(source, line, column,
                    "Missing value " + (cell.empty() ? std::string("(empty cell)") : quote(cell)) +
                        " in column " + quote(name) + "; every cell needs a value.");
}

[[noreturn]] void notANumber(const std::string &source, const CellRef &cell, std::string_view name)
{
    if (csv::isMissingMarker(cell.text)) missingValue(source, cell.line, cell.column, name, cell.text);
    throw DataError(source, cell.line, cell.column,
                    quote(cell.text) + " in the numeric column " + quote(name) + " is not a number.");
}

[[noreturn]] void tooLarge(const std::string &source, const CellRef &cell, std::string_view name)
{
    throw DataError(
        source, cell.line, cell.column,
        quote(cell.text) + " in column " + quote(name) +
            " is too large: numbers must lie within ±1e18 (beyond that their squares overflow the "
            "32-bit floats the network trains in). Rescale the column, e.g. to thousands or "
            "millions.");
}

Layout readHeader(csv::Reader &reader, const CsvOptions &options, const std::string &source)
{
    csv::Record r;
    if (!reader.next(r))
        throw DataError(source, 0, 0,
                        "The file is empty; a CSV file needs a header row and at least one data row.");
    Layout layout;
    layout.header = r.fields;
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
    const auto indexOf = [&](const std::string &name) {
        return static_cast<int>(std::find(h.begin(), h.end(), name) - h.begin());
    };
    layout.target = options.target.empty() ? static_cast<int>(h.size()) - 1 : indexOf(options.target);
    if (layout.target >= static_cast<int>(h.size()))
        throw DataError(source, r.line, 0,
                        "The target column " + quote(options.target) + " is not in the header (" +
                            listNames(h) + ").");
    std::vector<bool> ignored(h.size(), false);
    for (const std::string &name : options.ignore) {
        const int c = indexOf(name);
        if (c >= static_cast<int>(h.size()))
            throw DataError(source, r.line, 0,
                            "The column to leave out " + quote(name) + " is not in the header (" +
                                listNames(h) + ").");
        if (c == layout.target)
            throw DataError(source, r.line, c + 1,
                            "The target column " + quote(name) + " cannot be left out.");
        ignored[static_cast<std::size_t>(c)] = true;
    }
    layout.ids.assign(h.size(), false);
    for (const std::string &name : options.ids) {
        const int c = indexOf(name);
        if (c >= static_cast<int>(h.size()))
            throw DataError(source, r.line, 0,
                            "The id column " + quote(name) + " is not in the header (" + listNames(h) + ").");
        if (c == layout.target)
            throw DataError(source, r.line, c + 1,
                            "The target column " + quote(name) + " cannot be an id column.");
        layout.ids[static_cast<std::size_t>(c)] = true;
    }
    layout.text.assign(h.size(), -1);
    for (std::size_t t = 0; t < options.text.size(); ++t) {
        const TextColumnOptions &o = options.text[t];
        const int c = indexOf(o.column);
        if (c >= static_cast<int>(h.size()))
            throw DataError(source, r.line, 0,
                            "The text column " + quote(o.column) + " is not in the header (" + listNames(h) +
                                ").");
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
    for (int c = 0; c < static_cast<int>(h.size()); ++c)
        if (c != layout.target && !ignored[static_cast<std::size_t>(c)]) layout.features.push_back(c);
    if (layout.features.empty())
        throw DataError(source, r.line, 0,
                        "There is no feature column: every column but the target " +
                            quote(h[static_cast<std::size_t>(layout.target)]) + " is left out.");
    return layout;
}

void observe(ColumnStats &s, const std::string &cell, int line, int column, bool decimalComma,
             std::size_t cap)
{
    double v = 0;
    if (csv::parseNumber(cell, decimalComma, v)) {
        ++s.numbers;
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
        s.texts.insert(cell);
        s.tooManyTexts = s.texts.size() > cap;
    }
}

/// Pass 1: every row has the header's width and a value in every used cell; returns the number of rows.
long long scan(csv::Reader &reader, const Layout &layout, std::vector<ColumnStats> &stats, bool decimalComma,
               const std::string &source)
{
    csv::Record r;
    long long rows = 0;
    std::vector<int> used = layout.features;
    used.push_back(layout.target);
    while (reader.next(r)) {
        checkShape(r, layout.header.size(), source);
        for (int c : used) {
            const auto k = static_cast<std::size_t>(c);
            const std::string &cell = r.fields[k];
            if (layout.text[k] >= 0) continue; // any text, even none, is a sentence
            if (cell.empty()) missingValue(source, r.fieldLines[k], c + 1, layout.header[k], cell);
            observe(stats[k], cell, r.fieldLines[k], c + 1, decimalComma,
                    c == layout.target ? kMaxClasses
                    : layout.ids[k]    ? kMaxIds
                                       : kMaxCategories);
        }
        ++rows;
    }
    return rows;
}

bool isNumericColumn(const ColumnStats &s, long long rows)
{
    return s.numbers * 2 > rows;
}

/// An id column's vocabulary: its distinct cells by value when every cell is a number ("2" before "10"), else
/// by byte value.
CsvColumn idColumn(const ColumnStats &s, const std::string &name, int column, bool decimalComma,
                   const std::string &source)
{
    if (s.tooManyTexts)
        throw DataError(source, 0, column,
                        "The id column " + quote(name) + " holds more than " + std::to_string(kMaxIds) +
                            " different ids, more than an Embedding can look up.");
    CsvColumn col{name, false, {s.texts.begin(), s.texts.end()}, true};
    if (!s.firstNonNumber) {
        const auto value = [&](const std::string &t) {
            double v = 0;
            csv::parseNumber(t, decimalComma, v);
            return v;
        };
        std::stable_sort(col.categories.begin(), col.categories.end(),
                         [&](const std::string &a, const std::string &b) { return value(a) < value(b); });
    }
    return col;
}

CsvColumn featureColumn(const ColumnStats &s, const std::string &name, int column, long long rows,
                        const std::string &source)
{
    CsvColumn col{name, false, {}, false};
    if (isNumericColumn(s, rows)) {
        if (s.firstNonNumber) notANumber(source, *s.firstNonNumber, name);
        if (s.firstTooLarge) tooLarge(source, *s.firstTooLarge, name);
        return col;
    }
    if (s.tooManyTexts)
        throw DataError(
            source, 0, column,
            "Column " + quote(name) + " holds more than " + std::to_string(kMaxCategories) +
                " different texts, too many categories to one-hot encode. If it is a name, leave it out; "
                "if it is an id (a user, an item), declare it an id column for an Embedding.");
    col.categorical = true;
    col.categories.assign(s.texts.begin(), s.texts.end());
    return col;
}

/// Decides the task and, for classification, the class names. numericClasses: classes keyed by value.
CsvColumn targetColumn(const ColumnStats &s, const std::string &name, int column, long long rows,
                       std::optional<TaskKind> requested, const std::string &source, TaskKind &task,
                       bool &numericClasses)
{
    const bool allNumbers = !s.firstNonNumber;
    if (!requested) {
        if (allNumbers)
            task = s.allIntegers && !s.tooManyValues && s.values.size() <= kMaxAutoClasses
                       ? TaskKind::Classification
                       : TaskKind::Regression;
        else if (isNumericColumn(s, rows))
            notANumber(source, *s.firstNonNumber, name);
        else
            task = TaskKind::Classification;
    } else {
        task = *requested;
    }
    CsvColumn col{name, task == TaskKind::Classification, {}, false};
    if (task == TaskKind::Regression) {
        if (!allNumbers) notANumber(source, *s.firstNonNumber, name);
        if (s.firstTooLarge) tooLarge(source, *s.firstTooLarge, name);
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
        col.categories.assign(s.texts.begin(), s.texts.end());
    return col;
}

/// The vocabulary of each text column (by header index) from the rows `rows` (null: all).
std::map<int, std::vector<std::string>> textVocabularies(std::string_view text, char delimiter,
                                                         const Layout &layout, const CsvOptions &options,
                                                         const std::vector<int> *rows,
                                                         const std::string &source)
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
    csv::Reader reader(text, delimiter, source);
    csv::Record r;
    reader.next(r); // the header
    for (std::size_t i = 0; reader.next(r); ++i)
        if (!rows || (i < use.size() && use[i]))
            for (auto &[c, b] : builders)
                b.add(r.fields[static_cast<std::size_t>(c)]);
    for (auto &[c, b] : builders)
        out[c] = b.vocabulary(
            options.text[static_cast<std::size_t>(layout.text[static_cast<std::size_t>(c)])].vocabulary);
    return out;
}

} // namespace

CsvData parseCsv(std::string_view text, const CsvOptions &options, const std::string &sourceName,
                 const std::vector<int> *vocabularyRows)
{
    text = csv::withoutBom(text);
    const char delimiter = chooseDelimiter(text, options.delimiter);
    const bool decimalComma = delimiter == ';';

    csv::Reader reader(text, delimiter, sourceName);
    const Layout layout = readHeader(reader, options, sourceName);
    std::vector<ColumnStats> stats(layout.header.size());
    const long long rows = scan(reader, layout, stats, decimalComma, sourceName);
    if (rows == 0) throw DataError(sourceName, 0, 0, "The file has a header row but no data rows.");
    if (rows > 0x7FFFFFFF)
        throw DataError(sourceName, 0, 0, "The file has more rows than this program loads.");

    CsvData out;
    CsvSchema &schema = out.schema;
    schema.delimiter = delimiter;
    Eigen::Index featureCount = 0;
    auto vocabularies = textVocabularies(text, delimiter, layout, options, vocabularyRows, sourceName);
    for (int c : layout.features) {
        const auto k = static_cast<std::size_t>(c);
        if (layout.text[k] >= 0)
            schema.features.push_back(
                CsvColumn{layout.header[k], false, std::move(vocabularies[c]), false,
                          options.text[static_cast<std::size_t>(layout.text[k])].length});
        else
            schema.features.push_back(
                layout.ids[k] ? idColumn(stats[k], layout.header[k], c + 1, decimalComma, sourceName)
                              : featureColumn(stats[k], layout.header[k], c + 1, rows, sourceName));
        featureCount += static_cast<Eigen::Index>(schema.features.back().width());
    }
    const auto targetIndex = static_cast<std::size_t>(layout.target);
    bool numericClasses = false;
    schema.target = targetColumn(stats[targetIndex], layout.header[targetIndex], layout.target + 1, rows,
                                 options.task, sourceName, schema.task, numericClasses);

    // Pass 2: every cell is known to be valid; fill the matrices.
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
    csv::Reader second(text, delimiter, sourceName);
    csv::Record r;
    second.next(r); // the header
    for (Eigen::Index i = 0; second.next(r); ++i) {
        Eigen::Index row = 0;
        for (std::size_t f = 0; f < layout.features.size(); ++f) {
            const CsvColumn &col = schema.features[f];
            const std::string &cell = r.fields[static_cast<std::size_t>(layout.features[f])];
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
    }
    return out;
}

CsvData loadCsv(const std::string &path, const CsvOptions &options, const std::vector<int> *vocabularyRows)
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
    return parseCsv(text, options, path, vocabularyRows);
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
    const std::vector<std::string> header = r.fields;
    std::vector<std::size_t> where;
    Eigen::Index featureCount = 0;
    std::vector<std::string> needed;
    for (const CsvColumn &col : schema.features)
        needed.push_back(col.name);
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
    struct Unseen {
        long long count = 0;
        CellRef first;
    };
    std::vector<Unseen> unseen(schema.features.size());
    std::vector<Scalar> values; // column-major [features x N]: one sample after the other
    Eigen::Index rows = 0;
    while (reader.next(r)) {
        checkShape(r, header.size(), sourceName);
        for (std::size_t f = 0; f < schema.features.size(); ++f) {
            const CsvColumn &col = schema.features[f];
            const std::string &cell = r.fields[where[f]];
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
                const auto it = std::find(col.categories.begin(), col.categories.end(), cell);
                if (it == col.categories.end())
                    throw DataError(sourceName, line, column,
                                    "Unknown category " + quote(cell) + " in column " + quote(col.name) +
                                        "; the model knows " + listNames(col.categories) + ".");
                for (auto c = col.categories.begin(); c != col.categories.end(); ++c)
                    values.push_back(c == it ? Scalar(1) : Scalar(0));
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
