#include "train/fit_check.h"

#include "io/target_scaling.h"
#include "layers/activations.h"
#include "layers/layer_registry.h"

#include <algorithm>

namespace nnp {

DataFacts dataFacts(const Dataset &d)
{
    DataFacts f;
    f.task = d.task;
    f.features = d.features();
    f.classes = d.classes;
    f.targets = static_cast<int>(d.targets.rows());
    f.targetFarFromUnitScale = d.task == TaskKind::Regression && targetFarFromUnitScale(d.targets);
    return f;
}

namespace {

bool passesThrough(LayerKind k)
{
    return k == LayerKind::Softmax || k == LayerKind::Activation || k == LayerKind::Dropout;
}

bool hasActivation(const NodeSpec &n)
{
    return n.kind == LayerKind::Activation || layerKind(n.kind).traits.builtInActivation;
}

std::string nameOf(ActivationKind k)
{
    return std::string(toString(k));
}

/// Target rows the loss needs for this data (as prepareData lays the targets out).
int neededRows(LossKind loss, const DataFacts &data)
{
    if (data.task == TaskKind::Regression) return data.targets;
    return static_cast<int>(classTargets(loss, {}, data.classes).rows());
}

/// Output units that give `rows` target rows with this loss (SCCE: one unit per class).
int neededUnits(LossKind loss, const DataFacts &data, int rows)
{
    return loss == LossKind::SparseCategoricalCrossEntropy ? data.classes : rows;
}

struct Checks {
    const GraphSpec &g;
    const ValidationResult &v;
    const LossParams &loss;
    std::vector<FitProblem> out;

    void add(NodeId node, Severity severity, DiagnosticCode code, const char *format,
             std::vector<DiagnosticArg> args, FitFix fix = {})
    {
        out.push_back({{node, severity, code, format, std::move(args)}, fix});
    }

    void binaryLoss(const NodeSpec &o, long long units);
    void categoricalLoss(const NodeSpec &o);
    void data(const NodeSpec &o, long long units, const DataFacts &d);
};

void Checks::binaryLoss(const NodeSpec &o, long long units)
{
    if (o.kind == LayerKind::Softmax) {
        add(o.id, Severity::Error, DiagnosticCode::SoftmaxWithBinaryLoss,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "%1 ends in Softmax, but the loss is binary cross-entropy, made for one "
                              "sigmoid output — choose sparse categorical cross-entropy as the loss."),
            {DiagnosticArg::node(o)},
            {FitFix::Kind::SetLoss, o.id, ActivationKind::Linear, LossKind::SparseCategoricalCrossEntropy,
             0});
        return;
    }
    const ActivationKind act = hasActivation(o) ? o.options.get(opt::activation) : ActivationKind::Linear;
    if (act != ActivationKind::Sigmoid) {
        // A Linear (or ReLU …) output gives values outside 0…1, where log(a) and log(1 − a) do not exist:
        // the loss diverges whatever the learning rate.
        FitFix fix;
        if (hasActivation(o))
            fix = {FitFix::Kind::SetActivation, o.id, ActivationKind::Sigmoid, loss.kind, 0};
        add(o.id, Severity::Error, DiagnosticCode::OutputNotSigmoid,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "%1 is the output and its activation is %2, but binary cross-entropy needs "
                              "probabilities between 0 and 1 — set the output activation to sigmoid."),
            {DiagnosticArg::node(o), DiagnosticArg::value(hasActivation(o) ? nameOf(act) : "none")}, fix);
        return;
    }
    const bool outputsWrong = std::any_of(out.begin(), out.end(), [](const FitProblem &f) {
        return f.diagnostic.code == DiagnosticCode::OutputsVsClasses;
    });
    if (units > 1 && !outputsWrong)
        add(o.id, Severity::Warning, DiagnosticCode::SeveralOutputsWithBinaryLoss,
            QT_TRANSLATE_NOOP(
                "Diagnostics",
                "%1 has %2 sigmoid outputs with binary cross-entropy: each output learns its own "
                "yes/no question. For one class per sample, end in Softmax and use categorical "
                "cross-entropy."),
            {DiagnosticArg::node(o), DiagnosticArg::value(units)});
}

void Checks::categoricalLoss(const NodeSpec &o)
{
    if (o.kind == LayerKind::Softmax) return;
    // Without Softmax the outputs are not probabilities: the loss goes negative and means nothing.
    add(o.id, Severity::Error, DiagnosticCode::NoSoftmaxForCategorical,
        QT_TRANSLATE_NOOP(
            "Diagnostics",
            "%1 is the output, but a categorical cross-entropy needs class probabilities — add a "
            "Softmax layer after it."),
        {DiagnosticArg::node(o)}, {FitFix::Kind::AppendSoftmax, o.id, ActivationKind::Linear, loss.kind, 0});
}

