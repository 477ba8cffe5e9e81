#include "io/run_compare.h"

#include "layers/layer_registry.h"

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace nnp {

namespace {

using Arg = DiagnosticArg;

Arg num(double v)
{
    return Arg::value(shortNumber(v));
}

Arg percent(double fraction)
{
    return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "%1 %"), {num(fraction * 100)});
}

const char *optimizerName(OptimizerKind k)
{
    switch (k) {
    case OptimizerKind::SGD:
        return "SGD";
    case OptimizerKind::AdaGrad:
        return "AdaGrad";
    case OptimizerKind::RMSProp:
        return "RMSProp";
    case OptimizerKind::Adadelta:
        return "Adadelta";
    case OptimizerKind::Adam:
        return "Adam";
    case OptimizerKind::AdamW:
        return "AdamW";
    }
    return "?";
}

Arg lossName(LossKind k)
{
    switch (k) {
    case LossKind::MSE:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "MSE"), {});
    case LossKind::MAE:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "MAE"), {});
    case LossKind::Huber:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Huber"), {});
    case LossKind::BinaryCrossEntropy:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "binary cross-entropy"), {});
    case LossKind::CategoricalCrossEntropy:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "categorical cross-entropy"), {});
    case LossKind::SparseCategoricalCrossEntropy:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "sparse categorical cross-entropy"), {});
    }
    return Arg::value("?");
}

Arg scheduleName(ScheduleKind k)
{
    switch (k) {
    case ScheduleKind::Constant:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "constant"), {});
    case ScheduleKind::StepDecay:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "step decay"), {});
    case ScheduleKind::ExponentialDecay:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "exponential decay"), {});
    case ScheduleKind::Cosine:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "cosine"), {});
    }
    return Arg::value("?");
}

Arg normalizationName(NormalizationKind k)
{
    switch (k) {
    case NormalizationKind::None:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "none"), {});
    case NormalizationKind::ZScore:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "z-score"), {});
    case NormalizationKind::MinMax:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "min-max"), {});
    case NormalizationKind::Pixels:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "pixels 0–1"), {});
    }
    return Arg::value("?");
}

Arg generatorName(GeneratorKind k)
{
    switch (k) {
    case GeneratorKind::Circle:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Circle"), {});
    case GeneratorKind::Xor:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Exclusive or"), {});
    case GeneratorKind::Gaussian:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Two blobs"), {});
    case GeneratorKind::Spiral:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Spiral"), {});
    case GeneratorKind::Plane:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Plane"), {});
    case GeneratorKind::MultiGaussian:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Bumps"), {});
    case GeneratorKind::TwoMoons:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Two moons"), {});
    case GeneratorKind::Checkerboard:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Checkerboard"), {});
    case GeneratorKind::Spiral3:
        return Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "Three spirals"), {});
    }
    return Arg::value("?");
}

/// The data a project reads, named for a label: the generator, or the file's name.
Arg dataName(const DataSource &d)
{
    switch (d.kind) {
    case DataSourceKind::Generator:
        return generatorName(d.generator.kind);
    case DataSourceKind::Csv:
        return Arg::value(std::filesystem::path(d.path).filename().string());
    case DataSourceKind::Idx:
        return Arg::value(std::filesystem::path(d.images).filename().string());
    }
    return Arg::value("?");
}

std::string featureList(const FeatureConfig &f)
{
    std::string r;
    const std::pair<bool, const char *> all[] = {{f.x1, "x₁"},         {f.x2, "x₂"},     {f.x1Squared, "x₁²"},
                                                 {f.x2Squared, "x₂²"}, {f.x1x2, "x₁x₂"}, {f.sinX1, "sin x₁"},
                                                 {f.sinX2, "sin x₂"}};
    for (const auto &[on, name] : all)
        if (on) r += (r.empty() ? "" : ", ") + std::string(name);
    return r;
}

bool usesMomentum(OptimizerKind k)
{
    return k == OptimizerKind::SGD || k == OptimizerKind::RMSProp;
}

bool isAdam(OptimizerKind k)
{
    return k == OptimizerKind::Adam || k == OptimizerKind::AdamW;
}

/// The option that gives a layer its width, when it has one.
const char *widthOption(LayerKind k)
{
    switch (k) {
    case LayerKind::Dense:
    case LayerKind::SimpleRNN:
    case LayerKind::LSTM:
    case LayerKind::GRU:
        return "units";
    case LayerKind::Conv2D:
        return "filters";
    default:
        return nullptr;
    }
}

/// One layer's change of an option that is reported per group (activation, L1, L2, dropout rate).
struct LayerChange {
    const NodeSpec *node;
    std::string from, to;
};

