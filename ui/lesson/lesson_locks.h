#pragma once
// What a locked lesson control means in the window: the one table from a control's name
// (core/lesson/lesson.h) to the widgets and actions it disables — in the inspector, the training toolbar, the
// data panel, the palette and the canvas. LessonLocks keeps the locked ones disabled while the inspector
// rebuilds its forms and other code re-enables its own widgets, and gives back exactly what it took when a
// control unlocks.

#include "lesson/lesson.h"

#include <QList>
#include <QObject>
#include <QPointer>

#include <set>
#include <utility>
#include <vector>

class QAction;
class QWidget;

namespace nnp {

class MainWindow;

/// The widgets and actions of `window` that `control` stands for (those that exist now: the layer form's
/// editors belong to the selected layer).
struct LockTargets {
    QList<QWidget *> widgets;
    QList<QAction *> actions;
};
LockTargets lockTargets(MainWindow *window, LessonControl control);

class LessonLocks : public QObject {
    Q_OBJECT
public:
    explicit LessonLocks(MainWindow *window);

    /// Locks exactly these controls (an empty set unlocks everything).
    void setLocked(const std::vector<LessonControl> &controls);
    [[nodiscard]] bool isLocked(LessonControl c) const { return m_locked.count(c) > 0; }

private:
    /// Disables what the locked controls stand for now, and enables what this object disabled for a control
    /// that is no longer locked.
    void apply();
    void applySoon();

    MainWindow *m_window;
    std::set<LessonControl> m_locked;
    std::vector<std::pair<QPointer<QWidget>, LessonControl>> m_disabledWidgets;
    std::vector<std::pair<QPointer<QAction>, LessonControl>> m_disabledActions;
    bool m_pending = false;
};

} // namespace nnp
