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
};

struct Diagnostic {
    NodeId node = -1; ///< -1: the graph as a whole
    Severity severity = Severity::Error;
    DiagnosticCode code = DiagnosticCode::BadOption;
    std::string message; ///< English, says what to do
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
