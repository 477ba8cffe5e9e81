#include "io/data_facts.h"

namespace nnp {

namespace {
std::optional<DataFacts> readFacts(const Project &project, const std::filesystem::path &baseDir)
{
    const DataSource &src = project.data;
    try {
        switch (src.kind) {
        case DataSourceKind::Generator:
            return dataFacts(withFeatures(generate(src.generator), src.features));
        case DataSourceKind::Csv: {
            if (src.path.empty()) return std::nullopt;
            std::filesystem::path path(src.path);
            if (path.is_relative() && !baseDir.empty()) path = baseDir / path;
            std::error_code ec;
            if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
            std::filesystem::path test(src.csv.testPath);
            if (!test.empty() && test.is_relative() && !baseDir.empty()) test = baseDir / test;
            return dataFacts(loadCsv(path.string(), src.csv, nullptr, test.string()).data);
        }
        case DataSourceKind::Idx:
            return std::nullopt;
        }
    } catch (const std::exception &) { // a bad file: the run says what is wrong with it
    }
    return std::nullopt;
}
} // namespace

std::optional<DataFacts> readDataFacts(const Project &project, const std::filesystem::path &baseDir)
{
    std::optional<DataFacts> facts = readFacts(project, baseDir);
    if (facts) facts->targetScaled = project.preprocessing.scaleTarget;
    return facts;
}

} // namespace nnp
