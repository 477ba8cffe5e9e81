#include "graph/validator.h"

#include "checked.h"
#include "layers/layer_registry.h"
#include "layers/simple_layers.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace nnp {

bool ValidationResult::ok() const
{
    return std::none_of(diagnostics.begin(), diagnostics.end(),
                        [](const Diagnostic &d) { return d.severity == Severity::Error; });
}

std::vector<Diagnostic> ValidationResult::forNode(NodeId id) const
{
    std::vector<Diagnostic> r;
    for (const auto &d : diagnostics)
        if (d.node == id) r.push_back(d);
    return r;
}

std::string ValidationResult::summary() const
{
    std::string s;
    for (const auto &d : diagnostics)
        if (d.severity == Severity::Error) s += (s.empty() ? "" : "\n") + d.message();
    return s;
}

const char *const kNodeLabelFormat = QT_TRANSLATE_NOOP("Diagnostics", "%1 '%2'");

DiagnosticArg DiagnosticArg::value(std::string text)
{
    return {Kind::Value, std::move(text)};
}

DiagnosticArg DiagnosticArg::value(long long number)
{
    return value(std::to_string(number));
}

DiagnosticArg DiagnosticArg::node(const NodeSpec &n)
{
    return {Kind::Node, n.name, n.kind};
}

DiagnosticArg DiagnosticArg::option(const char *label)
{
    return {Kind::Option, {}, LayerKind::Input, label};
}

DiagnosticArg DiagnosticArg::phrase(const char *format, std::vector<DiagnosticArg> args)
{
    return {Kind::Phrase, {}, LayerKind::Input, format, std::move(args)};
}

namespace {
std::vector<std::string> englishArgs(const std::vector<DiagnosticArg> &args)
{
    std::vector<std::string> r;
    r.reserve(args.size());
    for (const auto &a : args)
        r.push_back(a.english());
    return r;
}
} // namespace

std::string DiagnosticArg::english() const
{
    switch (kind) {
    case Kind::Value:
        return text;
    case Kind::Node: // the kind's name in files, as the CLI calls it (the UI shows its translated title)
        return fillPlaceholders(kNodeLabelFormat, {std::string(toString(layer)), text});
    case Kind::Option:
        return format;
    case Kind::Phrase:
        return fillPlaceholders(format, englishArgs(args));
    }
    return text;
}

std::string Diagnostic::message() const
{
    return fillPlaceholders(format, englishArgs(args));
}

long long parameterCount(const NodeSpec &node, const std::vector<Shape> &inputShapes)
{
    return trainableCount(layerKind(node.kind), node.options, inputShapes);
}

namespace {

DiagnosticArg label(const NodeSpec &n)
{
    return DiagnosticArg::node(n);
}

DiagnosticArg value(long long number)
{
    return DiagnosticArg::value(number);
}

struct Checker {
    const GraphSpec &g;
    ValidationResult r;

    /// `format`: English with placeholders, marked with QT_TRANSLATE_NOOP("Diagnostics", …); `args` fill
    /// them.
    void error(NodeId id, DiagnosticCode code, const char *format, std::vector<DiagnosticArg> args = {})
    {
        r.diagnostics.push_back({id, Severity::Error, code, format, std::move(args)});
    }
    void warning(NodeId id, DiagnosticCode code, const char *format, std::vector<DiagnosticArg> args = {})
    {
        r.diagnostics.push_back({id, Severity::Warning, code, format, std::move(args)});
    }
    /// Only errors stop a node's checks: a warning (a duplicate name) must not leave it without a shape.
    [[nodiscard]] bool hasError(NodeId id) const
    {
        return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [id](const Diagnostic &d) {
            return d.node == id && d.severity == Severity::Error;
        });
    }

    bool checkStructure();
    void topologicalOrder();
    void inferShapes();
    void checkInputTotal();
    void checkOptions(const NodeSpec &n);
    bool checkIds(const NodeSpec &n, const std::vector<EdgeSpec> &edges);
    std::optional<Shape> infer(const NodeSpec &n, const std::vector<Shape> &in);
};

