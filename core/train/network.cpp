#include "train/network.h"

#include "checked.h"
#include "layers/dense.h"
#include "layers/embedding.h"
#include "layers/recurrent.h"
#include "layers/simple_layers.h"
#include "layers/step_mask.h"
#include "layers/step_mask_reader.h"
#include "memory_budget.h"
#include "train/memory_estimate.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

namespace nnp {

GraphError::GraphError(ValidationResult r)
    : std::invalid_argument("The network is not valid:\n" + r.summary()), m_result(std::move(r))
{
}

namespace {
std::string invalidIdText(const std::string &node, double value, long long sample, int vocabulary)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9g", value);
    return "Embedding '" + node + "' cannot look up the id " + buf + " of sample " +
           std::to_string(sample + 1) + ": ids are whole numbers from 0 to " +
           std::to_string(vocabulary - 1) + ".";
}
} // namespace

InvalidIdError::InvalidIdError(const std::string &n, double v, long long s, int vocab)
    : std::invalid_argument(invalidIdText(n, v, s, vocab)), node(n), value(v), sample(s), vocabulary(vocab)
{
}

Network Network::build(const GraphSpec &spec, std::uint64_t seed)
{
    ValidationResult v = validate(spec);
    if (!v.ok()) throw GraphError(std::move(v));
    requireMemory(spec, estimateBuild(spec, v)); // before anything is allocated: a refusal, not a crash
    Network net;
    net.m_spec = spec;
    std::map<NodeId, int> index;
    for (NodeId id : v.order) {
        index[id] = static_cast<int>(net.m_nodes.size());
        const NodeSpec &ns = *spec.find(id);
        Node n;
        n.id = id;
        n.name = ns.name;
        n.kind = ns.kind;
        n.shape = v.shapes.at(id);
        n.layer = makeLayer(ns);
        for (const auto &e : spec.inputsOf(id))
            n.inputs.push_back(index.at(e.from));
        n.consumers = static_cast<int>(spec.outputsOf(id).size());
        net.m_nodes.push_back(std::move(n));
    }
    long long inputSize = 0;
    for (NodeId id : v.inputs) {
        net.m_inputs.push_back(index.at(id));
        inputSize = saturatingAdd(inputSize, v.shapes.at(id).size());
    }
    net.m_inputSize = checkedInt(inputSize, "The number of input values per sample"); // bounded by validate()
    net.m_output = index.at(v.output);
    net.m_maskFrom.assign(net.m_nodes.size(), -1);
    for (std::size_t i = 0; i < net.m_nodes.size(); ++i)
        if (const auto from = stepMaskSource(spec, net.m_nodes[i].id)) net.m_maskFrom[i] = index.at(*from);

    // Initialise in topological order from one seeded stream: the same seed always gives the same weights.
    Rng rng(seed);
    for (auto &n : net.m_nodes) {
        std::vector<Shape> in;
        for (int p : n.inputs)
            in.push_back(net.m_nodes[static_cast<std::size_t>(p)].shape);
        n.layer->initialize(in, rng);
        bool upstream = false;
        for (int p : n.inputs)
            upstream = upstream || net.m_nodes[static_cast<std::size_t>(p)].needsGrad;
        n.needsGrad = n.kind != LayerKind::Input && (hasParameters(n.kind) || upstream);
    }
    for (auto &n : net.m_nodes) {
        n.scratch.resize(n.inputs.size());
        n.dxTargets.assign(n.inputs.size(), nullptr);
    }
    net.prepareBackward();
    net.setLoss(net.m_loss);
    return net;
}

void Network::prepareBackward()
{
    for (auto &n : m_nodes) {
        for (std::size_t i = 0; i < n.inputs.size(); ++i) {
            Node &p = m_nodes[static_cast<std::size_t>(n.inputs[i])];
            if (!p.needsGrad)
                n.dxTargets[i] = nullptr;
            else if (p.consumers == 1)
                n.dxTargets[i] = &p.dy; // sole consumer: write straight into the producer's gradient
            else
                n.dxTargets[i] = &n.scratch[i];
        }
    }
}