/// Changes of one kind: a single difference when every changed layer changed alike, else one per layer.
void addGroup(std::vector<RunDifference> &out, RunChange code, const char *alike, const char *perLayer,
              const std::vector<LayerChange> &changes)
{
    if (changes.empty()) return;
    const bool same = std::all_of(changes.begin(), changes.end(), [&](const LayerChange &c) {
        return c.from == changes.front().from && c.to == changes.front().to;
    });
    if (same) {
        out.push_back({code, alike, {Arg::value(changes.front().from), Arg::value(changes.front().to)}});
        return;
    }
    for (const LayerChange &c : changes)
        out.push_back({code, perLayer, {Arg::node(*c.node), Arg::value(c.from), Arg::value(c.to)}});
}

std::string valueText(const OptionValue &v)
{
    if (const auto *d = std::get_if<double>(&v)) return shortNumber(*d);
    return optionText(v);
}

void compareTraining(std::vector<RunDifference> &out, const TrainingConfig &a, const TrainingConfig &b)
{
    const OptimizerConfig &oa = a.optimizer, &ob = b.optimizer;
    if (oa.kind != ob.kind)
        out.push_back({RunChange::Optimizer,
                       QT_TRANSLATE_NOOP("Diagnostics", "%1 → %2"),
                       {Arg::value(optimizerName(oa.kind)), Arg::value(optimizerName(ob.kind))}});
    if (oa.learningRate != ob.learningRate)
        out.push_back({RunChange::LearningRate,
                       QT_TRANSLATE_NOOP("Diagnostics", "lr %1 → %2"),
                       {num(oa.learningRate), num(ob.learningRate)}});
    if (usesMomentum(ob.kind) && (oa.momentum != ob.momentum || oa.nesterov != ob.nesterov)) {
        const double from = usesMomentum(oa.kind) ? oa.momentum : 0.0;
        if (from != ob.momentum)
            out.push_back({RunChange::Momentum,
                           QT_TRANSLATE_NOOP("Diagnostics", "momentum %1 → %2"),
                           {num(from), num(ob.momentum)}});
        if (oa.nesterov != ob.nesterov && ob.kind == OptimizerKind::SGD)
            out.push_back({RunChange::Momentum, ob.nesterov
                                                    ? QT_TRANSLATE_NOOP("Diagnostics", "Nesterov on")
                                                    : QT_TRANSLATE_NOOP("Diagnostics", "Nesterov off")});
    }
    if (isAdam(oa.kind) && isAdam(ob.kind)) {
        if (oa.beta1 != ob.beta1)
            out.push_back({RunChange::Momentum,
                           QT_TRANSLATE_NOOP("Diagnostics", "β₁ %1 → %2"),
                           {num(oa.beta1), num(ob.beta1)}});
        if (oa.beta2 != ob.beta2)
            out.push_back({RunChange::Momentum,
                           QT_TRANSLATE_NOOP("Diagnostics", "β₂ %1 → %2"),
                           {num(oa.beta2), num(ob.beta2)}});
    }
    if (oa.kind == OptimizerKind::AdamW && ob.kind == OptimizerKind::AdamW &&
        oa.weightDecay != ob.weightDecay)
        out.push_back({RunChange::L2,
                       QT_TRANSLATE_NOOP("Diagnostics", "weight decay %1 → %2"),
                       {num(oa.weightDecay), num(ob.weightDecay)}});
    if (a.schedule.kind != b.schedule.kind)
        out.push_back({RunChange::Schedule,
                       QT_TRANSLATE_NOOP("Diagnostics", "schedule %1 → %2"),
                       {scheduleName(a.schedule.kind), scheduleName(b.schedule.kind)}});
    if (a.batchSize != b.batchSize)
        out.push_back({RunChange::BatchSize,
                       QT_TRANSLATE_NOOP("Diagnostics", "batch %1 → %2"),
                       {Arg::value(a.batchSize), Arg::value(b.batchSize)}});
    if (a.epochs != b.epochs)
        out.push_back({RunChange::Epochs,
                       QT_TRANSLATE_NOOP("Diagnostics", "epochs %1 → %2"),
                       {Arg::value(a.epochs), Arg::value(b.epochs)}});
    if (a.loss.kind != b.loss.kind)
        out.push_back({RunChange::Loss,
                       QT_TRANSLATE_NOOP("Diagnostics", "loss %1 → %2"),
                       {lossName(a.loss.kind), lossName(b.loss.kind)}});
    if (a.seed != b.seed)
        out.push_back({RunChange::Seed,
                       QT_TRANSLATE_NOOP("Diagnostics", "seed %1 → %2"),
                       {Arg::value(std::to_string(a.seed)), Arg::value(std::to_string(b.seed))}});
}

