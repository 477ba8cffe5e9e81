// Placeholder until the project commands land (owned by the project-file work).
#include "commands.h"

#include <CLI/CLI.hpp>

namespace nnp::cli {
void addProjectCommands(CLI::App &, int &) {}
} // namespace nnp::cli
