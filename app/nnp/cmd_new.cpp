// `nnp new --csv FILE [--target COL] [--task KIND] [--delimiter D] [--no-header] [--missing POLICY
// [--fill-value V]] [--split-column COL | --test-csv FILE] [--categorical COL] [--ignore COL]
// [--image-shape C,H,W] | --generator NAME, --out PROJECT.nnp [--hidden 32,16]`: a project whose network
// fits its data, ready for `nnp train`. The CSV options are the project file's (data/csv.h checks them).
#include "commands.h"
#include "project_cli.h"

#include "data/generators.h"
#include "io/new_project.h"
#include "io/project_format.h"
#include "layers/simple_layers.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

namespace nnp::cli {

namespace {

std::string policyNames()
{
    std::string names;
    for (CsvMissing m : allCsvMissing())
        names += (names.empty() ? "" : ", ") + std::string(toString(m));
    return names;
}

struct NewArgs {
    std::string out, csv, target, generator, activation = "relu";
    std::vector<int> hidden{16, 8};
    bool noHeader = false;
    std::string missing = "refuse", fillValue, splitColumn, testCsv, delimiter, task;
    std::vector<std::string> categorical, ignore;
    std::vector<int> imageShape;
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
            std::cerr << "nnp new: unknown --missing '" << a.missing << "' (" << policyNames() << ")\n";
            return Usage;
        }
        if ((*missing == CsvMissing::FillValue) != !a.fillValue.empty()) {
            std::cerr << "nnp new: --missing fill_value and --fill-value go together\n";
            return Usage;
        }
        spec.data.csv.missing = *missing;
        spec.data.csv.fillValue = a.fillValue;
        if (!a.task.empty()) {
            spec.data.csv.task = io::taskFromString(a.task);
            if (!spec.data.csv.task) {
                std::cerr << "nnp new: unknown --task '" << a.task << "' (classification, regression)\n";
                return Usage;
            }
        }
        if (!a.delimiter.empty()) {
            if (a.delimiter != "tab" && a.delimiter.size() != 1) {
                std::cerr << "nnp new: --delimiter is one character (, or ;) or tab\n";
                return Usage;
            }
            spec.data.csv.delimiter = a.delimiter == "tab" ? '\t' : a.delimiter[0];
        }
        spec.data.csv.imageShape = a.imageShape; // checked by the loader, as a project's
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
    const std::vector<int> shape = input.options.get(opt::input::shape);
    std::cout << "Wrote " << out.string() << ": " << Shape(shape).toString() << " inputs";
    if (shape.size() > 1) std::cout << " -> flatten";
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
    cmd->add_option("--task", a->task,
                    "classification or regression (default: classification for text or at most 20 integer "
                    "values, else regression)")
        ->needs(csv);
    cmd->add_option("--delimiter", a->delimiter, "The CSV's delimiter: , or ; or tab (default: detected)")
        ->needs(csv);
    cmd->add_option("--missing", a->missing,
                    "Missing values (empty, NA, ?): refuse (default, the first is an error), drop_rows, "
                    "fill_mean (numbers get the column's mean, categories the most frequent one), "
                    "fill_most_frequent (every column its most frequent value) or fill_value (with "
                    "--fill-value)")
        ->needs(csv);
    cmd->add_option("--fill-value", a->fillValue,
                    "With --missing fill_value: what a missing cell becomes (a number, or a category)")
        ->needs(csv);
    cmd->add_option("--image-shape", a->imageShape,
                    "The feature columns are the pixels of images C,H,W (channels first, e.g. 1,8,8): the "
                    "Input takes that shape and a Flatten feeds the hidden layers")
        ->delimiter(',')
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
