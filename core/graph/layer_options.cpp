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

std::string OptionSpec::check(const OptionValue &v) const
{
    const auto between = [&] {
        return "must be " + std::string(minExclusive ? "above " : "at least ") + number(min) + " and " +
               (maxExclusive ? "below " : "at most ") + number(max);
    };
    const auto inRange = [&](double x) {
        return std::isfinite(x) && (minExclusive ? x > min : x >= min) && (maxExclusive ? x < max : x <= max);
    };
    switch (type) {
    case OptionType::Int:
        if (const int *i = std::get_if<int>(&v)) return inRange(*i) ? std::string() : between();
        return "must be a whole number";
    case OptionType::Double:
        if (const double *d = std::get_if<double>(&v)) return inRange(*d) ? std::string() : between();
        if (const int *i = std::get_if<int>(&v)) return inRange(*i) ? std::string() : between();
        return "must be a number";
    case OptionType::Bool:
        return std::holds_alternative<bool>(v) ? std::string() : "must be true or false";
    case OptionType::IntList:
        if (const auto *l = std::get_if<std::vector<int>>(&v)) {
            if (static_cast<int>(l->size()) < minCount || static_cast<int>(l->size()) > maxCount)
                return "needs " + std::to_string(minCount) + " to " + std::to_string(maxCount) + " sizes";
            for (int x : *l)
                if (!inRange(x)) return "has a size outside " + number(min) + " to " + number(max);
            return {};
        }
        return "must be a list of sizes";
    case OptionType::Choice:
        if (const auto *s = std::get_if<std::string>(&v)) {
            for (const auto &c : choices)
                if (c == *s) return {};
            std::string all;
            for (const auto &c : choices)
                all += (all.empty() ? "" : ", ") + c;
            return "must be one of " + all;
        }
        return "must be a name";
    }
    return {};
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
