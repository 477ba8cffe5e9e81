#include "io/project_run.h"

#include <utility>

namespace nnp {

ProjectRun::ProjectRun(const Project &project, const std::filesystem::path &baseDir, Start start)
{
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
    m_trainer = std::make_unique<Trainer>(*m_net, project.training, m_data.train, std::move(validation));
}

ProjectRun::~ProjectRun() = default;

} // namespace nnp
