// Placeholder until the benchmark lands (owned by the benchmark work).
#include "commands.h"

#include <CLI/CLI.hpp>

namespace nnp::cli {
void addBenchCommand(CLI::App &app, int &exitCode)
{
    auto *cmd = app.add_subcommand("bench", "Benchmark the training core");
    cmd->callback([&exitCode] { exitCode = Usage; });
}
} // namespace nnp::cli
