#include "io/json_cursor.h"

#include "io/project.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nnp::io {

namespace {

std::string shortened(const std::string &s)
{
    constexpr std::size_t kShown = 40;
    return s.size() <= kShown ? s : s.substr(0, kShown) + "...";
}

std::string formatNumber(double v)
{
    std::ostringstream out;
    out.precision(10);
    out << v;
    return out.str();
}

} // namespace

std::string describeJson(const Json &j)
{
    switch (j.type()) {
    case Json::value_t::null:
        return "null";
    case Json::value_t::object:
        return "an object";
    case Json::value_t::array:
        return "an array";
    case Json::value_t::string:
        return "a string (\"" + shortened(j.get_ref<const std::string &>()) + "\")";
    case Json::value_t::boolean:
        return j.get<bool>() ? "true" : "false";
    case Json::value_t::number_integer:
        return "the number " + std::to_string(j.get<std::int64_t>());
    case Json::value_t::number_unsigned:
        return "the number " + std::to_string(j.get<std::uint64_t>());
    case Json::value_t::number_float:
        return "the number " + formatNumber(j.get<double>());
    default:
        return "an unexpected value";
    }
}

std::string escapePointer(std::string_view key)
{
    std::string r;
    for (char c : key) {
        if (c == '~')
            r += "~0";
        else if (c == '/')
            r += "~1";
        else
            r += c;
    }
    return r;
}

JsonCursor::JsonCursor(const Json &json, std::string path, const std::string &file)
    : m_json(&json), m_path(std::move(path)), m_file(&file)
{
}

void JsonCursor::fail(const std::string &message) const
{
    throw ProjectError(*m_file, m_path.empty() ? "/" : m_path, message);
}

void JsonCursor::failType(const char *expected) const
{
    fail(std::string("expected ") + expected + ", found " + describeJson(*m_json) + ".");
}

void JsonCursor::failUnknown(const std::string &value, const std::vector<std::string_view> &names) const
{
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i)
        list += (i ? ", \"" : "\"") + std::string(names[i]) + "\"";
    fail("unknown value \"" + shortened(value) + "\"; expected one of " + list + ".");
}

void JsonCursor::expectObject(std::initializer_list<std::string_view> allowed) const
{
    if (!m_json->is_object()) failType("an object");
    for (const auto &[key, value] : m_json->items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
            std::string list;
            for (std::string_view a : allowed)
                list += (list.empty() ? "\"" : ", \"") + std::string(a) + "\"";
            JsonCursor(value, m_path + "/" + escapePointer(key), *m_file)
                .fail("unknown key \"" + shortened(key) + "\" (known keys here: " + list + ").");
        }
}

JsonCursor JsonCursor::at(std::string_view key) const
{
    if (auto c = find(key)) return *c;
    fail("the required key \"" + std::string(key) + "\" is missing.");
}

std::optional<JsonCursor> JsonCursor::find(std::string_view key) const
{
    if (!m_json->is_object()) failType("an object");
    const auto it = m_json->find(key);
    if (it == m_json->end()) return std::nullopt;
    return JsonCursor(*it, m_path + "/" + escapePointer(key), *m_file);
}

std::size_t JsonCursor::arraySize(std::size_t maxCount) const
{
    if (!m_json->is_array()) failType("an array");
    if (m_json->size() > maxCount)
        fail("too many entries (" + std::to_string(m_json->size()) + "); at most " +
             std::to_string(maxCount) + " are allowed.");
    return m_json->size();
}

JsonCursor JsonCursor::operator[](std::size_t i) const
{
    return JsonCursor((*m_json)[i], m_path + "/" + std::to_string(i), *m_file);
}

int JsonCursor::toInt(long long lo, long long hi) const
{
    long long v = 0;
    if (m_json->is_number_unsigned()) {
        const auto u = m_json->get<std::uint64_t>();
        v = u > static_cast<std::uint64_t>(hi) ? hi + 1 : static_cast<long long>(u);
    } else if (m_json->is_number_integer()) {
        v = m_json->get<std::int64_t>();
    } else {
        failType("an integer");
    }
    if (v < lo || v > hi)
        fail("expected an integer from " + std::to_string(lo) + " to " + std::to_string(hi) + ", found " +
             describeJson(*m_json) + ".");
    return static_cast<int>(v);
}

std::uint64_t JsonCursor::toSeed() const
{
    if (m_json->is_number_unsigned()) return m_json->get<std::uint64_t>();
    if (m_json->is_number_integer())
        fail("expected a non-negative integer, found " + describeJson(*m_json) + ".");
    failType("a non-negative integer");
}

double JsonCursor::toDouble(double lo, double hi) const
{
    if (!m_json->is_number()) failType("a number");
    const double v = m_json->get<double>();
    if (!std::isfinite(v) || v < lo || v > hi)
        fail("expected a number from " + formatNumber(lo) + " to " + formatNumber(hi) + ", found " +
             describeJson(*m_json) + ".");
    return v;
}

double JsonCursor::toDoubleOrNonFinite() const
{
    if (m_json->is_string()) {
        const auto &s = m_json->get_ref<const std::string &>();
        if (s == "NaN") return std::nan("");
        if (s == "Infinity") return HUGE_VAL;
        if (s == "-Infinity") return -HUGE_VAL;
        fail("expected a number or \"NaN\", \"Infinity\", \"-Infinity\", found " + describeJson(*m_json) +
             ".");
    }
    if (!m_json->is_number()) failType("a number");
    return m_json->get<double>();
}

bool JsonCursor::toBool() const
{
    if (!m_json->is_boolean()) failType("true or false");
    return m_json->get<bool>();
}

std::string JsonCursor::toString(std::size_t maxLength) const
{
    if (!m_json->is_string()) failType("a string");
    const auto &s = m_json->get_ref<const std::string &>();
    if (s.size() > maxLength)
        fail("the text is too long (" + std::to_string(s.size()) + " bytes; at most " +
             std::to_string(maxLength) + ").");
    return s;
}

} // namespace nnp::io