void Checks::data(const NodeSpec &o, long long units, const DataFacts &d)
{
    if (d.task == TaskKind::Regression && isClassificationLoss(loss.kind)) {
        add(o.id, Severity::Error, DiagnosticCode::ClassLossOnRegression,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "The target is a continuous number (a regression), but the loss %1 needs class "
                              "labels — choose mean squared error (mse) as the loss."),
            {DiagnosticArg::value(std::string(toString(loss.kind)))},
            {FitFix::Kind::SetLoss, o.id, ActivationKind::Linear, LossKind::MSE, 0});
        return; // the output count follows from the loss, which is wrong
    }
    if (d.task == TaskKind::Regression && d.targetFarFromUnitScale && !d.targetScaled)
        // Errors of hundreds make the first steps huge: the run diverges or crawls whatever the learning
        // rate.
        add(o.id, Severity::Warning, DiagnosticCode::UnscaledTarget,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "The target is far from unit scale, so the first errors and steps are huge — "
                              "scale the target (the predictions stay in its own units)."),
            {}, {FitFix::Kind::ScaleTarget, o.id, ActivationKind::Linear, loss.kind, 0});
    long long inputs = 0;
    for (NodeId id : v.inputs)
        if (v.shapes.count(id)) inputs += v.shapes.at(id).size();
    if (inputs != d.features) {
        FitFix fix;
        if (v.inputs.size() == 1) {
            fix.kind = FitFix::Kind::SetInputShape;
            fix.node = v.inputs.front();
        }
        fix.count = static_cast<int>(d.features);
        add(v.inputs.empty() ? -1 : v.inputs.front(), Severity::Error, DiagnosticCode::InputsVsFeatures,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "The network takes %1 inputs, but the data has %2 features — set the Input "
                              "layer's shape to %2."),
            {DiagnosticArg::value(inputs), DiagnosticArg::value(d.features)}, fix);
    }
    // Softmax with binary cross-entropy: the loss is what is wrong (its fix changes it), not the units.
    if (loss.kind == LossKind::BinaryCrossEntropy && o.kind == LayerKind::Softmax) return;
    const int rows = neededRows(loss.kind, d);
    const int wanted = neededUnits(loss.kind, d, rows);
    // SCCE takes one class index per sample whatever the units, so compare the units with the classes.
    if (loss.kind == LossKind::SparseCategoricalCrossEntropy
            ? units == wanted
            : targetRows(loss.kind, static_cast<int>(units)) == rows)
        return;
    FitFix fix;
    const NodeId logits = logitsNode(g, v);
    if (logits >= 0 && g.find(logits)->kind == LayerKind::Dense)
        fix = {FitFix::Kind::SetUnits, logits, ActivationKind::Linear, loss.kind, wanted};
    if (d.task == TaskKind::Classification)
        add(o.id, Severity::Error, DiagnosticCode::OutputsVsClasses,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "%1 gives %2 outputs, but the data has %3 classes and this loss needs %4 — set "
                              "the last Dense layer's units to %4."),
            {DiagnosticArg::node(o), DiagnosticArg::value(units), DiagnosticArg::value(d.classes),
             DiagnosticArg::value(wanted)},
            fix);
    else
        add(o.id, Severity::Error, DiagnosticCode::OutputsVsTargets,
            QT_TRANSLATE_NOOP("Diagnostics",
                              "%1 gives %2 outputs, but the data has %3 target values per sample — set the "
                              "last Dense layer's units to %3."),
            {DiagnosticArg::node(o), DiagnosticArg::value(units), DiagnosticArg::value(wanted)}, fix);
}

} // namespace

NodeId logitsNode(const GraphSpec &graph, const ValidationResult &v)
{
    NodeId id = v.output;
    while (id >= 0) {
        const NodeSpec *n = graph.find(id);
        if (!n || !passesThrough(n->kind)) break;
        const auto in = graph.inputsOf(id);
        if (in.size() != 1) break;
        id = in.front().from;
    }
    return id;
}

LossKind lossForOutput(const GraphSpec &graph, const ValidationResult &v)
{
    const NodeSpec *o = v.ok() && v.output >= 0 ? graph.find(v.output) : nullptr;
    return o ? lossForOutputNode(*o) : LossKind::MSE;
}

LossKind lossForOutputNode(const NodeSpec &o)
{
    if (o.kind == LayerKind::Softmax) return LossKind::SparseCategoricalCrossEntropy;
    if (hasActivation(o) && o.options.get(opt::activation) == ActivationKind::Sigmoid)
        return LossKind::BinaryCrossEntropy;
    return LossKind::MSE;
}

std::vector<FitProblem> fitProblems(const GraphSpec &graph, const ValidationResult &v, const LossParams &loss,
                                    const DataFacts *data)
{
    if (!v.ok() || v.output < 0 || !v.shapes.count(v.output)) return {};
    const NodeSpec &o = *graph.find(v.output);
    const long long units = v.shapes.at(v.output).size();
    Checks c{graph, v, loss, {}};
    if (data) c.data(o, units, *data);
    const bool regressionData = data && data->task == TaskKind::Regression;
    if (!regressionData) {
        if (loss.kind == LossKind::BinaryCrossEntropy) c.binaryLoss(o, units);
        if (loss.kind == LossKind::CategoricalCrossEntropy ||
            loss.kind == LossKind::SparseCategoricalCrossEntropy)
            c.categoricalLoss(o);
    }
    return std::move(c.out);
}

} // namespace nnp
