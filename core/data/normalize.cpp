#include "data/normalize.h"

#include "data/data_error.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

namespace nnp {

namespace {

/// A spread this small relative to the values is rounding noise: treat the feature as constant, so that
/// dividing by it cannot blow a constant column up into huge values.
bool isConstant(double spread, double magnitude)
{
    return !(spread > 1e-12 * std::max(1.0, magnitude));
}

} // namespace

Normalizer Normalizer::fit(NormalizationKind kind, const Matrix &x, std::span<const int> columns)
{
    Normalizer n;
    n.kind = kind;
    if (kind == NormalizationKind::None) return n;
    if (kind == NormalizationKind::Pixels) return pixelScaling(x.rows());
    if (columns.empty()) throw DataError("Cannot fit the normalisation: the training split has no samples.");
    const Eigen::Index features = x.rows();
    for (int c : columns)
        if (c < 0 || c >= x.cols())
            throw std::invalid_argument("Normalizer::fit: column " + std::to_string(c) + " is outside 0.." +
                                        std::to_string(x.cols() - 1) + ".");
    n.offset.resize(features);
    n.scale.resize(features);
    // Accumulate in double: float sums of thousands of pixels lose the digits a variance needs.
    for (Eigen::Index f = 0; f < features; ++f) {
        double a = 0, b = 0;
        if (kind == NormalizationKind::ZScore) {
            double sum = 0;
            for (int c : columns)
                sum += static_cast<double>(x(f, c));
            const double mean = sum / static_cast<double>(columns.size());
            double sq = 0;
            for (int c : columns) {
                const double d = static_cast<double>(x(f, c)) - mean;
                sq += d * d;
            }
            const double sd = std::sqrt(sq / static_cast<double>(columns.size()));
            a = mean;
            b = isConstant(sd, std::abs(mean)) ? 1.0 : 1.0 / sd;
        } else {
            double lo = std::numeric_limits<double>::infinity(), hi = -lo;
            for (int c : columns) {
                lo = std::min(lo, static_cast<double>(x(f, c)));
                hi = std::max(hi, static_cast<double>(x(f, c)));
            }
            a = lo;
            b = isConstant(hi - lo, std::max(std::abs(lo), std::abs(hi))) ? 1.0 : 1.0 / (hi - lo);
        }
        n.offset(f) = static_cast<Scalar>(a);
        n.scale(f) = static_cast<Scalar>(b);
    }
    return n;
}

Normalizer pixelScaling(Eigen::Index features)
{
    Normalizer n;
    n.kind = NormalizationKind::Pixels;
    n.offset = Vector::Zero(features);
    n.scale = Vector::Constant(features, static_cast<Scalar>(kPixelScale));
    return n;
}

Normalizer Normalizer::fit(NormalizationKind kind, const Matrix &x)
{
    std::vector<int> all(static_cast<std::size_t>(x.cols()));
    std::iota(all.begin(), all.end(), 0);
    return fit(kind, x, all);
}

void Normalizer::applyInPlace(Matrix &x) const
{
    if (isIdentity()) return;
    if (x.rows() != offset.size() || scale.size() != offset.size())
        throw std::invalid_argument("The normalisation was fitted on " + std::to_string(offset.size()) +
                                    " features but the data has " + std::to_string(x.rows()) + ".");
    x.colwise() -= offset;
    x.array().colwise() *= scale.array();
}

void Normalizer::invertInPlace(Matrix &x) const
{
    if (isIdentity()) return;
    if (x.rows() != offset.size() || scale.size() != offset.size())
        throw std::invalid_argument("The scaling was fitted on " + std::to_string(offset.size()) +
                                    " values per sample but there are " + std::to_string(x.rows()) + ".");
    x.array().colwise() /= scale.array();
    x.colwise() += offset;
}

Matrix Normalizer::apply(const Matrix &x) const
{
    Matrix out = x;
    applyInPlace(out);
    return out;
}

std::string_view toString(NormalizationKind k)
{
    switch (k) {
    case NormalizationKind::None:
        return "none";
    case NormalizationKind::ZScore:
        return "zscore";
    case NormalizationKind::MinMax:
        return "minmax";
    case NormalizationKind::Pixels:
        return "pixels";
    }
    return "none";
}

std::optional<NormalizationKind> normalizationFromString(std::string_view s)
{
    std::string key;
    for (char c : s)
        if (c != '-' && c != '_' && c != ' ')
            key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (key == "none" || key == "off") return NormalizationKind::None;
    if (key == "zscore" || key == "standard" || key == "standardize") return NormalizationKind::ZScore;
    if (key == "minmax") return NormalizationKind::MinMax;
    if (key == "pixels" || key == "pixel") return NormalizationKind::Pixels;
    return std::nullopt;
}

} // namespace nnp
