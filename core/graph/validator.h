#pragma once
// Shape inference and structural checks. Problems in the user's graph are data, never exceptions.

#include "graph/graph_spec.h"

#include <map>
#include <string>
#include <vector>

namespace nnp {

enum class Severity { Warning, Error };

enum class DiagnosticCode {
    EmptyGraph,
    DuplicateId,
    DanglingEdge,
    DuplicatePort,
    Cycle,
    NoInputNode,
    NoOutput,
    SeveralOutputs,
    InputHasIncoming,
    MissingInput,
    TooManyInputs,
    TooFewInputs,
    NotFlat,
    ShapeMismatch,
    BadOption,
    TooLarge,
    Unreachable,
    DuplicateName,
    NeedsIds, ///< a layer that looks up integer ids (Embedding) is fed real values
    // The network against its loss and data (core/train/fit_check.h): the classic mistakes.
    OutputNotSigmoid,
    SoftmaxWithBinaryLoss,
    SeveralOutputsWithBinaryLoss,
    NoSoftmaxForCategorical,
    ClassLossOnRegression,
    InputsVsFeatures,
    OutputsVsClasses,
    OutputsVsTargets,
    UnscaledTarget, ///< a regression target far from unit scale, trained without target scaling
};

/// One value put into a diagnostic's text. The UI translates the text and some kinds of value; `english()` is
/// the text the CLI prints.
struct DiagnosticArg {
    enum class Kind {
        Value,  ///< a number, a user's name, a shape ("28x28x1"): put in as it is
        Node,   ///< a node as "Dense 'hidden1'": its kind's title (translated by the UI) and its name
        Option, ///< an option's label ("Units"), English, translated by the UI in the context "LayerOptions"
        Phrase, ///< a part of a sentence with its own template (context "Diagnostics") and values
    };
    Kind kind = Kind::Value;
    std::string text;                     ///< Value: the value; Node: the node's name
    LayerKind layer = LayerKind::Input;   ///< Node: its kind
    const char *format = "";              ///< Option: the label; Phrase: the template
    std::vector<DiagnosticArg> args = {}; ///< Phrase: its values

    static DiagnosticArg value(std::string text);
    static DiagnosticArg value(long long number);
    static DiagnosticArg node(const NodeSpec &n);
    static DiagnosticArg option(const char *label);
    static DiagnosticArg phrase(const char *format, std::vector<DiagnosticArg> args);

    [[nodiscard]] std::string english() const;
};

/// How a node is named in messages, "%1 '%2'": its kind and its name (context "Diagnostics").
extern const char *const kNodeLabelFormat;

/// A problem found in the graph. Its text is a template, English with placeholders %1, %2 … marked for
/// lupdate in the context "Diagnostics", and the values that fill them: the UI translates both
/// (diagnosticText), the CLI prints message(). Tests check `code` (and `args`), not the wording.
struct Diagnostic {
    NodeId node = -1; ///< -1: the graph as a whole
    Severity severity = Severity::Error;
    DiagnosticCode code = DiagnosticCode::BadOption;
    const char *format = ""; ///< the template; says what to do
    std::vector<DiagnosticArg> args = {};

    [[nodiscard]] std::string message() const; ///< the English text
};

struct ValidationResult {
    std::vector<Diagnostic> diagnostics;
    std::map<NodeId, Shape> shapes; ///< output shape of every node whose shape could be inferred
    std::vector<NodeId> order;      ///< topological order (only when there is no cycle)
    std::vector<NodeId> inputs;     ///< Input nodes, in the order of GraphSpec::nodes
    NodeId output = -1;             ///< the single node nothing consumes
    long long parameterCount = 0;

    [[nodiscard]] bool ok() const;
    [[nodiscard]] std::vector<Diagnostic> forNode(NodeId id) const;
    [[nodiscard]] std::string summary() const; ///< every error, one per line
};

/// Limits that keep a typo ("units: 1000000") from eating the machine.
inline constexpr long long kMaxParametersPerLayer = 50'000'000;
inline constexpr long long kMaxInputSize = 10'000'000;

ValidationResult validate(const GraphSpec &graph);

/// Number of trainable parameters a node of this kind has, given its input shapes (flat sizes).
long long parameterCount(const NodeSpec &node, const std::vector<Shape> &inputShapes);

} // namespace nnp
