#include "panels/csv_options_box.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <utility>

namespace nnp {

namespace {

/// √n when n is a square, else 0.
int squareSide(long long n)
{
    const auto side = static_cast<long long>(std::llround(std::sqrt(double(n))));
    return n > 0 && side * side == n ? static_cast<int>(side) : 0;
}

} // namespace

std::vector<int> CsvOptionsBox::guessImageShape(long long pixels)
{
    if (pixels <= 0) return {1, 1, 1};
    if (const int side = squareSide(pixels)) return {1, side, side};
    if (pixels % 3 == 0)
        if (const int side = squareSide(pixels / 3)) return {3, side, side};
    return {1, 1, static_cast<int>(std::min<long long>(pixels, kMaxCsvImageSide))};
}

CsvOptionsBox::CsvOptionsBox(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("csvOptions"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toggle = new QToolButton(this);
    m_toggle->setObjectName(QStringLiteral("csvOptionsToggle"));
    m_toggle->setText(tr("CSV options"));
    m_toggle->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toggle->setCheckable(true);
    m_toggle->setAutoRaise(true);
    layout->addWidget(m_toggle);
    m_body = new QWidget(this);
    layout->addWidget(m_body);
    auto *form = new QFormLayout(m_body);
    form->setContentsMargins(12, 0, 0, 0);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);

    m_header = new QCheckBox(tr("The first row names the columns"), m_body);
    m_header->setToolTip(tr("Off: the first row is data, and the columns are called column 1, column 2 … "
                            "(c1, c2 … in the project file)"));
    form->addRow(tr("Header"), m_header);

    m_missing = new QComboBox(m_body);
    m_missing->addItem(tr("Refuse (an error names the cell)"), int(CsvMissing::Refuse));
    m_missing->addItem(tr("Leave out rows with one"), int(CsvMissing::DropRows));
    m_missing->addItem(tr("Fill in (mean, or the most frequent category)"), int(CsvMissing::FillMean));
    m_missing->addItem(tr("Fill in the most frequent value"), int(CsvMissing::FillMostFrequent));
    m_missing->addItem(tr("Fill in a value…"), int(CsvMissing::FillValue));
    m_missing->setToolTip(tr("Empty cells, NA, NaN, null, ?: refused, rows left out, or filled with the "
                             "column's mean (numbers) or most frequent value (categories), with every "
                             "column's most frequent value, or with a value you give; a missing target is "
                             "always an error"));
    m_missing->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_missing->setMinimumContentsLength(12); // long entries never widen the dock
    m_fillValue = new QLineEdit(m_body);
    m_fillValue->setObjectName(QStringLiteral("csvFillValue"));
    m_fillValue->setPlaceholderText(tr("The value: a number, or a category"));
    m_fillValue->setToolTip(tr("What every missing cell becomes: a number for a column of numbers; in a "
                               "column of categories it is a category of its own"));
    m_missingReport = new QLabel(m_body);
    m_missingReport->setObjectName(QStringLiteral("csvMissingReport"));
    m_missingReport->setWordWrap(true);
    auto *missing = new QVBoxLayout;
    missing->setSpacing(2);
    missing->addWidget(m_missing);
    missing->addWidget(m_fillValue);
    missing->addWidget(m_missingReport);
    form->addRow(tr("Missing values"), missing);

    m_testPath = new QLineEdit(m_body);
    m_testPath->setReadOnly(true);
    m_testPath->setPlaceholderText(tr("None: the test rows come from the file above"));
    m_browseTest = new QPushButton(tr("Choose…"), m_body);
    m_clearTest = new QPushButton(tr("None"), m_body);
    m_clearTest->setToolTip(tr("Take the test rows from the file above again"));
    auto *test = new QHBoxLayout;
    test->addWidget(m_browseTest);
    test->addWidget(m_clearTest);
    test->addStretch();
    form->addRow(tr("Test file"), test);
    form->addRow(m_testPath); // the path (or why there is none) on its own line: readable in a narrow panel

    m_splitColumn = new QComboBox(m_body);
    m_splitColumn->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_splitColumn->setMinimumContentsLength(12);
    m_splitColumn->setToolTip(tr("A column whose cells (train, validation, test) choose each row's split; it "
                                 "is not an input"));
    form->addRow(tr("Split column"), m_splitColumn);

    m_image = new QCheckBox(tr("Pixels as image"), m_body);
    m_image->setObjectName(QStringLiteral("csvImageBox"));
    m_image->setToolTip(tr("The input columns are the pixels of an image, channels × height × width, row by "
                           "row: the Input takes that shape, so a Conv2D can follow. Scale the pixels with "
                           "the normalisation below (0–255 to 0–1, or z-score)"));
    form->addRow(tr("Image"), m_image);
    auto *shape = new QHBoxLayout;
    const QString dimTips[3] = {tr("Channels (1: grey, 3: colour)"), tr("Height in pixels"),
                                tr("Width in pixels")};
    for (int k = 0; k < 3; ++k) {
        if (k > 0) shape->addWidget(new QLabel(QStringLiteral("×"), m_body));
        auto *box = new QSpinBox(m_body);
        box->setRange(1, kMaxCsvImageSide);
        box->setMinimumWidth(box->fontMetrics().horizontalAdvance(QStringLiteral("0000")) +
                             28); // not wider than the dock
        box->setKeyboardTracking(false);
        box->setToolTip(dimTips[k]);
        m_dims[static_cast<std::size_t>(k)] = box;
        shape->addWidget(box);
        connect(box, &QSpinBox::valueChanged, this, [this] {
            if (!m_loading) emit edited(tr("image shape"));
        });
    }
    shape->addStretch(1);
    form->addRow(tr("C × H × W"), shape);

    connect(m_toggle, &QToolButton::toggled, this, &CsvOptionsBox::setExpanded);
    connect(m_header, &QCheckBox::toggled, this, [this] {
        if (!m_loading) emit edited(tr("header row"));
    });
    connect(m_missing, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        if (m_loading) return;
        // "Fill in a value" takes effect once there is a value: the project never holds the policy without
        // it.
        if (fillsWithValue() && m_fillValue->text().trimmed().isEmpty()) {
            m_fillValue->setFocus();
            return;
        }
        emit edited(tr("missing values"));
    });
    connect(m_fillValue, &QLineEdit::editingFinished, this, [this] {
        const QString text = m_fillValue->text().trimmed();
        m_fillValue->setModified(false); // typed and taken: the document's value shows from now on
        if (!m_loading && fillsWithValue() && text != m_appliedFill && !text.isEmpty())
            emit edited(tr("fill value to “%1”").arg(text)); // each value its own undo step
    });
    connect(m_browseTest, &QPushButton::clicked, this, &CsvOptionsBox::browseTestFile);
    connect(m_clearTest, &QPushButton::clicked, this, [this] { setTestPath({}); });
    connect(m_splitColumn, &QComboBox::currentIndexChanged, this, [this] {
        updateEnabled();
        if (!m_loading) emit edited(tr("split column"));
    });
    connect(m_image, &QCheckBox::toggled, this, [this](bool on) {
        if (m_loading) return;
        if (on) { // prefilled with the likeliest shape of the columns
            const std::vector<int> guess = guessImageShape(m_pixels);
            const bool was = std::exchange(m_loading, true);
            for (int k = 0; k < 3; ++k)
                m_dims[static_cast<std::size_t>(k)]->setValue(guess[static_cast<std::size_t>(k)]);
            m_loading = was;
        }
        updateEnabled();
        emit edited(tr("image shape"));
    });
    setExpanded(false);
}

