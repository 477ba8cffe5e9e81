#include "lesson/lesson_docks.h"

#include "document/default_project.h"
#include "document/graph_document.h"
#include "io/data_files.h"
#include "lesson/lesson_commands.h"
#include "lesson/lesson_editor.h"
#include "lesson/lesson_locks.h"
#include "lesson/lesson_panel.h"
#include "main_window.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QStandardPaths>
#include <QStatusBar>

#include <algorithm>

namespace nnp {

namespace {

/// A lesson file's panel names and the window's docks: the one table.
const std::pair<const char *, const char *> kPanelDocks[] = {
    {"layers", "paletteDock"},      {"inspector", "inspectorDock"}, {"data", "dataDock"},
    {"output", "outputDock"},       {"curves", "curvesDock"},       {"neurons", "neuronDock"},
    {"explain", "explainDock"},     {"gradients", "gradientsDock"}, {"layer_stats", "layerStatsDock"},
    {"confusion", "confusionDock"}, {"probe", "probeDock"},         {"feature_maps", "featureMapsDock"},
    {"kernels", "kernelsDock"},
};

bool isPanelDock(const QString &objectName)
{
    return std::any_of(std::begin(kPanelDocks), std::end(kPanelDocks),
                       [&](const auto &p) { return objectName == QLatin1String(p.second); });
}

/// "03_activation_functions" -> "Activation functions": lesson file names as menu entries.
QString lessonTitle(const QString &path)
{
    QString name = QFileInfo(path).completeBaseName();
    const int underscore = name.indexOf(QLatin1Char('_'));
    if (underscore > 0 && name.left(underscore).toInt() > 0) name = name.mid(underscore + 1);
    name.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!name.isEmpty()) name[0] = name[0].toUpper();
    return name;
}

} // namespace

QStringList listLessons()
{
    const QString samples = findSamplesDir();
    if (samples.isEmpty()) return {};
    const QDir dir(samples + QStringLiteral("/lessons"));
    QStringList paths;
    for (const QString &name : dir.entryList({QStringLiteral("*.nnp")}, QDir::Files, QDir::Name))
        paths << dir.absoluteFilePath(name);
    return paths;
}

QString dockNameOfPanel(const QString &panel)
{
    for (const auto &[name, dock] : kPanelDocks)
        if (panel == QLatin1String(name)) return QString::fromLatin1(dock);
    return {};
}

LessonDocks::LessonDocks(MainWindow *window)
    : QObject(window), m_window(window), m_panel(new LessonPanel(window)), m_locks(new LessonLocks(window)),
      m_dock(window->newDock(tr("Lesson"), QStringLiteral("lessonDock"), m_panel))
{
    window->addDock(m_dock, Qt::RightDockWidgetArea);
    m_dock->hide();
    connect(m_panel, &LessonPanel::stepShown, this, &LessonDocks::showStep);
    connect(window, &MainWindow::projectOpened, this, &LessonDocks::onProjectOpened);

    // File ▸ Lessons, right after File ▸ Samples.
    m_menu = new QMenu(tr("&Lessons"), window->fileMenu());
    m_menu->setObjectName(QStringLiteral("lessonsMenu"));
    QMenu *file = window->fileMenu();
    const QList<QAction *> actions = file->actions();
    const auto samples = std::find(actions.begin(), actions.end(), window->samplesMenu()->menuAction());
    file->insertMenu(samples != actions.end() && samples + 1 != actions.end() ? *(samples + 1) : nullptr,
                     m_menu);
    const QStringList lessons = listLessons();
    for (const QString &path : lessons) {
        QAction *a = m_menu->addAction(lessonTitle(path));
        a->setObjectName(QStringLiteral("lesson:%1").arg(QFileInfo(path).completeBaseName()));
        a->setToolTip(path);
        connect(a, &QAction::triggered, window, [window, path] {
            if (window->maybeSave()) window->loadFile(path);
        });
    }
    if (lessons.isEmpty()) m_menu->addAction(tr("No lessons found"))->setEnabled(false);

    createLessonMenu();
    connect(window->document(), &GraphDocument::lessonChanged, this, &LessonDocks::onLessonChanged);
}

