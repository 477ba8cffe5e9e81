#include "lesson/lesson_docks.h"

#include "document/default_project.h"
#include "document/graph_document.h"
#include "lesson/lesson_locks.h"
#include "lesson/lesson_panel.h"
#include "main_window.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QMenu>

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
}

void LessonDocks::onProjectOpened()
{
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
