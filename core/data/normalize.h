#pragma once
// Input normalisation, fitted on the training split only and stored with the model: x' = (x − offset) ·
// scale.

#include "tensor.h"

#include <optional>
#include <span>
#include <string_view>

namespace nnp {

enum class NormalizationKind { None, ZScore, MinMax };

struct Normalizer {
    NormalizationKind kind = NormalizationKind::None;
    Vector offset; ///< per feature (empty for None)
    Vector scale;  ///< per feature; a constant feature gets scale 1

    /// Fits on x [features x N] (the training columns only). z-score: offset = mean, scale = 1/σ
    /// (population); min-max: offset = min, scale = 1/(max − min). A constant feature gets scale 1. Throws
    /// DataError when there is no column to fit on.
    static Normalizer fit(NormalizationKind kind, const Matrix &x);
    /// Fits on the given columns of x only (e.g. the training split's indices), without copying them.
    static Normalizer fit(NormalizationKind kind, const Matrix &x, std::span<const int> columns);
    /// Throws std::invalid_argument when x has another number of features than the fit.
    void applyInPlace(Matrix &x) const;
    [[nodiscard]] Matrix apply(const Matrix &x) const;
    [[nodiscard]] bool isIdentity() const { return kind == NormalizationKind::None || offset.size() == 0; }
};

std::string_view toString(NormalizationKind k); ///< "none", "zscore", "minmax"
/// Also accepts "z-score", "standard", "min-max"; case-insensitive.
std::optional<NormalizationKind> normalizationFromString(std::string_view s);

} // namespace nnp
