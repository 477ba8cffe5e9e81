#pragma once
// The names of a network's input features, as the project's data gives them: one rule for the exports'
// meaning, `nnp predict` and the views that label inputs (the Neurons view, the explain texts).

#include "io/project.h"

#include <string>
#include <vector>

namespace nnp {

/// The CSV's feature columns as the network sees them: "colour=red" per category, "review[3]" per word of
/// a text column, else the column's name.
std::vector<std::string> csvFeatureNames(const std::vector<CsvColumn> &columns);

/// A generator's engineered feature names ("x1", "x1²", "sin(x1)" …), from the one place that names them
/// (withFeatures); empty without engineered features.
std::vector<std::string> planeFeatureNames(const FeatureConfig &features);

/// The names of a network's `inputSize` input features, in order: the CSV's columns, a generator's
/// engineered features, an image's pixels ("pixel0"). Empty when the data does not name them or does not
/// fit `inputSize`. `schema`: the CSV schema the data was read with (CSV projects; null: unknown).
std::vector<std::string> networkInputNames(const Project &project, const CsvSchema *schema, int inputSize);

} // namespace nnp