bool CsvOptionsBox::isExpanded() const
{
    return m_toggle->isChecked();
}

void CsvOptionsBox::setExpanded(bool expanded)
{
    const QSignalBlocker block(m_toggle);
    m_toggle->setChecked(expanded);
    m_toggle->setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    m_body->setVisible(expanded);
}

void CsvOptionsBox::setOptions(const CsvOptions &csv, const QStringList &columns, const QStringList &labels,
                               const QString &target, long long pixels)
{
    m_loading = true;
    m_pixels = pixels;
    m_header->setChecked(csv.header);
    m_missing->setCurrentIndex(m_missing->findData(int(csv.missing)));
    m_appliedFill = QString::fromStdString(csv.fillValue);
    if (!m_fillValue->isModified()) m_fillValue->setText(m_appliedFill); // else the user is typing
    m_testPath->setText(QString::fromStdString(csv.testPath));
    m_testPath->setToolTip(m_testPath->text());
    const QString targetName = target.isEmpty() && !columns.isEmpty() ? columns.back() : target;
    QStringList splitColumns;
    for (const QString &c : columns)
        if (c != targetName) splitColumns << c;
    if (splitColumns != m_splitColumns ||
        m_splitColumn->count() == 0) { // else the list (and its focus) stays
        m_splitColumns = splitColumns;
        m_splitColumn->clear();
        m_splitColumn->addItem(tr("None (split by the shares below)"), QString());
        for (const QString &c : splitColumns) {
            const qsizetype at = columns.indexOf(c);
            m_splitColumn->addItem(at < labels.size() ? labels[at] : c, c);
        }
    }
    const QString split = QString::fromStdString(csv.splitColumn);
    int index = m_splitColumn->findData(split);
    if (index < 0 && !split.isEmpty()) { // a column this file lacks: shown, so the error below makes sense
        m_splitColumn->addItem(split, split);
        index = m_splitColumn->count() - 1;
    }
    m_splitColumn->setCurrentIndex(std::max(0, index));
    const bool image = csv.imageShape.size() == 3;
    m_image->setChecked(image);
    const std::vector<int> dims = image ? csv.imageShape : guessImageShape(pixels);
    for (int k = 0; k < 3; ++k)
        m_dims[static_cast<std::size_t>(k)]->setValue(dims[static_cast<std::size_t>(k)]);
    updateEnabled();
    // Options that are not the defaults are never hidden.
    if (!csv.header || csv.missing != CsvMissing::Refuse || !csv.testPath.empty() || !split.isEmpty() ||
        image)
        setExpanded(true);
    m_loading = false;
}

