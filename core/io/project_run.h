#pragma once
// A training run built from a project: its prepared data, its network and its trainer. The one way runs are
// built, by the CLI (`nnp train`) and by the app's training worker.

#include "io/project.h"
#include "train/trainer.h"

#include <filesystem>
#include <memory>

namespace nnp {

class ProjectRun {
public:
    /// Where the parameters start.
    enum class Start {
        Seed,          ///< initialised from the project's seed (the stored weights are not used)
        StoredWeights, ///< the project's trained weights and their normaliser when they fit the graph and
                       ///< the data, else the seed: an opened trained project continues where it stopped
    };

    /// Loads and prepares the data (paths relative to `baseDir`), builds the network and the trainer.
    /// Throws as prepareData (ProjectError, DataError, std::invalid_argument) and Network::build
    /// (GraphError, whose diagnostics each caller words for its users).
    ProjectRun(const Project &project, const std::filesystem::path &baseDir, Start start);
    ~ProjectRun();
    ProjectRun(const ProjectRun &) = delete;
    ProjectRun &operator=(const ProjectRun &) = delete;

    [[nodiscard]] Network &network() { return *m_net; }
    [[nodiscard]] const Network &network() const { return *m_net; }
    [[nodiscard]] Trainer &trainer() { return *m_trainer; }
    [[nodiscard]] const Trainer &trainer() const { return *m_trainer; }
    [[nodiscard]] const PreparedData &data() const { return m_data; }
    /// Whether the parameters are the project's stored weights.
    [[nodiscard]] bool restored() const { return m_restored; }
    /// Epochs the stored weights were trained for that the trainer does not count (0 from the seed, and 0
    /// when the stored training state was restored: the trainer's epoch() then includes them); a continued
    /// run counts on from there.
    [[nodiscard]] int epochOffset() const { return m_epochOffset; }
    /// Whether the stored training state (optimizer, epoch, position) was restored too.
    [[nodiscard]] bool stateRestored() const { return m_stateRestored; }
    /// Stores the trained model (storeTrainedModel) and the trainer's state (unless the run diverged) into
    /// `project`, so that a run continued from it is the same as one that never stopped.
    void store(Project &project) const;

private:
    PreparedData m_data;
    std::unique_ptr<Network> m_net;
    std::unique_ptr<Trainer> m_trainer; // refers to *m_net and m_data
    bool m_restored = false;
    bool m_stateRestored = false;
    int m_epochOffset = 0;
};

} // namespace nnp
