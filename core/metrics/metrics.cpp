#include "metrics/metrics.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace nnp {

std::vector<int> predictedClasses(const Matrix &out, Scalar threshold)
{
    std::vector<int> r(static_cast<std::size_t>(out.cols()));
    for (Eigen::Index c = 0; c < out.cols(); ++c) {
        if (out.rows() == 1) {
            r[static_cast<std::size_t>(c)] = out(0, c) >= threshold ? 1 : 0;
        } else {
            Eigen::Index k = 0;
            out.col(c).maxCoeff(&k);
            r[static_cast<std::size_t>(c)] = static_cast<int>(k);
        }
    }
    return r;
}

double accuracy(const std::vector<int> &predicted, const std::vector<int> &truth)
{
    if (predicted.size() != truth.size())
        throw std::invalid_argument("accuracy: predictions and labels differ in count");
    if (truth.empty()) return 0.0;
    std::size_t right = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        right += predicted[i] == truth[i];
    return double(right) / double(truth.size());
}

std::vector<std::vector<int>> confusionMatrix(const std::vector<int> &predicted,
                                              const std::vector<int> &truth, int classes)
{
    if (predicted.size() != truth.size())
        throw std::invalid_argument("confusionMatrix: predictions and labels differ in count");
    std::vector<std::vector<int>> m(static_cast<std::size_t>(classes),
                                    std::vector<int>(static_cast<std::size_t>(classes)));
    for (std::size_t i = 0; i < truth.size(); ++i) {
        if (truth[i] < 0 || truth[i] >= classes || predicted[i] < 0 || predicted[i] >= classes)
            throw std::invalid_argument("confusionMatrix: class index out of range");
        ++m[static_cast<std::size_t>(truth[i])][static_cast<std::size_t>(predicted[i])];
    }
    return m;
}

double meanAbsoluteError(const Matrix &out, const Matrix &target)
{
    if (out.size() == 0) return 0.0;
    return (out - target).template cast<double>().cwiseAbs().mean();
}

double rSquared(const Matrix &out, const Matrix &target)
{
    const Eigen::MatrixXd t = target.template cast<double>();
    const Eigen::MatrixXd o = out.template cast<double>();
    const double ssRes = (o - t).squaredNorm();
    const Eigen::VectorXd mean = t.rowwise().mean();
    const double ssTot = (t.colwise() - mean).squaredNorm();
    return ssTot > 0 ? 1.0 - ssRes / ssTot : 0.0;
}

void classProbabilities(const Matrix &out, Eigen::Index col, std::span<double> p)
{
    std::fill(p.begin(), p.end(), 0.0);
    if (p.empty()) return;
    const auto c = out.col(col);
    if (out.rows() == 1) {
        const double p1 = std::clamp(double(c(0)), 0.0, 1.0);
        p[0] = 1 - p1;
        if (p.size() > 1) p[1] = p1;
        return;
    }
    const auto k =
        static_cast<Eigen::Index>(std::min<std::size_t>(p.size(), static_cast<std::size_t>(out.rows())));
    double sum = 0;
    bool distribution = true;
    for (Eigen::Index i = 0; i < k; ++i) {
        distribution = distribution && c(i) >= 0;
        sum += double(c(i));
    }
    if (distribution && std::abs(sum - 1.0) < 1e-3) {
        for (Eigen::Index i = 0; i < k; ++i)
            p[static_cast<std::size_t>(i)] = double(c(i));
        return;
    }
    const double top = double(c.head(k).maxCoeff());
    double z = 0;
    for (Eigen::Index i = 0; i < k; ++i)
        z += std::exp(double(c(i)) - top);
    for (Eigen::Index i = 0; i < k; ++i)
        p[static_cast<std::size_t>(i)] = std::exp(double(c(i)) - top) / z;
}

std::vector<double> classProbabilities(const Matrix &out, Eigen::Index col, int classes)
{
    std::vector<double> p(static_cast<std::size_t>(std::max(classes, 0)));
    classProbabilities(out, col, p);
    return p;
}

} // namespace nnp
