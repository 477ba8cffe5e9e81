#pragma once
// CSV import: a header row, numeric and categorical columns, a target column.
//
// Rules (the same for loadCsv, parseCsv and encodeCsvFeatures):
// - Delimiter ',' or ';' (or a tab), detected from the header line unless given. With ';' a decimal comma
//   ("5,1") is read as a decimal point. Quoted fields as in RFC 4180 (a quote inside is written twice, line
//   breaks may be quoted); CRLF or LF; a UTF-8 byte order mark and blank lines are skipped; spaces around
//   unquoted cells are trimmed. A control byte (binary data) is an error.
// - A column is numeric when most of its cells are numbers; any other cell in it is an error. Otherwise it is
//   categorical and becomes one one-hot feature per category ("island=Biscoe"), categories sorted by byte
//   value, at most 100 per column. A column named in CsvOptions::ids is an id column instead: one feature,
//   the cell's id in a vocabulary built from the file (see CsvOptions::ids). A column named in
//   CsvOptions::text is a text column: T features, the ids of its words (data/tokenizer.h), with a vocabulary
//   from the training rows; its cells may be empty.
// - A column named in CsvOptions::categorical is one-hot encoded even when its cells are numbers (codes).
//   A categorical column may hold up to kMaxCsvCategories categories, and all one-hot features together must
//   fit the memory budget (memory_budget.h); a refusal names the column and its count.
// - Missing values: an empty cell in every used column; "NA", "NaN", "null", "?" ... in a numeric column,
//   and in any column when CsvOptions::missing is not Refuse. Refuse (the default): the first is an error.
//   DropRows: rows with one are left out. FillMean: a numeric cell gets the mean of the column's present
//   cells in the file, a categorical or id cell the most frequent one. FillMostFrequent: every column's most
//   frequent present cell (a number by value: "1" and "1.0" are one value; the first by value on a tie,
//   counted over the column's first kMaxCsvCategories distinct cells). FillValue: the cell reads as
//   CsvOptions::fillValue in every column (a number for a numeric column, else an error naming it; a new
//   category or id where it is not one of the file's). CsvColumn::fill keeps what a column's
//   missing cells became, for new rows; a missing target is still an error. CsvData::missing counts what was
//   done. Text cells may be empty. A row whose field count differs from the header's is an error. Errors are
//   DataError with the source name, the 1-based line and the 1-based column (field).
// - CsvOptions::header = false: the first row is data and the columns are named c1 … cN.
// - CsvOptions::splitColumn: a column whose cells (train, validation or test, in any case) choose the split;
//   it is not a feature. CsvOptions::testPath: a second file with the same columns whose rows are the test
//   split (the first file's rows are split into train and validation). CsvData::rowSplit records either.
// - CsvOptions::imageShape [C, H, W]: the feature columns are the pixels of an image, channels first, in
//   row-major order (784 columns for 28×28, 64 for 8×8); the data's sampleShape is that shape, so an Input of
//   that shape feeds Conv2D. C·H·W must equal the number of features, every feature column numeric (an error
//   names both counts). The values stay raw: scaling them (÷255, z-score) is the project's normalisation.
// - A number in a numeric feature column or a regression target must lie within ±kMaxCsvMagnitude (a value
//   beyond a double's range, "1e400", "inf", is not a number). In a categorical column or as a class name a
//   number is just a text.

#include "data/dataset.h"
#include "data/split.h"
#include "data/tokenizer.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

/// The largest magnitude a CSV number may have: 1e18, below √FLT_MAX ≈ 1.8e19, so that the squares the
/// losses and the normaliser take stay finite in the 32-bit floats the network trains in (a value near 1e39
/// is infinite as a float; one near 1e31 became a normaliser the project reader refused).
inline constexpr double kMaxCsvMagnitude = 1e18;

/// What to do with a missing value (an empty cell, "NA", "?" ...).
enum class CsvMissing { Refuse, DropRows, FillMean, FillMostFrequent, FillValue };
/// "refuse", "drop_rows", "fill_mean", "fill_most_frequent", "fill_value"
std::string_view toString(CsvMissing m);
std::optional<CsvMissing> csvMissingFromString(std::string_view s);
const std::vector<CsvMissing> &allCsvMissing();
/// Whether the policy fills missing cells (rather than refusing them or leaving their rows out).
bool fillsMissing(CsvMissing m);

/// The largest channel count, height or width of CsvOptions::imageShape (the project file, `nnp new` and the
/// data panel allow the same).
inline constexpr int kMaxCsvImageSide = 65536;

/// Categories one categorical column may hold (its one-hot features); the memory budget may allow fewer.
inline constexpr std::size_t kMaxCsvCategories = 10'000;

