#pragma once
// The meaning a project gives a model's inputs and outputs, for every export: which raw columns the rows have
// and how they become features (categories one-hot, a generator's engineered features, pixels 0-255), the
// feature names, the task, the class names. One place for the rules `nnp predict` and the exports share.

#include "export/export_model.h"
#include "io/project.h"

#include <string>
#include <vector>

namespace nnp {

/// Classification or regression, as the data decides (not the loss: a playground network may fit class
/// labels with MSE). `schema`: the CSV schema the model was trained with (CSV projects; null: regression
/// unless the loss is a classification loss).
TaskKind projectTask(const Project &project, const CsvSchema *schema);

/// The names of the classes a model's `outputs` stand for: the CSV target's categories, else "0", "1" …
/// (at least two: one sigmoid output separates two classes).
std::vector<std::string> projectClassNames(const Project &project, const CsvSchema *schema, int outputs);

/// Whether the model's output is already probabilities (a Softmax layer, a sigmoid activation) rather than
/// scores.
bool outputIsProbability(const ExportModel &model);

/// describeNetwork plus the project's meaning (ExportMeaning, the CSV columns). `normalizer`: the one the
/// export applies (identity: none).
ExportModel describeProject(const Project &project, Network &net, const Normalizer &normalizer,
                            std::string modelName);

} // namespace nnp
