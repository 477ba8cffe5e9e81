#include "panels/csv_columns_table.h"

#include <QComboBox>
#include <QHeaderView>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace nnp {

namespace {

enum Column { kName, kRole, kLength, kVocabulary, kColumnCount };

bool contains(const std::vector<std::string> &list, const QString &name)
{
    return std::find(list.begin(), list.end(), name.toStdString()) != list.end();
}

} // namespace

CsvColumnsTable::CsvColumnsTable(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_table = new QTableWidget(0, kColumnCount, this);
    m_table->setObjectName(QStringLiteral("csvColumns"));
    m_table->setHorizontalHeaderLabels({tr("Column"), tr("Used as"), tr("Words (T)"), tr("Vocabulary")});
    m_table->horizontalHeaderItem(kLength)->setToolTip(tr(
        "Text: the number of words per row (longer texts keep their last words, shorter ones are padded)"));
    m_table->horizontalHeaderItem(kVocabulary)
        ->setToolTip(tr("Text: the most frequent words of the training split that get an id of their own"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(kName, QHeaderView::Stretch);
    for (int c : {kRole, kLength, kVocabulary})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->setToolTip(tr("What each input column becomes: numbers or categories (automatic), categories "
                           "even when its cells are numbers (categorical), an id for an Embedding (a user, "
                           "an item), words for an Embedding (text), or left out"));
    layout->addWidget(m_table);
}

void CsvColumnsTable::setColumns(const QStringList &columns, const QString &target, const CsvOptions &csv,
                                 const QStringList &labels)
{
    const QString targetName = target.isEmpty() && !columns.isEmpty() ? columns.back() : target;
    QStringList inputs, inputLabels;
    for (qsizetype c = 0; c < columns.size(); ++c)
        if (columns[c] != targetName) {
            inputs << columns[c];
            inputLabels << (c < labels.size() ? labels[c] : columns[c]);
        }
    m_loading = true;
    // The same columns: the editors stay (one may have focus, or be the one the user is changing); only
    // their values follow the document.
    if (inputs != m_columns || inputLabels != m_labels) rebuild(inputs, inputLabels);
    for (int row = 0; row < m_columns.size(); ++row) {
        const QString &name = m_columns[row];
        TextColumnOptions text;
        Role r = Role::Automatic;
        if (contains(csv.categorical, name)) r = Role::Categorical;
        if (contains(csv.ids, name)) r = Role::Id;
        if (contains(csv.ignore, name)) r = Role::LeftOut;
        for (const TextColumnOptions &t : csv.text)
            if (t.column == name.toStdString()) {
                r = Role::Text;
                text = t;
            }
        roleBox(row)->setCurrentIndex(roleBox(row)->findData(int(r)));
        lengthBox(row)->setValue(text.length);
        vocabularyBox(row)->setValue(text.vocabulary);
        updateEnabled(row);
    }
    m_loading = false;
}

void CsvColumnsTable::rebuild(const QStringList &columns, const QStringList &labels)
{
    m_columns = columns;
    m_labels = labels;
    m_table->setRowCount(int(m_columns.size()));
    for (int row = 0; row < m_columns.size(); ++row) {
        const QString &name = m_columns[row];
        auto *item = new QTableWidgetItem(labels[row]);
        item->setToolTip(labels[row] == name ? name
                                             : tr("%1 (%2 in the project file)").arg(labels[row], name));
        m_table->setItem(row, kName, item);
        auto *role = new QComboBox(m_table);
        role->addItem(tr("Automatic"), int(Role::Automatic));
        role->addItem(tr("Categorical (one-hot)"), int(Role::Categorical));
        role->addItem(tr("Id (Embedding)"), int(Role::Id));
        role->addItem(tr("Text (words)"), int(Role::Text));
        role->addItem(tr("Left out"), int(Role::LeftOut));
        auto *length = new QSpinBox(m_table);
        length->setRange(1, 1024);
        auto *vocabulary = new QSpinBox(m_table);
        vocabulary->setRange(2, 1000000);
        m_table->setCellWidget(row, kRole, role);
        m_table->setCellWidget(row, kLength, length);
        m_table->setCellWidget(row, kVocabulary, vocabulary);
        connect(role, &QComboBox::currentIndexChanged, this, [this, row, name] {
            updateEnabled(row);
            if (!m_loading) emit edited(name);
        });
        for (QSpinBox *box : {length, vocabulary}) {
            box->setKeyboardTracking(false);
            connect(box, &QSpinBox::valueChanged, this, [this, name] {
                if (!m_loading) emit edited(name);
            });
        }
    }
    // As tall as its rows, up to about six of them; more scroll.
    const int rows = std::min<int>(int(m_columns.size()), 6);
    int height = m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth();
    for (int row = 0; row < rows; ++row)
        height += m_table->rowHeight(row);
    m_table->setFixedHeight(std::max(height, m_table->horizontalHeader()->sizeHint().height() * 2));
}

void CsvColumnsTable::apply(CsvOptions &csv) const
{
    const auto listed = [this](const std::string &name) {
        return m_columns.contains(QString::fromStdString(name));
    };
    // Columns not in the table (the target, or another file's) keep no role.
    std::erase_if(csv.ids, listed);
    std::erase_if(csv.categorical, listed);
    std::erase_if(csv.ignore, listed);
    std::erase_if(csv.text, [&](const TextColumnOptions &t) { return listed(t.column); });
    for (int row = 0; row < m_columns.size(); ++row) {
        const std::string name = m_columns[row].toStdString();
        if (name == csv.target) continue; // just chosen as the target: it is no input
        switch (Role(roleBox(row)->currentData().toInt())) {
        case Role::Automatic:
            break;
        case Role::Categorical:
            csv.categorical.push_back(name);
            break;
        case Role::Id:
            csv.ids.push_back(name);
            break;
        case Role::Text:
            csv.text.push_back({name, lengthBox(row)->value(), vocabularyBox(row)->value()});
            break;
        case Role::LeftOut:
            csv.ignore.push_back(name);
            break;
        }
    }
}

int CsvColumnsTable::rowOf(const QString &column) const
{
    return int(m_columns.indexOf(column));
}

QComboBox *CsvColumnsTable::roleBox(int row) const
{
    return qobject_cast<QComboBox *>(m_table->cellWidget(row, kRole));
}

QSpinBox *CsvColumnsTable::lengthBox(int row) const
{
    return qobject_cast<QSpinBox *>(m_table->cellWidget(row, kLength));
}

QSpinBox *CsvColumnsTable::vocabularyBox(int row) const
{
    return qobject_cast<QSpinBox *>(m_table->cellWidget(row, kVocabulary));
}

void CsvColumnsTable::updateEnabled(int row)
{
    const bool text = Role(roleBox(row)->currentData().toInt()) == Role::Text;
    lengthBox(row)->setEnabled(text);
    vocabularyBox(row)->setEnabled(text);
}

} // namespace nnp
