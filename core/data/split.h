#pragma once
// Train / validation / test split by fractions, stratified for classes, reproducible from the seed.

#include "data/dataset.h"

#include <cstdint>
#include <vector>

namespace nnp {

struct SplitConfig {
    double validation = 0.0; ///< fraction of samples
    double test = 0.2;       ///< fraction of samples; the rest trains
    bool stratify = true;    ///< keep class proportions (classification only)
    std::uint64_t seed = 1;
    bool operator==(const SplitConfig &) const = default;
};

struct SplitIndices {
    std::vector<int> train, validation, test; ///< sample indices, each sorted ascending
};

/// Throws DataError when the fractions are negative or leave no training sample.
SplitIndices splitDataset(const Dataset &d, const SplitConfig &config);
/// The samples at `indices`, in that order, with every other field copied.
Dataset subset(const Dataset &d, const std::vector<int> &indices);

} // namespace nnp