void LessonDocks::createLessonMenu()
{
    m_lessonMenu = m_window->menuBar()->addMenu(tr("&Lesson"));
    m_lessonMenu->setObjectName(QStringLiteral("lessonMenu"));
    const auto add = [this](const QString &text, const char *name) {
        QAction *a = m_lessonMenu->addAction(text);
        a->setObjectName(QString::fromLatin1(name));
        return a;
    };
    m_newLesson = add(tr("&New Lesson from This Project"), "actionNewLesson");
    m_addStep = add(tr("&Add Step from the Current State"), "actionAddLessonStep");
    m_editSteps = add(tr("&Edit Steps…"), "actionEditLesson");
    m_removeLesson = add(tr("&Remove Lesson"), "actionRemoveLesson");
    m_lessonMenu->addSeparator();
    m_saveForStudents = add(tr("Save Lesson for &Students…"), "actionSaveForStudents");
    m_saveForStudents->setStatusTip(
        tr("Write the project and its data files into one folder that opens on any computer"));

    GraphDocument *doc = m_window->document();
    connect(m_newLesson, &QAction::triggered, this, [this, doc] {
        Lesson lesson;
        lesson.steps.push_back(stepFromCurrentState(1));
        pushLessonEdit(doc, lesson, tr("New lesson"));
        showEditor(0);
    });
    connect(m_addStep, &QAction::triggered, this, [this, doc] {
        Lesson lesson = doc->project().lesson.value_or(Lesson{});
        if (lesson.steps.size() >= kMaxLessonSteps) return;
        lesson.steps.push_back(stepFromCurrentState(static_cast<int>(lesson.steps.size()) + 1));
        pushLessonEdit(doc, lesson, tr("Add lesson step"));
        showEditor(static_cast<int>(lesson.steps.size()) - 1);
    });
    connect(m_editSteps, &QAction::triggered, this, [this] { showEditor(); });
    connect(m_removeLesson, &QAction::triggered, this,
            [doc] { pushLessonEdit(doc, std::nullopt, tr("Remove lesson")); });
    connect(m_saveForStudents, &QAction::triggered, this, [this] {
        const QString start = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString folder =
            QFileDialog::getExistingDirectory(m_window, tr("Save lesson for students into a folder"), start);
        if (!folder.isEmpty()) saveForStudents(folder);
    });
    updateActions();
}

LessonStep LessonDocks::stepFromCurrentState(int number) const
{
    LessonStep step;
    // Content in both languages (the file carries both), for the teacher to rewrite.
    step.title = {"Step " + std::to_string(number), "第 " + std::to_string(number) + " 步"};
    step.text = {"Describe what the student does in this step.", "描述学生在这一步要做什么。"};
    for (const auto &[panel, dockName] : kPanelDocks)
        if (const auto *d = m_window->findChild<QDockWidget *>(QString::fromLatin1(dockName));
            d && !d->isHidden())
            step.panels.emplace_back(panel);
    return step;
}

void LessonDocks::showEditor(int index)
{
    if (!m_editor) m_editor = new LessonEditor(m_window);
    if (index >= 0) m_editor->selectStep(index);
    m_editor->show();
    m_editor->raise();
}

void LessonDocks::updateActions()
{
    const bool has = m_window->document()->project().lesson.has_value();
    m_editSteps->setEnabled(has);
    m_removeLesson->setEnabled(has);
}

void LessonDocks::onLessonChanged()
{
    const auto &lesson = m_window->document()->project().lesson;
    if (!lesson || lesson->steps.empty() || m_panel->stepCount() == 0)
        onProjectOpened(); // a lesson begins or ends
    else
        m_panel->updateLesson(*lesson);
    updateActions();
}

QString LessonDocks::saveForStudents(const QString &folder)
{
    const GraphDocument *doc = m_window->document();
    const QString file = doc->filePath();
    const QString fromDir = file.isEmpty() ? QDir::currentPath() : QFileInfo(file).absolutePath();
    const QString name = (file.isEmpty() ? QStringLiteral("lesson") : QFileInfo(file).completeBaseName()) +
                         QStringLiteral(".nnp");
    try {
        const std::filesystem::path written =
            saveWithData(doc->project(), fromDir.toStdString(), folder.toStdString(), name.toStdString());
        const QString path = QString::fromStdString(written.string());
        m_window->statusBar()->showMessage(tr("Saved the lesson and its data in %1.").arg(folder), 5000);
        return path;
    } catch (const std::exception &e) {
        m_window->showError(tr("Could not save the lesson for students"), QString::fromUtf8(e.what()));
        return {};
    }
}

void LessonDocks::onProjectOpened()
{
    if (m_lessonMenu) updateActions();
    const auto &lesson = m_window->document()->project().lesson;
    if (!lesson || lesson->steps.empty()) {
        if (m_active) restorePanels();
        m_active = false;
        m_locks->setLocked({});
        m_panel->setLesson({});
        m_dock->hide();
        return;
    }
    if (!m_active) {
        m_visibleBefore.clear();
        for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
            if (!d->isHidden() && isPanelDock(d->objectName())) m_visibleBefore << d->objectName();
    }
    m_active = true;
    m_dock->show();
    m_dock->raise();
    m_panel->setLesson(*lesson);
}

void LessonDocks::showStep(int index)
{
    const LessonStep &step = m_panel->lesson().steps[static_cast<std::size_t>(index)];
    if (!step.panels.empty()) {
        QStringList shown;
        for (const std::string &p : step.panels)
            shown << dockNameOfPanel(QString::fromStdString(p));
        for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
            if (isPanelDock(d->objectName())) {
                d->setVisible(shown.contains(d->objectName()));
                if (d->isVisibleTo(m_window)) d->raise(); // the front tab where docks share one
            }
    }
    m_locks->setLocked(step.locked);
}

void LessonDocks::restorePanels()
{
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>())
        if (isPanelDock(d->objectName())) d->setVisible(m_visibleBefore.contains(d->objectName()));
}

} // namespace nnp