Network::Network(const Network &o)
    : m_spec(o.m_spec), m_inputs(o.m_inputs), m_output(o.m_output), m_inputSize(o.m_inputSize),
      m_loss(o.m_loss), m_fusion(o.m_fusion), m_maskFrom(o.m_maskFrom)
{
    m_nodes.reserve(o.m_nodes.size());
    for (const auto &on : o.m_nodes) {
        Node n;
        n.id = on.id;
        n.name = on.name;
        n.kind = on.kind;
        n.shape = on.shape;
        n.layer = on.layer->clone();
        n.inputs = on.inputs;
        n.consumers = on.consumers;
        n.needsGrad = on.needsGrad;
        n.scratch.resize(on.inputs.size());
        n.dxTargets.assign(on.inputs.size(), nullptr);
        m_nodes.push_back(std::move(n));
    }
    prepareBackward();
}

Network::Network(Network &&) noexcept = default;
Network &Network::operator=(Network &&) noexcept = default;
Network::~Network() = default;

void Network::setLoss(const LossParams &loss)
{
    m_loss = loss;
    m_fusion = Fusion::None;
    const Node &out = m_nodes[static_cast<std::size_t>(m_output)];
    const bool bce = loss.kind == LossKind::BinaryCrossEntropy;
    const bool ce = loss.kind == LossKind::CategoricalCrossEntropy ||
                    loss.kind == LossKind::SparseCategoricalCrossEntropy;
    if (out.kind == LayerKind::Dense && bce &&
        static_cast<const Dense &>(*out.layer).options().activation.kind == ActivationKind::Sigmoid)
        m_fusion = Fusion::DenseSigmoid;
    else if ((out.kind == LayerKind::Softmax && ce) ||
             (out.kind == LayerKind::Activation && bce &&
              static_cast<const ActivationLayer &>(*out.layer).params().kind == ActivationKind::Sigmoid))
        m_fusion = Fusion::DenseLogitsLayer;
}

int Network::outputSize() const
{
    return static_cast<int>(m_nodes[static_cast<std::size_t>(m_output)].shape.size());
}

int Network::nodeIndex(NodeId id) const
{
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].id == id) return static_cast<int>(i);
    return -1;
}

const Matrix &Network::forward(const Matrix &x, Mode mode)
{
    if (x.rows() != m_inputSize)
        throw std::invalid_argument("The network expects " + std::to_string(m_inputSize) +
                                    " input values per sample but the data has " + std::to_string(x.rows()) +
                                    ".");
    Eigen::Index off = 0;
    for (int i : m_inputs) {
        Node &n = m_nodes[static_cast<std::size_t>(i)];
        const auto rows = static_cast<Eigen::Index>(n.shape.size());
        n.y = x.middleRows(off, rows);
        off += rows;
    }
    return forwardColumns(x, {}, mode);
}

const Matrix &Network::forwardColumns(const Matrix &x, std::span<const int> cols, Mode mode)
{
    if (!cols.empty()) {
        Eigen::Index off = 0;
        for (int i : m_inputs) {
            Node &n = m_nodes[static_cast<std::size_t>(i)];
            const auto rows = static_cast<Eigen::Index>(n.shape.size());
            n.y.resize(rows, static_cast<Eigen::Index>(cols.size()));
            for (std::size_t c = 0; c < cols.size(); ++c)
                n.y.col(static_cast<Eigen::Index>(c)) = x.col(cols[c]).segment(off, rows);
            off += rows;
        }
    }
    for (std::size_t j = 0; j < m_nodes.size(); ++j) {
        Node &n = m_nodes[j];
        if (n.kind == LayerKind::Input) continue;
        // The Embedding ran before (topological order): its mask of this batch says which steps are padding.
        if (const int from = m_maskFrom[j]; from >= 0)
            dynamic_cast<StepMaskReader &>(*n.layer).setMask(
                static_cast<const Embedding &>(*m_nodes[static_cast<std::size_t>(from)].layer).mask());
        m_xPtrs.clear();
        for (int p : n.inputs)
            m_xPtrs.push_back(&m_nodes[static_cast<std::size_t>(p)].y);
        try {
            n.layer->forward(m_xPtrs, n.y, mode);
        } catch (const BadIdError &e) {
            const long long sample = cols.empty() ? e.column : cols[static_cast<std::size_t>(e.column)];
            throw InvalidIdError(n.name, e.value, sample, e.vocabulary);
        }
    }
    return output();
}

const Matrix *Network::fusedLogits() const
{
    const Node &out = m_nodes[static_cast<std::size_t>(m_output)];
    switch (m_fusion) {
    case Fusion::None:
        return nullptr;
    case Fusion::DenseSigmoid:
        return out.layer->preActivation();
    case Fusion::DenseLogitsLayer:
        return &m_nodes[static_cast<std::size_t>(out.inputs[0])].y;
    }
    return nullptr;
}

