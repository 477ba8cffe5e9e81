#pragma once
// Each group of `nnp` subcommands registers itself here. A command's callback stores its exit code.
//
// Exit codes (documented in the README and in `nnp --help`):
//   0 success, 1 usage error (bad arguments), 2 bad input file or data, 3 training diverged,
//   4 a requested result was not reached, 130 interrupted (Ctrl-C; the project is still saved).

namespace CLI {
class App;
}

namespace nnp::cli {

enum ExitCode { Ok = 0, Usage = 1, BadInput = 2, Diverged = 3, NotReached = 4, Interrupted = 130 };

void addBenchCommand(CLI::App &app, int &exitCode);
void addProjectCommands(CLI::App &app, int &exitCode); // info, train, eval, predict
void addExportCommand(CLI::App &app, int &exitCode);   // export (onnx, pytorch, keras, weights, data)
void addImportCommand(CLI::App &app, int &exitCode);   // import (an ONNX model becomes a project)
void addNewCommand(CLI::App &app, int &exitCode);      // new (a project that fits a CSV or a generator)

} // namespace nnp::cli
