#pragma once
// The step editor of a lesson (Lesson ▸ Edit Steps…): the steps in order, and for the selected one its title
// and text in English and Chinese, the panels it shows, the controls it locks (the list
// ui/lesson/lesson_locks uses) and its goal (the kinds core checks, with their threshold). Steps move up and
// down and are deleted; every change is one undoable command on the document's stack (lesson_commands.h).

#include "lesson/lesson.h"

#include <QDialog>

#include <map>
#include <string>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace nnp {

class MainWindow;

class LessonEditor : public QDialog {
    Q_OBJECT
public:
    explicit LessonEditor(MainWindow *window);

    /// Selects step `index` (shows its fields).
    void selectStep(int index);
    [[nodiscard]] int selectedStep() const;
    /// A goal kind in words ("Test accuracy at least").
    static QString goalKindName(GoalKind kind);

    [[nodiscard]] QListWidget *stepList() const { return m_steps; }
    [[nodiscard]] QLineEdit *titleEdit(bool chinese) const { return chinese ? m_titleZh : m_titleEn; }
    [[nodiscard]] QPlainTextEdit *textEdit(bool chinese) const { return chinese ? m_textZh : m_textEn; }
    [[nodiscard]] QCheckBox *lockBox(LessonControl c) const { return m_locks.at(c); }
    [[nodiscard]] QCheckBox *panelBox(const std::string &panel) const { return m_panels.at(panel); }
    [[nodiscard]] QComboBox *goalBox() const { return m_goal; }
    [[nodiscard]] QDoubleSpinBox *valueBox() const { return m_value; }
    [[nodiscard]] QDoubleSpinBox *percentBox() const { return m_percent; }
    [[nodiscard]] QSpinBox *epochsBox() const { return m_epochs; }
    [[nodiscard]] QComboBox *controlBox() const { return m_control; }
    [[nodiscard]] QPushButton *upButton() const { return m_up; }
    [[nodiscard]] QPushButton *downButton() const { return m_down; }
    [[nodiscard]] QPushButton *deleteButton() const { return m_delete; }

private:
    enum Field { TitleEn, TitleZh, TextEn, TextZh, Panels, Locks, Goal };
    /// Changes the selected step by `change` as one undoable command (typing into one field merges).
    template <class Change> void editStep(Field field, Change change);
    void moveStep(int by);
    void deleteStep();
    /// The document's lesson changed (an edit here, undo, another project): refresh what is shown.
    void reload();
    void loadStep();
    void showGoalFields(GoalKind kind);

    MainWindow *m_window;
    QListWidget *m_steps;
    QLineEdit *m_titleEn, *m_titleZh;
    QPlainTextEdit *m_textEn, *m_textZh;
    std::map<LessonControl, QCheckBox *> m_locks;
    std::map<std::string, QCheckBox *> m_panels;
    QComboBox *m_goal, *m_control;
    QDoubleSpinBox *m_value, *m_percent;
    QSpinBox *m_epochs;
    QLabel *m_valueLabel, *m_percentLabel, *m_epochsLabel, *m_controlLabel;
    QPushButton *m_up, *m_down, *m_delete;
    bool m_loading = false; ///< filling the fields: their signals are no edits
    bool m_editing = false; ///< pushing an edit: the field being typed in keeps its cursor
};

} // namespace nnp