bool Checker::checkStructure()
{
    if (g.nodes.empty()) {
        error(
            -1, DiagnosticCode::EmptyGraph,
            QT_TRANSLATE_NOOP("Diagnostics", "The network is empty — drag an Input layer onto the canvas."));
        return false;
    }
    std::set<NodeId> ids;
    std::set<std::string> names;
    bool fine = true;
    for (const auto &n : g.nodes) {
        if (!ids.insert(n.id).second) {
            error(n.id, DiagnosticCode::DuplicateId,
                  QT_TRANSLATE_NOOP("Diagnostics", "Two layers share the id %1."), {value(n.id)});
            fine = false;
        }
        if (!n.name.empty() && !names.insert(n.name).second)
            warning(n.id, DiagnosticCode::DuplicateName,
                    QT_TRANSLATE_NOOP("Diagnostics",
                                      "Another layer is also called '%1' — give each layer its own name."),
                    {DiagnosticArg::value(n.name)});
    }
    std::set<std::pair<NodeId, int>> ports;
    for (const auto &e : g.edges) {
        if (!ids.count(e.from) || !ids.count(e.to)) {
            error(ids.count(e.to) ? e.to : -1, DiagnosticCode::DanglingEdge,
                  QT_TRANSLATE_NOOP("Diagnostics", "A wire connects to a layer that does not exist (id %1)."),
                  {value(ids.count(e.from) ? e.to : e.from)});
            fine = false;
            continue;
        }
        if (e.port < 0 || !ports.insert({e.to, e.port}).second) {
            error(e.to, DiagnosticCode::DuplicatePort,
                  QT_TRANSLATE_NOOP("Diagnostics", "%1 has two wires into the same input slot %2."),
                  {label(*g.find(e.to)), value(e.port)});
            fine = false;
        }
    }
    return fine;
}

void Checker::topologicalOrder()
{
    std::map<NodeId, int> indegree;
    for (const auto &n : g.nodes)
        indegree[n.id] = 0;
    for (const auto &e : g.edges)
        ++indegree[e.to];
    std::vector<NodeId> ready;
    for (const auto &n : g.nodes) // keep the file's order among ready nodes: deterministic
        if (indegree[n.id] == 0) ready.push_back(n.id);
    std::size_t head = 0;
    while (head < ready.size()) {
        NodeId id = ready[head++];
        r.order.push_back(id);
        for (const auto &e : g.edges)
            if (e.from == id && --indegree[e.to] == 0) ready.push_back(e.to);
    }
    if (r.order.size() != g.nodes.size()) {
        for (const auto &n : g.nodes)
            if (indegree[n.id] > 0)
                error(
                    n.id, DiagnosticCode::Cycle,
                    QT_TRANSLATE_NOOP("Diagnostics",
                                      "%1 is part of a loop — a network must flow one way; remove one of the "
                                      "wires."),
                    {label(n)});
        r.order.clear();
    }
}

void Checker::checkOptions(const NodeSpec &n)
{
    const LayerKindInfo &info = layerKind(n.kind);
    for (const OptionSpec &o : info.options) {
        if (const auto problem = o.problem(o.valueIn(n.options))) {
            std::vector<DiagnosticArg> values;
            for (const std::string &v : problem->args)
                values.push_back(DiagnosticArg::value(v));
            // "Dense 'n2': Units must be at least 1 and at most 100000."
            error(n.id, DiagnosticCode::BadOption, QT_TRANSLATE_NOOP("Diagnostics", "%1: %2 %3."),
                  {label(n), DiagnosticArg::option(o.label),
                   DiagnosticArg::phrase(problem->format, std::move(values))});
        }
    }
}

/// A kind that looks up integer ids (Embedding) must be fed by an Input whose values are ids: real values
/// (or ids that went through another layer) are no ids. The reverse, a Dense on raw ids, is allowed.
bool Checker::checkIds(const NodeSpec &n, const std::vector<EdgeSpec> &edges)
{
    if (!layerKind(n.kind).traits.integerIds) return true;
    for (const EdgeSpec &e : edges) {
        const NodeSpec &from = *g.find(e.from);
        if (from.kind == LayerKind::Input && from.options.get(opt::input::values) == InputValues::Ids)
            continue;
        if (from.kind == LayerKind::Input)
            error(n.id, DiagnosticCode::NeedsIds,
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "%1 looks up integer ids, but %2 gives real values — set that Input's "
                                    "values to ids."),
                  {label(n), label(from)});
        else
            error(n.id, DiagnosticCode::NeedsIds,
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "%1 looks up integer ids, but %2 computes real values — wire an Input "
                                    "whose values are ids straight into it."),
                  {label(n), label(from)});
        return false;
    }
    return true;
}

std::optional<Shape> Checker::infer(const NodeSpec &n, const std::vector<Shape> &in)
{
    const LayerKindInfo &info = layerKind(n.kind);
    const int count = static_cast<int>(in.size());
    if (count < info.traits.minInputs) {
        if (count == 0)
            error(n.id, DiagnosticCode::MissingInput,
                  QT_TRANSLATE_NOOP("Diagnostics", "%1 has no input — connect a layer to it."), {label(n)});
        else if (info.traits.maxInputs == 2)
            error(n.id, DiagnosticCode::TooFewInputs,
                  QT_TRANSLATE_NOOP("Diagnostics", "%1 takes two inputs — connect another layer."),
                  {label(n)});
        else
            error(n.id, DiagnosticCode::TooFewInputs,
                  QT_TRANSLATE_NOOP("Diagnostics", "%1 takes two or more inputs — connect another layer."),
                  {label(n)});
        return std::nullopt;
    }
    if (count > info.traits.maxInputs) {
        if (info.traits.maxInputs == 1)
            error(n.id, DiagnosticCode::TooManyInputs,
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "%1 takes one input but %2 are connected — merge them first "
                                    "with Concatenate or Add."),
                  {label(n), value(count)});
        else
            error(n.id, DiagnosticCode::TooManyInputs,
                  QT_TRANSLATE_NOOP("Diagnostics", "%1 takes two inputs but %2 are connected."),
                  {label(n), value(count)});
        return std::nullopt;
    }
    ShapeCheck check(n, in);
    std::optional<Shape> out = info.inferShape(check);
    for (Diagnostic &d : check.errors)
        r.diagnostics.push_back(std::move(d));
    return check.errors.empty() ? out : std::nullopt;
}

