// The registry entries of SimpleRNN, LSTM and GRU (layers/recurrent.h): one description, three kinds.

#include "layers/layer_registry.h"
#include "layers/recurrent.h"

namespace nnp {

/// "%1 reads sequences [time, features] but receives %2 — …": the message every layer over time gives a
/// flat or image input, with a Reshape to suggest (%3: each value one step).
bool requireSequence(ShapeCheck &c)
{
    if (c.in[0].dims.size() == 2) return true;
    c.fail(DiagnosticCode::ShapeMismatch,
           QT_TRANSLATE_NOOP("Diagnostics",
                             "%1 reads sequences [time, features] but receives %2 — add a Reshape before it "
                             "(e.g. to %3: one value per step)."),
           {c.label, DiagnosticArg::value(c.in[0].toString()),
            DiagnosticArg::value(std::to_string(c.in[0].size()) + "x1")});
    return false;
}

namespace {

std::optional<Shape> recurrentShape(ShapeCheck &c)
{
    if (!requireSequence(c)) return std::nullopt;
    const LayerOptions &o = c.node.options;
    const long long params = trainableCount(layerKind(c.node.kind), o, c.in);
    if (params > kMaxParametersPerLayer)
        return c.fail(DiagnosticCode::TooLarge,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "%1 would have %2 parameters (the limit is %3) — use fewer units."),
                      {c.label, DiagnosticArg::value(params), DiagnosticArg::value(kMaxParametersPerLayer)});
    const int units = o.get(opt::rnn::units);
    if (!o.get(opt::rnn::returnSequences)) return Shape{units};
    const Shape out{c.in[0].dims[0], units};
    if (out.size() > kMaxInputSize)
        return c.fail(DiagnosticCode::TooLarge,
                      QT_TRANSLATE_NOOP("Diagnostics",
                                        "%1 would give %2 values per sample (the limit is %3) — use fewer "
                                        "units or return only the last state."),
                      {c.label, DiagnosticArg::value(out.size()), DiagnosticArg::value(kMaxInputSize)});
    return out;
}

template <LayerKind K>
std::vector<ParamShape> recurrentParameters(const LayerOptions &o, std::span<const Shape> in)
{
    const long long units = o.get(opt::rnn::units), rows = recurrentGates(K) * units;
    const long long features = in.empty() || in[0].dims.size() != 2 ? 0 : in[0].dims[1];
    return {{"weight_ih", rows, features},
            {"weight_hh", rows, units},
            {"bias_ih", rows, 1},
            {"bias_hh", rows, 1}};
}

template <LayerKind K> std::unique_ptr<Layer> makeRecurrent(const LayerOptions &o)
{
    return std::make_unique<Recurrent>(
        Recurrent::Options{K, o.get(opt::rnn::units), o.get(opt::rnn::returnSequences)});
}

template <LayerKind K> LayerKindInfo recurrentInfo(std::string_view fileName, LayerPresentation ui)
{
    LayerKindInfo k;
    k.kind = K;
    k.fileName = fileName;
    k.options.push_back(
        option(opt::rnn::units)
            .range(1, 100'000)
            .text(
                QT_TRANSLATE_NOOP("LayerOptions", "Units"),
                QT_TRANSLATE_NOOP("LayerOptions", "The size of the hidden state carried from step to step."))
            .onBlock(QT_TRANSLATE_NOOP("LayerOptions", "%1 units"),
                     QT_TRANSLATE_NOOP("LayerOptions", "1 unit")));
    k.options.push_back(
        option(opt::rnn::returnSequences)
            .text(QT_TRANSLATE_NOOP("LayerOptions", "Return sequences"),
                  QT_TRANSLATE_NOOP("LayerOptions",
                                    "On: the hidden state of every step [time, units] (to stack "
                                    "another recurrent layer or pool over time); off: only "
                                    "the last state [units].")));
    k.ui = ui;
    k.inferShape = recurrentShape;
    k.parameters = recurrentParameters<K>;
    k.make = makeRecurrent<K>;
    return k;
}

} // namespace

template <> const LayerKindInfo &kindInfo<LayerKind::SimpleRNN>()
{
    static const LayerKindInfo info = recurrentInfo<LayerKind::SimpleRNN>(
        "SimpleRNN", {QT_TRANSLATE_NOOP("LayerCatalog", "SimpleRNN"),
                      QT_TRANSLATE_NOOP("LayerCatalog",
                                        "Reads a sequence step by step: h = tanh(W·x + U·h₋₁ + b). Forgets "
                                        "quickly: its gradients vanish over long sequences."),
                      "simplernn", 0x6a1b9a, "rnn"});
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::LSTM>()
{
    static const LayerKindInfo info = recurrentInfo<LayerKind::LSTM>(
        "LSTM", {QT_TRANSLATE_NOOP("LayerCatalog", "LSTM"),
                 QT_TRANSLATE_NOOP("LayerCatalog",
                                   "Reads a sequence step by step with a memory cell and input, forget and "
                                   "output gates: remembers over long sequences."),
                 "lstm", 0x4a148c, "lstm"});
    return info;
}

template <> const LayerKindInfo &kindInfo<LayerKind::GRU>()
{
    static const LayerKindInfo info = recurrentInfo<LayerKind::GRU>(
        "GRU", {QT_TRANSLATE_NOOP("LayerCatalog", "GRU"),
                QT_TRANSLATE_NOOP("LayerCatalog",
                                  "Reads a sequence step by step with reset and update gates: an LSTM with "
                                  "fewer parameters."),
                "gru", 0x7b1fa2, "gru"});
    return info;
}

} // namespace nnp
