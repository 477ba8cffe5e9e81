#include "graph/layer_options.h"

#include <cmath>
#include <sstream>

namespace nnp {

namespace {
template <class E> std::vector<std::string> namesOf(const std::vector<E> &all)
{
    std::vector<std::string> r;
    for (E e : all)
        r.emplace_back(toString(e));
    return r;
}

std::string number(double v)
{
    std::ostringstream s;
    s.imbue(std::locale::classic());
    s << v;
    return s.str();
}
} // namespace

std::vector<std::string> ChoiceNames<ActivationKind>::all()
{
    return namesOf(allActivations());
}
std::vector<std::string> ChoiceNames<InitKind>::all()
{
    return namesOf(allInits());
}

const OptionValue *LayerOptions::find(std::string_view name) const
{
    const auto it = m_values.find(name);
    return it == m_values.end() ? nullptr : &it->second;
}

void LayerOptions::setValue(std::string_view name, OptionValue value, const OptionValue &def)
{
    if (value == def) {
        if (const auto it = m_values.find(name); it != m_values.end()) m_values.erase(it);
    } else {
        m_values.insert_or_assign(std::string(name), std::move(value));
    }
}

OptionValue OptionSpec::valueIn(const LayerOptions &o) const
{
    const OptionValue *v = o.find(name);
    return v && v->index() == def.index() ? *v : def;
}

std::optional<OptionSpec::Problem> OptionSpec::problem(const OptionValue &v) const
{
    // Each way of saying a range is a whole phrase, so that a translation need not assemble it from words.
    const auto between = [&]() -> Problem {
        const char *format =
            minExclusive
                ? (maxExclusive ? QT_TRANSLATE_NOOP("Diagnostics", "must be above %1 and below %2")
                                : QT_TRANSLATE_NOOP("Diagnostics", "must be above %1 and at most %2"))
                : (maxExclusive ? QT_TRANSLATE_NOOP("Diagnostics", "must be at least %1 and below %2")
                                : QT_TRANSLATE_NOOP("Diagnostics", "must be at least %1 and at most %2"));
        return {format, {number(min), number(max)}};
    };
    const auto inRange = [&](double x) {
        return std::isfinite(x) && (minExclusive ? x > min : x >= min) && (maxExclusive ? x < max : x <= max);
    };
    const auto fixed = [](const char *format) { return Problem{format, {}}; };
    switch (type) {
    case OptionType::Int:
        if (const int *i = std::get_if<int>(&v)) return inRange(*i) ? std::nullopt : std::optional(between());
        return fixed(QT_TRANSLATE_NOOP("Diagnostics", "must be a whole number"));
    case OptionType::Double:
        if (const double *d = std::get_if<double>(&v))
            return inRange(*d) ? std::nullopt : std::optional(between());
        if (const int *i = std::get_if<int>(&v)) return inRange(*i) ? std::nullopt : std::optional(between());
        return fixed(QT_TRANSLATE_NOOP("Diagnostics", "must be a number"));
    case OptionType::Bool:
        if (std::holds_alternative<bool>(v)) return std::nullopt;
        return fixed(QT_TRANSLATE_NOOP("Diagnostics", "must be true or false"));
    case OptionType::IntList:
        if (const auto *l = std::get_if<std::vector<int>>(&v)) {
            if (static_cast<int>(l->size()) < minCount || static_cast<int>(l->size()) > maxCount)
                return Problem{QT_TRANSLATE_NOOP("Diagnostics", "needs %1 to %2 sizes"),
                               {std::to_string(minCount), std::to_string(maxCount)}};
            for (int x : *l)
                if (!inRange(x))
                    return Problem{QT_TRANSLATE_NOOP("Diagnostics", "has a size outside %1 to %2"),
                                   {number(min), number(max)}};
            return std::nullopt;
        }
        return fixed(QT_TRANSLATE_NOOP("Diagnostics", "must be a list of sizes"));
    case OptionType::Choice:
        if (const auto *s = std::get_if<std::string>(&v)) {
            for (const auto &c : choices)
                if (c == *s) return std::nullopt;
            std::string all;
            for (const auto &c : choices)
                all += (all.empty() ? "" : ", ") + c;
            return Problem{QT_TRANSLATE_NOOP("Diagnostics", "must be one of %1"), {all}};
        }
        return fixed(QT_TRANSLATE_NOOP("Diagnostics", "must be a name"));
    }
    return std::nullopt;
}

std::string OptionSpec::check(const OptionValue &v) const
{
    const auto p = problem(v);
    return p ? fillPlaceholders(p->format, p->args) : std::string();
}

std::string fillPlaceholders(std::string_view format, const std::vector<std::string> &args)
{
    std::string r;
    r.reserve(format.size());
    for (std::size_t i = 0; i < format.size(); ++i) {
        std::size_t end = i + 1;
        std::size_t n = 0;
        while (end < format.size() && end < i + 3 && format[end] >= '0' && format[end] <= '9')
            n = n * 10 + static_cast<std::size_t>(format[end++] - '0');
        if (format[i] == '%' && end > i + 1 && n >= 1 && n <= args.size()) {
            r += args[n - 1];
            i = end - 1;
        } else {
            r += format[i];
        }
    }
    return r;
}

std::string optionText(const OptionValue &v)
{
    struct Visitor {
        std::string operator()(int i) const { return std::to_string(i); }
        std::string operator()(double d) const { return number(d); }
        std::string operator()(bool b) const { return b ? "true" : "false"; }
        std::string operator()(const std::vector<int> &l) const
        {
            std::string r;
            for (int x : l)
                r += (r.empty() ? "" : "x") + std::to_string(x);
            return r;
        }
        std::string operator()(const std::string &s) const { return s; }
    };
    return std::visit(Visitor{}, v);
}

} // namespace nnp
