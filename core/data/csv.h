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
// - An empty cell is a missing value and an error in every used column; in a numeric column "NA", "NaN",
//   "null", "?" ... are reported as missing values too. A row whose field count differs from the header's is
//   an error. Errors are DataError with the source name, the 1-based line and the 1-based column (field).
// - A number in a numeric feature column or a regression target must lie within ±kMaxCsvMagnitude (a value
//   beyond a double's range, "1e400", "inf", is not a number). In a categorical column or as a class name a
//   number is just a text.

#include "data/dataset.h"
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
    bool operator==(const CsvOptions &) const = default;
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
};

struct CsvData {
    Dataset data;
    CsvSchema schema;
};

/// Reads a whole file; nothing half-loaded survives an error (DataError with line and column).
/// `vocabularyRows` (0-based data rows): the rows whose words form the text columns' vocabularies (the
/// training split); null: every row.
CsvData loadCsv(const std::string &path, const CsvOptions &options = {},
                const std::vector<int> *vocabularyRows = nullptr);
CsvData parseCsv(std::string_view text, const CsvOptions &options = {},
                 const std::string &sourceName = "<text>", const std::vector<int> *vocabularyRows = nullptr);
/// Encodes rows of a CSV with the schema's feature columns (the target column may be absent) into
/// [features x N]. An unknown category or a non-number is a DataError naming line and column. A cell an id
/// column does not know becomes kUnknownId; `notes` (when given) receives one sentence per such column. A
/// text column's words the vocabulary does not know become kUnknownToken (with a note too).
Matrix encodeCsvFeatures(std::string_view text, const CsvSchema &schema,
                         const std::string &sourceName = "<text>", std::vector<std::string> *notes = nullptr);

} // namespace nnp