struct CsvOptions {
    char delimiter = 0; ///< ',' or ';' (or '\t'); 0 = detect from the header line
    std::string target; ///< target column name; empty = the last column
    /// Default: classification if the target is text or holds at most 20 distinct integers, else regression.
    /// Classes are the sorted texts, or the integer values in ascending order (names as first written).
    std::optional<TaskKind> task;
    std::vector<std::string> ignore; ///< columns to leave out
    /// Id columns (a user, an item): each distinct cell becomes an integer id for an Embedding, 1 … V in the
    /// order of the vocabulary (by value when every cell is a number, else by byte value); id 0 is reserved
    /// for an id the vocabulary does not know (kUnknownId). At most 2^24 − 1 ids per column.
    std::vector<std::string> ids;
    /// Text columns (a review, an essay): each becomes T word ids for an Embedding (data/tokenizer.h).
    std::vector<TextColumnOptions> text;
    /// Columns one-hot encoded even when their cells are numbers (codes such as 1, 2, 3 for a region).
    std::vector<std::string> categorical;
    CsvMissing missing = CsvMissing::Refuse;
    std::string fillValue;       ///< FillValue: what a missing cell reads as (a number or a category)
    bool header = true;          ///< false: the first row is data; the columns are named c1 … cN
    std::string splitColumn;     ///< a column of train / validation / test that chooses each row's split
    std::string testPath;        ///< a separate test file with the same columns (as stored in the project)
    std::vector<int> imageShape; ///< [C, H, W]: the feature columns are an image's pixels; empty: flat
    bool operator==(const CsvOptions &) const = default;
};

/// Where a row goes: CsvData::rowSplit.
enum class CsvRowSplit : signed char { ByFraction = -1, Train = 0, Validation = 1, Test = 2 };

/// What the missing-value policy did while loading.
struct CsvMissingReport {
    CsvMissing policy = CsvMissing::Refuse;
    long long droppedRows = 0; ///< DropRows
    long long filledCells = 0; ///< FillMean, FillMostFrequent, FillValue
    std::string fillValue;     ///< FillValue: the value the cells were filled with
    bool operator==(const CsvMissingReport &) const = default;
};

/// How each raw column became features, so that new rows (predict) are encoded the same way.
struct CsvColumn {
    std::string name;
    bool categorical = false;
    std::vector<std::string> categories; ///< categorical: one-hot order (sorted); target: the class names;
                                         ///< ids: the vocabulary, cell categories[k] is id k + 1
    bool ids = false;                    ///< an id column: one feature, the cell's id
    /// A text column: T = textLength features, its words' ids; categories is its vocabulary (word k has id
    /// k + 2; 0 is padding, 1 an unknown word). 0: not a text column.
    int textLength = 0;
    /// What a missing cell of new rows becomes (FillMean: the training file's mean or most frequent cell;
    /// FillMostFrequent: the most frequent one; FillValue: the value given); empty: a missing cell is an
    /// error.
    std::string fill = {};
    [[nodiscard]] bool text() const { return textLength > 0; }
    /// How many features the column becomes.
    [[nodiscard]] long long width() const
    {
        return categorical ? static_cast<long long>(categories.size()) : text() ? textLength : 1;
    }
};

/// The id of a cell an id column's vocabulary does not know (seen only after training, at prediction).
inline constexpr int kUnknownId = 0;

struct CsvSchema {
    std::vector<CsvColumn>
        features; ///< in feature order (a categorical column yields categories.size() features)
    CsvColumn target;
    TaskKind task = TaskKind::Classification;
    char delimiter = ',';
    bool header = true; ///< false: trained on a file without a header row (new rows may come without one)
};

struct CsvData {
    Dataset data;
    CsvSchema schema;
    /// Per row (data's columns): its split when a split column or a test file decides it; empty otherwise.
    std::vector<CsvRowSplit> rowSplit;
    CsvMissingReport missing;
};

/// The train / validation / test indices of a CSV's rows: rowSplit where it decides, the fractions of
/// `config` for the rest (without a test part when a test file gives it).
SplitIndices splitCsvRows(const Dataset &data, const std::vector<CsvRowSplit> &rowSplit,
                          const SplitConfig &config);

/// Reads a whole file; nothing half-loaded survives an error (DataError with line and column).
/// `vocabularyRows` (0-based data rows): the rows whose words form the text columns' vocabularies (the
/// training split); null: every row. `testFile`: where options.testPath lies (empty: options.testPath as
/// it is).
CsvData loadCsv(const std::string &path, const CsvOptions &options = {},
                const std::vector<int> *vocabularyRows = nullptr, const std::string &testFile = {});
/// `testText`: the test file's text when options.testPath is set (its rows follow the first text's).
CsvData parseCsv(std::string_view text, const CsvOptions &options = {},
                 const std::string &sourceName = "<text>", const std::vector<int> *vocabularyRows = nullptr,
                 std::string_view testText = {}, const std::string &testSourceName = "<test>");
/// Encodes rows of a CSV with the schema's feature columns (the target column may be absent) into
/// [features x N]. An unknown category or a non-number is a DataError naming line and column. A cell an id
/// column does not know becomes kUnknownId; `notes` (when given) receives one sentence per such column. A
/// text column's words the vocabulary does not know become kUnknownToken (with a note too).
Matrix encodeCsvFeatures(std::string_view text, const CsvSchema &schema,
                         const std::string &sourceName = "<text>", std::vector<std::string> *notes = nullptr);

} // namespace nnp
