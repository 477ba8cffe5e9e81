#include "io/input_names.h"

#include "data/generators.h"

namespace nnp {

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

std::vector<std::string> planeFeatureNames(const FeatureConfig &features)
{
    if (features.count() == 0) return {};
    Dataset plane;
    plane.x = Matrix(2, 0);
    return withFeatures(plane, features).featureNames;
}

std::vector<std::string> networkInputNames(const Project &project, const CsvSchema *schema, int inputSize)
{
    std::vector<std::string> names;
    switch (project.data.kind) {
    case DataSourceKind::Csv:
        if (schema) names = csvFeatureNames(schema->features);
        break;
    case DataSourceKind::Generator:
        names = planeFeatureNames(project.data.features);
        break;
    case DataSourceKind::Idx:
        for (int k = 0; k < inputSize; ++k)
            names.push_back("pixel" + std::to_string(k));
        break;
    }
    if (static_cast<int>(names.size()) != inputSize) names.clear();
    return names;
}

} // namespace nnp
