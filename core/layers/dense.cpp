#include "layers/dense.h"

#include "init/init.h"
#include "layers/product.h"

#include <stdexcept>

namespace nnp {

Dense::Dense(Options o) : m_options(o)
{
    if (o.units <= 0)
        throw std::invalid_argument("Dense: units must be positive");
}

void Dense::initialize(std::span<const Shape> inputs, Rng &rng)
{
    const int in = static_cast<int>(inputs[0].size());
    initializeWeights(m_w, m_options.init, in, m_options.units, rng);
    m_b = Matrix::Zero(m_options.useBias ? m_options.units : 0, 1);
    m_dw = Matrix::Zero(m_w.rows(), m_w.cols());
    m_db = Matrix::Zero(m_b.rows(), 1);
}

void Dense::forward(std::span<const Matrix *const> x, Matrix &y, Mode)
{
    multiply(m_z, m_w, Op::None, *x[0], Op::None, m_options.useBias ? &m_b : nullptr);
    activate(m_options.activation, m_z, y);
}

void Dense::backward(std::span<const Matrix *const> x, const Matrix &y, const Matrix &dy,
                     std::span<Matrix *const> dx)
{
    activateBackward(m_options.activation, m_z, y, dy, m_dz);
    backwardFromPreActivation(*x[0], m_dz, dx[0]);
}

void Dense::backwardFromPreActivation(const Matrix &x, const Matrix &dz, Matrix *dx)
{
    if (&dz != &m_dz)
        m_dz = dz;
    multiply(m_dw, m_dz, Op::None, x, Op::Transpose);
    if (m_options.useBias)
        m_db.noalias() = m_dz.rowwise().sum();
    if (dx)
        multiply(*dx, m_w, Op::Transpose, m_dz, Op::None);
}

std::vector<ParamRef> Dense::parameters()
{
    std::vector<ParamRef> p{{"weight", &m_w, &m_dw, m_options.l1, m_options.l2}};
    if (m_options.useBias)
        p.push_back({"bias", &m_b, &m_db, 0, 0});
    return p;
}

} // namespace nnp
