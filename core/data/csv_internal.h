#pragma once
// Internal to the CSV loader (csv.cpp, csv_encode.cpp): the messages both passes and the encoder give.

#include "data/csv_reader.h"

#include <string>
#include <string_view>
#include <vector>

namespace nnp::csv {

struct CellRef {
    int line = 0, column = 0;
    std::string text;
};

std::string quote(std::string_view s);
/// Up to 12 names, comma separated, then "...".
std::string listNames(const std::vector<std::string> &names);
/// A row must have the header's field count.
void checkShape(const Record &r, std::size_t columns, const std::string &source);
[[noreturn]] void missingValue(const std::string &source, int line, int column, std::string_view name,
                               std::string_view cell);
[[noreturn]] void notANumber(const std::string &source, const CellRef &cell, std::string_view name);
[[noreturn]] void tooLarge(const std::string &source, const CellRef &cell, std::string_view name);

} // namespace nnp::csv
