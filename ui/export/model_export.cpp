#include "export/model_export.h"

#include "document/default_project.h"

#include "export/code_export.h"
#include "export/export_model.h"
#include "export/onnx_export.h"
#include "export/project_meaning.h"
#include "export/weights_export.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>

#include <filesystem>

namespace nnp {

namespace {
// lupdate files tr() calls in free functions under the enclosing namespace, "nnp": the same context here, or
// the translations would never be found.
QString tr(const char *text)
{
    return QCoreApplication::translate("nnp", text);
}

std::filesystem::path fsPath(const QString &path)
{
    return std::filesystem::path(path.toStdU16String());
}

QString fromFs(const std::filesystem::path &p)
{
    return QString::fromStdU16String(p.u16string());
}

ExportOutcome writeModel(const Project &project, const ExportRequest &r)
{
    ExportOutcome out;
    Network net = Network::build(project.graph, project.training.seed);
    net.setLoss(project.training.loss);
    restoreWeights(project, net);
    const Normalizer normalizer =
        r.includeNormalization ? project.normalizer.value_or(Normalizer{}) : Normalizer{};
    const std::string name =
        r.modelName.trimmed().isEmpty() ? project.name : r.modelName.trimmed().toStdString();
    // The raw columns, feature names, task and class names travel with the model.
    ExportModel model = describeProject(project, net, normalizer, name.empty() ? std::string("model") : name);
    const std::filesystem::path path = fsPath(r.path);
    switch (r.format) {
    case ExportFormat::Onnx:
        writeOnnx(model, path);
        out.written << r.path;
        out.message = model.normalized()
                          ? tr("Wrote %1 (ONNX opset %2; the model takes raw inputs: the normalisation is "
                               "inside).")
                                .arg(r.path)
                                .arg(kOnnxOpset)
                          : tr("Wrote %1 (ONNX opset %2).").arg(r.path).arg(kOnnxOpset);
        break;
    case ExportFormat::Pytorch:
    case ExportFormat::Keras: {
        const auto weights =
            r.format == ExportFormat::Pytorch ? writePytorch(model, path) : writeKeras(model, path);
        out.written << r.path << fromFs(weights);
        out.message = tr("Wrote %1 and its weights %2.").arg(r.path, fromFs(weights));
        break;
    }
    case ExportFormat::Weights:
        if (r.weightsAsCsv) {
            writeWeightsCsv(model, path);
            out.message = tr("Wrote one CSV file per tensor (and tensors.csv, the index) to the folder %1.")
                              .arg(r.path);
        } else {
            writeWeightsJson(model, path);
            out.message = tr("Wrote the weights to %1.").arg(r.path);
        }
        out.written << r.path;
        break;
    case ExportFormat::Data:
        break;
    }
    out.ok = true;
    return out;
}

ExportOutcome writeData(const Project &project, const QString &baseDir, const ExportRequest &r)
{
    ExportOutcome out;
    const PreparedData data = prepareData(project, fsPath(baseDir.isEmpty() ? QDir::currentPath() : baseDir));
    writeDatasetCsv(data.full, fsPath(r.path), r.dataWithSplit ? &data.split : nullptr);
    out.ok = true;
    out.written << r.path;
    out.message = tr("Wrote %1 samples (%2 features) to %3.")
                      .arg(static_cast<qlonglong>(data.full.size()))
                      .arg(data.full.features())
                      .arg(r.path);
    return out;
}
} // namespace

QString formatId(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Onnx:
        return QStringLiteral("onnx");
    case ExportFormat::Pytorch:
        return QStringLiteral("pytorch");
    case ExportFormat::Keras:
        return QStringLiteral("keras");
    case ExportFormat::Weights:
        return QStringLiteral("weights");
    case ExportFormat::Data:
        return QStringLiteral("data");
    }
    return {};
}

QString formatTitle(ExportFormat format)
{
    switch (format) {
    case ExportFormat::Onnx:
        return tr("ONNX");
    case ExportFormat::Pytorch:
        return tr("PyTorch");
    case ExportFormat::Keras:
        return tr("Keras");
    case ExportFormat::Weights:
        return tr("Weights");
    case ExportFormat::Data:
        return tr("Data");
    }
    return {};
}

QString suggestedFileName(ExportFormat format, const QString &projectName)
{
    QString stem = QString::fromStdString(makeIdentifier(projectName.toStdString()));
    if (stem.isEmpty()) stem = QStringLiteral("model");
    switch (format) {
    case ExportFormat::Onnx:
        return stem + QStringLiteral(".onnx");
    case ExportFormat::Pytorch:
        return stem + QStringLiteral("_torch.py");
    case ExportFormat::Keras:
        return stem + QStringLiteral("_keras.py");
    case ExportFormat::Weights:
        return stem + QStringLiteral("_weights.json");
    case ExportFormat::Data:
        return stem + QStringLiteral("_data.csv");
    }
    return stem;
}

QString exportStartFolder(const QString &projectFile)
{
    const QString last = QSettings().value(QStringLiteral("export/lastFolder")).toString();
    // Never the samples folder: a sample is a template, and what is made from it goes to the user's
    // documents.
    if (!last.isEmpty() && QFileInfo(last).isDir() && !isSampleFile(last + QStringLiteral("/x"))) return last;
    if (!projectFile.isEmpty() && !isSampleFile(projectFile)) return QFileInfo(projectFile).absolutePath();
    return documentsFolder();
}

void rememberExportFolder(const QString &writtenPath)
{
    // The folder holding it: for a folder of CSV files, its parent, where the next export likely goes too.
    QSettings().setValue(QStringLiteral("export/lastFolder"), QFileInfo(writtenPath).absolutePath());
}

bool needsWeights(ExportFormat format)
{
    return format != ExportFormat::Data;
}

QString trainedStateProblem(const Project &project)
{
    if (project.weights.empty())
        return tr("This network is not trained yet: press Play or Step first, then export. "
                  "(Exporting now would only write random starting weights.)");
    const std::string mismatch = checkWeightsAgainstGraph(project);
    if (!mismatch.empty())
        return tr("The trained weights do not fit the network as it is now (%1); it was probably edited "
                  "after "
                  "training. Press Reset and train again, then export.")
            .arg(QString::fromStdString(mismatch));
    return {};
}

ExportOutcome runExport(const Project &project, const QString &baseDir, const ExportRequest &request)
{
    ExportOutcome out;
    if (request.path.trimmed().isEmpty()) {
        out.message = tr("Choose where to write the export first.");
        return out;
    }
    if (needsWeights(request.format)) {
        out.message = trainedStateProblem(project);
        if (!out.message.isEmpty()) return out;
    }
    try {
        return request.format == ExportFormat::Data ? writeData(project, baseDir, request)
                                                    : writeModel(project, request);
    } catch (const ExportError &e) {
        out.message = tr("Nothing was exported: %1").arg(QString::fromStdString(e.what()));
    } catch (const std::exception &e) {
        out.message = tr("The export failed: %1").arg(QString::fromStdString(e.what()));
    }
    out.ok = false;
    return out;
}

} // namespace nnp
