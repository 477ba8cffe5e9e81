#pragma once
// Plugs lessons into the main window: the Lesson dock (ui/lesson/lesson_panel.h), File ▸ Lessons (every
// lesson in the samples folder's lessons/), and, while a lesson is open, each step's panels shown (the
// others hidden) and its controls locked (lesson_locks.h). Opening a project without a lesson puts the
// panels back as they were and unlocks everything.

#include <QObject>
#include <QString>
#include <QStringList>

class QDockWidget;
class QMenu;

namespace nnp {

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

private:
    void onProjectOpened();
    void showStep(int index);
    void restorePanels();

    MainWindow *m_window;
    LessonPanel *m_panel;
    LessonLocks *m_locks;
    QDockWidget *m_dock;
    QMenu *m_menu = nullptr;
    QStringList m_visibleBefore; ///< docks shown when the lesson began (restored when it ends)
    bool m_active = false;
};

} // namespace nnp
