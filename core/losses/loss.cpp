#include "losses/loss.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>
#include <stdexcept>
#include <string>

namespace nnp {

namespace {
constexpr double kEps = 1e-7; // clamps log() arguments when a probability rounds to 0 or 1

std::string dims(const Matrix &m)
{
    return std::to_string(m.rows()) + "x" + std::to_string(m.cols());
}

/// Targets come from the user's data: a wrong shape or a class label outside the outputs would read (and for
/// gradients write) outside the matrices, so every entry point checks them first. Costs one pass over N
/// labels.
void checkTargets(const LossParams &p, const Matrix &out, const Matrix &target)
{
    const int rows = targetRows(p.kind, static_cast<int>(out.rows()));
    if (target.cols() != out.cols() || target.rows() != rows)
        throw std::invalid_argument("The " + std::string(toString(p.kind)) + " loss of " +
                                    std::to_string(out.rows()) + " outputs needs targets of " +
                                    std::to_string(rows) + "x" + std::to_string(out.cols()) +
                                    " but the targets are " + dims(target) + ".");
    if (p.kind != LossKind::SparseCategoricalCrossEntropy) return;
    for (Eigen::Index c = 0; c < target.cols(); ++c) {
        const Scalar k = target(0, c);
        if (!(k >= 0 && k < static_cast<Scalar>(out.rows()) && k == std::floor(k))) {
            std::ostringstream os;
            os << "Sample " << c << " has the class label " << k << ", but the network has " << out.rows()
               << " outputs (classes 0 to " << out.rows() - 1
               << ") — give the last layer one unit per class, or fix the labels.";
            throw std::invalid_argument(os.str());
        }
    }
}

double sparseNll(const Matrix &logProb, const Matrix &target)
{
    double s = 0;
    for (Eigen::Index c = 0; c < logProb.cols(); ++c) {
        const auto k = static_cast<Eigen::Index>(target(0, c));
        s -= static_cast<double>(logProb(k, c));
    }
    return s;
}
} // namespace

double lossValue(const LossParams &p, const Matrix &out, const Matrix &target)
{
    checkTargets(p, out, target);
    const double n = static_cast<double>(out.cols());
    switch (p.kind) {
    case LossKind::MSE:
        return 0.5 * (out - target).template cast<double>().squaredNorm() / n;
    case LossKind::MAE:
        return (out - target).template cast<double>().cwiseAbs().sum() / n;
    case LossKind::Huber: {
        const double d = p.huberDelta;
        return (out - target)
                   .template cast<double>()
                   .unaryExpr([d](double r) {
                       const double a = std::abs(r);
                       return a <= d ? 0.5 * r * r : d * (a - 0.5 * d);
                   })
                   .sum() /
               n;
    }
    case LossKind::BinaryCrossEntropy: {
        const auto a = out.template cast<double>().array().min(1 - kEps).max(kEps);
        const auto y = target.template cast<double>().array();
        return -(y * a.log() + (1 - y) * (1 - a).log()).sum() / n;
    }
    case LossKind::CategoricalCrossEntropy:
        return -(target.template cast<double>().array() * out.template cast<double>().array().max(kEps).log())
                    .sum() /
               n;
    case LossKind::SparseCategoricalCrossEntropy: {
        const Matrix logA = out.array().max(Scalar(kEps)).log().matrix();
        return sparseNll(logA, target) / n;
    }
    }
    return 0;
}

void lossGradient(const LossParams &p, const Matrix &out, const Matrix &target, Matrix &dOut)
{
    checkTargets(p, out, target);
    const Scalar inv = Scalar(1) / Scalar(out.cols());
    dOut.resize(out.rows(), out.cols());
    switch (p.kind) {
    case LossKind::MSE:
        dOut.noalias() = (out - target) * inv;
        break;
    case LossKind::MAE:
        dOut = (out - target).array().sign() * inv;
        break;
    case LossKind::Huber: {
        const Scalar d = p.huberDelta;
        dOut = (out - target).unaryExpr([d, inv](Scalar r) { return std::clamp(r, -d, d) * inv; });
        break;
    }
    case LossKind::BinaryCrossEntropy: {
        const auto a = out.array().min(Scalar(1 - kEps)).max(Scalar(kEps));
        dOut = ((a - target.array()) / (a * (1 - a))) * inv;
        break;
    }
    case LossKind::CategoricalCrossEntropy:
        dOut = -(target.array() / out.array().max(Scalar(kEps))) * inv;
        break;
    case LossKind::SparseCategoricalCrossEntropy:
        dOut.setZero();
        for (Eigen::Index c = 0; c < out.cols(); ++c) {
            const auto k = static_cast<Eigen::Index>(target(0, c));
            dOut(k, c) = -inv / std::max(out(k, c), Scalar(kEps));
        }
        break;
    }
}

double lossValueFromLogits(const LossParams &p, const Matrix &z, const Matrix &target)
{
    checkTargets(p, z, target);
    const double n = static_cast<double>(z.cols());
    switch (p.kind) {
    case LossKind::BinaryCrossEntropy: {
        // max(z,0) − z·y + log(1 + e^−|z|). The first part in double: exact for a large z and soft targets.
        // The second in the core's precision (as PyTorch computes it), 16 values at a time with Eigen's
        // vectorised exp and log: log(1 + e) = log(u) − ((u − 1) − e)/u with u = 1 ⊕ e corrects the rounding
        // of u, so it stays accurate for a tiny e. Double's scalar exp and log1p took a sixth of a playground
        // step.
        const auto zd = z.template cast<double>().array();
        const auto y = target.template cast<double>().array();
        double soft = 0;
        Eigen::Array<Scalar, 16, 1> a, e, u;
        for (Eigen::Index i = 0; i < z.size(); i += 16) {
            a.setConstant(Scalar(1000)); // padding: e^−1000 = 0 adds log(1) = 0
            for (Eigen::Index j = 0; j < 16 && i + j < z.size(); ++j)
                a[j] = std::abs(z.data()[i + j]);
            e = (-a).exp();
            u = e + Scalar(1);
            soft += double((u.log() - ((u - Scalar(1)) - e) / u).sum());
        }
        return ((zd.max(0.0) - zd * y).sum() + soft) / n;
    }
    case LossKind::CategoricalCrossEntropy:
    case LossKind::SparseCategoricalCrossEntropy: {
        double s = 0;
        for (Eigen::Index c = 0; c < z.cols(); ++c) {
            const auto col = z.col(c).template cast<double>();
            const double m = col.maxCoeff();
            const double lse = m + std::log((col.array() - m).exp().sum());
            if (p.kind == LossKind::SparseCategoricalCrossEntropy)
                s += lse - col(static_cast<Eigen::Index>(target(0, c)));
            else
                s += lse * target.col(c).template cast<double>().sum() -
                     col.dot(target.col(c).template cast<double>());
        }
        return s / n;
    }
    default:
        throw std::invalid_argument("lossValueFromLogits: only cross-entropy losses take logits");
    }
}

std::vector<double> sampleLosses(const LossParams &p, const Matrix &out, const Matrix &target,
                                 bool fromLogits)
{
    checkTargets(p, out, target);
    std::vector<double> losses(static_cast<std::size_t>(out.cols()));
    Matrix a, y; // one column each: the batch-mean formulas with N = 1
    for (Eigen::Index n = 0; n < out.cols(); ++n) {
        a = out.col(n);
        y = target.col(n);
        losses[static_cast<std::size_t>(n)] = fromLogits ? lossValueFromLogits(p, a, y) : lossValue(p, a, y);
    }
    return losses;
}

void lossGradientFromLogits(const LossParams &p, const Matrix &a, const Matrix &target, Matrix &dz)
{
    checkTargets(p, a, target);
    const Scalar inv = Scalar(1) / Scalar(a.cols());
    if (p.kind == LossKind::SparseCategoricalCrossEntropy) {
        dz = a * inv;
        for (Eigen::Index c = 0; c < a.cols(); ++c)
            dz(static_cast<Eigen::Index>(target(0, c)), c) -= inv;
        return;
    }
    if (p.kind == LossKind::CategoricalCrossEntropy) {
        // softmax + CE: dz = a·Σy − y per column (a − y for one-hot targets). Σy is kept so the gradient
        // matches lossValueFromLogits for any targets, not only columns that sum to 1.
        dz.resize(a.rows(), a.cols());
        for (Eigen::Index c = 0; c < a.cols(); ++c)
            dz.col(c) = (a.col(c) * target.col(c).sum() - target.col(c)) * inv;
        return;
    }
    dz.noalias() = (a - target) * inv;
}

bool isClassificationLoss(LossKind k)
{
    return k == LossKind::BinaryCrossEntropy || k == LossKind::CategoricalCrossEntropy ||
           k == LossKind::SparseCategoricalCrossEntropy;
}

int targetRows(LossKind k, int outputs)
{
    return k == LossKind::SparseCategoricalCrossEntropy ? 1 : outputs;
}

namespace {
constexpr std::array<std::pair<LossKind, std::string_view>, 6> kLossNames{{
    {LossKind::MSE, "mse"},
    {LossKind::MAE, "mae"},
    {LossKind::Huber, "huber"},
    {LossKind::BinaryCrossEntropy, "binary_crossentropy"},
    {LossKind::CategoricalCrossEntropy, "categorical_crossentropy"},
    {LossKind::SparseCategoricalCrossEntropy, "sparse_categorical_crossentropy"},
}};
}

std::string_view toString(LossKind k)
{
    for (const auto &[kind, name] : kLossNames)
        if (kind == k) return name;
    return "?";
}

std::optional<LossKind> lossFromString(std::string_view s)
{
    for (const auto &[kind, name] : kLossNames)
        if (name == s) return kind;
    return std::nullopt;
}

const std::vector<LossKind> &allLosses()
{
    static const std::vector<LossKind> v = [] {
        std::vector<LossKind> r;
        for (const auto &[kind, name] : kLossNames)
            r.push_back(kind);
        return r;
    }();
    return v;
}

Matrix classTargets(LossKind k, const std::vector<int> &labels, int classes)
{
    const auto n = static_cast<Eigen::Index>(labels.size());
    const bool indices = k == LossKind::SparseCategoricalCrossEntropy ||
                         (k == LossKind::BinaryCrossEntropy && classes <= 2) ||
                         (!isClassificationLoss(k) && classes <= 2);
    if (indices) {
        Matrix t(1, n);
        for (Eigen::Index i = 0; i < n; ++i)
            t(0, i) = static_cast<Scalar>(labels[static_cast<std::size_t>(i)]);
        return t;
    }
    Matrix t = Matrix::Zero(classes, n);
    for (Eigen::Index i = 0; i < n; ++i)
        t(labels[static_cast<std::size_t>(i)], i) = 1;
    return t;
}

} // namespace nnp
