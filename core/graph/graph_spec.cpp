#include "graph/graph_spec.h"

#include "layers/dense.h"
#include "layers/simple_layers.h"

#include <algorithm>
#include <array>
#include <stdexcept>
#include <utility>

namespace nnp {

const NodeSpec *GraphSpec::find(NodeId id) const
{
    for (const auto &n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

NodeSpec *GraphSpec::find(NodeId id)
{
    for (auto &n : nodes)
        if (n.id == id) return &n;
    return nullptr;
}

NodeId GraphSpec::nextId() const
{
    NodeId m = 0;
    for (const auto &n : nodes)
        m = std::max(m, n.id);
    return m + 1;
}

std::vector<EdgeSpec> GraphSpec::inputsOf(NodeId id) const
{
    std::vector<EdgeSpec> r;
    for (const auto &e : edges)
        if (e.to == id) r.push_back(e);
    std::stable_sort(r.begin(), r.end(),
                     [](const EdgeSpec &a, const EdgeSpec &b) { return a.port < b.port; });
    return r;
}

std::vector<EdgeSpec> GraphSpec::outputsOf(NodeId id) const
{
    std::vector<EdgeSpec> r;
    for (const auto &e : edges)
        if (e.from == id) r.push_back(e);
    return r;
}

NodeId GraphSpec::addNode(LayerKind kind, std::string name, LayerOptions options)
{
    NodeSpec n;
    n.id = nextId();
    n.name = std::move(name);
    n.kind = kind;
    n.options = std::move(options);
    nodes.push_back(std::move(n));
    return nodes.back().id;
}

void GraphSpec::connect(NodeId from, NodeId to, int port)
{
    if (port < 0) {
        port = 0;
        for (const auto &e : edges)
            if (e.to == to) port = std::max(port, e.port + 1);
    }
    edges.push_back({from, to, port});
}

GraphSpec makeMlp(int inputs, const std::vector<int> &hidden, int outputs, ActivationKind hiddenActivation,
                  ActivationKind outActivation, InitKind init)
{
    GraphSpec g;
    NodeId prev = g.addNode(LayerKind::Input, "input", LayerOptions().set(opt::input::shape, {inputs}));
    const auto dense = [&](int units, ActivationKind a) {
        return LayerOptions()
            .set(opt::dense::units, units)
            .set(opt::activation, a)
            .set(opt::dense::init, init);
    };
    int i = 1;
    for (int h : hidden) {
        NodeId id = g.addNode(LayerKind::Dense, "hidden" + std::to_string(i++), dense(h, hiddenActivation));
        g.connect(prev, id);
        prev = id;
    }
    NodeId out = g.addNode(LayerKind::Dense, "output", dense(outputs, outActivation));
    g.connect(prev, out);
    return g;
}

namespace {
template <class E, std::size_t N> struct NameTable {
    std::array<std::pair<E, std::string_view>, N> items;
    std::string_view name(E e) const
    {
        for (const auto &[k, v] : items)
            if (k == e) return v;
        return "?";
    }
    std::optional<E> parse(std::string_view s) const
    {
        for (const auto &[k, v] : items)
            if (v == s) return k;
        return std::nullopt;
    }
    std::vector<E> all() const
    {
        std::vector<E> r;
        for (const auto &[k, v] : items)
            r.push_back(k);
        return r;
    }
};

constexpr NameTable<ActivationKind, 8> kActivationNames{{{{ActivationKind::Linear, "linear"},
                                                          {ActivationKind::ReLU, "relu"},
                                                          {ActivationKind::LeakyReLU, "leaky_relu"},
                                                          {ActivationKind::ELU, "elu"},
                                                          {ActivationKind::GELU, "gelu"},
                                                          {ActivationKind::Tanh, "tanh"},
                                                          {ActivationKind::Sigmoid, "sigmoid"},
                                                          {ActivationKind::Softplus, "softplus"}}}};
constexpr NameTable<InitKind, 6> kInitNames{{{{InitKind::Uniform05, "uniform_0.5"},
                                              {InitKind::GlorotUniform, "glorot_uniform"},
                                              {InitKind::GlorotNormal, "glorot_normal"},
                                              {InitKind::HeUniform, "he_uniform"},
                                              {InitKind::HeNormal, "he_normal"},
                                              {InitKind::Zeros, "zeros"}}}};
} // namespace

std::string_view toString(ActivationKind k)
{
    return kActivationNames.name(k);
}
std::string_view toString(InitKind k)
{
    return kInitNames.name(k);
}
std::optional<ActivationKind> activationFromString(std::string_view s)
{
    return kActivationNames.parse(s);
}
std::optional<InitKind> initFromString(std::string_view s)
{
    return kInitNames.parse(s);
}

const std::vector<ActivationKind> &allActivations()
{
    static const auto v = kActivationNames.all();
    return v;
}
const std::vector<InitKind> &allInits()
{
    static const auto v = kInitNames.all();
    return v;
}

} // namespace nnp
