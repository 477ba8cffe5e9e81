#pragma once
// Internal to the CSV loader: splits CSV text into records (RFC 4180 quoting, CRLF or LF), with line numbers.

#include <string>
#include <string_view>
#include <vector>

namespace nnp::csv {

struct Record {
    int line = 0;                    ///< 1-based line where the record starts
    std::vector<std::string> fields; ///< unquoted; unquoted fields are trimmed of spaces and tabs
    std::vector<int> fieldLines;     ///< line of each field (differs from `line` after a quoted line break)
};

class Reader {
public:
    /// text: without a byte order mark. Throws DataError naming `source`, line and column.
    Reader(std::string_view text, char delimiter, std::string source);
    /// The next record, skipping blank lines; false at the end of the text.
    bool next(Record &record);

private:
    [[noreturn]] void fail(int line, int column, const std::string &message) const;
    void readQuoted(std::string &out, int column);
    void readPlain(std::string &out, int column);
    void checkByte(char c, int column) const;

    std::string_view m_text;
    std::size_t m_pos = 0;
    int m_line = 1;
    char m_delimiter;
    std::string m_source;
};

/// The text after a UTF-8 byte order mark, if there is one.
std::string_view withoutBom(std::string_view text);
/// ',' ';' or '\t', whichever occurs most often outside quotes in the first non-blank line (',' on a tie
/// or when there is none).
char detectDelimiter(std::string_view text);
/// A finite number in C syntax ("1", "-2.5e3", "+.5"); with decimalComma a single ',' may stand for '.'.
bool parseNumber(std::string_view s, bool decimalComma, double &value);
/// "NA", "N/A", "NaN", "null", "None", "?" in any case: what spreadsheets and R write for a missing number.
bool isMissingMarker(std::string_view s);

} // namespace nnp::csv
