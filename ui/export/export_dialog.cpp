#include "export/export_dialog.h"

#include "document/graph_document.h"
#include "main_window.h"
#include "panels/training_docks.h"
#include "training/training_controller.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QThread>
#include <QTimer>
#include <QVBoxLayout>

namespace nnp {

namespace {
QString description(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Onnx:
        return ExportDialog::tr("An ONNX model (opset 13) of the trained network, for onnxruntime, Netron, "
                                "PyTorch, TensorFlow and most inference tools.");
    case ExportFormat::Pytorch:
        return ExportDialog::tr(
            "A readable Python script with a PyTorch nn.Module that mirrors the network and "
            "loads the trained weights, ready to run or to train further.");
    case ExportFormat::Keras:
        return ExportDialog::tr("A readable Python script with a Keras functional model that mirrors the "
                                "network and loads the trained weights.");
    case ExportFormat::Weights:
        return ExportDialog::tr(
            "The trained weights as plain numbers: one JSON file, or a folder with one CSV "
            "file per tensor.");
    case ExportFormat::Data:
        return ExportDialog::tr(
            "The project's dataset (as generated or loaded, before normalisation) as a CSV "
            "file: the features, then the label or target.");
    }
    return {};
}

QString fileFilter(ExportFormat f, bool csvFolder)
{
    switch (f) {
    case ExportFormat::Onnx:
        return ExportDialog::tr("ONNX models (*.onnx);;All files (*)");
    case ExportFormat::Pytorch:
    case ExportFormat::Keras:
        return ExportDialog::tr("Python scripts (*.py);;All files (*)");
    case ExportFormat::Weights:
        return csvFolder ? QString() : ExportDialog::tr("JSON files (*.json);;All files (*)");
    case ExportFormat::Data:
        return ExportDialog::tr("CSV files (*.csv);;All files (*)");
    }
    return {};
}

QString defaultSuffix(ExportFormat f)
{
    switch (f) {
    case ExportFormat::Onnx:
        return QStringLiteral("onnx");
    case ExportFormat::Pytorch:
    case ExportFormat::Keras:
        return QStringLiteral("py");
    case ExportFormat::Weights:
        return QStringLiteral("json");
    case ExportFormat::Data:
        return QStringLiteral("csv");
    }
    return {};
}
} // namespace

