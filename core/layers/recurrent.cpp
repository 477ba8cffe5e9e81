#include "layers/recurrent.h"

#include "init/init.h"
#include "layers/layer_registry.h"
#include "layers/product.h"

#include <Eigen/QR>

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace nnp {

namespace {

using Eigen::Index;
using StepMap = Eigen::Map<Matrix, 0, Eigen::OuterStride<>>;
using ConstStepMap = Eigen::Map<const Matrix, 0, Eigen::OuterStride<>>;

/// Step t of a cache whose column n·T + t belongs to sample n: a [rows x N] view with stride T·rows.
StepMap stepOf(Matrix &m, Index t, Index steps)
{
    const Index n = steps > 0 ? m.cols() / steps : 0;
    return {m.data() + t * m.rows(), m.rows(), n, Eigen::OuterStride<>(steps * m.rows())};
}

ConstStepMap stepOf(const Matrix &m, Index t, Index steps)
{
    const Index n = steps > 0 ? m.cols() / steps : 0;
    return {m.data() + t * m.rows(), m.rows(), n, Eigen::OuterStride<>(steps * m.rows())};
}

ConstStepMap whole(const Matrix &m)
{
    return {m.data(), m.rows(), m.cols(), Eigen::OuterStride<>(m.rows())};
}

template <class X> auto sigmoid(const X &x)
{
    return (Scalar(1) + (-x).exp()).inverse();
}

} // namespace

int recurrentGates(LayerKind k)
{
    switch (k) {
    case LayerKind::SimpleRNN:
        return 1;
    case LayerKind::LSTM:
        return 4;
    case LayerKind::GRU:
        return 3;
    default:
        return 0;
    }
}

Recurrent::Recurrent(Options o) : m_options(o), m_gates(recurrentGates(o.kind))
{
    if (m_gates == 0) throw std::invalid_argument("Recurrent: not a recurrent kind");
    if (m_options.units <= 0) throw std::invalid_argument("Recurrent: units must be positive");
}

void Recurrent::initialize(std::span<const Shape> inputs, Rng &rng)
{
    const Shape &in = inputs[0];
    if (in.dims.size() != 2) throw std::invalid_argument("Recurrent: the input must be [time, features]");
    m_steps = in.dims[0];
    m_features = in.dims[1];
    const Index H = m_options.units, GH = m_gates * H;
    // Keras' initialisation (Glorot & Bengio 2010 for the input kernel, Saxe et al. 2014 for the recurrent
    // one): Glorot uniform over Keras' kernel [features, G·units], an orthogonal recurrent kernel, zero
    // biases and, for the LSTM, a forget-gate bias of 1 so that the cell remembers from the start.
    initializeWeights(m_wih, InitKind::GlorotUniform, GH, m_features, m_features, static_cast<double>(GH),
                      rng);
    Matrix a(GH, H);
    for (Index r = 0; r < GH; ++r)
        for (Index c = 0; c < H; ++c)
            a(r, c) = static_cast<Scalar>(rng.normal());
    const Eigen::HouseholderQR<Matrix> qr(a);
    m_whh = qr.householderQ() * Matrix::Identity(GH, H);
    for (Index c = 0; c < H; ++c)
        if (qr.matrixQR()(c, c) < 0) m_whh.col(c) = -m_whh.col(c);
    m_bih = Matrix::Zero(GH, 1);
    m_bhh = Matrix::Zero(GH, 1);
    if (m_options.kind == LayerKind::LSTM) m_bih.middleRows(H, H).setOnes();
    m_dwih = Matrix::Zero(GH, m_features);
    m_dwhh = Matrix::Zero(GH, H);
    m_dbih = Matrix::Zero(GH, 1);
    m_dbhh = Matrix::Zero(GH, 1);
}

void Recurrent::setMask(const Matrix &mask)
{
    if (mask.rows() != m_steps) throw std::invalid_argument("Recurrent: the mask needs one row per step");
    m_mask = mask;
    m_hasMask = true;
}

void Recurrent::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    const Matrix &in = *x[0];
    const Index T = m_steps, F = m_features, H = m_options.units, GH = m_gates * H, N = in.cols();
    if (m_hasMask && m_mask.cols() != N)
        throw std::invalid_argument("Recurrent: the mask has " + std::to_string(m_mask.cols()) +
                                    " columns for a batch of " + std::to_string(N));
    const LayerKind kind = m_options.kind;
    // All steps' input products at once: the input viewed as [features x T·N] has column n·T + t.
    const Eigen::Map<const Matrix> xs(in.data(), F, T * N);
    m_z.resize(GH, T * N);
    multiplyInto(m_z, m_wih, Op::None, xs, Op::None);
    m_z.colwise() += m_bih.col(0);
    if (kind != LayerKind::GRU) m_z.colwise() += m_bhh.col(0);
    m_h.resize(H, T * N);
    if (kind == LayerKind::LSTM) m_c.resize(H, T * N);
    if (kind == LayerKind::GRU) m_hn.resize(H, T * N);
    m_rec.resize(GH, N);
    m_zero.setZero(H, N);
    if (m_record) m_pre.resize(GH, T * N);

    for (Index t = 0; t < T; ++t) {
        StepMap z = stepOf(m_z, t, T), h = stepOf(m_h, t, T);
        const ConstStepMap hp = t > 0 ? stepOf(std::as_const(m_h), t - 1, T) : whole(m_zero);
        if (t > 0)
            multiplyInto(m_rec, m_whh, Op::None, hp, Op::None);
        else
            m_rec.setZero();
        if (kind == LayerKind::SimpleRNN) {
            if (m_record) stepOf(m_pre, t, T) = z + m_rec;
            z.array() = (z.array() + m_rec.array()).tanh();
            h = z;
        } else if (kind == LayerKind::LSTM) {
            z += m_rec;
            if (m_record) stepOf(m_pre, t, T) = z;
            z.topRows(2 * H).array() = sigmoid(z.topRows(2 * H).array());
            z.middleRows(2 * H, H).array() = z.middleRows(2 * H, H).array().tanh();
            z.bottomRows(H).array() = sigmoid(z.bottomRows(H).array());
            StepMap c = stepOf(m_c, t, T);
            const ConstStepMap cp = t > 0 ? stepOf(std::as_const(m_c), t - 1, T) : whole(m_zero);
            c.array() = z.middleRows(H, H).array() * cp.array() +
                        z.topRows(H).array() * z.middleRows(2 * H, H).array();
            h.array() = z.bottomRows(H).array() * c.array().tanh();
            if (m_hasMask)
                for (Index n = 0; n < N; ++n)
                    if (m_mask(t, n) < Scalar(0.5)) c.col(n) = cp.col(n);
        } else { // GRU: r, z, n
            m_rec.colwise() += m_bhh.col(0);
            if (m_record) stepOf(m_pre, t, T).topRows(2 * H) = z.topRows(2 * H) + m_rec.topRows(2 * H);
            z.topRows(2 * H).array() = sigmoid(z.topRows(2 * H).array() + m_rec.topRows(2 * H).array());
            StepMap hn = stepOf(m_hn, t, T);
            hn = m_rec.bottomRows(H);
            if (m_record)
                stepOf(m_pre, t, T).bottomRows(H).array() =
                    z.bottomRows(H).array() + z.topRows(H).array() * hn.array();
            z.bottomRows(H).array() = (z.bottomRows(H).array() + z.topRows(H).array() * hn.array()).tanh();
            const auto u = z.middleRows(H, H).array();
            h.array() = (Scalar(1) - u) * z.bottomRows(H).array() + u * hp.array();
        }
        if (m_hasMask)
            for (Index n = 0; n < N; ++n)
                if (m_mask(t, n) < Scalar(0.5)) h.col(n) = hp.col(n);
    }
    if (m_options.returnSequences) {
        y.resize(T * H, N);
        Eigen::Map<Matrix>(y.data(), H, T * N) = m_h;
    } else {
        y = stepOf(std::as_const(m_h), T - 1, T);
    }
}

