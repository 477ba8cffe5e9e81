#include "data/data_error.h"

#include <string>

namespace nnp {

namespace {

std::string fullMessage(const std::string &path, int line, int column, const std::string &message)
{
    std::string where = path;
    if (line > 0) where += (where.empty() ? "line " : ", line ") + std::to_string(line);
    if (column > 0) where += (where.empty() ? "column " : ", column ") + std::to_string(column);
    return where.empty() ? message : where + ": " + message;
}

} // namespace

DataError::DataError(std::string path, int line, int column, const std::string &message)
    : std::runtime_error(fullMessage(path, line, column, message)), m_path(std::move(path)), m_line(line),
      m_column(column), m_detail(message)
{
}

} // namespace nnp
