#include "layers/simple_layers.h"

namespace nnp {

void Softmax::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    const Matrix &in = *x[0];
    y.resize(in.rows(), in.cols());
    for (Eigen::Index c = 0; c < in.cols(); ++c) {
        const Scalar m = in.col(c).maxCoeff();
        y.col(c) = (in.col(c).array() - m).exp();
        y.col(c) /= y.col(c).sum();
    }
}

void Softmax::backward(std::span<const Matrix *const>, const Matrix &y, const Matrix &dy,
                       std::span<Matrix *const> dx)
{
    if (!dx[0])
        return;
    // dx = y ⊙ (dy − Σ_k y_k dy_k), per column.
    m_tmp.noalias() = (y.array() * dy.array()).matrix().colwise().sum();
    dx[0]->resize(y.rows(), y.cols());
    dx[0]->array() = y.array() * (dy.array().rowwise() - m_tmp.array());
}

void Dropout::forward(std::span<const Matrix *const> x, Matrix &y, Mode mode)
{
    m_trained = mode == Mode::Train && m_rate > 0;
    if (!m_trained) {
        y = *x[0];
        return;
    }
    const Scalar keep = Scalar(1) - m_rate;
    const Scalar scale = Scalar(1) / keep;
    m_mask.resize(x[0]->rows(), x[0]->cols());
    for (Eigen::Index c = 0; c < m_mask.cols(); ++c)
        for (Eigen::Index r = 0; r < m_mask.rows(); ++r)
            m_mask(r, c) = m_rng.uniform() < static_cast<double>(keep) ? scale : Scalar(0);
    y.noalias() = (x[0]->array() * m_mask.array()).matrix();
}

void Dropout::backward(std::span<const Matrix *const>, const Matrix &, const Matrix &dy,
                       std::span<Matrix *const> dx)
{
    if (!dx[0])
        return;
    if (m_trained)
        dx[0]->noalias() = (dy.array() * m_mask.array()).matrix();
    else
        *dx[0] = dy;
}

void Concatenate::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    Eigen::Index rows = 0;
    for (const Matrix *m : x)
        rows += m->rows();
    y.resize(rows, x[0]->cols());
    Eigen::Index off = 0;
    for (const Matrix *m : x) {
        y.middleRows(off, m->rows()) = *m;
        off += m->rows();
    }
}

void Concatenate::backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                           std::span<Matrix *const> dx)
{
    Eigen::Index off = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (dx[i])
            *dx[i] = dy.middleRows(off, x[i]->rows());
        off += x[i]->rows();
    }
}

void Add::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    y = *x[0];
    for (std::size_t i = 1; i < x.size(); ++i)
        y += *x[i];
}

void Add::backward(std::span<const Matrix *const> x, const Matrix &, const Matrix &dy,
                   std::span<Matrix *const> dx)
{
    for (std::size_t i = 0; i < x.size(); ++i)
        if (dx[i])
            *dx[i] = dy;
}

} // namespace nnp
