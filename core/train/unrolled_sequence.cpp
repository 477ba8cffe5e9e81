#include "train/unrolled_sequence.h"

#include "layers/recurrent.h"
#include "train/network.h"

#include <stdexcept>

namespace nnp {

std::vector<NodeId> recurrentNodes(const Network &net)
{
    std::vector<NodeId> ids;
    for (const auto &n : net.nodes())
        if (isRecurrent(n.kind)) ids.push_back(n.id);
    return ids;
}

long long idRowsOfSteps(const Network &net, int index, int steps)
{
    int at = index;
    for (std::size_t hops = 0; hops <= net.nodes().size(); ++hops) {
        const auto &n = net.nodes()[static_cast<std::size_t>(at)];
        if (n.inputs.empty()) break;
        at = n.inputs.front();
        const auto &p = net.nodes()[static_cast<std::size_t>(at)];
        if (p.kind == LayerKind::Input) {
            if (p.shape.size() != steps) return -1;
            long long offset = 0;
            for (int i : net.inputNodes()) {
                if (i == at) return offset;
                offset += net.nodes()[static_cast<std::size_t>(i)].shape.size();
            }
            return -1;
        }
        if (p.kind != LayerKind::Embedding && p.kind != LayerKind::Dropout && !isRecurrent(p.kind)) return -1;
    }
    return -1;
}

namespace {

std::vector<double> column(const Matrix &m, Eigen::Index c, Eigen::Index from = 0, Eigen::Index rows = -1)
{
    if (rows < 0) rows = m.rows() - from;
    std::vector<double> v(static_cast<std::size_t>(rows));
    for (Eigen::Index r = 0; r < rows; ++r)
        v[static_cast<std::size_t>(r)] = static_cast<double>(m(from + r, c));
    return v;
}

} // namespace

UnrolledSequence unrollSequence(Network &net, NodeId node, const Matrix &x)
{
    const int index = net.nodeIndex(node);
    if (index < 0 || !isRecurrent(net.nodes()[static_cast<std::size_t>(index)].kind))
        throw std::invalid_argument("unrollSequence: node " + std::to_string(node) + " is not recurrent");
    if (x.rows() != net.inputSize() || x.cols() != 1)
        throw std::invalid_argument("unrollSequence: one sample of the network's inputs is needed");
    auto &layer = static_cast<Recurrent &>(net.layer(index));
    const int T = layer.steps();
    UnrolledSequence u;
    u.node = node;
    u.name = net.nodes()[static_cast<std::size_t>(index)].name;
    u.kind = layer.options().kind;
    u.units = layer.options().units;
    u.gates = recurrentGates(u.kind);

    // Column t: the sentence cut after step t (the last column is the sample itself).
    const long long rows = idRowsOfSteps(net, index, T);
    Matrix batch = x.replicate(1, rows >= 0 ? T : 1);
    if (rows >= 0)
        for (int t = 0; t < T; ++t)
            for (int s = 0; s < T; ++s) {
                const int from = s - (T - 1 - t); // step s of the cut sentence holds step `from` of the whole
                batch(static_cast<Eigen::Index>(rows + s), t) =
                    from >= 0 ? x(static_cast<Eigen::Index>(rows + from), 0) : Scalar(0);
            }
    const Matrix out = net.forward(batch, Mode::Eval);
    const Eigen::Index n = batch.cols() - 1; // the whole sample's column in the caches
    const Matrix &h = layer.hiddenStates(), &c = layer.cellStates(), &z = layer.gateActivations();
    for (int t = 0; t < T; ++t) {
        UnrolledStep s;
        const Eigen::Index col = n * T + t;
        s.hidden = column(h, col);
        if (u.kind == LayerKind::LSTM) s.cell = column(c, col);
        s.gates = column(z, col);
        if (rows >= 0) {
            s.id = static_cast<double>(x(static_cast<Eigen::Index>(rows + t), 0));
            s.output = column(out, t);
        }
        u.steps.push_back(std::move(s));
    }
    // Padding: the steps the Embedding's mask left out (the state is carried over unchanged).
    if (const auto *mask = layer.mask(); mask && mask->rows() == T)
        for (int t = 0; t < T; ++t)
            u.steps[static_cast<std::size_t>(t)].padding = (*mask)(t, n) < Scalar(0.5);
    return u;
}

} // namespace nnp