void compareGraph(std::vector<RunDifference> &out, const GraphSpec &a, const GraphSpec &b)
{
    const std::string wa = hiddenWidths(a), wb = hiddenWidths(b);
    if (wa != wb) {
        const auto widths = [](const std::string &w) {
            return w.empty() ? Arg::phrase(QT_TRANSLATE_NOOP("Diagnostics", "none"), {}) : Arg::value(w);
        };
        out.push_back({RunChange::Hidden,
                       QT_TRANSLATE_NOOP("Diagnostics", "hidden %1 → %2"),
                       {widths(wa), widths(wb)}});
    }
    const NodeId outA = validate(a).output, outB = validate(b).output;
    std::vector<LayerChange> activation, l1, l2, dropout;
    std::vector<RunDifference> added, removed, options;
    for (const NodeSpec &nb : b.nodes) {
        const NodeSpec *na = a.find(nb.id);
        if (na && na->kind == nb.kind) {
            const LayerKindInfo &info = layerKind(nb.kind);
            const bool hidden = widthOption(nb.kind) && nb.id != outB && na->id != outA;
            for (const OptionSpec &spec : info.options) {
                const OptionValue va = spec.valueIn(na->options), vb = spec.valueIn(nb.options);
                if (va == vb) continue;
                const LayerChange change{&nb, valueText(va), valueText(vb)};
                if (hidden && widthOption(nb.kind) == spec.name) continue; // in "hidden … → …"
                if (spec.name == "activation")
                    activation.push_back(change);
                else if (spec.name == "l1")
                    l1.push_back(change);
                else if (spec.name == "l2")
                    l2.push_back(change);
                else if (nb.kind == LayerKind::Dropout && spec.name == "rate")
                    dropout.push_back(change);
                else
                    options.push_back({RunChange::LayerOption,
                                       QT_TRANSLATE_NOOP("Diagnostics", "%1: %2 %3 → %4"),
                                       {Arg::node(nb), Arg::option(spec.label), Arg::value(change.from),
                                        Arg::value(change.to)}});
            }
            continue;
        }
        if (na) // the same id, another kind: one layer went, another came
            removed.push_back(
                {RunChange::LayerRemoved, QT_TRANSLATE_NOOP("Diagnostics", "− %1"), {Arg::node(*na)}});
        if (nb.kind == LayerKind::Dropout) {
            const OptionSpec *rate = layerKind(nb.kind).option("rate");
            added.push_back({RunChange::Dropout,
                             QT_TRANSLATE_NOOP("Diagnostics", "dropout %1"),
                             {Arg::value(valueText(rate->valueIn(nb.options)))}});
        } else if (!widthOption(nb.kind) || nb.id == outB) {
            added.push_back(
                {RunChange::LayerAdded, QT_TRANSLATE_NOOP("Diagnostics", "+ %1"), {Arg::node(nb)}});
        }
    }
    for (const NodeSpec &na : a.nodes) {
        const NodeSpec *nb = b.find(na.id);
        if (nb && nb->kind == na.kind) continue;
        if (nb) continue; // counted above
        if (na.kind == LayerKind::Dropout) {
            const OptionSpec *rate = layerKind(na.kind).option("rate");
            removed.push_back({RunChange::Dropout,
                               QT_TRANSLATE_NOOP("Diagnostics", "no dropout (was %1)"),
                               {Arg::value(valueText(rate->valueIn(na.options)))}});
        } else if (!widthOption(na.kind) || na.id == outA) {
            removed.push_back(
                {RunChange::LayerRemoved, QT_TRANSLATE_NOOP("Diagnostics", "− %1"), {Arg::node(na)}});
        }
    }
    addGroup(out, RunChange::Activation, QT_TRANSLATE_NOOP("Diagnostics", "activation %1 → %2"),
             QT_TRANSLATE_NOOP("Diagnostics", "%1: activation %2 → %3"), activation);
    addGroup(out, RunChange::Dropout, QT_TRANSLATE_NOOP("Diagnostics", "dropout %1 → %2"),
             QT_TRANSLATE_NOOP("Diagnostics", "%1: dropout %2 → %3"), dropout);
    out.insert(out.end(), added.begin(), added.end());
    out.insert(out.end(), removed.begin(), removed.end());
    addGroup(out, RunChange::L1, QT_TRANSLATE_NOOP("Diagnostics", "L1 %1 → %2"),
             QT_TRANSLATE_NOOP("Diagnostics", "%1: L1 %2 → %3"), l1);
    addGroup(out, RunChange::L2, QT_TRANSLATE_NOOP("Diagnostics", "L2 %1 → %2"),
             QT_TRANSLATE_NOOP("Diagnostics", "%1: L2 %2 → %3"), l2);
    out.insert(out.end(), options.begin(), options.end());
}

