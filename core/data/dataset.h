#pragma once
// A dataset in the core's layout: one sample per column.

#include "tensor.h"

#include <string>
#include <vector>

namespace nnp {

enum class TaskKind { Classification, Regression };

struct Dataset {
    std::string name;
    Matrix x; ///< [features x N]
    TaskKind task = TaskKind::Classification;
    std::vector<int> labels; ///< classification: class per sample, 0..classes-1
    Matrix targets;          ///< regression: [targets x N]
    int classes = 0;         ///< classification
    std::vector<std::string> featureNames;
    std::vector<std::string> classNames;  ///< classification
    std::vector<std::string> targetNames; ///< regression
    Shape sampleShape; ///< e.g. {1, 28, 28} for images (channels-first), {features} otherwise

    [[nodiscard]] int size() const { return static_cast<int>(x.cols()); }
    [[nodiscard]] int features() const { return static_cast<int>(x.rows()); }
};

} // namespace nnp
