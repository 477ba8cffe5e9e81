#pragma once
// Starting points for a new project and where the shipped samples are.

#include "io/project.h"

#include <QString>
#include <QStringList>

namespace nnp {

/// TensorFlow Playground's opening screen: circle data, 2 inputs, hidden layers of 4 and 2 tanh units,
/// one sigmoid output, binary cross-entropy, SGD at 0.03, batch 10.
Project makeDefaultProject();
/// The same data and hyperparameters with an empty canvas, for building a network from scratch.
Project makeEmptyProject();

/// The folder holding the shipped samples/*.nnp: $NNP_SAMPLES_DIR, then the ones installed next to the
/// executable (../share/nn-playground/samples, ../samples), then the source tree the app was built from.
/// Empty when none exists.
QString findSamplesDir();
/// Absolute paths of every *.nnp in findSamplesDir(), sorted by name.
QStringList listSamples();
/// Whether `path` lies in or under the samples folder: such a file opens as a template and the app never
/// writes into it (Save goes to Save As in the user's documents).
bool isSampleFile(const QString &path);
/// Where new work is saved by default: the user's Documents folder (made when missing), else home.
QString documentsFolder();

} // namespace nnp