void compareData(std::vector<RunDifference> &out, const Project &a, const Project &b)
{
    const DataSource &da = a.data, &db = b.data;
    const bool sameSource =
        da.kind == db.kind &&
        (da.kind == DataSourceKind::Generator ? da.generator.kind == db.generator.kind
         : da.kind == DataSourceKind::Csv     ? da.path == db.path
                                              : da.images == db.images && da.testImages == db.testImages);
    if (!sameSource)
        out.push_back({RunChange::Dataset,
                       QT_TRANSLATE_NOOP("Diagnostics", "data %1 → %2"),
                       {dataName(da), dataName(db)}});
    if (da.kind == DataSourceKind::Generator && db.kind == DataSourceKind::Generator) {
        const GeneratorConfig &ga = da.generator, &gb = db.generator;
        if (ga.noise != gb.noise)
            out.push_back({RunChange::Noise,
                           QT_TRANSLATE_NOOP("Diagnostics", "noise %1 → %2"),
                           {percent(ga.noise), percent(gb.noise)}});
        if (ga.samples != gb.samples)
            out.push_back({RunChange::Samples,
                           QT_TRANSLATE_NOOP("Diagnostics", "samples %1 → %2"),
                           {Arg::value(ga.samples), Arg::value(gb.samples)}});
        if (ga.seed != gb.seed)
            out.push_back({RunChange::Seed,
                           QT_TRANSLATE_NOOP("Diagnostics", "data seed %1 → %2"),
                           {Arg::value(std::to_string(ga.seed)), Arg::value(std::to_string(gb.seed))}});
        if (!(da.features == db.features))
            out.push_back({RunChange::Features,
                           QT_TRANSLATE_NOOP("Diagnostics", "inputs %1 → %2"),
                           {Arg::value(featureList(da.features)), Arg::value(featureList(db.features))}});
    }
    if (da.kind == DataSourceKind::Csv && db.kind == DataSourceKind::Csv && da.csv.target != db.csv.target)
        out.push_back({RunChange::Dataset,
                       QT_TRANSLATE_NOOP("Diagnostics", "target %1 → %2"),
                       {Arg::value(da.csv.target), Arg::value(db.csv.target)}});
    const Preprocessing &pa = a.preprocessing, &pb = b.preprocessing;
    if (pa.normalization != pb.normalization)
        out.push_back({RunChange::Normalization,
                       QT_TRANSLATE_NOOP("Diagnostics", "normalisation %1 → %2"),
                       {normalizationName(pa.normalization), normalizationName(pb.normalization)}});
    if (pa.split.test != pb.split.test)
        out.push_back({RunChange::TestSplit,
                       QT_TRANSLATE_NOOP("Diagnostics", "test data %1 → %2"),
                       {percent(pa.split.test), percent(pb.split.test)}});
    if (pa.split.validation != pb.split.validation)
        out.push_back({RunChange::ValidationSplit,
                       QT_TRANSLATE_NOOP("Diagnostics", "validation data %1 → %2"),
                       {percent(pa.split.validation), percent(pb.split.validation)}});
    if (pa.split.seed != pb.split.seed || pa.split.stratify != pb.split.stratify)
        out.push_back(
            {RunChange::Seed,
             QT_TRANSLATE_NOOP("Diagnostics", "split seed %1 → %2"),
             {Arg::value(std::to_string(pa.split.seed)), Arg::value(std::to_string(pb.split.seed))}});
}

} // namespace

std::string RunDifference::english() const
{
    Diagnostic d;
    d.format = format;
    d.args = args;
    return d.message();
}

std::string shortNumber(double v)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.4g", v);
    return buffer;
}

std::string hiddenWidths(const GraphSpec &graph)
{
    const ValidationResult v = validate(graph);
    std::vector<NodeId> order = v.order;
    if (order.empty())
        for (const NodeSpec &n : graph.nodes)
            order.push_back(n.id);
    std::string r;
    for (NodeId id : order) {
        const NodeSpec *n = graph.find(id);
        if (!n || id == v.output) continue;
        const char *width = widthOption(n->kind);
        if (!width) continue;
        const OptionValue value = layerKind(n->kind).option(width)->valueIn(n->options);
        r += (r.empty() ? "" : "-") + optionText(value);
    }
    return r;
}

std::vector<RunDifference> settingsDifferences(const Project &from, const Project &to)
{
    std::vector<RunDifference> out;
    compareTraining(out, from.training, to.training);
    compareGraph(out, from.graph, to.graph);
    compareData(out, from, to);
    return out;
}

} // namespace nnp
