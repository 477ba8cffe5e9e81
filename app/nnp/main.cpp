#include "commands.h"

#include "memory_budget.h"
#include "tensor.h"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>

int main(int argc, char **argv)
{
    nnp::tuneAllocator();
    CLI::App app{"nnp — NN Playground on the command line: create, inspect, train, evaluate, export, import "
                 "and benchmark "
                 "projects (.nnp).\n\nExit codes: 0 success, 1 bad arguments, 2 bad input file or data, "
                 "3 training diverged, 4 target not reached, 130 interrupted."};
    app.require_subcommand(1);
    app.fallthrough(); // the global options below may also follow a subcommand: `nnp train F --memory-limit
                       // 8G`
    app.add_option_function<std::string>(
           "--memory-limit",
           [](const std::string &text) {
               const std::uint64_t bytes = nnp::parseByteSize(text);
               if (bytes == 0)
                   throw CLI::ValidationError("--memory-limit",
                                              "'" + text + "' is not a size (examples: 2G, 512M, 1.5GB)");
               nnp::setMemoryLimit(bytes);
           },
           "The most memory a network and its data may take; larger ones are refused before anything is "
           "allocated (default: " +
               nnp::byteText(nnp::defaultMemoryLimit()) +
               ", three quarters of the physical memory or of ulimit -v). Sizes like 2G, 512M, 1.5GB")
        ->type_name("SIZE");
    int exitCode = 0;
    nnp::cli::addNewCommand(app, exitCode);
    nnp::cli::addProjectCommands(app, exitCode);
    nnp::cli::addExportCommand(app, exitCode);
    nnp::cli::addImportCommand(app, exitCode);
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
