#pragma once
// A layer's options as typed values keyed by name. Each kind declares its keys (`OptionKey<T>`: the name in
// the project file and the default) beside its implementation and describes them once more for people and
// files in its schema (`OptionSpec`: range, label, when shown). Code reads and writes options through the
// typed keys, so a wrong type does not compile; readers, writers and forms walk the schema.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

// Marks English text in the core for Qt's lupdate without depending on Qt (the UI translates it in `scope`).
// Token for token Qt's own definition, so including both is no redefinition.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(scope, x) x
#endif

namespace nnp {

/// English text with placeholders %1, %2 … (as Qt's QString::arg), filled with `args` in one pass: a value
/// that itself holds "%2" stays as it is, and so does a placeholder without a value.
std::string fillPlaceholders(std::string_view format, const std::vector<std::string> &args);

enum class ActivationKind { Linear, ReLU, LeakyReLU, ELU, GELU, Tanh, Sigmoid, Softplus };

enum class InitKind { Uniform05, GlorotUniform, GlorotNormal, HeUniform, HeNormal, Zeros };

// Stable names, used by files, the CLI and the UI.
std::string_view toString(ActivationKind k);
std::string_view toString(InitKind k);
std::optional<ActivationKind> activationFromString(std::string_view s);
std::optional<InitKind> initFromString(std::string_view s);
const std::vector<ActivationKind> &allActivations();
const std::vector<InitKind> &allInits();

/// What an option holds: a whole number, a real number, a switch, a list of sizes (a shape), or one of a
/// fixed set of names (an enum, stored by its stable name).
using OptionValue = std::variant<int, double, bool, std::vector<int>, std::string>;

enum class OptionType { Int, Double, Bool, IntList, Choice };

/// How an enum option converts to and from its stored name. Specialised for each enum used as an option.
template <class E> struct ChoiceNames;
template <> struct ChoiceNames<ActivationKind> {
    static std::string_view name(ActivationKind k) { return toString(k); }
    static std::optional<ActivationKind> parse(std::string_view s) { return activationFromString(s); }
    static std::vector<std::string> all();
};
template <> struct ChoiceNames<InitKind> {
    static std::string_view name(InitKind k) { return toString(k); }
    static std::optional<InitKind> parse(std::string_view s) { return initFromString(s); }
    static std::vector<std::string> all();
};

/// A typed option: its name in the project file and its default. T is int, double, bool, std::vector<int> or
/// an enum with ChoiceNames.
template <class T> struct OptionKey {
    std::string_view name;
    T def;
};

template <class T> constexpr OptionType optionTypeOf()
{
    if constexpr (std::is_same_v<T, int>)
        return OptionType::Int;
    else if constexpr (std::is_same_v<T, double>)
        return OptionType::Double;
    else if constexpr (std::is_same_v<T, bool>)
        return OptionType::Bool;
    else if constexpr (std::is_same_v<T, std::vector<int>>)
        return OptionType::IntList;
    else
        return OptionType::Choice;
}

template <class T> OptionValue toOptionValue(const T &v)
{
    if constexpr (optionTypeOf<T>() == OptionType::Choice)
        return std::string(ChoiceNames<T>::name(v));
    else
        return v;
}

/// Option values of one node. Only values that differ from their key's default are stored, so two option sets
/// that mean the same compare equal.
class LayerOptions {
public:
    template <class T> [[nodiscard]] T get(const OptionKey<T> &key) const
    {
        const auto it = m_values.find(key.name);
        if (it == m_values.end()) return key.def;
        if constexpr (optionTypeOf<T>() == OptionType::Choice) {
            if (const auto *s = std::get_if<std::string>(&it->second))
                return ChoiceNames<T>::parse(*s).value_or(key.def);
            return key.def;
        } else {
            if (const auto *v = std::get_if<T>(&it->second)) return *v;
            return key.def;
        }
    }
    template <class T> LayerOptions &set(const OptionKey<T> &key, const std::type_identity_t<T> &value)
    {
        setValue(key.name, toOptionValue(value), toOptionValue(key.def));
        return *this;
    }
    /// Untyped access for readers, writers and forms that walk a schema.
    [[nodiscard]] const OptionValue *find(std::string_view name) const;
    void setValue(std::string_view name, OptionValue value, const OptionValue &def);
    [[nodiscard]] const std::map<std::string, OptionValue, std::less<>> &values() const { return m_values; }
    bool operator==(const LayerOptions &) const = default;

private:
    std::map<std::string, OptionValue, std::less<>> m_values;
};

/// How one option of a kind is checked, shown and stored. Made from the kind's OptionKey with option().
struct OptionSpec {
    std::string name; ///< the key in the project file ("units")
    OptionType type = OptionType::Int;
    OptionValue def;
    double min = 0, max = 0;          ///< Int, Double: the allowed range; IntList: each element's range
    bool minExclusive = false;        ///< Double: the value must be above min (an epsilon)
    bool maxExclusive = false;        ///< Double: the value must be below max (a drop rate)
    int minCount = 1, maxCount = 4;   ///< IntList: how many elements
    std::vector<std::string> choices; ///< Choice: the stable names allowed
    const char *label = "";           ///< English, translated by the UI in the context "LayerOptions"
    const char *tooltip = "";         ///< English, likewise
    /// When the option matters (the LeakyReLU slope only with LeakyReLU); null: always.
    bool (*shown)(const LayerOptions &) = nullptr;
    /// Shown on the layer's block on the canvas ("%1 units"); empty: not shown. %1 is the value.
    const char *blockText = "";
    const char *blockTextOne = ""; ///< the same for the value 1, where the language has a singular ("1 unit")
    double blockScale = 1;         ///< a number is shown times this (100 for a percentage)
    bool blockUnlessDefault = false; ///< the block shows the value only when it differs from the default

