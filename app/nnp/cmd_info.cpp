// `nnp info FILE`: a summary like Keras' model.summary(), plus the data, the training settings and what the
// project teaches.
#include "commands.h"
#include "project_cli.h"

#include "checked.h"
#include "layers/layer_registry.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>
#include <sstream>

namespace nnp::cli {

namespace {

std::string nodeLabel(const NodeSpec &n)
{
    return n.name.empty() ? "node_" + std::to_string(n.id) : n.name;
}

/// "Dense (tanh)", "Dropout (0.50)": the kind and its first telling choice or rate (shapes have their
/// column).
std::string kindLabel(const NodeSpec &n)
{
    const LayerKindInfo &info = layerKind(n.kind);
    std::string k(info.fileName);
    for (const OptionSpec &o : info.options) {
        if (!*o.blockText || !o.isShown(n.options)) continue;
        const OptionValue v = o.valueIn(n.options);
        if (const auto *s = std::get_if<std::string>(&v)) return k + " (" + *s + ")";
        if (const auto *d = std::get_if<double>(&v)) return k + " (" + fixed(*d, 2) + ")";
    }
    return k;
}

std::string shapeLabel(const ValidationResult &v, NodeId id)
{
    const auto it = v.shapes.find(id);
    if (it == v.shapes.end()) return "?";
    std::string s = "(None";
    for (int d : it->second.dims)
        s += ", " + std::to_string(d);
    return s + ")";
}

std::string pad(const std::string &s, std::size_t width)
{
    return s.size() >= width ? s + " " : s + std::string(width - s.size(), ' ');
}

void printLayers(const Project &p, std::ostream &out)
{
    const GraphSpec &g = p.graph;
    const ValidationResult v = validate(g);
    std::vector<NodeId> order = v.order;
    if (order.size() != g.nodes.size()) {
        order.clear();
        for (const NodeSpec &n : g.nodes)
            order.push_back(n.id);
    }
    const std::size_t w[] = {22, 20, 18, 10};
    const std::string rule(90, '=');
    out << pad("Layer (name)", w[0]) << pad("Kind", w[1]) << pad("Output shape", w[2]) << pad("Param #", w[3])
        << "Connected to\n"
        << rule << '\n';
    long long trainable = 0, fixedState = 0;
    for (NodeId id : order) {
        const NodeSpec &n = *g.find(id);
        std::vector<Shape> inShapes;
        std::string from;
        for (const EdgeSpec &e : g.inputsOf(id)) {
            if (const NodeSpec *src = g.find(e.from)) from += (from.empty() ? "" : ", ") + nodeLabel(*src);
            if (v.shapes.count(e.from)) inShapes.push_back(v.shapes.at(e.from));
        }
        long long params = 0;
        if (inShapes.size() == g.inputsOf(id).size() && !inShapes.empty())
            params = parameterCount(n, inShapes);
        trainable = saturatingAdd(trainable, params);
        const LayerKindInfo &info = layerKind(n.kind);
        if (info.parameters && !inShapes.empty())
            for (const ParamShape &t : info.parameters(n.options, inShapes))
                if (!t.trained)
                    fixedState = saturatingAdd(
                        fixedState, saturatingMul(t.rows, t.cols)); // BatchNorm's running mean and variance
        out << pad(nodeLabel(n), w[0]) << pad(kindLabel(n), w[1]) << pad(shapeLabel(v, id), w[2])
            << pad(std::to_string(params), w[3]) << from << '\n';
    }
    out << rule << '\n'
        << "Total params: " << saturatingAdd(trainable, fixedState) << '\n'
        << "Trainable params: " << trainable << '\n'
        << "Non-trainable params: " << fixedState << '\n';
    if (!v.ok()) {
        out << "\nThe graph has problems:\n";
        for (const Diagnostic &d : v.diagnostics) {
            out << (d.severity == Severity::Error ? "  error: " : "  warning: ");
            if (const NodeSpec *n = g.find(d.node)) out << nodeLabel(*n) << ": ";
            out << d.message() << '\n';
        }
    }
}

std::string sourceLabel(const DataSource &d)
{
    switch (d.kind) {
    case DataSourceKind::Generator: {
        std::string s = "generator \"" + std::string(toString(d.generator.kind)) + "\", " +
                        std::to_string(d.generator.samples) + " samples, noise " +
                        fixed(d.generator.noise, 2) + ", seed " + std::to_string(d.generator.seed);
        return s;
    }
    case DataSourceKind::Csv:
        return "CSV file " + d.path + (d.csv.target.empty() ? "" : ", target " + d.csv.target);
    case DataSourceKind::Idx:
        return "IDX images " + d.images + (d.testImages.empty() ? "" : " (test images " + d.testImages + ")");
    }
    return "?";
}

/// Returns false when the data cannot be loaded (the message is printed).
bool printData(const OpenedProject &o, std::ostream &out)
{
    const Project &p = o.project;
    out << "\nData: " << sourceLabel(p.data) << '\n';
    try {
        const PreparedData d = prepareData(p, o.baseDir);
        const Dataset &f = d.full;
        out << "  " << f.size() << " samples, " << f.features() << " features";
        if (!f.featureNames.empty() && f.featureNames.size() <= 12) {
            out << " (";
            for (std::size_t i = 0; i < f.featureNames.size(); ++i)
                out << (i ? ", " : "") << f.featureNames[i];
            out << ")";
        }
        out << '\n';
        if (f.task == TaskKind::Classification) {
            out << "  classification, " << f.classes << " classes:";
            for (const std::string &c : f.classNames)
                out << ' ' << c;
            out << '\n';
        } else {
            out << "  regression of "
                << (f.targetNames.empty() ? std::string("a value") : f.targetNames.front()) << '\n';
        }
        out << "  split: " << d.train.x.cols() << " train / " << d.validation.x.cols() << " validation / "
            << d.test.x.cols() << " test" << (p.preprocessing.split.stratify ? " (stratified)" : "")
            << "; normalisation: " << toString(p.preprocessing.normalization) << '\n';
        if (!p.data.csv.splitColumn.empty())
            out << "  the split is chosen by the column " << p.data.csv.splitColumn << '\n';
        if (!p.data.csv.testPath.empty()) out << "  the test rows come from " << p.data.csv.testPath << '\n';
        if (const auto &shape = p.data.csv.imageShape; shape.size() == 3)
            out << "  the columns are the pixels of " << shape[0] << " x " << shape[1] << " x " << shape[2]
                << " images (channels x height x width)\n";
        if (d.csvMissing) {
            const CsvMissingReport &m = *d.csvMissing;
            out << "  missing values: " << toString(m.policy);
            if (m.policy == CsvMissing::DropRows)
                out << ", " << m.droppedRows << " row" << (m.droppedRows == 1 ? "" : "s") << " left out";
            if (fillsMissing(m.policy))
                out << ", " << m.filledCells << " cell" << (m.filledCells == 1 ? "" : "s") << " filled "
                    << (m.policy == CsvMissing::FillMean
                            ? "(numbers with the column's mean, categories with the "
                              "most frequent one)"
                        : m.policy == CsvMissing::FillMostFrequent ? "with each column's most frequent value"
                                                                   : "with \"" + m.fillValue + "\"");
            out << '\n';
            if (fillsMissing(m.policy) && m.filledCells > 0 && d.csvSchema) {
                // The values chosen, column by column (what predict fills new rows with too).
                std::size_t shown = 0, more = 0;
                for (const CsvColumn &c : d.csvSchema->features)
                    if (!c.fill.empty() && shown < 8)
                        out << (shown++ ? ", " : "  a missing cell becomes: ") << c.name << " = " << c.fill;
                    else if (!c.fill.empty())
                        ++more;
                if (more > 0) out << " and " << more << " more";
                if (shown > 0) out << '\n';
            }
        }
        return true;
    } catch (const std::exception &e) {
        out << "  cannot be loaded (see the message below)\n";
        std::cerr << "nnp info: " << e.what() << '\n';
        return false;
    }
}

void printTraining(const Project &p, std::ostream &out)
{
    const TrainingConfig &t = p.training;
    out << "\nTraining: loss " << toString(t.loss.kind) << ", optimizer " << toString(t.optimizer.kind)
        << " (learning rate " << t.optimizer.learningRate << "), batch size " << t.batchSize << ", "
        << t.epochs << " epochs, seed " << t.seed << '\n';
    if (p.expect) {
        out << "Expected result: " << toString(p.expect->metric) << " on the " << toString(p.expect->split)
            << " split";
        if (p.expect->min) out << " >= " << *p.expect->min;
        if (p.expect->max) out << " <= " << *p.expect->max;
        out << '\n';
    }
    if (p.weights.empty()) {
        out << "Trained: no (run `nnp train`)\n";
    } else {
        out << "Trained: yes";
        if (!p.history.empty()) {
            const EpochRecord &r = p.history.back();
            out << ", " << r.epoch << " epochs; last train loss " << fixed(r.trainLoss) << ", "
                << metricName(t.loss.kind) << ' ' << fixed(r.trainMetric);
            if (r.valLoss) out << "; validation loss " << fixed(*r.valLoss);
        }
        out << '\n';
    }
}

int runInfo(const std::string &file)
{
    const OpenedProject o = openProject(file);
    const Project &p = o.project;
    std::ostream &out = std::cout;
    out << "Project: " << (p.name.empty() ? o.file.stem().string() : p.name) << "  (" << file << ")\n";
    if (!p.description.empty()) out << '\n' << p.description << '\n';
    out << '\n';
    printLayers(p, out);
    const bool dataOk = printData(o, out);
    printTraining(p, out);
    return dataOk ? Ok : BadInput;
}

} // namespace

void addInfoCommand(CLI::App &app, int &exitCode)
{
    auto *cmd =
        app.add_subcommand("info", "Summarise a project: layers with output shapes, parameter counts and "
                                   "connections; the dataset; the training settings; the description");
    auto file = std::make_shared<std::string>();
    cmd->add_option("FILE", *file, "Project file (.nnp)")->required();
    cmd->callback([file, &exitCode] { exitCode = guarded("info", [&] { return runInfo(*file); }); });
}

} // namespace nnp::cli
