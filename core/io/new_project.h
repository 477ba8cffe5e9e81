#pragma once
// A project whose network fits its data in one step (what `nnp new` makes): the Input's shape from the data,
// hidden Dense layers, and an output with a loss that match the target.

#include "io/project.h"

#include <filesystem>
#include <string>
#include <vector>

namespace nnp {

struct NewProjectSpec {
    DataSource data; ///< a CSV file (path relative to the project's folder, or absolute) or a generator
    std::vector<int> hidden; ///< units of each hidden Dense layer
    ActivationKind activation = ActivationKind::ReLU;
};

/// Reads the data (a DataError or ProjectError names the file) and builds the project: Input [features] (or,
/// for a CSV with an image shape, Input [C, H, W] and a Flatten); the hidden layers; for two classes one
/// sigmoid unit and binary cross-entropy, for more a Dense of one unit per class, Softmax and sparse
/// categorical cross-entropy, for a regression linear units and mean squared error, with target scaling when
/// the target is far from unit scale; z-score normalisation for a CSV (none for the playground's generators,
/// as TensorFlow Playground); a stratified 20 % test split; Adam at 0.01, batch 32, 100 epochs, seed 1. IDX
/// images are refused (they want a CNN: start from a sample).
Project newProjectForData(const NewProjectSpec &spec, const std::filesystem::path &projectDir);

/// How a project in `projectDir` stores the path of a data file: relative when the file lies in or under that
/// folder (the project then travels with its data), else absolute.
std::string storedDataPath(const std::filesystem::path &data, const std::filesystem::path &projectDir);

} // namespace nnp