    OptionSpec &range(double lo, double hi, bool loExclusive = false, bool hiExclusive = false)
    {
        min = lo;
        max = hi;
        minExclusive = loExclusive;
        maxExclusive = hiExclusive;
        return *this;
    }
    OptionSpec &counts(int lo, int hi)
    {
        minCount = lo;
        maxCount = hi;
        return *this;
    }
    OptionSpec &text(const char *l, const char *t = "")
    {
        label = l;
        tooltip = t;
        return *this;
    }
    OptionSpec &when(bool (*f)(const LayerOptions &))
    {
        shown = f;
        return *this;
    }
    OptionSpec &onBlock(const char *format, const char *formatForOne = "", double scale = 1)
    {
        blockText = format;
        blockTextOne = formatForOne;
        blockScale = scale;
        return *this;
    }

    /// Shown on the block only when the node's value differs from the default (an Input's "ids").
    OptionSpec &onBlockUnlessDefault(const char *format)
    {
        blockText = format;
        blockUnlessDefault = true;
        return *this;
    }

    [[nodiscard]] bool isShown(const LayerOptions &o) const { return !shown || shown(o); }
    /// The node's value of this option, or the default.
    [[nodiscard]] OptionValue valueIn(const LayerOptions &o) const;
    /// What is wrong with a value: a phrase that follows the option's label, English with placeholders
    /// ("must be at least %1 and at most %2", marked for lupdate in the context "Diagnostics"), and its
    /// values.
    struct Problem {
        const char *format = "";
        std::vector<std::string> args;
    };
    /// Nothing when `v` has the right type and lies in range; else what is wrong.
    [[nodiscard]] std::optional<Problem> problem(const OptionValue &v) const;
    /// problem() in English ("must be at least 1 and at most 100000"); empty when the value is fine.
    [[nodiscard]] std::string check(const OptionValue &v) const;
};

template <class T> OptionSpec option(const OptionKey<T> &key)
{
    OptionSpec s;
    s.name = std::string(key.name);
    s.type = optionTypeOf<T>();
    s.def = toOptionValue(key.def);
    if constexpr (optionTypeOf<T>() == OptionType::Choice) s.choices = ChoiceNames<T>::all();
    if constexpr (optionTypeOf<T>() == OptionType::Bool) s.max = 1;
    return s;
}

/// "4", "0.01", "true", "28x28", "relu": an option value as text for messages and generated comments.
std::string optionText(const OptionValue &v);

} // namespace nnp
