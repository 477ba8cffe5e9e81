#include "data/csv_reader.h"

#include "data/data_error.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace nnp::csv {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

} // namespace

Reader::Reader(std::string_view text, char delimiter, std::string source)
    : m_text(text), m_delimiter(delimiter), m_source(std::move(source))
{
}

void Reader::fail(int line, int column, const std::string &message) const
{
    throw DataError(m_source, line, column, message);
}

void Reader::checkByte(char c, int column) const
{
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\t') || u == 0x7F) {
        char code[8];
        std::snprintf(code, sizeof code, "0x%02X", u);
        fail(m_line, column,
             std::string("Found the control byte ") + code +
                 ": this looks like binary data, not a CSV text file.");
    }
}

bool Reader::next(Record &record)
{
    record.fields.clear();
    record.fieldLines.clear();
    // Skip blank lines (only spaces or tabs): a file often ends with some, and they carry no sample.
    while (m_pos < m_text.size()) {
        std::size_t p = m_pos;
        while (p < m_text.size() && isBlank(m_text[p]) && m_text[p] != m_delimiter)
            ++p;
        if (p < m_text.size() && m_text[p] != '\n' && m_text[p] != '\r') break;
        if (p >= m_text.size()) {
            m_pos = p;
            break;
        }
        m_pos = p + ((m_text[p] == '\r' && p + 1 < m_text.size() && m_text[p + 1] == '\n') ? 2 : 1);
        ++m_line;
    }
    if (m_pos >= m_text.size()) return false;
    record.line = m_line;
    for (;;) {
        const int column = static_cast<int>(record.fields.size()) + 1;
        record.fieldLines.push_back(m_line);
        std::string &field = record.fields.emplace_back();
        std::size_t p = m_pos;
        while (p < m_text.size() && isBlank(m_text[p]) && m_text[p] != m_delimiter)
            ++p;
        if (p < m_text.size() && m_text[p] == '"') {
            m_pos = p + 1;
            readQuoted(field, column);
        } else {
            readPlain(field, column);
        }
        if (m_pos >= m_text.size()) return true;
        const char c = m_text[m_pos];
        if (c == m_delimiter) {
            ++m_pos;
            continue;
        }
        // End of line: "\r\n", "\n" or a lone "\r".
        m_pos += (c == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') ? 2 : 1;
        ++m_line;
        return true;
    }
}

void Reader::readQuoted(std::string &out, int column)
{
    const int startLine = m_line;
    for (;;) {
        if (m_pos >= m_text.size())
            fail(startLine, column, "A quoted field starts here but its closing quote is missing.");
        const char c = m_text[m_pos];
        if (c == '"') {
            if (m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '"') {
                out += '"';
                m_pos += 2;
                continue;
            }
            ++m_pos;
            break;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n') ++m_pos;
            out += '\n';
            ++m_pos;
            ++m_line;
            continue;
        }
        checkByte(c, column);
        out += c;
        ++m_pos;
    }
    while (m_pos < m_text.size() && isBlank(m_text[m_pos]) && m_text[m_pos] != m_delimiter)
        ++m_pos;
    if (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c != m_delimiter && c != '\n' && c != '\r')
            fail(m_line, column,
                 std::string("Unexpected '") + c +
                     "' after a closing quote; inside a quoted field write a quote as two quotes (\"\").");
    }
}

void Reader::readPlain(std::string &out, int column)
{
    const std::size_t start = m_pos;
    while (m_pos < m_text.size()) {
        const char c = m_text[m_pos];
        if (c == m_delimiter || c == '\n' || c == '\r') break;
        checkByte(c, column);
        ++m_pos;
    }
    std::string_view v = m_text.substr(start, m_pos - start);
    while (!v.empty() && isBlank(v.front()))
        v.remove_prefix(1);
    while (!v.empty() && isBlank(v.back()))
        v.remove_suffix(1);
    out.assign(v);
}

std::string_view withoutBom(std::string_view text)
{
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

char detectDelimiter(std::string_view text)
{
    std::size_t p = 0;
    while (p < text.size() && (isBlank(text[p]) || text[p] == '\n' || text[p] == '\r'))
        ++p;
    int commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (; p < text.size(); ++p) {
        const char c = text[p];
        if (c == '"')
            quoted = !quoted; // "" inside quotes toggles twice: no effect
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted && c == ',')
            ++commas;
        else if (!quoted && c == ';')
            ++semicolons;
        else if (!quoted && c == '\t')
            ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

bool parseNumber(std::string_view s, bool decimalComma, double &value)
{
    const bool plus = !s.empty() && s.front() == '+'; // from_chars refuses a '+' that people do write
    if (plus) s.remove_prefix(1);
    if (s.empty() || (plus && s.front() == '-')) return false;
    std::array<char, 64> buffer{};
    if (decimalComma && std::count(s.begin(), s.end(), ',') == 1 && s.find('.') == std::string_view::npos &&
        s.size() < buffer.size()) {
        std::copy(s.begin(), s.end(), buffer.begin());
        *std::find(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(s.size()), ',') = '.';
        s = std::string_view(buffer.data(), s.size());
    }
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && ptr == s.data() + s.size() && std::isfinite(value);
}

bool isMissingMarker(std::string_view s)
{
    std::string lower;
    for (char c : s)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower == "na" || lower == "n/a" || lower == "nan" || lower == "null" || lower == "none" ||
           lower == "?";
}

} // namespace nnp::csv
