#include "insights/probe_row_editor.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace nnp {

ProbeRowEditor::ProbeRowEditor(QWidget *parent)
    : QWidget(parent), m_form(new QFormLayout), m_predict(new QPushButton(tr("Predict")))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("Type a row as the CSV has it (categories as text), or paste a whole "
                               "comma-separated line into the first field:"));
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *inner = new QWidget;
    inner->setLayout(m_form);
    m_form->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    scroll->setWidget(inner);
    layout->addWidget(scroll, 1);
    m_predict->setToolTip(tr("The network's prediction for this row, read as `nnp predict` reads one"));
    layout->addWidget(m_predict);
    connect(m_predict, &QPushButton::clicked, this, &ProbeRowEditor::submit);
}

void ProbeRowEditor::setColumns(const QStringList &columns)
{
    if (columns == m_columns) return;
    m_columns = columns;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    for (const QString &name : columns) {
        auto *edit = new QLineEdit;
        edit->setPlaceholderText(name);
        edit->setAccessibleName(name);
        connect(edit, &QLineEdit::returnPressed, this, &ProbeRowEditor::submit);
        m_form->addRow(name, edit);
        m_editors.push_back(edit);
    }
}

QStringList ProbeRowEditor::values() const
{
    QStringList v;
    for (const QLineEdit *e : m_editors)
        v << e->text().trimmed();
    return v;
}

void ProbeRowEditor::submit()
{
    if (m_editors.empty()) return;
    // A whole line pasted into the first field fills the others (a single text column keeps its commas).
    const QStringList pasted = m_editors.front()->text().split(QLatin1Char(','));
    if (m_editors.size() > 1 && pasted.size() == int(m_editors.size()))
        for (std::size_t i = 0; i < m_editors.size(); ++i)
            m_editors[i]->setText(pasted[int(i)].trimmed());
    else if (m_editors.size() > 1 && pasted.size() > 1) {
        // A line with too few or too many values: the probe says how many it has and how many it needs.
        QStringList line;
        for (const QString &v : pasted)
            line << v.trimmed();
        emit rowEntered(line);
        return;
    }
    emit rowEntered(values());
}

} // namespace nnp
