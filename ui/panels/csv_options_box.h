#pragma once
// The data panel's "CSV options", a group that folds away: whether the file has a header row, what to do
// with missing values (and what that did to the file), a separate test file or a split column, and the
// feature columns read as an image's pixels [C × H × W]. Edits the CsvOptions of the data source; the
// rules are core's (data/csv.h).

#include "data/csv.h"

#include <QStringList>
#include <QWidget>

#include <array>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QToolButton;

namespace nnp {

class CsvOptionsBox : public QWidget {
    Q_OBJECT
public:
    explicit CsvOptionsBox(QWidget *parent = nullptr);

    /// Shows `csv`. `columns` are the file's columns (c1 … cN without a header) and `labels` what people
    /// read for them; `target` the target column's name; `pixels` the number of feature values (what an
    /// image shape must hold; 0: unknown). The editors stay, and keep their focus.
    void setOptions(const CsvOptions &csv, const QStringList &columns, const QStringList &labels,
                    const QString &target, long long pixels);
    /// Writes header, missing (and its fill value), split column, test file and image shape into `csv` (other
    /// options stay). "Fill in a value" without a value is not written (the policy stays as it was).
    void apply(CsvOptions &csv) const;
    /// What the missing-value policy did to the file ("3 rows left out"), or empty.
    void setMissingReport(const QString &text);
    /// Sets the stored path of the test file (as the project stores it) and reports the edit.
    void setTestPath(const QString &stored);
    /// The image shape a file of `pixels` feature values most likely holds: 1 × √n × √n for a square
    /// count, 3 × √(n/3) × √(n/3) for three square channels, else 1 × 1 × n.
    static std::vector<int> guessImageShape(long long pixels);

    // For tests.
    [[nodiscard]] QToolButton *toggle() const { return m_toggle; }
    [[nodiscard]] QCheckBox *headerBox() const { return m_header; }
    [[nodiscard]] QComboBox *missingBox() const { return m_missing; }
    [[nodiscard]] QLabel *missingReport() const { return m_missingReport; }
    [[nodiscard]] QLineEdit *fillValueEdit() const { return m_fillValue; }
    [[nodiscard]] QLineEdit *testPathEdit() const { return m_testPath; }
    [[nodiscard]] QPushButton *clearTestButton() const { return m_clearTest; }
    [[nodiscard]] QComboBox *splitColumnBox() const { return m_splitColumn; }
    [[nodiscard]] QCheckBox *imageBox() const { return m_image; }
    [[nodiscard]] QSpinBox *imageDimBox(int k) const { return m_dims[static_cast<std::size_t>(k)]; }
    [[nodiscard]] bool isExpanded() const;

signals:
    /// `field` changed (for the undo step's name).
    void edited(const QString &field);
    /// The user asked to choose a test file.
    void browseTestFile();

private:
    void setExpanded(bool expanded);
    void updateEnabled();
    [[nodiscard]] bool fillsWithValue() const;

    QToolButton *m_toggle = nullptr;
    QWidget *m_body = nullptr;
    QCheckBox *m_header = nullptr;
    QComboBox *m_missing = nullptr;
    QLabel *m_missingReport = nullptr;
    QLineEdit *m_fillValue = nullptr;
    QString m_appliedFill; ///< the fill value the document holds
    QLineEdit *m_testPath = nullptr;
    QPushButton *m_browseTest = nullptr, *m_clearTest = nullptr;
    QComboBox *m_splitColumn = nullptr;
    QCheckBox *m_image = nullptr;
    std::array<QSpinBox *, 3> m_dims{};
    QStringList m_splitColumns;
    long long m_pixels = 0;
    bool m_loading = false;
};

} // namespace nnp
