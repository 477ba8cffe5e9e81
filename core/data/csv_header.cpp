#include "data/csv_header.h"

#include "data/csv_reader.h"
#include "data/data_error.h"

#include <fstream>

namespace nnp {

std::string csvDefaultColumnName(std::size_t index)
{
    return "c" + std::to_string(index + 1);
}

CsvHead readCsvHead(std::string_view text, const CsvOptions &options, std::size_t maxRows,
                    const std::string &source)
{
    text = csv::withoutBom(text);
    CsvHead head;
    head.delimiter = options.delimiter != 0 ? options.delimiter : csv::detectDelimiter(text);
    csv::Reader reader(text, head.delimiter, source);
    csv::Record r;
    if (!reader.next(r)) return head;
    if (options.header) {
        head.columns = r.fields;
    } else {
        for (std::size_t c = 0; c < r.fields.size(); ++c)
            head.columns.push_back(csvDefaultColumnName(c));
        head.rows.push_back(r.fields);
    }
    while (head.rows.size() < maxRows && reader.next(r))
        head.rows.push_back(std::move(r.fields));
    if (head.rows.size() > maxRows) head.rows.resize(maxRows); // maxRows 0 without a header
    head.more = reader.next(r) || (!options.header && maxRows == 0);
    return head;
}

CsvHead readCsvFileHead(const std::string &path, const CsvOptions &options, std::size_t maxRows,
                        std::size_t maxBytes)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path, 0, 0, "Cannot open the file for reading.");
    std::string text(maxBytes, '\0');
    in.read(text.data(), static_cast<std::streamsize>(maxBytes));
    text.resize(static_cast<std::size_t>(in.gcount()));
    const bool cut = in.gcount() == static_cast<std::streamsize>(maxBytes) && in.peek() != EOF;
    if (cut) {
        const std::size_t end = text.rfind('\n');
        text.resize(end == std::string::npos ? 0 : end + 1);
    }
    CsvHead head = readCsvHead(text, options, maxRows, path);
    head.more = head.more || cut;
    return head;
}

} // namespace nnp