const Matrix *Network::fusedLogitGrad() const
{
    return m_fusion == Fusion::None ? nullptr : &m_fusedGrad;
}

double Network::lossOf(const Matrix &target) const
{
    if (const Matrix *z = fusedLogits()) return lossValueFromLogits(m_loss, *z, target);
    return lossValue(m_loss, output(), target);
}

std::vector<double> Network::sampleLossesOf(const Matrix &target) const
{
    if (const Matrix *z = fusedLogits()) return sampleLosses(m_loss, *z, target, true);
    return sampleLosses(m_loss, output(), target);
}

double Network::lossAndBackward(const Matrix &target)
{
    Node &out = m_nodes[static_cast<std::size_t>(m_output)];
    if (target.cols() != out.y.cols() || target.rows() != targetRows(m_loss.kind, outputSize()))
        throw std::invalid_argument("The targets have the wrong shape for the network's output and loss.");
    for (auto &n : m_nodes)
        n.gradReady = false;
    const double loss = lossOf(target);
    int first = static_cast<int>(m_nodes.size()) - 1; // m_output is last in topological order
    switch (m_fusion) {
    case Fusion::None:
        lossGradient(m_loss, out.y, target, out.dy);
        break;
    case Fusion::DenseSigmoid: {
        lossGradientFromLogits(m_loss, out.y, target, m_fusedGrad);
        Node &in = m_nodes[static_cast<std::size_t>(out.inputs[0])];
        static_cast<Dense &>(*out.layer).backwardFromPreActivation(in.y, m_fusedGrad, out.dxTargets[0]);
        deliver(m_output);
        first = m_output - 1;
        break;
    }
    case Fusion::DenseLogitsLayer: {
        lossGradientFromLogits(m_loss, out.y, target, m_fusedGrad);
        if (Matrix *t = out.dxTargets[0]) *t = m_fusedGrad;
        deliver(m_output);
        first = m_output - 1;
        break;
    }
    }
    for (int j = first; j >= 0; --j)
        runNodeBackward(j);
    return loss;
}

void Network::runNodeBackward(int j)
{
    Node &n = m_nodes[static_cast<std::size_t>(j)];
    if (n.kind == LayerKind::Input || !n.needsGrad) return;
    m_xPtrs.clear();
    for (int p : n.inputs)
        m_xPtrs.push_back(&m_nodes[static_cast<std::size_t>(p)].y);
    n.layer->backward(m_xPtrs, n.y, n.dy, n.dxTargets);
    deliver(j);
}

void Network::deliver(int j)
{
    Node &n = m_nodes[static_cast<std::size_t>(j)];
    for (std::size_t i = 0; i < n.inputs.size(); ++i) {
        Matrix *t = n.dxTargets[i];
        if (!t) continue;
        Node &p = m_nodes[static_cast<std::size_t>(n.inputs[i])];
        if (t != &p.dy) {
            if (p.gradReady)
                p.dy += *t;
            else
                p.dy = *t;
        }
        p.gradReady = true;
    }
}

double Network::regularizationPenalty() const
{
    double s = 0;
    for (const auto &n : m_nodes)
        for (const auto &p : n.layer->parameters()) {
            if (p.l1 != 0) s += double(p.l1) * p.value->template cast<double>().cwiseAbs().sum();
            if (p.l2 != 0) s += 0.5 * double(p.l2) * p.value->template cast<double>().squaredNorm();
        }
    return s;
}

Matrix Network::predict(const Matrix &x, int chunk)
{
    chunk = std::max(1, std::min(chunk, predictChunk()));
    Matrix out(outputSize(), x.cols());
    for (Eigen::Index c = 0; c < x.cols(); c += chunk) {
        const Eigen::Index n = std::min<Eigen::Index>(chunk, x.cols() - c);
        try {
            out.middleCols(c, n) = forward(x.middleCols(c, n), Mode::Eval);
        } catch (const InvalidIdError &e) {
            throw InvalidIdError(e.node, e.value, e.sample + c, e.vocabulary);
        }
    }
    return out;
}

