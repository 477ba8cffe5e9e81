#pragma once
// Plugs lessons into the main window: the Lesson dock (ui/lesson/lesson_panel.h), File ▸ Lessons (every
// lesson in the samples folder's lessons/), and, while a lesson is open, each step's panels shown (the
// others hidden) and its controls locked (lesson_locks.h). Opening a project without a lesson puts the
// panels back as they were and unlocks everything.

#include "lesson/lesson.h"

#include <QObject>
#include <QString>
#include <QStringList>

class QAction;
class QDockWidget;
class QMenu;

namespace nnp {

class LessonEditor;
class LessonLocks;
class LessonPanel;
class MainWindow;

/// Absolute paths of the lessons shipped with the samples (`<samples>/lessons/*.nnp`), sorted by name.
QStringList listLessons();
/// The dock that shows the lesson panel named `panel` in a lesson file ("output" → "outputDock").
QString dockNameOfPanel(const QString &panel);

class LessonDocks : public QObject {
    Q_OBJECT
public:
    explicit LessonDocks(MainWindow *window);

    [[nodiscard]] LessonPanel *panel() const { return m_panel; }
    [[nodiscard]] LessonLocks *locks() const { return m_locks; }
    [[nodiscard]] QDockWidget *dock() const { return m_dock; }
    [[nodiscard]] QMenu *lessonsMenu() const { return m_menu; }
    /// The Lesson menu (authoring): New Lesson from This Project, Add Step from the Current State, Edit
    /// Steps…, Remove Lesson, Save Lesson for Students….
    [[nodiscard]] QMenu *lessonMenu() const { return m_lessonMenu; }
    [[nodiscard]] QAction *newLessonAction() const { return m_newLesson; }
    [[nodiscard]] QAction *addStepAction() const { return m_addStep; }
    [[nodiscard]] QAction *editStepsAction() const { return m_editSteps; }
    [[nodiscard]] QAction *removeLessonAction() const { return m_removeLesson; }
    /// Lesson ▸ Save Lesson for Students…: asks for a folder, then saveForStudents.
    [[nodiscard]] QAction *saveForStudentsAction() const { return m_saveForStudents; }
    /// The step editor (made when first asked for; null before).
    [[nodiscard]] LessonEditor *editor() const { return m_editor; }
    /// Shows the step editor at step `index` (-1: where it is).
    void showEditor(int index = -1);
    /// A new step from what the window shows now: the panels open, nothing locked, no goal.
    [[nodiscard]] LessonStep stepFromCurrentState(int number) const;
    /// Writes the open project and every data file it reads into `folder` (core/io/data_files.h), so the
    /// folder opens anywhere; the window keeps its own file. Returns the project file written, or an empty
    /// string after showing why it failed.
    QString saveForStudents(const QString &folder);

private:
    void onProjectOpened();
    void onLessonChanged();
    void createLessonMenu();
    void updateActions();
    void showStep(int index);
    void restorePanels();

    MainWindow *m_window;
    LessonPanel *m_panel;
    LessonLocks *m_locks;
    QDockWidget *m_dock;
    QMenu *m_menu = nullptr;
    QMenu *m_lessonMenu = nullptr;
    QAction *m_newLesson = nullptr, *m_addStep = nullptr, *m_editSteps = nullptr, *m_removeLesson = nullptr;
    QAction *m_saveForStudents = nullptr;
    LessonEditor *m_editor = nullptr;
    QStringList m_visibleBefore; ///< docks shown when the lesson began (restored when it ends)
    bool m_active = false;
};

} // namespace nnp
