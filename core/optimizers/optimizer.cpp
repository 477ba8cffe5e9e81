#include "optimizers/optimizer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>
#include <string>

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

void Optimizer::restore(long long steps, std::vector<Moments> moments)
{
    if (steps < 0) throw std::invalid_argument("the optimizer's step count is negative.");
    if (moments.size() != m_params.size())
        throw std::invalid_argument("the optimizer's state holds " + std::to_string(moments.size()) +
                                    " tensors, but the network trains " + std::to_string(m_params.size()) +
                                    ".");
    for (std::size_t i = 0; i < moments.size(); ++i) {
        const Matrix &v = *m_params[i].value;
        for (const Matrix *m : {&moments[i].a, &moments[i].b})
            if (m->rows() != v.rows() || m->cols() != v.cols())
                throw std::invalid_argument("the optimizer's state for \"" + m_params[i].name + "\" is " +
                                            std::to_string(m->rows()) + " x " + std::to_string(m->cols()) +
                                            ", but the parameter is " + std::to_string(v.rows()) + " x " +
                                            std::to_string(v.cols()) + ".");
    }
    m_t = steps;
    m_state = std::move(moments);
}

void Optimizer::rebind(std::vector<ParamRef> params)
{
    if (params.size() != m_params.size())
        throw std::invalid_argument("Optimizer::rebind: the parameter list changed");
    m_params = std::move(params);
}

namespace {
/// Parameters are updated in slices that stay in the L1 cache: each statement of an update rule then costs
/// one pass over a slice instead of one pass over the whole tensor (Adam's three statements made three).
constexpr Eigen::Index kSlice = 1024;
} // namespace

bool Optimizer::step(double lr)
{
    beginStep(lr);
    return updatePart(0, 1);
}

void Optimizer::beginStep(double lr)
{
    ++m_t;
    m_lr = lr;
    if (m_config.kind == OptimizerKind::Adam || m_config.kind == OptimizerKind::AdamW) {
        // Adam's bias corrections, once per step rather than once per slice.
        const double bc1 = 1.0 - std::pow(m_config.beta1, static_cast<double>(m_t));
        const double bc2 = 1.0 - std::pow(m_config.beta2, static_cast<double>(m_t));
        m_adamStepSize = static_cast<Scalar>(lr / bc1);
        m_adamSqrtBc2 = static_cast<Scalar>(std::sqrt(bc2));
    }
}

bool Optimizer::updatePart(int part, int parts)
{
    bool finite = true;
    for (std::size_t i = 0; i < m_params.size(); ++i) {
        const auto [first, last] = partRange(m_params[i].value->size(), part, parts);
        finite = update(m_params[i], m_state[i], first, last) && finite;
    }
    return finite;
}

bool Optimizer::update(ParamRef &p, State &s, Eigen::Index first, Eigen::Index last)
{
    Eigen::Array<Scalar, kSlice, 1> penalised, scratch;
    // x·0 is 0 for every finite x and NaN otherwise; a vectorised sum keeps any NaN.
    Scalar nonFinite = 0;
    for (Eigen::Index off = first; off < last; off += kSlice) {
        const Eigen::Index len = std::min(kSlice, last - off);
        Slice w(p.value->data() + off, len);
        const Scalar *g = p.grad->data() + off;
        if (p.l1 != 0 || p.l2 != 0) {
            auto pg = penalised.head(len);
            pg = ConstSlice(g, len);
            if (p.l2 != 0) pg += p.l2 * w;
            if (p.l1 != 0) pg += p.l1 * w.sign();
            g = penalised.data();
        }
        updateSlice(w, ConstSlice(g, len), Slice(s.a.data() + off, len), Slice(s.b.data() + off, len),
                    Slice(scratch.data(), len), m_lr);
        nonFinite += (w * Scalar(0)).sum();
    }
    return nonFinite == Scalar(0);
}

void Optimizer::updateSlice(Slice w, ConstSlice G, Slice a, Slice b, Slice scratch, double lrD) const
{
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
            a = G;
        else
            a = mu * a + G;
        if (c.nesterov)
            w -= lr * (G + mu * a);
        else
            w -= lr * a;
        break;
    }
    case OptimizerKind::AdaGrad: {
        // Duchi, Hazan & Singer 2011
        a += G.square();
        w -= lr * G / (a.sqrt() + static_cast<Scalar>(c.epsilon));
        break;
    }
    case OptimizerKind::RMSProp: {
        // Tieleman & Hinton 2012, lecture 6e
        const Scalar al = static_cast<Scalar>(c.alpha);
        a = al * a + (1 - al) * G.square();
        if (c.momentum != 0) {
            b = static_cast<Scalar>(c.momentum) * b + G / (a.sqrt() + static_cast<Scalar>(c.epsilon));
            w -= lr * b;
        } else {
            w -= lr * G / (a.sqrt() + static_cast<Scalar>(c.epsilon));
        }
        break;
    }
    case OptimizerKind::Adadelta: {
        // Zeiler 2012, "ADADELTA: an adaptive learning rate method"
        const Scalar rho = static_cast<Scalar>(c.rho), eps = static_cast<Scalar>(c.epsilon);
        a = rho * a + (1 - rho) * G.square();
        scratch = (b + eps).sqrt() / (a + eps).sqrt() * G;
        b = rho * b + (1 - rho) * scratch.square();
        w -= lr * scratch;
        break;
    }
    case OptimizerKind::Adam:
    case OptimizerKind::AdamW: {
        // Kingma & Ba 2015; AdamW: Loshchilov & Hutter 2019 (decoupled weight decay)
        if (c.kind == OptimizerKind::AdamW) w *= Scalar(1) - lr * static_cast<Scalar>(c.weightDecay);
        const Scalar b1 = static_cast<Scalar>(c.beta1), b2 = static_cast<Scalar>(c.beta2);
        a = b1 * a + (1 - b1) * G;
        b = b2 * b + (1 - b2) * G.square();
        w -= m_adamStepSize * a / (b.sqrt() / m_adamSqrtBc2 + static_cast<Scalar>(c.epsilon));
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
        if (kind == k) return name;
    return "?";
}

std::optional<OptimizerKind> optimizerFromString(std::string_view s)
{
    for (const auto &[kind, name] : kOptNames)
        if (name == s) return kind;
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