void Checker::inferShapes()
{
    for (NodeId id : r.order) {
        const NodeSpec &n = *g.find(id);
        checkOptions(n);
        const auto edges = g.inputsOf(id);
        if (layerKind(n.kind).traits.maxInputs == 0 && !edges.empty()) {
            error(id, DiagnosticCode::InputHasIncoming,
                  QT_TRANSLATE_NOOP("Diagnostics", "%1 is an input: nothing can be wired into it."),
                  {label(n)});
            continue;
        }
        std::vector<Shape> in;
        bool known = true;
        for (const auto &e : edges) {
            auto it = r.shapes.find(e.from);
            if (it == r.shapes.end())
                known = false;
            else
                in.push_back(it->second);
        }
        if (!known) continue; // the problem is reported upstream
        if (hasError(id))     // an Input with a bad shape gets none: its size may not even fit in 64 bits
            continue;
        if (!checkIds(n, edges)) continue;
        if (auto s = infer(n, in)) {
            r.shapes[id] = *s;
            r.parameterCount = saturatingAdd(r.parameterCount, parameterCount(n, in));
        }
    }
}

void Checker::checkInputTotal()
{
    // The network takes all its Inputs' values in one column per sample: their sum is bounded like any
    // layer's size (summed in 64 bits, it once wrapped to a small number that data then matched).
    long long total = 0;
    for (NodeId id : r.inputs) {
        const auto it = r.shapes.find(id);
        if (it == r.shapes.end()) continue;
        total = saturatingAdd(total, it->second.size());
        if (total > kMaxInputSize) {
            error(id, DiagnosticCode::TooLarge,
                  QT_TRANSLATE_NOOP("Diagnostics",
                                    "%1 brings the network's inputs to more than %2 values per sample "
                                    "together — use fewer or smaller inputs."),
                  {label(*g.find(id)), value(kMaxInputSize)});
            return;
        }
    }
}

} // namespace

ValidationResult validate(const GraphSpec &graph)
{
    Checker c{graph, {}};
    if (!c.checkStructure()) return std::move(c.r);
    c.topologicalOrder();
    if (c.r.order.empty()) return std::move(c.r);
    for (const auto &n : graph.nodes)
        if (n.kind == LayerKind::Input) c.r.inputs.push_back(n.id);
    if (c.r.inputs.empty())
        c.error(
            -1, DiagnosticCode::NoInputNode,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "The network has no Input layer — add one and wire it to the first layer."));
    c.inferShapes();
    c.checkInputTotal();

    // Every node must be fed by an input; exactly one node is the output.
    std::set<NodeId> reached(c.r.inputs.begin(), c.r.inputs.end());
    for (NodeId id : c.r.order)
        for (const auto &e : graph.outputsOf(id))
            if (reached.count(id)) reached.insert(e.to);
    std::vector<NodeId> sinks;
    for (const auto &n : graph.nodes) {
        if (!reached.count(n.id) && n.kind != LayerKind::Input && !c.hasError(n.id))
            c.error(n.id, DiagnosticCode::Unreachable,
                    QT_TRANSLATE_NOOP(
                        "Diagnostics",
                        "%1 is not connected to any Input — wire it into the network or delete it."),
                    {label(n)});
        if (graph.outputsOf(n.id).empty()) sinks.push_back(n.id);
    }
    if (sinks.size() == 1)
        c.r.output = sinks.front();
    else if (sinks.size() > 1 && !c.r.inputs.empty()) {
        for (NodeId s : sinks) {
            const NodeSpec &n = *graph.find(s);
            c.error(s, DiagnosticCode::SeveralOutputs,
                    QT_TRANSLATE_NOOP("Diagnostics", "%1 is a loose end: the network must end in exactly one "
                                                     "layer — connect it onward or delete it."),
                    {label(n)});
        }
    } else if (sinks.empty())
        c.error(-1, DiagnosticCode::NoOutput,
                QT_TRANSLATE_NOOP("Diagnostics", "The network has no output layer."));
    if (c.r.output >= 0 && graph.find(c.r.output)->kind == LayerKind::Input && graph.nodes.size() > 1)
        c.r.output = -1;
    return std::move(c.r);
}

} // namespace nnp
