#pragma once
// Internal to the project reader: walks a parsed JSON document, keeping the JSON path (RFC 6901) of where it
// is, so that every problem is reported as "file: /graph/nodes/2/options/units: what is wrong".

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace nnp::io {

using Json = nlohmann::json;

class JsonCursor {
public:
    JsonCursor(const Json &json, std::string path, const std::string &file);

    [[noreturn]] void fail(const std::string &message) const;
    [[nodiscard]] const std::string &path() const { return m_path; }
    [[nodiscard]] const Json &json() const { return *m_json; }

    /// Requires an object whose keys are all in `allowed` (a typo in a hand-edited file is reported, not
    /// silently ignored).
    void expectObject(std::initializer_list<std::string_view> allowed) const;
    [[nodiscard]] JsonCursor at(std::string_view key) const; ///< required member
    [[nodiscard]] std::optional<JsonCursor> find(std::string_view key) const;
    /// Requires an array of at most maxCount elements.
    [[nodiscard]] std::size_t arraySize(std::size_t maxCount) const;
    [[nodiscard]] JsonCursor operator[](std::size_t i) const;

    [[nodiscard]] int toInt(long long lo, long long hi) const;
    [[nodiscard]] std::uint64_t toSeed() const;                ///< a non-negative integer up to 2^64 − 1
    [[nodiscard]] double toDouble(double lo, double hi) const; ///< finite, in [lo, hi]
    /// A number, or one of the strings "NaN", "Infinity", "-Infinity" (a diverged run's losses).
    [[nodiscard]] double toDoubleOrNonFinite() const;
    [[nodiscard]] bool toBool() const;
    [[nodiscard]] std::string toString(std::size_t maxLength) const;
    /// A string that `parse` accepts; else an error listing `names`.
    template <class E, class Parse>
    [[nodiscard]] E toEnum(Parse parse, const std::vector<std::string_view> &names) const
    {
        const std::string s = toString(64);
        if (auto v = parse(s)) return *v;
        failUnknown(s, names);
    }

private:
    [[noreturn]] void failType(const char *expected) const;
    [[noreturn]] void failUnknown(const std::string &value, const std::vector<std::string_view> &names) const;

    const Json *m_json;
    std::string m_path;
    const std::string *m_file;
};

/// "a string (\"abc\")", "an array", "a number (3.5)": what a JSON value is, for messages.
std::string describeJson(const Json &j);
/// RFC 6901 escaping of one path segment ("~" -> "~0", "/" -> "~1").
std::string escapePointer(std::string_view key);

} // namespace nnp::io
