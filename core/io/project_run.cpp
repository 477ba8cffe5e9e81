#include "io/project_run.h"

#include "io/target_scaling.h"
#include "memory_budget.h"
#include "train/memory_estimate.h"

#include <utility>

namespace nnp {

namespace {

std::uint64_t bytesOf(const Matrix &m)
{
    return static_cast<std::uint64_t>(m.size()) * sizeof(Scalar);
}

} // namespace

ProjectRun::ProjectRun(const Project &project, const std::filesystem::path &baseDir, Start start)
{
    // What training takes, checked before the data is loaded or anything is allocated (an invalid graph is
    // reported by Network::build below, after the data it may also have to fit).
    const ValidationResult v = validate(project.graph);
    MemoryEstimate training;
    if (v.ok()) {
        training = estimateTraining(project.graph, v, project.training.batchSize, project.training.optimizer);
        requireMemory(project.graph, training);
    }
    bool restore = start == Start::StoredWeights && !project.weights.empty() &&
                   checkWeightsAgainstGraph(project).empty();
    if (restore) {
        try { // the inputs go through the normaliser the weights were trained with
            m_data = prepareData(project, baseDir, project.normalizer ? &*project.normalizer : nullptr);
        } catch (const std::invalid_argument &) {
            restore = false; // the data was edited since: train afresh on it
        }
    }
    if (!restore) m_data = prepareData(project, baseDir);
    if (v.ok()) { // the data as loaded and as split and normalised for training
        const PreparedData &d = m_data;
        std::uint64_t data = bytesOf(d.full.x) + bytesOf(d.full.targets);
        for (const TrainData *t : {&d.train, &d.validation, &d.test})
            data += bytesOf(t->x) + bytesOf(t->y);
        requireMemory(project.graph, training, data);
    }
    m_net = std::make_unique<Network>(Network::build(project.graph, project.training.seed));
    if (restore) {
        try {
            restoreWeights(project, *m_net);
            m_restored = true;
            m_epochOffset = project.history.empty() ? 0 : project.history.back().epoch;
        } catch (const ProjectError &) {
            // Cannot happen after checkWeightsAgainstGraph; if it does, start from the seed on fresh data.
            m_net = std::make_unique<Network>(Network::build(project.graph, project.training.seed));
            m_data = prepareData(project, baseDir);
        }
    }
    std::optional<TrainData> validation;
    if (m_data.validation.x.cols() > 0) validation = m_data.validation;
    TrainingConfig config = project.training;
    // The target loss is read in the target's own units, as the losses are shown (a scaled target: the
    // trainer compares it with the scaled loss it computes).
    if (const LossUnits u = lossUnits(config.loss.kind, &m_data.targetScaler); u.lossConverts)
        config.targetLoss /= u.lossFactor;
    m_trainer = std::make_unique<Trainer>(*m_net, config, m_data.train, std::move(validation));
    if (m_restored && project.trainerState) {
        try { // the optimizer, the schedule and the epoch continue where the stored run stopped
            m_trainer->restoreState(*project.trainerState);
            m_stateRestored = true;
            m_epochOffset = 0; // the trainer counts the stored epochs itself
        } catch (const std::invalid_argument &) {
            // The data changed size since: the weights continue with a fresh optimizer, as before version 3.
        }
    }
}

void ProjectRun::store(Project &project) const
{
    storeTrainedModel(project, *m_net, m_data);
    // A diverged run is back at earlier weights that its optimizer state no longer goes with.
    if (m_trainer->state() != RunState::Diverged) project.trainerState = m_trainer->saveState();
}

ProjectRun::~ProjectRun() = default;

} // namespace nnp
