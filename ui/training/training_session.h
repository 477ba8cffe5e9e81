#pragma once
// Everything one training run owns: the core's ProjectRun (prepared data, network, trainer), and what the
// output view needs (the raw 2-D points and the boundary grid's inputs). Lives on the worker thread only.

#include "io/project_run.h"
#include "training/training_snapshot.h"

#include <atomic>
#include <filesystem>
#include <memory>

namespace nnp {

class TrainingSession {
public:
    /// Loads and prepares the data and compiles the network. Throws (DataError, GraphError,
    /// std::invalid_argument ...) with a message a user can act on; TrainingWorker reports it.
    /// Trained weights stored in the project that fit its graph are loaded (with their normaliser), so an
    /// opened trained project shows its model and training continues from it; weights that do not fit
    /// (the graph or the data was edited) are ignored and the network starts from the seed.
    TrainingSession(const Project &project, const std::filesystem::path &baseDir);
    ~TrainingSession();
    TrainingSession(const TrainingSession &) = delete;
    TrainingSession &operator=(const TrainingSession &) = delete;

    [[nodiscard]] Trainer &trainer() { return m_run->trainer(); }
    [[nodiscard]] Network &network() { return m_run->network(); }
    [[nodiscard]] int trainSamples() const { return static_cast<int>(data().train.x.cols()); }
    /// Whether the run starts from the project's stored weights.
    [[nodiscard]] bool restored() const { return m_run->restored(); }
    /// Epochs the stored weights were trained for (0 without stored weights); the run counts on from there.
    [[nodiscard]] int epochOffset() const { return m_run->epochOffset(); }
    /// Null when the data does not have exactly two raw input coordinates.
    [[nodiscard]] std::shared_ptr<const PlanePoints> plane() const { return m_plane; }
    /// The prepared data and the project the run was built from (the insight views read them).
    [[nodiscard]] const PreparedData &data() const { return m_run->data(); }
    [[nodiscard]] const Project &project() const { return m_project; }

    /// The network's output over the plane on a size × size grid (null without a plane).
    std::shared_ptr<const BoundaryGrid> computeBoundary(int size);
    /// The plane's size × size grid points (row 0 at yMax) as the network sees them: engineered features,
    /// normalised. Empty without a plane.
    [[nodiscard]] Matrix planeGridInputs(int size) const;
    /// A copy of the parameters and running statistics, with the normaliser the inputs went through.
    [[nodiscard]] std::shared_ptr<const TrainedWeights> copyWeights();
    /// Takes the Dense layers' L1/L2 rates from `graph` (by node id); the next batch uses them.
    void setLayerRates(const GraphSpec &graph);
    /// Sessions alive in the process (tests check that reset and shutdown free every run).
    static int liveCount();
    /// Sessions built in the process so far (tests check that a burst of edits builds one run).
    static int builtCount();

private:
    void buildPlane();

    Project m_project;
    std::unique_ptr<ProjectRun> m_run; // the data, the network and the trainer, built as the CLI builds them
    std::shared_ptr<const PlanePoints> m_plane;
    int m_gridSize = 0;
    Matrix m_gridInputs; ///< the grid's points as the network sees them (features, normalised)
    static std::atomic<int> s_live, s_built;
};

} // namespace nnp
