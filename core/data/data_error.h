#pragma once
#include <stdexcept>
#include <string>

namespace nnp {

/// A problem with a data file or data settings. what() is a full sentence naming the file and, where it
/// applies, the line and column (1-based; 0 = not applicable).
class DataError : public std::runtime_error {
public:
    DataError(std::string path, int line, int column, const std::string &message);
    explicit DataError(const std::string &message) : DataError({}, 0, 0, message) {}
    [[nodiscard]] const std::string &path() const { return m_path; }
    [[nodiscard]] int line() const { return m_line; }
    [[nodiscard]] int column() const { return m_column; }
    [[nodiscard]] const std::string &detail() const { return m_detail; }

private:
    std::string m_path;
    int m_line, m_column;
    std::string m_detail;
};

} // namespace nnp
