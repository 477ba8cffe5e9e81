#pragma once
// The project file (.nnp): JSON with "format": "nnp" and an integer "version". Everything a user built —
// graph, layout, data source, preprocessing, hyperparameters, seed — and optionally the trained weights
// (base64 of little-endian float32) and the loss/metric history.

#include "data/csv.h"
#include "data/generators.h"
#include "data/normalize.h"
#include "data/split.h"
#include "graph/graph_spec.h"
#include "train/trainer.h"

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace nnp {

inline constexpr int kProjectVersion = 1;

/// A problem with a project file. what() names the file, the JSON path ("/graph/nodes/3/options/units")
/// and what is wrong.
class ProjectError : public std::runtime_error {
public:
    ProjectError(std::string path, std::string jsonPath, const std::string &message);
    [[nodiscard]] const std::string &path() const { return m_path; }
    [[nodiscard]] const std::string &jsonPath() const { return m_jsonPath; }

private:
    std::string m_path, m_jsonPath;
};

enum class DataSourceKind { Generator, Csv, Idx };

struct DataSource {
    DataSourceKind kind = DataSourceKind::Generator;
    GeneratorConfig generator;   ///< Generator
    FeatureConfig features;      ///< Generator: engineered inputs
    std::string path;            ///< Csv: the file, relative to the project file where possible
    CsvOptions csv;              ///< Csv
    std::string images, labels;  ///< Idx: training files (relative paths)
    std::string testImages, testLabels; ///< Idx: optional separate test files (MNIST ships them)
    bool operator==(const DataSource &) const = default;
};

struct Preprocessing {
    NormalizationKind normalization = NormalizationKind::None;
    SplitConfig split;
    bool operator==(const Preprocessing &) const = default;
};

/// One trained tensor, addressed by node id and parameter name ("weight", "bias", "running_mean" ...).
struct StoredTensor {
    NodeId node = 0;
    std::string name;
    int rows = 0, cols = 0;
    std::vector<float> values; ///< column-major, as Eigen stores it
};

struct Project {
    std::string name;
    std::string description;     ///< what the sample teaches (shown in the app and by `nnp info`)
    GraphSpec graph;             ///< includes node positions
    DataSource data;
    Preprocessing preprocessing;
    TrainingConfig training;
    std::vector<StoredTensor> weights;   ///< empty: untrained
    std::optional<Normalizer> normalizer; ///< fitted on the training split when the weights were stored
    std::vector<EpochRecord> history;
};

/// Reads and validates everything before allocating anything large. Throws ProjectError.
Project loadProject(const std::filesystem::path &file);
/// Atomic: writes a temporary file beside the target, then renames it. Throws ProjectError.
void saveProject(const Project &project, const std::filesystem::path &file);

/// The data a project trains on, loaded, split and normalised (normaliser fitted on the training split).
struct PreparedData {
    Dataset full;            ///< raw, as loaded
    SplitIndices split;
    Normalizer normalizer;
    TrainData train, validation, test; ///< normalised inputs, targets in the loss's layout
    std::optional<CsvSchema> csvSchema;
};

/// Loads the data source (paths relative to `baseDir`) and prepares it for the project's loss.
/// Throws DataError (bad file) or std::invalid_argument (data that does not fit the network).
PreparedData prepareData(const Project &project, const std::filesystem::path &baseDir);

/// Copies the network's parameters and state into project.weights (and the normaliser).
void storeWeights(Project &project, Network &net, const Normalizer &normalizer);
/// Loads project.weights into a network built from project.graph; throws ProjectError on any mismatch.
void restoreWeights(const Project &project, Network &net);

} // namespace nnp
