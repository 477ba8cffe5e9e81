#pragma once
// The data panel's table of a CSV file's input columns: what each one becomes. "Automatic" reads numbers as
// numbers and text as categories (one-hot); "Categorical" one-hot encodes it even when its cells are numbers
// (codes such as 1, 2, 3 for a region); "Id" makes each distinct value an integer id for an Embedding (a
// user, an item); "Text" splits the cell into words, each an id for an Embedding, T words per row from a
// vocabulary of the training split; "Left out" ignores the column. Edits the CSV options of the data source
// (ids, text, categorical, ignore); the target column is chosen above it and not listed.

#include "data/csv.h"

#include <QStringList>
#include <QWidget>

class QComboBox;
class QSpinBox;
class QTableWidget;

namespace nnp {

class CsvColumnsTable : public QWidget {
    Q_OBJECT
public:
    enum class Role { Automatic, Id, Text, LeftOut, Categorical };

    explicit CsvColumnsTable(QWidget *parent = nullptr);

    /// Lists `columns` but `target` (empty: the last column is the target), with the roles `csv` gives them;
    /// `labels` (when given, one per column) is what people read for them ("column 1" for c1).
    void setColumns(const QStringList &columns, const QString &target, const CsvOptions &csv,
                    const QStringList &labels = {});
    /// Writes the roles into `csv`: its ids, text, categorical and ignore lists (other options stay).
    void apply(CsvOptions &csv) const;

    // For tests.
    [[nodiscard]] int rowOf(const QString &column) const;
    [[nodiscard]] QComboBox *roleBox(int row) const;
    [[nodiscard]] QSpinBox *lengthBox(int row) const;
    [[nodiscard]] QSpinBox *vocabularyBox(int row) const;

signals:
    /// The use of `column` changed.
    void edited(const QString &column);

private:
    void rebuild(const QStringList &columns, const QStringList &labels);
    void updateEnabled(int row);

    QTableWidget *m_table = nullptr;
    QStringList m_columns, m_labels;
    bool m_loading = false;
};

} // namespace nnp
