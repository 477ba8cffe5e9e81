// `nnp export FILE --format onnx|pytorch|keras|weights|data --out PATH`: writes what a project trained (it
// trains nothing: the weights stored in the project are used) or the project's dataset.
#include "commands.h"
#include "project_cli.h"

#include "export/code_export.h"
#include "export/onnx_export.h"
#include "export/project_meaning.h"
#include "export/weights_export.h"
#include "io/project.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace nnp::cli {

namespace {

struct ExportArgs {
    std::string file;
    std::string format;
    std::string out;
};

int exportData(const OpenedProject &o, const std::filesystem::path &out)
{
    const PreparedData data = prepareData(o.project, o.baseDir);
    writeDatasetCsv(data.full, out, &data.split);
    std::cout << "Wrote " << data.full.size() << " samples (" << data.full.features()
              << " features, with a split column) to " << out.string() << "\n";
    return Ok;
}

int exportModel(const OpenedProject &o, const std::string &format, const std::filesystem::path &out)
{
    const Project &project = o.project;
    if (project.weights.empty()) {
        std::cerr << "nnp export: " << o.file.string()
                  << " has no trained weights — train it first (nnp train " << o.file.string()
                  << "), then export.\n";
        return BadInput;
    }
    Network net = buildNetwork(project);
    restoreWeights(project, net);
    const std::string name = project.name.empty() ? o.file.stem().string() : project.name;
    // The raw columns, feature names, task and class names travel with the model.
    ExportModel model = describeProject(project, net, project.normalizer.value_or(Normalizer{}), name);
    if (format == "onnx") {
        writeOnnx(model, out);
        std::cout << "Wrote " << out.string() << " (ONNX, opset " << kOnnxOpset << ", takes raw inputs)\n";
    } else if (format == "pytorch" || format == "keras") {
        const auto weights = format == "pytorch" ? writePytorch(model, out) : writeKeras(model, out);
        std::cout << "Wrote " << out.string() << " and its weights " << weights.string() << "\n";
    } else if (out.extension() == ".json") {
        writeWeightsJson(model, out);
        std::cout << "Wrote the weights to " << out.string() << "\n";
    } else {
        writeWeightsCsv(model, out);
        std::cout << "Wrote one CSV per tensor (and tensors.csv, the index) to the folder " << out.string()
                  << "\n";
    }
    return Ok;
}

int runExport(const ExportArgs &a)
{
    std::error_code ec;
    if (std::filesystem::equivalent(a.file, a.out, ec)) {
        std::cerr << "nnp export: " << a.out << " is the project file itself; choose another --out.\n";
        return Usage;
    }
    return guarded("export", [&] {
        const OpenedProject o = openProject(a.file);
        return a.format == "data" ? exportData(o, a.out) : exportModel(o, a.format, a.out);
    });
}

} // namespace

void addExportCommand(CLI::App &app, int &exitCode)
{
    auto args = std::make_shared<ExportArgs>();
    auto *cmd = app.add_subcommand(
        "export",
        "Export a trained project: ONNX (opset 13), a PyTorch or Keras script (+ <name>_weights.json), "
        "the weights (PATH.json, or a folder of CSV files), or its dataset as CSV (data). Trains nothing.");
    cmd->add_option("file", args->file, "The project (.nnp)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--format,-f", args->format, "onnx, pytorch, keras, weights or data")
        ->required()
        ->check(CLI::IsMember({"onnx", "pytorch", "keras", "weights", "data"}));
    cmd->add_option("--out,-o", args->out,
                    "Where to write (a file; for weights not ending in .json, a folder)")
        ->required();
    cmd->callback([args, &exitCode] { exitCode = runExport(*args); });
}

} // namespace nnp::cli
