// The project commands and what they share (see project_cli.h).
#include "commands.h"
#include "project_cli.h"

#include "data/data_error.h"
#include "export/project_meaning.h"
#include "memory_budget.h"
#include "train/trainer.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <new>
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

namespace {
/// The graph's errors as the CLI words them, one per line with the node's name.
[[noreturn]] void throwGraphProblems(const Project &project, const GraphError &e)
{
    std::ostringstream out;
    out << "the network cannot be built:";
    for (const Diagnostic &d : e.diagnostics()) {
        if (d.severity != Severity::Error) continue;
        out << "\n  - ";
        if (const NodeSpec *n = project.graph.find(d.node))
            out << (n->name.empty() ? "node " + std::to_string(n->id) : n->name) << ": ";
        out << d.message();
    }
    throw std::invalid_argument(out.str());
}
} // namespace

Network buildNetwork(const Project &project)
{
    try {
        Network net = Network::build(project.graph, project.training.seed);
        net.setLoss(project.training.loss);
        return net;
    } catch (const GraphError &e) {
        throwGraphProblems(project, e);
    }
}

std::unique_ptr<ProjectRun> buildRun(const Project &project, const std::filesystem::path &baseDir,
                                     ProjectRun::Start start)
{
    try {
        return std::make_unique<ProjectRun>(project, baseDir, start);
    } catch (const GraphError &e) {
        throwGraphProblems(project, e);
    }
}

int guarded(const char *command, const std::function<int()> &body)
{
    try {
        return body();
    } catch (const std::bad_alloc &) {
        // Out of memory although the budget allowed it (memory_budget.h): say so and leave at once.
        // Eigen 3.4's resize() frees a buffer before the allocation that failed, so destroying the network
        // that held it would free it again (the crash in Dense::~Dense this replaces).
        std::cerr << "nnp " << command
                  << ": out of memory. Lower the memory limit (nnp --memory-limit SIZE, now "
                  << byteText(memoryLimit()) << ") so that such a network or data set is refused up front.\n";
        std::cout.flush();
        std::cerr.flush();
        std::_Exit(BadInput);
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
    return projectClassNames(project, project.csvSchema ? &*project.csvSchema : nullptr, outputs);
}

} // namespace nnp::cli
