// The trainer's state besides the parameters (trainer_state.h): captured to store a run with its weights, and
// restored to continue it exactly where it stopped.
#include "train/trainer.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <string>
#include <utility>

namespace nnp {

TrainerState Trainer::saveState() const
{
    TrainerState s;
    s.optimizerSteps = m_optimizer->steps();
    const auto &moments = m_optimizer->moments();
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        StoredMoments m;
        m.node = m_params[i].id;
        m.name = m_params[i].ref.name;
        m.rows = static_cast<int>(m_params[i].ref.value->rows());
        m.cols = static_cast<int>(m_params[i].ref.value->cols());
        m.a.assign(moments[i].a.data(), moments[i].a.data() + moments[i].a.size());
        m.b.assign(moments[i].b.data(), moments[i].b.data() + moments[i].b.size());
        s.moments.push_back(std::move(m));
    }
    s.epoch = m_epoch;
    s.step = m_step;
    s.samplesSeen = m_samplesSeen;
    s.epochOpen = m_epochOpen;
    s.position = m_epochOpen ? static_cast<long long>(m_pos) : 0; // a finished epoch leaves m_pos at its end
    s.epochLossSum = m_epochLossSum;
    s.epochCount = m_epochCount;
    s.epochCorrect = m_epochCorrect;
    s.epochAbsErr = m_epochAbsErr;
    s.lossScale = m_lossScale;
    s.firstLossSeen = m_firstLossSeen;
    for (const Network::Node &n : m_net.nodes())
        if (std::string state = n.layer->randomState(); !state.empty())
            s.random.push_back({n.id, std::move(state)});
    return s;
}

void Trainer::restoreState(const TrainerState &s)
{
    // Everything is checked before anything changes.
    std::vector<Optimizer::Moments> moments(m_params.size());
    if (s.moments.size() != m_params.size())
        throw std::invalid_argument("the stored training state holds " + std::to_string(s.moments.size()) +
                                    " optimizer tensors, but the network trains " +
                                    std::to_string(m_params.size()) + ".");
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        const NodeParam &p = m_params[i];
        const auto found = std::find_if(s.moments.begin(), s.moments.end(), [&](const StoredMoments &m) {
            return m.node == p.id && m.name == p.ref.name;
        });
        if (found == s.moments.end())
            throw std::invalid_argument("the stored training state has no optimizer state for \"" +
                                        p.ref.name + "\" of node " + std::to_string(p.id) + ".");
        const Matrix &v = *p.ref.value;
        const auto n = static_cast<std::size_t>(v.size());
        if (found->rows != v.rows() || found->cols != v.cols() || found->a.size() != n ||
            found->b.size() != n)
            throw std::invalid_argument("the stored optimizer state for \"" + p.ref.name + "\" of node " +
                                        std::to_string(p.id) + " does not have the parameter's shape.");
        moments[i].a.resize(v.rows(), v.cols());
        moments[i].b.resize(v.rows(), v.cols());
        for (std::size_t k = 0; k < n; ++k) {
            moments[i].a.data()[k] = static_cast<Scalar>(found->a[k]);
            moments[i].b.data()[k] = static_cast<Scalar>(found->b[k]);
        }
    }
    const auto samples = static_cast<long long>(m_order.size());
    if (s.epoch < 0 || s.step < 0 || s.samplesSeen < 0 || s.optimizerSteps < 0 || s.position < 0 ||
        s.position > samples || (!s.epochOpen && s.position != 0) || s.epochCount < 0 || s.epochCorrect < 0)
        throw std::invalid_argument("the stored training state does not fit the data (" +
                                    std::to_string(samples) + " training samples).");
    // Dropout's streams: every random layer's, or none (a state stored before they were saved).
    std::vector<std::pair<Layer *, const std::string *>> streams;
    std::size_t randomLayers = 0;
    for (const Network::Node &n : m_net.nodes()) {
        if (n.layer->randomState().empty()) continue;
        ++randomLayers;
        const auto found = std::find_if(s.random.begin(), s.random.end(),
                                        [&](const StoredRandom &r) { return r.node == n.id; });
        if (found != s.random.end()) streams.emplace_back(n.layer.get(), &found->state);
    }
    if (streams.size() != s.random.size() || (!streams.empty() && streams.size() != randomLayers))
        throw std::invalid_argument("the stored training state's random streams do not fit the network's "
                                    "Dropout layers.");
    for (const auto &[layer, state] : streams)
        if (Rng probe; !probe.setState(*state))
            throw std::invalid_argument("a stored random stream of a Dropout layer is damaged.");
    m_optimizer->restore(s.optimizerSteps, std::move(moments));
    for (const auto &[layer, state] : streams)
        layer->setRandomState(*state);
    // The shuffled order is the seed's: replaying the shuffles of the epochs begun leaves the generator and
    // the order exactly where the stored run had them.
    m_rng.seed(m_config.seed);
    std::iota(m_order.begin(), m_order.end(), 0);
    const long long begun = static_cast<long long>(s.epoch) + (s.epochOpen ? 1 : 0);
    if (m_config.shuffle)
        for (long long e = 0; e < begun; ++e)
            m_rng.shuffle(m_order.begin(), m_order.end());
    m_epoch = s.epoch;
    m_step = s.step;
    m_samplesSeen = s.samplesSeen;
    m_epochOpen = s.epochOpen;
    m_pos = static_cast<std::size_t>(s.position);
    m_epochLossSum = s.epochLossSum;
    m_epochCount = s.epochCount;
    m_epochCorrect = s.epochCorrect;
    m_epochAbsErr = s.epochAbsErr;
    m_lossScale = s.lossScale;
    m_firstLossSeen = s.firstLossSeen;
    if (m_epochOpen) { // a divergence in this epoch goes back to the weights it resumed from
        m_backup.resize(m_params.size());
        for (std::size_t i = 0; i < m_params.size(); ++i)
            m_backup[i] = *m_params[i].ref.value;
        m_statisticsBackup.resize(m_statistics.size());
        for (std::size_t i = 0; i < m_statistics.size(); ++i)
            m_statisticsBackup[i] = *m_statistics[i].ref.value;
    }
}

} // namespace nnp
