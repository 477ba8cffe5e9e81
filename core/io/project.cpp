#include "io/project.h"
#include "io/data_files.h"

#include "io/json_cursor.h"
#include "io/project_format.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

#if defined(__unix__) || defined(__APPLE__)
#include <fcntl.h>
#include <unistd.h>
#endif

namespace nnp {

namespace {

std::string composeMessage(const std::string &path, const std::string &jsonPath, const std::string &message)
{
    std::string r = path.empty() ? std::string("project") : path;
    r += ": ";
    if (!jsonPath.empty()) r += jsonPath + ": ";
    return r + message;
}

struct TextPosition {
    std::size_t line = 1, column = 1;
};

TextPosition positionOf(std::string_view text, std::size_t offset)
{
    TextPosition p;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++p.column; // count characters, not UTF-8 continuation bytes
        }
    }
    return p;
}

[[noreturn]] void failAt(const std::string &file, std::string_view text, std::size_t offset,
                         const std::string &what, const std::string &detail = {})
{
    const TextPosition p = positionOf(text, offset);
    throw ProjectError(file, "",
                       what + " at line " + std::to_string(p.line) + ", column " + std::to_string(p.column) +
                           (detail.empty() ? std::string(".") : ": " + detail + "."));
}

/// Length of the valid UTF-8 sequence at text[i], or 0 (overlong forms, surrogates and > U+10FFFF are
/// invalid).
std::size_t utf8Length(std::string_view text, std::size_t i)
{
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        lo = c == 0xE0 ? 0xA0 : 0x80;
        hi = c == 0xED ? 0x9F : 0xBF;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        lo = c == 0xF0 ? 0x90 : 0x80;
        hi = c == 0xF4 ? 0x8F : 0xBF;
    } else
        return 0;
    if (i + n > text.size() || b(1) < lo || b(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if ((b(k) & 0xC0) != 0x80) return 0;
    return n;
}

/// Before the JSON parser sees the text: valid UTF-8, no NUL, nesting and value count bounded (a "depth bomb"
/// or millions of tiny values would otherwise cost the parser far more memory than the file's size).
void prescan(std::string_view text, const std::string &file)
{
    int depth = 0;
    std::size_t values = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        if (c == '\0') failAt(file, text, i, "this is not a project file: it holds binary data");
        const std::size_t n = utf8Length(text, i);
        if (n == 0) failAt(file, text, i, "this is not a project file: it is not UTF-8 text");
        if (inString) {
            if (c == '\\')
                i += (i + 1 < text.size()) ? 1 : 0;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > io::kMaxJsonDepth)
                failAt(file, text, i,
                       "the JSON nests deeper than " + std::to_string(io::kMaxJsonDepth) + " levels");
            ++values;
        } else if (c == ']' || c == '}') {
            --depth;
        } else if (c == ',') {
            if (++values > io::kMaxJsonValues) failAt(file, text, i, "the JSON holds too many values");
        }
        i += n;
    }
}

} // namespace

ProjectError::ProjectError(std::string path, std::string jsonPath, const std::string &message)
    : std::runtime_error(composeMessage(path, jsonPath, message)), m_path(std::move(path)),
      m_jsonPath(std::move(jsonPath)), m_message(message)
{
}

std::string_view toString(EvalSplit s)
{
    switch (s) {
    case EvalSplit::Train:
        return "train";
    case EvalSplit::Validation:
        return "validation";
    case EvalSplit::Test:
        return "test";
    }
    return "?";
}

std::optional<EvalSplit> evalSplitFromString(std::string_view s)
{
    for (auto k : {EvalSplit::Train, EvalSplit::Validation, EvalSplit::Test})
        if (toString(k) == s) return k;
    return std::nullopt;
}

std::string_view toString(ExpectMetric m)
{
    switch (m) {
    case ExpectMetric::Accuracy:
        return "accuracy";
    case ExpectMetric::Loss:
        return "loss";
    case ExpectMetric::Mae:
        return "mae";
    case ExpectMetric::R2:
        return "r2";
    }
    return "?";
}

std::optional<ExpectMetric> expectMetricFromString(std::string_view s)
{
    for (auto k : {ExpectMetric::Accuracy, ExpectMetric::Loss, ExpectMetric::Mae, ExpectMetric::R2})
        if (toString(k) == s) return k;
    return std::nullopt;
}