ExportDialog::ExportDialog(MainWindow *window, ExportFormat format)
    : QDialog(window), m_window(window), m_format(format), m_pauseTimeout(new QTimer(this))
{
    setObjectName(QStringLiteral("exportDialog_%1").arg(formatId(format)));
    setWindowTitle(tr("Export — %1").arg(formatTitle(format)));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(description(format));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    layout->addLayout(form);
    const Project &project = window->document()->project();
    const QString projectName = QString::fromStdString(project.name);
    const QString docPath = window->document()->filePath();
    const QString dir = exportStartFolder(docPath);

    m_path = new QLineEdit(QDir(dir).filePath(suggestedFileName(format, projectName)));
    m_path->setObjectName(QStringLiteral("pathEdit"));
    m_path->setMinimumWidth(420);
    auto *browseButton = new QPushButton(tr("Browse…"));
    browseButton->setObjectName(QStringLiteral("browseButton"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browseButton);
    form->addRow(tr("Save to:"), pathRow);
    connect(browseButton, &QPushButton::clicked, this, &ExportDialog::browse);

    if (needsWeights(format)) {
        if (format != ExportFormat::Weights) {
            m_modelName = new QLineEdit(projectName.isEmpty() ? QStringLiteral("model") : projectName);
            m_modelName->setObjectName(QStringLiteral("modelNameEdit"));
            form->addRow(tr("Model name:"), m_modelName);
        }
        m_normalize = new QCheckBox(format == ExportFormat::Weights
                                        ? tr("Include the input normalisation (offset and scale per feature)")
                                        : tr("Include the input normalisation (the model takes raw inputs)"));
        m_normalize->setObjectName(QStringLiteral("normalizationBox"));
        m_normalize->setChecked(true);
        m_normalize->setToolTip(tr("Without it, the exported model expects inputs already normalised the way "
                                   "the playground normalised them for training."));
        form->addRow(QString(), m_normalize);
    }
    if (format == ExportFormat::Weights) {
        m_json = new QRadioButton(tr("One JSON file (every tensor with its node, name and shape)"));
        m_csv = new QRadioButton(tr("A folder with one CSV file per tensor (and tensors.csv, the index)"));
        m_json->setObjectName(QStringLiteral("jsonButton"));
        m_csv->setObjectName(QStringLiteral("csvButton"));
        m_json->setChecked(true);
        auto *box = new QVBoxLayout;
        box->addWidget(m_json);
        box->addWidget(m_csv);
        form->addRow(tr("Format:"), box);
        connect(m_csv, &QRadioButton::toggled, this, [this](bool csv) {
            // A folder for CSV, a .json file otherwise: adjust the suggested path.
            QString p = m_path->text();
            const QFileInfo info(p);
            if (csv && info.suffix().compare(QLatin1String("json"), Qt::CaseInsensitive) == 0)
                p = info.dir().filePath(info.completeBaseName());
            else if (!csv && info.suffix().isEmpty() && !p.isEmpty())
                p += QStringLiteral(".json");
            m_path->setText(p);
            m_confirmedPath.clear();
        });
    }
    if (format == ExportFormat::Data) {
        m_split = new QCheckBox(tr("Add a \"split\" column (train / validation / test)"));
        m_split->setObjectName(QStringLiteral("splitBox"));
        m_split->setChecked(true);
        form->addRow(QString(), m_split);
    }

    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("noteLabel"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #555;"));
    layout->addWidget(m_note);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setMinimumHeight(m_message->fontMetrics().height() * 3);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    m_export = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_export->setObjectName(QStringLiteral("exportButton"));
    m_export->setDefault(true);
    layout->addWidget(buttons);
    // Export does not close the dialog: the message says what happened, and a second format or path is quick.
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    connect(m_path, &QLineEdit::textEdited, this, [this] { m_confirmedPath.clear(); });
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateWeightsNote);
    updateWeightsNote();

    m_pauseTimeout->setSingleShot(true);
    m_pauseTimeout->setInterval(10000);
    connect(m_pauseTimeout, &QTimer::timeout, this, [this] {
        disconnect(m_pauseWait);
        writeNow(); // the document holds the last weights the run handed over (or says it has none)
    });

    TrainingController *controller = window->training() ? window->training()->controller() : nullptr;
    if (controller) {
        connect(controller, &TrainingController::statusChanged, this, &ExportDialog::refreshState);
        connect(controller, &TrainingController::snapshotReceived, this, [this](const SnapshotPtr &s) {
            if (s && s->weights) refreshState(); // a pause or stop handed its weights to the document
        });
    }
    connect(window->document(), &GraphDocument::graphChanged, this, &ExportDialog::refreshState);
    connect(window->document(), &GraphDocument::modifiedChanged, this, &ExportDialog::refreshState);
    refreshState();
}

ExportDialog::~ExportDialog() = default;

ExportRequest ExportDialog::request() const
{
    ExportRequest r;
    r.format = m_format;
    r.path = QDir::cleanPath(m_path->text().trimmed());
    if (m_modelName) r.modelName = m_modelName->text();
    if (m_normalize) r.includeNormalization = m_normalize->isChecked();
    if (m_csv) r.weightsAsCsv = m_csv->isChecked();
    if (m_split) r.dataWithSplit = m_split->isChecked();
    if (m_path->text().trimmed().isEmpty()) r.path.clear();
    return r;
}

void ExportDialog::browse()
{
    const bool folder = m_csv && m_csv->isChecked();
    QString chosen;
    if (folder) {
        chosen = QFileDialog::getExistingDirectory(this, tr("Folder for the CSV files"),
                                                   QFileInfo(m_path->text()).absolutePath());
    } else {
        chosen = QFileDialog::getSaveFileName(this, tr("Export — %1").arg(formatTitle(m_format)),
                                              m_path->text(), fileFilter(m_format, false));
        if (!chosen.isEmpty() && QFileInfo(chosen).suffix().isEmpty())
            chosen += QLatin1Char('.') + defaultSuffix(m_format);
    }
    if (chosen.isEmpty()) return;
    m_path->setText(QDir::toNativeSeparators(chosen));
    m_confirmedPath = QDir::cleanPath(chosen);
    updateWeightsNote();
}

void ExportDialog::updateWeightsNote()
{
    if (m_format == ExportFormat::Pytorch || m_format == ExportFormat::Keras) {
        const QFileInfo info(m_path->text().trimmed());
        m_note->setText(tr("The weights go beside the script, in %1. Run it with: python3 %2 inputs.csv")
                            .arg(info.completeBaseName() + QStringLiteral("_weights.json"), info.fileName()));
    } else if (m_format == ExportFormat::Onnx) {
        m_note->setText(
            tr("One input per Input layer, float [N, features]; the output is the last layer's."));
    }
}

void ExportDialog::refreshState()
{
    if (m_busy) return;
    if (!needsWeights(m_format)) {
        m_export->setEnabled(true);
        return;
    }
    TrainingController *controller = m_window->training() ? m_window->training()->controller() : nullptr;
    if (controller && controller->isRunning()) {
        m_export->setEnabled(true);
        showMessage(tr("Training is running: Export pauses it and writes its latest weights."), 0);
        m_showingState = true;
        return;
    }
    const QString problem = trainedStateProblem(m_window->document()->project());
    m_export->setEnabled(problem.isEmpty());
    if (!problem.isEmpty()) {
        showMessage(problem, 2);
        m_showingState = true;
    } else if (m_showingState) { // the problem went away; an export's own message stays
        showMessage(QString(), 0);
        m_showingState = false;
    }
}

void ExportDialog::showMessage(const QString &text, int kind)
{
    static const char *const styles[] = {"", "color: #1b6e2d;", "color: #b3261e;"};
    m_message->setStyleSheet(QString::fromLatin1(styles[std::clamp(kind, 0, 2)]));
    m_message->setText(text);
}

void ExportDialog::startExport()
{
    if (m_busy) return;
    const ExportRequest r = request();
    if (r.path.isEmpty()) {
        showMessage(tr("Choose where to write the export first."), 2);
        return;
    }
    const QString projectFile = m_window->document()->filePath();
    if (!projectFile.isEmpty() && QFileInfo(r.path) == QFileInfo(projectFile)) {
        showMessage(tr("That is the project file itself: choose another name, so the project is not "
                       "overwritten."),
                    2);
        return;
    }
    const QFileInfo target(r.path);
    if (target.exists() && !target.isDir() && QDir::cleanPath(r.path) != m_confirmedPath) {
        const auto answer = QMessageBox::question(this, tr("Replace the file?"),
                                                  tr("%1 already exists. Replace it?").arg(target.fileName()),
                                                  QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) return;
        m_confirmedPath = QDir::cleanPath(r.path);
    }
    m_busy = true;
    m_export->setEnabled(false);
    TrainingController *controller = m_window->training() ? m_window->training()->controller() : nullptr;
    if (needsWeights(m_format) && controller && controller->isRunning()) {
        // The paused run's weights reach the document with the pause snapshot (TrainingDocks stores
        // them before this connection runs): wait for it, then write.
        showMessage(tr("Pausing the training to take its latest weights…"), 0);
        m_pauseWait =
            connect(controller, &TrainingController::snapshotReceived, this, [this](const SnapshotPtr &s) {
                if (!s || !s->weights) return;
                disconnect(m_pauseWait);
                m_pauseTimeout->stop();
                writeNow();
            });
        m_pauseTimeout->start();
        controller->pause();
        return;
    }
    writeNow();
}

void ExportDialog::writeNow()
{
    m_showingState = false;
    showMessage(tr("Exporting…"), 0);
    const ExportRequest r = request();
    const QString docPath = m_window->document()->filePath();
    const QString baseDir = docPath.isEmpty() ? QString() : QFileInfo(docPath).absolutePath();
    auto outcome = std::make_shared<ExportOutcome>();
    // The worker gets its own copy of the project; the GUI (and a training) carry on meanwhile.
    QThread *thread = QThread::create([project = m_window->document()->project(), baseDir, r, outcome] {
        *outcome = runExport(project, baseDir, r);
    });
    thread->setObjectName(QStringLiteral("nnp-export"));
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this, [this, outcome] { finish(*outcome); });
    thread->start();
}

void ExportDialog::finish(const ExportOutcome &outcome)
{
    m_busy = false;
    m_showingState = false;
    showMessage(outcome.message, outcome.ok ? 1 : 2);
    m_export->setEnabled(true);
    if (!outcome.ok && needsWeights(m_format)) {
        // Keep the reason visible, but let a user who fixes it elsewhere try again.
        const QString problem = trainedStateProblem(m_window->document()->project());
        m_export->setEnabled(problem.isEmpty());
    }
    if (outcome.ok) rememberExportFolder(request().path);
    emit exportFinished(outcome.ok, outcome.message);
}

} // namespace nnp