int Network::predictChunk() const
{
    // As many samples as the memory limit leaves room for beside the parameters in all the copies training
    // may hold (kTrainingParameterCopies): predict resizes the same buffers a training batch uses, so a
    // trained network's evaluation stays within the limit too (a Dense layer of ten million units takes 160
    // MB per sample). At least one, which Network::build's check covered.
    long long fixed = 0, perSample = 0;
    for (const Node &n : m_nodes) {
        const NodeSpec *spec = m_spec.find(n.id);
        if (!spec) continue;
        std::vector<Shape> in;
        for (int p : n.inputs)
            in.push_back(m_nodes[static_cast<std::size_t>(p)].shape);
        const NodeMemory m = nodeMemory(*spec, in, n.shape);
        fixed = saturatingAdd(fixed, saturatingAdd(saturatingMul(m.parameters, kTrainingParameterCopies),
                                                   saturatingMul(m.state, 2)));
        perSample = saturatingAdd(perSample, m.perSample);
    }
    const std::uint64_t scalar = sizeof(Scalar);
    const std::uint64_t limit = memoryLimit(), used = saturatingMul(std::uint64_t(fixed), scalar);
    const std::uint64_t each = std::max<std::uint64_t>(1, saturatingMul(std::uint64_t(perSample), scalar));
    const std::uint64_t room = limit > used ? (limit - used) / each : 0;
    return static_cast<int>(std::clamp<std::uint64_t>(room, 1, 1u << 20));
}

int Network::evaluationChunk() const
{
    long long widest = 1;
    for (const Node &n : m_nodes)
        widest = std::max(widest, n.shape.size());
    const long long fits =
        std::max(1ll, kEvaluationBufferBytes / (widest * static_cast<long long>(sizeof(Scalar))));
    return static_cast<int>(std::min<long long>({fits, 2048, predictChunk()}));
}

std::vector<NodeParam> Network::parameters()
{
    std::vector<NodeParam> r;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        for (auto &p : m_nodes[i].layer->parameters())
            r.push_back({static_cast<int>(i), m_nodes[i].id, m_nodes[i].name, p});
    return r;
}

std::vector<NodeParam> Network::state()
{
    std::vector<NodeParam> r;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        for (auto &p : m_nodes[i].layer->state())
            r.push_back({static_cast<int>(i), m_nodes[i].id, m_nodes[i].name, p});
    return r;
}

long long Network::parameterCount() const
{
    long long c = 0;
    for (const auto &n : m_nodes)
        for (const auto &p : n.layer->parameters())
            c += p.value->size();
    return c;
}

long long Network::forwardMultiplyAdds(std::size_t i) const
{
    const Node &n = m_nodes[i];
    const auto params = n.layer->parameters();
    if (params.empty()) return 0;
    if (n.kind == LayerKind::Dense || n.kind == LayerKind::Conv2D) {
        const Matrix &weight = *params.front().value; // [units x inputs] or [filters x c·kh·kw]
        return weight.size() * (n.kind == LayerKind::Conv2D ? n.shape.size() / weight.rows() : 1);
    }
    long long c = 0;
    for (const auto &p : params)
        c += p.value->size();
    return c;
}

long long Network::forwardMultiplyAddsPerSample() const
{
    long long c = 0;
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        c += forwardMultiplyAdds(i);
    return c;
}

bool Network::allParametersFinite()
{
    for (auto &p : parameters())
        if (!p.ref.value->allFinite()) return false;
    return true;
}

bool Network::allGradientsFinite()
{
    for (auto &n : m_nodes)
        for (const auto &p : n.layer->parameters())
            if (!p.grad->allFinite()) return false;
    return true;
}

void Network::copyParametersFrom(Network &other)
{
    auto mine = parameters(), theirs = other.parameters();
    auto ms = state(), ts = other.state();
    if (mine.size() != theirs.size() || ms.size() != ts.size())
        throw std::invalid_argument("copyParametersFrom: the networks differ");
    for (std::size_t i = 0; i < mine.size(); ++i)
        *mine[i].ref.value = *theirs[i].ref.value;
    for (std::size_t i = 0; i < ms.size(); ++i)
        *ms[i].ref.value = *ts[i].ref.value;
}

void Network::setRegularization(double l1, double l2)
{
    for (auto &n : m_nodes)
        n.layer->setRegularization(static_cast<Scalar>(l1), static_cast<Scalar>(l2));
}

void Network::reseedRandomLayers(std::uint64_t seed)
{
    Rng rng(seed);
    for (auto &n : m_nodes)
        n.layer->reseed(rng.next());
}

bool Network::hasBatchNorm() const
{
    for (const auto &n : m_nodes)
        if (n.kind == LayerKind::BatchNorm) return true;
    return false;
}

bool Network::hasStatefulLayers() const
{
    for (const auto &n : m_nodes)
        if (n.kind == LayerKind::BatchNorm || n.kind == LayerKind::Dropout) return true;
    return false;
}

} // namespace nnp