Project parseProject(std::string_view text, const std::string &file)
{
    if (text.size() > kMaxProjectFileBytes)
        throw ProjectError(file, "",
                           "the file is too large to be a project (" + std::to_string(text.size()) +
                               " bytes; the limit is " + std::to_string(kMaxProjectFileBytes) + ").");
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw ProjectError(file, "", "the file is empty.");
    prescan(text, file);
    io::Json root;
    try {
        root = io::Json::parse(text);
    } catch (const io::Json::parse_error &e) {
        // nlohmann's message says what it expected; keep that part, give our own position.
        std::string reason = e.what();
        if (const auto at = reason.find("column "); at != std::string::npos)
            if (const auto colon = reason.find(": ", at); colon != std::string::npos)
                reason = reason.substr(colon + 2);
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const bool truncated = e.byte >= text.size();
        failAt(file, text, offset,
               truncated ? "the file ends too early (truncated?)" : "the file is not valid JSON", reason);
    } catch (const io::Json::exception &e) {
        // out_of_range: a number beyond what a double holds ("1e999"); nlohmann gives no position for it.
        std::string reason = e.what();
        if (const auto end = reason.find("] "); end != std::string::npos) reason = reason.substr(end + 2);
        throw ProjectError(file, "", "the file is not valid JSON (" + reason + ").");
    }
    return io::projectFromJson(root, file);
}

Project loadProject(const std::filesystem::path &file)
{
    const std::string name = file.string();
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) throw ProjectError(name, "", "the file does not exist.");
    if (std::filesystem::is_directory(file, ec))
        throw ProjectError(name, "", "this is a folder, not a project file.");
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw ProjectError(name, "", "the file cannot be read (" + ec.message() + ").");
    if (size > kMaxProjectFileBytes)
        throw ProjectError(name, "",
                           "the file is too large to be a project (" + std::to_string(size) +
                               " bytes; the limit is " + std::to_string(kMaxProjectFileBytes) + ").");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ProjectError(name, "", "the file cannot be opened for reading.");
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (in.gcount() != static_cast<std::streamsize>(size))
        throw ProjectError(name, "", "the file could not be read completely.");
    return parseProject(text, name);
}

namespace {

bool leavesFolder(const std::filesystem::path &relative)
{
    const auto normal = relative.lexically_normal();
    return !normal.empty() && *normal.begin() == "..";
}

/// Relative paths that would leave the target's folder become absolute, so the file opens again.
void anchorDataPaths(Project &p, const std::filesystem::path &file)
{
    const std::filesystem::path dir = std::filesystem::absolute(file).parent_path();
    for (std::string *s : dataPathFields(p)) {
        if (s->empty()) continue;
        const std::filesystem::path rel(*s);
        if (rel.is_relative() && leavesFolder(rel)) *s = (dir / rel).lexically_normal().string();
    }
}

void writeAll(const std::filesystem::path &tmp, const std::string &text, const std::string &name)
{
#if defined(__unix__) || defined(__APPLE__)
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        throw ProjectError(name, "",
                           "cannot create a temporary file beside it (" + std::string(std::strerror(errno)) +
                               ").");
    std::size_t done = 0;
    while (done < text.size()) {
        const auto n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const std::string why = std::strerror(errno);
            ::close(fd);
            std::filesystem::remove(tmp);
            throw ProjectError(name, "", "writing failed (" + why + ").");
        }
        done += static_cast<std::size_t>(n);
    }
    // fsync before rename: after a crash the file is either the old one or the complete new one.
    const bool synced = ::fsync(fd) == 0;
    if (::close(fd) != 0 || !synced) {
        std::filesystem::remove(tmp);
        throw ProjectError(name, "", "writing failed (the data could not be flushed to disk).");
    }
#else
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.close();
    if (!out) {
        std::filesystem::remove(tmp);
        throw ProjectError(name, "", "writing failed.");
    }
#endif
}

} // namespace

void rebaseDataPaths(Project &project, const std::filesystem::path &fromDir,
                     const std::filesystem::path &toDir)
{
    const auto from = std::filesystem::absolute(fromDir), to = std::filesystem::absolute(toDir);
    Project &p = project;
    for (std::string *s : dataPathFields(p)) {
        if (s->empty() || std::filesystem::path(*s).is_absolute()) continue;
        const auto full = (from / *s).lexically_normal();
        const auto rel = full.lexically_relative(to);
        *s = rel.empty() || leavesFolder(rel) ? full.string() : rel.string();
    }
}

void saveProject(const Project &project, const std::filesystem::path &file)
{
    Project p = project;
    if (!checkWeightsAgainstGraph(p).empty()) {
        p.weights.clear();
        p.normalizer.reset();
        p.targetScaler.reset();
        p.csvSchema.reset();
        p.trainerState.reset();
    }
    anchorDataPaths(p, file);
    const std::string name = file.string();
    std::string text;
    try {
        text = projectToText(p);
    } catch (const ProjectError &e) { // name the file it was saved to
        throw ProjectError(name, e.jsonPath(), e.message());
    }
    std::random_device rd;
    const std::filesystem::path tmp =
        file.string() + ".tmp-" + std::to_string(rd() % 1000000u) + "-" + std::to_string(rd() % 1000000u);
    writeAll(tmp, text, name);
    std::error_code ec;
    std::filesystem::rename(tmp, file, ec);
    if (ec) {
        const std::string why = ec.message(); // before the clean-up reuses ec
        std::filesystem::remove(tmp, ec);
        throw ProjectError(name, "", "the saved file could not replace the old one (" + why + ").");
    }
}

} // namespace nnp
