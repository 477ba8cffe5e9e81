#pragma once
// Helpers for the core tests: hand-written and fixed random matrices, comparisons, and numeric gradients by
// central differences.
// The core tests link the double build (nnp_core_f64), so Scalar is double and the differences are exact to
// about 1e-10 — far below the 1e-6 relative tolerance the checks use.

#include "layers/layer.h"
#include "tensor.h"

#include <QByteArray>

#include <cmath>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

namespace nnp::testutil {

static_assert(sizeof(Scalar) == sizeof(double), "gradient checks need the double build (nnp_core_f64)");

/// A matrix with entries uniform in [lo, hi), the same for the same seed.
inline Matrix randomMatrix(Eigen::Index rows, Eigen::Index cols, std::uint64_t seed, double lo = -1.0,
                           double hi = 1.0)
{
    Rng rng(seed);
    Matrix m(rows, cols);
    for (Eigen::Index c = 0; c < cols; ++c)
        for (Eigen::Index r = 0; r < rows; ++r)
            m(r, c) = rng.uniform(lo, hi);
    return m;
}

/// dF/dm by central differences, perturbing every entry of m in place (restored afterwards).
inline Matrix numericGradient(Matrix &m, const std::function<double()> &f, double h = 1e-5)
{
    Matrix g(m.rows(), m.cols());
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        const double keep = m.data()[i];
        m.data()[i] = keep + h;
        const double up = f();
        m.data()[i] = keep - h;
        const double down = f();
        m.data()[i] = keep;
        g.data()[i] = (up - down) / (2 * h);
    }
    return g;
}

/// Empty when every entry agrees: |a − n| <= rel·max(|a|, |n|) + abs; else a message naming the first misfit.
inline std::string compareGradients(const std::string &what, const Matrix &analytic, const Matrix &numeric,
                                    double rel = 1e-6, double abs = 1e-9)
{
    std::ostringstream os;
    if (analytic.rows() != numeric.rows() || analytic.cols() != numeric.cols()) {
        os << what << ": analytic gradient is " << analytic.rows() << "x" << analytic.cols() << ", expected "
           << numeric.rows() << "x" << numeric.cols();
        return os.str();
    }
    for (Eigen::Index c = 0; c < analytic.cols(); ++c)
        for (Eigen::Index r = 0; r < analytic.rows(); ++r) {
            const double a = analytic(r, c), n = numeric(r, c);
            if (!std::isfinite(a) || std::abs(a - n) > rel * std::max(std::abs(a), std::abs(n)) + abs) {
                os.precision(12);
                os << what << "(" << r << "," << c << "): analytic " << a << " numeric " << n;
                return os.str();
            }
        }
    return {};
}

/// Checks a layer's input gradients and every parameter gradient against central differences of the random
/// linear functional L = Σ r ⊙ y (so dL/dy = r). `beforeForward` runs before every forward (Dropout reseeds
/// there so that the mask stays fixed). Returns an empty string when everything agrees.
inline std::string checkLayerGradients(Layer &layer, std::vector<Matrix> xs, Mode mode,
                                       const std::function<void()> &beforeForward = {},
                                       std::uint64_t seed = 99)
{
    auto ptrs = [&xs] {
        std::vector<const Matrix *> p;
        for (const auto &x : xs)
            p.push_back(&x);
        return p;
    };
    Matrix y;
    auto run = [&] {
        if (beforeForward) beforeForward();
        const auto p = ptrs();
        layer.forward(p, y, mode);
    };
    run();
    const Matrix r = randomMatrix(y.rows(), y.cols(), seed);
    const Matrix y0 = y;

    std::vector<Matrix> dx(xs.size());
    std::vector<Matrix *> dxPtrs;
    for (auto &d : dx)
        dxPtrs.push_back(&d);
    {
        const auto p = ptrs();
        layer.backward(p, y0, r, dxPtrs);
    }
    std::vector<Matrix> paramGrads;
    auto params = layer.parameters();
    for (const auto &p : params)
        paramGrads.push_back(*p.grad);

    auto loss = [&] {
        run();
        return (r.array() * y.array()).sum();
    };
    for (std::size_t i = 0; i < xs.size(); ++i) {
        const Matrix numeric = numericGradient(xs[i], loss);
        auto err = compareGradients("dL/dx[" + std::to_string(i) + "]", dx[i], numeric);
        if (!err.empty()) return err;
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
        const Matrix numeric = numericGradient(*params[i].value, loss);
        auto err = compareGradients("dL/d" + params[i].name, paramGrads[i], numeric);
        if (!err.empty()) return err;
    }
    return {};
}

/// Hand values in tests are written with ~16 digits; this compares to 1e-12 relative.
inline bool near(double a, double b, double tol = 1e-12)
{
    return std::abs(a - b) <= tol * std::max({1.0, std::abs(a), std::abs(b)});
}

/// A matrix from its entries written row by row, as a hand-worked case reads.
inline Matrix mat(Eigen::Index rows, Eigen::Index cols, std::initializer_list<double> rowMajor)
{
    Matrix m(rows, cols);
    auto it = rowMajor.begin();
    for (Eigen::Index r = 0; r < rows; ++r)
        for (Eigen::Index c = 0; c < cols; ++c)
            m(r, c) = *it++;
    return m;
}

/// Same shape, and every entry near() its counterpart.
inline bool matNear(const Matrix &a, const Matrix &b, double tol = 1e-12)
{
    if (a.rows() != b.rows() || a.cols() != b.cols()) return false;
    for (Eigen::Index i = 0; i < a.size(); ++i)
        if (!near(a.data()[i], b.data()[i], tol)) return false;
    return true;
}

/// A matrix printed with every digit, for failure messages.
inline QByteArray show(const Matrix &m)
{
    std::ostringstream os;
    os.precision(17);
    os << m;
    return QByteArray::fromStdString(os.str());
}

} // namespace nnp::testutil
