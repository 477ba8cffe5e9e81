#include "export/export_menu.h"

#include "document/default_project.h"
#include "document/graph_document.h"
#include "export/export_dialog.h"
#include "export/figure_export.h"
#include "export/onnx_import.h"
#include "graph/validator.h"
#include "main_window.h"
#include "train/fit_check.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QStatusBar>

namespace nnp {

namespace {
void openDialog(QDialog *dialog)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open(); // window-modal, not blocking: a training goes on
}
} // namespace

void installExportMenu(MainWindow *window)
{
    QMenu *file = window->fileMenu();
    auto *menu = new QMenu(MainWindow::tr("&Export"), window);
    menu->setObjectName(QStringLiteral("exportMenu"));
    struct Entry {
        ExportFormat format;
        const char *name;
        QString text;
    };
    const Entry entries[] = {
        {ExportFormat::Onnx, "actionExportOnnx", MainWindow::tr("&ONNX model…")},
        {ExportFormat::Pytorch, "actionExportPytorch", MainWindow::tr("&PyTorch script…")},
        {ExportFormat::Keras, "actionExportKeras", MainWindow::tr("&Keras script…")},
        {ExportFormat::Weights, "actionExportWeights", MainWindow::tr("&Weights (JSON or CSV)…")},
        {ExportFormat::Data, "actionExportData", MainWindow::tr("&Data as CSV…")},
    };
    for (const Entry &e : entries) {
        QAction *a = menu->addAction(e.text);
        a->setObjectName(QString::fromLatin1(e.name));
        const ExportFormat format = e.format;
        QObject::connect(a, &QAction::triggered, window,
                         [window, format] { openDialog(new ExportDialog(window, format)); });
    }
    menu->addSeparator();
    QAction *figure = menu->addAction(MainWindow::tr("&Figure (PNG or SVG)…"));
    figure->setObjectName(QStringLiteral("actionExportFigure"));
    QObject::connect(figure, &QAction::triggered, window, [window] {
        const QString doc = window->document()->filePath();
        openDialog(new FigureExportDialog(window->figures(), exportStartFolder(doc), window));
    });

    auto *import = new QAction(MainWindow::tr("&Import ONNX…"), window);
    import->setObjectName(QStringLiteral("actionImportOnnx"));
    QObject::connect(import, &QAction::triggered, window, [window] {
        if (!window->maybeSave()) return;
        const QString path =
            QFileDialog::getOpenFileName(window, MainWindow::tr("Import an ONNX model"), QString(),
                                         MainWindow::tr("ONNX models (*.onnx);;All files (*)"));
        if (!path.isEmpty()) importOnnxProject(window, path);
    });

    // File: … Save, Save As | Import ONNX…, Export ▸ | Quit
    QAction *quit = window->action(QStringLiteral("actionQuit"));
    const QList<QAction *> actions = file->actions();
    const qsizetype at = actions.indexOf(quit);
    QAction *before = at > 0 && actions[at - 1]->isSeparator() ? actions[at - 1] : quit;
    file->insertSeparator(before);
    file->insertAction(before, import);
    file->insertMenu(before, menu);
}

bool importOnnxProject(MainWindow *window, const QString &path)
{
    ImportedModel model;
    try {
        model = importOnnx(std::filesystem::path(path.toStdU16String()));
    } catch (const std::exception &e) {
        window->showError(
            MainWindow::tr("Could not import the ONNX model"),
            MainWindow::tr("%1\n\nNN Playground imports Gemm/MatMul (+Add), Relu, LeakyRelu, Elu, "
                           "Sigmoid, Tanh, Softplus, GELU, Softmax, Flatten, Reshape, Concat, Add, Mul, "
                           "Dropout, BatchNormalization, Conv, MaxPool, AveragePool, GlobalAveragePool, "
                           "Gather (an embedding), RNN, LSTM and GRU. The current project is unchanged.")
                .arg(QString::fromStdString(e.what())));
        return false;
    }
    Project project = makeEmptyProject();
    project.name = QFileInfo(path).completeBaseName().toStdString();
    QString notes;
    for (const std::string &n : model.notes)
        notes += QStringLiteral("\n• ") + QString::fromStdString(n);
    project.description =
        MainWindow::tr("Imported from %1.%2").arg(QFileInfo(path).fileName(), notes).toStdString();
    project.graph = std::move(model.graph);
    project.training.loss.kind = lossForOutput(project.graph, validate(project.graph));
    std::optional<Normalizer> normalizer;
    if (model.normalizer.kind != NormalizationKind::None) normalizer = model.normalizer;
    // Our export of a scaled regression target: the scaling comes back with the weights.
    project.preprocessing.scaleTarget = model.targetScaler.has_value();
    window->adoptProject(std::move(project));
    // The weights arrive as a training result would: the project is unsaved (Save asks for a name).
    window->document()->setTrainedState(std::move(model.weights), std::move(normalizer), {}, std::nullopt,
                                        std::move(model.targetScaler));
    window->statusBar()->showMessage(
        MainWindow::tr(
            "Imported %1 with its weights (%2 layers). Choose data that fits its inputs in the Data "
            "panel to train it further.")
            .arg(QFileInfo(path).fileName())
            .arg(window->document()->graph().nodes.size()),
        10000);
    return true;
}

} // namespace nnp