void CsvOptionsBox::apply(CsvOptions &csv) const
{
    csv.header = m_header->isChecked();
    const auto missing = static_cast<CsvMissing>(m_missing->currentData().toInt());
    const std::string fill = m_fillValue->text().trimmed().toStdString();
    if (missing != CsvMissing::FillValue || !fill.empty()) { // without a value, the policy waits for one
        csv.missing = missing;
        csv.fillValue = missing == CsvMissing::FillValue ? fill : std::string();
    }
    csv.splitColumn = m_splitColumn->currentData().toString().toStdString();
    csv.testPath = m_testPath->text().toStdString();
    if (!csv.splitColumn.empty()) csv.testPath.clear(); // one or the other: the one just chosen
    csv.imageShape.clear();
    if (m_image->isChecked())
        for (QSpinBox *box : m_dims)
            csv.imageShape.push_back(box->value());
}

void CsvOptionsBox::setMissingReport(const QString &text)
{
    m_missingReport->setText(text);
    m_missingReport->setVisible(!text.isEmpty());
}

void CsvOptionsBox::setTestPath(const QString &stored)
{
    m_testPath->setText(stored);
    if (!stored.isEmpty()) {
        const bool was = std::exchange(m_loading, true);
        m_splitColumn->setCurrentIndex(0); // a test file or a split column, not both
        m_loading = was;
    }
    updateEnabled();
    if (!m_loading) emit edited(tr("test file"));
}

void CsvOptionsBox::updateEnabled()
{
    for (QSpinBox *box : m_dims)
        box->setEnabled(m_image->isChecked());
    m_clearTest->setEnabled(!m_testPath->text().isEmpty());
    m_fillValue->setVisible(fillsWithValue());
}

bool CsvOptionsBox::fillsWithValue() const
{
    return m_missing->currentData().toInt() == int(CsvMissing::FillValue);
}

} // namespace nnp
