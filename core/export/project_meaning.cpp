#include "export/project_meaning.h"

#include "data/generators.h"
#include "io/target_scaling.h"
#include "layers/activations.h"
#include "losses/loss.h"

namespace nnp {

TaskKind projectTask(const Project &project, const CsvSchema *schema)
{
    switch (project.data.kind) {
    case DataSourceKind::Csv:
        if (schema) return schema->task;
        return isClassificationLoss(project.training.loss.kind) ? TaskKind::Classification
                                                                : TaskKind::Regression;
    case DataSourceKind::Idx:
        return TaskKind::Classification;
    case DataSourceKind::Generator:
        break;
    }
    return isRegression(project.data.generator.kind) ? TaskKind::Regression : TaskKind::Classification;
}

std::vector<std::string> projectClassNames(const Project &project, const CsvSchema *schema, int outputs)
{
    if (project.data.kind == DataSourceKind::Csv && schema && schema->task == TaskKind::Classification &&
        !schema->target.categories.empty())
        return schema->target.categories;
    std::vector<std::string> names;
    for (int k = 0; k < std::max(2, outputs); ++k)
        names.push_back(std::to_string(k));
    return names;
}

bool outputIsProbability(const ExportModel &m)
{
    const ExportNode &out = m.nodes.at(static_cast<std::size_t>(m.output));
    if (out.kind == LayerKind::Softmax) return true;
    if (out.kind != LayerKind::Dense && out.kind != LayerKind::Activation && out.kind != LayerKind::Conv2D)
        return false;
    return activationOf(out.options).kind == ActivationKind::Sigmoid;
}

namespace {

std::vector<std::string> csvFeatureNames(const std::vector<CsvColumn> &columns)
{
    std::vector<std::string> names;
    for (const CsvColumn &c : columns) {
        if (c.categorical)
            for (const std::string &category : c.categories)
                names.push_back(c.name + "=" + category);
        else if (c.text())
            for (int t = 0; t < c.textLength; ++t)
                names.push_back(c.name + "[" + std::to_string(t) + "]");
        else
            names.push_back(c.name);
    }
    return names;
}

/// The engineered feature names, from the one place that names them (withFeatures).
std::vector<std::string> planeFeatureNames(const FeatureConfig &features)
{
    if (features.count() == 0) return {};
    Dataset plane;
    plane.x = Matrix(2, 0);
    return withFeatures(plane, features).featureNames;
}

} // namespace

ExportModel describeProject(const Project &project, Network &net, const Normalizer &normalizer,
                            std::string modelName)
{
    ExportModel m = describeNetwork(net, normalizer, std::move(modelName));
    ExportMeaning &meaning = m.meaning;
    meaning.description = project.description;
    meaning.loss = std::string(toString(project.training.loss.kind));
    if (!normalizer.isIdentity()) meaning.normalization = std::string(toString(normalizer.kind));
    if (const auto affine = outputAffine(project); affine && int(affine->gain.size()) == m.outputSize())
        for (std::size_t i = 0; i < affine->gain.size(); ++i) {
            m.outputGain.push_back(static_cast<float>(affine->gain[i]));
            m.outputBias.push_back(static_cast<float>(affine->bias[i]));
        }
    const CsvSchema *schema = project.csvSchema ? &*project.csvSchema : nullptr;
    const int outputs = m.outputSize();
    switch (project.data.kind) {
    case DataSourceKind::Csv:
        if (!schema) break; // trained in an older version: the rows stay encoded
        attachCsvSchema(m, *schema);
        meaning.featureNames = csvFeatureNames(schema->features);
        meaning.imageShape = project.data.csv.imageShape; // the columns are an image's pixels
        break;
    case DataSourceKind::Generator:
        meaning.raw = RawInputKind::Plane;
        meaning.engineered = planeFeatureNames(project.data.features);
        meaning.featureNames = meaning.engineered;
        break;
    case DataSourceKind::Idx: {
        meaning.raw = RawInputKind::Pixels;
        const int n = m.inputSize();
        for (int k = 0; k < n; ++k)
            meaning.featureNames.push_back("pixel" + std::to_string(k));
        if (m.inputs.size() == 1) {
            const Shape &shape = m.nodes.at(static_cast<std::size_t>(m.inputs[0])).shape;
            if (shape.dims.size() == 3) meaning.imageShape = shape.dims;
        }
        break;
    }
    }
    if (static_cast<int>(meaning.featureNames.size()) != m.inputSize()) {
        // The data no longer fits the stored network: the meaning is unknown, the rows stay encoded.
        meaning.featureNames.clear();
        meaning.raw = RawInputKind::Encoded;
        m.csvColumns.clear();
        meaning.engineered.clear();
    }
    if (project.data.kind == DataSourceKind::Csv && !schema) return m;
    const TaskKind task = projectTask(project, schema);
    if (task == TaskKind::Classification) {
        meaning.task = "classification";
        meaning.classNames = projectClassNames(project, schema, outputs);
    } else {
        meaning.task = "regression";
        const std::string name = schema ? schema->target.name : std::string("prediction");
        for (int r = 0; r < outputs; ++r)
            meaning.targetNames.push_back(outputs == 1 ? name : name + std::to_string(r));
    }
    return m;
}

} // namespace nnp
