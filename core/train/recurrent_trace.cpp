#include "train/recurrent_trace.h"

#include "layers/recurrent.h"
#include "train/trace.h"

#include <cmath>

namespace nnp {

namespace {

using Eigen::Index;

/// Step t of a cache whose column n·T + t belongs to sample n, as a [rows x N] matrix.
Matrix stepOf(const Matrix &m, Index t, Index steps)
{
    const Index n = steps > 0 ? m.cols() / steps : 0;
    Matrix out(m.rows(), n);
    for (Index k = 0; k < n; ++k)
        out.col(k) = m.col(k * steps + t);
    return out;
}

} // namespace

RecurrentTrace readRecurrentTrace(const Recurrent &layer, const Matrix &input, const Matrix &ids,
                                  long long idRows)
{
    RecurrentTrace r;
    const Index T = layer.steps(), F = layer.features(), N = input.cols();
    r.units = layer.options().units;
    r.gates = recurrentGates(layer.options().kind);
    r.features = static_cast<int>(F);
    const bool lstm = layer.options().kind == LayerKind::LSTM;
    const Matrix *mask = layer.mask();
    const Matrix &dhs = layer.stateGradients(), &dz = layer.preActivationGradients();
    for (Index t = 0; t < T; ++t) {
        RecurrentStepTrace s;
        s.x = input.middleRows(t * F, F);
        s.h = stepOf(layer.hiddenStates(), t, T);
        s.hPrev = t > 0 ? stepOf(layer.hiddenStates(), t - 1, T) : Matrix::Zero(r.units, N);
        if (lstm) {
            s.c = stepOf(layer.cellStates(), t, T);
            s.cPrev = t > 0 ? stepOf(layer.cellStates(), t - 1, T) : Matrix::Zero(r.units, N);
        }
        s.pre = stepOf(layer.preActivations(), t, T);
        s.gates = stepOf(layer.gateActivations(), t, T);
        if (dhs.cols() == T * N) s.gradH = stepOf(dhs, t, T);
        if (dz.cols() == T * N) s.gradPre = stepOf(dz, t, T);
        for (Index n = 0; n < N; ++n) {
            s.ids.push_back(idRows >= 0 ? static_cast<double>(ids(static_cast<Index>(idRows) + t, n)) : -1.0);
            s.masked.push_back(mask && mask->rows() == T && (*mask)(t, n) < Scalar(0.5));
        }
        r.steps.push_back(std::move(s));
    }
    return r;
}

double stateGradientNorm(const RecurrentStepTrace &s)
{
    double sum = 0;
    for (Index i = 0; i < s.gradH.size(); ++i)
        sum += static_cast<double>(s.gradH.data()[i]) * static_cast<double>(s.gradH.data()[i]);
    return std::sqrt(sum);
}

double stepContribution(LayerKind kind, const RecurrentTrace &r, const std::string &param, int row, int col,
                        int t)
{
    if (t < 0 || t >= static_cast<int>(r.steps.size())) return 0;
    const RecurrentStepTrace &s = r.steps[static_cast<std::size_t>(t)];
    if (row < 0 || row >= s.gradPre.rows()) return 0;
    const bool recurrentSide = param == "weight_hh" || param == "bias_hh";
    // δʰ: a GRU's n gate sees the recurrent product through r (the reset gate after the product).
    const bool scaled = recurrentSide && kind == LayerKind::GRU && row >= 2 * r.units;
    double sum = 0;
    for (Index n = 0; n < s.gradPre.cols(); ++n) {
        double d = static_cast<double>(s.gradPre(row, n));
        if (scaled) d *= static_cast<double>(s.gates(row - 2 * r.units, n));
        if (param == "weight_ih") {
            if (col < 0 || col >= s.x.rows()) return 0;
            sum += d * static_cast<double>(s.x(col, n));
        } else if (param == "weight_hh") {
            if (col < 0 || col >= s.hPrev.rows()) return 0;
            sum += d * static_cast<double>(s.hPrev(col, n));
        } else if (param == "bias_ih" || param == "bias_hh") {
            sum += d;
        } else {
            return 0;
        }
    }
    return sum;
}

GateParts gateParts(const NodeTrace &nt, int row, int t, int n)
{
    GateParts g;
    const RecurrentTrace &r = nt.recurrent;
    if (t < 0 || t >= static_cast<int>(r.steps.size())) return g;
    const RecurrentStepTrace &s = r.steps[static_cast<std::size_t>(t)];
    auto param = [&](const char *name) -> const Matrix * {
        for (const ParamTrace &p : nt.params)
            if (p.name == name) return &p.before;
        return nullptr;
    };
    const Matrix *wih = param("weight_ih"), *whh = param("weight_hh"), *bih = param("bias_ih"),
                 *bhh = param("bias_hh");
    if (!wih || !whh || !bih || !bhh || row < 0 || row >= wih->rows() || n < 0 || n >= s.x.cols()) return g;
    for (Index k = 0; k < s.x.rows(); ++k)
        g.input += static_cast<double>((*wih)(row, k)) * static_cast<double>(s.x(k, n));
    for (Index k = 0; k < s.hPrev.rows(); ++k)
        g.recurrent += static_cast<double>((*whh)(row, k)) * static_cast<double>(s.hPrev(k, n));
    g.biasIh = static_cast<double>((*bih)(row, 0));
    g.biasHh = static_cast<double>((*bhh)(row, 0));
    if (nt.kind == LayerKind::GRU && row >= 2 * r.units)
        g.reset = static_cast<double>(s.gates(row - 2 * r.units, n));
    return g;
}

} // namespace nnp