void Recurrent::backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                         std::span<Matrix *const> dx)
{
    const Matrix &in = *x[0];
    const Index T = m_steps, F = m_features, H = m_options.units, GH = m_gates * H, N = in.cols();
    const LayerKind kind = m_options.kind;
    m_dz.resize(GH, T * N);
    m_dzh.resize(GH, N);
    m_dh.setZero(H, N);
    if (kind == LayerKind::LSTM) m_dc.setZero(H, N);
    m_carryH.resize(H, N);
    m_carryC.resize(H, N);
    m_dwhh.setZero(GH, H);
    m_dbhh.setZero(GH, 1);
    if (m_record) m_dhs.resize(H, T * N);

    for (Index t = T - 1; t >= 0; --t) {
        // m_dh: dL/dh_t from later steps; add this step's output gradient.
        if (m_options.returnSequences)
            m_dh += ConstStepMap(dy.data() + t * H, H, N, Eigen::OuterStride<>(T * H));
        else if (t == T - 1)
            m_dh += dy;
        if (m_record) stepOf(m_dhs, t, T) = m_dh;
        // A masked step only hands its gradients on to the previous state.
        if (m_hasMask) {
            m_carryH.setZero();
            if (kind == LayerKind::LSTM) m_carryC.setZero();
            for (Index n = 0; n < N; ++n)
                if (m_mask(t, n) < Scalar(0.5)) {
                    m_carryH.col(n) = m_dh.col(n);
                    m_dh.col(n).setZero();
                    if (kind == LayerKind::LSTM) {
                        m_carryC.col(n) = m_dc.col(n);
                        m_dc.col(n).setZero();
                    }
                }
        }
        const ConstStepMap z = stepOf(std::as_const(m_z), t, T);
        const ConstStepMap hp = t > 0 ? stepOf(std::as_const(m_h), t - 1, T) : whole(m_zero);
        StepMap dz = stepOf(m_dz, t, T);
        if (kind == LayerKind::SimpleRNN) {
            dz.array() = m_dh.array() * (Scalar(1) - z.array().square());
            m_dzh = dz;
        } else if (kind == LayerKind::LSTM) {
            const auto i = z.topRows(H).array(), f = z.middleRows(H, H).array(),
                       g = z.middleRows(2 * H, H).array(), o = z.bottomRows(H).array();
            const ConstStepMap cp = t > 0 ? stepOf(std::as_const(m_c), t - 1, T) : whole(m_zero);
            const auto tc = stepOf(std::as_const(m_c), t, T).array().tanh();
            // dc: the cell's gradient from later steps plus through h = o⊙tanh(c).
            m_dc.array() += m_dh.array() * o * (Scalar(1) - tc.square());
            dz.topRows(H).array() = m_dc.array() * g * i * (Scalar(1) - i);
            dz.middleRows(H, H).array() = m_dc.array() * cp.array() * f * (Scalar(1) - f);
            dz.middleRows(2 * H, H).array() = m_dc.array() * i * (Scalar(1) - g.square());
            dz.bottomRows(H).array() = m_dh.array() * tc * o * (Scalar(1) - o);
            m_dc.array() *= f;
            m_dzh = dz;
        } else { // GRU
            const auto r = z.topRows(H).array(), u = z.middleRows(H, H).array(), nn = z.bottomRows(H).array();
            const auto hn = stepOf(std::as_const(m_hn), t, T).array();
            dz.bottomRows(H).array() = m_dh.array() * (Scalar(1) - u) * (Scalar(1) - nn.square());
            dz.topRows(H).array() = dz.bottomRows(H).array() * hn * r * (Scalar(1) - r);
            dz.middleRows(H, H).array() = m_dh.array() * (hp.array() - nn) * u * (Scalar(1) - u);
            m_dzh.topRows(2 * H) = dz.topRows(2 * H);
            m_dzh.bottomRows(H).array() = dz.bottomRows(H).array() * r;
            m_dh.array() *= u; // the direct path h' = … + z⊙h
        }
        m_dbhh += m_dzh.rowwise().sum();
        if (t > 0) {
            multiplyInto(m_dwhh, m_dzh, Op::None, hp, Op::Transpose, true);
            if (kind == LayerKind::GRU)
                multiplyInto(m_dh, m_whh, Op::Transpose, m_dzh, Op::None, true);
            else
                multiplyInto(m_dh, m_whh, Op::Transpose, m_dzh, Op::None);
        }
        if (m_hasMask) {
            m_dh += m_carryH;
            if (kind == LayerKind::LSTM) m_dc += m_carryC;
        }
    }
    const Eigen::Map<const Matrix> xs(in.data(), F, T * N);
    m_dwih.resize(GH, F);
    multiplyInto(m_dwih, m_dz, Op::None, xs, Op::Transpose);
    m_dbih = m_dz.rowwise().sum();
    if (dx[0]) {
        dx[0]->resize(T * F, N);
        Eigen::Map<Matrix> dxs(dx[0]->data(), F, T * N);
        multiplyInto(dxs, m_wih, Op::Transpose, m_dz, Op::None);
    }
}

std::vector<ParamRef> Recurrent::parameters()
{
    return {{"weight_ih", &m_wih, &m_dwih, 0, 0},
            {"weight_hh", &m_whh, &m_dwhh, 0, 0},
            {"bias_ih", &m_bih, &m_dbih, 0, 0},
            {"bias_hh", &m_bhh, &m_dbhh, 0, 0}};
}

} // namespace nnp
