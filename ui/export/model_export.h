#pragma once
// What File > Export writes for a model or a dataset, independent of any widget: the export dialogs run
// runExport() on a worker thread with a copy of the project, and the tests call it the same way.

#include "io/project.h"

#include <QString>
#include <QStringList>

namespace nnp {

enum class ExportFormat { Onnx, Pytorch, Keras, Weights, Data };

/// "onnx", "pytorch", "keras", "weights", "data": stable names for object names and settings.
QString formatId(ExportFormat format);
/// "ONNX", "PyTorch" ... as the menu shows them (translated).
QString formatTitle(ExportFormat format);
/// The file name a new export suggests: "<project>.onnx", "<project>.py", "<project>_weights.json" ...
QString suggestedFileName(ExportFormat format, const QString &projectName);

struct ExportRequest {
    ExportFormat format = ExportFormat::Onnx;
    QString path;                     ///< the file to write (Weights as CSV: the folder)
    QString modelName;                ///< the model's name inside the file (ONNX graph, script docstring)
    bool includeNormalization = true; ///< the exported model takes raw inputs (the normaliser is inside)
    bool weightsAsCsv = false;        ///< Weights: one CSV per tensor in the folder `path`, else JSON
    bool dataWithSplit = true;        ///< Data: a "split" column (train / validation / test)
};

struct ExportOutcome {
    bool ok = false;
    QString message;     ///< what was written, or why nothing was (naming the layer the core refused)
    QStringList written; ///< the files (or folder) written
};

/// Where an export dialog starts: the folder of the last export (kept in the settings) if it still exists,
/// else the project's folder (`projectFile` may be empty), else the user's documents — never the samples
/// folder (a sample is a template).
QString exportStartFolder(const QString &projectFile);
/// Remembers the folder of a file (or folder) just written, for the next export.
void rememberExportFolder(const QString &writtenPath);

/// Whether `format` needs trained weights (every format but Data).
bool needsWeights(ExportFormat format);
/// Why the project's stored weights cannot be exported (untrained, or the graph was edited after training);
/// empty when they can.
QString trainedStateProblem(const Project &project);
/// Writes the export. Never throws: every failure (untrained model, a layer the format cannot express, a file
/// that cannot be written, data that cannot be loaded) becomes a message. `baseDir`: where the project's
/// relative data paths start (for Data). Safe to call on any thread: it only reads its arguments.
ExportOutcome runExport(const Project &project, const QString &baseDir, const ExportRequest &request);

} // namespace nnp
