#pragma once
// The probe's typed row for CSV data: one line edit per raw feature column (numbers as the CSV writes them,
// categories as text, a text column's sentence), or a whole comma-separated line pasted into the first one.
// The worker encodes the row as `nnp predict` does (core/io/typed_row.h).

#include <QStringList>
#include <QWidget>

#include <vector>

class QFormLayout;
class QLineEdit;
class QPushButton;

namespace nnp {

class ProbeRowEditor : public QWidget {
    Q_OBJECT
public:
    explicit ProbeRowEditor(QWidget *parent = nullptr);
    /// The data's raw feature columns; the editors are rebuilt only when they change.
    void setColumns(const QStringList &columns);
    [[nodiscard]] const QStringList &columns() const { return m_columns; }
    [[nodiscard]] QLineEdit *editor(int column) const { return m_editors.at(std::size_t(column)); }
    [[nodiscard]] QPushButton *predictButton() const { return m_predict; }
    /// The values typed in, one per column.
    [[nodiscard]] QStringList values() const;

signals:
    /// Predict was pressed (or Return in an editor).
    void rowEntered(const QStringList &values);

private:
    void submit();

    QStringList m_columns;
    QFormLayout *m_form;
    std::vector<QLineEdit *> m_editors;
    QPushButton *m_predict;
};

} // namespace nnp
