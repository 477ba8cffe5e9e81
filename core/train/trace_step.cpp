// Trainer::traceStep: one explained training step, with every value the explain mode shows.
#include "train/trainer.h"

#include "layers/conv2d.h"
#include "layers/pooling.h"
#include "layers/recurrent.h"
#include "train/unrolled_sequence.h"

#include <stdexcept>
#include <string>
#include <vector>

namespace nnp {

Trace Trainer::traceStep(std::span<const int> samples)
{
    for (int s : samples)
        if (s < 0 || s >= m_train.x.cols())
            throw std::invalid_argument("traceStep: sample index out of range");
    if (samples.empty()) throw std::invalid_argument("traceStep: pick at least one sample");
    Trace t;
    t.samples.assign(samples.begin(), samples.end());
    t.loss = m_config.loss;
    t.learningRate = currentLearningRate();
    t.optimizer = m_config.optimizer.kind;
    t.fusedOutput = m_net.fusedOutput();

    std::vector<Matrix> before, statisticsBefore;
    for (const auto &p : m_params)
        before.push_back(*p.ref.value);
    for (const auto &s : m_statistics)
        statisticsBefore.push_back(*s.ref.value);
    // Recurrent layers keep their steps' pre-activations and state gradients for this step only.
    const auto &nodes = m_net.nodes();
    std::vector<int> recurrent;
    for (std::size_t i = 0; i < nodes.size(); ++i)
        if (isRecurrent(nodes[i].kind)) {
            recurrent.push_back(static_cast<int>(i));
            static_cast<Recurrent &>(m_net.layer(static_cast<int>(i))).setRecordSteps(true);
        }
    struct StopRecording {
        Network &net;
        const std::vector<int> &layers;
        ~StopRecording()
        {
            for (int i : layers)
                static_cast<Recurrent &>(net.layer(i)).setRecordSteps(false);
        }
    } stop{m_net, recurrent};
    m_net.forwardColumns(m_train.x, samples, Mode::Train);
    t.target = m_train.y(Eigen::all, std::vector<int>(samples.begin(), samples.end()));
    t.lossValue = m_net.lossAndBackward(t.target);
    t.sampleLosses = m_net.sampleLossesOf(t.target);
    const Matrix batch = m_train.x(Eigen::all, std::vector<int>(samples.begin(), samples.end()));
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto &n = nodes[i];
        NodeTrace nt;
        nt.id = n.id;
        nt.name = n.name;
        nt.kind = n.kind;
        for (int p : n.inputs)
            nt.inputs.push_back(nodes[static_cast<std::size_t>(p)].y);
        if (const Matrix *z = n.layer->preActivation()) nt.z = *z;
        nt.output = n.y;
        const bool isOut = static_cast<int>(i) == m_net.outputNode();
        if (isOut && m_net.fusedOutput())
            lossGradient(m_config.loss, n.y, t.target, nt.gradOutput);
        else if (n.gradReady || isOut)
            nt.gradOutput = n.dy;
        if (const Matrix *dz = n.layer->preActivationGrad()) nt.gradPre = *dz;
        if (const NodeSpec *spec = m_net.spec().find(n.id); spec && n.inputs.size() == 1) {
            const Shape &in = nodes[static_cast<std::size_t>(n.inputs[0])].shape;
            if (n.kind == LayerKind::Conv2D) {
                nt.window = windowGeometry(in, convWindow(spec->options));
                nt.activation = activationOf(spec->options);
            } else if (n.kind == LayerKind::MaxPool2D || n.kind == LayerKind::AveragePool2D) {
                nt.window = windowGeometry(in, poolWindow(spec->options));
            }
        }
        if (isRecurrent(n.kind) && !n.inputs.empty()) {
            const auto &layer = static_cast<const Recurrent &>(*n.layer);
            nt.recurrent = readRecurrentTrace(layer, nt.inputs.front(), batch,
                                              idRowsOfSteps(m_net, static_cast<int>(i), layer.steps()));
        }
        t.nodes.push_back(std::move(nt));
    }
    for (std::size_t k = 0; k < m_params.size(); ++k) {
        const auto &p = m_params[k];
        NodeTrace *nt = nullptr;
        for (auto &x : t.nodes)
            if (x.id == p.id) nt = &x;
        nt->params.push_back({p.ref.name, before[k], *p.ref.grad, {}});
    }
    if (applyUpdate(t.lossValue)) {
        ++m_step;
        m_samplesSeen += static_cast<long long>(samples.size());
    } else {
        // applyUpdate() restores the epoch's backup, which a step traced before any epoch does not have: go
        // back to the weights before this step.
        for (std::size_t k = 0; k < m_params.size(); ++k)
            *m_params[k].ref.value = before[k];
        for (std::size_t k = 0; k < m_statistics.size(); ++k)
            *m_statistics[k].ref.value = statisticsBefore[k];
    }
    std::size_t k = 0;
    for (auto &nt : t.nodes)
        for (auto &pt : nt.params)
            pt.after = *m_params[k++].ref.value;
    return t;
}

} // namespace nnp
