#pragma once
// The Lesson dock's content: the current step's title and text in the interface language (Chinese falls back
// to English), its goal in words with the number it watches, green once reached, "Step k of n", Back (always)
// and Next (once the goal is reached). The goal is checked live (core/lesson/lesson_goal.h) after every
// snapshot of the run and every edit of the project.

#include "io/project.h"
#include "lesson/lesson_goal.h"

#include <QWidget>

#include <optional>

class QLabel;
class QPushButton;

namespace nnp {

class MainWindow;

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(MainWindow *window, QWidget *parent = nullptr);

    /// Starts `lesson` at its first step (an empty lesson: nothing to show).
    void setLesson(const Lesson &lesson);
    /// The lesson was edited (a teacher authoring it): shows the new texts and goal at the same step, without
    /// showing the step again (its panels and locks stay as they are).
    void updateLesson(const Lesson &lesson);
    [[nodiscard]] const Lesson &lesson() const { return m_lesson; }
    [[nodiscard]] int step() const { return m_step; }
    [[nodiscard]] int stepCount() const { return static_cast<int>(m_lesson.steps.size()); }
    /// The current step's goal has been reached (it stays reached until the step changes).
    [[nodiscard]] bool goalMet() const { return m_met; }
    /// Shows step `index` (clamped); the project as it is now is what an `edited` goal compares with. A run
    /// that has trained before the step began does not count for its goal: the step's text asks for Reset.
    void goTo(int index);

    [[nodiscard]] QLabel *titleLabel() const { return m_title; }
    [[nodiscard]] QLabel *textLabel() const { return m_text; }
    [[nodiscard]] QLabel *goalLabel() const { return m_goal; }
    [[nodiscard]] QLabel *counterLabel() const { return m_counter; }
    [[nodiscard]] QPushButton *backButton() const { return m_back; }
    [[nodiscard]] QPushButton *nextButton() const { return m_next; }

    /// The goal in words, with what the run shows now (for the goal label and tests).
    static QString goalText(const LessonGoal &goal, const GoalProgress &progress);
    /// A control's name in words ("the learning rate").
    static QString controlName(LessonControl control);
    /// The language lesson texts are shown in: "zh" under the Chinese interface, else "en".
    static QString textLanguage();

signals:
    /// A step is shown (after setLesson and every Back / Next): the dock shows its panels and locks.
    void stepShown(int index);
    /// The goal of the shown step was reached.
    void goalReached(int index);

protected:
    void changeEvent(QEvent *event) override;

private:
    void evaluate();
    void showTexts();
    /// Notes how far the explain walk has gone (its current phase) for the explained_* goals.
    void followExplainWalk();
    void showGoal(const GoalProgress &progress);
    void updateFonts();

    MainWindow *m_window;
    Lesson m_lesson;
    int m_step = 0;
    bool m_met = false;
    bool m_finished = false;
    Project m_stepStart;
    LessonRunFacts::ExplainWalk m_walk; ///< how far the explain walk went since the step began
    std::optional<quint64> m_oldRun;    ///< the run that had trained when the step began: it does not count
    QLabel *m_counter, *m_title, *m_text, *m_goal;
    QPushButton *m_back, *m_next;
    bool m_settingFonts = false;
};

} // namespace nnp
