#pragma once
// Input normalisation, fitted on the training split only and stored with the model: x' = (x − offset) ·
// scale. Pixels is the fixed scaling of 0–255 image values to [0, 1] (offset 0, scale 1/255): images are
// loaded as raw pixel values, and the scaling is a visible part of the project that every export carries.

#include "tensor.h"

#include <optional>
#include <span>
#include <string_view>

namespace nnp {

enum class NormalizationKind { None, ZScore, MinMax, Pixels };

/// The scale of NormalizationKind::Pixels: 8-bit pixel values 0–255 become 0–1.
inline constexpr double kPixelScale = 1.0 / 255.0;

struct Normalizer {
    NormalizationKind kind = NormalizationKind::None;
    Vector offset; ///< per feature (empty for None)
    Vector scale;  ///< per feature; a constant feature gets scale 1

    /// Fits on x [features x N] (the training columns only). z-score: offset = mean, scale = 1/σ
    /// (population); min-max: offset = min, scale = 1/(max − min). A constant feature gets scale 1. Pixels:
    /// offset 0, scale 1/255 whatever the data. Throws DataError when there is no column to fit on.
    static Normalizer fit(NormalizationKind kind, const Matrix &x);
    /// Fits on the given columns of x only (e.g. the training split's indices), without copying them.
    static Normalizer fit(NormalizationKind kind, const Matrix &x, std::span<const int> columns);
    /// Throws std::invalid_argument when x has another number of features than the fit.
    void applyInPlace(Matrix &x) const;
    [[nodiscard]] Matrix apply(const Matrix &x) const;
    /// The inverse, x = x' / scale + offset: a scaled regression target back in its own units (the target
    /// scaler, core/io/target_scaling.h). Throws std::invalid_argument as applyInPlace.
    void invertInPlace(Matrix &x) const;
    [[nodiscard]] bool isIdentity() const { return kind == NormalizationKind::None || offset.size() == 0; }
};

/// Offset 0 and scale 1/255 for each of `features` 0–255 pixel values.
Normalizer pixelScaling(Eigen::Index features);

std::string_view toString(NormalizationKind k); ///< "none", "zscore", "minmax", "pixels"
/// Also accepts "z-score", "standard", "min-max"; case-insensitive.
std::optional<NormalizationKind> normalizationFromString(std::string_view s);

} // namespace nnp
