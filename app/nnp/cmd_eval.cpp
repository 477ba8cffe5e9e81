// `nnp eval FILE`: loss and accuracy with a confusion matrix (classification), or MAE and R² (regression), of
// the stored model on one split; --check compares with the project's stated result.
#include "commands.h"
#include "io/target_scaling.h"
#include "project_cli.h"
#include "train/trainer.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

namespace nnp::cli {

namespace {

struct EvalOptions {
    std::string file;
    std::string split = "test";
    bool check = false;
};

const TrainData &splitData(const PreparedData &d, EvalSplit s)
{
    return s == EvalSplit::Train ? d.train : s == EvalSplit::Validation ? d.validation : d.test;
}

void printConfusion(const Evaluation &e, const std::vector<std::string> &names)
{
    const std::size_t k = e.confusion.size();
    std::size_t width = 6;
    for (std::size_t i = 0; i < k && i < names.size(); ++i)
        width = std::max(width, names[i].size() + 2);
    const auto name = [&](std::size_t i) { return i < names.size() ? names[i] : std::to_string(i); };
    std::cout << "\nConfusion matrix (rows: true class, columns: predicted class)\n"
              << std::string(width, ' ');
    for (std::size_t j = 0; j < k; ++j)
        std::cout << std::string(width - std::min(width, name(j).size()), ' ') << name(j);
    std::cout << '\n';
    for (std::size_t i = 0; i < k; ++i) {
        std::cout << name(i) << std::string(width - std::min(width, name(i).size()), ' ');
        for (std::size_t j = 0; j < k; ++j) {
            const std::string v = std::to_string(e.confusion[i][j]);
            std::cout << std::string(width - std::min(width, v.size()), ' ') << v;
        }
        std::cout << '\n';
    }
}

double metricValue(const Evaluation &e, ExpectMetric m)
{
    switch (m) {
    case ExpectMetric::Accuracy:
        return e.accuracy;
    case ExpectMetric::Loss:
        return e.loss;
    case ExpectMetric::Mae:
        return e.mae;
    case ExpectMetric::R2:
        return e.r2;
    }
    return 0;
}

int runEval(const EvalOptions &o)
{
    const OpenedProject opened = openProject(o.file);
    const Project &p = opened.project;
    if (p.weights.empty()) {
        std::cerr << "nnp eval: " << o.file << " has no trained weights; run `nnp train " << o.file
                  << "` first.\n";
        return BadInput;
    }
    const auto split = evalSplitFromString(o.split);
    const PreparedData data = prepareData(p, opened.baseDir, p.normalizer ? &*p.normalizer : nullptr);
    Network net = buildNetwork(p);
    restoreWeights(p, net);
    const TrainData &d = splitData(data, *split);
    if (d.x.cols() == 0) {
        std::cerr << "nnp eval: the " << o.split << " split of " << o.file
                  << " is empty; the project keeps no samples for it.\n";
        return BadInput;
    }
    const Evaluation e = evaluateInTargetUnits(net, d, outputScaler(p)); // a scaled target: its own units
    const bool classification = isClassificationLoss(p.training.loss.kind) || !e.confusion.empty();
    std::cout << "Evaluating " << o.file << " on the " << o.split << " split (" << d.x.cols() << " samples)\n"
              << "loss      " << fixed(e.loss) << '\n';
    // A scaled target: the loss is in its own units unless it does not convert (core/io/target_scaling.h).
    if (outputScaler(p) && !isClassificationLoss(p.training.loss.kind) &&
        !lossScalesWithTarget(p.training.loss.kind))
        std::cout << "          (the loss of the scaled target: a " << toString(p.training.loss.kind)
                  << " loss does not convert to the target's units)\n";
    if (classification) {
        const auto correct = static_cast<long long>(std::llround(e.accuracy * double(d.x.cols())));
        std::cout << "accuracy  " << fixed(e.accuracy) << "  (" << correct << " of " << d.x.cols() << ")\n";
        printConfusion(e, classNames(p, &data, net.outputSize()));
    } else {
        std::cout << "mae       " << fixed(e.mae) << '\n' << "r2        " << fixed(e.r2) << '\n';
    }
    if (!o.check) return Ok;
    if (!p.expect) {
        std::cerr << "nnp eval: --check needs an expected result in the project (\"expect\"); it has none.\n";
        return Usage;
    }
    const ExpectedResult &x = *p.expect;
    const Evaluation ce =
        x.split == *split ? e : evaluateInTargetUnits(net, splitData(data, x.split), outputScaler(p));
    const double v = metricValue(ce, x.metric);
    const bool pass = (!x.min || v >= *x.min) && (!x.max || v <= *x.max);
    std::cout << "\ncheck: " << toString(x.split) << ' ' << toString(x.metric) << ' ' << fixed(v);
    if (x.min) std::cout << " >= " << *x.min;
    if (x.max) std::cout << " <= " << *x.max;
    std::cout << (pass ? ": passed\n" : ": NOT reached\n");
    return pass ? Ok : NotReached;
}

} // namespace

void addEvalCommand(CLI::App &app, int &exitCode)
{
    auto *cmd = app.add_subcommand("eval", "Evaluate a trained project: loss, accuracy and confusion matrix "
                                           "(classification) or MAE and R² (regression)");
    auto o = std::make_shared<EvalOptions>();
    cmd->add_option("FILE", o->file, "Trained project file (.nnp)")->required();
    cmd->add_option("--split", o->split, "Which data to evaluate on")
        ->check(CLI::IsMember({"train", "validation", "test"}))
        ->capture_default_str();
    cmd->add_flag("--check", o->check,
                  "Compare with the project's expected result; exit code 4 when it is not reached");
    cmd->callback([o, &exitCode] { exitCode = guarded("eval", [&] { return runEval(*o); }); });
}

} // namespace nnp::cli
