#pragma once
// Input normalisation, fitted on the training split only and stored with the model: x' = (x − offset) · scale.

#include "tensor.h"

#include <optional>
#include <string_view>

namespace nnp {

enum class NormalizationKind { None, ZScore, MinMax };

struct Normalizer {
    NormalizationKind kind = NormalizationKind::None;
    Vector offset; ///< per feature (empty for None)
    Vector scale;  ///< per feature; a constant feature gets scale 1

    /// Fits on x [features x N] (the training columns only).
    static Normalizer fit(NormalizationKind kind, const Matrix &x);
    void applyInPlace(Matrix &x) const;
    [[nodiscard]] Matrix apply(const Matrix &x) const;
    [[nodiscard]] bool isIdentity() const { return kind == NormalizationKind::None || offset.size() == 0; }
};

std::string_view toString(NormalizationKind k); ///< "none", "zscore", "minmax"
std::optional<NormalizationKind> normalizationFromString(std::string_view s);

} // namespace nnp
