// `nnp new --csv FILE [--target COL] [--no-header] [--missing drop_rows] [--split-column COL | --test-csv
// FILE]
// [--categorical COL] | --generator NAME, --out PROJECT.nnp [--hidden 32,16]`: a project whose
// network fits its data, ready for `nnp train`.
#include "commands.h"
#include "project_cli.h"

#include "data/generators.h"
#include "io/new_project.h"
#include "layers/simple_layers.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace nnp::cli {

namespace {

struct NewArgs {
    std::string out, csv, target, generator, activation = "relu";
    std::vector<int> hidden{16, 8};
    bool noHeader = false;
    std::string missing = "refuse", splitColumn, testCsv;
    std::vector<std::string> categorical, ignore;
    int samples = 500, epochs = 0;
    double noise = 0.0;
};

int runNew(const NewArgs &a)
{
    const std::filesystem::path out = a.out;
    if (std::filesystem::exists(out)) {
        std::cerr << "nnp new: " << a.out << " exists; choose another --out (nothing was written).\n";
        return Usage;
    }
    const std::filesystem::path projectDir = std::filesystem::absolute(out).parent_path().lexically_normal();
    NewProjectSpec spec;
    spec.hidden = a.hidden;
    const auto activation = activationFromString(a.activation);
    if (!activation) {
        std::cerr << "nnp new: unknown activation '" << a.activation
                  << "' (relu, tanh, sigmoid, elu, gelu, ...)\n";
        return Usage;
    }
    spec.activation = *activation;
    if (!a.csv.empty()) {
        spec.data.kind = DataSourceKind::Csv;
        spec.data.path = storedDataPath(a.csv, projectDir);
        spec.data.csv.target = a.target;
        spec.data.csv.header = !a.noHeader;
        const auto missing = csvMissingFromString(a.missing);
        if (!missing) {
            std::cerr << "nnp new: unknown --missing '" << a.missing << "' (refuse, drop_rows, fill_mean)\n";
            return Usage;
        }
        spec.data.csv.missing = *missing;
        spec.data.csv.splitColumn = a.splitColumn;
        if (!a.testCsv.empty()) spec.data.csv.testPath = storedDataPath(a.testCsv, projectDir);
        spec.data.csv.categorical = a.categorical;
        spec.data.csv.ignore = a.ignore;
    } else {
        const auto kind = generatorFromString(a.generator);
        if (!kind) {
            std::cerr << "nnp new: unknown generator '" << a.generator
                      << "' (circle, xor, gaussian, spiral, plane, multi_gaussian, two_moons, checkerboard, "
                         "spiral3)\n";
            return Usage;
        }
        spec.data.kind = DataSourceKind::Generator;
        spec.data.generator.kind = *kind;
        spec.data.generator.samples = a.samples;
        spec.data.generator.noise = a.noise;
    }
    Project project = newProjectForData(spec, projectDir);
    if (a.epochs > 0) project.training.epochs = a.epochs;
    // The same checks as `nnp train`: the network fits the data and the loss.
    (void)prepareData(project, projectDir);
    saveProject(project, out);
    const NodeSpec &input = project.graph.nodes.front();
    std::cout << "Wrote " << out.string() << ": " << input.options.get(opt::input::shape).front()
              << " inputs";
    for (int units : a.hidden)
        std::cout << " -> " << units << ' ' << a.activation;
    std::cout << " -> " << project.graph.nodes.back().name << ", loss "
              << toString(project.training.loss.kind)
              << (project.preprocessing.scaleTarget
                      ? " on the z-scored target (far from unit scale; predictions "
                        "stay in its units)"
                      : "")
              << ", Adam 0.01, batch 32, " << project.training.epochs << " epochs. Train it with: nnp train "
              << out.string() << "\n";
    return Ok;
}

} // namespace

void addNewCommand(CLI::App &app, int &exitCode)
{
    auto a = std::make_shared<NewArgs>();
    auto *cmd = app.add_subcommand(
        "new",
        "Make a project whose network fits its data: the Input from the data's columns, hidden Dense "
        "layers, and an output and loss that match the target (two classes: one sigmoid unit and "
        "binary cross-entropy; more: Softmax and sparse categorical cross-entropy; numbers: linear and "
        "MSE); z-score normalisation for a CSV, a 20 % test split");
    cmd->add_option("--out,-o", a->out, "The project to write (.nnp); the data path is stored relative to it")
        ->required();
    auto *csv = cmd->add_option("--csv", a->csv, "A CSV file with a header row")->check(CLI::ExistingFile);
    auto *gen = cmd->add_option(
        "--generator,-g", a->generator,
        "One of the playground's data sets: circle, xor, gaussian, spiral, plane (a regression), "
        "multi_gaussian, two_moons, checkerboard, spiral3");
    csv->excludes(gen);
    cmd->add_option("--target,-t", a->target, "The CSV's target column (default: the last one)")->needs(csv);
    cmd->add_flag("--no-header", a->noHeader, "The CSV has no header row: its columns are c1, c2, ...")
        ->needs(csv);
    cmd->add_option("--missing", a->missing,
                    "Missing values (empty, NA, ?): refuse (default, the first is an error), drop_rows, or "
                    "fill_mean (numbers get the column's mean, categories the most frequent one)")
        ->needs(csv);
    auto *split = cmd->add_option("--split-column", a->splitColumn,
                                  "A column of train / validation / test that chooses each row's split")
                      ->needs(csv);
    cmd->add_option("--test-csv", a->testCsv, "A separate test file with the same columns")
        ->needs(csv)
        ->excludes(split)
        ->check(CLI::ExistingFile);
    cmd->add_option("--categorical", a->categorical,
                    "Columns to one-hot encode even when they hold numbers (codes), comma separated")
        ->delimiter(',')
        ->needs(csv);
    cmd->add_option("--ignore", a->ignore, "Columns to leave out, comma separated")
        ->delimiter(',')
        ->needs(csv);
    cmd->add_option("--samples", a->samples, "Generated points (default 500)")
        ->needs(gen)
        ->check(CLI::Range(10, 1000000));
    cmd->add_option("--noise", a->noise, "Generator noise 0-0.5 (default 0)")
        ->needs(gen)
        ->check(CLI::Range(0.0, 0.5));
    cmd->add_option("--hidden", a->hidden, "Units of each hidden layer, comma separated (default 16,8)")
        ->delimiter(',');
    cmd->add_option("--activation", a->activation, "Activation of the hidden layers (default relu)");
    cmd->add_option("--epochs", a->epochs, "Epochs to train (default 100)")->check(CLI::Range(1, 1000000));
    cmd->callback([a, &exitCode] {
        if (a->csv.empty() && a->generator.empty()) {
            std::cerr << "nnp new: give the data: --csv FILE (with --target COLUMN) or --generator NAME\n";
            exitCode = Usage;
            return;
        }
        exitCode = guarded("new", [&] { return runNew(*a); });
    });
}

} // namespace nnp::cli
