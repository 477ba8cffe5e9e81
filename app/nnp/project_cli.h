#pragma once
// Shared by the project commands (info, train, eval, predict): opening a project, building its network,
// turning every failure into a message on stderr and an exit code.

#include "io/project.h"
#include "io/project_run.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace nnp::cli {

struct OpenedProject {
    Project project;
    std::filesystem::path file;
    std::filesystem::path baseDir; ///< where relative data paths start: the project file's folder
};

OpenedProject openProject(const std::string &file);
/// Builds the project's network (seeded from its training seed) with its loss; a graph with problems throws
/// std::invalid_argument listing them per node.
Network buildNetwork(const Project &project);
/// The run `nnp train` trains (core ProjectRun, as the app builds it); graph errors worded as buildNetwork's.
std::unique_ptr<ProjectRun> buildRun(const Project &project, const std::filesystem::path &baseDir,
                                     ProjectRun::Start start);
/// Runs a command body; every exception becomes "nnp <command>: message" on stderr and exit code BadInput.
int guarded(const char *command, const std::function<int()> &body);

/// "accuracy" for classification losses, "mae" otherwise (what EpochRecord::trainMetric holds).
const char *metricName(LossKind loss);
/// Fixed-point with `digits` decimals.
std::string fixed(double v, int digits = 4);
/// Class names for output: the CSV target's categories, else "0", "1", ...
std::vector<std::string> classNames(const Project &project, const PreparedData *data, int outputs);

void addInfoCommand(CLI::App &app, int &exitCode);
void addTrainCommand(CLI::App &app, int &exitCode);
void addEvalCommand(CLI::App &app, int &exitCode);
void addPredictCommand(CLI::App &app, int &exitCode);

} // namespace nnp::cli
