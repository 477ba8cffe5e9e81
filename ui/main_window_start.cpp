// MainWindow: the ways in — the start page, File > Open data… (and a CSV dropped on the window), and
// samples as templates (File > Reset to sample).
#include "main_window.h"

#include "commands/replace_project_command.h"
#include "document/default_project.h"
#include "document/graph_document.h"
#include "editor/graph_view.h"
#include "start/open_data_dialog.h"
#include "start/start_page.h"

#include <QAction>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

namespace nnp {

namespace {

/// The CSV file among dropped URLs, or empty.
QString droppedCsv(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls()) return {};
    for (const QUrl &url : mime->urls())
        if (url.isLocalFile()) {
            const QString suffix = QFileInfo(url.toLocalFile()).suffix().toLower();
            if (suffix == QLatin1String("csv") || suffix == QLatin1String("txt")) return url.toLocalFile();
        }
    return {};
}

} // namespace

void MainWindow::createStartActions()
{
    connect(makeAction("actionOpenData", tr("Open &data…"), {QKeySequence(tr("Ctrl+D"))}),
            &QAction::triggered, this, [this] { openData(); });
    connect(makeAction("actionStartPage", tr("Start &page…")), &QAction::triggered, this,
            &MainWindow::showStartPage);
    QAction *reset = makeAction("actionResetToSample", tr("Rese&t to sample…"));
    reset->setEnabled(false);
    connect(reset, &QAction::triggered, this, &MainWindow::resetToSample);
    setAcceptDrops(true); // a CSV file dropped on the window opens as data
}

void MainWindow::openData(const QString &csvPath)
{
    QString path = csvPath;
    if (path.isEmpty()) {
        const QString start = m_doc->filePath().isEmpty() || isSampleFile(m_doc->filePath())
                                  ? documentsFolder()
                                  : QFileInfo(m_doc->filePath()).path();
        path = QFileDialog::getOpenFileName(this, tr("Open data"), start,
                                            tr("CSV files (*.csv *.txt);;All files (*)"));
        if (path.isEmpty()) return;
    }
    // The data goes into this project when the canvas holds a network (stored beside its file when it lies
    // there), else into a new one without a file yet (stored absolute until it is saved).
    const bool intoThis = !m_doc->graph().nodes.empty() && !m_doc->filePath().isEmpty();
    auto *dialog =
        new OpenDataDialog(path, intoThis ? QFileInfo(m_doc->filePath()).absolutePath() : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->project()) adoptDataProject(*dialog->project());
    });
    dialog->open();
}

void MainWindow::adoptDataProject(Project project)
{
    const QString name = QString::fromStdString(project.name);
    if (m_doc->graph().nodes.empty()) {
        // Nothing to lose: a new project, named after its data, as File > New would start one.
        applyProject(std::move(project), QString());
    } else {
        // The network on the canvas comes back with one Undo.
        m_doc->undoStack()->push(
            new ReplaceProjectCommand(m_doc, std::move(project), tr("Open data %1").arg(name)));
        QTimer::singleShot(0, m_view, &GraphView::fitReadable);
    }
    statusBar()->showMessage(tr("A network for %1: press Play to train it.").arg(name), 8000);
}

void MainWindow::showStartPage()
{
    for (StartPage *open : findChildren<StartPage *>())
        if (open->isVisible()) {
            open->raise();
            return;
        }
    auto *page = new StartPage(this);
    page->open();
}

void MainWindow::resetToSample()
{
    if (m_templatePath.isEmpty()) return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Reset to sample"),
        tr("Open %1 again as it was shipped? The network, its settings and its trained weights are replaced; "
           "what you changed is lost unless you saved it elsewhere.")
            .arg(QFileInfo(m_templatePath).fileName()),
        QMessageBox::Reset | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("resetSampleBox"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Reset)) loadFile(m_templatePath);
    });
    box->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (!droppedCsv(event->mimeData()).isEmpty())
        event->acceptProposedAction();
    else
        QMainWindow::dragEnterEvent(event);
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString csv = droppedCsv(event->mimeData());
    if (csv.isEmpty()) {
        QMainWindow::dropEvent(event);
        return;
    }
    event->acceptProposedAction();
    // After the drop has finished: the dialog should not run inside the drag's event.
    QTimer::singleShot(0, this, [this, csv] { openData(csv); });
}

} // namespace nnp
