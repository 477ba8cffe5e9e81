// The project commands and what they share (see project_cli.h).
#include "commands.h"
#include "project_cli.h"

#include "data/data_error.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <sstream>

namespace nnp::cli {

void addProjectCommands(CLI::App &app, int &exitCode)
{
    addInfoCommand(app, exitCode);
    addTrainCommand(app, exitCode);
    addEvalCommand(app, exitCode);
    addPredictCommand(app, exitCode);
}

OpenedProject openProject(const std::string &file)
{
    OpenedProject o;
    o.file = file;
    o.project = loadProject(o.file);
    o.baseDir = std::filesystem::absolute(o.file).parent_path();
    return o;
}

Network buildNetwork(const Project &project)
{
    try {
        Network net = Network::build(project.graph, project.training.seed);
        net.setLoss(project.training.loss);
        return net;
    } catch (const GraphError &e) {
        std::ostringstream out;
        out << "the network cannot be built:";
        for (const Diagnostic &d : e.diagnostics()) {
            if (d.severity != Severity::Error) continue;
            out << "\n  - ";
            if (const NodeSpec *n = project.graph.find(d.node))
                out << (n->name.empty() ? "node " + std::to_string(n->id) : n->name) << ": ";
            out << d.message;
        }
        throw std::invalid_argument(out.str());
    }
}

int guarded(const char *command, const std::function<int()> &body)
{
    try {
        return body();
    } catch (const std::exception &e) {
        std::cerr << "nnp " << command << ": " << e.what() << '\n';
        return BadInput;
    }
}

const char *metricName(LossKind loss)
{
    return isClassificationLoss(loss) ? "accuracy" : "mae";
}

std::string fixed(double v, int digits)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, v);
    return buf;
}

std::vector<std::string> classNames(const Project &project, const PreparedData *data, int outputs)
{
    if (data && !data->full.classNames.empty()) return data->full.classNames;
    if (project.csvSchema && project.csvSchema->task == TaskKind::Classification &&
        !project.csvSchema->target.categories.empty())
        return project.csvSchema->target.categories;
    std::vector<std::string> names;
    for (int k = 0; k < std::max(2, outputs); ++k)
        names.push_back(std::to_string(k));
    return names;
}

std::vector<double> probabilities(const Matrix &out, Eigen::Index col, int classes)
{
    std::vector<double> p(static_cast<std::size_t>(classes), 0.0);
    const auto c = out.col(col);
    if (out.rows() == 1) {
        const double p1 = std::clamp(double(c(0)), 0.0, 1.0);
        p[0] = 1 - p1;
        if (classes > 1) p[1] = p1;
        return p;
    }
    const int k = std::min<int>(classes, static_cast<int>(out.rows()));
    double sum = 0;
    bool distribution = true;
    for (int i = 0; i < k; ++i) {
        distribution = distribution && c(i) >= 0;
        sum += double(c(i));
    }
    if (distribution && std::abs(sum - 1.0) < 1e-3) {
        for (int i = 0; i < k; ++i)
            p[static_cast<std::size_t>(i)] = double(c(i));
        return p;
    }
    const double top = double(c.head(k).maxCoeff());
    double z = 0;
    for (int i = 0; i < k; ++i)
        z += std::exp(double(c(i)) - top);
    for (int i = 0; i < k; ++i)
        p[static_cast<std::size_t>(i)] = std::exp(double(c(i)) - top) / z;
    return p;
}

} // namespace nnp::cli
