// `nnp import MODEL.onnx --out PROJECT.nnp [--data CSV [--target COLUMN]]`: an ONNX model (e.g. written by
// torch.onnx.export) becomes a project with its weights, as File ▸ Import ONNX does in the app.
#include "commands.h"
#include "project_cli.h"

#include "export/onnx_import.h"
#include "export/weights_import.h"
#include "graph/validator.h"
#include "io/new_project.h"
#include "train/fit_check.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace nnp::cli {

namespace {

struct ImportArgs {
    std::string model, out, data, target;
};

int runImport(const ImportArgs &a)
{
    const std::filesystem::path out = a.out;
    std::error_code ec;
    if (std::filesystem::equivalent(a.model, out, ec)) {
        std::cerr << "nnp import: " << a.out << " is the model file itself; choose another --out.\n";
        return Usage;
    }
    ImportedModel model = importOnnx(a.model);
    Project project;
    project.name = std::filesystem::path(a.model).stem().string();
    project.description = "Imported from " + std::filesystem::path(a.model).filename().string() + ".";
    for (const std::string &note : model.notes)
        project.description += "\n• " + note;
    project.graph = std::move(model.graph);
    project.training.loss.kind = lossForOutput(project.graph, validate(project.graph));
    project.weights = std::move(model.weights);
    if (model.normalizer.kind != NormalizationKind::None) {
        project.preprocessing.normalization = model.normalizer.kind;
        project.normalizer = std::move(model.normalizer);
    }
    if (model.targetScaler) { // our export of a scaled regression target: its scaling comes back
        project.preprocessing.scaleTarget = true;
        project.targetScaler = std::move(model.targetScaler);
    }
    const std::filesystem::path projectDir = std::filesystem::absolute(out).parent_path().lexically_normal();
    if (!a.data.empty()) {
        project.data.kind = DataSourceKind::Csv;
        project.data.path = storedDataPath(a.data, projectDir);
        project.data.csv.target = a.target;
        // The data must fit the model before anything is written: input columns, classes, task vs loss.
        const PreparedData data =
            prepareData(project, projectDir, project.normalizer ? &*project.normalizer : nullptr);
        project.csvSchema = data.csvSchema;
    }
    saveProject(project, out);
    std::cout << "Wrote " << out.string() << ": " << project.graph.nodes.size()
              << " nodes with their weights, loss " << toString(project.training.loss.kind);
    if (a.data.empty())
        std::cout
            << ". It has no data yet: choose a CSV with --data, or in the app's Data panel, to train or "
               "evaluate it";
    std::cout << ".\n";
    for (const std::string &note : model.notes)
        std::cout << "  note: " << note << "\n";
    return Ok;
}

struct ImportWeightsArgs {
    std::string project, weights, out;
};

int runImportWeights(const ImportWeightsArgs &a)
{
    const std::filesystem::path out = a.out.empty() ? a.project : a.out;
    std::error_code ec;
    if (std::filesystem::equivalent(a.weights, out, ec)) {
        std::cerr << "nnp import-weights: " << out.string() << " is the weights file itself.\n";
        return Usage;
    }
    const OpenedProject o = openProject(a.project);
    Project project = o.project;
    if (project.weights.empty() || !project.normalizer) {
        std::cerr << "nnp import-weights: " << a.project
                  << " has no trained weights: the weights come back into the project they were exported "
                     "from (train it, export it, train the script, import).\n";
        return BadInput;
    }
    Network net = buildNetwork(project);
    restoreWeights(project, net);
    const int tensors = readWeightsFile(net, a.weights);
    const Normalizer normalizer = *project.normalizer; // the script trains on the same normalised inputs
    storeWeights(project, net, normalizer);
    rebaseDataPaths(project, o.baseDir, std::filesystem::absolute(out).parent_path());
    saveProject(project, out);
    std::cout << "Wrote " << out.string() << ": " << tensors << " tensors from " << a.weights << ".\n";
    return Ok;
}

} // namespace

void addImportCommand(CLI::App &app, int &exitCode)
{
    auto args = std::make_shared<ImportArgs>();
    auto *cmd = app.add_subcommand(
        "import",
        "Make a project from an ONNX model (as torch.onnx.export writes it: Gemm/MatMul, "
        "activations, BatchNormalization, Conv, pooling, Gather, LSTM/GRU/RNN ...) with its weights; "
        "the loss follows the output (Softmax: sparse categorical cross-entropy, sigmoid: binary "
        "cross-entropy, else MSE)");
    cmd->add_option("model", args->model, "The ONNX model (.onnx)")->required()->check(CLI::ExistingFile);
    cmd->add_option("--out,-o", args->out, "The project to write (.nnp)")->required();
    cmd->add_option("--data,-d", args->data,
                    "A CSV file the model takes (its feature columns in the model's input order): checked "
                    "against the model and stored in the project, relative to it when beside or under it")
        ->check(CLI::ExistingFile);
    cmd->add_option("--target,-t", args->target, "The CSV's target column (default: the last one)")
        ->needs("--data");
    cmd->callback([args, &exitCode] { exitCode = guarded("import", [&] { return runImport(*args); }); });

    // Registered here with its sibling: weights that come back into an existing project.
    auto w = std::make_shared<ImportWeightsArgs>();
    auto *wcmd = app.add_subcommand(
        "import-weights",
        "Load an nnp-weights JSON file (the exported PyTorch script's `train` command writes one, also "
        "under torchrun) into the project it was exported from: every tensor by node and name, shapes "
        "checked; the normalisation and the data stay the project's");
    wcmd->add_option("project", w->project, "The trained project (.nnp)")
        ->required()
        ->check(CLI::ExistingFile);
    wcmd->add_option("weights", w->weights, "The weights (.json)")->required()->check(CLI::ExistingFile);
    wcmd->add_option("--out,-o", w->out, "The project to write (default: the project itself)");
    wcmd->callback(
        [w, &exitCode] { exitCode = guarded("import-weights", [&] { return runImportWeights(*w); }); });
}

} // namespace nnp::cli
