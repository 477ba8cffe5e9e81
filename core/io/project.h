#pragma once
// The project file (.nnp): JSON with "format": "nnp" and an integer "version". Everything a user built —
// graph, layout, data source, preprocessing, hyperparameters, seed — and optionally the trained weights
// (base64 of little-endian float32) and the loss/metric history.

#include "data/csv.h"
#include "data/generators.h"
#include "data/normalize.h"
#include "data/split.h"
#include "graph/graph_spec.h"
#include "lesson/lesson.h"
#include "train/trainer_state.h"
#include "train/training_config.h"

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace nnp {

class Network;

/// Version 2: IDX images are raw 0–255 values and their scaling to [0, 1] is the "pixels" normalisation; a
/// version 1 file with IDX data and no normalisation (whose loader divided by 255) is read as "pixels".
/// Version 3: the trained weights may carry the training state ("trained"/"run_state": the optimizer's
/// moments and step, the epoch and the position in it), so a stored run continues as if it never stopped.
/// The newest version this build reads. A file is written as version 3 only when it holds a training state
/// (a reader of version 2 then says it is too new instead of failing on the key), else as version 2.
inline constexpr int kProjectVersion = 3;
inline constexpr int kProjectVersionWithoutTrainingState = 2;

/// A problem with a project file. what() names the file, the JSON path ("/graph/nodes/3/options/units")
/// and what is wrong.
class ProjectError : public std::runtime_error {
public:
    ProjectError(std::string path, std::string jsonPath, const std::string &message);
    [[nodiscard]] const std::string &path() const { return m_path; }
    [[nodiscard]] const std::string &jsonPath() const { return m_jsonPath; }
    [[nodiscard]] const std::string &message() const { return m_message; } ///< without file and JSON path

private:
    std::string m_path, m_jsonPath, m_message;
};

enum class DataSourceKind { Generator, Csv, Idx };

struct DataSource {
    DataSourceKind kind = DataSourceKind::Generator;
    GeneratorConfig generator;          ///< Generator
    FeatureConfig features;             ///< Generator: engineered inputs
    std::string path;                   ///< Csv: the file, relative to the project file where possible
    CsvOptions csv;                     ///< Csv
    std::string images, labels;         ///< Idx: training files (relative paths)
    std::string testImages, testLabels; ///< Idx: optional separate test files (MNIST ships them)
    bool operator==(const DataSource &) const = default;
};

struct Preprocessing {
    NormalizationKind normalization = NormalizationKind::None;
    /// Regression: train on the z-scored target (fitted on the training split, per output column); every
    /// prediction shown or written is turned back into the target's own units (core/io/target_scaling.h).
    bool scaleTarget = false;
    SplitConfig split;
    bool operator==(const Preprocessing &) const = default;
};

/// Which part of the data an evaluation looks at.
enum class EvalSplit { Train, Validation, Test };
/// What a sample promises: `nnp eval --check` compares against it and the CLI test relies on it.
enum class ExpectMetric { Accuracy, Loss, Mae, R2 };

/// A machine-readable stated result, e.g. {"split": "test", "metric": "accuracy", "min": 0.93}.
struct ExpectedResult {
    EvalSplit split = EvalSplit::Test;
    ExpectMetric metric = ExpectMetric::Accuracy;
    std::optional<double> min, max;
    bool operator==(const ExpectedResult &) const = default;
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
    std::string description; ///< what the sample teaches (shown in the app and by `nnp info`)
    GraphSpec graph;         ///< includes node positions
    DataSource data;
    Preprocessing preprocessing;
    TrainingConfig training;
    std::vector<StoredTensor> weights;    ///< empty: untrained
    std::optional<Normalizer> normalizer; ///< fitted on the training split when the weights were stored
    /// Regression with preprocessing.scaleTarget: the target's z-score (offset = mean, scale = 1/σ per
    /// output) the stored weights were trained on; the network's outputs are (y − offset)·scale.
    std::optional<Normalizer> targetScaler;
    std::optional<CsvSchema> csvSchema; ///< CSV projects: how rows were encoded when the weights were stored
    /// The training state that goes with `weights` (absent: a continued run starts its optimizer afresh).
    std::optional<TrainerState> trainerState;
    std::vector<EpochRecord> history;
    std::optional<ExpectedResult> expect; ///< samples: the result training with the defaults reaches
    std::optional<Lesson> lesson; ///< a guided lesson (core/lesson/lesson.h); its file opens as a template
};

/// Size limit of a project file: far above any real project (MNIST's with weights is < 1 MB), far below
/// what would hurt to parse.
inline constexpr std::uintmax_t kMaxProjectFileBytes = 256ull << 20;

std::string_view toString(EvalSplit s); ///< "train", "validation", "test"
std::optional<EvalSplit> evalSplitFromString(std::string_view s);
std::string_view toString(ExpectMetric m); ///< "accuracy", "loss", "mae", "r2"
std::optional<ExpectMetric> expectMetricFromString(std::string_view s);

/// Reads and validates everything before allocating anything large. Throws ProjectError. A relative data
/// path must stay inside the project file's folder (an absolute one is taken as it is); whether the data file
/// exists is checked by prepareData, so a project whose data moved can still be opened and fixed.
Project loadProject(const std::filesystem::path &file);
/// Parses project text (what loadProject does after reading the file); `file` only names it in errors.
Project parseProject(std::string_view text, const std::string &file = "<text>");
/// The JSON text saveProject writes (relative data paths as they are).
std::string projectToText(const Project &project);
/// Atomic: writes a temporary file beside the target, then renames it. Throws ProjectError.
/// Trained weights that no longer fit the graph (it was edited after training) are left out, with the
/// normaliser and CSV schema that belong to them; a relative data path that leads outside the target's
/// folder is written as an absolute path, so the saved file always opens again.
void saveProject(const Project &project, const std::filesystem::path &file);

/// For saving a project into another folder: relative data paths (relative to fromDir) are rewritten relative
/// to toDir when the data lies inside toDir, else made absolute; absolute paths stay as they are.
void rebaseDataPaths(Project &project, const std::filesystem::path &fromDir,
                     const std::filesystem::path &toDir);

/// Whether the stored weights fit the graph exactly (every tensor present with its shape, nothing extra).
/// Empty string: they fit (or there are none); else what is wrong, naming the tensor.
std::string checkWeightsAgainstGraph(const Project &project);

/// The data a project trains on, loaded, split and normalised (normaliser fitted on the training split).
struct PreparedData {
    Dataset full; ///< raw, as loaded
    SplitIndices split;
    Normalizer normalizer;
    Normalizer targetScaler;           ///< identity unless the project scales a regression target
    TrainData train, validation, test; ///< normalised inputs, targets in the loss's layout (scaled ones)
    std::optional<CsvSchema> csvSchema;
    std::optional<CsvMissingReport> csvMissing; ///< CSV: what the missing-value policy did
};

/// Loads the data source (paths relative to `baseDir`) and prepares it for the project's loss.
/// `fitted`: apply this normaliser (a trained model's) instead of fitting one on the training split; the
/// target scaler is then the project's stored one too, when it has one.
/// IDX projects with test files use those as the test split (split.test stays empty; the test fraction is
/// ignored). Throws ProjectError (a data file that does not exist), DataError (a bad data file) or
/// std::invalid_argument (data that does not fit the network: input size, classes vs outputs, task vs loss).
PreparedData prepareData(const Project &project, const std::filesystem::path &baseDir,
                         const Normalizer *fitted = nullptr);

/// The input pipeline after loading, in one place: raw values [raw features x N] as the data shows them (a
/// generator's plane coordinates, CSV features as encoded, pixels as loaded) → a generator's engineered
/// features → the normaliser (null or identity: unchanged). prepareData takes the training data through the
/// same steps; the boundary grid, the probe and `nnp predict` call this. Throws std::invalid_argument when
/// the values do not fit the normaliser.
Matrix networkInputs(const Project &project, const Normalizer *normalizer, const Matrix &raw);

/// Copies the network's parameters and state into project.weights (and the normaliser); the training state
/// that went with the old weights is dropped (ProjectRun::store keeps the run's).
void storeWeights(Project &project, Network &net, const Normalizer &normalizer);
/// storeWeights plus what prediction needs from the data: the CSV schema and the target scaler.
void storeTrainedModel(Project &project, Network &net, const PreparedData &data);
/// Loads project.weights into a network built from project.graph; throws ProjectError on any mismatch.
void restoreWeights(const Project &project, Network &net);

} // namespace nnp
