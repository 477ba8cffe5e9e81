#include "optimizers/optimizer.h"

#include <array>
#include <cmath>
#include <stdexcept>

namespace nnp {

OptimizerConfig defaultOptimizerConfig(OptimizerKind kind)
{
    OptimizerConfig c;
    c.kind = kind;
    switch (kind) {
    case OptimizerKind::SGD:
        c.learningRate = 0.03;
        break;
    case OptimizerKind::AdaGrad:
        c.learningRate = 0.01;
        c.epsilon = 1e-10;
        break;
    case OptimizerKind::RMSProp:
        c.learningRate = 0.01;
        break;
    case OptimizerKind::Adadelta:
        c.learningRate = 1.0;
        c.epsilon = 1e-6;
        break;
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW:
        c.learningRate = 0.001;
        break;
    }
    return c;
}

Optimizer::Optimizer(OptimizerConfig config, std::vector<ParamRef> params)
    : m_config(config), m_params(std::move(params))
{
    reset();
}

void Optimizer::reset()
{
    m_t = 0;
    m_state.assign(m_params.size(), {});
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        const Matrix &v = *m_params[i].value;
        m_state[i].a = Matrix::Zero(v.rows(), v.cols());
        m_state[i].b = Matrix::Zero(v.rows(), v.cols());
    }
}

void Optimizer::rebind(std::vector<ParamRef> params)
{
    if (params.size() != m_params.size())
        throw std::invalid_argument("Optimizer::rebind: the parameter list changed");
    m_params = std::move(params);
}

void Optimizer::step(double lr)
{
    ++m_t;
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        ParamRef &p = m_params[i];
        if (p.l1 != 0 || p.l2 != 0) {
            m_grad = *p.grad;
            if (p.l2 != 0)
                m_grad += p.l2 * *p.value;
            if (p.l1 != 0)
                m_grad += p.l1 * p.value->cwiseSign();
            update(p, m_state[i], m_grad, lr);
        } else {
            update(p, m_state[i], *p.grad, lr);
        }
    }
}

void Optimizer::update(ParamRef &p, State &s, const Matrix &g, double lrD)
{
    auto w = p.value->array();
    const auto G = g.array();
    const Scalar lr = static_cast<Scalar>(lrD);
    const auto &c = m_config;
    switch (c.kind) {
    case OptimizerKind::SGD: {
        // Robbins & Monro 1951; momentum (Polyak 1964) and Nesterov as in Sutskever et al. 2013 / PyTorch
        if (c.momentum == 0) {
            w -= lr * G;
            break;
        }
        const Scalar mu = static_cast<Scalar>(c.momentum);
        if (m_t == 1)
            s.a = g;
        else
            s.a.array() = mu * s.a.array() + G;
        if (c.nesterov)
            w -= lr * (G + mu * s.a.array());
        else
            w -= lr * s.a.array();
        break;
    }
    case OptimizerKind::AdaGrad: {
        // Duchi, Hazan & Singer 2011
        s.a.array() += G.square();
        w -= lr * G / (s.a.array().sqrt() + static_cast<Scalar>(c.epsilon));
        break;
    }
    case OptimizerKind::RMSProp: {
        // Tieleman & Hinton 2012, lecture 6e
        const Scalar al = static_cast<Scalar>(c.alpha);
        s.a.array() = al * s.a.array() + (1 - al) * G.square();
        if (c.momentum != 0) {
            s.b.array() = static_cast<Scalar>(c.momentum) * s.b.array() +
                          G / (s.a.array().sqrt() + static_cast<Scalar>(c.epsilon));
            w -= lr * s.b.array();
        } else {
            w -= lr * G / (s.a.array().sqrt() + static_cast<Scalar>(c.epsilon));
        }
        break;
    }
    case OptimizerKind::Adadelta: {
        // Zeiler 2012, "ADADELTA: an adaptive learning rate method"
        const Scalar rho = static_cast<Scalar>(c.rho), eps = static_cast<Scalar>(c.epsilon);
        s.a.array() = rho * s.a.array() + (1 - rho) * G.square();
        s.c = ((s.b.array() + eps).sqrt() / (s.a.array() + eps).sqrt() * G).matrix();
        s.b.array() = rho * s.b.array() + (1 - rho) * s.c.array().square();
        w -= lr * s.c.array();
        break;
    }
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: {
        // Kingma & Ba 2015; AdamW: Loshchilov & Hutter 2019 (decoupled weight decay)
        if (c.kind == OptimizerKind::AdamW)
            w *= Scalar(1) - lr * static_cast<Scalar>(c.weightDecay);
        const Scalar b1 = static_cast<Scalar>(c.beta1), b2 = static_cast<Scalar>(c.beta2);
        s.a.array() = b1 * s.a.array() + (1 - b1) * G;
        s.b.array() = b2 * s.b.array() + (1 - b2) * G.square();
        const double bc1 = 1.0 - std::pow(c.beta1, static_cast<double>(m_t));
        const double bc2 = 1.0 - std::pow(c.beta2, static_cast<double>(m_t));
        const Scalar stepSize = static_cast<Scalar>(lrD / bc1);
        const Scalar sqrtBc2 = static_cast<Scalar>(std::sqrt(bc2));
        w -= stepSize * s.a.array() / (s.b.array().sqrt() / sqrtBc2 + static_cast<Scalar>(c.epsilon));
        break;
    }
    }
}

namespace {
constexpr std::array<std::pair<OptimizerKind, std::string_view>, 6> kOptNames{{
    {OptimizerKind::SGD, "sgd"},
    {OptimizerKind::AdaGrad, "adagrad"},
    {OptimizerKind::RMSProp, "rmsprop"},
    {OptimizerKind::Adadelta, "adadelta"},
    {OptimizerKind::Adam, "adam"},
    {OptimizerKind::AdamW, "adamw"},
}};
}

std::string_view toString(OptimizerKind k)
{
    for (const auto &[kind, name] : kOptNames)
        if (kind == k)
            return name;
    return "?";
}

std::optional<OptimizerKind> optimizerFromString(std::string_view s)
{
    for (const auto &[kind, name] : kOptNames)
        if (name == s)
            return kind;
    return std::nullopt;
}

const std::vector<OptimizerKind> &allOptimizers()
{
    static const std::vector<OptimizerKind> v = [] {
        std::vector<OptimizerKind> r;
        for (const auto &[kind, name] : kOptNames)
            r.push_back(kind);
        return r;
    }();
    return v;
}

} // namespace nnp
