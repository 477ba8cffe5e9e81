#include "export/project_meaning.h"

#include "data/generators.h"
#include "io/input_names.h"
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
        meaning.imageShape = project.data.csv.imageShape; // the columns are an image's pixels
        break;
    case DataSourceKind::Generator:
        meaning.raw = RawInputKind::Plane;
        meaning.engineered = planeFeatureNames(project.data.features);
        break;
    case DataSourceKind::Idx: {
        meaning.raw = RawInputKind::Pixels;
        if (m.inputs.size() == 1) {
            const Shape &shape = m.nodes.at(static_cast<std::size_t>(m.inputs[0])).shape;
            if (shape.dims.size() == 3) meaning.imageShape = shape.dims;
        }
        break;
    }
    }
    meaning.featureNames = networkInputNames(project, schema, m.inputSize());
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
