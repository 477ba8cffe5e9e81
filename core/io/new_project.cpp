#include "io/new_project.h"
#include "io/target_scaling.h"

#include "data/csv.h"
#include "data/generators.h"
#include "layers/simple_layers.h"
#include "optimizers/optimizer.h"

#include <algorithm>
#include <stdexcept>

namespace nnp {

namespace {

Dataset loadFor(const DataSource &src, const std::filesystem::path &projectDir)
{
    switch (src.kind) {
    case DataSourceKind::Generator:
        return withFeatures(generate(src.generator), src.features);
    case DataSourceKind::Csv: {
        std::filesystem::path path(src.path);
        if (path.is_relative()) path = projectDir / path;
        std::filesystem::path test(src.csv.testPath);
        if (!test.empty() && test.is_relative()) test = projectDir / test;
        return loadCsv(path.string(), src.csv, nullptr, test.string()).data;
    }
    case DataSourceKind::Idx:
        break;
    }
    throw std::invalid_argument("A new project from IDX images is not made here: images want a convolutional "
                                "network; start from samples/mnist_cnn.nnp or samples/digits_8x8_cnn.nnp.");
}

} // namespace

std::string storedDataPath(const std::filesystem::path &data, const std::filesystem::path &projectDir)
{
    const std::filesystem::path abs = std::filesystem::absolute(data).lexically_normal();
    const std::filesystem::path rel =
        abs.lexically_relative(std::filesystem::absolute(projectDir).lexically_normal());
    if (!rel.empty() && *rel.begin() != "..") return rel.generic_string();
    return abs.string();
}

Project newProjectForData(const NewProjectSpec &spec, const std::filesystem::path &projectDir)
{
    for (int units : spec.hidden)
        if (units < 1 || units > 100000)
            throw std::invalid_argument("A hidden layer needs 1 to 100,000 units, not " +
                                        std::to_string(units) + ".");
    const Dataset d = loadFor(spec.data, projectDir);
    Project p;
    p.data = spec.data;
    p.name = spec.data.kind == DataSourceKind::Csv ? std::filesystem::path(spec.data.path).stem().string()
                                                   : std::string(toString(spec.data.generator.kind));
    p.preprocessing.normalization =
        spec.data.kind == DataSourceKind::Csv ? NormalizationKind::ZScore : NormalizationKind::None;
    p.preprocessing.split.test = 0.2;
    p.preprocessing.split.validation = 0.0;

    int outputs = 1;
    ActivationKind out = ActivationKind::Linear;
    bool softmax = false;
    if (d.task == TaskKind::Regression) {
        outputs = static_cast<int>(d.targets.rows());
        p.training.loss.kind = LossKind::MSE;
        // A target of hundreds diverges or crawls: train on its z-score, predict in its own units.
        p.preprocessing.scaleTarget = targetFarFromUnitScale(d.targets);
    } else if (d.classes <= 2) {
        out = ActivationKind::Sigmoid;
        p.training.loss.kind = LossKind::BinaryCrossEntropy;
    } else {
        outputs = d.classes;
        softmax = true;
        p.training.loss.kind = LossKind::SparseCategoricalCrossEntropy;
    }
    p.graph =
        makeMlp(d.features(), spec.hidden, outputs, spec.activation, out,
                spec.activation == ActivationKind::ReLU ? InitKind::HeUniform : InitKind::GlorotUniform);
    if (softmax) {
        // The id, not a reference to the node: addNode grows the vector (ASan: heap-use-after-free).
        p.graph.nodes.back().name = "logits";
        const NodeId logits = p.graph.nodes.back().id;
        const NodeId s = p.graph.addNode(LayerKind::Softmax, "probabilities");
        p.graph.connect(logits, s);
    }
    if (d.sampleShape.dims.size() == 3) {
        // The columns are an image's pixels ([C, H, W]): the Input keeps that shape, as the data panel's, and
        // a Flatten feeds the Dense layers.
        const NodeId input = p.graph.nodes.front().id;
        p.graph.nodes.front().options.set(opt::input::shape, d.sampleShape.dims);
        const NodeId flatten = p.graph.addNode(LayerKind::Flatten, "flatten");
        for (EdgeSpec &e : p.graph.edges)
            if (e.from == input) e.from = flatten;
        p.graph.connect(input, flatten);
        std::rotate(p.graph.nodes.begin() + 1, p.graph.nodes.end() - 1, p.graph.nodes.end());
    }
    for (std::size_t i = 0; i < p.graph.nodes.size(); ++i) {
        p.graph.nodes[i].x = 260.0 * static_cast<double>(i);
        p.graph.nodes[i].y = 0.0;
    }
    p.training.optimizer = defaultOptimizerConfig(OptimizerKind::Adam);
    p.training.optimizer.learningRate = 0.01;
    p.training.batchSize = 32;
    p.training.epochs = 100;
    p.training.seed = 1;
    return p;
}

} // namespace nnp
