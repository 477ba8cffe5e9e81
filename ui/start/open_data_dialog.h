#pragma once
// File > Open data…: a CSV file becomes a project whose network fits it, in one step (the core rule
// newProjectForData, what `nnp new` makes). The dialog shows every choice and what will be made — the
// target column (default: the last), the task, the hidden layers, the normalisation, the test and validation
// shares with their row counts, the inputs and the output layer with its loss — and lets each be changed.

#include "io/project.h"

#include <QDialog>

#include <array>
#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace nnp {

class OpenDataDialog : public QDialog {
    Q_OBJECT
public:
    /// `csvPath`: the file; `projectDir`: the folder of the project it goes into (empty: none yet), so the
    /// data path is stored relative when the file lies beside or under it (storedDataPath).
    OpenDataDialog(const QString &csvPath, const QString &projectDir, QWidget *parent = nullptr);

    /// The project the choices make; empty while they make none (summaryText() says why).
    [[nodiscard]] const std::optional<Project> &project() const { return m_project; }
    [[nodiscard]] QString summaryText() const;

    // For tests.
    [[nodiscard]] QComboBox *targetBox() const { return m_target; }
    [[nodiscard]] QComboBox *taskBox() const { return m_task; }
    [[nodiscard]] QLineEdit *hiddenEdit() const { return m_hidden; }
    [[nodiscard]] QComboBox *normalizationBox() const { return m_normalization; }
    [[nodiscard]] QSpinBox *testBox() const { return m_test; }
    [[nodiscard]] QSpinBox *validationBox() const { return m_validation; }
    /// Row counts of the split the choices make: training, validation, test.
    [[nodiscard]] std::array<int, 3> splitCounts() const { return m_counts; }

private:
    void rebuild();

    QString m_csvPath, m_projectDir;
    QComboBox *m_target = nullptr, *m_task = nullptr, *m_normalization = nullptr;
    QLineEdit *m_hidden = nullptr;
    QSpinBox *m_test = nullptr, *m_validation = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    std::optional<Project> m_project;
    std::array<int, 3> m_counts{};
};

} // namespace nnp
