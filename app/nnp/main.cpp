#include "commands.h"

#include "tensor.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

int main(int argc, char **argv)
{
    nnp::tuneAllocator();
    CLI::App app{"nnp — NN Playground on the command line: inspect, train, evaluate, export and benchmark "
                 "projects (.nnp).\n\nExit codes: 0 success, 1 bad arguments, 2 bad input file or data, "
                 "3 training diverged, 4 target not reached, 130 interrupted."};
    app.require_subcommand(1);
    int exitCode = 0;
    nnp::cli::addProjectCommands(app, exitCode);
    nnp::cli::addExportCommand(app, exitCode);
    nnp::cli::addBenchCommand(app, exitCode);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError &e) {
        const int rc = app.exit(e);
        return rc == 0 ? 0 : nnp::cli::Usage;
    } catch (const std::exception &e) {
        std::cerr << "nnp: " << e.what() << '\n';
        return nnp::cli::BadInput;
    }
    return exitCode;
}
