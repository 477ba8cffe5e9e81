#pragma once
// The memory budget. Before a network is built or trained, or data is loaded, what it will take is estimated
// and refused above a limit the user can raise (`nnp --memory-limit`, the app's setting), with a message that
// names the layer or file and the size. Running out part-way is worse than a refusal: Eigen 3.4's resize()
// frees a matrix's buffer before the allocation that throws, so a failed allocation leaves a dangling pointer
// behind (a crash in the layer's destructor), and a process over the machine's memory is killed.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace nnp {

/// The default limit: three quarters of the physical memory, or of the address-space limit (`ulimit -v`) when
/// that is smaller. Never below 256 MiB.
std::uint64_t defaultMemoryLimit();
/// The limit in force for this process (the default until set).
std::uint64_t memoryLimit();
/// Sets the limit for this process; 0 restores the default.
void setMemoryLimit(std::uint64_t bytes);

/// "1.5 GB", "980 MB", "12 KB" (powers of 1000, one decimal below 10).
std::string byteText(std::uint64_t bytes);

/// Parses a size the way users write it: "4000000" (bytes), "512M", "2G", "1.5GB", "800MiB"; 0 when the text
/// is not a size.
std::uint64_t parseByteSize(const std::string &text);

/// What would take more memory than the limit allows. what() is English for the CLI; the fields let the UI
/// word it in the user's language.
class MemoryError : public std::runtime_error {
public:
    enum class Subject {
        Layer, ///< name: the layer's name; the network it belongs to needs `needed`
        File,  ///< name: the data file; loading it needs `needed`
    };
    MemoryError(Subject subject, std::string name, std::uint64_t needed, std::uint64_t limit);
    [[nodiscard]] Subject subject() const { return m_subject; }
    [[nodiscard]] const std::string &name() const { return m_name; }
    [[nodiscard]] std::uint64_t needed() const { return m_needed; }
    [[nodiscard]] std::uint64_t limit() const { return m_limit; }

private:
    Subject m_subject;
    std::string m_name;
    std::uint64_t m_needed, m_limit;
};

/// Throws MemoryError(subject, name, bytes, limit) when `bytes` is above memoryLimit().
void requireMemory(std::uint64_t bytes, MemoryError::Subject subject, const std::string &name);

} // namespace nnp
