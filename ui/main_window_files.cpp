// MainWindow: projects in and out — new, open, save, recent files, samples.
#include "main_window.h"

#include "document/default_project.h"
#include "document/graph_document.h"
#include "editor/auto_layout.h"
#include "editor/graph_view.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QUndoStack>

namespace nnp {

namespace {
constexpr int kMaxRecent = 8;
const QString kRecentKey = QStringLiteral("recentFiles");

QString fileFilter()
{
    return MainWindow::tr("NN Playground projects (*.nnp);;All files (*)");
}

/// "iris_3class" -> "Iris 3class": sample file names as menu entries.
QString sampleTitle(const QString &path)
{
    QString name = QFileInfo(path).completeBaseName().replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    return name;
}
} // namespace

void MainWindow::newProject(bool empty)
{
    applyProject(empty ? makeEmptyProject() : makeDefaultProject(), QString());
    statusBar()->showMessage(empty ? tr("Empty canvas: drag an Input layer from the palette to begin.")
                                   : tr("A new network, as TensorFlow Playground starts."),
                             6000);
}

void MainWindow::applyProject(Project project, const QString &path)
{
    if (needsLayout(project.graph))
        for (const auto &[id, pos] : layeredLayout(project.graph))
            if (NodeSpec *n = project.graph.find(id)) {
                n->x = pos.x();
                n->y = pos.y();
            }
    m_doc->reset(std::move(project), path);
    m_templatePath = isSampleFile(path) ? path : QString();
    if (QAction *reset = action(QStringLiteral("actionResetToSample")))
        reset->setEnabled(!m_templatePath.isEmpty());
    m_pasteCount = 0;
    updateTitle();
    // Fit once the view has its final size (right after construction it has none yet).
    QTimer::singleShot(0, m_view, &GraphView::fitReadable);
    emit projectOpened();
}

void MainWindow::adoptProject(Project project)
{
    applyProject(std::move(project), QString());
}

bool MainWindow::loadFile(const QString &path)
{
    Project project;
    try {
        project = loadProject(path.toStdString());
    } catch (const std::exception &e) {
        showError(tr("Could not open the project"),
                  tr("%1\n\nThe current project is unchanged.").arg(QString::fromStdString(e.what())));
        return false;
    }
    applyProject(std::move(project), QFileInfo(path).absoluteFilePath());
    addRecentFile(m_doc->filePath());
    statusBar()->showMessage(tr("Opened %1.").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

QString MainWindow::askOpenPath()
{
    const QString start =
        m_doc->filePath().isEmpty() ? findSamplesDir() : QFileInfo(m_doc->filePath()).path();
    return QFileDialog::getOpenFileName(this, tr("Open a project"), start, fileFilter());
}

bool MainWindow::saveTo(const QString &givenPath)
{
    // A sample is a template: the app never writes into the samples folder, Save asks where instead. So is a
    // lesson: Save never writes into it.
    QString path = isSampleFile(givenPath) ? QString() : givenPath;
    if (m_doc->project().lesson && path == m_doc->filePath()) path.clear();
    if (path.isEmpty()) {
        QString name = m_templatePath.isEmpty() ? QString::fromStdString(m_doc->project().name).trimmed()
                                                : QFileInfo(m_templatePath).completeBaseName();
        if (name.isEmpty()) name = tr("untitled");
        const QString suggestion = m_doc->filePath().isEmpty() || isSampleFile(m_doc->filePath())
                                       ? QDir(documentsFolder()).filePath(name + QStringLiteral(".nnp"))
                                       : m_doc->filePath();
        path = QFileDialog::getSaveFileName(this, tr("Save the project"), suggestion, fileFilter());
        if (path.isEmpty()) return false;
        if (QFileInfo(path).suffix().isEmpty()) path += QStringLiteral(".nnp");
    }
    QString error;
    if (!m_doc->saveAs(path, &error)) {
        showError(tr("Could not save the project"), error);
        return false;
    }
    addRecentFile(m_doc->filePath());
    statusBar()->showMessage(tr("Saved %1.").arg(QFileInfo(path).fileName()), 5000);
    return true;
}

bool MainWindow::maybeSave()
{
    if (!m_doc->isModified()) return true;
    const auto answer = QMessageBox::warning(
        this, tr("Unsaved changes"),
        tr("%1 has changes that are not saved. Save them first?").arg(m_doc->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save) return saveTo(m_doc->filePath());
    return answer == QMessageBox::Discard;
}

void MainWindow::showError(const QString &title, const QString &text)
{
    m_lastError = text;
    statusBar()->showMessage(text.section(QLatin1Char('\n'), 0, 0), 10000);
    // Window-modal but not blocking: the event loop (and a running training) carries on.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::addRecentFile(const QString &path)
{
    QSettings settings;
    QStringList files = settings.value(kRecentKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecent)
        files.removeLast();
    settings.setValue(kRecentKey, files);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = QSettings().value(kRecentKey).toStringList();
    for (int i = 0; i < files.size(); ++i) {
        const QString path = files[i];
        QAction *a =
            m_recentMenu->addAction(QStringLiteral("&%1  %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave()) loadFile(path);
        });
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        connect(m_recentMenu->addAction(tr("Clear the list")), &QAction::triggered, this, [this] {
            QSettings().remove(kRecentKey);
            rebuildRecentMenu();
        });
    }
}

void MainWindow::rebuildSamplesMenu()
{
    m_samplesMenu->clear();
    const QStringList samples = listSamples();
    for (const QString &path : samples) {
        QAction *a = m_samplesMenu->addAction(sampleTitle(path));
        a->setObjectName(QStringLiteral("sample:%1").arg(QFileInfo(path).completeBaseName()));
        a->setToolTip(path);
        connect(a, &QAction::triggered, this, [this, path] {
            if (maybeSave()) loadFile(path);
        });
    }
    if (samples.isEmpty()) m_samplesMenu->addAction(tr("No samples found"))->setEnabled(false);
}

} // namespace nnp
