#include "data/csv_missing.h"

#include "data/csv_reader.h"
#include "data/data_error.h"

#include <charconv>
#include <cmath>
#include <map>

// The missing-value policy of the CSV loader: its names in the project file, which cells are missing, and
// what fills them.

namespace nnp {

std::string_view toString(CsvMissing m)
{
    switch (m) {
    case CsvMissing::Refuse:
        return "refuse";
    case CsvMissing::DropRows:
        return "drop_rows";
    case CsvMissing::FillMean:
        return "fill_mean";
    case CsvMissing::FillMostFrequent:
        return "fill_most_frequent";
    case CsvMissing::FillValue:
        return "fill_value";
    }
    return "refuse";
}

const std::vector<CsvMissing> &allCsvMissing()
{
    static const std::vector<CsvMissing> all{CsvMissing::Refuse, CsvMissing::DropRows, CsvMissing::FillMean,
                                             CsvMissing::FillMostFrequent, CsvMissing::FillValue};
    return all;
}

std::optional<CsvMissing> csvMissingFromString(std::string_view s)
{
    for (CsvMissing m : allCsvMissing())
        if (toString(m) == s) return m;
    return std::nullopt;
}

bool fillsMissing(CsvMissing m)
{
    return m == CsvMissing::FillMean || m == CsvMissing::FillMostFrequent || m == CsvMissing::FillValue;
}

namespace csv {

bool isMissing(std::string_view cell, CsvMissing policy)
{
    return cell.empty() || (policy != CsvMissing::Refuse && isMissingMarker(cell));
}

std::string mostFrequent(const ColumnStats &s)
{
    std::string best;
    long long count = 0;
    for (const auto &[text, n] : s.texts)
        if (n > count) {
            best = text;
            count = n;
        }
    return best;
}

std::string numberText(double v)
{
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    return ec == std::errc() ? std::string(buffer, end) : std::to_string(v);
}

std::string meanText(const ColumnStats &s)
{
    return numberText(s.sum / static_cast<double>(s.numbers));
}

std::string mostFrequentNumber(const ColumnStats &s, bool decimalComma)
{
    std::map<double, long long> counts; // by value: "1" and "1.0" are one number
    for (const auto &[text, n] : s.texts) {
        double v = 0;
        if (parseNumber(text, decimalComma, v)) counts[v] += n;
    }
    double best = 0;
    long long count = 0;
    for (const auto &[v, n] : counts)
        if (n > count) {
            best = v;
            count = n;
        }
    return numberText(best);
}

std::string columnFill(const ColumnStats &s, bool numeric, const CsvOptions &options, bool decimalComma,
                       const std::string &name, int column, const std::string &source)
{
    switch (options.missing) {
    case CsvMissing::Refuse:
    case CsvMissing::DropRows:
        return {};
    case CsvMissing::FillMean:
        requireFillValue(s, name, column, source);
        return numeric ? meanText(s) : mostFrequent(s);
    case CsvMissing::FillMostFrequent:
        requireFillValue(s, name, column, source);
        return numeric ? mostFrequentNumber(s, decimalComma) : mostFrequent(s);
    case CsvMissing::FillValue: {
        // The fill was read as a cell in pass 1: a categorical or id column knows it when it filled a cell.
        if (!numeric)
            return s.filled > 0 || s.texts.count(options.fillValue) ? options.fillValue : std::string();
        double v = 0;
        const bool number =
            parseNumber(options.fillValue, decimalComma, v) && std::abs(v) <= kMaxCsvMagnitude;
        if (!number && s.filled == 0) return {}; // nothing to fill here; a gap in a new row is an error
        if (!number)
            throw DataError(source, 0, column,
                            "The fill value " + quote(options.fillValue) + " is not a number, but column " +
                                quote(name) + " holds numbers: give a number, or leave the column out.");
        return numberText(v);
    }
    }
    return {};
}

void requireUsableFillValue(const CsvOptions &options, const std::string &source)
{
    if (options.missing != CsvMissing::FillValue) return;
    if (isMissing(options.fillValue, options.missing))
        throw DataError(
            source, 0, 0,
            options.fillValue.empty()
                ? std::string("The policy \"fill_value\" needs the value to fill missing cells with.")
                : "The fill value " + quote(options.fillValue) +
                      " is itself a missing-value marker; give a number or a category.");
}

void requireFillValue(const ColumnStats &s, const std::string &name, int column, const std::string &source)
{
    if (s.present == 0)
        throw DataError(source, 0, column,
                        "Every cell of column " + quote(name) +
                            " is missing: there is no value to fill them with. Leave the column out.");
}

} // namespace csv

} // namespace nnp
